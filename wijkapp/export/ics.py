"""Calendar files (.ics, RFC 5545) for one meeting or all upcoming ones.

Choices a calendar program relies on:

* **UID** ``<meeting id>@wijkapp``: the meeting's UUID never changes, so importing a
  newer file updates the same event instead of adding a second one.
* **SEQUENCE** is the number of seconds between the meeting's creation and its latest
  change (the meeting row or any of its agenda items, deleted ones included). It is
  computed from stored timestamps only, so exporting twice without a change gives the
  same number, and every change — including undo, which stamps the row anew — makes it
  larger. (Whole seconds fit the 32-bit integer calendar programs expect for 68 years.)
* **DTSTAMP** and **LAST-MODIFIED** are that latest change, so the file is reproducible.
* **VTIMEZONE** for Europe/Amsterdam uses the EU rule (last Sunday of March and
  October), valid for every date from 1996 on, rather than a list of fixed dates.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from ..errors import ValidationError
from ..i18n import _
from ..meetings import Meeting
from ..timeutil import TZ, parse_datetime
from . import formatting as fmt
from .content import meeting_end
from .formatting import xml_safe

if TYPE_CHECKING:
    from ..workspace import Workspace

UID_DOMAIN = "wijkapp"
DEFAULT_LENGTH = dt.timedelta(hours=2)


def amsterdam_vtimezone() -> Timezone:
    """A VTIMEZONE for Europe/Amsterdam with the yearly EU summer-time rule."""
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    zone.add("x-lic-location", "Europe/Amsterdam")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("dtstart", dt.datetime(1970, 3, 29, 2, 0, 0))
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", dt.datetime(1970, 10, 25, 3, 0, 0))
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def meeting_uid(meeting: Meeting) -> str:
    """The event's UID: stable for the life of the meeting."""
    return f"{meeting.id}@{UID_DOMAIN}"


def last_change(ws: Workspace, meeting: Meeting) -> dt.datetime:
    """The latest stored change to the meeting or its agenda items (deleted ones too)."""
    # The managers hide deleted agenda items and ``touch`` does not restamp the meeting,
    # so read the timestamps directly (read-only).
    stamps = [meeting.updated_at] + [
        row["updated_at"]
        for row in ws.store.rows(
            "SELECT updated_at FROM agenda_items WHERE meeting_id = ?", [meeting.id]
        )
    ]
    return max(parse_datetime(stamp) for stamp in stamps if stamp)


def meeting_sequence(ws: Workspace, meeting: Meeting) -> int:
    """SEQUENCE: whole seconds from creation to the latest change (see the module doc)."""
    created = parse_datetime(meeting.created_at)
    seconds = int((last_change(ws, meeting) - created).total_seconds())
    return max(0, min(seconds, 2**31 - 1))  # RFC 5545 allows no more (a far-future import)


def _description(ws: Workspace, meeting: Meeting, board_name: str) -> str:
    lines = [f"Vergadering van {board_name}"]
    if meeting.place.strip():
        lines.append(f"Plaats: {meeting.place}")
    items = ws.agenda.for_meeting(meeting.id)
    if items:
        lines += ["", "Agenda"]
        slots = fmt.time_slots(meeting.start, [item.planned_minutes for item in items])
        for number, (item, (begin, end)) in enumerate(zip(items, slots, strict=True), start=1):
            details = [fmt.slot_label(begin, end), fmt.KIND_LABELS.get(item.kind, item.kind)]
            if item.presenter.strip():
                details.append(f"door {item.presenter}")
            lines.append(f"{number}. {item.title} ({', '.join(details)})")
    return xml_safe("\n".join(lines))


def meeting_event(ws: Workspace, meeting: Meeting, board_name: str) -> Event:
    """One VEVENT for ``meeting``."""
    start = meeting.start
    end = meeting_end(ws, meeting) or start + DEFAULT_LENGTH
    changed = last_change(ws, meeting).astimezone(dt.UTC)
    title = meeting.title if board_name in meeting.title else f"{meeting.title} – {board_name}"
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting_sequence(ws, meeting))
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("created", parse_datetime(meeting.created_at).astimezone(dt.UTC))
    event.add("dtstart", start.astimezone(TZ))
    event.add("dtend", end.astimezone(TZ))
    event.add("summary", xml_safe(title))
    if meeting.place.strip():
        event.add("location", xml_safe(meeting.place))
    event.add("description", _description(ws, meeting, board_name))
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def meetings_calendar(ws: Workspace, meetings: list[Meeting]) -> Calendar:
    """A VCALENDAR with the Amsterdam VTIMEZONE and one event per meeting."""
    board_name = ws.board.name
    calendar = Calendar()
    calendar.add("prodid", "-//Wijkapp//Wijkapp//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # One line: newer icalendar refuses a raw newline in an X- property.
    calendar.add("x-wr-calname", " ".join(xml_safe(board_name).split()))
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add_component(amsterdam_vtimezone())
    for meeting in meetings:
        calendar.add_component(meeting_event(ws, meeting, board_name))
    return calendar


def write_ics(ws: Workspace, meeting: Meeting | None, out: Path, now: dt.datetime) -> None:
    """Write one meeting, or (``meeting=None``) every planned meeting from today on."""
    meetings = [meeting] if meeting else ws.meetings.upcoming(now)
    if not meetings:
        raise ValidationError(_("Er zijn geen geplande vergaderingen vanaf vandaag."))
    out.write_bytes(meetings_calendar(ws, meetings).to_ical())
