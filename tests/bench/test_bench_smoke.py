"""Smoke test of the benchmarks: a tiny generated database, every row in the table.

No timing assertions: budgets are read from ``python -m bench.run``, never tested.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench import REGISTRY
from bench.generate import generate
from bench.run import format_table, load, main, run
from wijkapp.workspace import Workspace

TODAY = dt.date(2026, 11, 28)


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
    assert {"open workspace", "list a year of meetings", "open one meeting",
            "search (median of 10 queries)", "add an agenda item"} <= set(names)
    results = run(db, repeat=1)
    assert [r.name for r in results] == names == list(REGISTRY)
    table = format_table(results)
    for name in names:
        assert sum(line.startswith(name) for line in table.splitlines()) == 1
    assert all(r.app_ms > 0 for r in results)
    core = {"open workspace", "list a year of meetings", "open one meeting",
            "search (median of 10 queries)", "add an agenda item"}
    assert all(r.raw_ms is not None for r in results if r.name in core)
    assert "≤ 150 ms" in table and "≤ 20 ms" in table and "≤ 10 ms" in table and "≤ 5 ms" in table
    with Workspace(db):  # the runner released the lock file
        pass


def test_runner_command_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "tiny.sqlite"
    generate(db, boards=1, years=1, today=TODAY)
    assert main(["--db", str(db), "--repeat", "1", "--only", "open one meeting"]) == 0
    assert "open one meeting" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "missing.sqlite")]) == 1
