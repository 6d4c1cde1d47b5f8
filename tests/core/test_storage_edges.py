"""Odd and failing storage: truncated files, a full disk, read-only writes, sync folders, migrations."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from wijkapp import schema
from wijkapp.backups import (
    backup_dir,
    backup_if_changed,
    list_backups,
    make_backup,
    newest_good_backup,
)
from wijkapp.database_file import location_warning
from wijkapp.errors import DamagedDatabaseError, StorageError, WriteFailedError
from wijkapp.exchange import export_data
from wijkapp.workspace import Workspace


def _filled(path: Path) -> None:
    with Workspace(path) as ws:
        ws.boards.create("Wijkplatform Rand")
        for n in range(150):
            ws.contacts.add(f"Bewoner {n}", notes="Woont al veertig jaar in de straat. " * 10)


def test_truncated_database_is_refused_and_unchanged(db_path: Path) -> None:
    _filled(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        Workspace(db_path)
    assert db_path.read_bytes() == before


def test_newest_good_backup_skips_damaged_ones(db_path: Path) -> None:
    _filled(db_path)
    with Workspace(db_path) as ws:
        good = make_backup(ws, dt.datetime(2026, 11, 1, 10, 0))
        bad = make_backup(ws, dt.datetime(2026, 11, 2, 10, 0))
    bad.write_bytes(bad.read_bytes()[:5000])
    found = newest_good_backup(db_path)
    assert found is not None and found.path == good


def test_full_disk_is_a_dutch_message_and_loses_nothing(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    item = ws.agenda.for_meeting(meeting)[0].id
    ws.agenda.set_notes(item, "Wat er al stond")
    pages = ws.store.scalar("PRAGMA page_count")
    ws.store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(WriteFailedError) as caught:
        ws.agenda.set_notes(item, "Heel lang verhaal. " * 20_000)
    assert "schijf is vol" in str(caught.value)
    assert ws.agenda.get(item).notes == "Wat er al stond"
    assert not ws.store.conn.in_transaction
    ws.store.conn.execute("PRAGMA max_page_count = 1073741823")
    ws.agenda.set_notes(item, "Weer ruimte")
    assert ws.agenda.get(item).notes == "Weer ruimte"
    assert ws.check()["healthy"]


def test_write_to_a_read_only_connection_says_so(ws: Workspace) -> None:
    ws.store.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(WriteFailedError) as caught:
        ws.contacts.add("Niet opgeslagen")
    assert "alleen-lezen" in str(caught.value) or "niet opgeslagen" in str(caught.value)
    ws.store.conn.execute("PRAGMA query_only = OFF")
    assert ws.contacts.all() == []


@pytest.mark.parametrize(
    "folder",
    ["OneDrive", "OneDrive - Gemeente Sittard-Geleen", "Dropbox", "Google Drive", "Nextcloud"],
)
def test_synced_folders_get_a_warning(tmp_path: Path, folder: str) -> None:
    warning = location_warning(tmp_path / folder / "Wijkplatform" / "wijkapp.sqlite")
    assert warning is not None and "gesynchroniseerd" in warning
    assert folder.split(" -")[0] in warning  # the service's own name, as written


def test_ordinary_and_network_folders(tmp_path: Path) -> None:
    assert location_warning(tmp_path / "Documenten" / "wijkapp.sqlite") is None
    warning = location_warning(Path("//server/share/wijkapp.sqlite"))
    assert warning is not None and "netwerkschijf" in warning


def test_backup_only_when_changed(ws: Workspace) -> None:
    assert backup_if_changed(ws) is not None
    assert backup_if_changed(ws) is None
    ws.contacts.add("Nieuw")
    assert backup_if_changed(ws) is not None
    assert len(list_backups(ws.path)) == 2  # same second: numbered, not overwritten
    path = ws.path
    ws.close()
    with Workspace(path) as again:  # a clean close and reopen is no change
        assert backup_if_changed(again) is None
        again.contacts.add("Nog een")
    with Workspace(path) as again:  # a change before the close is remembered
        assert backup_if_changed(again) is not None
    names = sorted(p.name for p in backup_dir(path).iterdir())
    assert not [n for n in names if n.endswith(("-wal", "-shm", ".deel"))], names


def test_failed_migration_leaves_the_file_as_it_was(db_path: Path) -> None:
    _filled(db_path)
    with Workspace(db_path) as ws:
        before = export_data(ws)["tables"]

    @schema.MIGRATIONS(name="9000_test_failing")
    def failing(db: object) -> None:
        db.execute("ALTER TABLE people ADD COLUMN half TEXT")  # type: ignore[attr-defined]
        raise RuntimeError("kapot halverwege")

    try:
        with pytest.raises(StorageError) as caught:
            Workspace(db_path)
        assert "niet veranderd" in str(caught.value)
        copies = list(db_path.parent.glob("*.voor-bijwerken-*.sqlite"))
        assert len(copies) == 1
    finally:
        schema.MIGRATIONS._migrations.pop()
    with Workspace(db_path) as ws:
        assert export_data(ws)["tables"] == before
        columns = [r["name"] for r in ws.store.rows("PRAGMA table_info(people)")]
        assert "half" not in columns


def test_fixture_of_every_schema_version_opens(tmp_path: Path) -> None:
    fixtures = sorted((Path(__file__).parent / "fixtures").glob("schema-*.sqlite"))
    assert [f.name for f in fixtures] == [f"schema-{n}.sqlite" for n in range(1, schema.SCHEMA_VERSION + 1)]
    for fixture in fixtures:
        copy = tmp_path / fixture.name
        shutil.copy(fixture, copy)
        with Workspace(copy) as ws:
            assert ws.board.name == "Wijkplatform Fixture"
            assert ws.check()["healthy"]
            assert ws.search.query("speeltuin")


def test_backup_does_not_hold_the_app_connection(ws: Workspace) -> None:
    import threading

    for n in range(200):
        ws.contacts.add(f"Bewoner {n}", notes="tekst " * 200)
    done = threading.Event()

    def copy() -> None:
        make_backup(ws)
        done.set()

    thread = threading.Thread(target=copy)
    with ws.store.lock:  # the app is busy: the backup must not need this lock
        thread.start()
        assert done.wait(10)
    thread.join()
    assert len(list_backups(ws.path)) == 1
