"""Kill a real Wijkapp process at random moments and check that nothing committed is lost.

Each round starts ``tests/safety/crash_writer.py`` on one operation of the app (daily
editing, creating a new file, backup, restore, import, erasing a person), lets it work for a
random moment and sends SIGKILL. The writer prints ``INTENT`` before and ``ACK`` after each
call (i.e. after its transaction committed). After every kill the harness checks, per
operation:

* write: ``integrity_check`` ok, no dangling references, every acknowledged record present,
  nothing half-applied (a meeting without its full template agenda, gaps in the agenda
  order, decisions out of sequence), and the *content*: every agenda order is the one the
  last acknowledged call asked for (or the call in flight, whole) — an agenda move that
  silently does nothing is caught;
* create: the new file opens (never refused), with its board once acknowledged;
* backup: the database is healthy and every listed backup is a healthy copy;
* restore: the file opens, is healthy and holds one of the backups; kept-aside copies are
  whole databases;
* import: another board's rows are all there or none (all when acknowledged);
* erase: an acknowledged erasure is complete and registered (in the database and beside
  it); one in flight is whole or absent; the erased name is nowhere in the file's bytes.

Run on demand (figures per operation)::

    python -m tests.safety.crash_harness --kills 1000 [--only write,erase] [--journal-off]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = ("write", "create", "backup", "restore", "import", "erase")
TEMPLATE_ITEMS = 8
#: How long a writer may work before the kill (seconds), per operation.
KILL_WINDOW = {"write": 0.25, "create": 0.4, "backup": 0.5, "restore": 0.5, "import": 0.5,
               "erase": 0.4}


@dataclass
class Figures:
    """What the harness saw for one operation."""

    kills: int = 0
    acknowledged: int = 0
    corrupt: int = 0
    lost: int = 0
    half_applied: int = 0
    wrong_content: int = 0
    refused: int = 0
    not_started: int = 0
    litter: int = 0  # temporary files a kill left behind (no data lost, but they pile up)
    problems: list[str] = field(default_factory=list)

    @property
    def bad(self) -> int:
        return self.corrupt + self.lost + self.half_applied + self.wrong_content + self.refused

    def line(self) -> str:
        """One line of figures."""
        return (
            f"kills {self.kills}, acknowledged commits {self.acknowledged}, corrupt {self.corrupt}, "
            f"lost {self.lost}, half-applied {self.half_applied}, wrong content "
            f"{self.wrong_content}, refused to open {self.refused}, writer did not start "
            f"{self.not_started}, temporary files left {self.litter}"
        )

    def add(self, other: Figures) -> None:
        for name in ("kills", "acknowledged", "corrupt", "lost", "half_applied",
                     "wrong_content", "refused", "not_started", "litter"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems


@dataclass
class Round:
    """What one writer printed before it was killed."""

    acks: list[list[str]]
    intent: list[str] | None


# -- running a writer ------------------------------------------------------------------------
def kill_one(operation: str, db: Path, seed: int, rng: random.Random, figures: Figures,
             extra: tuple[str, ...] = ()) -> Round | None:
    """Start a writer, kill it at a random moment, return what it acknowledged."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.safety.crash_writer", operation, str(db), str(seed), *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline().strip()
    if ready != "READY":
        err = child.stderr.read() if child.stderr else ""
        child.kill()
        child.wait()
        figures.not_started += 1
        figures.problems.append(f"{operation}: writer did not start: {ready} {err[-300:]}")
        return None
    time.sleep(rng.uniform(0.0, KILL_WINDOW[operation]))
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate()
    figures.kills += 1
    acks: list[list[str]] = []
    intent: list[str] | None = None
    lines = out.split("\n")[:-1]  # a line the kill cut short has no newline: not counted
    for line in lines:
        parts = line.split()
        if parts[:1] == ["ACK"] and len(parts) == 5:
            acks.append(parts[1:])
            intent = None
        elif parts[:1] == ["INTENT"] and len(parts) == 4:
            intent = parts[1:]
    if "Traceback" in err:
        figures.problems.append(f"{operation}: the writer failed: {err.strip().splitlines()[-1]}")
        figures.refused += 1
    figures.acknowledged += len(acks)
    return Round(acks, intent)


def _integrity(conn: sqlite3.Connection, figures: Figures, what: str) -> bool:
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if integrity != ["ok"] or fk:
        figures.corrupt += 1
        figures.problems.append(f"{what}: integrity {integrity[:2]}, foreign keys {len(fk)}")
        return False
    return True


def _opens(path: Path, figures: Figures, what: str) -> bool:
    """The app itself opens the file (not refused as damaged or foreign)."""
    from wijkapp.errors import WijkappError
    from wijkapp.workspace import Workspace

    try:
        Workspace(path).close()
    except WijkappError as error:
        figures.refused += 1
        figures.problems.append(f"{what}: refused to open: {error}")
        return False
    return True


# -- write -----------------------------------------------------------------------------------
class WriteState:
    """Acknowledged records and the agenda order each meeting must have."""

    def __init__(self) -> None:
        self.acked: list[tuple[str, str]] = []
        self.orders: dict[str, list[str]] = {}


def _ids(word: str) -> list[str]:
    return [] if word == "-" else word.split(",")


def check_write(path: Path, state: WriteState, played: Round, figures: Figures) -> None:
    """Integrity, acknowledged records, whole transactions and the agenda orders."""
    for kind, record_id, meeting, order in played.acks:
        state.acked.append((kind, record_id))
        if order != "-":
            state.orders[meeting] = _ids(order)
    conn = sqlite3.connect(path)
    try:
        if not _integrity(conn, figures, "write"):
            return
        for kind, record_id in state.acked:
            table = "agenda_items" if kind == "moved" else kind
            if not conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [record_id]).fetchone():
                figures.lost += 1
                figures.problems.append(f"write: lost {kind} {record_id}")
        for (meeting_id,) in conn.execute("SELECT id FROM meetings"):
            rows = conn.execute(
                "SELECT id, position, standard FROM agenda_items WHERE meeting_id = ? "
                "AND deleted_at IS NULL ORDER BY position", [meeting_id]).fetchall()
            positions = [r[1] for r in rows]
            standards = [r[2] for r in rows if r[2]]
            if positions != list(range(len(rows))) or len(standards) != TEMPLATE_ITEMS:
                figures.half_applied += 1
                figures.problems.append(f"write: meeting {meeting_id}: positions {positions}")
            _check_order(meeting_id, [r[0] for r in rows], state, played, figures)
        seqs = [r[0] for r in conn.execute("SELECT seq FROM decisions WHERE year = 2026 ORDER BY seq")]
        if seqs != list(range(1, len(seqs) + 1)):
            figures.half_applied += 1
            figures.problems.append("write: decision numbers have a gap")
    except sqlite3.DatabaseError as error:
        figures.corrupt += 1
        figures.problems.append(f"write: {error}")
    finally:
        conn.close()


def _check_order(meeting: str, actual: list[str], state: WriteState, played: Round,
                 figures: Figures) -> None:
    expected = state.orders.get(meeting)
    if expected is None or actual == expected:
        return
    intent = played.intent
    if intent and intent[0] == meeting:
        if intent[1] == "order" and actual == _ids(intent[2]):
            state.orders[meeting] = actual  # the call in flight committed, whole
            return
        at = int(intent[2]) if intent[1] == "insert" else -1
        if (0 <= at < len(actual) and len(actual) == len(expected) + 1
                and actual[:at] + actual[at + 1:] == expected and actual[at] not in expected):
            state.orders[meeting] = actual
            return
    figures.wrong_content += 1
    moved = [n for n, x in enumerate(actual) if n >= len(expected) or expected[n] != x]
    figures.problems.append(
        f"write: meeting {meeting}: the agenda order is not the one asked for ({len(actual)} "
        f"items, {len(expected)} expected, differs from position {moved[:1]}, call in flight "
        f"{' '.join((intent or ['none'])[:2]) if intent and intent[0] == meeting else 'none'})")
    state.orders[meeting] = actual  # count each wrong order once


# -- create ----------------------------------------------------------------------------------
def check_create(path: Path, played: Round, figures: Figures) -> None:
    """A file killed during its creation opens; an acknowledged board is in it."""
    boarded = any(kind == "board" for kind, *_ in played.acks)
    if path.exists() and not _opens(path, figures, "create"):
        return
    if boarded:
        conn = sqlite3.connect(path)
        try:
            if _integrity(conn, figures, "create") and not conn.execute(
                    "SELECT 1 FROM boards").fetchone():
                figures.lost += 1
                figures.problems.append("create: the acknowledged board is gone")
        finally:
            conn.close()


# -- backup ----------------------------------------------------------------------------------
def check_backup(path: Path, played: Round, figures: Figures) -> None:
    """The database is healthy and every listed backup is a healthy copy; the newest
    acknowledged backup is there."""
    from wijkapp.backups import backup_dir, list_backups, validate_backup
    from wijkapp.errors import WijkappError

    conn = sqlite3.connect(path)
    try:
        _integrity(conn, figures, "backup")
    finally:
        conn.close()
    listed = list_backups(path)
    for info in listed:
        try:
            validate_backup(info.path)
        except WijkappError as error:
            figures.corrupt += 1
            figures.problems.append(f"backup: a listed backup is bad: {info.path.name}: {error}")
    if played.acks:
        newest = played.acks[-1][1]
        if not (backup_dir(path) / newest).exists():
            figures.lost += 1
            figures.problems.append(f"backup: the acknowledged backup {newest} is gone")


# -- restore ---------------------------------------------------------------------------------
def check_restore(path: Path, counts: set[int], played: Round, figures: Figures) -> None:
    """The file opens, is healthy, holds one of the backups; kept-aside copies are whole."""
    from wijkapp.backups import list_kept_aside

    if not path.exists():
        figures.lost += 1
        figures.problems.append("restore: the database file is gone")
        return
    if not _opens(path, figures, "restore"):
        return
    conn = sqlite3.connect(path)
    try:
        if _integrity(conn, figures, "restore"):
            count = conn.execute("SELECT COUNT(*) FROM people").fetchone()[0]
            if count not in counts:
                figures.wrong_content += 1
                figures.problems.append(f"restore: {count} contacts is none of the backups")
    finally:
        conn.close()
    for kept in list_kept_aside(path):
        try:
            aside = sqlite3.connect(kept.path.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                ok = [r[0] for r in aside.execute("PRAGMA quick_check")] == ["ok"]
                ok = ok and aside.execute("SELECT COUNT(*) FROM people").fetchone()[0] in counts
            finally:
                aside.close()
        except sqlite3.DatabaseError:
            ok = False
        if not ok:
            figures.lost += 1
            figures.problems.append(f"restore: kept-aside copy {kept.path.name} is not whole")


def prepare_restore(path: Path) -> set[int]:
    """A board with three backups of different sizes; returns their contact counts."""
    from wijkapp.backups import make_backup
    from wijkapp.workspace import Workspace

    counts = set()
    with Workspace(path) as ws:
        ws.boards.create("Wijkplatform Terugzetten")
        for n in range(3):
            for m in range(10 * (n + 1)):
                ws.contacts.add(f"Contact {n}-{m}", notes="r" * 2000)
            make_backup(ws, dt.datetime(2026, 11, 1 + n, 12, 0))
            counts.add(len(ws.contacts.all()))
    return counts


# -- import ----------------------------------------------------------------------------------
def check_import(path: Path, boards: dict[str, tuple[int, bool]], played: Round,
                 figures: Figures) -> None:
    """Each imported board is all there or absent (there when acknowledged)."""
    from wijkapp.exchange import TABLE_ORDER

    for _kind, board_id, rows, _ in played.acks:
        boards[board_id] = (int(rows), True)
    if played.intent and played.intent[0] == "import":
        boards.setdefault(played.intent[1], (int(played.intent[2]), False))
    conn = sqlite3.connect(path)
    try:
        if not _integrity(conn, figures, "import"):
            return
        for board_id, (rows, acked) in list(boards.items()):
            found = sum(
                conn.execute(f"SELECT COUNT(*) FROM [{t}] WHERE "
                             f"{'id' if t == 'boards' else 'board_id'} = ?", [board_id]).fetchone()[0]
                for t in TABLE_ORDER)
            if found not in (0, rows) or (acked and found == 0):
                figures.half_applied += found not in (0, rows)
                figures.lost += acked and found == 0
                figures.problems.append(f"import: board {board_id}: {found} of {rows} rows")
            if found == rows:
                boards[board_id] = (rows, True)
    finally:
        conn.close()


# -- erase -----------------------------------------------------------------------------------
def check_erase(path: Path, erased: dict[str, str], played: Round, figures: Figures) -> None:
    """Acknowledged erasures are complete, registered twice and gone from the bytes; one in
    flight is whole or absent."""
    from wijkapp.privacy import register_path

    names = {person: name for kind, person, name, _ in played.acks if kind == "person"}
    for kind, person, name, _ in played.acks:
        if kind == "erased":
            erased[person] = name
    flight = played.intent[1] if played.intent and played.intent[0] == "erase" else None
    side = register_path(path).read_text(encoding="utf-8") if register_path(path).exists() else ""
    conn = sqlite3.connect(path)
    try:
        if not _integrity(conn, figures, "erase"):
            return
        registered = " ".join(r[0] or "" for r in conn.execute("SELECT settings FROM boards"))
        for person in [*erased, *([flight] if flight else [])]:
            row = conn.execute("SELECT name, email, notes FROM people WHERE id = ?",
                               [person]).fetchone()
            traces = conn.execute(
                "SELECT (SELECT COUNT(*) FROM actions WHERE owner_id = ?1 AND owner_name != "
                "'verwijderd') + (SELECT COUNT(*) FROM attendance WHERE person_id = ?1 AND "
                "note != '')", [person]).fetchone()[0]
            whole = row is not None and row[0] == "verwijderd" and not row[1] and not row[2] \
                and traces == 0 and person in registered
            untouched = row is not None and row[0] != "verwijderd" and row[1] and traces > 0
            if person in erased and not whole:
                figures.lost += 1
                figures.problems.append(f"erase: acknowledged erasure of {person} is not complete")
            elif person == flight and not (whole or untouched):
                figures.half_applied += 1
                figures.problems.append(f"erase: erasure of {person} is half done")
            if person in erased and person not in side:
                figures.lost += 1
                figures.problems.append(f"erase: {person} is missing from the register beside")
    finally:
        conn.close()
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    for person, name in erased.items():
        # Geheim7x1 is a prefix of Geheim7x10, who may rightly still be there: whole names only.
        if re.search(re.escape(name.encode()) + rb"(?![0-9])", raw) and person not in names:
            figures.wrong_content += 1
            figures.problems.append(f"erase: the erased name {name} is still in the file's bytes")


# -- the run ---------------------------------------------------------------------------------
def run(kills: int, journal_off: bool = False, seed: int = 1, folder: Path | None = None,
        operations: tuple[str, ...] = ("write",), sabotage_move: bool = False
        ) -> dict[str, Figures]:
    """Kill writers ``kills`` times, the operations taken in turn; figures per operation."""
    folder = folder or Path(tempfile.mkdtemp(prefix="wijkapp-crash-"))
    rng = random.Random(seed)
    figures = {op: Figures() for op in operations}
    write_state = WriteState()
    imported: dict[str, tuple[int, bool]] = {}
    erased: dict[str, str] = {}
    restore_counts: set[int] = set()
    seen_litter: set[Path] = set()
    extra = tuple(a for a, on in (("--journal-off", journal_off),
                                  ("--sabotage-move", sabotage_move)) if on)
    for kill in range(kills):
        op = operations[kill % len(operations)]
        mine = figures[op]
        db = folder / f"{op}.sqlite"
        if op == "create":
            db = folder / f"create-{kill}.sqlite"
        if op == "restore" and not restore_counts:
            restore_counts = prepare_restore(db)
        played = kill_one(op, db, seed * 100_000 + kill, rng, mine, extra)
        if played is None:
            continue
        if op == "write":
            check_write(db, write_state, played, mine)
        elif op == "create":
            check_create(db, played, mine)
            litter = [p for p in folder.glob(f".create-{kill}.sqlite*") if p.is_file()
                      and not p.name.endswith(("-wal", "-shm", "-journal"))]
            mine.litter += len(litter)
            for leftover in [*folder.glob(f"create-{kill}*"), *folder.glob(f".create-{kill}.*")]:
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        elif op == "backup":
            check_backup(db, played, mine)
            _litter(mine, seen_litter, db.with_name(db.stem + "-reservekopieen").glob("*.deel"))
        elif op == "restore":
            check_restore(db, restore_counts, played, mine)
            _litter(mine, seen_litter, folder.glob(f".{db.name}.*"))
        elif op == "import":
            check_import(db, imported, played, mine)
        elif op == "erase":
            check_erase(db, erased, played, mine)
        if journal_off and mine.bad:
            break  # the control has shown what it must show
    return figures


def _litter(figures: Figures, seen: set[Path], found: Iterable[Path]) -> None:
    """Count temporary files a kill left behind, each once."""
    for path in found:
        if path.is_file() and not path.name.endswith(("-wal", "-shm", "-journal")) \
                and path not in seen:
            seen.add(path)
            figures.litter += 1


def report(figures: dict[str, Figures], seconds: float) -> list[str]:
    """The printed figures: one line per operation and the total."""
    total = Figures()
    lines = []
    for op, fig in figures.items():
        total.add(fig)
        lines.append(f"{op:>8}: {fig.line()}")
    lines.append(f"{'total':>8}: {total.line()} ({seconds:.0f} s)")
    lines += ["  " + problem for problem in total.problems[:12]]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Command line: print the figures; exit 1 when anything was lost or damaged."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(OPERATIONS),
                        help="operations, comma-separated: " + ", ".join(OPERATIONS))
    parser.add_argument("--journal-off", action="store_true", help="negative control (write)")
    parser.add_argument("--sabotage-move", action="store_true",
                        help="negative control: agenda moves silently do nothing")
    args = parser.parse_args(argv)
    operations = tuple(op for op in args.only.split(",") if op)
    if args.journal_off or args.sabotage_move:
        operations = ("write",)
    unknown = set(operations) - set(OPERATIONS)
    if unknown:
        parser.error(f"unknown operations: {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    figures = run(args.kills, args.journal_off, args.seed, operations=operations,
                  sabotage_move=args.sabotage_move)
    print("\n".join(report(figures, time.perf_counter() - started)))
    bad = sum(f.bad for f in figures.values())
    if sum(f.not_started for f in figures.values()):
        return 1
    control = args.journal_off or args.sabotage_move
    return 0 if (bad == 0) != control else 1


if __name__ == "__main__":
    raise SystemExit(main())
