"""What the room adds to the verslag: residents present and, when chosen, time per item."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from pypdf import PdfReader

from wijkapp.export import export
from wijkapp.export.content import duration_label
from wijkapp.meeting_clock import ITEM_TIMES_SETTING
from wijkapp.workspace import Workspace


def _held(ws: Workspace) -> str:
    meeting = ws.meetings.create("2026-12-03 19:30", place="Buurthuis").id or ""
    items = ws.agenda.for_meeting(meeting)
    ws.agenda.update(items[0].id, planned_minutes=5)
    ws.agenda.add_time(items[0].id, 7 * 60 + 20)
    ws.agenda.add_time(items[2].id, 25)
    ws.meetings.mark_held(meeting, closed_at="2026-12-03T21:47:00+01:00")
    return meeting


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_duration_label() -> None:
    assert duration_label(None, 10) == ""
    assert duration_label(0, 10) == "duurde 0 min. (gepland 10 min.)"
    assert duration_label(25, None) == "duurde 1 min."
    assert duration_label(7 * 60 + 20, 5) == "duurde 7 min. (gepland 5 min.)"


def test_verslag_states_residents_closing_time_and_no_times_by_default(
    ws: Workspace, tmp_path: Path
) -> None:
    meeting = _held(ws)
    ws.meetings.set_residents_present(meeting, 1234)
    text = _pdf_text(export(ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting))
    assert "Bewoners aanwezig 1.234" in text or "Bewoners aanwezig: 1.234" in text
    assert "21:47" in text  # the actual closing time
    assert "duurde" not in text
    doc = "\n".join(p.text for p in Document(
        str(export(ws, "docx", tmp_path / "v.docx", meeting_id=meeting))).paragraphs)
    assert "Bewoners aanwezig: 1.234" in doc


def test_verslag_states_time_per_item_when_the_board_wants(ws: Workspace, tmp_path: Path) -> None:
    meeting = _held(ws)
    ws.set_setting(ITEM_TIMES_SETTING, True)
    text = _pdf_text(export(ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting))
    assert "duurde 7 min. (gepland 5 min.)" in text
    assert "duurde 1 min." in text
    assert "Bewoners aanwezig" not in text  # not counted: not printed
    doc = "\n".join(p.text for p in Document(
        str(export(ws, "docx", tmp_path / "v.docx", meeting_id=meeting))).paragraphs)
    assert "duurde 7 min. (gepland 5 min.)" in doc
