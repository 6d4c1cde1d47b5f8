"""The invitation with agenda (uitnodiging en agenda) of one meeting, as a tagged PDF.

Typeset by ``resources/typst/agenda.typ`` from :func:`agenda_data`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..meetings import Meeting
from .content import HEADINGS, MeetingContent, meeting_content
from .typst_render import page_data, render_pdf

if TYPE_CHECKING:
    from ..workspace import Workspace

NO_ITEMS = "Er staan nog geen punten op de agenda."
OPEN_ACTIONS_INTRO = "Deze actiepunten van eerdere vergaderingen komen aan de orde."


def agenda_data(content: MeetingContent) -> dict[str, Any]:
    """What ``agenda.typ`` prints: when and where, who, the numbered items, open actions."""
    return {
        "page": page_data(content.board_name, logo=content.logo),
        "title": "Uitnodiging en agenda",
        "subtitle": content.title,
        "cancelled": "Deze vergadering is afgelast." if content.status == "cancelled" else "",
        "headings": HEADINGS,
        "facts": [
            ["Datum", content.date_long],
            ["Tijd", content.time_range],
            ["Plaats", content.place],
            ["Voorzitter", content.chair],
            ["Notulist", content.secretary],
            [HEADINGS["invitees"], ", ".join(content.invitees)],
        ],
        "items": [{"number": f"{item.number}.", "slot": item.slot, "title": item.title,
                   "kind": item.kind, "presenter": item.presenter} for item in content.items],
        "no_items": NO_ITEMS,
        "open_actions": [{"what": a.what, "owner": a.owner, "due": a.due, "status": a.status,
                          "overdue": a.overdue} for a in content.open_actions],
        "open_actions_intro": OPEN_ACTIONS_INTRO,
        "documents": [list(document) for document in content.documents],
    }


def agenda_pdf(content: MeetingContent) -> bytes:
    """The agenda of ``content`` as PDF bytes."""
    return render_pdf("agenda", agenda_data(content), title=f"Agenda {content.date_long}",
                      author=content.board_name, subject=content.title)


def write_agenda_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the agenda of ``meeting`` to ``out`` (a PDF)."""
    Path(out).write_bytes(agenda_pdf(meeting_content(ws, meeting, today)))
