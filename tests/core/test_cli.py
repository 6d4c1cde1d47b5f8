"""The command line: Dutch sentences, exit codes 1/2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wijkapp import __version__
from wijkapp.cli import main
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def _board(path: Path) -> None:
    with Workspace(path) as ws:
        ws.boards.create("Wijkplatform CLI")
        meeting = ws.meetings.create("2026-10-01 19:30").id
        ws.agenda.add(meeting, "Coördinatie speeltuin")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"Wijkapp {__version__}"


def test_usage_error_exits_2_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "json"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "onjuist gebruik" in err and "--out" in err


def test_search_and_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    _board(db)
    assert main(["search", "coordinatie", "--db", str(db)]) == 0
    assert "Agendapunten" in capsys.readouterr().out
    assert main(["--db", str(db), "search", "AT&T*\"", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["search", "speelt", "--json", "--db", str(db)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["kind"] for h in hits] == ["agenda_items"]


def test_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    _board(db)
    out = tmp_path / "export" / "bord.json"
    assert main(["export", "json", "--out", str(out), "--db", str(db)]) == 0
    assert main(["import", str(out), "--db", str(tmp_path / "nieuw.sqlite")]) == 0
    assert "nieuw" in capsys.readouterr().out
    assert main(["import", str(out), "--db", str(tmp_path / "nieuw.sqlite")]) == 0
    assert "0 nieuw, 0 bijgewerkt" in capsys.readouterr().out


def test_invalid_import_says_so_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet json", encoding="utf-8")
    assert main(["import", str(bad), "--db", str(tmp_path / "w.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wijkapp: Het bestand is geen geldige JSON")
    assert "Traceback" not in err


def test_check_backup_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    _board(db)
    assert main(["check", "--db", str(db)]) == 0
    assert "Gezond: ja" in capsys.readouterr().out
    assert main(["backup", "--db", str(db)]) == 0
    backup = Path(capsys.readouterr().out.strip().split(": ", 1)[1])
    assert backup.exists()
    assert main(["restore", str(backup), "--db", str(db)]) == 0
    assert "bewaard als" in capsys.readouterr().out


def test_damaged_file_via_db_is_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "vakantiefoto.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "wijkapp.cli", "check", "--db", str(path)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "geen Wijkapp-bestand" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_second_process_on_open_file(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    _board(db)
    with Workspace(db):
        result = subprocess.run(
            [sys.executable, "-m", "wijkapp.cli", "search", "x", "--db", str(db)],
            cwd=ROOT, capture_output=True, text=True,
        )
    assert result.returncode == 1
    assert "al geopend" in result.stderr


def test_year_exports_and_overview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    _board(db)
    summary = tmp_path / "samenvatting.json"
    assert main(["export", "year-summary", "--year", "2026", "--out", str(summary), "--db", str(db)]) == 0
    assert main(["export", "year-report", "--year", "2026", "--out", str(tmp_path / "j.pdf"), "--db", str(db)]) == 0
    assert (tmp_path / "j.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["overview", str(summary)]) == 0
    assert "Wijkplatform CLI" in capsys.readouterr().out
    broken = tmp_path / "kapot.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["overview", str(summary), str(broken)]) == 1
    captured = capsys.readouterr()
    assert "Wijkplatform CLI" in captured.out and "kapot.json" in captured.err


def test_export_of_unknown_meeting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "w.sqlite"
    _board(db)
    code = main(["export", "agenda", "--meeting", "bestaat-niet", "--out", str(tmp_path / "a.pdf"), "--db", str(db)])
    assert code == 1
    assert capsys.readouterr().err.startswith("wijkapp: ")


def test_missing_database_is_not_created_by_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nergens.sqlite"
    assert main(["check", "--db", str(db)]) == 1
    assert "Er is geen Wijkapp-bestand" in capsys.readouterr().err
    assert not db.exists()
