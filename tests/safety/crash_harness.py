"""Kill a real writer process at random moments and check that nothing committed is lost.

The writer does the app's own operations through ``Workspace`` (plan a meeting from the
template, add topics, record decisions and actions, type notes) and prints ``ACK`` after
each call returns, i.e. after its transaction committed. After every SIGKILL the harness
checks: ``integrity_check`` ok, ``foreign_key_check`` empty, every acknowledged record
present, nothing half-applied (a meeting without its full template agenda, gaps in the
agenda order, decisions out of sequence).

Run on demand::

    python -m tests.safety.crash_harness --kills 1000 [--journal-off]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import random, sys
from wijkapp.workspace import Workspace
db, seed, journal_off = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
ws = Workspace(db)
if journal_off:
    # No rollback journal, and a tiny cache so pages spill to the file mid-transaction.
    ws.store.conn.execute("PRAGMA journal_mode=OFF")
    ws.store.conn.execute("PRAGMA synchronous=OFF")
    ws.store.conn.execute("PRAGMA cache_size=2")
if not ws.has_board:
    ws.boards.create("Wijkplatform Crash", "Zuid", ["Noord", "Oost"])
    for n in range(5):
        ws.contacts.add(f"Bestuurslid {n}", board_member=True)
rng = random.Random(seed)
print("READY", flush=True)
i = 0
while True:
    i += 1
    meetings = ws.meetings.all()
    roll = rng.random()
    if roll < 0.25 or not meetings:
        c = ws.meetings.create(f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 19:30",
                               title=f"Vergadering {seed}-{i}")
        print("ACK meetings", c.id, flush=True)
        continue
    meeting = rng.choice(meetings)
    if roll < 0.5:
        c = ws.agenda.add(meeting.id, f"Onderwerp {seed}-{i}", notes="x" * rng.randint(0, 3000))
        print("ACK agenda_items", c.id, flush=True)
    elif roll < 0.7:
        c = ws.decisions.add(meeting.id, f"Besluit {seed}-{i}")
        print("ACK decisions", c.id, flush=True)
    elif roll < 0.85:
        c = ws.actions.add(meeting.id, f"Actie {seed}-{i}", due_date="2026-12-31")
        print("ACK actions", c.id, flush=True)
    else:
        items = ws.agenda.for_meeting(meeting.id)
        item = rng.choice(items)
        ws.agenda.move(item.id, rng.randint(0, len(items)))
        print("ACK moved", item.id, flush=True)
"""

TEMPLATE_ITEMS = 8


@dataclass
class Figures:
    """What the harness saw over all kills."""

    kills: int = 0
    acknowledged: int = 0
    corrupt: int = 0
    lost: int = 0
    half_applied: int = 0
    not_started: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line of figures."""
        return (
            f"kills {self.kills}, acknowledged commits {self.acknowledged}, corrupt {self.corrupt}, "
            f"lost {self.lost}, half-applied {self.half_applied}, writer did not start {self.not_started}"
        )


def check_database(path: Path, acked: list[tuple[str, str]], figures: Figures) -> None:
    """Open the file with plain sqlite3 and count what is wrong."""
    conn = sqlite3.connect(path)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != ["ok"] or fk:
            figures.corrupt += 1
            figures.problems.append(f"integrity {integrity[:2]}, foreign keys {len(fk)}")
            return
        for kind, record_id in acked:
            table = "agenda_items" if kind == "moved" else kind
            if not conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [record_id]).fetchone():
                figures.lost += 1
                figures.problems.append(f"lost {kind} {record_id}")
        for (meeting_id,) in conn.execute("SELECT id FROM meetings"):
            rows = conn.execute(
                "SELECT position, standard FROM agenda_items WHERE meeting_id = ? "
                "AND deleted_at IS NULL ORDER BY position",
                [meeting_id],
            ).fetchall()
            positions = [r[0] for r in rows]
            standards = [r[1] for r in rows if r[1]]
            if positions != list(range(len(rows))) or len(standards) != TEMPLATE_ITEMS:
                figures.half_applied += 1
                figures.problems.append(f"meeting {meeting_id}: positions {positions}")
        seqs = [r[0] for r in conn.execute("SELECT seq FROM decisions WHERE year = 2026 ORDER BY seq")]
        if seqs != list(range(1, len(seqs) + 1)):
            figures.half_applied += 1
            figures.problems.append("decision numbers have a gap")
    except sqlite3.DatabaseError as error:
        figures.corrupt += 1
        figures.problems.append(str(error))
    finally:
        conn.close()


def run(kills: int, journal_off: bool = False, seed: int = 1, folder: Path | None = None) -> Figures:
    """Kill a writer ``kills`` times on one database and return the figures."""
    folder = folder or Path(tempfile.mkdtemp(prefix="wijkapp-crash-"))
    path = folder / "crash.sqlite"
    rng = random.Random(seed)
    figures = Figures()
    acked: list[tuple[str, str]] = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for kill in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(seed * 100_000 + kill),
             "1" if journal_off else "0"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert child.stdout is not None
        ready = child.stdout.readline().strip()
        if ready != "READY":
            err = child.stderr.read() if child.stderr else ""
            child.kill()
            figures.not_started += 1
            figures.problems.append(f"writer did not start: {ready} {err[-300:]}")
            child.wait()
            continue
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        figures.kills += 1
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ACK":
                acked.append((parts[1], parts[2]))
                figures.acknowledged += 1
        check_database(path, acked, figures)
        if journal_off and figures.corrupt + figures.half_applied:
            break  # the control has shown what it must show
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command line: print the figures; exit 1 when anything was lost or damaged."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--journal-off", action="store_true", help="negative control")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    figures = run(args.kills, args.journal_off, args.seed)
    print(figures.line() + f" ({time.perf_counter() - started:.0f} s)")
    for problem in figures.problems[:10]:
        print("  " + problem)
    bad = figures.corrupt + figures.lost + figures.half_applied
    if figures.not_started:
        return 1
    return 0 if (bad == 0) != args.journal_off else 1


if __name__ == "__main__":
    raise SystemExit(main())
