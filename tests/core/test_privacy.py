"""Persoonsgegevens: export all about a person; erase a person everywhere it shows."""

from __future__ import annotations

import datetime as dt
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


# -- the register of erasures survives a restore (issue 11) ------------------------------
import stat  # noqa: E402

import pytest  # noqa: E402

from wijkapp.backups import make_backup, restore  # noqa: E402
from wijkapp.cli import main  # noqa: E402
from wijkapp.privacy import (  # noqa: E402
    erasure_notice,
    find_name,
    reapply_erasures,
    register_path,
    registered_erasures,
    replace_name,
)


def test_restoring_an_older_backup_does_not_bring_an_erased_person_back(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    person, meeting = _board(ws)
    backup = make_backup(ws)  # made while Henk is still there
    erase_person(ws, person)
    path = ws.path
    ws.close()
    side = register_path(path)
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    assert person in side.read_text(encoding="utf-8") and "Henk" not in side.read_text("utf-8")
    assert main(["restore", str(backup), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "opnieuw gewist" in out and "Henk" not in out
    with Workspace(path) as again:
        got = again.contacts.get(person)
        assert (got.name, got.email, got.phone) == (ERASED_NAME, "", "")
        assert again.actions.for_meeting(meeting)[0].owner_name == ERASED_NAME
        assert again.search.query("Henk") == []
        assert person in registered_erasures(again)  # back in the database's own register
        assert again.erasures_reapplied == []  # nothing left to do on the next open


def test_the_register_inside_the_database_restores_a_lost_side_file(ws: Workspace) -> None:
    person, _ = _board(ws)
    erase_person(ws, person)
    register_path(ws.path).unlink()
    assert reapply_erasures(ws) == []
    assert person in register_path(ws.path).read_text(encoding="utf-8")


def test_restore_in_code_then_open_reports_in_dutch(ws: Workspace) -> None:
    person, _ = _board(ws)
    other = ws.contacts.add("Truus Anders", email="truus@example.nl").id
    backup = make_backup(ws)
    erase_person(ws, person)
    erase_person(ws, other)
    path = ws.path
    ws.close()
    restore(backup, path)
    with Workspace(path) as again:
        done = again.erasures_reapplied
        assert len(done) == 2
        notice = erasure_notice(done)
        assert notice is not None and notice.startswith("2 personen") and "Truus" not in notice
        assert again.contacts.get(other).email == ""


def test_find_the_name_in_free_text_and_replace_it(ws: Workspace) -> None:
    person, meeting = _board(ws)
    item = ws.agenda.add(meeting, "Verkeer", notes="Henk Privé meldt drukte bij de school.").id
    ws.decisions.add(meeting, "Henk privé schrijft de brief")
    ws.goals.add("Veilig oversteken", 1, who="henk privé en Anna")
    places = find_name(ws, "Henk Privé", person)
    tables = sorted(p.table for p in places)
    assert tables == ["agenda_items", "decisions", "goals"]
    note = next(p for p in places if p.table == "agenda_items")
    assert note.field == "notes" and "Henk Privé meldt" in note.snippet
    assert note.label.startswith("Agendapunt, ")
    erase_person(ws, person)
    replace_name(ws, "Henk Privé", places)
    assert ws.agenda.get(item).notes == "verwijderd meldt drukte bij de school."
    assert find_name(ws, "Henk Privé", person) == []
    assert ws.search.query("Henk") == []
    assert ws.undo_name is None
    assert find_name(ws, "He") == []  # too short to look for


def test_the_notice_of_a_person_erased_again_speaks_english_in_english(ws: Workspace) -> None:
    """In English the whole sentence is English, the date of the first erasure included
    ("12 March 2026", not "12 maart 2026")."""
    from wijkapp.i18n import set_language

    person, _ = _board(ws)
    backup = make_backup(ws)
    erase_person(ws, person)
    path = ws.path
    ws.close()
    restore(backup, path)
    set_language("en")
    try:
        with Workspace(path) as again:
            notice = erasure_notice(again.erasures_reapplied)
    finally:
        set_language("nl")
    assert notice is not None
    month = dt.date.today().strftime("%B")  # the C locale's English month name
    assert month in notice and "gewist" not in notice, notice
