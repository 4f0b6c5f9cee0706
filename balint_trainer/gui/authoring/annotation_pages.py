"""The two pages of the annotation window, built onto it (kept here to keep the window short).

Their strings keep the "AnnotationWindow" translation context they had as its methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.authoring.annotation_models import AgreementModel, AnnotationRowsModel
from balint_trainer.gui.authoring.annotation_widgets import (
    AnnotatePage,
    _NoteEdit,
)
from balint_trainer.gui.markdown_view import SafeTextBrowser

if TYPE_CHECKING:
    from balint_trainer.gui.authoring.annotation import AnnotationWindow


def build_annotate_page(window: AnnotationWindow) -> QWidget:
    """The blind page: transcript, prompt, options with ratings, note, Previous / Save and next."""
    page = AnnotatePage()
    page.number_pressed.connect(window.choose_number)
    window.counter = QLabel()
    window.counter.setAccessibleDescription(QCoreApplication.translate("AnnotationWindow", "Decision number"))
    # Spare height goes to the transcript, not to blank space around this one-line label.
    window.counter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    window.context = SafeTextBrowser(
        accessible_name=QCoreApplication.translate("AnnotationWindow", "Case and transcript so far")
    )
    window.prompt = SafeTextBrowser(
        accessible_name=QCoreApplication.translate("AnnotationWindow", "Decision prompt")
    )
    window.prompt.setMaximumHeight(120)
    window.options_box = QGroupBox(
        QCoreApplication.translate("AnnotationWindow", "Best option (keys 1–8) and optional ratings 1–5")
    )
    window.options_grid = QGridLayout(window.options_box)
    window.option_group = QButtonGroup(window)
    window.option_group.setExclusive(True)
    window.option_buttons = []
    window.rating_combos = []
    window.note = _NoteEdit()
    window.option_labels = []
    window.note.setPlaceholderText(
        QCoreApplication.translate("AnnotationWindow", "Note (optional): why this option?")
    )
    window.note.setAccessibleName(QCoreApplication.translate("AnnotationWindow", "Note"))
    window.note.setMaximumHeight(90)
    window.note.setTabChangesFocus(True)
    window.previous_button = QPushButton(QCoreApplication.translate("AnnotationWindow", "&Previous"))
    window.previous_button.setAccessibleName(
        QCoreApplication.translate("AnnotationWindow", "Previous decision")
    )
    window.previous_button.clicked.connect(window.go_previous)
    window.next_button = QPushButton(QCoreApplication.translate("AnnotationWindow", "Save && &next"))
    window.next_button.setAccessibleDescription(
        QCoreApplication.translate("AnnotationWindow", "Save and go to the next decision")
    )
    window.next_button.setToolTip(QCoreApplication.translate("AnnotationWindow", "Ctrl+Return"))
    window.next_button.clicked.connect(window.save_and_next)
    # A button's mnemonic text replaces any shortcut set on the button (the text changes
    # between "next" and "finish"), so the save keys live on the page, in every state.
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(window.save_and_next)
    window.status = QLabel()
    window.status.setAccessibleDescription(
        QCoreApplication.translate("AnnotationWindow", "Annotation status")
    )
    window.rating_warning = QLabel()
    window.rating_warning.setTextFormat(Qt.TextFormat.PlainText)
    window.rating_warning.setWordWrap(True)
    window.rating_warning.setAccessibleDescription(
        QCoreApplication.translate("AnnotationWindow", "Rating warning")
    )
    window.rating_warning.hide()
    buttons = QHBoxLayout()
    buttons.addWidget(window.status, 1)
    buttons.addWidget(window.previous_button)
    buttons.addWidget(window.next_button)

    lower = QWidget()
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(0, 0, 0, 0)
    lower_layout.addWidget(window.counter)
    lower_layout.addWidget(window.prompt)
    lower_layout.addWidget(window.options_box)
    lower_layout.addWidget(window.note)
    lower_layout.addWidget(window.rating_warning)
    lower_layout.addLayout(buttons)
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(window.context)
    split.addWidget(lower)
    split.setStretchFactor(0, 2)
    split.setStretchFactor(1, 3)
    split.setChildrenCollapsible(False)
    layout = QVBoxLayout(page)
    layout.addWidget(split)
    return page


def build_organiser_page(window: AnnotationWindow) -> QWidget:
    """Agreement per decision, the answers to the selected one, refresh and merge."""
    page = QWidget()
    window.agreement_model = AgreementModel(window)
    window.agreement_view = QTableView()
    window.agreement_view.setModel(window.agreement_model)
    window.agreement_view.setAccessibleName(
        QCoreApplication.translate("AnnotationWindow", "Agreement per decision")
    )
    window.agreement_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    window.agreement_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    window.agreement_view.verticalHeader().hide()
    window.agreement_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    window.agreement_view.horizontalHeader().setStretchLastSection(True)
    window.rows_model = AnnotationRowsModel(window)
    window.rows_view = QTableView()
    window.rows_view.setModel(window.rows_model)
    window.rows_view.setAccessibleName(
        QCoreApplication.translate("AnnotationWindow", "Annotations of the selected decision")
    )
    window.rows_view.verticalHeader().hide()
    window.rows_view.horizontalHeader().setStretchLastSection(True)
    window.agreement_view.selectionModel().currentRowChanged.connect(window._show_rows)
    window.pooled_label = QLabel()
    window.pooled_label.setWordWrap(True)  # kappa, alpha and the flag count: long in any language
    window.pooled_label.setAccessibleDescription(
        QCoreApplication.translate("AnnotationWindow", "Pooled kappa")
    )
    refresh = QPushButton(QCoreApplication.translate("AnnotationWindow", "&Refresh"))
    refresh.setAccessibleName(QCoreApplication.translate("AnnotationWindow", "Refresh agreement"))
    refresh.clicked.connect(window.refresh_organiser)
    window.merge_button = QPushButton(
        QCoreApplication.translate("AnnotationWindow", "&Merge into scenario key…")
    )
    window.merge_button.setAccessibleName(
        QCoreApplication.translate("AnnotationWindow", "Merge annotations into the scenario key")
    )
    window.merge_button.clicked.connect(window.merge_into_key)
    buttons = QHBoxLayout()
    buttons.addWidget(window.pooled_label, 1)
    buttons.addWidget(refresh)
    buttons.addWidget(window.merge_button)
    if window.organiser_exchange:  # request export, annotation import (annotation_exchange.py)
        from balint_trainer.gui.authoring.annotation_exchange import install_organiser_exchange

        window.exchange = install_organiser_exchange(window, buttons)
    layout = QVBoxLayout(page)
    layout.addWidget(window.agreement_view, 2)
    layout.addWidget(window.rows_view, 1)
    layout.addLayout(buttons)
    return page


# -- experts and scenario -------------------------------------------------
