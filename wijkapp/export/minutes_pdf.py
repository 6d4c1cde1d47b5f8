"""The verslag (notulen) of one meeting, as a tagged PDF; "CONCEPT" across each page until approved.

Typeset by ``resources/typst/minutes.typ`` from :func:`minutes_data`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError
from ..i18n import _
from ..meetings import Meeting
from .content import HEADINGS, ActionRow, ItemContent, MeetingContent, meeting_content
from .typst_render import page_data, render_pdf

if TYPE_CHECKING:
    from ..workspace import Workspace

DRAFT_NOTE = "Concept: dit verslag is nog niet vastgesteld."
NO_ACTIONS = "Er zijn in deze vergadering geen actiepunten afgesproken."
NO_DECISIONS = "Er zijn in deze vergadering geen besluiten genomen."
#: A note that already closes the meeting ("De voorzitter sluit om 21.25 uur de vergadering").
_CLOSES = re.compile(r"\b(sluit|sloot|gesloten|beëindigt)\b", re.IGNORECASE)


def closing_index(content: MeetingContent) -> int | None:
    """Index of the item that gets the closing sentence: the Sluiting item, else none."""
    for index, item in enumerate(content.items):
        if item.standard == "closing":
            return index
    return None


def closing_sentence(content: MeetingContent) -> str:
    """The generated closing sentence, or ``""`` when the Sluiting notes already say it.

    The minute taker often writes "De voorzitter sluit om 21.25 uur de vergadering" under
    Sluiting; printing ours after it would say the same thing twice.
    """
    at = closing_index(content)
    if at is not None and _CLOSES.search(content.items[at].notes):
        return ""
    return content.closing


def item_meta(item: ItemContent) -> str:
    """``ter besluitvorming · inleiding: Jan`` under an item heading."""
    parts = [item.kind]
    if item.presenter.strip():
        parts.append(f"inleiding: {item.presenter}")
    if item.duration:
        parts.append(item.duration)
    return " · ".join(parts)


def action_line(action: ActionRow) -> str:
    """``Wat — wie, klaar op 03-12-2026`` (plain text)."""
    tail = [part for part in (action.owner.strip() and action.owner,
                              action.due and f"klaar op {action.due}") if part]
    return f"{action.what} — {', '.join(tail)}" if tail else action.what


def _reviews(reviews: list[ActionRow]) -> list[dict[str, str]]:
    return [{"what": r.what, "owner": r.owner, "status": r.status, "note": r.note.strip()}
            for r in reviews]


def minutes_data(content: MeetingContent) -> dict[str, Any]:
    """What ``minutes.typ`` prints, as JSON-able data (user text untouched)."""
    closing_at = closing_index(content)
    closing = closing_sentence(content)
    items = [
        {
            "heading": f"{item.number}. {item.title}",
            "meta": item_meta(item),
            "notes": item.notes,
            "decisions": [{"number": n, "text": t} for n, t in item.decisions],
            "actions": [action_line(a) for a in item.actions],
            "reviews": _reviews(item.reviews),
            "closing": closing if index == closing_at else "",
        }
        for index, item in enumerate(content.items)
    ]
    return {
        "page": page_data(content.board_name, logo=content.logo, draft=content.draft),
        "title": "Verslag",
        "subtitle": content.title,
        "draft": content.draft,
        "draft_note": DRAFT_NOTE,
        "headings": HEADINGS,
        "facts": [
            ["Datum", content.date_long],
            ["Tijd", content.time_range],
            ["Plaats", content.place],
            ["Voorzitter", content.chair],
            ["Notulist", content.secretary],
            [HEADINGS["present"], ", ".join(content.present)],
            [HEADINGS["absent_notice"], ", ".join(content.absent_notice)],
            [HEADINGS["absent"], ", ".join(content.absent)],
            [HEADINGS["unknown"], ", ".join(content.unknown)],
            [HEADINGS["residents"], content.residents],
        ],
        "items": items,
        "closing": closing if closing_at is None else "",
        "reviews": _reviews(content.reviews) if not content.reviews_placed else [],
        "actions": [{"number": f"{n}.", "what": a.what, "owner": a.owner, "due": a.due}
                    for n, a in enumerate(content.actions, 1)],
        "no_actions": NO_ACTIONS,
        "decisions": [{"number": n, "text": t} for n, t in content.decisions],
        "no_decisions": NO_DECISIONS,
        "approved": content.approved or DRAFT_NOTE,
    }


def minutes_pdf(content: MeetingContent) -> bytes:
    """The verslag of ``content`` as PDF bytes."""
    return render_pdf("minutes", minutes_data(content), title=f"Verslag {content.date_long}",
                      author=content.board_name, subject=content.title)


def write_minutes_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the verslag of ``meeting`` to ``out``; refuses a cancelled meeting."""
    if meeting.status == "cancelled":
        raise ValidationError(_("Deze vergadering is afgelast; er is geen verslag van."))
    content = meeting_content(ws, meeting, today, open_actions=False)
    Path(out).write_bytes(minutes_pdf(content))
