"""The ``wijkapp`` command: the core's CLI, with the desktop app handed in from the GUI side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui import launcher
from wijkapp.cli import main as core_main

ROOT = Path(__file__).resolve().parents[2]


def test_no_command_opens_the_app_on_the_given_file(monkeypatch, tmp_path: Path) -> None:
    opened: list[Path | None] = []
    monkeypatch.setattr(launcher, "open_app", lambda db: opened.append(db) or 0)
    assert launcher.main(["--db", str(tmp_path / "w.sqlite")]) == 0
    assert launcher.main([]) == 0
    assert opened == [tmp_path / "w.sqlite", None]


def test_commands_still_run_through_the_launcher(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.sqlite"
    assert launcher.main(["demo", "--db", str(db)]) == 0
    assert "Wijkplatform Geleen-Zuid" in capsys.readouterr().out
    assert db.is_file()


def test_core_cli_without_a_command_is_a_usage_error_not_a_gui(capsys) -> None:
    assert core_main([]) == 2
    assert "geef een opdracht" in capsys.readouterr().err


def test_help_through_the_launcher_does_not_load_qt() -> None:
    code = ("import sys\nfrom ui.launcher import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')]\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "wijkapp" in result.stdout


def test_console_script_points_at_the_launcher() -> None:
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"wijkapp": "ui.launcher:main"}
