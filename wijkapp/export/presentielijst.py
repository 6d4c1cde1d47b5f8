"""The presentielijst: a sign-in sheet for a public meeting, typeset as a tagged PDF.

Residents write their name, street or organisation and sign on paper; Wijkapp stores no
names, only the number of residents present (:meth:`Meetings.set_residents_present`).
The template is ``resources/typst/presentielijst.typ``; all text reaches it as data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..i18n import _
from ..meetings import Meeting
from . import formatting as fmt
from .content import board_logo
from .typst_render import page_data, render_pdf

if TYPE_CHECKING:
    from ..workspace import Workspace

TITLE = "Presentielijst"
#: Empty lines on the sheet: one A4 page (print more copies for a busy evening).
ROWS = 16
COLUMNS = ["Nr.", "Naam", "Straat of organisatie", "Handtekening"]
INTRO = ("Welkom! Wilt u hieronder uw naam invullen, en uw straat of de organisatie "
         "waarvoor u komt?")
PRIVACY = ("Het wijkplatform gebruikt deze lijst alleen om te tellen hoeveel mensen er "
           "waren. De namen worden niet bewaard en niet doorgegeven.")
COUNT_LINE = "Aantal aanwezigen (invullen na de vergadering): ..........."


def presentielijst_data(ws: Workspace, meeting: Meeting, rows: int = ROWS) -> dict[str, Any]:
    """The template's data for ``meeting``: board, date, start time, place and empty lines."""
    if meeting.status == "cancelled":
        raise ValidationError(_("Deze vergadering is afgelast; er is geen presentielijst voor nodig."))
    if not 1 <= rows <= 200:
        raise ValidationError(_("Een presentielijst heeft 1 tot 200 regels."))
    start = meeting.start
    date_long = fmt.long_date(start.date())
    return {
        "page": page_data(ws.board.name, footer=f"{TITLE} {date_long}", logo=board_logo(ws)),
        "title": TITLE,
        "subtitle": meeting.title,
        "facts": [
            ["Datum", date_long],
            ["Aanvang", f"{fmt.clock(start)} uur"],
            ["Plaats", meeting.place],
        ],
        "intro": INTRO,
        "privacy": PRIVACY,
        "columns": COLUMNS,
        "rows": rows,
        "count": COUNT_LINE,
    }


def write_presentielijst_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the sign-in sheet of ``meeting`` to ``out`` (a tagged PDF/UA-1 document)."""
    data = presentielijst_data(ws, meeting)
    date_long = data["facts"][0][1]
    pdf = render_pdf("presentielijst", data, title=f"{TITLE} {date_long}",
                     author=ws.board.name, subject=meeting.title)
    Path(out).write_bytes(pdf)
