"""Attempt bundles from trainees working offline, imported in the supervisor window.

Files come from *Profiles → Import trainee attempts…* or are dropped on the window. Reading
them and importing run on a worker thread (:func:`balint_trainer.gui.worker.run_with_progress`,
with Cancel between files); whose first bundle a file is, is asked on the UI thread
(:mod:`balint_trainer.gui.supervision.bundle_match`). Texts keep the context "SupervisorWindow".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QMimeData

from balint_trainer.gui import plain_text
from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import CancelToken, run_with_progress

if TYPE_CHECKING:
    from balint_trainer.gui.supervision.window import SupervisorWindow

translate = QCoreApplication.translate


@dataclass(frozen=True)
class BundleImport:
    """One attempt-bundle file given to the supervisor window: its import report, or why it was refused."""

    path: Path
    report: Any | None  # services.dto.ImportReport
    error: str = ""


def match_bundles(
    window: SupervisorWindow, paths: Sequence[Path]
) -> dict[Path, tuple[int | None, bool] | None] | None:
    """Whose each bundle is, as (``as_profile_id``, ``as_new``) for the import; None for a file
    the supervisor skipped. A trainee never seen here is matched once (the dialog, on this
    thread; the service remembers it); reading the files runs on a worker. None: cancelled."""
    matches: dict[Path, Any] = {}
    service = window._service

    def read(token: CancelToken) -> None:
        for done, path in enumerate(paths):
            if token.cancelled():
                return
            token.report(done, len(paths))
            try:
                matches[path] = service.exchange.bundle_match(path)
            except Exception:  # the import itself reports what is wrong with the file
                continue

    if run_with_progress(window, translate("SupervisorWindow", "Reading attempt files…"), read).cancelled:
        return None
    decided: dict[Path, tuple[int | None, bool] | None] = {}
    by_uid: dict[str, tuple[int | None, bool] | None] = {}  # one question per trainee
    for path in paths:
        match = matches.get(path)
        if match is None or match.known is not None or not (match.suggestions or match.others):
            decided[path] = (None, False)  # decided already, or nobody to match it to
            continue
        if match.uid is not None and match.uid in by_uid:
            decided[path] = by_uid[match.uid]
            continue
        choice = type(window).ask_bundle_match(window, match)
        decision = None if choice is None else (None, True) if choice == "new" else (int(choice), False)
        decided[path] = decision
        if match.uid is not None:
            by_uid[match.uid] = decision
    return decided


def import_attempt_bundles(
    window: SupervisorWindow, paths: Sequence[Path | str] | None = None
) -> list[BundleImport]:
    """Import trainees' attempt bundles, each file on its own (atomic, idempotent).

    A refused file is reported and the others still import. The trainee list is
    reloaded and the last imported trainee selected; a summary per file is shown.
    """
    if paths is None:
        paths = type(window).ask_bundle_paths(window)
    if not paths:
        return []
    results: list[BundleImport] = []
    service = window._service
    chosen = [Path(raw) for raw in paths]
    decided = match_bundles(window, chosen)
    if decided is None:
        return []

    skipped = translate("SupervisorWindow", "Skipped; nothing was imported.")

    def work(token: CancelToken) -> None:  # on a worker thread: the service allows that
        for done, path in enumerate(chosen):
            if token.cancelled():  # each file is atomic: stop between files
                return
            token.report(done, len(chosen))
            try:
                decision = decided.get(path, (None, False))
                if decision is None:
                    results.append(BundleImport(path, None, skipped))
                    continue
                as_id, as_new = decision
                chosen_for: dict[str, Any] = {}  # only when the supervisor chose
                if as_id is not None:
                    chosen_for["as_profile_id"] = as_id
                if as_new:
                    chosen_for["as_new"] = True
                results.append(BundleImport(path, service.exchange.import_attempts(path, **chosen_for)))
            except Exception as exc:  # BundleError says what is wrong; nothing of it was written
                message = str(exc) or type(exc).__name__
                results.append(BundleImport(path, None, message.removeprefix(f"{path}: ")))

    outcome = run_with_progress(window, translate("SupervisorWindow", "Importing attempts…"), work)
    results = list(results)  # after Cancel: the files done so far (the worker may finish one more)
    if outcome.cancelled and not results:
        return []
    if outcome.error is not None and len(results) < len(chosen):
        results.append(BundleImport(chosen[len(results)], None, str(outcome.error)))
    imported = [r.report for r in results if r.report is not None]
    if imported:
        window.refresh(select=imported[-1].profile.id)  # off the UI thread; selects them when read
    show_import_summary(window, results)
    return results


def show_import_summary(window: SupervisorWindow, results: Sequence[BundleImport]) -> None:
    number = QLocale().toString
    lines: list[str] = []
    for result in results:
        report = result.report
        if report is None:
            lines.append(
                translate("SupervisorWindow", "%1: not imported. %2")
                .replace("%1", result.path.name)
                .replace("%2", result.error)
            )
            continue
        count2 = report.attempts_new
        line = (
            plural(
                translate(
                    "SupervisorWindow",
                    "%1: %2 — %n attempt(s) added, %3 updated, %4 already present.",
                    "",
                    count2,
                ),
                count2,
            )
            .replace("%1", result.path.name)
            .replace("%2", report.profile.name)
            .replace("%3", number(report.attempts_updated))
            .replace("%4", number(report.attempts_already_present))
        )
        if report.matched_by == "created":
            line += " " + translate("SupervisorWindow", "A new profile was created.")
        elif report.matched_by == "chosen":
            line += " " + translate(
                "SupervisorWindow", "Later files from this trainee will go to %1 too."
            ).replace("%1", report.profile.name)
        if report.note:  # the bundle names the trainee differently: say where the attempts went
            line += " " + translate(
                "SupervisorWindow",
                "Imported into %1, which already holds these attempts (the file calls the trainee %2).",
            ).replace("%1", report.profile.name).replace("%2", report.bundle_name)
            if report.namesake:
                line += " " + translate(
                    "SupervisorWindow", "The other profile named %1 was left unchanged."
                ).replace("%1", report.namesake)
        if report.profile.role != "trainee":
            line += " " + translate(
                "SupervisorWindow", "It is not a trainee profile, so it is not in the trainee list."
            )
        lines.append(line)
    done = sum(r.report is not None for r in results)
    count1 = len(results)
    status = plural(
        translate("SupervisorWindow", "Imported %1 of %Ln file(s).", "", count1), count1
    ).replace("%1", number(done))
    window.statusBar().showMessage(status, 10000)
    title = translate("SupervisorWindow", "Import trainee attempts")
    text = status + "\n\n" + "\n\n".join(lines)
    if done < len(results):
        plain_text.warning(window, title, text)
    else:
        plain_text.information(window, title, text)


def dropped_bundles(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [Path(f) for f in files if f.lower().endswith((".json", ".gz"))]
