"""The verslag (notulen) of one meeting, as a PDF; "CONCEPT" across each page until approved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether

from ..errors import ValidationError
from ..meetings import Meeting
from .content import HEADINGS, ActionRow, ItemContent, MeetingContent, meeting_content
from .pdfbase import PageInfo, build_pdf, content_width, esc, facts, heading, markup, para, table

if TYPE_CHECKING:
    from ..workspace import Workspace

DRAFT_NOTE = "Concept: dit verslag is nog niet vastgesteld."
NO_ACTIONS = "Er zijn in deze vergadering geen actiepunten afgesproken."
NO_DECISIONS = "Er zijn in deze vergadering geen besluiten genomen."


def closing_index(content: MeetingContent) -> int | None:
    """Index of the item that gets the closing sentence: the Sluiting item, else none."""
    for index, item in enumerate(content.items):
        if item.standard == "closing":
            return index
    return None


def item_meta(item: ItemContent) -> str:
    """``ter besluitvorming · inleiding: Jan`` under an item heading."""
    parts = [item.kind]
    if item.presenter.strip():
        parts.append(f"inleiding: {item.presenter}")
    if item.duration:
        parts.append(item.duration)
    return " · ".join(parts)


def action_line(action: ActionRow) -> str:
    """``Wat — wie, klaar op 03-12-2026`` (plain text; escape before printing)."""
    tail = [part for part in (action.owner.strip() and action.owner,
                              action.due and f"klaar op {action.due}") if part]
    return f"{action.what} — {', '.join(tail)}" if tail else action.what


def _reviews_table(reviews: list[ActionRow]) -> Flowable:
    width = content_width()
    rows: list[list[object]] = [["Actiepunt", "Wie", "Uitkomst"]]
    for review in reviews:
        outcome = f"{review.status}\n{review.note}" if review.note.strip() else review.status
        rows.append([review.what, review.owner, outcome])
    return table(rows, [width - 8.2 * cm, 4.0 * cm, 4.2 * cm])


def _item_flowables(item: ItemContent) -> list[Flowable]:
    heading = [
        markup(f"{item.number}. {esc(item.title)}", "h2"),
        para(item_meta(item), "meta"),
    ]
    body: list[Flowable] = []
    if item.notes.strip():
        body.append(para(item.notes))
    for number, text in item.decisions:
        body.append(markup(f"<b>Besluit {esc(number)}:</b> {esc(text)}", "item"))
    for action in item.actions:
        body.append(markup(f"<b>Actie:</b> {esc(action_line(action))}", "item"))
    if item.reviews:
        body.append(_reviews_table(item.reviews))
    # Keep the heading with the start of its text; long notes may still split.
    return [KeepTogether(heading + body[:1]), *body[1:]] if body else [KeepTogether(heading)]


def minutes_story(content: MeetingContent) -> list[Flowable]:
    """The flowables of the verslag, in the order of the agenda."""
    title = "Verslag"
    story: list[Flowable] = [para(title, "title"), para(content.title, "subtitle")]
    if content.draft:
        story.append(para(DRAFT_NOTE, "notice"))
    story.append(
        facts(
            [
                ("Datum", content.date_long),
                ("Tijd", content.time_range),
                ("Plaats", content.place),
                ("Voorzitter", content.chair),
                ("Notulist", content.secretary),
                (HEADINGS["present"], ", ".join(content.present)),
                (HEADINGS["absent_notice"], ", ".join(content.absent_notice)),
                (HEADINGS["absent"], ", ".join(content.absent)),
                (HEADINGS["unknown"], ", ".join(content.unknown)),
                (HEADINGS["residents"], content.residents),
            ],
            label_width=5.3 * cm,
        )
    )

    story += heading(HEADINGS["items"])
    closing_at = closing_index(content)
    for index, item in enumerate(content.items):
        story += _item_flowables(item)
        if index == closing_at:
            story.append(para(content.closing))
    if closing_at is None:
        story.append(para(content.closing))

    if content.reviews and not content.reviews_placed:
        story += heading(HEADINGS["reviews"])
        story.append(_reviews_table(content.reviews))

    width = content_width()
    story += heading(HEADINGS["actions"])
    if content.actions:
        rows: list[list[object]] = [["Nr.", "Wat", "Wie", "Klaar op"]]
        rows += [[f"{n}.", a.what, a.owner, a.due] for n, a in enumerate(content.actions, 1)]
        widths = [1.3 * cm, width - 8.7 * cm, 4.4 * cm, 3.0 * cm]
        story.append(table(rows, widths, plain_columns=(0, 3)))
    else:
        story.append(para(NO_ACTIONS))

    story += heading(HEADINGS["decisions"])
    if content.decisions:
        decision_rows: list[list[object]] = [["Nummer", "Besluit"]]
        decision_rows += [[number, text] for number, text in content.decisions]
        story.append(table(decision_rows, [2.6 * cm, width - 2.6 * cm]))
    else:
        story.append(para(NO_DECISIONS))

    story.append(para("", "body"))
    story.append(para(content.approved or DRAFT_NOTE, "h2"))
    return story


def write_minutes_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the verslag of ``meeting`` to ``out``; refuses a cancelled meeting."""
    if meeting.status == "cancelled":
        raise ValidationError("Deze vergadering is afgelast; er is geen verslag van.")
    content = meeting_content(ws, meeting, today)
    info = PageInfo(
        title=f"Verslag {content.date_long}",
        board_name=content.board_name,
        subject=content.title,
        logo=content.logo,
        draft=content.draft,
    )
    build_pdf(out, minutes_story(content), info)
