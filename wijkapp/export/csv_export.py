"""CSV for other programs: ``;`` between fields, UTF-8 with BOM, dd-mm-jjjj dates.

Four kinds: meetings, actions, requests, contacts (optionally limited to one year).
Text that starts with ``=``, ``+``, ``-``, ``@``, a TAB or a CR gets a leading apostrophe so a
spreadsheet shows it instead of running it as a formula. For Excel and LibreOffice
the app makes an .xlsx workbook (:mod:`wijkapp.export.xlsx_export`) from the same rows:
real dates, text as text, no apostrophes.

The ``*_rows`` functions return typed values (``date``, ``time``, ``int``, ``str``);
:func:`cell` turns them into CSV text.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..i18n import N_, _
from ..timeutil import maybe_date
from . import formatting as fmt
from .content import meeting_end
from .formatting import xml_safe

if TYPE_CHECKING:
    from ..workspace import Workspace

CSV_KINDS = {
    "meetings": N_("vergaderingen"),
    "actions": N_("actiepunten"),
    "requests": N_("verzoeken"),
    "contacts": N_("contacten"),
}
Value = str | int | dt.date | dt.time | None
Row = list[Value]
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")


def cell(value: Value) -> str | int:
    """One CSV field: numbers as numbers, dates ``dd-mm-jjjj``, times ``HH:MM``, text
    cleaned and guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yes(value)
    if isinstance(value, int):
        return value
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return fmt.short_date(value)
    text = xml_safe(value).replace("\r\n", "\n")
    return "'" + text if text[:1] in FORMULA_STARTS else text


def _date(text: str | None) -> dt.date | None:
    return maybe_date(text)


def _time(moment: dt.datetime | None) -> dt.time | None:
    """The Amsterdam wall-clock time of ``moment`` (what :func:`fmt.clock` prints)."""
    if moment is None:
        return None
    hours, minutes = fmt.clock(moment).split(":")
    return dt.time(int(hours), int(minutes))


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
        end = meeting_end(ws, m)
        rows.append([m.start.date(), _time(m.start), _time(end), m.title,
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
        rows.append([meetings.get(a.meeting_id or ""), a.what, a.owner_name,
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


def decision_rows(ws: Workspace, year: int | None) -> tuple[list[str], list[Row]]:
    """Each decision with its number, the date of its meeting and its text."""
    header = ["Nummer", "Vergadering", "Besluit"]
    decisions = ws.decisions.in_year(year) if year else ws.decisions.all()
    meetings = {m.id: m.start.date() for m in ws.meetings.all()}
    return header, [[d.number, meetings.get(d.meeting_id), d.text] for d in decisions]


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
            _("Soort lijst '{kind}' bestaat niet; kies uit: {choices}.").format(kind=kind, choices=', '.join(CSV_KINDS))
        )
    write_rows(out, header, rows)
