"""Besluitenlijst and actiepuntenlijst across meetings, as PDFs (all years or one year)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from ..actions import Action
from ..timeutil import maybe_datetime
from . import formatting as fmt
from .content import ActionRow, action_row, board_logo
from .pdfbase import PageInfo, build_pdf, content_width, esc, heading, markup, para, table

if TYPE_CHECKING:
    from ..workspace import Workspace

#: Rows per table piece: long lists are built as several tables (reportlab splits a
#: huge table slowly); each piece repeats the header row on every page anyway.
_CHUNK = 60


def _scope(year: int | None) -> str:
    return str(year) if year else "alle jaren"


def _stand(today: dt.date, count: int, noun: str) -> str:
    return f"Stand op {fmt.long_date(today)} · {count} {noun}"


def decisions_story(ws: Workspace, year: int | None, today: dt.date) -> list[Flowable]:
    """Every decision (of ``year``), by number: number, date, text."""
    decisions = ws.decisions.in_year(year) if year else ws.decisions.all()
    dates = {m.id: fmt.short_date(m.start) for m in ws.meetings.all()}
    story: list[Flowable] = [
        para("Besluitenlijst", "title"),
        para(f"{ws.board.name} · {_scope(year)}", "subtitle"),
        para(_stand(today, len(decisions), "besluit" if len(decisions) == 1 else "besluiten"),
             "meta"),
    ]
    if not decisions:
        story.append(para("Er zijn (in deze periode) nog geen besluiten genomen."))
        return story
    width = content_width()
    rows = [[d.number, dates.get(d.meeting_id, ""), d.text] for d in decisions]
    for start in range(0, len(rows), _CHUNK):
        story.append(
            table([["Nummer", "Datum", "Besluit"], *rows[start : start + _CHUNK]],
                  [2.6 * cm, 2.9 * cm, width - 5.5 * cm], plain_columns=(0, 1))
        )
    return story


def _action_year(action: Action, years: dict[str, int]) -> int:
    if action.meeting_id and action.meeting_id in years:
        return years[action.meeting_id]
    moment = maybe_datetime(action.created_at)
    return moment.year if moment else 0


def _action_table(rows: list[ActionRow], first: int) -> list[Flowable]:
    width = content_width(wide=True)
    widths = [1.3 * cm, 3.1 * cm, width - 18.0 * cm, 4.0 * cm, 2.7 * cm, 4.2 * cm, 2.7 * cm]
    header = ["Nr.", "Vergadering", "Wat", "Wie", "Klaar op", "Status", "Uitgesteld"]
    pieces: list[Flowable] = []
    for start in range(0, len(rows), _CHUNK):
        data: list[list[object]] = [[*header]]
        overdue = []
        for offset, row in enumerate(rows[start : start + _CHUNK]):
            status: object = row.status
            if row.overdue:
                status = markup(esc(row.status), "overdue")
                overdue.append(offset + 1)
            data.append([f"{first + start + offset}.", row.meeting_date, row.what, row.owner,
                         row.due, status, fmt.times_postponed(row.postponed)])
        pieces.append(table(data, widths, highlight_rows=overdue, plain_columns=(0, 1, 4, 6)))
    return pieces


def actions_story(ws: Workspace, year: int | None, today: dt.date) -> list[Flowable]:
    """Every action (agreed in ``year``): open ones first by due date, then the finished ones."""
    years = {m.id: m.year for m in ws.meetings.all()}
    actions = [a for a in ws.actions.all() if not year or _action_year(a, years) == year]
    dates: dict[str, str] = {}
    open_rows = [action_row(ws, a, today, dates) for a in actions if a.status == "open"]
    closed_rows = [action_row(ws, a, today, dates) for a in actions if a.status != "open"]
    late = sum(row.overdue for row in open_rows)
    noun = "actiepunt" if len(actions) == 1 else "actiepunten"
    story: list[Flowable] = [
        para("Actiepuntenlijst", "title"),
        para(f"{ws.board.name} · {_scope(year)}", "subtitle"),
        para(_stand(today, len(actions), noun), "meta"),
    ]
    if late:
        story.append(
            para(
                f"{late} open {'actiepunt is' if late == 1 else 'actiepunten zijn'} te laat; "
                "die staan in rood met een streep ervoor.",
                "notice",
            )
        )
    story += heading(f"Open ({len(open_rows)})")
    if open_rows:
        story += _action_table(open_rows, 1)
    else:
        story.append(para("Er staan geen actiepunten open."))
    story += heading(f"Afgerond of vervallen ({len(closed_rows)})")
    if closed_rows:
        story += _action_table(closed_rows, len(open_rows) + 1)
    else:
        story.append(para("Er zijn nog geen actiepunten afgerond."))
    return story


def write_decisions_pdf(ws: Workspace, out: Path, year: int | None, today: dt.date) -> None:
    """Write the besluitenlijst (of ``year``, else all years) to ``out``."""
    info = PageInfo(title=f"Besluitenlijst {_scope(year)}", board_name=ws.board.name,
                    logo=board_logo(ws))
    build_pdf(out, decisions_story(ws, year, today), info)


def write_actions_pdf(ws: Workspace, out: Path, year: int | None, today: dt.date) -> None:
    """Write the actiepuntenlijst (of ``year``, else all years) to ``out``, in landscape."""
    info = PageInfo(title=f"Actiepuntenlijst {_scope(year)}", board_name=ws.board.name,
                    logo=board_logo(ws), wide=True)
    build_pdf(out, actions_story(ws, year, today), info)
