"""Benchmarks of the core on the generated database: open, list, open a meeting, search, add.

Each benchmark times the app (through :class:`~wijkapp.workspace.Workspace` and its
managers) and then the raw floor: the same SQL on a plain ``sqlite3`` connection to the
same file, with the Workspace closed (never two writers on one file).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import cycle
from pathlib import Path

from bench import Result, median_ms, register
from wijkapp.database_file import BUSY_TIMEOUT_MS
from wijkapp.search import (
    HIT_END,
    HIT_START,
    KIND_LABELS,
    board_match,
    build_match,
    table_query,
)
from wijkapp.workspace import Workspace

#: Ten searches a secretary might type (the last word is a prefix, as in the app).
QUERIES = [
    "hondenpoep", "verkeersveiligheid", "speelveld kerkstraat", "buurtbudget",
    "eenzaamheid ouderen", "glasvezel", "wijkagent", "IJsselstraat", "Wmo-vervoer", "afvalbak",
]
BENCH_MEETING_TITLE = "Benchmarkvergadering"


@contextmanager
def raw_connection(db: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection with the app's pragmas (WAL, synchronous=FULL, foreign keys)."""
    conn = sqlite3.connect(str(db), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        yield conn
    finally:
        conn.close()


def _board_id(conn: sqlite3.Connection) -> str:
    row = conn.execute(
        "SELECT id FROM boards WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1").fetchone()
    return str(row[0])


def bench_year(ws: Workspace) -> int:
    """The newest year with the most meetings of the current board (a full year if any)."""
    rows = ws.store.rows(
        "SELECT substr(starts_at, 1, 4) AS year, COUNT(*) AS n FROM meetings "
        "WHERE board_id = ? AND deleted_at IS NULL GROUP BY year ORDER BY n DESC, year DESC "
        "LIMIT 1", [ws.board_id])
    return int(rows[0]["year"])


@register("open workspace", budget_ms=150)
def open_workspace(db: Path, repeat: int) -> Result:
    """``Workspace(path)`` then ``close()`` vs. connect + pragmas + first board + close."""
    app = median_ms(lambda: Workspace(db).close(), repeat)

    def raw() -> None:
        with raw_connection(db) as conn:
            _board_id(conn)

    return Result("open workspace", app, median_ms(raw, repeat), 150)


@register("list a year of meetings")
def list_year(db: Path, repeat: int) -> Result:
    """``ws.meetings.in_year(year)`` for the last full year."""
    with Workspace(db) as ws:
        year, board = bench_year(ws), ws.board_id
        app = median_ms(lambda: ws.meetings.in_year(year), repeat)
    sql = ("SELECT * FROM [meetings] WHERE board_id = ? AND deleted_at IS NULL "
           "AND (starts_at >= ? AND starts_at < ?) ORDER BY starts_at")
    with raw_connection(db) as conn:
        params = [board, f"{year}-01-01", f"{year + 1}-01-01"]
        raw = median_ms(lambda: conn.execute(sql, params).fetchall(), repeat)
    return Result("list a year of meetings", app, raw, None, f"{year}")


_MEETING_SQL = [
    "SELECT * FROM [meetings] WHERE id = ? AND deleted_at IS NULL",
    "SELECT * FROM [agenda_items] WHERE board_id = ? AND deleted_at IS NULL AND (meeting_id = ?) "
    "ORDER BY position",
    "SELECT * FROM [decisions] WHERE board_id = ? AND deleted_at IS NULL AND (meeting_id = ?) "
    "ORDER BY year, seq",
    "SELECT * FROM [actions] WHERE board_id = ? AND deleted_at IS NULL AND (meeting_id = ?) "
    "ORDER BY created_at",
]


@register("open one meeting", budget_ms=10)
def open_meeting(db: Path, repeat: int) -> Result:
    """A meeting with its agenda items, decisions and actions (as the meeting screen loads it)."""
    with Workspace(db) as ws:
        board = ws.board_id
        ids = [m.id for m in ws.meetings.in_year(bench_year(ws))]
        app_ids = cycle(ids)

        def app_work() -> None:
            meeting_id = next(app_ids)
            ws.meetings.get(meeting_id)
            ws.agenda.for_meeting(meeting_id)
            ws.decisions.for_meeting(meeting_id)
            ws.actions.for_meeting(meeting_id)

        app = median_ms(app_work, repeat)
    with raw_connection(db) as conn:
        raw_ids = cycle(ids)

        def raw_work() -> None:
            meeting_id = next(raw_ids)
            conn.execute(_MEETING_SQL[0], [meeting_id]).fetchall()
            for sql in _MEETING_SQL[1:]:
                conn.execute(sql, [board, meeting_id]).fetchall()

        raw = median_ms(raw_work, repeat)
    return Result("open one meeting", app, raw, 10)


@register("search (median of 10 queries)", budget_ms=20)
def search(db: Path, repeat: int) -> Result:
    """``ws.search.query(q)`` for ten queries; the median over queries of each query's median."""
    with Workspace(db) as ws:
        board = ws.board_id
        per_query = {q: median_ms(lambda q=q: ws.search.query(q), repeat) for q in QUERIES}
    statements = {table: table_query(table) for table in KIND_LABELS}
    with raw_connection(db) as conn:

        def raw_query(text: str) -> None:
            match = build_match(text)
            if match is None:
                return
            for table, sql in statements.items():
                params = {"start": HIT_START, "end": HIT_END, "limit": 20,
                          "match": board_match(board, table, match)}
                conn.execute(sql, params).fetchall()

        raw = {q: median_ms(lambda q=q: raw_query(q), repeat) for q in QUERIES}
    slowest = max(per_query, key=lambda q: per_query[q])
    note = f"slowest '{slowest}' {per_query[slowest]:.1f} ms"
    return Result("search (median of 10 queries)", statistics.median(per_query.values()),
                  statistics.median(raw.values()), 20, note)


@register("add an agenda item", budget_ms=5)
def add_item(db: Path, repeat: int) -> Result:
    """``ws.agenda.add`` (one committed WAL+FULL transaction) to a fresh bench meeting."""
    with Workspace(db) as ws:
        board = ws.board_id
        start = dt.datetime(2099, 1, 1, 19, 30)
        meeting_id = ws.meetings.create(start, BENCH_MEETING_TITLE).id
        counter = iter(range(1_000_000))
        app = median_ms(lambda: ws.agenda.add(meeting_id, f"Benchmarkpunt {next(counter)}"), repeat)
    with raw_connection(db) as conn:

        def raw_add() -> None:
            # What AgendaItems.add writes: the item before Rondvraag/Sluiting, then renumber.
            conn.execute("BEGIN IMMEDIATE")
            trailing = conn.execute(
                "SELECT id, position FROM agenda_items WHERE meeting_id = ? AND deleted_at IS NULL "
                "AND standard IN ('questions', 'closing') ORDER BY position", [meeting_id],
            ).fetchall()
            stamp = dt.datetime.now().astimezone().isoformat()
            conn.execute(
                "INSERT INTO agenda_items (id, created_at, updated_at, board_id, meeting_id, "
                "position, title) VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, ?)",
                [stamp, stamp, board, meeting_id, trailing[0][1], "Ruw benchmarkpunt"],
            )
            for item_id, position in trailing:
                conn.execute("UPDATE agenda_items SET position = ?, updated_at = ? WHERE id = ?",
                             [position + 1, stamp, item_id])
            conn.execute("COMMIT")

        raw = median_ms(raw_add, repeat)
    return Result("add an agenda item", app, raw, 5)
