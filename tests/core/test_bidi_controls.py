"""Bidirectional controls (U+202A–U+202E, U+2066–U+2069) never enter the database, and
never leave it in a document (older files may still hold them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from wijkapp.export import export
from wijkapp.workspace import Workspace

RLO_TEXT = "Bestuur \u202egnissab\u202c en \u2066isolaat\u2069 \u202aembed\u202c \u202bRTL\u202c \u202dLRO\u202c"
CLEAN = "Bestuur gnissab en isolaat embed RTL LRO"
CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "w.sqlite")
    workspace.boards.create("Wijkplatform Test", "Zuid", ["Noord"])
    return workspace


def test_typed_text_is_stored_without_bidi_controls(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
    assert meeting
    item = ws.agenda.for_meeting(meeting)[0]
    ws.agenda.set_notes(item.id, RLO_TEXT)
    ws.decisions.add(meeting, RLO_TEXT)
    person = ws.contacts.add("Fatima \u202eel Amrani", notes=RLO_TEXT).id
    assert ws.agenda.get(item.id).notes == CLEAN
    assert ws.decisions.for_meeting(meeting)[0].text == CLEAN
    assert ws.contacts.get(person).name == "Fatima el Amrani"
    ws.close()


def test_old_text_with_controls_never_reaches_the_word_file(ws: Workspace,
                                                           tmp_path: Path) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
    assert meeting
    item = ws.agenda.for_meeting(meeting)[0]
    with ws.store.write(None) as tx:  # as an older Wijkapp may have stored it
        tx.execute("UPDATE agenda_items SET notes = ? WHERE id = ?", [RLO_TEXT, item.id])
    out = export(ws, "docx", tmp_path / "v.docx", meeting_id=meeting)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert CLEAN in text
    assert not any(control in text for control in CONTROLS)
    ws.close()
