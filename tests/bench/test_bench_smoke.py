"""Smoke test of the benchmarks: a tiny generated database, every row in the table.

No timing assertions: budgets are read from ``python -m bench.run``, never tested.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from bench import REGISTRY
from bench.generate import generate
from bench.run import format_table, load, main, run
from wijkapp.workspace import Workspace

TODAY = dt.date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[2]


def test_tiny_database_is_healthy_and_searchable(tmp_path: Path) -> None:
    db = tmp_path / "tiny.sqlite"
    counts = generate(db, boards=2, years=1, today=TODAY)
    assert counts["boards"] == 2 and counts["meetings"] == 22
    assert counts["agenda_items"] > 22 * 8 and counts["decisions"] and counts["actions"]
    with Workspace(db) as ws:
        report = ws.check()
        assert report["integrity"] == ["ok"] and not report["problems"]
        assert ws.search.query("hondenpoep") or ws.search.query("buurtbudget")
        numbers = [d.seq for d in ws.decisions.in_year(2026)]
        assert numbers == list(range(1, len(numbers) + 1))


def test_runner_prints_every_benchmark_once(tmp_path: Path) -> None:
    db = tmp_path / "tiny.sqlite"
    generate(db, boards=2, years=1, today=TODAY)
    names = load()
    core = {"open workspace", "list a year of meetings", "open one meeting",
            "search (median of 10 queries)", "add an agenda item"}
    assert core <= set(names) and names == list(REGISTRY)
    results = run(db, repeat=1, names=sorted(core))
    assert all(r.app_ms > 0 and r.raw_ms is not None for r in results)
    assert "≤ 20 ms" in format_table(results)
    # Every benchmark, as `python -m bench.run` runs them: in a process of its own (the GUI
    # rows build whole windows; this one holds the windows of the tests before it).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("WIJKAPP_WARMUP", None)  # the start-up rows time the warm-up as users get it
    done = subprocess.run([sys.executable, "-m", "bench.run", "--db", str(db), "--repeat", "1"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    table = done.stdout.splitlines()
    for name in names:
        rows = [line for line in table if line.startswith(name + " ")]
        assert len(rows) == 1, name
        assert float(rows[0][len(name):].split()[0]) >= 0, rows[0]  # a figure, not a crash
    for budget in ("≤ 150 ms", "≤ 20 ms", "≤ 10 ms", "≤ 5 ms"):
        assert any(budget in line for line in table), budget
    with Workspace(db):  # the runner released the lock file
        pass


def test_runner_command_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "tiny.sqlite"
    generate(db, boards=1, years=1, today=TODAY)
    assert main(["--db", str(db), "--repeat", "1", "--only", "open one meeting"]) == 0
    assert "open one meeting" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "missing.sqlite")]) == 1
