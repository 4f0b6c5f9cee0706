"""The supervisor window's exports: a trainee's report (HTML, PDF, CSV, xAPI), the cohort's
answers, the item analysis CSV, and the xAPI course home page they need.

Reading the answers and writing the files run on a worker thread through
:func:`balint_trainer.gui.worker.run_with_progress` (a progress dialog with Cancel appears when
it takes long). That includes the PDF: Qt lays out and paints a QTextDocument on a QPdfWriter
in any thread, and a 10-attempt report (71 pages) took 17–30 s on the 2-core test machine, far
too long for the UI thread. The feedback file is
:mod:`balint_trainer.gui.supervision.feedback_export`. Texts keep the context "SupervisorWindow".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLabel, QWidget

from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import CancelToken, run_with_progress
from balint_trainer.reports import (
    trainee_report,
    trainee_report_html,
    write_answers_csv,
    write_item_analysis_csv,
    write_xapi_json,
)
from balint_trainer.reports.xapi import DEFAULT_HOME_PAGE, normalise_home_page

if TYPE_CHECKING:
    from balint_trainer.gui.supervision.window import SupervisorWindow

translate = QCoreApplication.translate

XAPI_HOME_PAGE_KEY = "xapi/home_page"


def write_pdf(html: str, path: Path, *, title: str = "") -> None:
    """Render report HTML to an A4 PDF (decisions never split across pages; see gui/report_pdf.py).

    Safe on a worker thread: the thread gets an event dispatcher first, because QTextDocument's
    layout starts timers (without one Qt warns, though the PDF is the same)."""
    import threading

    from PySide6.QtCore import QEventLoop

    from balint_trainer.gui.report_pdf import write_pdf as write

    on_worker = threading.current_thread() is not threading.main_thread()
    dispatcher = QEventLoop() if on_worker else None  # gives this thread an event dispatcher
    try:
        write(html, path, title=title)
    finally:
        del dispatcher


def ask_path(
    parent: QWidget, path: Path | str | None, caption: str, default_name: str, file_filter: str
) -> Path | None:
    if path is not None:
        return Path(path)
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / default_name), file_filter)
    return Path(chosen) if chosen else None


def _file_stem(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name).strip("-") or "trainee"


def _run(window: SupervisorWindow, label: str, work: Any, error_title: str) -> tuple[bool, Any]:
    """(done, result) of ``work`` run with progress; an error is shown, Cancel says nothing."""
    outcome = run_with_progress(window, label, work)
    if outcome.cancelled:
        return False, None
    if outcome.error is not None:
        window._show_error(error_title, outcome.error)
        return False, None
    return True, outcome.result


def export_report(window: SupervisorWindow, kind: str, path: Path | str | None = None) -> Path | None:
    """Export the selected trainee's report: kind is 'html', 'pdf', 'csv' or 'xapi'."""
    profile = window.current_trainee()
    if profile is None:
        return None
    filters = {
        "html": (translate("SupervisorWindow", "HTML files (*.html)"), ".html"),
        "pdf": (translate("SupervisorWindow", "PDF files (*.pdf)"), ".pdf"),
        "csv": (translate("SupervisorWindow", "CSV files (*.csv)"), ".csv"),
        "xapi": (translate("SupervisorWindow", "xAPI statements (*.json)"), ".json"),
    }
    file_filter, suffix = filters[kind]
    home_page = xapi_home_page(window, interactive=path is None) if kind == "xapi" else ""
    if home_page is None:
        return None
    default = f"{_file_stem(profile.name)}-{'xapi' if kind == 'xapi' else ('answers' if kind == 'csv' else 'report')}{suffix}"
    target = ask_path(window, path, translate("SupervisorWindow", "Export report"), default, file_filter)
    if target is None:
        return None
    service, cache, mastery = window._service, window._cache, window.lrs.mastery
    profile_id, profile_name = profile.id, profile.name
    language = QLocale().bcp47Name()  # the UI language: i18n.install sets the default locale

    def work(token: CancelToken) -> None:
        report = trainee_report(service, profile_id, cache=cache)
        if kind == "html":
            target.write_text(trainee_report_html(report, language=language), encoding="utf-8")
        elif kind == "pdf":
            html = trainee_report_html(report, language=language, mirror_tables=True)
            if token.cancelled():
                return
            write_pdf(html, target, title=profile_name)
            if token.cancelled():  # nobody waits for it any more: leave no file behind
                target.unlink(missing_ok=True)
        elif kind == "csv":
            write_answers_csv([report], target)
        else:
            write_xapi_json([report], target, home_page=home_page, mastery=mastery)

    error_title = translate("SupervisorWindow", "The report was not exported")
    done, _nothing = _run(window, translate("SupervisorWindow", "Writing the report…"), work, error_title)
    if not done:
        return None
    window.statusBar().showMessage(
        translate("SupervisorWindow", "Written to {path}.").format(path=target), 6000
    )
    window.exported.emit(kind, str(target))
    return target


def export_cohort(window: SupervisorWindow, kind: str, path: Path | str | None = None) -> Path | None:
    """Answers of every trainee in the chosen cohort as CSV ('csv') or xAPI JSON ('xapi')."""
    suffix = ".csv" if kind == "csv" else ".json"
    file_filter = (
        translate("SupervisorWindow", "CSV files (*.csv)")
        if kind == "csv"
        else translate("SupervisorWindow", "xAPI statements (*.json)")
    )
    home_page = xapi_home_page(window, interactive=path is None) if kind == "xapi" else ""
    if home_page is None:
        return None
    target = ask_path(
        window,
        path,
        translate("SupervisorWindow", "Export cohort answers"),
        f"cohort-answers{suffix}",
        file_filter,
    )
    if target is None:
        return None
    cohort = window.items_tab.cohort_combo.currentData()
    service, cache, mastery = window._service, window._cache, window.lrs.mastery

    def work(token: CancelToken) -> bool:
        profiles = service.accounts.profiles(role="trainee", cohort=cohort)
        reports = []
        for done, profile in enumerate(profiles):
            if token.cancelled():
                return False
            token.report(done, len(profiles))
            reports.append(trainee_report(service, profile.id, cache=cache))
        if kind == "csv":
            write_answers_csv(reports, target)
        else:
            write_xapi_json(reports, target, home_page=home_page, mastery=mastery)
        return True

    done, written = _run(
        window,
        translate("SupervisorWindow", "Writing the cohort's answers…"),
        work,
        translate("SupervisorWindow", "The cohort answers were not exported"),
    )
    if not (done and written):
        return None
    window.statusBar().showMessage(
        translate("SupervisorWindow", "Written to {path}.").format(path=target), 6000
    )
    window.exported.emit(f"cohort-{kind}", str(target))
    return target


def export_item_analysis(window: SupervisorWindow, path: Path | str | None = None) -> Path | None:
    """The item rows as the table shows them (order and filter) to a CSV file."""
    target = ask_path(
        window,
        path,
        translate("SupervisorWindow", "Export item analysis"),
        "item-analysis.csv",
        translate("SupervisorWindow", "CSV files (*.csv)"),
    )
    if target is None:
        return None
    rows = window.items_tab.visible_item_rows()

    def work(_token: CancelToken) -> int:
        return write_item_analysis_csv(
            [r.stats for r in rows],
            target,
            {(r.stats.scenario_id, r.stats.decision_id): r.csv_extras() for r in rows},
        )

    done, count = _run(
        window,
        translate("SupervisorWindow", "Export item analysis"),
        work,
        translate("SupervisorWindow", "The item analysis was not exported"),
    )
    if not done:
        return None
    window.statusBar().showMessage(
        plural(translate("SupervisorWindow", "%n item(s) written to {path}.", "", count), count).format(path=target),
        6000,
    )
    window.exported.emit("items", str(target))
    return target


# -- xAPI course home page -------------------------------------------------------------------


def stored_home_page() -> str:
    return str(QSettings().value(XAPI_HOME_PAGE_KEY, "") or "")


def xapi_home_page(window: SupervisorWindow, *, interactive: bool = True) -> str | None:
    """The course home page for xAPI actors; asked once when interactive and not yet set.

    None: the user cancelled. Without a setting (and not interactive) the reserved
    placeholder address is used, which says it is not a real course.
    """
    stored = stored_home_page()
    if stored or not interactive:
        return stored or DEFAULT_HOME_PAGE
    return change_xapi_home_page(window)


def change_xapi_home_page(window: SupervisorWindow) -> str | None:
    """Ask for the course home page and keep it in the settings; None if cancelled."""
    current = stored_home_page()
    problem = ""
    while True:
        text = type(window).ask_home_page(window, current, problem)
        if text is None:
            return None
        try:
            value = normalise_home_page(text)
        except ValueError:
            current = text
            problem = translate(
                "SupervisorWindow",
                "enter a full web address starting with https:// (or http://), without spaces, "
                "'?', '#' or a user name",
            )
            continue
        QSettings().setValue(XAPI_HOME_PAGE_KEY, value)
        window.statusBar().showMessage(
            translate("SupervisorWindow", "xAPI course home page: %1").replace("%1", value), 6000
        )
        return value


def ask_home_page(parent: QWidget, current: str, problem: str) -> str | None:
    """The text typed, or None if cancelled."""
    label = translate(
        "SupervisorWindow",
        "xAPI statements name each trainee as an account of your course, identified by the "
        "course's web address (e.g. https://example.org/balint-course). Use the same address "
        "for every export of this course.",
    )
    if problem:
        label += "\n\n" + translate("SupervisorWindow", "Not accepted: %1").replace("%1", problem)
    dialog = home_page_dialog(parent, label, current)
    try:
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.textValue() if ok else None
    finally:
        dialog.deleteLater()


def home_page_dialog(parent: QWidget | None, label: str, current: str) -> QInputDialog:
    """The question for the xAPI course home page (not yet shown). Its long explanation wraps:
    QInputDialog.getText keeps it on one line, a dialog wider than many screens."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(translate("SupervisorWindow", "xAPI course home page"))
    dialog.setLabelText(label)
    dialog.setTextValue(current)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    for text_label in dialog.findChildren(QLabel):
        text_label.setWordWrap(True)
    dialog.setMinimumWidth(460)
    dialog.resize(560, dialog.sizeHint().height())
    return dialog
