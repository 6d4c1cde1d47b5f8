"""Gegevens van het wijkplatform: name, wijk, gemeente and how residents reach the board.

The contact details are printed on every resident document ("Vragen of ideeën?"); the
dialog shows that line as it will read, while typing. Saving is one undo step. A wrong
e-mail address or phone number gets a Dutch sentence and keeps everything typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wijkapp.board_contact import CONTACT_FIELDS, BoardContact, clean_contact, contact_sentences
from wijkapp.errors import ValidationError
from wijkapp.i18n import N_, _
from wijkapp.workspace import Workspace

from ..operations.base import CoreOp

__all__ = ["BoardSettingsDialog", "open_board_settings", "preview_line"]

_LABELS = {
    "name": N_("&Naam van het wijkplatform:"),
    "wijk": N_("W&ijk:"),
    "municipality": N_("&Gemeente:"),
    "contact_person": N_("&Contactpersoon:"),
    "contact_email": N_("&E-mailadres:"),
    "contact_phone": N_("&Telefoonnummer:"),
    "contact_website": N_("&Website:"),
    "contact_address": N_("&Adres:"),
}
_EXAMPLES = {
    "contact_person": N_("bijv. Jo Smeets (secretaris)"),
    "contact_email": N_("bijv. info@wijkplatform.nl"),
    "contact_phone": N_("bijv. 046 123 45 67"),
    "contact_website": N_("bijv. www.wijkplatform.nl"),
    "contact_address": N_("bijv. Kerkstraat 12, 6161 AB Geleen"),
}


def preview_line(values: dict[str, str]) -> str:
    """The contact sentences residents will read, for the typed ``values`` (pure)."""
    contact = BoardContact(*(" ".join(values.get(name, "").split()) for name in CONTACT_FIELDS))
    return " ".join(contact_sentences(contact))


class BoardSettingsDialog(QDialog):
    """Edit the board's name, wijk, gemeente and contact details; Bewaren saves them."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(_("Gegevens van het wijkplatform"))
        board = ws.board
        layout = QVBoxLayout(self)
        intro = QLabel(_("Hoe kunnen bewoners u bereiken? Dit staat onder elk stuk voor "
                         "bewoners, zoals het nieuws na een vergadering."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label_text in _LABELS.items():
            edit = QLineEdit(str(getattr(board, name, "") or ""))
            edit.setAccessibleName(_(label_text).replace("&", "").rstrip(":"))
            if name in _EXAMPLES:
                edit.setPlaceholderText(_(_EXAMPLES[name]))
            edit.textChanged.connect(self._update_preview)
            label = QLabel(_(label_text))
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.fields[name] = edit
        layout.addLayout(form)
        heading = QLabel(_("Zo staat het onder het nieuws voor bewoners:"))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setProperty("role", "hint")
        self.preview.setAccessibleName(_("Voorbeeld voor bewoners"))
        layout.addWidget(self.preview)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(_("Annuleren"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(_("&Bewaren"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())
        self._update_preview()

    def values(self) -> dict[str, str]:
        """What is typed now, per field."""
        return {name: edit.text() for name, edit in self.fields.items()}

    def problem(self) -> str | None:
        """A Dutch sentence when something typed cannot be saved, else ``None``."""
        values = self.values()
        if not values["name"].strip():
            return _("Vul de naam van het wijkplatform in.")
        try:
            clean_contact({k: v for k, v in values.items() if k in CONTACT_FIELDS})
        except ValidationError as error:
            return str(error)
        return None

    def _update_preview(self) -> None:
        self.preview.setText(preview_line(self.values()))

    def save(self) -> None:
        """Save everything as one step and close; on a problem say so and keep the text."""
        problem = self.problem()
        if problem is not None:
            self.message.setText(_("Let op: {problem}").format(problem=problem))
            return
        self.message.setText("")
        values = self.values()
        board_id = self.ws.board_id
        self.save_button.setEnabled(False)
        CoreOp(self, lambda ws: ws.boards.set_details(board_id, **values)).with_message(
            _("Gegevens van het wijkplatform bewaard.")
        ).success(lambda _changes: self.accept()).failure(
            lambda _error: self.save_button.setEnabled(True)).run()


def open_board_settings(parent: QWidget | None, ws: Workspace) -> None:
    """Bewerken → Gegevens van het wijkplatform."""
    BoardSettingsDialog(ws, parent).exec()
