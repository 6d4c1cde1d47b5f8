"""Storage rules (DESIGN.md §5): pragmas, private file, one writer, damaged files untouched."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wijkapp.errors import (
    DamagedDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    WorkspaceLockedError,
)
from wijkapp.schema import known_migrations
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_new_file_is_private_and_uses_safe_pragmas(db_path: Path) -> None:
    with Workspace(db_path) as ws:
        conn = ws.store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_migrations_run_on_an_empty_file(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with Workspace(db_path) as ws:
        applied = [r["name"] for r in ws.store.rows("SELECT name FROM _sqlite_migrations")]
        assert applied == known_migrations()
        assert ws.check()["healthy"]


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    Workspace(db_path).close()
    with Workspace(db_path) as ws:
        assert ws.store.scalar("SELECT COUNT(*) FROM _sqlite_migrations") == len(known_migrations())


def _digest(path: Path) -> bytes:
    return path.read_bytes()


def test_non_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notities.sqlite"
    path.write_text("Dit is een boodschappenlijstje, geen database.\n" * 50, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NotADatabaseError) as caught:
        Workspace(path)
    assert "geen Wijkapp-bestand" in str(caught.value)
    assert _digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_damaged_database_is_refused_and_left_unchanged(db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Kapot")
        for n in range(300):
            ws.contacts.add(f"Persoon {n}", notes="x" * 500)
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12)):
        data[offset] = 0xAB
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Workspace(db_path)
    assert "beschadigd" in str(caught.value)
    assert _digest(db_path) == before


def test_other_apps_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ander.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recepten (naam TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotADatabaseError):
        Workspace(path)
    assert _digest(path) == before


def test_file_from_a_newer_wijkapp_is_refused(db_path: Path) -> None:
    Workspace(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('wijkapp', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchemaError) as caught:
        Workspace(db_path)
    assert "nieuwere versie" in str(caught.value)


def test_read_only_file_is_refused_before_anything_is_written(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace(db_path).close()
    before = _digest(db_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == db_path else real_access(p, mode))
    with pytest.raises(ReadOnlyError) as caught:
        Workspace(db_path)
    assert "alleen-lezen" in str(caught.value)
    assert _digest(db_path) == before


def test_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError):
        Workspace(tmp_path)


def test_second_workspace_in_same_process_is_refused(db_path: Path) -> None:
    with Workspace(db_path):
        with pytest.raises(WorkspaceLockedError) as caught:
            Workspace(db_path)
        assert "al geopend" in str(caught.value)


def test_second_process_gets_a_clear_message_and_no_writer(db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Eén")
        script = textwrap.dedent(
            """
            import sys
            from wijkapp.errors import WorkspaceLockedError
            from wijkapp.workspace import Workspace
            try:
                Workspace(sys.argv[1])
            except WorkspaceLockedError as error:
                print(error)
                sys.exit(3)
            sys.exit(0)
            """
        )
        result = subprocess.run(
            [sys.executable, "-c", script, str(db_path)], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 3, result.stderr
        assert "al geopend" in result.stdout
        ws.boards.update(ws.board_id, name="Wijkplatform Eén (nog steeds te schrijven)")
    with Workspace(db_path) as again:
        assert again.board.name == "Wijkplatform Eén (nog steeds te schrijven)"


def test_lock_is_released_on_close(db_path: Path) -> None:
    Workspace(db_path).close()
    Workspace(db_path).close()


def test_committed_work_survives_a_killed_process(db_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, sys
        from wijkapp.workspace import Workspace
        ws = Workspace(sys.argv[1])
        ws.boards.create("Wijkplatform Stroomstoring")
        m = ws.meetings.create("2026-12-03 19:30").id
        item = ws.agenda.add(m, "Speeltuin").id
        ws.agenda.set_notes(item, "Elk woord telt: ĳs, € 12,50 en 🙂")
        os._exit(9)  # no close, no checkpoint: like a laptop lid shutting off
        """
    )
    result = subprocess.run([sys.executable, "-c", script, str(db_path)], cwd=ROOT)
    assert result.returncode == 9
    with Workspace(db_path) as ws:
        notes = [i.notes for m in ws.meetings.all() for i in ws.agenda.for_meeting(m.id)]
        assert "Elk woord telt: ĳs, € 12,50 en 🙂" in notes


def test_clean_close_allows_a_light_check_next_time(db_path: Path) -> None:
    from wijkapp.database_file import needs_full_check

    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Snel")
        assert needs_full_check(db_path)  # open: not a clean state
    assert not needs_full_check(db_path)
    with open(db_path, "r+b") as handle:  # someone else touched the file
        handle.seek(0, 2)
        handle.write(b"\0" * 4096)
    assert needs_full_check(db_path)


def test_damage_after_a_clean_close_is_still_caught(db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Kapot")
        for n in range(300):
            ws.contacts.add(f"Persoon {n}", notes="x" * 500)
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, 4096 * 12):
        data[offset] = 0xAB
    db_path.write_bytes(bytes(data))  # same size, new time: a full check runs
    with pytest.raises(DamagedDatabaseError):
        Workspace(db_path)
