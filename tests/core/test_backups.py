"""Verified backups, thinning by day/week/month, and restore that never overwrites."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from wijkapp.backups import backup_dir, list_backups, make_backup, restore, thin
from wijkapp.errors import DamagedDatabaseError, WorkspaceLockedError
from wijkapp.workspace import Workspace


def test_backup_is_a_healthy_copy(ws: Workspace) -> None:
    ws.contacts.add("Anna")
    path = make_backup(ws)
    assert path.parent == backup_dir(ws.path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # private, like the database
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with Workspace(path) as copy:
        assert [p.name for p in copy.contacts.all()] == ["Anna"]


def test_thinning_keeps_recent_daily_weekly_monthly(tmp_path: Path) -> None:
    db = tmp_path / "wijkapp.sqlite"
    folder = backup_dir(db)
    folder.mkdir()
    now = dt.datetime(2026, 11, 28, 12, 0)
    taken = [now - dt.timedelta(hours=6 * n) for n in range(4 * 400)]  # 4 a day for 400 days
    for moment in taken:
        (folder / f"wijkapp-{moment:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    thin(db, now)
    kept = [b.taken_at for b in list_backups(db)]
    assert len(kept) <= 5 + 12 + 10 + 12
    assert kept[0] == now  # the newest is kept
    assert len({k.date() for k in kept}) >= 12  # one a day for the last 12 days
    assert {(k.year, k.month) for k in kept} >= {(2025, 12), (2026, 6), (2026, 11)}
    assert len({(k.year, k.month) for k in kept}) == 12
    thin(db, now)  # thinning again removes nothing more
    assert [b.taken_at for b in list_backups(db)] == kept


def test_restore_moves_the_current_file_aside(db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform A")
        backup = make_backup(ws)
        ws.contacts.add("Na de reservekopie")
    aside = restore(backup, db_path)
    assert aside is not None and aside.exists()
    with Workspace(db_path) as ws:
        assert ws.contacts.all() == []
    with Workspace(aside) as old:
        assert [p.name for p in old.contacts.all()] == ["Na de reservekopie"]


def test_restore_refuses_while_open(db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("A")
        backup = make_backup(ws)
        with pytest.raises(WorkspaceLockedError):
            restore(backup, db_path)


def test_restore_refuses_a_damaged_backup(db_path: Path, tmp_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("A")
        for n in range(200):
            ws.contacts.add(f"P{n}", notes="x" * 400)
        backup = make_backup(ws)
    data = bytearray(backup.read_bytes())
    for offset in range(4096 * 2, 4096 * 8):
        data[offset] = 0x5A
    backup.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        restore(backup, db_path)
    assert db_path.read_bytes() == before
