"""What the presentatiescherm (projector view) shows, gathered from the core as plain text.

No widgets here: :func:`projector_content` reads the workspace and returns a
:class:`ProjectorContent` that the window paints. Only text as saved in the core is
used; the secretary's live notes come in only through ``live_notes`` (when she chose
"Notities meetonen").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wijkapp.agenda import AgendaItem
from wijkapp.errors import NotFoundError
from wijkapp.i18n import _
from wijkapp.meeting_clock import ClockReading, clock_text
from wijkapp.meetings import Meeting
from wijkapp.workspace import Workspace

from ..labels import (
    action_row_label,
    date_time_label,
    kind_label,
    review_label,
    time_label,
)

BEFORE, DURING, AFTER = "before", "during", "after"

#: Step keys of minutes mode that are not agenda items (see ui.views.minutes).
ATTENDANCE_STEP = "attendance"
ACTIONS_STEP = "carried-over"


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item as the projector lists it."""

    number: str
    title: str
    current: bool = False
    done: bool = False  # before the current item


@dataclass(frozen=True)
class ProjectorContent:
    """Everything on the projector at one moment."""

    phase: str
    board_name: str
    meeting_line: str  # "Vergadering wijkplatform — donderdag 3 december 2026, 19:30"
    agenda: list[AgendaLine] = field(default_factory=list)
    item_title: str = ""
    item_meta: str = ""
    decisions: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    notes: str | None = None  # only with "Notities meetonen"
    welcome: str = ""
    place_line: str = ""
    next_meeting: str = ""
    clock: str = ""  # only when the chair shows the clock
    clock_status: str = ""
    focus: int | None = None  # which of decisions + actions to keep in view (None: the last)

    def texts(self) -> list[str]:
        """Every text on the screen, in reading order (for tests and screen readers)."""
        out = [self.board_name, self.meeting_line, self.welcome, self.place_line]
        out += [f"{line.number} {line.title}" for line in self.agenda]
        out += [self.item_title, self.item_meta, *self.decisions, *self.actions]
        out += [self.notes or "", self.next_meeting, self.clock]
        return [text for text in out if text]


def phase_for(meeting: Meeting, step: str | None) -> str:
    """Before the meeting (attendance, nothing chosen), during (an item), after (closed)."""
    on_item = step not in (None, ATTENDANCE_STEP)
    if on_item:
        return DURING
    return AFTER if meeting.status == "held" else BEFORE


def planned_label(minutes: int) -> str:
    """``10 min.``, ``1 uur``, ``1 uur 49 min.``"""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{n} min.").format(n=rest)
    if not rest:
        return _("{h} uur").format(h=hours)
    return _("{h} uur {n} min.").format(h=hours, n=rest)


def clock_line(reading: ClockReading) -> str:
    """The projector's clock: ``4:10 van 10 min.`` for the item (the meeting's total
    between items), or just the time when there is no plan."""
    if reading.item_id is None:
        spent, planned = reading.total_seconds, reading.total_planned
    else:
        spent, planned = reading.item_seconds, reading.item_planned
    if planned is None:
        return clock_text(spent)
    return _("{spent} van {planned}").format(spent=clock_text(spent),
                                             planned=planned_label(planned))


def next_meeting_line(ws: Workspace, meeting: Meeting) -> str:
    """``Volgende vergadering: donderdag 7 januari 2027, 19:30, Buurthuis``."""
    later = [m for m in ws.meetings.upcoming() if m.starts_at > meeting.starts_at and m.id != meeting.id]
    if not later:
        return _("Volgende vergadering: de datum volgt.")
    nxt = later[0]
    when = date_time_label(nxt.starts_at)
    if nxt.place.strip():
        return _("Volgende vergadering: {when}, {place}").format(when=when, place=nxt.place.strip())
    return _("Volgende vergadering: {when}").format(when=when)


def carried_over_lines(ws: Workspace, meeting_id: str) -> tuple[list[str], int | None]:
    """The open actions of earlier meetings, each with what this meeting decided on it,
    and the index of the first one not yet dealt with (the one being discussed)."""
    outcomes = {r.action_id: r.outcome for r in ws.actions.reviews_in(meeting_id)}
    lines: list[str] = []
    first_open: int | None = None
    for action in ws.actions.carried_over(meeting_id):
        row = action_row_label(action.what, action.owner_name, action.due_date,
                               action.times_postponed)
        outcome = outcomes.get(action.id)
        if outcome is None and first_open is None:
            first_open = len(lines)
        lines.append(f"{row} — {review_label(outcome)}" if outcome else row)
    return lines, first_open


def _item_meta(item: AgendaItem) -> str:
    parts = [kind_label(item.kind), item.presenter.strip()]
    return " · ".join(p for p in parts if p)


def _agenda(items: list[AgendaItem], current: str | None) -> list[AgendaLine]:
    position = next((i for i, item in enumerate(items) if item.id == current), None)
    return [
        AgendaLine(
            number=f"{number}.",
            title=item.title,
            current=item.id == current,
            done=position is not None and index < position,
        )
        for index, (number, item) in enumerate(enumerate(items, start=1))
    ]


def projector_content(
    ws: Workspace,
    meeting_id: str,
    step: str | None,
    *,
    live_notes: str | None = None,
) -> ProjectorContent | None:
    """The projector's content for ``meeting_id`` with minutes mode at ``step``.

    ``live_notes`` is shown under the item (the secretary chose "Notities meetonen").
    The clock is added by the caller (only when the chair shows it). ``None`` when the
    meeting is gone.
    """
    try:
        meeting = ws.meetings.get(meeting_id)
    except NotFoundError:
        return None
    items = ws.agenda.for_meeting(meeting_id)
    phase = phase_for(meeting, step)
    title = meeting.title
    meeting_line = f"{title} — {date_time_label(meeting.starts_at)}"
    base: dict[str, Any] = {"board_name": ws.board.name, "meeting_line": meeting_line}
    decisions = ws.decisions.for_meeting(meeting_id)
    if phase == BEFORE:
        place = meeting.place.strip()
        start = time_label(meeting.starts_at)
        place_line = (
            _("Aanvang {time} uur in {place}").format(time=start, place=place)
            if place else _("Aanvang {time} uur").format(time=start)
        )
        return ProjectorContent(
            phase=BEFORE,
            welcome=_("Welkom bij de vergadering van het wijkplatform"),
            place_line=place_line,
            agenda=_agenda(items, None),
            **base,
        )
    if phase == AFTER:
        return ProjectorContent(
            phase=AFTER,
            welcome=_("Bedankt voor uw komst!"),
            decisions=[
                _("Besluit {number}: {text}").format(number=d.number, text=d.text)
                for d in decisions
            ],
            next_meeting=next_meeting_line(ws, meeting),
            **base,
        )
    # During the meeting: the agenda with the current item, and what it decided.
    item = next((i for i in items if i.id == step), None)
    if item is None:  # the open actions of earlier meetings (no agenda item of its own)
        lines, first_open = carried_over_lines(ws, meeting_id)
        return ProjectorContent(
            phase=DURING,
            agenda=_agenda(items, None),
            item_title=_("Actiepunten van vorige vergaderingen"),
            actions=lines,
            focus=first_open,
            **base,
        )
    number = items.index(item) + 1
    actions = [a for a in ws.actions.for_meeting(meeting_id) if a.agenda_item_id == item.id]
    action_lines = [
        _("Actiepunt: {row}").format(row=action_row_label(a.what, a.owner_name, a.due_date, 0))
        for a in actions
    ]
    item_decisions = [
        _("Besluit {number}: {text}").format(number=d.number, text=d.text)
        for d in decisions
        if d.agenda_item_id == item.id
    ]
    focus = None
    if item.standard == "actions":  # walk the open actions of earlier meetings here too
        lines, first_open = carried_over_lines(ws, meeting_id)
        if first_open is not None:
            focus = len(item_decisions) + len(action_lines) + first_open
        action_lines += lines
    return ProjectorContent(
        phase=DURING,
        agenda=_agenda(items, item.id),
        item_title=f"{number}. {item.title}",
        item_meta=_item_meta(item),
        decisions=item_decisions,
        actions=action_lines,
        notes=live_notes,
        focus=focus,
        **base,
    )
