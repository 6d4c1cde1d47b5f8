"""Stand van zaken: open actions, overdue requests and the buurtagenda at a glance.

Read-only: the figures come from :func:`wijkapp.followup.dashboard` (Qt-free); the small
bar charts are painted with QPainter and scale with the app's text size. Every bar has
its words and its number, so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import (
    ACTIONS,
    AGENDA_ITEMS,
    DECISIONS,
    DOCUMENTS,
    GOAL_LINKS,
    GOALS,
    REQUESTS,
    SIGNAL_FOLLOWUPS,
    SIGNALS,
    Changes,
)
from wijkapp.followup import Dashboard, dashboard
from wijkapp.i18n import N_, _, ngettext
from wijkapp.timeutil import maybe_date, today
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import goal_status_label
from ..live import ANY, Follow, in_background, load_in_background
from ..one_paint import scroll_body
from ..style import ACCENT, INK, LINE, OK, OVERDUE, set_role
from .voice_card import ForgottenSignalsCard
from .widgets import heading, hint

GREY = "#6b6b6b"
AMBER = "#a85400"
#: What the figures count: states, dates and links to goals, not the texts.
WATCH = {
    ACTIONS: ("status", "due_date", "times_postponed", "done_on", "goal_id"),
    REQUESTS: ("status", "sent_on", "answer_due", "answered_on", "goal_id", "subject",
               "kind", "sent_to_name"),
    GOALS: ("status", "building_block", "evidence", "title"),
    GOAL_LINKS: ANY,
    DECISIONS: ("goal_id",),
    DOCUMENTS: (),  # only a deletion: a linked document stops being evidence
    AGENDA_ITEMS: ("goal_id",),
    SIGNALS: ANY,  # the card of signals waiting for follow-up
    SIGNAL_FOLLOWUPS: ANY,
}


@dataclass(frozen=True)
class BarSpec:
    """One bar of a dashboard chart."""

    label: str
    value: int
    color: str


def action_bars(d: Dashboard) -> list[BarSpec]:
    """Open actions, of which late, of which postponed."""
    return [BarSpec(_("Open"), d.open_actions, ACCENT),
            BarSpec(_("Te laat"), d.overdue_actions, OVERDUE),
            BarSpec(_("Uitgesteld"), d.postponed_open_actions, AMBER)]


def request_bars(d: Dashboard) -> list[BarSpec]:
    """Requests waiting for an answer, of which late, and drafts."""
    return [BarSpec(_("Wachten op antwoord"), d.waiting_requests, ACCENT),
            BarSpec(_("Te laat"), len(d.overdue_requests), OVERDUE),
            BarSpec(_("Concept"), d.draft_requests, GREY)]


def goal_bars(d: Dashboard) -> list[BarSpec]:
    """Goals by status, the finished ones first."""
    colors = {"achieved": OK, "not_achieved": OVERDUE, "running": ACCENT, "idea": GREY,
              "stopped": GREY}
    return [BarSpec(goal_status_label(s), d.goals_by_status.get(s, 0), colors[s])
            for s in ("achieved", "not_achieved", "running", "idea", "stopped")]


def late_request_lines(d: Dashboard) -> list[str]:
    """``"Bomen in Het Rode Dorp — 151 dagen te laat"`` for each overdue request."""
    lines = []
    for request in d.overdue_requests:
        due = maybe_date(request.answer_due)
        days = (d.on - due).days if due else 0
        lines.append(ngettext("{subject} — {days} dag te laat", "{subject} — {days} dagen te laat",
                              days).format(subject=request.subject.replace("\n", " "), days=days))
    return lines


class BarChart(QWidget):
    """Horizontal bars from zero: label on the left, the number after the bar."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[BarSpec] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[BarSpec]) -> None:
        """Show these bars; the accessible text lists every value."""
        self.bars = bars
        text = "; ".join(f"{b.label}: {b.value}" for b in bars)
        self.setAccessibleName(f"{self.title}: {text}")
        self.setToolTip(text)
        self.updateGeometry()
        self.update()

    def _row(self) -> int:
        return round(self.fontMetrics().height() * 1.7)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, self._row() * max(1, len(self.bars)) + 6)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row()
        # elidedText() cuts a text measured at exactly its own width: leave some room.
        label_w = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 18
        label_w = min(label_w, int(self.width() * 0.6))
        number_w = metrics.horizontalAdvance("0000") + 8
        span = max(10, self.width() - label_w - number_w - 4)
        top = max([b.value for b in self.bars] + [1])
        bold = self.font()
        bold.setBold(True)
        for index, bar in enumerate(self.bars):
            y = index * row + 3
            painter.setPen(QColor(INK))
            painter.setFont(self.font())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(QRectF(0, y, label_w - 10, row), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, label)
            length = span * bar.value / top
            if length > 0:
                painter.fillRect(QRectF(label_w, y + row * 0.18, length, row * 0.64),
                                 QColor(bar.color))
            painter.setFont(bold)
            painter.drawText(QRectF(label_w + length + 6, y, number_w, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(bar.value))
        painter.setPen(QColor(LINE))
        painter.drawLine(label_w, 0, label_w, len(self.bars) * row + 6)  # the zero line
        painter.end()


def _card(title: str, parent: QWidget) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    return box, layout


class DashboardView(QWidget):
    """The "Stand van zaken" page (view contract: ``(ws, bus, parent)``, ``refresh``)."""

    nav_title = N_("Stand van zaken")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._watched_bar: QWidget | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(_("Stand van zaken; met de pijltjestoetsen schuift u"))
        outer.addWidget(scroll)
        page = QWidget(scroll)
        scroll_body(scroll, page)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(_(self.nav_title), page))
        self.date_line = hint("", page)
        layout.addWidget(self.date_line)
        self.reminder = QLabel(page)
        self.reminder.setWordWrap(True)
        set_role(self.reminder, "error")
        layout.addWidget(self.reminder)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        layout.addLayout(grid)
        box, inner = _card(_("Actiepunten"), page)
        self.actions_chart = BarChart(_("Actiepunten"), box)
        inner.addWidget(self.actions_chart)
        self.actions_note = hint("", box)
        inner.addWidget(self.actions_note)
        grid.addWidget(box, 0, 0)
        box, inner = _card(_("Verzoeken aan de gemeente"), page)
        self.requests_chart = BarChart(_("Verzoeken aan de gemeente"), box)
        inner.addWidget(self.requests_chart)
        inner.addStretch(1)
        grid.addWidget(box, 0, 1)
        box, inner = _card(_("Buurtagenda: doelen"), page)
        self.goals_chart = BarChart(_("Doelen van de buurtagenda"), box)
        inner.addWidget(self.goals_chart)
        self.goals_note = hint("", box)
        inner.addWidget(self.goals_note)
        grid.addWidget(box, 1, 0)
        box, inner = _card(_("Verzoeken die te laat zijn"), page)
        self.late_list = QListWidget(box)
        self.late_list.setAccessibleName(_("Verzoeken die te laat zijn"))
        self.late_list.setWordWrap(True)
        self.late_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner.addWidget(self.late_list)
        grid.addWidget(box, 1, 1)
        self.voice_card = ForgottenSignalsCard(ws, page)
        grid.addWidget(self.voice_card, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addStretch(1)
        self.figures: Dashboard | None = None
        self.live = Follow(self, bus, "dashboard", self.refresh, WATCH)
        self.live.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._watched_bar and event.type() in (QEvent.Type.Show,
                                                             QEvent.Type.Hide):
            self._show_reminder_once()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._show_reminder_once()

    def _show_reminder_once(self) -> None:
        """The late-requests sentence, unless the window's reminder bar above says the
        very same thing (it said it twice on this page)."""
        text = self.reminder.text()
        bar = getattr(self.window(), "reminder", None)
        if isinstance(bar, QWidget) and bar is not self._watched_bar:
            bar.installEventFilter(self)  # its Sluiten brings this line back
            self._watched_bar = bar
        above = getattr(bar, "text", None)
        said_above = (bar is not None and bar.isVisible() and isinstance(above, QLabel)
                      and above.text() == text)
        self.reminder.setVisible(bool(text) and not said_above)

    def refresh(self, changes: Changes | None = None) -> None:
        """Recount (``live`` calls it for changes to what the figures count).

        On screen the counting (a dozen queries over the whole board) runs on the worker
        and the figures follow a moment later; the window answers meanwhile.
        """
        if not self.ws.has_board:
            return
        on = today()

        def load() -> tuple[Dashboard, Any]:
            return dashboard(self.ws, on), self.voice_card.load(on)

        if in_background(self):
            load_in_background(self, load, self._show)
        else:
            self._show(load())

    def _show(self, loaded: tuple[Dashboard, Any]) -> None:
        d, voice = loaded
        self.figures = d
        from wijkapp.export.formatting import long_date

        self.date_line.setText(_("Stand op {day}.").format(day=long_date(d.on)))
        self.reminder.setText(d.reminder or "")
        self._show_reminder_once()
        self.actions_chart.set_bars(action_bars(d))
        self.actions_note.setText(
            _("Te laat en uitgesteld zijn een deel van de open actiepunten."))
        self.requests_chart.set_bars(request_bars(d))
        self.goals_chart.set_bars(goal_bars(d))
        missing = d.goals_without_evidence
        self.goals_note.setText(
            _("Alle doelen hebben bewijs.") if not missing else
            ngettext("{n} doel heeft nog geen gekoppeld bewijs.",
                     "{n} doelen hebben nog geen gekoppeld bewijs.", missing).format(n=missing))
        self.late_list.clear()
        lines = late_request_lines(d)
        for line, request in zip(lines, d.overdue_requests, strict=True):
            item = QListWidgetItem(line)
            item.setForeground(QColor(OVERDUE))
            item.setData(Qt.ItemDataRole.UserRole, request.id)
            self.late_list.addItem(item)
        if not lines:
            self.late_list.addItem(_("Geen verzoeken te laat."))
        self.voice_card.show_loaded(voice)

    def open_record(self, kind: str, record_id: str) -> None:
        """The dashboard shows no single record; selects an overdue request when listed."""
        for row in range(self.late_list.count()):
            item = self.late_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == record_id:
                self.late_list.setCurrentRow(row)
