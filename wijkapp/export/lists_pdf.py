"""Besluitenlijst and actiepuntenlijst across meetings, as tagged PDFs (all years or one year).

Typeset by ``resources/typst/decisions.typ`` and ``actions.typ``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..actions import Action
from ..timeutil import maybe_datetime
from . import formatting as fmt
from .content import ActionRow, action_row, board_logo
from .typst_render import page_data, render_pdf

if TYPE_CHECKING:
    from ..workspace import Workspace


def _scope(year: int | None) -> str:
    return str(year) if year else "alle jaren"


def _stand(today: dt.date, count: int, noun: str) -> str:
    return f"Stand op {fmt.long_date(today)} · {count} {noun}"


def decisions_data(ws: Workspace, year: int | None, today: dt.date) -> dict[str, Any]:
    """Every decision (of ``year``), by number: number, date, text."""
    decisions = ws.decisions.in_year(year) if year else ws.decisions.all()
    dates = {m.id: fmt.short_date(m.start) for m in ws.meetings.all()}
    title = f"Besluitenlijst {_scope(year)}"
    return {
        "page": page_data(ws.board.name, logo=board_logo(ws), footer=title),
        "title": "Besluitenlijst",
        "subtitle": f"{ws.board.name} · {_scope(year)}",
        "stand": _stand(today, len(decisions), "besluit" if len(decisions) == 1 else "besluiten"),
        "rows": [[d.number, dates.get(d.meeting_id, ""), d.text] for d in decisions],
        "empty": "Er zijn (in deze periode) nog geen besluiten genomen.",
    }


def _action_year(action: Action, years: dict[str, int]) -> int:
    if action.meeting_id and action.meeting_id in years:
        return years[action.meeting_id]
    moment = maybe_datetime(action.created_at)
    return moment.year if moment else 0


def _rows(rows: list[ActionRow], first: int) -> list[dict[str, Any]]:
    return [{"number": f"{first + offset}.", "meeting": row.meeting_date, "what": row.what,
             "owner": row.owner, "due": row.due, "status": row.status, "overdue": row.overdue,
             "postponed": fmt.times_postponed(row.postponed)}
            for offset, row in enumerate(rows)]


def actions_data(ws: Workspace, year: int | None, today: dt.date) -> dict[str, Any]:
    """Every action (agreed in ``year``): open ones first by due date, then the finished ones."""
    years = {m.id: m.year for m in ws.meetings.all()}
    actions = [a for a in ws.actions.all() if not year or _action_year(a, years) == year]
    dates: dict[str, str] = {}
    open_rows = [action_row(ws, a, today, dates) for a in actions if a.status == "open"]
    closed_rows = [action_row(ws, a, today, dates) for a in actions if a.status != "open"]
    late = sum(row.overdue for row in open_rows)
    noun = "actiepunt" if len(actions) == 1 else "actiepunten"
    title = f"Actiepuntenlijst {_scope(year)}"
    return {
        "page": page_data(ws.board.name, logo=board_logo(ws), footer=title, wide=True),
        "title": "Actiepuntenlijst",
        "subtitle": f"{ws.board.name} · {_scope(year)}",
        "stand": _stand(today, len(actions), noun),
        "late": (f"{late} open {'actiepunt is' if late == 1 else 'actiepunten zijn'} te laat; "
                 "die staan in rood met een streep ervoor.") if late else "",
        "groups": [
            {"heading": f"Open ({len(open_rows)})", "rows": _rows(open_rows, 1),
             "empty": "Er staan geen actiepunten open."},
            {"heading": f"Afgerond of vervallen ({len(closed_rows)})",
             "rows": _rows(closed_rows, len(open_rows) + 1),
             "empty": "Er zijn nog geen actiepunten afgerond."},
        ],
    }


def write_decisions_pdf(ws: Workspace, out: Path, year: int | None, today: dt.date) -> None:
    """Write the besluitenlijst (of ``year``, else all years) to ``out``."""
    title = f"Besluitenlijst {_scope(year)}"
    Path(out).write_bytes(render_pdf("decisions", decisions_data(ws, year, today), title=title,
                                     author=ws.board.name))


def write_actions_pdf(ws: Workspace, out: Path, year: int | None, today: dt.date) -> None:
    """Write the actiepuntenlijst (of ``year``, else all years) to ``out``, in landscape."""
    title = f"Actiepuntenlijst {_scope(year)}"
    Path(out).write_bytes(render_pdf("actions", actions_data(ws, year, today), title=title,
                                     author=ws.board.name))
