"""'Samenvatting voor bewoners': one meeting in short sentences and large type (B1).

The words come from :mod:`.summary_content` (what residents read, and why); this module
only hands them to ``resources/typst/summary.typ``. The readability level at the bottom
is measured with :mod:`wijkapp.plainlang` on exactly the text that is printed
(:attr:`ResidentSummary.text`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..meetings import Meeting
from . import formatting as fmt
from .summary_content import (
    BOARD_TERMS_SETTING,
    HEADINGS,
    TITLE,
    ResidentSummary,
    Section,
    board_terms,
    resident_summary,
)
from .typst_render import page_data, render_pdf

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
    "summary_data",
    "write_summary_pdf",
]

BODY_SIZE = 14


def summary_data(summary: ResidentSummary) -> dict[str, Any]:
    """What ``summary.typ`` prints: title, intro, the sections and the readability line.

    ``contact`` carries the board's contact details as data as well (they are already
    written out as sentences in the last section, "Vragen of ideeën?").
    """
    sections = []
    for section in summary.sections:
        bullets = section.key not in ("next", "contact", "said_did") and (
            len(section.paragraphs) > 1 or any(lead for lead, _ in section.paragraphs))
        sections.append({
            "heading": section.heading,
            "bullets": bullets,
            "inline": section.key == "said_did",
            "paragraphs": [{"lead": lead, "text": text} for lead, text in section.paragraphs],
        })
    return {
        "page": page_data(summary.board_name, logo=summary.logo),
        "title": summary.title,
        "intro": summary.intro,
        "sections": sections,
        "level_line": summary.level_line,
        "contact": summary.contact.as_dict(),
    }


def write_summary_pdf(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the resident summary of ``meeting`` to ``out`` (A4, one or two pages)."""
    summary = resident_summary(ws, meeting, today)
    # The footer prints the title on every page; the date is in the intro already.
    subject = f"Samenvatting in gewone taal van {fmt.long_date(meeting.start.date())}"
    Path(out).write_bytes(render_pdf("summary", summary_data(summary), title=TITLE,
                                     author=ws.board.name, subject=subject))
