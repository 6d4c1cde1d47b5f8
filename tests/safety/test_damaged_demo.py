"""A damaged copy of the demo database: neither the CLI nor the app ever writes to it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijkapp.demo import create_demo
from wijkapp.errors import DamagedDatabaseError
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    with Workspace(path) as ws:
        create_demo(ws)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 4, 4096 * 40, 7):  # scribble over index and table pages
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    (tmp_path / "demo.sqlite.status").unlink(missing_ok=True)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["search", "speeltuin"],
        ["backup"],
        ["export", "json", "--out", "uit.json"],
        ["export", "minutes", "--meeting", "latest", "--out", "verslag.pdf"],
        ["demo"],
        ["import", "niet-er.json"],
    ],
)
def test_cli_never_writes_to_a_damaged_demo(damaged: Path, command: list[str]) -> None:
    before = _digest(damaged)
    result = subprocess.run(
        [sys.executable, "-m", "wijkapp.cli", *command, "--db", str(damaged)],
        cwd=damaged.parent, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "beschadigd" in result.stderr and "Traceback" not in result.stderr
    assert _digest(damaged) == before
    wal = damaged.with_name(damaged.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing waits to be written into it


def test_core_refuses_it_every_time(damaged: Path) -> None:
    before = _digest(damaged)
    for _ in range(3):
        with pytest.raises(DamagedDatabaseError):
            Workspace(damaged)
    assert _digest(damaged) == before
