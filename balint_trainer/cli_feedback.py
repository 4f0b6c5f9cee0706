"""``export-feedback`` / ``import-feedback``: supervisor comments back to an offline trainee
(see :mod:`balint_trainer.services.feedback_files`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
COMMANDS = ("export-feedback", "import-feedback")


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export-feedback", help="write the comments on a trainee's attempts to a feedback file"
    )
    export.add_argument("--profile", metavar="NAME", required=True, help="the trainee's profile name")
    export.add_argument("file", metavar="FILE", help="feedback file to write (.json)")
    imp = commands.add_parser("import-feedback", help="import a supervisor's feedback file (safe to repeat)")
    imp.add_argument("file", metavar="FILE")


def cmd_feedback(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.services import NotFound, ServiceError, open_service

    try:
        with open_service(args.database) as svc:
            if args.command == "export-feedback":
                profile = svc.accounts.profile_by_name(args.profile)
                count = svc.review.export_feedback(profile.id, Path(args.file))
                print(f"{args.file}: {count} comment(s) on the attempts of {profile.name} exported", file=err)
            else:
                print(svc.review.import_feedback(Path(args.file)).summary(), file=out)
    except NotFound as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE
    except ServiceError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    return EXIT_OK
