"""The process the crash harness kills: one operation of the app, repeated until killed.

``python -m tests.safety.crash_writer OPERATION DB SEED [--sabotage-move]`` prints ``READY``
once the file is open, then per call ``INTENT …`` before and ``ACK …`` after it returned
(i.e. after its transaction committed). Operations: write (the app's daily editing),
create (a new file), backup, restore, import, erase. ``--sabotage-move`` turns agenda moves
into silent no-ops: the negative control the content checks must catch.
"""

from __future__ import annotations

import copy
import random
import sys
import uuid
from pathlib import Path
from typing import Any

from wijkapp.agenda import TRAILING_STANDARD
from wijkapp.changes import Changes
from wijkapp.workspace import Workspace


def say(*parts: object) -> None:
    print(*parts, flush=True)


def order(ids: list[str]) -> str:
    """An agenda order as one word for the harness (ids joined by commas)."""
    return ",".join(ids) or "-"


def agenda(ws: Workspace, meeting_id: str) -> list[tuple[str, str]]:
    return [(i.id, i.standard) for i in ws.agenda.for_meeting(meeting_id)]


def board(ws: Workspace) -> None:
    if not ws.has_board:
        ws.boards.create("Wijkplatform Crash", "Zuid", ["Noord", "Oost"])
        for n in range(5):
            ws.contacts.add(f"Bestuurslid {n}", board_member=True)


# -- write: plan, add, decide, act, move -----------------------------------------------------
def write(db: Path, rng: random.Random, seed: int, sabotage: bool) -> None:
    ws = Workspace(db)
    if "--journal-off" in sys.argv:
        # No rollback journal, and a tiny cache so pages spill to the file mid-transaction.
        ws.store.conn.execute("PRAGMA journal_mode=OFF")
        ws.store.conn.execute("PRAGMA synchronous=OFF")
        ws.store.conn.execute("PRAGMA cache_size=2")
    board(ws)
    if sabotage:
        ws.agenda.move = lambda *_a, **_k: Changes()  # type: ignore[method-assign]
    say("READY")
    i = 0
    while True:
        i += 1
        meetings = ws.meetings.all()
        roll = rng.random()
        if roll < 0.2 or not meetings:
            c = ws.meetings.create(f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 19:30",
                                   title=f"Vergadering {seed}-{i}")
            assert c.id is not None
            say("ACK meetings", c.id, c.id, order([x for x, _ in agenda(ws, c.id)]))
            continue
        meeting = rng.choice(meetings)
        before = agenda(ws, meeting.id)
        if roll < 0.45:
            position = next((n for n, (_x, s) in enumerate(before) if s in TRAILING_STANDARD),
                            len(before))
            # The new id is known only afterwards: the intent names the position.
            say("INTENT", meeting.id, "insert", position)
            c = ws.agenda.add(meeting.id, f"Onderwerp {seed}-{i}", notes="x" * rng.randint(0, 3000))
            assert c.id is not None
            new = c.id
            ids = [x for x, _ in before]
            ids.insert(position, new)
            say("ACK agenda_items", new, meeting.id, order(ids))
        elif roll < 0.6:
            c = ws.decisions.add(meeting.id, f"Besluit {seed}-{i}")
            say("ACK decisions", c.id, meeting.id, "-")
        elif roll < 0.7:
            c = ws.actions.add(meeting.id, f"Actie {seed}-{i}", due_date="2026-12-31")
            say("ACK actions", c.id, meeting.id, "-")
        else:
            ids = [x for x, _ in before]
            item = rng.choice(ids)
            target = rng.randint(0, len(ids) - 1)
            expected = [x for x in ids if x != item]
            expected.insert(min(target, len(expected)), item)
            say("INTENT", meeting.id, "order", order(expected))
            ws.agenda.move(item, target)
            say("ACK moved", item, meeting.id, order(expected))


# -- create: a new file from nothing -----------------------------------------------------------
def create(db: Path, rng: random.Random, seed: int, sabotage: bool) -> None:
    say("READY")
    ws = Workspace(db)
    say("ACK opened", db.name, "-", "-")
    board(ws)
    say("ACK board", ws.board_id, "-", "-")
    ws.close()
    say("ACK closed", db.name, "-", "-")


# -- backup ---------------------------------------------------------------------------------------
def backup(db: Path, rng: random.Random, seed: int, sabotage: bool) -> None:
    from wijkapp.backups import make_backup

    ws = Workspace(db)
    board(ws)
    say("READY")
    n = 0
    while True:
        n += 1
        ws.contacts.add(f"Contact {seed}-{n}", notes="y" * rng.randint(0, 20_000))
        path = make_backup(ws)
        say("ACK backup", path.name, "-", "-")


# -- restore -------------------------------------------------------------------------------------
def restore(db: Path, rng: random.Random, seed: int, sabotage: bool) -> None:
    from wijkapp.backups import list_backups
    from wijkapp.backups import restore as put_back

    say("READY")
    while True:
        backups = list_backups(db)
        chosen = rng.choice(backups[:3]).path
        say("INTENT restore", chosen.name, "-")
        put_back(chosen, db)
        say("ACK restored", chosen.name, "-", "-")


# -- import: another board, all rows or none ----------------------------------------------------
def fresh_ids(data: dict[str, Any]) -> dict[str, Any]:
    """The same board under new ids (a board from another laptop)."""
    mapping: dict[str, str] = {}

    def new(value: Any) -> Any:
        if isinstance(value, str) and value in mapping:
            return mapping[value]
        return value

    for rows in data["tables"].values():
        for row in rows:
            mapping[row["id"]] = str(uuid.uuid4())
    out = copy.deepcopy(data)
    for rows in out["tables"].values():
        for row in rows:
            for key, value in list(row.items()):
                if key == "id" or key.endswith("_id"):
                    row[key] = new(value)
    out["board_id"] = mapping[data["board_id"]]
    return out


def import_boards(db: Path, rng: random.Random, seed: int, sabotage: bool) -> None:
    from wijkapp.exchange import export_data, import_data

    ws = Workspace(db)
    board(ws)
    if not ws.meetings.all():
        meeting = ws.meetings.create("2026-10-01 19:30").id
        for n in range(30):
            ws.agenda.add(meeting, f"Punt {n}", notes="z" * 500)
            ws.decisions.add(meeting, f"Besluit {n}")
    template = export_data(ws)
    say("READY")
    while True:
        data = fresh_ids(template)
        rows = sum(len(r) for r in data["tables"].values())
        say("INTENT import", data["board_id"], rows)
        import_data(ws, data)
        say("ACK imported", data["board_id"], rows, "-")


# -- erase: a person and their traces -------------------------------------------------------------
def erase(db: Path, rng: random.Random, seed: int, sabotage: bool) -> None:
    from wijkapp.privacy import erase_person

    ws = Workspace(db)
    board(ws)
    meeting = ws.meetings.all()[0].id if ws.meetings.all() else ws.meetings.create(
        "2026-10-01 19:30").id
    say("READY")
    n = 0
    while True:
        n += 1
        name = f"Geheim{seed}x{n}"
        person = ws.contacts.add(name, email=f"{name}@example.nl", notes="prive " * 50).id
        assert person is not None
        ws.actions.add(meeting, f"Taak {n}", person)
        ws.meetings.set_attendance(meeting, person, "absent_notice", note=f"weg {name}")
        say("ACK person", person, name, "-")
        say("INTENT erase", person, "-")
        erase_person(ws, person)
        say("ACK erased", person, name, "-")


OPERATIONS = {
    "write": write, "create": create, "backup": backup, "restore": restore,
    "import": import_boards, "erase": erase,
}


def main(argv: list[str]) -> None:
    operation, db, seed = argv[0], Path(argv[1]), int(argv[2])
    OPERATIONS[operation](db, random.Random(seed), seed, "--sabotage-move" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
