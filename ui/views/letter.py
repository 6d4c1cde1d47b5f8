"""'Brief van de gemeente': paste a letter, read its hard words in plain Dutch, keep it.

The left side is the letter with underlines and a readability meter; the right side lists
every official word with its plain meaning and every sentence with its level (click a
sentence to find it in the letter). At the bottom the letter can be saved with the request
it answers: as the request's answer text, and (when ticked) as the municipality's answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import Changes
from wijkapp.errors import NotFoundError
from wijkapp.i18n import N_, _
from wijkapp.plainlang import LetterAnalysis, Level, analyse_letter

from ..labels import request_status_label
from ..operations.base import CoreOp
from ..plainlang_editor import attach_plain_language, board_terms
from ..readability_meter import ReadabilityMeter
from ..style import set_role
from ..typed_text import KeepsTypedText
from .widgets import heading, hint, message_label, show_problem

__all__ = ["LetterDialog", "level_word", "save_letter"]

_LEVEL_WORDS = {Level.MAKKELIJK: N_("● Makkelijk"), Level.REDELIJK: N_("◐ Redelijk"),
                Level.MOEILIJK: N_("▲ Moeilijk")}


def level_word(level: Level) -> str:
    """The level as a symbol plus word ("▲ Moeilijk"): never colour alone."""
    return _(_LEVEL_WORDS[level])


def _wrapping_list(name: str, parent: QWidget) -> QListWidget:
    """A read-only list whose long lines wrap instead of being cut off."""
    view = QListWidget(parent)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setSpacing(4)
    # Side padding on items is not counted when Qt measures wrapped rows (the app style
    # sets some): keep only vertical padding, so the last line of a row is never cut.
    view.setStyleSheet("QListWidget::item { padding: 4px 0px; }")
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # A scroll bar that appears after the rows were measured would cut the last line short.
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setAlternatingRowColors(True)
    view.setAccessibleName(name)
    return view


def save_letter(parent: QWidget | None, request_id: str, text: str, is_answer: bool) -> CoreOp:
    """Store ``text`` as the request's answer text; when ``is_answer`` and the request still
    waits (concept or verstuurd), also record it as the municipality's answer (today)."""

    def op(ws: Any) -> Changes:
        result: Changes = ws.requests.save_letter(request_id, text, is_answer)
        return result

    message = _("Brief bewaard als antwoord op het verzoek.") if is_answer else _(
        "Brief bewaard bij het verzoek.")
    return CoreOp(parent, op).with_message(message)


class LetterDialog(KeepsTypedText, QDialog):
    """Paste a municipal letter, see its jargon and sentences, save it with a request."""

    #: Emitted with the request id after the letter was saved.
    saved = Signal(str)

    def __init__(self, ws: Any, parent: QWidget | None = None,
                 request_id: str | None = None) -> None:
        """``request_id`` preselects the request (and shows an answer already stored)."""
        super().__init__(parent)
        self._ws = ws
        self._terms: Sequence[tuple[str, str]] = board_terms(ws)
        self.analysis: LetterAnalysis | None = None
        self.setWindowTitle(_("Brief van de gemeente"))
        self.setMinimumSize(900, 640)

        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(_("De brief"))
        self.edit.setPlaceholderText(_("Plak hier de brief van de gemeente (Ctrl+V)."))
        self.meter = ReadabilityMeter(self)
        self.highlighter = attach_plain_language(self.edit, self.meter, self._terms)
        self.highlighter.report_changed.connect(self._show_analysis)

        self.words = _wrapping_list(_("Moeilijke woorden met hun betekenis"), self)
        self.sentences = _wrapping_list(_("Zin voor zin"), self)
        self.sentences.itemActivated.connect(self._select_sentence)
        self.sentences.itemClicked.connect(self._select_sentence)
        self.words_title = heading(_("Moeilijke woorden"), self, role="subheading")
        self.sentences_title = heading(_("Zin voor zin"), self, role="subheading")

        self.request_combo = QComboBox(self)
        self.request_combo.setAccessibleName(_("Bij welk verzoek hoort de brief?"))
        self.answer_box = QCheckBox(_("Dit is het antwoord van de gemeente op dit verzoek"), self)
        self.message = message_label(self)
        self.save_button = QPushButton(_("Bewaren bij verzoek"), self)
        set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        close_button = QPushButton(_("Sluiten"), self)
        close_button.clicked.connect(self.reject)
        self._fill_requests(request_id)
        self._layout(close_button)
        self.edit.setFocus()
        self.keep_typed_text(close_button)

    # -- layout -----------------------------------------------------------------------
    def _layout(self, close_button: QPushButton) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(_("De brief"), left, role="subheading"))
        left_layout.addWidget(self.edit, 1)
        left_layout.addWidget(self.meter)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.words_title)
        right_layout.addWidget(self.words, 1)
        right_layout.addWidget(self.sentences_title)
        right_layout.addWidget(self.sentences, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([500, 500])

        save_row = QHBoxLayout()
        save_row.addWidget(self.request_combo, 1)
        save_row.addWidget(self.save_button)
        save_row.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Brief van de gemeente"), self))
        layout.addWidget(hint(_("Plak de brief hieronder. Wijkapp legt moeilijke woorden uit "
                                "en laat zien welke zinnen moeilijk zijn. Wijs een "
                                "onderstreept woord aan voor een gewoon woord."), self))
        layout.addWidget(splitter, 1)
        layout.addWidget(hint(_("Bewaar de brief bij het verzoek waar hij over gaat:"), self))
        layout.addLayout(save_row)
        layout.addWidget(self.answer_box)
        layout.addWidget(self.message)
        show_problem(self.message, None, "")

    def _fill_requests(self, request_id: str | None) -> None:
        self.request_combo.addItem(_("Kies een verzoek…"), None)
        for request in self._ws.requests.all():
            status = request_status_label(request.status)
            self.request_combo.addItem(f"{request.subject} ({status})", request.id)
        if request_id is None:
            return
        index = self.request_combo.findData(request_id)
        if index >= 0:
            self.request_combo.setCurrentIndex(index)
        try:
            request = self._ws.requests.get(request_id)
        except NotFoundError:
            return
        self.answer_box.setChecked(request.status == "sent")
        if request.answer_text.strip():
            self.edit.setPlainText(request.answer_text)

    # -- analysis ---------------------------------------------------------------------
    def set_letter(self, text: str) -> None:
        """Put ``text`` in the box and analyse it at once (as if pasted and waited)."""
        self.edit.setPlainText(text)
        self.highlighter.analyse_now()

    def _show_analysis(self, _report: object) -> None:
        text = self.edit.toPlainText()
        self.analysis = analyse_letter(text, self._terms) if text.strip() else None
        self.words.clear()
        self.sentences.clear()
        if self.analysis is None:
            self.words_title.setText(_("Moeilijke woorden"))
            return
        for entry in self.analysis.glossary:
            found = ", ".join(entry.found)
            times = _(" ({count} keer)").format(count=entry.count) if entry.count > 1 else ""
            meaning = (_("betekent: {alternative}") if entry.explains
                       else _("zeg liever: {alternative}")).format(alternative=entry.alternative)
            item = QListWidgetItem(f"{found}{times} — {meaning}")
            item.setData(Qt.ItemDataRole.UserRole, (found, entry.alternative))
            self.words.addItem(item)
        count = len(self.analysis.glossary)
        self.words_title.setText(_("Moeilijke woorden ({count})").format(count=count))
        for sentence in self.analysis.sentences:
            item = QListWidgetItem(f"{level_word(sentence.level)}: {' '.join(sentence.text.split())}")
            item.setData(Qt.ItemDataRole.UserRole, (sentence.start, sentence.end))
            item.setToolTip("\n".join(sentence.reasons) or _("Deze zin is goed te lezen."))
            self.sentences.addItem(item)
        hard = len(self.analysis.difficult_sentences)
        self.sentences_title.setText(
            _("Zin voor zin ({hard} van de {total} niet makkelijk)").format(
                hard=hard, total=len(self.analysis.sentences)))

    def _select_sentence(self, item: QListWidgetItem) -> None:
        start, end = item.data(Qt.ItemDataRole.UserRole)
        cursor = self.edit.textCursor()
        cursor.setPosition(self.highlighter.qt_position(start))
        cursor.setPosition(self.highlighter.qt_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.centerCursor()

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        """Save the letter with the chosen request (a background operation)."""
        text = self.edit.toPlainText()
        request_id = self.request_combo.currentData()
        if not text.strip():
            show_problem(self.message, _("plak eerst de brief in het vak."))
            return
        if not request_id:
            show_problem(self.message, _("kies het verzoek waar de brief bij hoort."))
            return
        is_answer = self.answer_box.isChecked()
        self.save_button.setEnabled(False)

        def done(_changes: object) -> None:
            self.save_button.setEnabled(True)
            if self.edit.toPlainText() == text:
                self.text_saved()
            subject = self.request_combo.currentText()
            show_problem(self.message, None, _("Bewaard bij: {subject}.").format(subject=subject))
            self.saved.emit(request_id)

        save_letter(self, request_id, text, is_answer).success(done).failure(
            lambda _error: self.save_button.setEnabled(True)).run()
