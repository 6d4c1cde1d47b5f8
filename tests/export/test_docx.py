"""The editable verslag (.docx) read back with python-docx: same content and headings."""

from __future__ import annotations

from pathlib import Path

import docx

from wijkapp.export import export
from wijkapp.export.docx_minutes import write_minutes_docx
from wijkapp.export.minutes_pdf import write_minutes_pdf

from .boards import TODAY
from .conftest import Board
from .golden import assert_golden, docx_text, pdf_text


def test_docx_minutes_match_golden(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "verslag.docx"
    write_minutes_docx(real.ws, real.ws.meetings.get(real.ids["draft"]), out, TODAY)
    assert_golden("minutes_docx", docx_text(out))


def test_docx_has_the_same_headings_in_the_same_order_as_the_pdf(
    board: Board, tmp_path: Path
) -> None:
    meeting = board.ws.meetings.get(board.ids["draft"])
    write_minutes_docx(board.ws, meeting, tmp_path / "v.docx", TODAY)
    write_minutes_pdf(board.ws, meeting, tmp_path / "v.pdf", TODAY)
    document = docx.Document(str(tmp_path / "v.docx"))
    headings = [p.text for p in document.paragraphs
                if p.style is not None and p.style.name == "Heading 1"]
    assert headings[0] == "Verslag per agendapunt"
    pdf_lines = [line.strip() for line in pdf_text(tmp_path / "v.pdf").splitlines()]
    positions = [pdf_lines.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_docx_keeps_user_text_exactly_emoji_included(nasty: Board, tmp_path: Path) -> None:
    out = export(nasty.ws, "docx", tmp_path / "v.docx", meeting_id=nasty.ids["held"])
    text = docx_text(out)
    item = nasty.ws.agenda.for_meeting(nasty.ids["held"])[0]
    assert item.notes in text  # 5,000 characters with markup, emoji and ĳ, untouched
    assert '<b>&amp;</b> a < b & "c" <b>vet</b> 🎉👍🏽' in text


def test_docx_is_dutch_titled_and_marked_concept(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "docx", tmp_path / "v.docx", meeting_id=real.ids["draft"])
    document = docx.Document(str(out))
    assert document.core_properties.language == "nl-NL"
    assert document.core_properties.title == "Verslag donderdag 12 november 2026"
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Wijkplatform Geleen-Zuid" in header and "CONCEPT" in header


def test_approved_docx_says_so_and_has_no_concept_mark(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "docx", tmp_path / "v.docx", meeting_id=real.ids["held"])
    document = docx.Document(str(out))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "CONCEPT" not in header
    assert "Vastgesteld in de vergadering van donderdag 12 november 2026." in docx_text(out)
