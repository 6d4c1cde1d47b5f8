"""The chair's clock: time spent per agenda item and for the whole meeting, against the plan.

Pure logic with an injectable clock (a function returning seconds, ``time.monotonic`` by
default), so tests move time by hand and never sleep. The GUI ticks the display and
persists what :meth:`MeetingClock.take_unsaved` hands out through
:meth:`wijkapp.agenda.AgendaItems.add_time`, so the measured time survives a crash and
reaches the verslag.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .agenda import AgendaItem

#: Board setting: the verslag states the measured time per agenda item.
ITEM_TIMES_SETTING = "minutes_item_times"

#: How the time of an item or meeting compares to the plan.
NO_PLAN, ON_TIME, ALMOST, OVER = "no-plan", "on-time", "almost", "over"

#: "Almost" starts when this share of the plan is left, but never earlier than
#: :data:`ALMOST_SECONDS` before the end (a 30-minute item warns 2 minutes ahead, not 6).
ALMOST_SHARE = 0.2
ALMOST_SECONDS = 120


def time_status(spent_seconds: float, planned_minutes: int | None) -> str:
    """:data:`NO_PLAN`, :data:`ON_TIME`, :data:`ALMOST` or :data:`OVER` for one item or meeting.

    An item planned at 0 minutes is over as soon as any time is spent on it.
    """
    if planned_minutes is None:
        return NO_PLAN
    planned = planned_minutes * 60
    if spent_seconds > planned:
        return OVER
    warn_before = min(planned * ALMOST_SHARE, ALMOST_SECONDS)
    if planned - spent_seconds <= warn_before and spent_seconds > 0:
        return ALMOST
    return ON_TIME


def clock_text(seconds: float) -> str:
    """``0:45``, ``12:05`` or ``1:02:30``: minutes and seconds, hours when needed."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class ClockReading:
    """What the clock says now, for the minutes screen and the projector."""

    item_id: str | None
    item_seconds: float
    item_planned: int | None  # minutes
    item_status: str
    total_seconds: float
    total_planned: int | None  # minutes, sum of the items that have a plan
    total_status: str
    running: bool


class MeetingClock:
    """Measures time per agenda item of one meeting.

    ``MeetingClock(items)`` starts from the time already stored on the items (a reopened
    meeting continues where it was). The clock measures only while :attr:`running` and an
    item is current; switching items settles the time of the previous one.
    """

    def __init__(
        self,
        items: Iterable[AgendaItem],
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._now = now
        self._planned: dict[str, int | None] = {}
        self._saved: dict[str, float] = {}  # stored in the database (or handed out to store)
        self._pending: dict[str, float] = {}  # measured, not yet handed out
        self._order: list[str] = []
        self.current: str | None = None
        self.running = False
        self._since: float | None = None
        self.reload(items)

    def reload(self, items: Iterable[AgendaItem]) -> None:
        """Take over a changed agenda (titles, plans, order); measured time is kept."""
        items = list(items)
        self._planned = {item.id: item.planned_minutes for item in items}
        self._order = [item.id for item in items]
        for item in items:
            stored = float(item.seconds_spent or 0)
            # The stored value may be behind what this clock already handed out.
            self._saved[item.id] = max(stored, self._saved.get(item.id, 0.0))
        if self.current is not None and self.current not in self._planned:
            self._settle()
            self.current = None
        for gone in (set(self._saved) | set(self._pending)) - set(self._planned):
            self._saved.pop(gone, None)  # a deleted item: its time goes with it
            self._pending.pop(gone, None)

    # -- running -------------------------------------------------------------------------
    def _settle(self) -> None:
        """Move the running stretch into the pending time of the current item."""
        if self._since is None:
            return
        moment = self._now()
        if self.current is not None and self.running:
            elapsed = max(0.0, moment - self._since)
            self._pending[self.current] = self._pending.get(self.current, 0.0) + elapsed
        self._since = moment

    def start(self) -> None:
        """Start (or continue) measuring."""
        if self.running:
            return
        self.running = True
        self._since = self._now()

    def pause(self) -> None:
        """Stop measuring; the time so far is kept."""
        self._settle()
        self.running = False
        self._since = None

    def switch_to(self, item_id: str | None) -> None:
        """The chair moved to another item (``None``: attendance or another screen)."""
        self._settle()
        self.current = item_id if item_id in self._planned else None
        if self.running:
            self._since = self._now()

    # -- reading ---------------------------------------------------------------------------
    def spent(self, item_id: str) -> float:
        """Seconds spent on this item, including the stretch running now."""
        total = self._saved.get(item_id, 0.0) + self._pending.get(item_id, 0.0)
        if item_id == self.current and self.running and self._since is not None:
            total += max(0.0, self._now() - self._since)
        return total

    def total(self) -> float:
        """Seconds spent on the whole meeting so far."""
        return sum(self.spent(item_id) for item_id in self._order)

    def planned_total(self) -> int | None:
        """The planned minutes of the items that have a plan, or ``None`` when none has."""
        plans = [m for m in self._planned.values() if m is not None]
        return sum(plans) if plans else None

    def reading(self) -> ClockReading:
        """The clock now."""
        item = self.current
        item_seconds = self.spent(item) if item else 0.0
        planned = self._planned.get(item) if item else None
        total = self.total()
        total_planned = self.planned_total()
        return ClockReading(
            item_id=item,
            item_seconds=item_seconds,
            item_planned=planned,
            item_status=time_status(item_seconds, planned) if item else NO_PLAN,
            total_seconds=total,
            total_planned=total_planned,
            total_status=time_status(total, total_planned),
            running=self.running,
        )

    # -- storing --------------------------------------------------------------------------
    def take_unsaved(self) -> dict[str, int]:
        """Whole seconds measured since the last call, per item, to add to the database.

        Fractions stay pending for next time, so nothing is lost to rounding.
        """
        self._settle()
        out: dict[str, int] = {}
        for item_id, seconds in list(self._pending.items()):
            whole = int(seconds)
            if whole <= 0:
                continue
            out[item_id] = whole
            self._pending[item_id] = seconds - whole
            self._saved[item_id] = self._saved.get(item_id, 0.0) + whole
        return out

