"""``export-annotation-request`` and ``import-annotations``: remote expert annotation from a terminal."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
COMMANDS = ("export-annotation-request", "import-annotations")


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export-annotation-request",
        help="write a blind annotation request for one expert (no key, feedback or rationale)",
    )
    export.add_argument("files", nargs="+", metavar="SCENARIO_FILE")
    export.add_argument("--expert", required=True, metavar="NAME", help="the expert's name")
    export.add_argument("--organiser", metavar="NAME", help="your name (default: your login name)")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="request file to write")
    imp = commands.add_parser(
        "import-annotations", help="import experts' annotation files (each atomic; safe to repeat)"
    )
    imp.add_argument("files", nargs="+", metavar="FILE")


def cmd_annotation(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.services import ServiceError, open_service
    from balint_trainer.services.annotation_exchange import AnnotationImportError

    if args.command == "export-annotation-request":
        from balint_trainer.core.validation import load_scenario_file

        loaded = [load_scenario_file(f) for f in args.files]
        bad = [item for item in loaded if not item.ok]
        for item in bad:
            for problem in item.errors or item.problems:
                print(problem, file=err)
        if bad:
            print(
                "error: fix the scenario(s) before sending them to an expert; nothing was written", file=err
            )
            return EXIT_INVALID
    try:
        with open_service(args.database) as svc:
            if args.command == "export-annotation-request":
                organiser = args.organiser or getpass.getuser() or "organiser"
                request = svc.annotations.export_annotation_request(
                    loaded, organiser=organiser, expert=args.expert, path=Path(args.output)
                )
                print(
                    f"{args.output}: request {request.request_id} for {request.expert} "
                    f"({len(request.scenarios)} scenario(s), blind)",
                    file=out,
                )
                return EXIT_OK
            failed = 0
            for name in args.files:
                try:
                    print(svc.annotations.import_annotations(Path(name)).summary(), file=out)
                except AnnotationImportError as exc:
                    failed += 1
                    for line in exc.problems or [exc.message]:
                        print(line, file=err)
            return EXIT_INVALID if failed else EXIT_OK
    except AnnotationImportError as exc:
        for line in exc.problems or [exc.message]:
            print(f"error: {line}", file=err)
        return EXIT_INVALID
    except ServiceError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
