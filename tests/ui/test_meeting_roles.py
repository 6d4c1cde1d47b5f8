"""Voorzitter and notulist are chosen per meeting in the editor and printed in the verslag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.ui.conftest import wait_for_worker
from tests.ui.test_meetings import editor, meeting_id, people  # noqa: F401 - fixtures
from ui.views.meeting_editor import MeetingEditor
from wijkapp.export.minutes_pdf import write_minutes_pdf
from wijkapp.workspace import Workspace


def choose(qtbot: Any, combo: Any, name: str) -> None:
    index = combo.findText(name)
    assert index > 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    wait_for_worker(qtbot)


def test_chair_and_note_taker_are_saved_and_printed_in_the_minutes(
        qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str,  # noqa: F811
        tmp_path: Path) -> None:
    chair, secretary = editor.roles.combos["chair_id"], editor.roles.combos["secretary_id"]
    assert chair.accessibleName() == "Voorzitter van deze vergadering"
    assert chair.currentText() == "— nog niet gekozen —"
    members = [p for p in ws.contacts.all() if p.board_member]
    assert chair.itemText(1) in {p.name for p in members}  # board members first
    choose(qtbot, chair, members[0].name)
    choose(qtbot, secretary, members[-1].name)
    meeting = ws.meetings.get(meeting_id)
    assert (meeting.chair_id, meeting.secretary_id) == (members[0].id, members[-1].id)
    assert ws.undo_name == "Vergadering gewijzigd"
    out = tmp_path / "verslag.pdf"
    write_minutes_pdf(ws, meeting, out, dt.date(2026, 3, 1))
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert f"Voorzitter {members[0].name}" in " ".join(text.split()) or (
        "Voorzitter" in text and members[0].name in text)
    assert "Notulist" in text and members[-1].name in text
    # Undo puts the old choice back on screen.
    editor.bus.changed.emit(ws.undo(), None)
    wait_for_worker(qtbot)
    assert secretary.currentText() == "— nog niet gekozen —"
    assert chair.currentText() == members[0].name


def test_a_person_added_later_can_be_chosen_without_reopening(
        qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str) -> None:  # noqa: F811
    changes = ws.contacts.add("Nieuwe Voorzitter", board_member=True)
    editor.bus.changed.emit(changes, None)
    wait_for_worker(qtbot)
    choose(qtbot, editor.roles.combos["chair_id"], "Nieuwe Voorzitter")
    assert ws.meetings.get(meeting_id).chair_id == changes.id
