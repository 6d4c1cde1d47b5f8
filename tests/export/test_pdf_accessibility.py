"""Every PDF kind is a tagged, accessible PDF (PDF/UA-1), read back with pikepdf.

For each kind, on the realistic and the hostile board: a structure tree with the
expected tags, headings in order starting at one H1, no text or image outside the tree
except artifacts (header, footer, page numbers, watermark), figures with alt text,
``/Lang nl-NL``, the title shown as window title, the PDF/UA-1 identification and only
embedded fonts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wijkapp.export import export
from wijkapp.export.letter_pdf import write_request_letter
from wijkapp.export.year_report import write_year_report

from .boards import TODAY
from .conftest import Board
from .pdf_structure import (
    document_facts,
    figure_alts,
    headings,
    outside_tree,
    tagged_pages,
    tagged_text,
    tags,
)

Make = Callable[[Board, Path], Path]


def _meeting_export(fmt: str, which: str) -> Make:
    return lambda board, out: export(board.ws, fmt, out, meeting_id=board.ids[which])


def _letter(board: Board, out: Path) -> Path:
    ws = board.ws
    request = next((r for r in ws.requests.all() if r.text.strip()), None)
    if request is None:
        request = ws.requests.get(ws.requests.add(
            "Nieuwe schommels", "De schommels in de speeltuin zijn kapot.\n\nWilt u ze "
            "vervangen?").id or "")
    write_request_letter(ws, request.id, out, TODAY)
    return out


KINDS: dict[str, tuple[Make, set[str]]] = {
    "agenda": (_meeting_export("agenda", "planned"),
               {"H1", "H2", "P", "L", "LI", "Table", "THead", "TH", "TBody", "TD"}),
    "minutes": (_meeting_export("minutes", "draft"),
                {"H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD"}),
    "summary": (_meeting_export("summary", "held"), {"H1", "H2", "P", "L", "LI"}),
    "decisions": (lambda board, out: export(board.ws, "decisions", out),
                  {"H1", "P", "Table", "TH", "TD"}),
    "actions": (lambda board, out: export(board.ws, "actions", out),
                {"H1", "H2", "P", "Table", "TH", "TD"}),
    "year-report": (lambda board, out: write_year_report(board.ws, 2026, out, on=TODAY),
                    {"H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD", "Figure"}),
    "letter": (_letter, {"H1", "P"}),
}


@pytest.fixture(params=["real", "nasty"])
def any_board(request: pytest.FixtureRequest) -> Board:
    board: Board = request.getfixturevalue(request.param)
    return board


@pytest.mark.parametrize("kind", KINDS)
def test_every_pdf_kind_is_tagged_pdf_ua(any_board: Board, kind: str, tmp_path: Path) -> None:
    make, expected = KINDS[kind]
    out = make(any_board, tmp_path / f"{kind}.pdf")
    facts = document_facts(out)
    assert facts["lang"] == "nl-NL"
    assert facts["pdfua"] == "1"
    assert facts["marked"] and facts["display_title"]
    assert facts["title"] and facts["fonts_embedded"]
    found = tags(out)
    assert expected <= found, f"{kind} mist {sorted(expected - found)}"
    assert outside_tree(out) == []


@pytest.mark.parametrize("kind", KINDS)
def test_headings_are_in_order_under_one_title(real: Board, kind: str, tmp_path: Path) -> None:
    out = KINDS[kind][0](real, tmp_path / f"{kind}.pdf")
    levels = headings(out)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("kind", KINDS)
def test_page_furniture_is_an_artifact(real: Board, kind: str, tmp_path: Path) -> None:
    out = KINDS[kind][0](real, tmp_path / f"{kind}.pdf")
    read = tagged_text(out)
    assert "Pagina 1 van" not in read and "CONCEPT" not in read
    assert read.strip(), "the content itself is in the tree"


def test_year_report_figures_all_have_alt_text(real: Board, tmp_path: Path) -> None:
    out = write_year_report(real.ws, 2026, tmp_path / "j.pdf", on=TODAY)
    alts = figure_alts(out)
    assert alts and all(alt and alt.startswith("Staafdiagram") for alt in alts)


def test_the_concept_watermark_is_drawn_but_not_read(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "minutes", tmp_path / "v.pdf", meeting_id=real.ids["draft"])
    from .golden import pdf_text

    assert "CONCEPT" in pdf_text(out)  # on the page ...
    assert "CONCEPT" not in tagged_text(out)  # ... but an artifact, never read aloud


def test_no_agenda_page_holds_a_lone_item_or_heading(fresh: Board, tmp_path: Path) -> None:
    """Issue 14: '11. Sluiting' alone on page 2, 'Ingekomen stukken' alone on page 3."""
    ws, meeting = fresh.ws, fresh.ids["planned"]
    ws.agenda.add(meeting, "Verkeersveiligheid rond de basisschool", presenter="Mieke Janssen",
                  planned_minutes=20)
    for number in range(4):
        ws.documents.add(f"Brief {number + 1} over de speeltuin", sender="Gemeente",
                         meeting_id=meeting)
    out = export(ws, "agenda", tmp_path / "a.pdf", meeting_id=meeting)
    pages = tagged_pages(out)
    first_item = next(i for i, page in enumerate(pages) if "Opening" in page)
    closing = next(i for i, page in enumerate(pages) if "Sluiting" in page)
    assert first_item == closing  # the agenda table is not split
    heading = max(i for i, page in enumerate(pages) if "Ingekomen stukken" in page)
    assert "Ontvangen" in pages[heading] and "Brief 1 over de speeltuin" in pages[heading]
    for page in pages:
        assert len([line for line in page.splitlines() if line.strip()]) >= 4, page
