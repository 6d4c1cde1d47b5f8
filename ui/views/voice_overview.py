"""Tellen en vertellen: counts per theme and group by quarter beside residents' own words.

Read-only; the figures come from :func:`wijkapp.voice.voice_figures` (Qt-free). The groups
the board did not hear from this year are named in one plain sentence above the tables.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import BOARDS, ORGANISATIONS, REQUESTS, SIGNAL_FOLLOWUPS, SIGNALS, Changes
from wijkapp.i18n import _
from wijkapp.timeutil import today
from wijkapp.voice import (
    Quote,
    VoiceFigures,
    count_sentences,
    heard_on_label,
    not_heard_sentence,
    signal_years,
    voice_figures,
)
from wijkapp.workspace import Workspace

from ..one_paint import scroll_body
from ..style import OVERDUE, set_role
from .meeting_widgets import button
from .signal_labels import quarter_header, year_choices
from .widgets import hint

WATCHED = (SIGNALS, SIGNAL_FOLLOWUPS, REQUESTS, ORGANISATIONS, BOARDS)
GREY = "#6b6b6b"


def quote_text(quote: Quote) -> str:
    """``“…words…” — maart 2026, koffieochtend (eenzaamheid)``; a name only with consent."""
    where = ", ".join(part for part in (heard_on_label(quote.heard_on), quote.place) if part)
    about = f" ({', '.join(quote.themes)})" if quote.themes else ""
    who = f"{quote.name}, " if quote.name else ""
    return f"“{quote.words}” — {who}{where}{about}"


class CountTable(QTableWidget):
    """Rows of (label, four quarters, total); a row of zeros is grey and says so."""

    def __init__(self, first: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(6)
        self.setHorizontalHeaderLabels([first, *(quarter_header(q) for q in range(1, 5)),
                                        _("Totaal")])
        self.setAccessibleName(name)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._ink = self.palette().text().color()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed number columns (measured once on their headers) keep a recount cheap.
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            item = self.horizontalHeaderItem(column)
            text = item.text() if item is not None else ""
            header.resizeSection(column, metrics.horizontalAdvance(text) + 16)

    def set_rows(self, rows: tuple[tuple[str, tuple[int, int, int, int]], ...]) -> None:
        """Fill the table (items are reused); its height fits every row, so the page scrolls
        and not the table."""
        self.setUpdatesEnabled(False)
        grew = self.rowCount() != len(rows)
        self.setRowCount(len(rows))
        for r, (label, quarters) in enumerate(rows):
            total = sum(quarters)
            cells = [label if total else _("{label} (niet gehoord)").format(label=label),
                     *(str(q) for q in quarters), str(total)]
            for c, text in enumerate(cells):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    if c:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    if c == 5:
                        item.setFont(self._bold)
                    self.setItem(r, c, item)
                    grew = True
                if item.text() != text:
                    item.setText(text)
                    grew = True
                item.setForeground(QColor(GREY) if not total else self._ink)
        if grew:
            self.fit_height()
        self.setUpdatesEnabled(True)

    def fit_height(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows."""
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        if self.height() != height + 2:
            self.setFixedHeight(height + 2)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """A new width can wrap the labels differently: fit the height again."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_height()


class VoiceOverview(QWidget):
    """The "Tellen en vertellen" tab."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.figures: VoiceFigures | None = None
        self._behind = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)  # the tables grow with their rows: the page scrolls
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        page = QWidget(scroll)
        scroll_body(scroll, page)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        caption = QLabel(_("Jaar:"), self)
        self.year = QComboBox(self)
        self.year.setAccessibleName(_("Jaar"))
        caption.setBuddy(self.year)
        self.pdf_button = button(
            _("&PDF maken…"), self.make_pdf,
            tip=_("Tellen en vertellen als PDF, om te delen met de gemeente"),
            parent=self, role="primary")
        top.addWidget(caption)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        self.not_heard = QLabel(self)
        self.not_heard.setWordWrap(True)
        self.not_heard.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;")
        layout.addWidget(self.not_heard)
        self.sentences = hint("", self)
        set_role(self.sentences, "body")
        layout.addWidget(self.sentences)
        # One table under the other: each gets the whole width, also at 150 % and more.
        self.themes = CountTable(_("Thema"), _("Signalen per thema per kwartaal"), self)
        self.groups = CountTable(_("Groep"), _("Signalen per groep per kwartaal"), self)
        for title, table in ((_("Tellen: per thema"), self.themes),
                             (_("Tellen: per groep"), self.groups)):
            box = QGroupBox(title, self)
            QVBoxLayout(box).addWidget(table)
            layout.addWidget(box)
        box = QGroupBox(_("Vertellen: wat bewoners zeiden"), self)
        self.quotes_layout = QVBoxLayout(box)
        layout.addWidget(box)
        layout.addStretch(1)
        self._quote_labels: list[QLabel] = []
        self.fill_years()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self._behind = True  # counted when first shown (it opens as the second tab)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Count now if the figures are behind."""
        self.catch_up()
        super().showEvent(event)

    def fill_years(self) -> None:
        """This year and every year with signals, keeping the choice."""
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in year_choices(signal_years(self.ws) if self.ws.has_board else [], today()):
            self.year.addItem(str(year), year)
        index = self.year.findData(chosen) if chosen else 0
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)

    def refresh(self, changes: Changes | None = None) -> None:
        """Recount when signals, follow-ups, answers or the sociale kaart changed."""
        if changes is not None and not changes.touches(*WATCHED):
            return
        self._behind = False
        if not self.ws.has_board:
            return
        if changes is not None and changes.touches(SIGNALS):
            self.fill_years()
        year = self.year.currentData() or today().year
        fig = self.figures = voice_figures(self.ws, year, today())
        sentence = not_heard_sentence(fig.groups_not_heard, year, today().year == year)
        self.not_heard.setText(sentence)
        self.not_heard.setVisible(bool(sentence))
        self.sentences.setText("\n".join(line for line in count_sentences(fig) if line != sentence))
        self.themes.set_rows(fig.theme_quarters)
        self.groups.set_rows(fig.group_quarters)
        texts = [quote_text(q) for q in fig.quotes] or [_("Dit jaar nog geen citaten.")]
        while len(self._quote_labels) < len(texts):  # labels are kept and reused
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.quotes_layout.addWidget(label)
            self._quote_labels.append(label)
        for index, label in enumerate(self._quote_labels):
            text = texts[index] if index < len(texts) else ""
            if label.text() != text:
                label.setText(text)
            label.setVisible(bool(text))

    def refresh_later(self, changes: Changes | None = None) -> None:
        """Note that the hidden tab is behind; it recounts when shown."""
        if changes is None or changes.touches(*WATCHED):
            self._behind = True

    def catch_up(self) -> None:
        """Recount now if a change came while hidden."""
        if self._behind:
            self.refresh()

    def make_pdf(self) -> None:
        """Ask where, then write the tellen-en-vertellen PDF in the background."""
        from wijkapp.export.signalen import default_name

        year = self.year.currentData() or today().year
        name, _filter = QFileDialog.getSaveFileName(
            self, _("PDF opslaan"), default_name(self.ws, year), _("PDF-bestand (*.pdf)"))
        if name:
            self.write_pdf(year, name)

    def write_pdf(self, year: int, path: str) -> None:
        """Write the PDF of ``year`` to ``path`` on the worker; a message when done."""
        from pathlib import Path

        from wijkapp.export.signalen import write_signalen_pdf

        from ..operations.base import CoreOp

        CoreOp(self, lambda ws: write_signalen_pdf(ws, year, Path(path))).with_message(
            _("PDF gemaakt: {path}").format(path=path)).run()
