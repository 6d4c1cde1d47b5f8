"""The seams around the write path: restore, a full disk, creation, hard links, bit rot.

Each test sets up the moment a volunteer meets (a full USB stick, a restore clicked twice,
a file reached through a hard link) on real files, and checks nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijkapp.backups import list_kept_aside, make_backup, restore, thin_kept_aside
from wijkapp.database_file import is_half_made, read_state
from wijkapp.errors import (
    DamagedDatabaseError,
    DiskError,
    NewerSchemaError,
    NotADatabaseError,
    StorageError,
    WorkspaceLockedError,
    WriteFailedError,
)
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def board_with(path: Path, *titles: str) -> None:
    with Workspace(path) as ws:
        if not ws.has_board:
            ws.boards.create("Wijkplatform Test", "Zuid", ["Noord"])
        for title in titles:
            ws.contacts.add(title)


def big_board(path: Path, count: int, size: int) -> None:
    with Workspace(path) as ws:
        ws.boards.create("Wijkplatform Groot", "Zuid", ["Noord"])
        with ws.store.write(None):
            for n in range(count):
                ws.contacts.add(f"Persoon {n}", notes=chr(65 + n % 26) * size)


def names(path: Path) -> list[str]:
    with Workspace(path) as ws:
        return sorted(p.name for p in ws.contacts.all())


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system (tmpfs of 2 MB) that can be filled to the brim."""
    mount = tmp_path / "stick"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"a small disk is needed for this test: {result.stderr}"
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk of ``folder`` until a write fails; return the filler file."""
    filler = folder / "vol.bin"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


# -- restore ----------------------------------------------------------------------------------
def test_restore_on_a_full_disk_changes_nothing_and_says_the_disk_is_full(
    tmp_path: Path, small_disk: Path
) -> None:
    db = small_disk / "bestuur.sqlite"
    board_with(db, "Ans de Vries")
    backup = tmp_path / "oud.sqlite"
    big_board(backup, 400, 3000)  # > 1 MB
    before = digest(db)
    filler = fill(small_disk)
    with pytest.raises(DiskError, match="schijf is vol"):
        restore(backup, db)
    assert digest(db) == before
    assert db.stat().st_size > 0
    assert not list_kept_aside(db)
    assert not [p for p in small_disk.iterdir() if "terugzetten" in p.name]
    filler.unlink()
    assert names(db) == ["Ans de Vries"]


def test_two_restores_in_one_second_keep_both_earlier_files(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Eerste")
    backup_a = tmp_path / "a.sqlite"
    board_with(backup_a, "Uit kopie A")
    backup_b = tmp_path / "b.sqlite"
    board_with(backup_b, "Uit kopie B")
    moment = dt.datetime(2026, 11, 30, 21, 0, 0)
    first = restore(backup_a, db, now=moment)
    second = restore(backup_b, db, now=moment)
    assert first and second and first != second
    assert names(first) == ["Eerste"]
    assert names(second) == ["Uit kopie A"]
    assert names(db) == ["Uit kopie B"]
    assert {k.path for k in list_kept_aside(db)} == {first, second}


def test_restoring_the_file_onto_itself_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Blijft")
    before = digest(db)
    with pytest.raises(StorageError, match="het bestand zelf"):
        restore(db, db)
    assert digest(db) == before and names(db) == ["Blijft"]


def test_cli_restore_onto_itself_keeps_the_file(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Blijft")
    result = subprocess.run(
        [sys.executable, "-m", "wijkapp.cli", "restore", str(db), "--db", str(db)],
        capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "het bestand zelf" in result.stderr
    assert names(db) == ["Blijft"]


def test_another_apps_database_is_not_restored(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Blijft")
    other = tmp_path / "firefox.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    empty = tmp_path / "leeg.sqlite"
    sqlite3.connect(empty).close()
    before = digest(db)
    with pytest.raises(NotADatabaseError):
        restore(other, db)
    with pytest.raises(StorageError):
        restore(empty, db)
    assert digest(db) == before and not list_kept_aside(db)


def test_a_newer_wijkapp_backup_is_not_restored(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Blijft")
    newer = tmp_path / "nieuwer.sqlite"
    board_with(newer, "Uit de toekomst")
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('wijkapp', 'm999_uit_de_toekomst', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(NewerSchemaError):
        restore(newer, db)
    assert names(db) == ["Blijft"]


def test_a_kill_during_restore_leaves_a_file_that_opens(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Huidig")
    backup = tmp_path / "groot.sqlite"
    big_board(backup, 1500, 3000)
    script = (
        "import sys; from wijkapp.backups import restore; "
        "restore(sys.argv[1], sys.argv[2])"
    )
    outcomes = set()
    for delay in (0.05, 0.1, 0.15, 0.2, 0.3, 0.45):
        proc = subprocess.Popen([sys.executable, "-c", script, str(backup), str(db)], cwd=ROOT)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        found = names(db)  # opens: never refused, never empty
        assert found == ["Huidig"] or len(found) == 1500
        outcomes.add("oud" if found == ["Huidig"] else "nieuw")
        if found != ["Huidig"]:
            restore(next(k.path for k in list_kept_aside(db)), db)
    assert outcomes


def test_kept_aside_copies_are_thinned_like_backups(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Nu")
    start = dt.datetime(2024, 1, 1, 12, 0)
    for day in range(0, 700, 7):  # a copy a week for almost two years
        moment = start + dt.timedelta(days=day)
        copy = db.with_name(f"bestuur.voor-terugzetten-{moment:%Y%m%d-%H%M%S}.sqlite")
        copy.write_bytes(b"SQLite format 3\x00")
    thin_kept_aside(db, start + dt.timedelta(days=700))
    left = list_kept_aside(db)
    assert 10 <= len(left) <= 30
    oldest = min(k.taken_at for k in left)
    assert (start + dt.timedelta(days=700) - oldest).days <= 400


# -- a full or failing disk is not damage --------------------------------------------------------
def test_opening_on_a_full_disk_never_says_damaged(small_disk: Path) -> None:
    db = small_disk / "bestuur.sqlite"
    board_with(db, "Ans")
    (db.with_name(db.name + ".status")).unlink()  # force the full check
    fill(small_disk)
    try:
        with Workspace(db) as ws:
            assert [p.name for p in ws.contacts.all()] == ["Ans"]
            with pytest.raises(WriteFailedError, match="schijf is vol"):
                ws.contacts.add("Bert " + "z" * 200_000)
    except DamagedDatabaseError as error:  # pragma: no cover - the bug this test guards
        pytest.fail(f"a full disk was called damage: {error}")
    except DiskError as error:
        assert "vol" in str(error)


# -- creating a new file -----------------------------------------------------------------------
def test_an_empty_file_left_by_an_interrupted_creation_is_built_again(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    db.write_bytes(b"")
    assert is_half_made(db)
    board_with(db, "Nieuw")
    assert names(db) == ["Nieuw"]
    bare = tmp_path / "kaal.sqlite"
    sqlite3.connect(bare).execute("PRAGMA user_version=0").close()
    conn = sqlite3.connect(bare)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert is_half_made(bare)
    board_with(bare, "Ook nieuw")
    assert names(bare) == ["Ook nieuw"]


def test_kills_during_the_first_creation_never_leave_a_refused_file(tmp_path: Path) -> None:
    script = "import sys; from wijkapp.workspace import Workspace; Workspace(sys.argv[1]).close()"
    for n, delay in enumerate((0.02, 0.05, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25)):
        db = tmp_path / f"nieuw-{n}.sqlite"
        proc = subprocess.Popen([sys.executable, "-c", script, str(db)], cwd=ROOT)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with Workspace(db) as ws:  # whatever the moment: it opens
            assert ws.check()["healthy"]


# -- one writer per file, whatever path it uses ---------------------------------------------------
def test_a_hard_link_cannot_give_the_file_a_second_writer(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Ans")
    other_dir = tmp_path / "elders"
    other_dir.mkdir()
    link = other_dir / "zelfde.sqlite"
    os.link(db, link)
    with Workspace(db):
        script = "import sys; from wijkapp.workspace import Workspace; Workspace(sys.argv[1])"
        result = subprocess.run([sys.executable, "-c", script, str(link)],
                                capture_output=True, text=True, cwd=ROOT)
        assert result.returncode != 0 and "WorkspaceLockedError" in result.stderr
        with pytest.raises(WorkspaceLockedError):
            Workspace(link)
    with Workspace(link) as ws:  # once closed, the link opens fine
        assert [p.name for p in ws.contacts.all()] == ["Ans"]


def test_a_symbolic_link_is_the_same_file_too(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Ans")
    link = tmp_path / "snelkoppeling.sqlite"
    link.symlink_to(db)
    with Workspace(db), pytest.raises(WorkspaceLockedError):
        Workspace(link)


# -- odd paths ---------------------------------------------------------------------------------
def test_a_pipe_or_a_folder_as_database_gets_a_dutch_sentence_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(NotADatabaseError, match="geen gewoon bestand"):
        Workspace(fifo)
    with pytest.raises(NotADatabaseError, match="map"):
        Workspace(tmp_path)
    result = subprocess.run([sys.executable, "-m", "wijkapp.cli", "check", "--db", str(fifo)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1 and "geen gewoon bestand" in result.stderr


def test_an_open_database_becomes_private(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Ans")
    os.chmod(db, 0o644)
    with Workspace(db):
        assert db.stat().st_mode & 0o777 == 0o600


# -- bit rot after a clean close -------------------------------------------------------------------
def test_bit_rot_after_a_clean_close_stops_all_writing(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    big_board(db, 300, 500)
    assert read_state(db).get("clean_close") is True
    info = db.stat()
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * (len(data) // page - 2), page * (len(data) // page - 1), 64):
        data[offset] ^= 0x5A  # rot inside a page near the end, size and time unchanged
    db.write_bytes(bytes(data))
    os.utime(db, ns=(info.st_atime_ns, info.st_mtime_ns))
    with Workspace(db) as ws:  # the light check trusts size and time ...
        sentence = ws.verify_in_full()  # ... the background check reads every page
        assert sentence and "beschadigd" in sentence
        with pytest.raises(WriteFailedError, match="beschadigd"):
            ws.contacts.add("Nieuw")
    assert db.read_bytes() == bytes(data)  # nothing written into the damaged file


def test_a_healthy_file_passes_the_background_check(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Ans")
    with Workspace(db) as ws:
        assert ws.verify_in_full() is None
        ws.contacts.add("Bert")
    assert names(db) == ["Ans", "Bert"]


def test_make_backup_after_restore_numbers_names(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Ans")
    with Workspace(db) as ws:
        first = make_backup(ws, dt.datetime(2026, 1, 1, 10, 0))
    assert restore(first, db) is not None
    assert names(db) == ["Ans"]


def test_temporary_files_of_an_interrupted_creation_or_restore_are_cleared(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    board_with(db, "Ans")
    for name in (".bestuur.sqlite.nieuw-abc", ".bestuur.sqlite.nieuw-abc-wal",
                 ".bestuur.sqlite.terugzetten-xyz"):
        (tmp_path / name).write_bytes(b"x" * 1000)
    assert names(db) == ["Ans"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bestuur.sqlite.")]
