"""The frozen app's self-test and portable mode, run from the source tree.

The frozen bundle itself is built and smoke-tested by ``python packaging/build.py``
(CI does it after the tests); here the same code runs unfrozen.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ui import selftest

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "entry.py"


def load_entry() -> ModuleType:
    """packaging/entry.py as a module (packaging/ is not a package: PyPI has one)."""
    spec = importlib.util.spec_from_file_location("wijkapp_frozen_entry", ENTRY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIJKAPP_")}
    env.update(QT_QPA_PLATFORM="offscreen", WIJKAPP_CONFIG_DIR=str(tmp_path / "voorkeuren"),
               PYTHONPATH=str(ROOT))
    return env


def test_selftest_passes_through_the_frozen_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ENTRY), "--selftest"], cwd=tmp_path, env=clean_env(tmp_path),
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip()
    assert line.startswith("Zelftest geslaagd: demo 'Wijkplatform Geleen-Zuid'")
    assert "qtbase_nl geladen" in line and "hoofdvenster met" in line
    assert not (tmp_path / "voorkeuren").exists()  # the user's preferences are left alone


def test_failed_step_prints_one_dutch_line_and_returns_1(monkeypatch) -> None:
    monkeypatch.setattr(selftest, "MIN_PDF_BYTES", 10**9)
    lines: list[str] = []
    assert selftest.run_selftest(out=lines.append) == 1
    assert len(lines) == 1
    assert lines[0].startswith("Zelftest mislukt: het verslag-PDF is onvolledig")


def test_selftest_module_does_not_import_qt() -> None:
    code = ("import sys, ui.selftest\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')]")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_portable_txt_next_to_frozen_exe_keeps_data_beside_it(tmp_path: Path) -> None:
    entry = load_entry()
    exe = tmp_path / "Wijkapp.exe"
    (tmp_path / "portable.txt").write_text("")
    environ: dict[str, str] = {}
    data = entry.apply_portable_mode(True, exe, environ)
    assert data == tmp_path.resolve() / "Wijkapp-gegevens"
    assert environ["WIJKAPP_DATA_DIR"] == str(data)
    assert environ["WIJKAPP_CONFIG_DIR"] == str(data / "voorkeuren")


@pytest.mark.parametrize(
    ("frozen", "marker", "environ"),
    [
        (True, False, {}),  # installed normally: the user data folder
        (False, True, {}),  # a source checkout never goes portable
        (True, True, {"WIJKAPP_DATA_DIR": "/elders"}),  # an explicit choice wins
    ],
)
def test_not_portable(tmp_path: Path, frozen: bool, marker: bool, environ: dict) -> None:
    entry = load_entry()
    if marker:
        (tmp_path / "portable.txt").write_text("")
    before = dict(environ)
    assert entry.apply_portable_mode(frozen, tmp_path / "Wijkapp", environ) is None
    assert environ == before


def test_portable_demo_lands_beside_the_executable(tmp_path: Path) -> None:
    """The whole chain: entry.main sets the folder, paths.py and the CLI use it."""
    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / "portable.txt").write_text("")
    code = (
        "import runpy, sys\n"
        f"sys.frozen = True; sys.executable = {str(stick / 'Wijkapp')!r}\n"
        f"entry = runpy.run_path({str(ENTRY)!r})\n"
        "raise SystemExit(entry['main'](['demo']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=clean_env(tmp_path),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (stick / "Wijkapp-gegevens" / "wijkapp.sqlite").is_file()
    assert str(stick / "Wijkapp-gegevens") in result.stdout


def test_double_clicked_exchange_file_is_recognised(tmp_path: Path) -> None:
    entry = load_entry()
    board = tmp_path / "Geleen-Zuid.wijkapp"
    board.write_text("{}")
    other = tmp_path / "gewoon.json"
    other.write_text("{}")
    assert entry.exchange_file_argument([str(board)]) == board
    assert entry.exchange_file_argument([str(other)]) is None
    assert entry.exchange_file_argument([str(tmp_path / "weg.wijkapp")]) is None
    assert entry.exchange_file_argument(["--db", str(board)]) is None
    assert entry.exchange_file_argument([]) is None
