"""Overzicht van wijkplatforms: compare boards' year-summary files side by side.

A window of its own (not a navigation page): the user picks files, the table shows one
row per board (sortable by any column), and each file that could not be read gets one
Dutch sentence above the table while the other boards are still shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wijkapp.i18n import _
from wijkapp.overview import (
    COLUMNS,
    Overview,
    comparison_row,
    format_voice_table,
    load_overview,
    totals_sentence,
)

from ..style import set_role
from .meeting_widgets import button
from .widgets import heading, hint


class _SortItem(QTableWidgetItem):
    """Sorts by the leading number of the cell (``"3 (75%)"`` → 3), else by text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        def key(item: QTableWidgetItem) -> tuple[int, float, str]:
            text = item.text().split(" ")[0].rstrip("%").replace(",", ".")
            try:
                return (0, float(text), "")
            except ValueError:
                return (1, 0.0, item.text().casefold())

        return key(self) < key(other)


class OverviewWindow(QDialog):
    """Choose year-summary files and compare the boards; ``load(paths)`` for scripts/tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Overzicht van wijkplatforms"))
        self.overview = Overview()
        self.paths: list[Path] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Overzicht van wijkplatforms"), self))
        layout.addWidget(hint(_(
            "Vergelijk de jaarcijfers van wijkplatforms. Hoeveel verzoeken kregen op tijd "
            "antwoord? Hoeveel doelen zijn bereikt? Hoe vaak was er een vergadering? "
            "Klik op een kolomkop om te sorteren."), self))
        row = QHBoxLayout()
        row.addWidget(button(_("&Bestanden kiezen…"), self.choose, parent=self, role="primary"))
        row.addStretch(1)
        layout.addLayout(row)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.problems, "error")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.table.setHorizontalHeaderLabels([_(column) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(_("Vergelijking van wijkplatforms"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the board name (column 0) sizes to its contents
        layout.addWidget(self.table, 1)
        self.total = hint("", self)
        layout.addWidget(self.total)
        self.voice = QLabel(self)  # "Stem van de wijk": which voices are missing where
        self.voice.setWordWrap(True)
        self.voice.setTextFormat(Qt.TextFormat.PlainText)
        self.voice.setAccessibleName(_("Stem van de wijk per wijkplatform"))
        layout.addWidget(self.voice)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(button(_("Sluiten"), self.close, parent=self))
        layout.addLayout(bottom)
        self.resize(1180, 600)

    def choose(self) -> None:
        """Let the user pick one or more year-summary files."""
        files, _filter = QFileDialog.getOpenFileNames(
            self, _("Jaarsamenvattingen kiezen"), "",
            _("Jaarsamenvattingen (*.json);;Alle bestanden (*)"))
        if files:
            self.load([Path(f) for f in files])

    def load(self, paths: list[Path]) -> None:
        """Read ``paths`` and show the boards; bad files are named above the table."""
        self.paths = list(paths)
        self.overview = load_overview(self.paths)
        self.problems.setText("\n".join(self.overview.problems))
        self.problems.setVisible(bool(self.overview.problems))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.overview.boards))
        for r, board in enumerate(self.overview.boards):
            for c, cell in enumerate(comparison_row(board)):
                item = _SortItem(cell)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setToolTip(str(board.path))
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.total.setText(totals_sentence(self.overview) if self.overview.boards
                           else _("Kies de jaarsamenvattingen die u wilt vergelijken."))
        voice = format_voice_table(self.overview)
        self.voice.setText(voice)
        self.voice.setVisible(bool(voice))
