"""CSV for Excel with Dutch settings: ``;`` between fields, UTF-8 with BOM, dd-mm-jjjj dates.

Four kinds: meetings, actions, requests, contacts (optionally limited to one year).
Text that starts with ``=``, ``+``, ``-``, ``@``, a TAB or a CR gets a leading apostrophe so Excel
shows it instead of running it as a formula (what Excel itself does with such input).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..i18n import N_
from ..timeutil import maybe_date, maybe_datetime
from . import formatting as fmt
from .formatting import xml_safe

if TYPE_CHECKING:
    from ..workspace import Workspace

CSV_KINDS = {
    "meetings": N_("vergaderingen"),
    "actions": N_("actiepunten"),
    "requests": N_("verzoeken"),
    "contacts": N_("contacten"),
}
Row = list[str | int]
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")


def cell(value: str | int | None) -> str | int:
    """One field: numbers as numbers, text cleaned and guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    text = xml_safe(value).replace("\r\n", "\n")
    return "'" + text if text[:1] in FORMULA_STARTS else text


def _date(text: str | None) -> str:
    return fmt.short_date(maybe_date(text))


def _yes(flag: bool) -> str:
    return "ja" if flag else "nee"


def _in_year(day: dt.date | None, year: int | None) -> bool:
    return year is None or (day is not None and day.year == year)


def meeting_rows(ws: Workspace, year: int | None) -> tuple[list[str], list[Row]]:
    """Date, times, title, place, status and counts of each meeting."""
    header = ["Datum", "Begintijd", "Eindtijd", "Titel", "Plaats", "Status", "Agendapunten",
              "Besluiten", "Actiepunten", "Verslag vastgesteld op"]
    meetings = ws.meetings.in_year(year) if year else ws.meetings.all()
    rows: list[Row] = []
    for m in meetings:
        end = maybe_datetime(m.ends_at) or maybe_datetime(m.closed_at)
        rows.append([fmt.short_date(m.start), fmt.clock(m.start), fmt.clock(end), m.title,
                     m.place, fmt.MEETING_STATUS_LABELS.get(m.status, m.status),
                     len(ws.agenda.for_meeting(m.id)), len(ws.decisions.for_meeting(m.id)),
                     len(ws.actions.for_meeting(m.id)), _date(m.minutes_approved_on)])
    return header, rows


def action_rows(ws: Workspace, year: int | None, today: dt.date) -> tuple[list[str], list[Row]]:
    """Each action with meeting date, who, due date, status and times postponed."""
    header = ["Vergadering", "Wat", "Wie", "Klaar op", "Status", "Afgerond op",
              "Keer uitgesteld", "Te laat", "Opmerkingen"]
    meetings = {m.id: m.start.date() for m in ws.meetings.all()}
    rows: list[Row] = []
    for a in ws.actions.all():
        day = meetings.get(a.meeting_id or "") or maybe_date((a.created_at or "")[:10])
        if not _in_year(day, year):
            continue
        rows.append([fmt.short_date(meetings.get(a.meeting_id or "")), a.what, a.owner_name,
                     _date(a.due_date), fmt.ACTION_STATUS_LABELS.get(a.status, a.status),
                     _date(a.done_on), a.times_postponed, _yes(a.is_overdue(today)), a.notes])
    return header, rows


def request_rows(ws: Workspace, year: int | None, today: dt.date) -> tuple[list[str], list[Row]]:
    """Each request or signal with its dates, status and answer."""
    header = ["Soort", "Onderwerp", "Buurt", "Verstuurd aan", "Verstuurd op",
              "Antwoord beloofd op", "Beantwoord op", "Status", "Op tijd beantwoord", "Te laat",
              "Tekst", "Antwoord"]
    areas = {a.id: a.name for a in ws.areas.all()}
    rows: list[Row] = []
    for r in ws.requests.all():
        day = maybe_date(r.sent_on) or maybe_date((r.created_at or "")[:10])
        if not _in_year(day, year):
            continue
        in_time = r.answered_in_time()
        rows.append([fmt.REQUEST_KIND_LABELS.get(r.kind, r.kind), r.subject,
                     areas.get(r.area_id or "", ""), r.sent_to_name, _date(r.sent_on),
                     _date(r.answer_due), _date(r.answered_on),
                     fmt.REQUEST_STATUS_LABELS.get(r.status, r.status),
                     "" if in_time is None else _yes(in_time), _yes(r.is_overdue(today)),
                     r.text, r.answer_text])
    return header, rows


def contact_rows(ws: Workspace) -> tuple[list[str], list[Row]]:
    """Each person with role, organisation, phone, e-mail, topics and last contact."""
    header = ["Naam", "Rol", "Organisatie", "Telefoon", "E-mail", "Onderwerpen",
              "Laatste contact", "Bestuurslid", "Opmerkingen"]
    organisations = {o.id: o.name for o in ws.organisations.all()}
    rows: list[Row] = [
        [p.name, p.role, organisations.get(p.organisation_id or "", ""), p.phone, p.email,
         p.topics, _date(p.last_contact), _yes(bool(p.board_member)), p.notes]
        for p in ws.contacts.all()
    ]
    return header, rows


def write_rows(out: Path, header: Sequence[str], rows: Sequence[Row]) -> None:
    """Write the table for Excel: BOM, ``;``, CRLF, quotes where needed."""
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([[cell(value) for value in row] for row in rows])


def write_csv(ws: Workspace, kind: str, out: Path, year: int | None, today: dt.date) -> None:
    """Write one kind of list (see :data:`CSV_KINDS`) to ``out``."""
    if kind == "meetings":
        header, rows = meeting_rows(ws, year)
    elif kind == "actions":
        header, rows = action_rows(ws, year, today)
    elif kind == "requests":
        header, rows = request_rows(ws, year, today)
    elif kind == "contacts":
        header, rows = contact_rows(ws)
    else:
        raise ValidationError(
            f"Soort lijst '{kind}' bestaat niet; kies uit: {', '.join(CSV_KINDS)}."
        )
    write_rows(out, header, rows)
