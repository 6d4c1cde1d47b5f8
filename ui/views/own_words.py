"""Eigen moeilijke woorden: the board's own jargon list, on top of the shipped dictionary.

Each word has a plain alternative or a short explanation. The list is stored with the
board (setting ``plainlang_terms``) and used at once by every editor's underlining, the
letter view and the resident summary.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from wijkapp.export.summary_pdf import BOARD_TERMS_SETTING, board_terms
from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from ..operations.base import CoreOp
from ..plainlang_editor import highlighter_of


def clean_pair(term: str, meaning: str) -> tuple[str, str] | str:
    """A stripped ``(term, meaning)``, or a Dutch sentence saying what is missing."""
    term, meaning = term.strip(), meaning.strip()
    if not term:
        return _("Vul het moeilijke woord in.")
    if not meaning:
        return _("Vul in wat het woord betekent, of een gewoner woord.")
    if len(term) > 100 or len(meaning) > 500:
        return _("Het woord of de uitleg is te lang.")
    return term, meaning


def pair_text(term: str, meaning: str) -> str:
    """How one word shows in the list."""
    return f"{term}  →  {meaning}"


class OwnWordsDialog(QDialog):
    """Add and remove the board's own difficult words; saved at once."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(_("Eigen moeilijke woorden"))
        self.terms: list[tuple[str, str]] = board_terms(ws)
        layout = QVBoxLayout(self)
        intro = QLabel(_(
            "Wijkapp kent al veel woorden uit brieven van de gemeente. Hier zet u woorden "
            "bij die uw wijkplatform ook moeilijk vindt, met een gewoner woord of uitleg."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Eigen moeilijke woorden"))
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        row = QGridLayout()
        self.term = QLineEdit()
        self.term.setPlaceholderText(_("bijv. sociaal domein"))
        self.term.setAccessibleName(_("Moeilijk woord"))
        self.meaning = QLineEdit()
        self.meaning.setPlaceholderText(_("bijv. hulp en zorg van de gemeente"))
        self.meaning.setAccessibleName(_("Gewoon woord of uitleg"))
        term_label = QLabel(_("&Moeilijk woord:"))
        term_label.setBuddy(self.term)
        meaning_label = QLabel(_("Gewoon woord of &uitleg:"))
        meaning_label.setBuddy(self.meaning)
        row.addWidget(term_label, 0, 0)
        row.addWidget(meaning_label, 0, 1)
        row.addWidget(self.term, 1, 0)
        row.addWidget(self.meaning, 1, 1)
        row.setColumnStretch(0, 1)
        row.setColumnStretch(1, 2)
        layout.addLayout(row)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("&Toevoegen"))
        self.add_button.setAccessibleName(_("Woord toevoegen"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(_("&Weghalen"))
        self.remove_button.setAccessibleName(_("Gekozen woord weghalen"))
        self.remove_button.clicked.connect(self.remove)
        close = QPushButton(_("Sluiten"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.meaning.returnPressed.connect(self.add)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing() * 22)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for term, meaning in sorted(self.terms, key=lambda pair: pair[0].casefold()):
            item = QListWidgetItem(pair_text(term, meaning))
            item.setData(256, term)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self.terms))

    def add(self) -> None:
        """Add (or replace) the typed word; the typed text stays when something is missing."""
        result = clean_pair(self.term.text(), self.meaning.text())
        if isinstance(result, str):
            self.message.setText(_("Let op: {problem}").format(problem=result))
            return
        term, meaning = result
        self.terms = [pair for pair in self.terms if pair[0].casefold() != term.casefold()]
        self.terms.append((term, meaning))
        self.message.setText("")
        self.term.clear()
        self.meaning.clear()
        self.term.setFocus()
        self._save()

    def remove(self) -> None:
        """Remove the chosen word."""
        item = self.list.currentItem()
        if item is None:
            self.message.setText(_("Let op: kies eerst een woord in de lijst."))
            return
        term = item.data(256)
        self.terms = [pair for pair in self.terms if pair[0] != term]
        self._save()

    def _save(self) -> None:
        self._fill()
        value = [list(pair) for pair in self.terms]
        terms = list(self.terms)
        CoreOp(self, lambda ws: ws.set_setting(BOARD_TERMS_SETTING, value)).with_message(
            _("Eigen woorden bewaard.")
        ).success(lambda _changes: apply_terms(terms)).run()


def apply_terms(terms: list[tuple[str, str]]) -> int:
    """Give every open editor with plain-language underlining the new words; return how many."""
    count = 0
    for widget in QApplication.allWidgets():
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            highlighter = highlighter_of(widget)
            if highlighter is not None:
                highlighter.set_extra_terms(terms)
                count += 1
    return count


def open_own_words_dialog(parent: QWidget | None, ws: Workspace) -> None:
    """Bewerken → Eigen moeilijke woorden."""
    OwnWordsDialog(ws, parent).exec()
