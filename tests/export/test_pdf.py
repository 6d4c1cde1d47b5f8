"""PDF exports read back with pypdf: golden text, metadata, fonts, escaping, watermark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from wijkapp.errors import ValidationError
from wijkapp.export import export
from wijkapp.export.agenda_pdf import write_agenda_pdf
from wijkapp.export.lists_pdf import write_actions_pdf, write_decisions_pdf
from wijkapp.export.minutes_pdf import write_minutes_pdf

from .boards import TODAY
from .conftest import Board
from .golden import assert_golden, pdf_reading, pdf_text

PDF_FORMATS = ["agenda", "minutes", "decisions", "actions"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_agenda_matches_golden(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "agenda.pdf"
    write_agenda_pdf(real.ws, real.ws.meetings.get(real.ids["planned"]), out, TODAY)
    assert_golden("agenda", pdf_reading(out))


def test_approved_minutes_match_golden(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "verslag.pdf"
    write_minutes_pdf(real.ws, real.ws.meetings.get(real.ids["held"]), out, TODAY)
    assert_golden("minutes_approved", pdf_reading(out))


def test_draft_minutes_match_golden(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "verslag.pdf"
    write_minutes_pdf(real.ws, real.ws.meetings.get(real.ids["draft"]), out, TODAY)
    assert_golden("minutes_draft", pdf_reading(out))


def test_decision_list_matches_golden(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "besluiten.pdf"
    write_decisions_pdf(real.ws, out, None, TODAY)
    assert_golden("decisions", pdf_reading(out))


def test_action_list_matches_golden(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "acties.pdf"
    write_actions_pdf(real.ws, out, 2026, TODAY)
    assert_golden("actions", pdf_reading(out))


@pytest.mark.parametrize("fmt", PDF_FORMATS)
def test_every_pdf_reads_back_with_page_numbers_and_metadata(
    board: Board, fmt: str, tmp_path: Path
) -> None:
    meeting = board.ids["draft"] if fmt == "minutes" else board.ids["planned"]
    out = export(board.ws, fmt, tmp_path / f"{fmt}.pdf", meeting_id=meeting)
    reader = PdfReader(str(out))
    pages = len(reader.pages)
    text = pdf_text(out)
    assert f"Pagina 1 van {pages}" in text
    assert f"Pagina {pages} van {pages}" in text
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert reader.metadata is not None and reader.metadata.title
    assert reader.metadata.author
    assert not any(ord(char) >= 0x1F000 for char in text), "emoji must never reach the PDF"


@pytest.mark.parametrize("fmt", PDF_FORMATS)
def test_only_embedded_dejavu_fonts_are_used(real: Board, fmt: str, tmp_path: Path) -> None:
    out = export(real.ws, fmt, tmp_path / "x.pdf", meeting_id=real.ids["draft"])
    for page in PdfReader(str(out)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in font["/BaseFont"]
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            assert "/FontFile2" in descendant["/FontDescriptor"]


def test_markup_in_user_text_prints_exactly_as_typed(fresh: Board, tmp_path: Path) -> None:
    ws, meeting = fresh.ws, fresh.ids["draft"]
    item = ws.agenda.for_meeting(meeting)[0]
    ws.agenda.set_notes(item.id, 'a < b & "c" <b>vet</b> ĳ € é ë ş 🎉')
    text = pdf_text(export(ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting))
    assert 'a < b & "c" <b>vet</b> ĳ € é ë ş' in text
    assert "🎉" not in text


def test_hostile_board_prints_markup_and_dutch_letters(nasty: Board, tmp_path: Path) -> None:
    out = export(nasty.ws, "minutes", tmp_path / "v.pdf", meeting_id=nasty.ids["held"])
    text = _flat(pdf_text(out))
    assert '<b>&amp;</b> a < b & "c" <b>vet</b>' in text
    for letter in ("ĳ", "Ĳ", "€", "é", "ë", "ş"):
        assert letter in text
    assert len(PdfReader(str(out)).pages) > 3  # 5,000-character fields flow over pages


def test_draft_minutes_carry_concept_until_approved(fresh: Board, tmp_path: Path) -> None:
    ws, meeting = fresh.ws, fresh.ids["draft"]
    draft = pdf_text(export(ws, "minutes", tmp_path / "a.pdf", meeting_id=meeting))
    assert draft.splitlines()[0] == "CONCEPT"
    assert "Concept: dit verslag is nog niet vastgesteld." in draft
    ws.meetings.approve_minutes(meeting, "2026-12-03")
    final = pdf_text(export(ws, "minutes", tmp_path / "b.pdf", meeting_id=meeting))
    assert "CONCEPT" not in final
    assert "Vastgesteld op donderdag 3 december 2026." in final


def test_minutes_close_with_the_closing_time(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "minutes", tmp_path / "v.pdf", meeting_id=real.ids["held"])
    assert "De voorzitter sluit de vergadering om 21:40 uur." in pdf_text(out)


def test_agenda_shows_kind_presenter_and_time_slot(real: Board, tmp_path: Path) -> None:
    out = export(real.ws, "agenda", tmp_path / "a.pdf", meeting_id=real.ids["planned"])
    text = pdf_text(out)
    assert "donderdag 3 december 2026" in text
    assert "20:17–20:37" in text and "Leefbaarheidsbudget 2027" in text
    assert "ter besluitvorming" in text and "Jean-Pierre" in text


def test_overdue_actions_are_marked(real: Board, tmp_path: Path) -> None:
    out = tmp_path / "acties.pdf"
    write_actions_pdf(real.ws, out, None, TODAY)
    text = pdf_text(out)
    assert "open, te laat" in text
    assert "1 open actiepunt is te laat" in text


def test_minutes_of_a_cancelled_meeting_are_refused(fresh: Board, tmp_path: Path) -> None:
    fresh.ws.meetings.cancel(fresh.ids["planned"])
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(ValidationError, match="afgelast"):
        export(fresh.ws, "minutes", folder / "v.pdf", meeting_id=fresh.ids["planned"])
    assert list(folder.iterdir()) == []  # no half file, no temp file


def test_a_broken_logo_does_not_stop_the_export(fresh: Board, tmp_path: Path) -> None:
    logo = fresh.ws.board.logo_attachment_id
    assert logo is not None
    fresh.ws.attachments.path_of(fresh.ws.attachments.get(logo)).write_bytes(b"not a png")
    out = export(fresh.ws, "agenda", tmp_path / "a.pdf", meeting_id=fresh.ids["planned"])
    assert "Uitnodiging en agenda" in pdf_text(out)
