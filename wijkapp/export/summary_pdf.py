"""'Samenvatting voor bewoners': one meeting in short sentences and large type (B1).

The words come from :mod:`.summary_content` (what residents read, and why); this module
only lays them out. The readability level at the bottom is measured with
:mod:`wijkapp.plainlang` on exactly the text that is printed (:attr:`ResidentSummary.text`).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..meetings import Meeting
from . import formatting as fmt
from .pdfbase import FONT, FONT_BOLD, INK, MUTED, PageInfo, build_pdf, esc, register_fonts
from .summary_content import (
    BOARD_TERMS_SETTING,
    HEADINGS,
    TITLE,
    ResidentSummary,
    Section,
    board_terms,
    resident_summary,
)

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "BOARD_TERMS_SETTING",
    "HEADINGS",
    "TITLE",
    "ResidentSummary",
    "Section",
    "board_terms",
    "resident_summary",
    "summary_story",
    "write_summary_pdf",
]

BODY_SIZE = 14


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("summary-body", fontName=FONT, fontSize=BODY_SIZE, leading=19.5,
                          textColor=INK, spaceAfter=6, allowWidows=0, allowOrphans=0)
    return {
        "body": body,
        "title": ParagraphStyle("summary-title", parent=body, fontName=FONT_BOLD, fontSize=24,
                                leading=30, spaceAfter=8),
        "intro": ParagraphStyle("summary-intro", parent=body, spaceAfter=4),
        "h1": ParagraphStyle("summary-h1", parent=body, fontName=FONT_BOLD, fontSize=18,
                             leading=23, spaceBefore=12, spaceAfter=5, keepWithNext=1,
                             textColor=colors.HexColor("#1F4E79")),
        "item": ParagraphStyle("summary-item", parent=body, leftIndent=0.7 * cm,
                               bulletIndent=0.05 * cm, bulletFontName=FONT_BOLD),
        "level": ParagraphStyle("summary-level", parent=body, fontSize=13, leading=18,
                                textColor=MUTED, spaceAfter=0),
    }


def _paragraph(lead: str, text: str, bullet: bool, inline: bool) -> Paragraph:
    """A bold ``lead`` (on its own line unless ``inline``) followed by ``text``."""
    style = _styles()["item" if bullet else "body"]
    parts = (f"<b>{esc(lead)}</b>" if lead else "", esc(text))
    html = (" " if inline else "<br/>").join(part for part in parts if part)
    return Paragraph(html, style, bulletText="•" if bullet else None)


def summary_story(summary: ResidentSummary) -> list[Flowable]:
    """The platypus story: title, intro, five sections and the readability line."""
    style = _styles()
    story: list[Flowable] = [Paragraph(esc(summary.title), style["title"]),
                             Paragraph(esc(summary.intro), style["intro"])]
    last: list[Flowable] = []
    for section in summary.sections:
        bullets = section.key not in ("next", "contact") and (
            len(section.paragraphs) > 1 or any(lead for lead, _ in section.paragraphs))
        inline = False
        last = [Paragraph(esc(section.heading), style["h1"]),
                *(_paragraph(lead, text, bullets, inline) for lead, text in section.paragraphs)]
        story.extend(last)
    box = Table([[Paragraph(esc(summary.level_line), style["level"])]], hAlign="LEFT",
                style=TableStyle([("BOX", (0, 0), (-1, -1), 0.8, MUTED),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                  ("TOPPADDING", (0, 0), (-1, -1), 6),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    # The level never stands alone on a page: it stays with the last section.
    story[-len(last):] = [KeepTogether([*last, Spacer(1, 0.4 * cm), box])]
    return story


def write_summary_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the resident summary of ``meeting`` to ``out`` (A4, one or two pages)."""
    summary = resident_summary(ws, meeting, today)
    info = PageInfo(
        # The footer prints the title on every page; the date is in the intro already.
        title=TITLE, board_name=ws.board.name, logo=summary.logo,
        subject=f"Samenvatting in gewone taal van {fmt.long_date(meeting.start.date())}",
    )
    build_pdf(out, summary_story(summary), info)
