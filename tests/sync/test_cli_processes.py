"""Two real processes, two database files, one real folder: only the CLI in between."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

from wijkapp.sync import files as sf
from wijkapp.workspace import Workspace

PASS = "ons bestuur 2026 wachtwoord"


def wijkapp(*args: str, password: str = PASS) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WIJKAPP_WACHTWOORD=password)
    return subprocess.run([sys.executable, "-m", "wijkapp.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_two_laptops_share_through_a_folder_via_the_cli(tmp_path: Path) -> None:
    a_db, b_db, folder = tmp_path / "marja.sqlite", tmp_path / "piet.sqlite", tmp_path / "Nextcloud"
    folder.mkdir()
    with Workspace(a_db) as ws:
        ws.boards.create("Wijkplatform Twee", "Zuid")
        anna = ws.contacts.add("Anna Jansen", phone="06-1234", email="anna@voorbeeld.nl").id
        bert = ws.contacts.add("Bert Geheim", phone="06-7777", email="bert@geheim.nl").id
        meeting = ws.meetings.create("2026-12-03 19:30", "Vergadering").id
        item = ws.agenda.for_meeting(meeting)[4].id
        ws.agenda.set_notes(item, "Eerste zin.")
    shared = wijkapp("share", str(folder), "--db", str(a_db), "--name", "Laptop Marja")
    assert shared.returncode == 0, shared.stderr
    joined = wijkapp("join", str(folder), "--db", str(b_db), "--name", "Laptop Piet")
    assert joined.returncode == 0, joined.stderr
    assert "Aangesloten bij 'Wijkplatform Twee'" in joined.stdout

    with Workspace(a_db) as ws:
        ws.contacts.update(anna, phone="06-5555")
        ws.agenda.set_notes(item, "Eerste zin. Marja schrijft verder.")
    with Workspace(b_db) as ws:
        ws.contacts.update(anna, email="anna@nieuw.nl")
        ws.agenda.set_notes(item, "Piet begint. Eerste zin.")
    for db in (a_db, b_db, a_db):
        run = wijkapp("sync", "--db", str(db))
        assert run.returncode == 0, run.stderr
    for db in (a_db, b_db):
        with Workspace(db) as ws:
            person = ws.contacts.get(anna)
            assert (person.phone, person.email) == ("06-5555", "anna@nieuw.nl")
            notes = ws.agenda.get(item).notes
            assert "Piet begint." in notes and "Marja schrijft verder." in notes

    # Erasure on Marja's laptop: no byte of Bert is left at Piet's or in the folder.
    from wijkapp import privacy

    with Workspace(a_db) as ws:
        privacy.erase_person(ws, bert)
    for db in (a_db, b_db, a_db, b_db):
        assert wijkapp("sync", "--db", str(db)).returncode == 0
    status = wijkapp("sync", "--status", "--db", str(a_db))
    assert "gewist op 2 van 2 laptops" in status.stdout
    with Workspace(b_db) as ws:
        ws.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        blob = zlib.decompress(ws.store.scalar("SELECT doc FROM sync_doc"))
        board = ws.board_id
    raw = b_db.read_bytes() + blob
    key = None
    for path in sf.candidate_files(folder, board):
        data = path.read_bytes()
        if key is None:
            salt, cost = sf.salt_of(data)
            key = sf.derive_key(PASS, salt, cost)
        opened = sf.decode(data, key)
        raw += opened.update + b"".join(step for _, step in opened.recent)
        assert b"Bert" not in data  # encrypted: not even the ciphertext holds it plainly
    for needle in (b"Bert Geheim", b"06-7777", b"bert@geheim.nl"):
        assert needle not in raw

    # A tampered file is refused, and nothing of it is taken over.
    own = next(p for p in sf.candidate_files(folder, board) if p.stat().st_size > 0)
    data = bytearray(own.read_bytes())
    data[-5] ^= 0xFF
    (own.parent / f"gewijzigd{sf.SUFFIX}").write_bytes(bytes(data))
    run = wijkapp("sync", "--db", str(a_db))
    assert run.returncode == 0
    assert "beschadigd, veranderd of nog niet helemaal gekopieerd" in run.stdout

    # A wrong passphrase at join: a Dutch sentence, exit 1, no file left behind.
    wrong = wijkapp("join", str(folder), "--db", str(tmp_path / "c.sqlite"), password="helemaal verkeerd")
    assert wrong.returncode == 1
    assert "ander wachtwoord" in wrong.stderr and "Traceback" not in wrong.stderr
    assert not (tmp_path / "c.sqlite").exists()
