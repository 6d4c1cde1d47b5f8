"""The board's own words for signals: themes, groups, and after how many weeks a signal
without follow-up shows on Stand van zaken (one word per line; signals keep their words)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import Changes
from wijkapp.i18n import _
from wijkapp.signals import FOLLOWUP_WEEKS_SETTING
from wijkapp.workspace import Workspace

from ..operations.base import CoreOp
from .widgets import add_row, hint


def lines_of(text: str) -> list[str]:
    """The non-empty lines of ``text``, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class VoiceListsDialog(QDialog):
    """Edit the board's themes, groups and follow-up weeks."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(_("Thema's en groepen"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(_("Eén woord of omschrijving per regel. Signalen houden de "
                                "woorden die ze al hebben."), self))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.themes = QPlainTextEdit("\n".join(ws.signals.themes()), self)
        self.groups = QPlainTextEdit("\n".join(ws.signals.groups()), self)
        for edit in (self.themes, self.groups):
            edit.setTabChangesFocus(True)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 52)
        self.weeks.setValue(ws.signals.followup_weeks())
        self.weeks.setSuffix(_(" weken"))
        add_row(form, _("Thema's"), self.themes)
        add_row(form, _("Groepen"), self.groups)
        add_row(form, _("Op Stand van zaken zonder opvolging na"), self.weeks)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def save(self) -> None:
        """Store the three settings in one operation; close when done."""
        themes, groups, weeks = lines_of(self.themes.toPlainText()), \
            lines_of(self.groups.toPlainText()), self.weeks.value()

        def op(ws: Workspace) -> Changes:
            changes = ws.signals.set_themes(themes).merged(ws.signals.set_groups(groups))
            return changes.merged(ws.set_setting(FOLLOWUP_WEEKS_SETTING, weeks))

        CoreOp(self, op).with_message(_("Thema's en groepen bewaard.")).success(
            lambda _c: self.accept()).run()
