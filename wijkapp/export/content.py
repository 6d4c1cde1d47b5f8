"""What an agenda or a verslag says, gathered once from the Workspace as plain text.

The PDF and the .docx renderers both read a :class:`MeetingContent`, so the two carry
the same content under the same headings (:data:`HEADINGS`). Nothing here formats
for a medium: strings are user text as typed plus Dutch labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..actions import Action
from ..errors import NotFoundError, ValidationError
from ..i18n import _
from ..meeting_clock import ITEM_TIMES_SETTING
from ..meetings import Meeting
from ..timeutil import maybe_date, maybe_datetime
from . import formatting as fmt

if TYPE_CHECKING:
    from ..workspace import Workspace

#: Section headings shared by the PDF and the .docx verslag.
HEADINGS = {
    "present": "Aanwezig",
    "absent_notice": "Afwezig met bericht",
    "absent": "Afwezig zonder bericht",
    "unknown": "Aanwezigheid onbekend",
    "residents": "Bewoners aanwezig",
    "items": "Verslag per agendapunt",
    "reviews": "Actiepunten van vorige vergaderingen",
    "actions": "Actielijst van deze vergadering",
    "decisions": "Besluitenlijst van deze vergadering",
    "closing": "Sluiting",
    "invitees": "Genodigden",
    "agenda": "Agenda",
    "open_actions": "Openstaande actiepunten",
    "documents": "Ingekomen stukken",
}

#: Attendance status → key of :data:`HEADINGS`.
ATTENDANCE_KEYS = {"present": "present", "absent_notice": "absent_notice", "absent": "absent",
                   "invited": "unknown"}


@dataclass(frozen=True)
class ActionRow:
    """One action as every list prints it."""

    what: str
    owner: str
    due: str
    status: str
    postponed: int
    overdue: bool
    meeting_date: str
    note: str = ""


@dataclass(frozen=True)
class ItemContent:
    """One agenda item with what happened under it."""

    number: int
    title: str
    kind: str
    presenter: str
    slot: str
    notes: str
    decisions: list[tuple[str, str]] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    reviews: list[ActionRow] = field(default_factory=list)
    standard: str = ""
    duration: str = ""  # "duurde 12 min. (gepland 10 min.)" when the board prints it


@dataclass(frozen=True)
class MeetingContent:
    """Everything the agenda and the verslag of one meeting print."""

    board_name: str
    logo: Path | None
    title: str
    date_long: str
    date_iso: str
    time_range: str
    place: str
    status: str
    chair: str
    secretary: str
    invitees: list[str]
    present: list[str]
    absent_notice: list[str]
    absent: list[str]
    unknown: list[str]
    items: list[ItemContent]
    reviews: list[ActionRow]
    reviews_placed: bool
    actions: list[ActionRow]
    decisions: list[tuple[str, str]]
    open_actions: list[ActionRow]
    documents: list[tuple[str, str, str]]
    closing: str
    approved: str
    draft: bool
    #: Everyone invited as ``(name, status heading, note)``, in the order of the list.
    attendance: list[tuple[str, str, str]] = field(default_factory=list)
    residents: str = ""  # how many residents came ("23"); "" when not counted


def board_logo(ws: Workspace) -> Path | None:
    """The board's logo file when it has one that exists on disk; else ``None``."""
    logo_id = ws.board.logo_attachment_id
    if not logo_id:
        return None
    try:
        attachment = ws.attachments.get(logo_id)
    except NotFoundError:
        return None
    if attachment.board_id != ws.board_id or not attachment.media_type.startswith("image/"):
        return None
    # Only a file inside the attachments folder that still has its hash is ever embedded.
    path = ws.attachments.file_for(attachment.sha256)
    return path if path is not None and ws.attachments.verify(attachment) else None


def meeting_end(ws: Workspace, meeting: Meeting) -> dt.datetime | None:
    """When the meeting ends, the same in the verslag, the agenda and the .ics:

    the closing time recorded when it was held, else the planned end, else the end of the
    last agenda item with a length; ``None`` when none is known.
    """
    closed = maybe_datetime(meeting.closed_at)
    if closed is not None:
        return closed
    planned = maybe_datetime(meeting.ends_at)
    if planned is not None:
        return planned
    items = ws.agenda.for_meeting(meeting.id)
    ends = [end for _start, end in fmt.time_slots(meeting.start, [i.planned_minutes for i in items]) if end]
    return ends[-1] if ends else None


def get_meeting(ws: Workspace, meeting_id: str | None) -> Meeting:
    """The meeting to export (``"latest"`` allowed); a Dutch :class:`ValidationError` if none."""
    if not meeting_id:
        raise ValidationError(_("Kies een vergadering voor deze export."))
    if meeting_id == "latest":
        latest = ws.meetings.latest()
        if latest is None:
            raise ValidationError(_("Er is nog geen vergadering om te exporteren."))
        return latest
    try:
        return ws.meetings.get(meeting_id)
    except NotFoundError:
        raise ValidationError(_("Deze vergadering bestaat niet (meer); kies een andere.")) from None


def action_row(ws: Workspace, action: Action, today: dt.date, dates: dict[str, str]) -> ActionRow:
    """An action with its Dutch status; ``dates`` maps meeting id → short date (a cache)."""
    if action.status == "done":
        done = fmt.short_date(maybe_date(action.done_on))
        status = f"afgerond op {done}" if done else "afgerond"
    else:
        status = fmt.ACTION_STATUS_LABELS.get(action.status, action.status)
    overdue = action.is_overdue(today)
    if overdue:
        status = f"{status}, {fmt.OVERDUE_LABEL}"
    meeting_date = ""
    if action.meeting_id:
        if action.meeting_id not in dates:
            try:
                dates[action.meeting_id] = fmt.short_date(ws.meetings.get(action.meeting_id).start)
            except NotFoundError:
                dates[action.meeting_id] = ""
        meeting_date = dates[action.meeting_id]
    return ActionRow(
        what=action.what,
        owner=action.owner_name,
        due=fmt.short_date(maybe_date(action.due_date)),
        status=status,
        postponed=action.times_postponed,
        overdue=overdue,
        meeting_date=meeting_date,
    )


def duration_label(seconds: int | None, planned: int | None) -> str:
    """``duurde 12 min. (gepland 10 min.)``; ``""`` when the clock did not time the item."""
    if seconds is None:
        return ""
    minutes = max(1, round(seconds / 60)) if seconds else 0
    text = f"duurde {minutes} min."
    return f"{text} (gepland {planned} min.)" if planned is not None else text


def approval_sentence(ws: Workspace, meeting: Meeting) -> str:
    """``Vastgesteld in de vergadering van …`` / ``Vastgesteld op …``; ``""`` while a draft."""
    approved_on = maybe_date(meeting.minutes_approved_on)
    if approved_on is None:
        return ""
    if meeting.minutes_approved_in and ws.meetings.exists(meeting.minutes_approved_in):
        later = ws.meetings.get(meeting.minutes_approved_in).start.date()
        if later == approved_on:
            return f"Vastgesteld in de vergadering van {fmt.long_date(later)}."
        return (f"Vastgesteld op {fmt.long_date(approved_on)} "
                f"in de vergadering van {fmt.long_date(later)}.")
    return f"Vastgesteld op {fmt.long_date(approved_on)}."


def meeting_content(ws: Workspace, meeting: Meeting, today: dt.date, *,
                    open_actions: bool = True) -> MeetingContent:
    """Gather the agenda and verslag of ``meeting`` (``today`` decides what is overdue).

    ``open_actions=False`` leaves out the open actions of earlier meetings (only the
    agenda prints them; a board may have a thousand).
    """
    board = ws.board
    start = meeting.start
    items = ws.agenda.for_meeting(meeting.id)
    slots = fmt.time_slots(start, [item.planned_minutes for item in items])
    end = meeting_end(ws, meeting)
    dates: dict[str, str] = {meeting.id: fmt.short_date(start)}

    decisions = ws.decisions.for_meeting(meeting.id)
    actions = ws.actions.for_meeting(meeting.id)
    reviews = []
    for review in ws.actions.reviews_in(meeting.id):
        try:
            action = ws.actions.get(review.action_id)
        except NotFoundError:
            continue
        row = action_row(ws, action, today, dates)
        outcome = fmt.REVIEW_OUTCOME_LABELS.get(review.outcome, review.outcome)
        reviews.append(
            ActionRow(row.what, row.owner, row.due, outcome, row.postponed, False,
                      row.meeting_date, review.note)
        )
    review_item = next((i.id for i in items if i.standard == "actions"), None)

    item_times = bool(ws.settings().get(ITEM_TIMES_SETTING))
    item_rows = []
    for number, (item, (begin, finish)) in enumerate(zip(items, slots, strict=True), start=1):
        item_rows.append(
            ItemContent(
                number=number,
                title=item.title,
                kind=fmt.KIND_LABELS.get(item.kind, item.kind),
                presenter=item.presenter,
                slot=fmt.slot_label(begin, finish),
                notes=item.notes,
                decisions=[(d.number, d.text) for d in decisions if d.agenda_item_id == item.id],
                actions=[action_row(ws, a, today, dates) for a in actions
                         if a.agenda_item_id == item.id],
                reviews=reviews if item.id == review_item else [],
                standard=item.standard,
                duration=duration_label(item.seconds_spent, item.planned_minutes) if item_times else "",
            )
        )

    attendance = ws.meetings.attendance(meeting.id)
    by_status: dict[str, list[str]] = {}
    for person in attendance:
        label = f"{person.name} ({person.note})" if person.note.strip() else person.name
        by_status.setdefault(person.status, []).append(label)

    closed = maybe_datetime(meeting.closed_at)
    closing = (
        f"De voorzitter sluit de vergadering om {fmt.clock(closed)} uur."
        if closed
        else "De voorzitter sluit de vergadering."
    )
    approved = approval_sentence(ws, meeting)

    people = {p.id: p.name for p in ws.contacts.all()}
    return MeetingContent(
        board_name=board.name,
        logo=board_logo(ws),
        title=meeting.title,
        date_long=fmt.long_date(start.date()),
        date_iso=start.date().isoformat(),
        time_range=f"{fmt.clock(start)}–{fmt.clock(end)} uur" if end else f"{fmt.clock(start)} uur",
        place=meeting.place,
        status=meeting.status,
        chair=people.get(meeting.chair_id or "", ""),
        secretary=people.get(meeting.secretary_id or "", ""),
        invitees=[p.name for p in attendance],
        present=by_status.get("present", []),
        absent_notice=by_status.get("absent_notice", []),
        absent=by_status.get("absent", []),
        unknown=by_status.get("invited", []),
        items=item_rows,
        reviews=reviews,
        reviews_placed=review_item is not None,
        actions=[action_row(ws, a, today, dates) for a in actions],
        decisions=[(d.number, d.text) for d in decisions],
        open_actions=[action_row(ws, a, today, dates) for a in ws.actions.carried_over(meeting.id)
                      if a.status == "open"] if open_actions else [],
        documents=[
            (fmt.short_date(maybe_date(d.received_on)), d.sender, d.subject)
            for d in ws.documents.for_meeting(meeting.id)
        ],
        closing=closing,
        approved=approved,
        draft=not meeting.minutes_approved,
        attendance=[(p.name, HEADINGS[ATTENDANCE_KEYS.get(p.status, "unknown")], p.note.strip())
                    for p in attendance],
        residents=fmt.number(meeting.residents_present)
        if meeting.residents_present is not None else "",
    )
