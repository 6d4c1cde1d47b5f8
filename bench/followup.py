"""Benchmarks of the follow-up features: jaarverslag, Stand van zaken, overview of 37 boards.

Run with ``python -m bench.run --module bench.followup``. Budgets (issues 6 and 14): the
year report of the busiest board ≤ 2 s, the dashboard figures ≤ 200 ms, the overview of
every board's year-summary file ≤ 1 s. Raw floors: a bare Typst document with the same
number of table rows; the dashboard's SQL on plain sqlite3; ``json.loads`` of the files.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from bench import Result, median_ms, register
from bench.core import raw_connection
from bench.exports import bare_typst
from wijkapp.export.year_report import write_year_report
from wijkapp.export.year_summary import write_year_summary
from wijkapp.followup import dashboard
from wijkapp.overview import format_table, load_overview
from wijkapp.workspace import Workspace


def busiest_board(ws: Workspace) -> tuple[str, int]:
    """The board and year with the most meetings + decisions + actions in one year."""
    row = ws.store.one(
        "SELECT m.board_id AS board, substr(m.starts_at, 1, 4) AS year, COUNT(*) AS n "
        "FROM meetings m LEFT JOIN decisions d ON d.meeting_id = m.id "
        "WHERE m.deleted_at IS NULL GROUP BY m.board_id, year ORDER BY n DESC LIMIT 1")
    assert row is not None
    return str(row["board"]), int(row["year"])


@register("jaarverslag (drukste bestuur)", budget_ms=2000)
def year_report(db: Path, repeat: int) -> Result:
    """``write_year_report`` for the busiest board's busiest year."""
    with tempfile.TemporaryDirectory() as folder, Workspace(db) as ws:
        board, year = busiest_board(ws)
        ws.use_board(board)
        out = Path(folder) / "jaarverslag.pdf"
        app = median_ms(lambda: write_year_report(ws, year, out), max(1, repeat // 4))
        rows = len(ws.decisions.in_year(year)) + len(ws.requests.all())
        raw = median_ms(lambda: bare_typst(Path(folder) / "kaal.pdf", 0, rows),
                        max(1, repeat // 4))
    return Result("jaarverslag (drukste bestuur)", app, raw, 2000, note=f"{year}, {rows} rijen")


@register("stand van zaken", budget_ms=200)
def dashboard_figures(db: Path, repeat: int) -> Result:
    """``followup.dashboard(ws)`` for the busiest board vs. its aggregate SQL in sqlite3."""
    with Workspace(db) as ws:
        board, _year = busiest_board(ws)
        ws.use_board(board)
        app = median_ms(lambda: dashboard(ws), repeat)

    def raw(conn: sqlite3.Connection) -> None:
        for table in ("actions", "requests", "goals"):
            conn.execute(f"SELECT status, COUNT(*) FROM [{table}] WHERE board_id = ? "
                         "AND deleted_at IS NULL GROUP BY status", [board]).fetchall()

    with raw_connection(db) as conn:
        floor = median_ms(lambda: raw(conn), repeat)
    return Result("stand van zaken", app, floor, 200)


@register("overzicht 37 besturen", budget_ms=1000)
def overview(db: Path, repeat: int) -> Result:
    """Read and compare every board's year-summary file (written once, beforehand)."""
    with tempfile.TemporaryDirectory() as folder:
        files = []
        with Workspace(db) as ws:
            _board, year = busiest_board(ws)
            boards = [r["id"] for r in ws.store.rows(
                "SELECT id FROM boards WHERE deleted_at IS NULL ORDER BY created_at")]
            for number, board in enumerate(boards):
                ws.use_board(board)
                files.append(write_year_summary(ws, year, Path(folder) / f"{number:02d}.json"))
        app = median_ms(lambda: format_table(load_overview(files)), repeat)
        raw = median_ms(lambda: [json.loads(f.read_bytes()) for f in files], repeat)
    return Result("overzicht 37 besturen", app, raw, 1000, note=f"{len(files)} bestanden")
