"""Persoonsgegevens: export all about a person; erase a person everywhere it shows."""

from __future__ import annotations

import json

from wijkapp.privacy import ERASED_NAME, erase_person, person_data
from wijkapp.workspace import Workspace


def _board(ws: Workspace) -> tuple[str, str]:
    person = ws.contacts.add("Henk Privé", email="henk@example.nl", phone="06-12345678",
                             topics="verkeer", notes="Woont op nummer 12", board_member=True).id
    meeting = ws.meetings.create("2026-10-01 19:30", chair_id=person).id
    ws.meetings.set_attendance(meeting, person, "absent_notice", note="op vakantie in Spanje")
    ws.actions.add(meeting, "Bel de wijkagent", person)
    request = ws.requests.add("Stoeptegels").id
    ws.requests.mark_sent(request, "2026-10-02", sent_to_id=person)
    return person, meeting


def test_person_data_holds_everything_about_them(ws: Workspace) -> None:
    person, _ = _board(ws)
    data = person_data(ws, person)
    text = json.dumps(data, ensure_ascii=False)
    assert data["person"]["email"] == "henk@example.nl"
    assert len(data["attendance"]) == 1 and len(data["actions"]) == 1
    assert len(data["requests"]) == 1 and len(data["meetings"]) == 1
    assert "op vakantie in Spanje" in text


def test_erased_person_is_gone_from_data_and_search(ws: Workspace) -> None:
    person, meeting = _board(ws)
    erase_person(ws, person)
    got = ws.contacts.get(person)
    assert (got.name, got.email, got.phone, got.notes, got.topics) == (ERASED_NAME, "", "", "", "")
    assert ws.actions.for_meeting(meeting)[0].owner_name == ERASED_NAME
    assert ws.requests.all()[0].sent_to_name == ERASED_NAME
    assert ws.meetings.attendance(meeting)[0].note == ""
    assert ws.search.query("Henk") == [] and ws.search.query("henk@example.nl") == []
    assert ws.undo_name is None  # the old data cannot come back through undo
    dump = "\n".join(ws.store.conn.iterdump())
    assert "Henk" not in dump and "06-12345678" not in dump and "Spanje" not in dump
    raw = ws.path.read_bytes() + ws.path.with_name(ws.path.name + "-wal").read_bytes()
    for secret in ("Henk", "henk", "06-12345678", "Spanje", "spanje"):
        assert secret.encode() not in raw
