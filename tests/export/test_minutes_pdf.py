"""The verslag as a reader meets it: one closing sentence, and a huge note that still prints."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from wijkapp.export import export

from .conftest import Board
from .golden import docx_text, pdf_reading

OWN_CLOSING = "De voorzitter sluit om 21.25 uur de vergadering en dankt iedereen voor de inbreng."


def _closing_item(board: Board, meeting: str) -> str:
    return next(i.id for i in board.ws.agenda.for_meeting(meeting) if i.standard == "closing")


def test_the_closing_is_said_once_when_the_notes_already_say_it(fresh: Board,
                                                                tmp_path: Path) -> None:
    ws, meeting = fresh.ws, fresh.ids["draft"]
    ws.meetings.mark_held(meeting, "2026-11-12 21:25")
    ws.agenda.set_notes(_closing_item(fresh, meeting), OWN_CLOSING)
    read = pdf_reading(export(ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting))
    assert read.count("De voorzitter sluit") == 1
    assert OWN_CLOSING in read
    word = docx_text(export(ws, "docx", tmp_path / "v.docx", meeting_id=meeting))
    assert word.count("De voorzitter sluit") == 1


def test_without_own_words_the_minutes_close_with_the_closing_time(fresh: Board,
                                                                   tmp_path: Path) -> None:
    ws, meeting = fresh.ws, fresh.ids["draft"]
    ws.meetings.mark_held(meeting, "2026-11-12 21:25")
    ws.agenda.set_notes(_closing_item(fresh, meeting), "Geen rondvraag meer.")
    read = pdf_reading(export(ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting))
    assert read.count("De voorzitter sluit de vergadering om 21:25 uur.") == 1


def test_a_note_of_a_million_characters_prints_whole(fresh: Board, tmp_path: Path) -> None:
    """Issue 11: the minutes of a 1,000,000-character note are made (in seconds: see
    bench/exports.py) and carry the note from its first to its last word."""
    ws, meeting = fresh.ws, fresh.ids["draft"]
    item = next(i for i in ws.agenda.for_meeting(meeting) if not i.standard)
    body = "De werkgroep bespreekt het plan voor de speeltuin en het zebrapad. "
    note = "BEGINVANDENOTITIE " + body * (1_000_000 // len(body))
    note = note[: 1_000_000 - len(" EINDEVANDENOTITIE")] + " EINDEVANDENOTITIE"
    assert len(note) == 1_000_000
    ws.agenda.set_notes(item.id, note)
    out = export(ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting)
    pages = PdfReader(out).pages
    assert len(pages) > 200
    first = pages[0].extract_text() + pages[1].extract_text()
    assert "BEGINVANDENOTITIE" in first
    ending = next(n for n in range(len(pages) - 1, 0, -1)
                  if "EINDEVANDENOTITIE" in pages[n].extract_text())
    assert ending > 200  # the whole note in between, none of it cut off
    middle = pages[len(pages) // 2].extract_text()
    assert middle.count("speeltuin") >= 20
