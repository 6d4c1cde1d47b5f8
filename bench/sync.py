"""Sync benchmarks: one exchange with 8 colleagues' files, for a demo year and a 20-year board.

Budgets (issue 12): one sync with 8 peer files ≤ 50 ms for a demo year; ≤ 200 ms of
write-lock time (the time the app's one connection is held) for a 20-year board. The raw
floor is reading and decrypting the same 8 files: the work no sync can skip.

The 20-year board is generated with as many years as the benchmark database's first board
has (20 for the real database; 1 in the smoke test), so the figures scale with ``--db``.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench import Result, register
from wijkapp.sync import files as sf
from wijkapp.sync.board import BoardSync
from wijkapp.workspace import Workspace

PEERS = 8
KEY = sf.derive_key("benchmark wachtwoord", salt=b"bench-salt-01234", cost=sf.QUICK_COST)


class Board:
    """A shared board and 8 colleagues (copies of its file, each with its own laptop id)."""

    def __init__(self, root: Path, source: Path) -> None:
        self.root = root
        self.folder = root / "gedeeld"
        self.folder.mkdir()
        main = root / "main.sqlite"
        shutil.copy(source, main)
        self.ws = Workspace(main)
        self.sync = BoardSync(self.ws)
        self.sync.share(self.folder, "", "Secretaris", key=KEY)
        self.ws.close()
        self.peers: list[tuple[Workspace, BoardSync]] = []
        for n in range(PEERS):
            copy = root / f"peer{n}.sqlite"
            shutil.copy(main, copy)
            ws = Workspace(copy)
            self.peers.append((ws, BoardSync(ws)))
        self.ws = Workspace(main)
        self.sync = BoardSync(self.ws)
        self.rng = random.Random(1)
        for _, sync in self.peers:
            sync.sync()
        self.sync.sync()

    def colleagues_edit(self) -> None:
        """Every colleague changes a contact and types in an agenda item, then publishes."""
        for ws, sync in self.peers:
            person = self.rng.choice(ws.contacts.all())
            ws.contacts.update(person.id, phone=f"06-{self.rng.randint(10**7, 10**8 - 1)}")
            meeting = self.rng.choice(ws.meetings.all()[-3:])
            items = ws.agenda.for_meeting(meeting.id)
            if items:
                item = self.rng.choice(items)
                ws.agenda.set_notes(item.id, item.notes + f" Toegevoegd {self.rng.randint(0, 999)}.")
            sync.sync()

    def raw_floor(self) -> None:
        for path in sf.candidate_files(self.folder, self.sync.board_id or ""):
            if path.name != self.sync.own_file(self.folder).name:
                sf.decode(path.read_bytes(), KEY)

    def close(self) -> None:
        self.ws.close()
        for ws, _ in self.peers:
            ws.close()


def _measure(source: Path, repeat: int) -> tuple[float, float, float, int]:
    """(median sync ms, median write-lock ms, median raw ms, rows of the board)."""
    with tempfile.TemporaryDirectory() as tmp:
        board = Board(Path(tmp), source)
        try:
            times, locks, raws = [], [], []
            for _ in range(max(1, repeat)):
                board.colleagues_edit()
                person = board.rng.choice(board.ws.contacts.all())
                board.ws.contacts.update(person.id, role=f"rol {board.rng.randint(0, 99)}")
                start = time.perf_counter()
                board.raw_floor()
                raws.append((time.perf_counter() - start) * 1000)
                report = board.sync.sync()
                assert report.files_merged + report.files_skipped >= PEERS, report.problems
                times.append(report.seconds * 1000)
                locks.append(report.lock_seconds * 1000)
            rows = sum(board.ws.store.scalar(f"SELECT COUNT(*) FROM [{t}]") or 0
                       for t in ("meetings", "agenda_items", "decisions", "actions", "people", "attendance"))
        finally:
            board.close()
    return statistics.median(times), statistics.median(locks), statistics.median(raws), rows


_cache: dict[str, tuple[float, float, float, int]] = {}


def _demo_year(repeat: int) -> tuple[float, float, float, int]:
    if "demo" not in _cache:
        from wijkapp.demo import create_demo

        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "demo.sqlite"
            with Workspace(source) as ws:
                create_demo(ws)
            _cache["demo"] = _measure(source, repeat)
    return _cache["demo"]


def _years_of(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        board = conn.execute("SELECT id FROM boards ORDER BY created_at LIMIT 1").fetchone()[0]
        years = conn.execute("SELECT COUNT(DISTINCT substr(starts_at, 1, 4)) FROM meetings WHERE board_id = ?",
                             [board]).fetchone()[0]
    finally:
        conn.close()
    return max(1, int(years))


def _long_board(db: Path, repeat: int) -> tuple[float, float, float, int, int]:
    if "long" not in _cache:
        from bench.generate import generate

        years = _years_of(db)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "board.sqlite"
            generate(source, boards=1, years=years)
            _cache["long"] = (*_measure(source, min(repeat, 10)), years)  # type: ignore[assignment]
    return _cache["long"]  # type: ignore[return-value]


@register("sync, 8 peers, demo year", budget_ms=50)
def sync_demo_year(db: Path, repeat: int) -> Result:
    app, _lock, raw, rows = _demo_year(repeat)
    return Result("sync, 8 peers, demo year", app, raw, 50, f"{rows} rows")


@register("sync, 8 peers, long board", budget_ms=None)
def sync_long_board(db: Path, repeat: int) -> Result:
    app, _lock, raw, rows, years = _long_board(db, repeat)
    return Result("sync, 8 peers, long board", app, raw, None, f"{years} years, {rows} rows")


@register("sync write-lock, long board", budget_ms=200)
def sync_lock_long_board(db: Path, repeat: int) -> Result:
    _app, lock, raw, rows, years = _long_board(db, repeat)
    return Result("sync write-lock, long board", lock, raw, 200, f"{years} years; the app's connection held")
