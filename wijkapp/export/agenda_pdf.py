"""The invitation with agenda (uitnodiging en agenda) of one meeting, as a PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..meetings import Meeting
from .content import HEADINGS, MeetingContent, meeting_content
from .pdfbase import (
    PageInfo,
    build_pdf,
    content_width,
    esc,
    facts,
    heading,
    markup,
    para,
    styles,
    table,
)

if TYPE_CHECKING:
    from ..workspace import Workspace


def agenda_story(content: MeetingContent) -> list[Flowable]:
    """The flowables of the agenda: when and where, who, the numbered items, open actions."""
    style = styles()
    story: list[Flowable] = [
        para("Uitnodiging en agenda", "title"),
        para(content.title, "subtitle"),
    ]
    if content.status == "cancelled":
        story.append(para("Deze vergadering is afgelast.", "notice"))
    story.append(
        facts(
            [
                ("Datum", content.date_long),
                ("Tijd", content.time_range),
                ("Plaats", content.place),
                ("Voorzitter", content.chair),
                ("Notulist", content.secretary),
                (HEADINGS["invitees"], ", ".join(content.invitees)),
            ]
        )
    )
    story += heading(HEADINGS["agenda"])
    rows: list[list[object]] = [["Nr.", "Tijd", "Agendapunt", "Door"]]
    for item in content.items:
        cell: list[Flowable] = [Paragraph(esc(item.title), style["cellbold"])]
        cell.append(Paragraph(f"<i>{esc(item.kind)}</i>", style["cell"]))
        rows.append([f"{item.number}.", item.slot, cell, item.presenter])
    if len(rows) == 1:
        rows.append(["", "", "Er staan nog geen punten op de agenda.", ""])
    width = content_width()
    widths = [1.3 * cm, 2.9 * cm, width - 8.0 * cm, 3.8 * cm]
    story.append(table(rows, widths, plain_columns=(0, 1)))

    if content.open_actions:
        story += heading(HEADINGS["open_actions"])
        story.append(
            para("Deze actiepunten van eerdere vergaderingen komen aan de orde.", "meta")
        )
        action_rows: list[list[object]] = [["Wat", "Wie", "Klaar op", "Status"]]
        overdue = []
        for index, action in enumerate(content.open_actions, start=1):
            status = markup(esc(action.status), "overdue") if action.overdue else action.status
            action_rows.append([action.what, action.owner, action.due, status])
            if action.overdue:
                overdue.append(index)
        story.append(
            table(action_rows, [width - 10.2 * cm, 3.8 * cm, 2.6 * cm, 3.8 * cm],
                  highlight_rows=overdue)
        )
    if content.documents:
        story += heading(HEADINGS["documents"])
        doc_rows: list[list[object]] = [["Ontvangen", "Van", "Onderwerp"]]
        doc_rows += [list(document) for document in content.documents]
        story.append(table(doc_rows, [2.9 * cm, 4.5 * cm, width - 7.4 * cm]))
    story.append(Spacer(1, 0.4 * cm))
    return story


def write_agenda_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the agenda of ``meeting`` to ``out`` (a PDF)."""
    content = meeting_content(ws, meeting, today)
    info = PageInfo(
        title=f"Agenda {content.date_long}",
        board_name=content.board_name,
        subject=content.title,
        logo=content.logo,
    )
    build_pdf(out, agenda_story(content), info)
