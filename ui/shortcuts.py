"""Help → Sneltoetsen: every keyboard shortcut of the app, in one list and one dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wijkapp.i18n import N_, _

from .export_buttons import GrowingDialog
from .views.meeting_widgets import label

#: (keys, what they do): the words are translated, the keys stay as they are.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+Z", N_("ongedaan maken")),
    ("Ctrl+Y", N_("opnieuw")),
    ("Ctrl+F", N_("zoeken")),
    ("Ctrl+E", N_("exporteren")),
    ("Ctrl++ / Ctrl+-", N_("tekst groter / kleiner")),
    ("Ctrl+Q", N_("Wijkapp afsluiten")),
    ("Tab", N_("naar het volgende veld")),
    ("Alt+↑ / Alt+↓", N_("agendapunt omhoog / omlaag")),
    ("Ctrl+PgDown / Ctrl+PgUp", N_("notuleren: volgend / vorig agendapunt")),
    ("F5", N_("notuleren: op het scherm tonen (beamer)")),
    ("Shift+F5", N_("notuleren: presentatiescherm sluiten")),
    ("Ctrl+B", N_("notuleren: presentatiescherm zwart / terug")),
    ("B  of  .", N_("op het presentatiescherm: zwart / terug")),
    ("Esc", N_("op het presentatiescherm: sluiten")),
    ("F11", N_("op het presentatiescherm: volledig scherm aan / uit")),
    ("PgDown / PgUp", N_("op het presentatiescherm: volgend / vorig agendapunt")),
)


class ShortcutsDialog(GrowingDialog):
    """A table of the shortcuts: keys on the left, what they do on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sneltoetsen — Wijkapp"))
        self.table = QTableWidget(len(SHORTCUTS), 2, self)
        self.table.setAccessibleName(_("Sneltoetsen"))
        self.table.setHorizontalHeaderLabels([_("Toetsen"), _("Wat het doet")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, (keys, what) in enumerate(SHORTCUTS):
            key_item = QTableWidgetItem(keys)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(_(what)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Met deze toetsen gaat het sneller."), "hint"))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80,
                    min(metrics.lineSpacing() * (len(SHORTCUTS) + 6) * 2, 900))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows (for tests)."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]


def open_shortcuts_dialog(parent: QWidget | None) -> ShortcutsDialog:
    """Show the shortcuts (not modal: it may stay open while working)."""
    dialog = ShortcutsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
