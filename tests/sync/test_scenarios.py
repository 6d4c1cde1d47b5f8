"""Named sync scenarios on real SQLite files and real folders."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest

from wijkapp import privacy
from wijkapp.errors import ValidationError
from wijkapp.sync import files as sf
from wijkapp.sync.board import BoardSync
from wijkapp.workspace import Workspace

KEY = sf.derive_key("bestuur wachtwoord", salt=b"fedcba9876543210", cost=sf.QUICK_COST)


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    a = Workspace(tmp_path / "a.sqlite")
    a.boards.create("Wijkplatform Test", "Zuid", ["Noord"])
    anna = a.contacts.add("Anna de Vries", phone="06-1", email="anna@voorbeeld.nl").id
    meeting = a.meetings.create("2026-12-03 19:30", "Vergadering", "Buurthuis").id
    sa = BoardSync(a)
    sa.share(folder, "", "Laptop Marja", key=KEY)
    b = Workspace(tmp_path / "b.sqlite")
    sb = BoardSync(b)
    sb.join(folder, "", "Laptop Piet", key=KEY)
    yield a, sa, b, sb, folder, {"anna": anna, "meeting": meeting}
    a.close()
    b.close()


def both(sa: BoardSync, sb: BoardSync) -> None:
    sa.sync()
    sb.sync()
    sa.sync()


def test_join_gives_an_identical_board(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    assert b.board.name == "Wijkplatform Test"
    assert [p.name for p in b.contacts.all()] == ["Anna de Vries"]
    assert [i.title for i in b.agenda.for_meeting(ids["meeting"])] == [
        i.title for i in a.agenda.for_meeting(ids["meeting"])]
    assert b.check()["healthy"]


def test_different_fields_of_one_contact_both_survive(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    a.contacts.update(ids["anna"], phone="06-2222")
    b.contacts.update(ids["anna"], email="anna@nieuw.nl")
    both(sa, sb)
    for ws in (a, b):
        person = ws.contacts.get(ids["anna"])
        assert (person.phone, person.email) == ("06-2222", "anna@nieuw.nl")
    assert sa.conflicts() == [] and sb.conflicts() == []


def test_typing_in_one_agenda_item_on_both_laptops_is_kept(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    item = a.agenda.for_meeting(ids["meeting"])[4]
    a.agenda.set_notes(item.id, "De gemeente komt met een plan.")
    both(sa, sb)
    a.agenda.set_notes(item.id, "De gemeente komt in januari met een plan.")
    b.agenda.set_notes(item.id, "De gemeente komt met een plan. Piet vraagt naar de kosten.")
    both(sa, sb)
    text = a.agenda.get(item.id).notes
    assert text == b.agenda.get(item.id).notes
    assert "in januari" in text and "Piet vraagt naar de kosten." in text


def test_same_field_race_has_one_winner_and_the_loser_is_told(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    a.contacts.update(ids["anna"], role="voorzitter")
    b.contacts.update(ids["anna"], role="penningmeester")
    both(sa, sb)
    winner = a.contacts.get(ids["anna"]).role
    assert winner == b.contacts.get(ids["anna"]).role
    loser_sync, loser_ws, mine = (sb, b, "penningmeester") if winner == "voorzitter" else (sa, a, "voorzitter")
    notices = loser_sync.conflicts()
    assert [(c.field, c.mine, c.theirs) for c in notices] == [("role", mine, winner)]
    loser_sync.restore_mine(notices[0].id)
    both(sa, sb)
    assert a.contacts.get(ids["anna"]).role == mine == b.contacts.get(ids["anna"]).role
    assert loser_sync.conflicts() == []


def test_attendance_stays_one_row_per_meeting_and_person(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    a.meetings.set_attendance(ids["meeting"], ids["anna"], "present")
    b.meetings.set_attendance(ids["meeting"], ids["anna"], "present")
    both(sa, sb)
    for ws in (a, b):
        rows = ws.store.rows("SELECT * FROM attendance WHERE meeting_id = ? AND person_id = ? "
                             "AND deleted_at IS NULL", [ids["meeting"], ids["anna"]])
        assert len(rows) == 1 and rows[0]["status"] == "present"


def test_agenda_order_converges_after_moves_on_two_laptops(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    items = a.agenda.for_meeting(ids["meeting"])
    a.agenda.move(items[5].id, 1)
    b.agenda.move(items[2].id, 6)
    b.agenda.add(ids["meeting"], "Speeltuin")
    both(sa, sb)
    order_a = [(i.position, i.id) for i in a.agenda.for_meeting(ids["meeting"])]
    assert order_a == [(i.position, i.id) for i in b.agenda.for_meeting(ids["meeting"])]
    assert [p for p, _ in order_a] == list(range(len(order_a)))


def test_decisions_are_numbered_only_on_the_numbering_laptop(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    assert sa.numbering_laptop() == sa.laptop_id == sb.numbering_laptop()
    with pytest.raises(ValidationError, match="Laptop Marja"):
        b.decisions.add(ids["meeting"], "Wij kopen een bank.")
    a.decisions.add(ids["meeting"], "Wij kopen een bank.")
    sb.take_numbering()  # the explicit hand-over
    b.decisions.add(ids["meeting"], "Wij planten een boom.")
    a.decisions.add(ids["meeting"], "Wij schilderen het hek.")  # offline, before it heard
    both(sa, sb)
    numbers = sorted(d.number for d in a.decisions.all())
    assert numbers == sorted(d.number for d in b.decisions.all())
    assert numbers == ["2026-001", "2026-001", "2026-002"]  # shown, never silently renumbered
    assert any(c.kind == "decision-number" for c in sa.conflicts())
    assert sa.numbering_laptop() == sb.laptop_id


def test_erasure_travels_and_leaves_no_byte(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    b.actions.add(ids["meeting"], "Bellen", owner_id=ids["anna"])
    both(sa, sb)
    b.contacts.update(ids["anna"], phone="06-9999")  # b has not heard of the erasure yet
    privacy.erase_person(a, ids["anna"])
    both(sa, sb)
    sb.sync()
    for ws in (a, b):
        person = ws.store.row("people", ids["anna"])
        assert person is not None and person["name"] == "verwijderd" and person["phone"] == ""
        assert all(r.owner_name == "verwijderd" for r in ws.actions.all())
    assert sa.status().erasure_line(ids["anna"]) == "gewist op 2 van 2 laptops"
    for ws in (a, b):
        ws.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        blob = ws.store.scalar("SELECT doc FROM sync_doc")
        raw = ws.path.read_bytes() + zlib.decompress(blob)
        for needle in (b"Anna de Vries", b"06-9999", b"anna@voorbeeld.nl"):
            assert needle not in raw
    for path in sf.candidate_files(folder, sa.board_id or ""):
        peer = sf.decode(path.read_bytes(), KEY)
        data = peer.update + b"".join(step for _, step in peer.recent)
        assert b"Anna de Vries" not in data and b"06-9999" not in data


def test_undo_never_reverts_a_colleagues_edit(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    a.contacts.update(ids["anna"], role="lid")
    b.contacts.update(ids["anna"], phone="06-5555")
    both(sa, sb)
    a.undo()  # the step touched a row a colleague changed: it is no longer on the undo stack
    assert a.contacts.get(ids["anna"]).phone == "06-5555"
    assert a.contacts.get(ids["anna"]).role == "lid"


def test_half_copied_tampered_and_foreign_files_are_skipped(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    b.contacts.update(ids["anna"], role="secretaris")
    sb.sync()
    place = sf.board_folder(folder, sb.board_id or "")
    own_b = sb.own_file(folder)
    data = own_b.read_bytes()
    (place / "half.wijksync").write_bytes(data[: len(data) // 2])
    tampered = bytearray(data)
    tampered[-10] ^= 1
    (place / "veranderd.wijksync").write_bytes(bytes(tampered))
    shutil.copy(own_b, place / f"{own_b.stem} (conflicted copy){sf.SUFFIX}")
    other = sf.derive_key("een ander wachtwoord", cost=sf.QUICK_COST)
    (place / "ander.wijksync").write_bytes(sf.encode(other, {"board_id": sb.board_id, "laptop_id": "x"}, {}, b"\x00\x00"))
    report = sa.sync()
    assert a.contacts.get(ids["anna"]).role == "secretaris"
    problems = " ".join(report.problems)
    assert "niet compleet" in problems or "beschadigd" in problems
    assert "ander wachtwoord" in problems
    assert a.check()["healthy"]


def test_a_wrong_passphrase_changes_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    c = Workspace(tmp_path / "c.sqlite")
    with pytest.raises(sf.WrongPassphraseError, match="ander wachtwoord"):
        BoardSync(c).join(folder, "helemaal fout wachtwoord")
    assert not c.has_board
    assert c.store.scalar("SELECT COUNT(*) FROM sync_state WHERE key = 'shared'") == 0
    c.close()


def test_a_newer_format_is_refused_with_update_advice(tmp_path: Path) -> None:
    data = sf.encode(KEY, {"board_id": "b", "laptop_id": "l"}, {}, b"\x00\x00")
    newer = data[:8] + bytes([9]) + data[9:]
    with pytest.raises(sf.NewerFormatError, match="Werk Wijkapp bij"):
        sf.decode(newer, KEY)


def test_a_copied_database_gets_a_new_laptop_id(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    first = sb.laptop_id
    b.close()
    shutil.copy(tmp_path / "b.sqlite", tmp_path / "kopie.sqlite")
    copy = Workspace(tmp_path / "kopie.sqlite")
    assert BoardSync(copy).laptop_id != first
    copy.close()
    again = Workspace(tmp_path / "b.sqlite")
    assert BoardSync(again).laptop_id == first
    again.close()
    b.__dict__["store"] = again.store  # the fixture closes b: point it at a closed store


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(sf.SyncError, match="minstens 8"):
        sf.check_passphrase("kort")


def test_attachments_travel_by_their_sha256_name(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    source = tmp_path / "brief gemeente.pdf"
    source.write_bytes(b"%PDF-1.4 brief van de gemeente " * 50)
    a.attachments.add(source, "people", ids["anna"])
    both(sa, sb)
    attachment = b.attachments.for_owner(ids["anna"])[0]
    assert b.attachments.path_of(attachment).read_bytes() == source.read_bytes()
    assert b.attachments.verify(attachment)
    sealed = sf.board_folder(folder, sa.board_id or "") / "bijlagen" / attachment.sha256
    assert b"brief van de gemeente" not in sealed.read_bytes()  # encrypted in the folder
    assert b.check()["healthy"]


def test_a_colleague_applies_only_the_recent_steps(pair) -> None:  # type: ignore[no-untyped-def]
    a, sa, b, sb, folder, ids = pair
    both(sa, sb)
    b.contacts.update(ids["anna"], role="notulist")
    sb.sync()
    peer = sf.decode(sb.own_file(folder).read_bytes(), KEY)
    assert peer.recent, "the file carries the step since b's previous file"
    report = sa.sync()
    assert a.contacts.get(ids["anna"]).role == "notulist"
    assert report.files_merged == 1
    again = sa.sync()  # nothing new: b's file is known and skipped without unpacking
    assert again.files_merged == 0 and again.rows_written == 0


def test_the_live_database_is_never_put_in_the_shared_folder(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "wijkapp.sqlite")
    ws.boards.create("Wijkplatform Test")
    with pytest.raises(sf.SyncError, match="mag nooit gedeeld worden"):
        BoardSync(ws).share(tmp_path, "", key=KEY)
    assert not BoardSync(ws).is_shared
    ws.close()
