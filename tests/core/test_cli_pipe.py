"""`wijkapp search … | head`: the reader stops early and the command stays quiet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_search_into_a_pipe_that_closes_early_says_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    with Workspace(db) as ws:
        ws.boards.create("Wijkplatform Pijp")
        meeting = ws.meetings.create("2026-10-01 19:30").id
        assert meeting
        for number in range(600):  # ~200 kB of hits: more than a pipe holds
            ws.decisions.add(meeting, f"Speeltuin besluit {number} " + "lange tekst " * 20)
    command = [sys.executable, "-m", "wijkapp.cli", "search", "speeltuin", "--db", str(db)]
    head = subprocess.run(f"{subprocess.list2cmdline(command)} | head -n 2", shell=True,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert len(head.stdout.splitlines()) == 2
    assert head.stderr == "", head.stderr
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait(timeout=120) == 0
    assert "BrokenPipe" not in error and "Traceback" not in error and error == ""
