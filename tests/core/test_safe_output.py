"""`wijkapp export --out` never writes onto a database, a file beside it, the backups folder
or a folder, and every export is written whole or not at all (issue 11, point 6)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from wijkapp.backups import backup_dir, make_backup
from wijkapp.cli import main
from wijkapp.errors import ValidationError, WriteFailedError
from wijkapp.export import export
from wijkapp.safe_output import check_output_path, private_temp_folder, write_atomic
from wijkapp.workspace import Workspace


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def board(tmp_path: Path) -> Path:
    db = tmp_path / "bestuur.sqlite"
    with Workspace(db) as ws:
        ws.boards.create("Wijkplatform Uitvoer")
        meeting = ws.meetings.create("2026-10-01 19:30").id
        ws.agenda.add(meeting, "Speeltuin")
        make_backup(ws)
    return db


@pytest.mark.parametrize("fmt", ["json", "minutes", "csv", "year-summary", "year-report"])
def test_export_onto_the_database_is_refused(
    board: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(board)
    extra = ["--meeting", "latest"] if fmt == "minutes" else []
    code = main(["export", fmt, *extra, "--out", str(board), "--db", str(board)])
    assert code == 1
    err = capsys.readouterr().err
    assert "Wijkapp-bestand zelf" in err and "onverwachts" not in err
    assert _digest(board) == before
    with Workspace(board) as ws:
        assert ws.check()["healthy"]


def test_export_onto_another_sqlite_file_or_a_side_file_is_refused(
    board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "iets-anders.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    status = board.with_name(board.name + ".status")
    lock = board.with_name(board.name + ".lock")
    wal = board.with_name(board.name + "-wal")
    wal.write_bytes(b"")
    for target in (other, status, lock, wal, tmp_path / "ander.sqlite-shm"):
        existed = target.exists()
        before = _digest(target) if existed else None
        assert main(["export", "json", "--out", str(target), "--db", str(board)]) == 1
        err = capsys.readouterr().err
        assert "Er is niets veranderd" in err, err
        assert (_digest(target) if existed else None) == before
        assert existed == target.exists()


def test_export_into_the_backups_folder_or_onto_a_folder_is_refused(
    board: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = backup_dir(board)
    listing = sorted(p.name for p in backups.iterdir())
    assert main(["export", "json", "--out", str(backups), "--db", str(board)]) == 1
    assert "is een map" in capsys.readouterr().err
    assert main(["export", "csv", "--out", str(backups / "lijst.csv"), "--db", str(board)]) == 1
    assert "reservekopieën" in capsys.readouterr().err
    backup = backups / listing[0]
    before = _digest(backup)
    assert main(["export", "json", "--out", str(backup), "--db", str(board)]) == 1
    capsys.readouterr()
    assert _digest(backup) == before
    assert sorted(p.name for p in backups.iterdir()) == listing
    folder = tmp_path / "map"
    folder.mkdir()
    assert main(["export", "json", "--out", str(folder), "--db", str(board)]) == 1
    assert "Geef een bestandsnaam op" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_a_hard_link_or_symlink_to_the_database_is_refused(board: Path, tmp_path: Path) -> None:
    link = tmp_path / "koppeling.json"
    os.link(board, link)
    sym = tmp_path / "snelkoppeling.json"
    sym.symlink_to(board)
    for target in (link, sym):
        with pytest.raises(ValidationError):
            check_output_path(target, board)


def test_a_failed_export_keeps_the_old_file_and_leaves_no_half_file(
    board: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit" / "verslag.pdf"
    out.parent.mkdir()
    out.write_bytes(b"het oude verslag")

    def breaks(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteFailedError) as caught:
        write_atomic(out, breaks, board)
    assert "ruimte" in str(caught.value)
    assert out.read_bytes() == b"het oude verslag"
    assert sorted(p.name for p in out.parent.iterdir()) == ["verslag.pdf"]


def test_the_app_export_writes_whole_files_and_refuses_the_database(board: Path) -> None:
    with Workspace(board) as ws:
        meeting = ws.meetings.latest().id
        with pytest.raises(ValidationError):
            export(ws, "minutes", board, meeting_id=meeting)
        folder = board.parent / "uit"
        folder.mkdir()
        written = export(ws, "minutes", folder, meeting_id=meeting)
        assert written.parent == folder and written.read_bytes().startswith(b"%PDF")
        assert [p.name for p in folder.iterdir()] == [written.name]
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_print_folder_is_private_and_never_someone_elses(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    folder = private_temp_folder("afdrukken")
    assert folder.parent == tmp_path and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert private_temp_folder("afdrukken") == folder
    # Someone else's link in its place is never followed.
    folder.rmdir()
    elsewhere = tmp_path / "van-een-ander"
    elsewhere.mkdir()
    folder.symlink_to(elsewhere)
    other = private_temp_folder("afdrukken")
    assert other != folder and not other.is_symlink()
    assert stat.S_IMODE(other.stat().st_mode) == 0o700


def test_a_pipe_or_a_dangling_link_as_out_is_refused(board: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """As root, a rename onto /dev/null would replace the device itself: never rename onto
    anything but a regular file (tested with a FIFO, which is just as special)."""
    fifo = tmp_path / "pijp.json"
    os.mkfifo(fifo)
    dangling = tmp_path / "weg.json"
    dangling.symlink_to(tmp_path / "bestaat-niet" / "x.json")
    for target in (fifo, dangling):
        assert main(["export", "json", "--out", str(target), "--db", str(board)]) == 1
        assert "Er is niets veranderd" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.stat().st_mode) and dangling.is_symlink()


def test_a_users_own_folder_ending_in_bijlagen_is_fine(board: Path, tmp_path: Path) -> None:
    own = tmp_path / "mail-bijlagen"
    own.mkdir()
    assert check_output_path(own / "verslag.pdf", board) == own / "verslag.pdf"
    attachments = tmp_path / "bestuur-bijlagen"
    attachments.mkdir()
    with pytest.raises(ValidationError, match="bijlagen"):
        check_output_path(attachments / "x.pdf")  # beside bestuur.sqlite, even without db
