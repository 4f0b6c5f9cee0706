"""Command line: ``balint-trainer`` opens the app; sub-commands work without Qt.

Exit codes: 0 success, 1 invalid input (validation failed) or any unexpected failure
(``error: …`` on one line, never a traceback), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from balint_trainer import __version__

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class _NotJustOptions(Exception):
    """The command line is more than the app's global options: use the full parser."""


class _OptionsOnlyParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotJustOptions(message)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL (default: SQLite in the user data folder; "
        "or set BALINT_TRAINER_DATABASE_URL)",
    )
    parser.add_argument(
        "--scenarios",
        metavar="DIR",
        action="append",
        default=[],
        help="extra scenario folder for the app's library (repeatable)",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="user-interface language, e.g. fa (default: $BALINT_TRAINER_LANG, else the system's)",
    )


def _app_options(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options of a plain app start, or None when argv needs the full parser.

    Opening the app is the common case and on the start-up path: building every
    sub-command's parser costs ~3 ms, most of it argparse looking up message
    translations on disk. Anything else (a command, --help, --version, a mistake)
    goes through :func:`build_parser`, so help and errors are unchanged.
    """
    if not (sys.argv[1:] if argv is None else argv):
        # A plain launch: no parser at all (argparse's message look-ups import gettext and locale).
        return argparse.Namespace(database=None, scenarios=[], language=None, command=None)
    parser = _OptionsOnlyParser(add_help=False)
    _add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotJustOptions:
        return None
    if rest:
        return None
    args.command = None
    return args


def _points(value: str) -> float:
    try:
        points = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of points") from None
    if not 0 <= points <= 100:
        raise argparse.ArgumentTypeError(f"{value}: expected 0 to 100 points")
    return points


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="balint-trainer",
        description="Practise leading Balint groups against an expert panel. "
        "Without a command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser("validate", help="check scenario files or folders")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("-q", "--quiet", action="store_true", help="print problems only, no summary")
    validate.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="check a large library (200+ files) in N worker processes (default 1: this process only)",
    )

    audit = commands.add_parser(
        "audit",
        help="item-writing audit: can surface strategies (longest option …) beat chance?",
        description="Warn about item-writing flaws and compare what always picking the longest "
        "option, the one with most words or the first would score with chance. Exit 1 when a "
        "surface strategy beats chance by more than the threshold (see docs/scenario-format.md).",
    )
    audit.add_argument("paths", nargs="+", metavar="PATH")
    audit.add_argument("--json", action="store_true", help="print JSON (default: warnings and tables)")
    audit.add_argument(
        "--threshold",
        type=_points,
        default=None,
        metavar="N",
        help="points above chance a surface strategy may score library-wide (default 12)",
    )

    commands.add_parser("schema", help="print the JSON Schema of the scenario format")

    score = commands.add_parser("score", help="score answers to a scenario")
    score.add_argument("file", metavar="FILE")
    score.add_argument("--answer", action="append", default=[], metavar="DECISION=OPTION")
    score.add_argument("--json", action="store_true", help="print JSON (default: a table)")

    key = commands.add_parser("key", help="show the expert key: votes, credits, agreement, kappa")
    key.add_argument("file", metavar="FILE")
    key.add_argument("--json", action="store_true", help="print JSON (default: a table)")

    # --- attempt bundles (offline trainee -> supervisor); see balint_trainer.services.bundles
    export = commands.add_parser("export-attempts", help="write a profile's attempts to a bundle file")
    export.add_argument("--profile", metavar="NAME", help="profile name (default: the local trainee)")
    export.add_argument("file", metavar="FILE", help="bundle to write (.json, or .json.gz compressed)")
    imp = commands.add_parser("import-attempts", help="import an attempt bundle (safe to repeat)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help="the existing profile these attempts belong to (remembered for the trainee's later bundles)",
    )

    # --- shared courses: the course admin creates accounts (PostgreSQL: one login role each)
    account = commands.add_parser(
        "create-account", help="create a trainee/supervisor/organiser account with a password"
    )
    account.add_argument("name", metavar="NAME")
    account.add_argument("--role", choices=("trainee", "supervisor", "organiser"), default="trainee")
    account.add_argument("--cohort", metavar="COHORT", help="cohort (supervisors see their cohort)")
    account.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input, not a prompt"
    )
    from balint_trainer import cli_annotation, cli_backup, cli_feedback  # not on the app's start-up path

    cli_backup.add_parsers(commands)
    cli_feedback.add_parsers(commands)
    cli_annotation.add_parsers(commands)
    return parser


def _print_problems(problems: Sequence[object], out: TextIO) -> None:
    for problem in problems:
        print(problem, file=out)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes (1 or more)")
    return value


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.core.validation import iter_validated

    # One file at a time, printed as it comes: nothing is kept (10,000 parsed scenarios
    # would take over a gigabyte).
    # One process by default. On a 2-core machine two workers took 0.55x the time of one
    # process with a core idle, but 1.15-1.25x with the other core busy (their start-up and
    # imports, and no core to gain): a predictable default, and -j for a machine with room.
    results: Iterable[Any]
    if args.jobs == 1:
        results = iter_validated(args.paths)
    else:
        from balint_trainer.core.parallel_validation import iter_checked

        results = iter_checked(args.paths, args.jobs)  # in-process when small
    checked = failed = errors = 0
    for result in results:
        checked += 1
        failed += not result.ok
        errors += sum(1 for p in result.problems if p.is_error)
        _print_problems(result.problems, out)
    if not args.quiet:
        if not checked:
            print("no scenario files found", file=err)
        else:
            print(
                f"{checked} file(s) checked: {checked - failed} valid, {failed} invalid, {errors} error(s)",
                file=err,
            )
    return EXIT_OK if checked and not failed else EXIT_INVALID


def cmd_schema(out: TextIO) -> int:
    import json

    from balint_trainer.core.schema import scenario_json_schema

    json.dump(scenario_json_schema(), out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK


def _load_valid(path: str, err: TextIO):  # type: ignore[no-untyped-def]
    from balint_trainer.core.validation import load_scenario_file

    loaded = load_scenario_file(path)
    if loaded.scenario is None or not loaded.ok:
        _print_problems(loaded.problems, err)
        print(f"{path}: not a valid scenario; run 'balint-trainer validate {path}'", file=err)
        return None
    return loaded.scenario


def cmd_score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.core.scoring import ScoringError, score_answers

    answers: dict[str, str] = {}
    for item in args.answer:
        decision, sep, option = item.partition("=")
        if not sep or not decision.strip() or not option.strip():
            print(f"--answer '{item}': expected DECISION=OPTION", file=err)
            return EXIT_USAGE
        if decision.strip() in answers:
            print(f"--answer: decision '{decision.strip()}' given twice", file=err)
            return EXIT_USAGE
        answers[decision.strip()] = option.strip()
    scenario = _load_valid(args.file, err)
    if scenario is None:
        return EXIT_INVALID
    try:
        result = score_answers(scenario, answers)
    except ScoringError as exc:
        print(f"{args.file}: {exc}", file=err)
        return EXIT_USAGE
    from balint_trainer.core.panel_relative import for_answers

    answered = [scenario.decision(d.id) for d in result.decisions]
    relative = for_answers(answered, [d.credit for d in result.decisions])
    if args.json:
        import json

        data = result.as_json()
        if relative is not None:  # optional: the contract's other fields are unchanged
            data["panel_relative"] = relative.as_json()
        json.dump(data, out, indent=2)
        out.write("\n")
        return EXIT_OK
    print(f"{scenario.title} ({scenario.id})", file=out)
    for d in result.decisions:
        print(f"  {d.id:<32} chose {d.chosen:<6} credit {d.credit:.2f}  [{d.competency}]", file=out)
    total = "—" if result.total is None else f"{result.total:.1f} / 100"
    print(f"Total: {total}", file=out)
    if relative is not None and relative.panel_sd is not None:
        scaled = "—" if relative.scaled is None else f"{relative.scaled:.1f}"
        print(
            f"Panel (leave-one-out): mean {relative.panel_mean:.1f}, SD {relative.panel_sd:.1f}; "
            f"scaled score (panel 80, SD 5): {scaled}",
            file=out,
        )
    for cid, value in result.competencies.items():
        print(f"  {cid:<24} {value:.2f}", file=out)
    return EXIT_OK


def cmd_key(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.core.scoring import scenario_key

    scenario = _load_valid(args.file, err)
    if scenario is None:
        return EXIT_INVALID
    report = scenario_key(scenario)
    if args.json:
        import json

        json.dump(report, out, indent=2)
        out.write("\n")
        return EXIT_OK

    def fmt(value: object) -> str:
        return "—" if value is None else f"{value:.2f}"

    print(f"{scenario.title} ({scenario.id})", file=out)
    decisions: list[dict[str, Any]] = report["decisions"]  # type: ignore[assignment]
    for d in decisions:
        flag = "  LOW AGREEMENT" if d["low_agreement"] else ""
        print(
            f"{d['id']} [{d['competency']}] experts {d['experts']}  P {fmt(d['agreement'])}"
            f"  kappa {fmt(d['kappa'])}  alpha {fmt(d['krippendorff_alpha'])}{flag}",
            file=out,
        )
        for o in d["options"]:
            print(f"    {o['id']:<6} votes {o['votes']:<3} credit {o['credit']:.2f}", file=out)
    print(f"Pooled Fleiss' kappa: {fmt(report['kappa'])}", file=out)
    print(f"Pooled Krippendorff's alpha (ordinal, missing ratings allowed): {fmt(report['krippendorff_alpha'])}", file=out)
    return EXIT_OK


def cmd_attempt_bundle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``export-attempts`` / ``import-attempts``: the only CLI commands that open the database."""
    from balint_trainer.services import BundleError, NotFound, ServiceError, open_service

    try:
        with open_service(args.database) as svc:
            if args.command == "export-attempts":
                profile = svc.accounts.profile_by_name(args.profile) if args.profile else svc.accounts.local_profile()
                count = svc.exchange.export_attempts(profile.id, Path(args.file))
                print(f"{args.file}: {count} attempt(s) of {profile.name} exported", file=err)
            else:
                as_name = getattr(args, "as_name", None)
                as_id = svc.accounts.profile_by_name(as_name).id if as_name else None
                print(svc.exchange.import_attempts(Path(args.file), as_profile_id=as_id).summary(), file=out)
    except BundleError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    except NotFound as exc:
        print(f"error: {exc}", file=err)
        return EXIT_USAGE
    except ServiceError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    return EXIT_OK


def cmd_create_account(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import getpass

    from balint_trainer.services import ServiceError, open_service

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if password != getpass.getpass("Repeat the password: "):
            print("error: the passwords differ", file=err)
            return EXIT_USAGE
    try:
        with open_service(args.database) as svc:
            profile = svc.accounts.create_account(args.name, args.role, password, cohort=args.cohort)
            print(
                f"created {profile.role} '{profile.name}'"
                + (f" in cohort {profile.cohort}" if profile.cohort else ""),
                file=out,
            )
            if svc.url.startswith("postgresql"):
                from sqlalchemy.engine import make_url

                from balint_trainer.services.security import db_role_name

                url = make_url(svc.url).set(username=db_role_name(profile.name), password=None)
                print(
                    f"they connect with: balint-trainer --database '{url.render_as_string()}' "
                    "(PostgreSQL asks for their password, or put it in ~/.pgpass)",
                    file=out,
                )
    except ServiceError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _app_options(argv) or build_parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "validate":
            return cmd_validate(args, out, err)
        if args.command == "audit":
            from balint_trainer.cli_audit import cmd_audit

            return cmd_audit(args, out, err)
        if args.command == "schema":
            return cmd_schema(out)
        if args.command == "score":
            return cmd_score(args, out, err)
        if args.command == "key":
            return cmd_key(args, out, err)
        if args.command in ("export-attempts", "import-attempts"):
            return cmd_attempt_bundle(args, out, err)
        if args.command == "create-account":
            return cmd_create_account(args, out, err)
        if args.command is not None:
            return _other_command(args, out, err)
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
    except Exception as exc:  # whatever the input, a one-line error and exit 1, never a traceback
        from balint_trainer.core.problems import one_line

        print(f"error: {one_line(str(exc) or type(exc).__name__)}", file=err)
        return EXIT_INVALID
    from balint_trainer.gui.app import run_app

    return run_app(
        database_url=args.database,
        extra_scenario_dirs=[Path(p) for p in args.scenarios],
        language=args.language,
    )


def _other_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Feedback, annotation and backup commands (their modules load only for them)."""
    from balint_trainer import cli_annotation, cli_backup, cli_feedback

    if args.command in cli_feedback.COMMANDS:
        return cli_feedback.cmd_feedback(args, out, err)
    if args.command in cli_annotation.COMMANDS:
        return cli_annotation.cmd_annotation(args, out, err)
    if args.command == "backup":
        return cli_backup.cmd_backup(args, out, err)
    if args.command == "restore-backup":
        return cli_backup.cmd_restore(args, out, err)
    raise ValueError(f"unknown command {args.command!r}")  # the parser allows none


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
