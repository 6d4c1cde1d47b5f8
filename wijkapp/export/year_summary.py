"""The small year-summary file a board shares with other boards and the Wmo-raad.

Counts and goal titles only — never names, e-mail addresses, phone numbers, notes, request
texts or answers — as versioned JSON (documented in ``docs/jaarverslag.md``)::

    {"format": "wijkapp-jaarsamenvatting", "version": 1, "year": 2026, "made_on": "...",
     "board": {"name": ..., "wijk": ..., "municipality": ...},
     "meetings": {...}, "decisions": 20, "actions": {...}, "requests": {...}, "goals": {...}}

Entry point: :func:`write_year_summary`; :func:`year_summary` builds the dict.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError, ValidationError
from ..followup import YearFigures, year_figures
from ..goals import GOAL_STATUSES
from ..i18n import _
from ..safe_output import check_output_path, write_atomic
from ..timeutil import today
from ..voice import summary_section
from .formatting import safe_filename

if TYPE_CHECKING:
    from ..workspace import Workspace

SUMMARY_FORMAT = "wijkapp-jaarsamenvatting"
#: 2 added ``signals`` (counts per theme and group, follow-up rate) and ``prevention``.
SUMMARY_VERSION = 2
SUFFIX = ".jaarsamenvatting.json"


def summary_from_figures(fig: YearFigures, board: dict[str, str]) -> dict[str, Any]:
    """The year-summary dict for already counted figures (no personal data in it)."""
    m, a, r, g = fig.meetings, fig.actions, fig.requests, fig.goals
    return {
        "format": SUMMARY_FORMAT,
        "version": SUMMARY_VERSION,
        "year": fig.year,
        "made_on": fig.on.isoformat(),
        "board": board,
        "meetings": {
            "held": m.held,
            "cancelled": m.cancelled,
            "attendance_rate": None if m.attendance_rate is None else round(m.attendance_rate, 3),
        },
        "decisions": fig.decisions,
        "actions": {"agreed": a.agreed, "done": a.done, "open": a.open,
                    "cancelled": a.cancelled, "postponed": a.postponed},
        "requests": {
            "sent": r.sent,
            "answered_in_time": r.answered_in_time,
            "answered_late": r.answered_late,
            "not_answered": r.not_answered,
            "overdue": r.overdue,
            "median_days_to_answer": r.median_days,
        },
        "goals": {
            "by_status": {status: g.by_status.get(status, 0) for status in GOAL_STATUSES},
            "without_evidence": len(g.without_evidence),
            "items": [{"title": goal.title, "building_block": goal.building_block,
                       "status": goal.status} for goal in g.goals],
        },
    }


def year_summary(ws: Workspace, year: int, on: dt.date | None = None) -> dict[str, Any]:
    """The year summary of the current board for ``year`` (figures judged on ``on``)."""
    board = ws.board
    info = {"name": board.name, "wijk": board.wijk or "", "municipality": board.municipality or ""}
    data = summary_from_figures(year_figures(ws, year, on or today()), info)
    data.update(summary_section(ws, year, on or today()))
    return data


def write_year_summary(ws: Workspace, year: int, out: Path, *, on: dt.date | None = None) -> Path:
    """Write the year-summary file of ``year`` to ``out`` (UTF-8 JSON); return the path.

    When ``out`` is a folder the file is named like
    ``Wijkplatform Geleen-Zuid 2026.jaarsamenvatting.json``. The file appears complete or
    not at all. Raises :class:`ValidationError` / ``WriteFailedError`` with a Dutch sentence.
    """
    if not 1900 <= year <= 2200:
        raise ValidationError(_("Het jaar {year} is geen geldig jaar; gebruik bijvoorbeeld 2026.").format(year=year))
    try:
        name = ws.board.name
    except NotFoundError as error:
        raise ValidationError(str(error)) from None
    out = Path(out)
    if out.is_dir():
        out = out / safe_filename(f"{name} {year}", SUFFIX)
    check_output_path(out, ws.path)
    text = json.dumps(year_summary(ws, year, on), ensure_ascii=False, indent=2) + "\n"

    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    write_atomic(out, write, ws.path)
    return out
