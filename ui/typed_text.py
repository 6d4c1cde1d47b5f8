"""Dialogs that hold typed text never throw it away without asking.

A dialog mixes in :class:`KeepsTypedText`: the texts of its fields are remembered when it
is first shown; Annuleren, Escape and the window's close button then ask before discarding
anything typed since ("Wat u typte weggooien?"), with "Terug naar het venster" as the safe
default. The cancel button never takes Enter: Enter saves (the default button), so a
volunteer who tabs onto Annuleren and presses Enter keeps the decision they typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from wijkapp.i18n import _

#: Replaced in tests: ``ask(parent) -> True`` when the user chose to discard the text.
Ask = Callable[[QWidget], bool]


def ask_discard(parent: QWidget) -> bool:
    """Ask whether the typed text may go; the safe answer ("Terug") is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Wat u typte weggooien?"))
    box.setText(_("U heeft hier tekst getypt die nog niet is bewaard."))
    box.setInformativeText(_("Wilt u die tekst weggooien, of teruggaan om hem te bewaren?"))
    back = box.addButton(_("Terug naar het venster"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(_("Weggooien"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is discard


def field_texts(dialog: QWidget) -> dict[int, str]:
    """The text of every typing field inside ``dialog``, by widget identity."""
    texts: dict[int, str] = {}
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            texts[id(widget)] = widget.text()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly():
            texts[id(widget)] = widget.toPlainText()
    return texts


class KeepsTypedText:
    """Mixin for a :class:`QDialog`: ask before :meth:`reject` discards typed text.

    Call :meth:`keep_typed_text` at the end of ``__init__`` (with the cancel button, if
    any) and :meth:`text_saved` when the dialog saved its text by itself.
    """

    ask: Ask = staticmethod(ask_discard)
    _typed_start: dict[int, str] | None = None

    def keep_typed_text(self, cancel: QAbstractButton | None = None) -> None:
        """Remember the fields as they are now; Enter on ``cancel`` no longer cancels."""
        self._typed_start = field_texts(self)  # type: ignore[arg-type]
        if isinstance(cancel, QPushButton):
            cancel.setAutoDefault(False)
            cancel.setDefault(False)

    def text_saved(self) -> None:
        """What is in the fields now is saved: closing no longer asks."""
        self._typed_start = field_texts(self)  # type: ignore[arg-type]

    def has_unsaved_text(self) -> bool:
        """True when a field holds text that differs from when the dialog opened."""
        if self._typed_start is None:
            return False
        now = field_texts(self)  # type: ignore[arg-type]
        return any(now.get(key, "").strip() != start.strip()
                   for key, start in self._typed_start.items()) or any(
            key not in self._typed_start and text.strip() for key, text in now.items())

    def reject(self) -> None:  # noqa: D102 - QDialog override
        if self.has_unsaved_text() and not type(self).ask(self):  # type: ignore[arg-type]
            return
        QDialog.reject(self)  # type: ignore[arg-type]

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """The window's close button asks the same question."""
        if self.has_unsaved_text() and not type(self).ask(self):  # type: ignore[arg-type]
            event.ignore()
            return
        QDialog.closeEvent(self, event)  # type: ignore[arg-type]
