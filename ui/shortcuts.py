"""Help → Sneltoetsen: every keyboard shortcut of the app, in one list and one dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
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
from .views.minutes_keys import MINUTES_KEYS

#: (keys, what they do) per place: the words are translated, the keys stay as they are.
SHORTCUT_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (N_("Overal"), (
        ("Ctrl+Z", N_("ongedaan maken")),
        ("Ctrl+Y", N_("opnieuw")),
        ("Ctrl+F", N_("zoeken")),
        ("Ctrl+E", N_("exporteren")),
        ("Ctrl++ / Ctrl+-", N_("tekst groter / kleiner")),
        ("Ctrl+Q", N_("Wijkapp afsluiten")),
        ("F1", N_("de handleiding openen")),
        ("Tab", N_("naar het volgende veld")),
    )),
    (N_("Vergadering voorbereiden"), (
        ("Alt+↑ / Alt+↓", N_("agendapunt omhoog / omlaag")),
    )),
    (N_("Notuleren"), (
        ("Ctrl+PgDown / Ctrl+PgUp", N_("volgend / vorig agendapunt")),
        *MINUTES_KEYS,
        ("F5", N_("op het scherm tonen (beamer)")),
        ("Ctrl+B", N_("presentatiescherm zwart / terug")),
        ("Shift+F5", N_("presentatiescherm sluiten")),
    )),
    (N_("Op het presentatiescherm"), (
        ("B  of  .", N_("zwart / terug")),
        ("Esc", N_("sluiten")),
        ("F11", N_("volledig scherm aan / uit")),
        ("PgDown / PgUp", N_("volgend / vorig agendapunt")),
    )),
)

#: Every shortcut as (keys, what), for tests and search.
SHORTCUTS: tuple[tuple[str, str], ...] = tuple(
    row for _group, rows in SHORTCUT_GROUPS for row in rows)


class ShortcutsDialog(GrowingDialog):
    """A table of the shortcuts: keys on the left, what they do on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sneltoetsen — Wijkapp"))
        self.table = QTableWidget(0, 2, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.table.setAccessibleName(_("Sneltoetsen"))
        self.table.setHorizontalHeaderLabels([_("Toetsen"), _("Wat het doet")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for group, rows in SHORTCUT_GROUPS:
            row = self.table.rowCount()
            self.table.insertRow(row)
            title = QTableWidgetItem(_(group))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            title.setBackground(QColor("#e9e6df"))
            self.table.setItem(row, 0, title)
            self.table.setSpan(row, 0, 1, 2)
            for keys, what in rows:
                row = self.table.rowCount()
                self.table.insertRow(row)
                key_item = QTableWidgetItem(keys)
                key_font = key_item.font()
                key_font.setBold(True)
                key_item.setFont(key_font)
                self.table.setItem(row, 0, key_item)
                self.table.setItem(row, 1, QTableWidgetItem(_(what)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Met deze toetsen gaat het sneller."), "hint"))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        count = self.table.rowCount()
        self.resize(metrics.averageCharWidth() * 95,
                    min(int(metrics.lineSpacing() * (count + 5) * 1.7), 900))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str]]:
        """The (keys, what) rows the table shows, group titles left out (for tests)."""
        found = []
        for r in range(self.table.rowCount()):
            keys, what = self.table.item(r, 0), self.table.item(r, 1)
            if keys is not None and what is not None:
                found.append((keys.text(), what.text()))
        return found


def open_shortcuts_dialog(parent: QWidget | None) -> ShortcutsDialog:
    """Show the shortcuts (not modal: it may stay open while working)."""
    dialog = ShortcutsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
