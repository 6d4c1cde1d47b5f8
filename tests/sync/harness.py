"""A randomised board of N laptops that edit through the Workspace API and exchange files.

Transports: ``usb`` (one stick, only the laptops at the meeting), ``cloud`` (a replica per
laptop; the server passes files on late, sometimes an older version, a "conflicted copy" or a
half-copied file), ``email`` (a laptop mails its file to some colleagues) and ``mixed``.
Partitions split the board in two for some rounds.

The oracle records every field edit with the vector clock of what its laptop had seen, and
every typed word. After a final exchange it checks: all laptops equal; no edit lost (the
final value is one of the edits no later edit had seen); every lost race reported to the
laptop that lost; typed words kept; the erased person nowhere (databases, files, folders).
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijkapp import privacy
from wijkapp.errors import WijkappError
from wijkapp.exchange import TABLE_ORDER
from wijkapp.sync import files as sf
from wijkapp.sync.board import BoardSync
from wijkapp.sync.model import TEXT_FIELDS
from wijkapp.workspace import Workspace

KEY = sf.derive_key("harness wachtwoord", salt=b"0123456789abcdef", cost=sf.QUICK_COST)
IGNORED = {"created_at", "updated_at", "position"}
TRACKED_TEXT = {("agenda_items", "notes"), ("meetings", "notes"), ("people", "notes")}


@dataclass
class Edit:
    laptop: int
    counter: int
    value: Any


@dataclass
class RunResult:
    laptops: int
    transport: str
    seed: int
    converged: bool = False
    edits: int = 0
    syncs: int = 0
    lost: list[str] = field(default_factory=list)
    races: int = 0
    races_reported: int = 0
    unreported: list[str] = field(default_factory=list)
    words_typed: int = 0
    words_lost: list[str] = field(default_factory=list)
    words_back: list[str] = field(default_factory=list)
    erasure_leaks: list[str] = field(default_factory=list)
    healthy: bool = False
    bad_files_seen: int = 0
    sync_ms: list[float] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.converged and not self.lost and self.races == self.races_reported
                and not self.words_lost and not self.words_back and not self.erasure_leaks
                and self.healthy)

    def summary(self) -> dict[str, Any]:
        return {
            "laptops": self.laptops, "transport": self.transport, "seed": self.seed,
            "converged": self.converged, "edits": self.edits, "syncs": self.syncs,
            "lost": len(self.lost), "races": self.races, "races_reported": self.races_reported,
            "words_typed": self.words_typed, "words_lost": len(self.words_lost),
            "words_back": len(self.words_back), "erasure_leaks": len(self.erasure_leaks),
            "healthy": self.healthy, "bad_files_seen": self.bad_files_seen,
            "sync_ms_median": sorted(self.sync_ms)[len(self.sync_ms) // 2] if self.sync_ms else 0,
            "ok": self.ok,
        }


class Laptop:
    def __init__(self, index: int, path: Path, rng: random.Random) -> None:
        self.index = index
        self.path = path
        self.ws = Workspace(path)
        self.sync: BoardSync | None = None
        self.rng = rng
        self.vc: dict[int, int] = {}
        self.outbox = path.parent / f"outbox-{index}"
        self.replica = path.parent / f"replica-{index}"
        self.inbox: list[Path] = []
        self.last_undoable = False

    def start(self) -> BoardSync:
        self.sync = BoardSync(self.ws, client_ids=random.Random(self.rng.random()))
        return self.sync


class Simulation:
    def __init__(self, root: Path, laptops: int, transport: str, seed: int, rounds: int = 12) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.transport = transport
        self.rounds = rounds
        self.result = RunResult(laptops, transport, seed)
        self.fields: dict[tuple[str, str, str], list[Edit]] = {}
        self.words_added: dict[tuple[str, str, str], set[str]] = {}
        self.words_removed: dict[tuple[str, str, str], set[str]] = {}
        self.file_vc: dict[str, dict[int, int]] = {}  # sha256 of a file → clock it carries
        self.erased: dict[str, list[str]] = {}
        self.word_counter = 0
        self.usb = root / "usb"
        self.server = root / "server"
        self.server_history: dict[str, list[bytes]] = {}
        self.laptops = [Laptop(i, root / f"laptop-{i}" / "wijkapp.sqlite", self.rng)
                        for i in range(laptops)]
        for lap in self.laptops:
            lap.path.parent.mkdir(parents=True, exist_ok=True)
        for folder in [self.usb, self.server] + [lap.replica for lap in self.laptops] + [
                lap.outbox for lap in self.laptops]:
            folder.mkdir(parents=True, exist_ok=True)

    # -- setting up -----------------------------------------------------------------------
    def setup(self) -> None:
        first = self.laptops[0]
        ws = first.ws
        ws.boards.create("Wijkplatform Simulatie", "Zuid", ["Noord", "Zuid"])
        people = []
        for n in range(6):
            people.append(ws.contacts.add(f"Lid{n} Achternaam", phone=f"06-1000{n}",
                                          email=f"lid{n}@voorbeeld.nl", board_member=n < 4).id)
        for m in range(2):
            meeting = ws.meetings.create(f"2026-0{m + 3}-12 19:30", f"Vergadering {m}", "Buurthuis").id
            ws.actions.add(meeting, f"Actie {m}", owner_id=people[m])
        ws.requests.add("Lantaarnpaal", text="Kapot.", sent_to_id=people[5])
        sync = first.start()
        sync.share(self.usb, "", f"Laptop {first.index}", key=KEY)
        self.board = ws.board_id
        for lap in self.laptops[1:]:
            lap.start().join(self.usb, "", f"Laptop {lap.index}", key=KEY)
            self._merged_all_visible(lap, [self.usb])
        for lap in self.laptops:
            lap.ws.store.clear_history()
        self.victim = people[5]  # addressee of a request; erased during the run
        row = ws.store.row("people", self.victim)
        assert row is not None
        self.victim_data = [row["name"], row["phone"], row["email"]]

    # -- clocks ------------------------------------------------------------------------------
    def _tick(self, lap: Laptop) -> int:
        lap.vc[lap.index] = lap.vc.get(lap.index, 0) + 1
        return lap.vc[lap.index]

    def _merge_vc(self, lap: Laptop, other: dict[int, int]) -> None:
        for k, v in other.items():
            lap.vc[k] = max(lap.vc.get(k, 0), v)

    def _merged_all_visible(self, lap: Laptop, places: list[Path], files: list[Path] = ()) -> None:  # type: ignore[assignment]
        import hashlib

        paths = [p for place in places for p in sf.candidate_files(place, self.board)] + list(files)
        for path in paths:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                continue
            if digest in self.file_vc:
                self._merge_vc(lap, self.file_vc[digest])

    def _do_sync(self, lap: Laptop, folder: Path | None, files: list[Path] = ()) -> None:  # type: ignore[assignment]
        import hashlib

        assert lap.sync is not None
        report = lap.sync.sync(folder, list(files))
        self.result.syncs += 1
        self.result.sync_ms.append(report.seconds * 1000)
        self.result.bad_files_seen += len(report.problems)
        self._merged_all_visible(lap, [folder] if folder else [], list(files))
        own = lap.sync.own_file(folder) if folder else None
        if own is not None and own.exists():
            self.file_vc[hashlib.sha256(own.read_bytes()).hexdigest()] = dict(lap.vc)
        lap.last_undoable = False

    # -- edits --------------------------------------------------------------------------------
    def _rows(self, ws: Workspace, ids: set[str]) -> dict[tuple[str, str], dict[str, Any] | None]:
        found: dict[tuple[str, str], dict[str, Any] | None] = {}
        for rid in ids:
            for table in TABLE_ORDER:
                row = ws.store.row(table, rid)
                if row is not None:
                    found[(table, rid)] = row
        return found

    def _record(self, lap: Laptop, before: dict[tuple[str, str], dict[str, Any] | None],
                after: dict[tuple[str, str], dict[str, Any] | None], *, undo: bool = False) -> None:
        counter = self._tick(lap)
        for key in set(before) | set(after):
            table, rid = key
            old, new = before.get(key), after.get(key)
            if new is None and old is not None:
                new = dict(old, deleted_at="gone")
            for column, value in (new or {}).items():
                if column in IGNORED or column == "id":
                    continue
                if old is not None and old.get(column) == value:
                    continue
                if (table, column) in TEXT_FIELDS:
                    # e.g. undo of a typed change: words go or come back
                    was = set(((old or {}).get(column) or "").split())
                    now = set((value or "").split())
                    tracked = (table, rid, column)
                    self.words_removed.setdefault(tracked, set()).update(w for w in was - now if w.startswith("w"))
                    back = {w for w in now - was if w.startswith("w")}
                    self.words_added.setdefault(tracked, set()).update(back)
                    self.words_removed[tracked] -= back
                    continue
                fkey = self._field_key(lap.ws, table, rid, column, new or {})
                edits = self.fields.setdefault(fkey, [])
                if undo:
                    # Undo right after the edit, before any sync: together a no-op for the others.
                    mine = [e for e in edits if e.laptop == lap.index]
                    if mine:
                        edits.remove(mine[-1])
                    continue
                edits.append(Edit(lap.index, counter, value))
        self.result.edits += 1

    def _field_key(self, ws: Workspace, table: str, rid: str, column: str, row: dict[str, Any]) -> tuple[str, str, str]:
        if table == "attendance":  # one row per (meeting, person): the key is the pair
            return (table, f"{row.get('meeting_id')}|{row.get('person_id')}", column)
        return (table, rid, column)

    def _words(self, lap: Laptop, n: int) -> list[str]:
        out = []
        for _ in range(n):
            self.word_counter += 1
            out.append(f"w{lap.index}x{self.word_counter}q")  # q: "w1x2q" is no part of "w1x22q"
        return out

    def _type(self, lap: Laptop, table: str, rid: str, column: str, current: str, save: Any) -> None:
        words = current.split()
        tracked = (table, rid, column)
        mine = [w for w in words if w.startswith("w")]
        if mine and self.rng.random() < 0.3:
            gone = self.rng.choice(mine)
            words.remove(gone)
            import re

            # a glued run ("w1x2qw3x4q") removes each word in it
            self.words_removed.setdefault(tracked, set()).update(re.findall(r"w\d+x\d+q", gone))
        new = self._words(lap, self.rng.randint(1, 4))
        at = self.rng.randint(0, len(words))
        words[at:at] = new
        self.words_added.setdefault(tracked, set()).update(new)
        self.result.words_typed += len(new)
        save(" ".join(words))
        self._tick(lap)
        self.result.edits += 1

    def edit(self, lap: Laptop) -> None:
        ws = lap.ws
        rng = self.rng
        people = [p for p in ws.contacts.all() if p.name != privacy.ERASED_NAME]
        meetings = ws.meetings.all()
        choice = rng.choice(["contact", "contact", "notes", "notes", "item_notes", "agenda_add",
                             "agenda_move", "agenda_delete", "action", "action_new", "attendance",
                             "decision", "meeting", "contact_new", "undo", "person_notes"])
        if choice == "undo":
            if lap.last_undoable and ws.undo_name:
                before = self._undo_rows(ws)
                changes = ws.undo()
                self._record(lap, before, self._rows(ws, set(changes.ids)), undo=True)
            return
        meeting = rng.choice(meetings) if meetings else None
        ids: set[str] = set()

        def act(fn: Any) -> None:
            nonlocal ids
            snapshot = None
            try:
                changes = fn()
            except WijkappError:
                return
            ids = set(changes.ids)
            _ = snapshot

        if choice in ("item_notes", "notes") and meeting is not None:
            items = ws.agenda.for_meeting(meeting.id)
            if items:
                item = rng.choice(items)
                self._type(lap, "agenda_items", item.id, "notes", item.notes,
                           lambda text: ws.agenda.set_notes(item.id, text))
            return
        if choice == "meeting" and meeting is not None:
            self._type(lap, "meetings", meeting.id, "notes", meeting.notes,
                       lambda text: ws.meetings.update(meeting.id, notes=text))
            return
        if choice == "person_notes" and people:
            person = rng.choice(people)
            self._type(lap, "people", person.id, "notes", person.notes,
                       lambda text: ws.contacts.update(person.id, notes=text))
            return
        call: Any = None
        if choice == "contact" and people:
            # most edits go to a few busy contacts, so same-field races happen often
            person = rng.choice(people[:2] if rng.random() < 0.7 else people)
            column = rng.choice(["phone", "role", "email", "topics"])
            value = {"phone": f"06-{rng.randint(10000000, 99999999)}", "role": f"rol{rng.randint(0, 99)}",
                     "email": f"x{rng.randint(0, 999)}@voorbeeld.nl", "topics": f"onderwerp {rng.randint(0, 9)}"}[column]
            call = lambda: ws.contacts.update(person.id, **{column: value})  # noqa: E731
        elif choice == "contact_new":
            call = lambda: ws.contacts.add(f"Nieuw {rng.randint(0, 10**6)}", phone="06-2")  # noqa: E731
        elif choice == "agenda_add" and meeting is not None:
            call = lambda: ws.agenda.add(meeting.id, f"Punt {rng.randint(0, 999)}")  # noqa: E731
        elif choice == "agenda_move" and meeting is not None:
            items = ws.agenda.for_meeting(meeting.id)
            if items:
                item = rng.choice(items)
                call = lambda: ws.agenda.move(item.id, rng.randint(0, len(items)))  # noqa: E731
        elif choice == "agenda_delete" and meeting is not None:
            items = [i for i in ws.agenda.for_meeting(meeting.id) if not i.standard]
            if items:
                item = rng.choice(items)
                call = lambda: ws.agenda.delete(item.id)  # noqa: E731
        elif choice == "action":
            actions = ws.actions.all()
            if actions:
                action = rng.choice(actions)
                verb = rng.choice(["what", "due", "done", "reopen"])
                call = {
                    "what": lambda: ws.actions.update(action.id, what=f"Doen {rng.randint(0, 999)}"),
                    "due": lambda: ws.actions.update(action.id, due_date=f"2026-12-{rng.randint(10, 28)}"),
                    "done": lambda: ws.actions.mark_done(action.id),
                    "reopen": lambda: ws.actions.reopen(action.id),
                }[verb]
        elif choice == "action_new" and meeting is not None and people:
            owner = rng.choice(people)
            call = lambda: ws.actions.add(meeting.id, f"Nieuwe actie {rng.randint(0, 999)}", owner_id=owner.id)  # noqa: E731
        elif choice == "attendance" and meeting is not None and people:
            person = rng.choice(people)
            status = rng.choice(["present", "absent_notice", "absent", "invited"])
            call = lambda: ws.meetings.set_attendance(meeting.id, person.id, status)  # noqa: E731
        elif choice == "decision" and meeting is not None:
            assert lap.sync is not None
            if lap.sync.numbering_laptop() == lap.sync.laptop_id:
                call = lambda: ws.decisions.add(meeting.id, f"Besluit {rng.randint(0, 999)}")  # noqa: E731
        if call is None:
            return
        depth = len(ws.store.undo_stack)
        top = ws.store.undo_stack[-1] if depth else None
        try:
            call()
        except WijkappError:
            return
        if not ws.store.undo_stack or ws.store.undo_stack[-1] is top:
            return  # nothing written
        step = ws.store.undo_stack[-1]
        before = {(c.table, c.id): c.before for c in step.rows}
        after = {(c.table, c.id): ws.store.row(c.table, c.id) for c in step.rows}
        self._record(lap, before, after)
        lap.last_undoable = ws.undo_name is not None

    def _undo_rows(self, ws: Workspace) -> dict[tuple[str, str], dict[str, Any] | None]:
        step = ws.store.undo_stack[-1]
        ids = {change.id for change in step.rows}
        rows = self._rows(ws, ids)
        for change in step.rows:
            rows.setdefault((change.table, change.id), None)
        return rows

    def erase(self) -> None:
        lap = self.rng.choice(self.laptops)
        privacy.erase_person(lap.ws, self.victim)
        self._tick(lap)
        self.erased[self.victim] = self.victim_data
        lap.last_undoable = False

    # -- transports ---------------------------------------------------------------------------
    def exchange(self, round_no: int) -> None:
        transport = self.transport
        if transport == "mixed":
            transport = self.rng.choice(["usb", "cloud", "email"])
        groups = [list(self.laptops)]
        if self.rng.random() < 0.25:  # a partition: two groups that do not meet
            shuffled = list(self.laptops)
            self.rng.shuffle(shuffled)
            cut = self.rng.randint(1, len(shuffled) - 1)
            groups = [shuffled[:cut], shuffled[cut:]]
        for group_no, group in enumerate(groups):
            getattr(self, f"_{transport}")(group, group_no)

    def _usb(self, group: list[Laptop], group_no: int) -> None:
        stick = self.usb if group_no == 0 else self.root / f"usb-{group_no}"
        stick.mkdir(exist_ok=True)
        present = [lap for lap in group if self.rng.random() < 0.7]
        for _ in range(2):
            for lap in present:
                self._do_sync(lap, stick)

    def _cloud(self, group: list[Laptop], group_no: int) -> None:
        place = sf.board_folder(self.server, self.board)
        place.mkdir(parents=True, exist_ok=True)
        for lap in group:
            if self.rng.random() < 0.5:
                continue  # offline this round
            # the sync client delivers what the server has, late, old, doubled or half
            target = sf.board_folder(lap.replica, self.board)
            target.mkdir(parents=True, exist_ok=True)
            for name, versions in self.server_history.items():
                if name.startswith(lap.sync.laptop_id if lap.sync else "") or self.rng.random() > 0.65:
                    continue
                data = versions[-1]
                if len(versions) > 1 and self.rng.random() < 0.15:
                    data = self.rng.choice(versions[:-1])  # a stale version
                if self.rng.random() < 0.05:
                    (target / name).write_bytes(data[: len(data) // 2])  # half-copied
                    continue
                (target / name).write_bytes(data)
                if self.rng.random() < 0.05:
                    (target / name.replace(".wijksync", " (conflicted copy).wijksync")).write_bytes(data)
            self._do_sync(lap, lap.replica)
            own = lap.sync.own_file(lap.replica) if lap.sync else None
            if own is not None and own.exists():
                self.server_history.setdefault(own.name, []).append(own.read_bytes())

    def _email(self, group: list[Laptop], group_no: int) -> None:
        for lap in group:
            if self.rng.random() < 0.4:
                continue
            self._do_sync(lap, lap.outbox, lap.inbox)
            lap.inbox = []
            own = lap.sync.own_file(lap.outbox) if lap.sync else None
            if own is None or not own.exists():
                continue
            for other in group:
                if other is not lap and self.rng.random() < 0.5:
                    mail = self.root / "mail" / f"{self.rng.random():.12f}-{own.name}"
                    mail.parent.mkdir(exist_ok=True)
                    shutil.copy(own, mail)
                    other.inbox.append(mail)

    # -- the run ------------------------------------------------------------------------------
    def run(self) -> RunResult:
        self.setup()
        erase_round = self.rng.randint(2, max(2, self.rounds - 3))
        for round_no in range(self.rounds):
            for lap in self.laptops:
                for _ in range(self.rng.randint(0, 4)):
                    self.edit(lap)
            if round_no == erase_round:
                self.erase()
            self.exchange(round_no)
        final = self.root / "final"
        final.mkdir(exist_ok=True)
        for _ in range(3):
            for lap in self.laptops:
                self._do_sync(lap, final)
        self.check(final)
        for lap in self.laptops:
            lap.ws.close()
        return self.result

    # -- the oracle --------------------------------------------------------------------------
    def _dump(self, ws: Workspace) -> dict[str, list[dict[str, Any]]]:
        out = {}
        for table in TABLE_ORDER:
            key = "id" if table == "boards" else "board_id"
            out[table] = ws.store.rows(f"SELECT * FROM [{table}] WHERE [{key}] = ? ORDER BY id", [self.board])
        return out

    def check(self, final: Path) -> None:
        result = self.result
        dumps = [self._dump(lap.ws) for lap in self.laptops]
        result.converged = all(d == dumps[0] for d in dumps[1:])
        if not result.converged:
            for i, d in enumerate(dumps[1:], 1):
                for table in TABLE_ORDER:
                    if d[table] != dumps[0][table]:
                        result.differences.append(f"laptop {i}: {table}")
        truth = dumps[0]
        rows = {(t, r["id"]): r for t in TABLE_ORDER for r in truth[t]}
        live_attendance = {f"{r['meeting_id']}|{r['person_id']}": r for r in truth["attendance"]
                           if r["deleted_at"] is None}
        erased = set(self.erased)
        for (table, rid, column), edits in self.fields.items():
            if table == "attendance":
                row = live_attendance.get(rid)
                if row is None or column == "deleted_at":
                    continue
            else:
                row = rows.get((table, rid))
            if row is None or not edits:
                continue
            if table == "people" and rid in erased:
                continue
            if (table, column) in {("actions", "owner_name"), ("requests", "sent_to_name"), ("attendance", "note")}:
                ref = row.get({"actions": "owner_id", "requests": "sent_to_id", "attendance": "person_id"}[table])
                if ref in erased:
                    continue
            final_value = row.get(column)
            if column == "deleted_at":
                final_value = bool(final_value)
                edits = [Edit(e.laptop, e.counter, bool(e.value)) for e in edits]
            frontier = self._frontier(edits)
            values = {json.dumps(e.value) for e in frontier}
            if json.dumps(final_value) not in values:
                result.lost.append(f"{table}/{rid}/{column}: {final_value!r} not in {sorted(values)}")
                continue
            losers = [e for e in frontier if json.dumps(e.value) != json.dumps(final_value)]
            if table == "attendance":
                continue  # counted below through notices on the natural key
            for loser in {e.laptop for e in losers}:
                result.races += 1
                sync = self.laptops[loser].sync
                assert sync is not None
                ws = self.laptops[loser].ws
                notified = ws.store.scalar(
                    "SELECT COUNT(*) FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND field = ?",
                    [table, rid, column])
                if notified:
                    result.races_reported += 1
                else:
                    result.unreported.append(f"laptop {loser}: {table}/{rid}/{column}")
        for tracked, added in self.words_added.items():
            table, rid, column = tracked
            row = rows.get((table, rid))
            if row is None or (table == "people" and rid in erased):
                continue
            # Two laptops typing at one spot at the same moment may glue their words
            # ("w1x22qw2x16q"): every letter is kept, so a word counts as kept when it is there.
            present = row.get(column) or ""
            removed = self.words_removed.get(tracked, set())
            result.words_lost += sorted(w for w in added - removed if w not in present)
            result.words_back += sorted(w for w in removed if w in present)
        self._check_erasure(final)
        result.healthy = all(lap.ws.check()["healthy"] for lap in self.laptops)

    def _frontier(self, edits: list[Edit]) -> list[Edit]:
        # An edit is superseded when a later edit was made by a laptop that had seen it.
        seen_by: dict[tuple[int, int], dict[int, int]] = {}
        out = []
        for e in edits:
            dominated = False
            for other in edits:
                if other is e:
                    continue
                vc = self._clock_of(other)
                if vc.get(e.laptop, 0) >= e.counter and (other.laptop, other.counter) != (e.laptop, e.counter):
                    dominated = True
                    break
            if not dominated:
                out.append(e)
        _ = seen_by
        return out

    def _clock_of(self, edit: Edit) -> dict[int, int]:
        return self.clocks.get((edit.laptop, edit.counter), {})

    @property
    def clocks(self) -> dict[tuple[int, int], dict[int, int]]:
        return self._clocks

    def _check_erasure(self, final: Path) -> None:
        needles = [s.encode("utf-8") for values in self.erased.values() for s in values if s]
        places: list[tuple[str, bytes]] = []
        for lap in self.laptops:
            lap.ws.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for suffix in ("", "-wal"):
                path = Path(str(lap.path) + suffix)
                if path.exists():
                    places.append((path.name + f"@{lap.index}", path.read_bytes()))
            blob = lap.ws.store.scalar("SELECT doc FROM sync_doc")
            if blob:
                import zlib

                places.append((f"doc@{lap.index}", zlib.decompress(blob)))
        for path in sf.candidate_files(final, self.board):
            peer = sf.decode(path.read_bytes(), KEY)
            steps = b"".join(step for _, step in peer.recent)
            places.append((path.name, peer.update + steps + json.dumps(peer.meta).encode()))
        for name, data in places:
            for needle in needles:
                if needle in data:
                    self.result.erasure_leaks.append(f"{needle.decode()} in {name}")


def _install_clock_tracking() -> None:
    """Every tick stores the clock the laptop had at that moment (what the edit had seen)."""
    original = Simulation._tick

    def tick(self: Simulation, lap: Laptop) -> int:
        counter = original(self, lap)
        if not hasattr(self, "_clocks"):
            self._clocks = {}
        self._clocks[(lap.index, counter)] = dict(lap.vc)
        return counter

    Simulation._tick = tick  # type: ignore[method-assign]


_install_clock_tracking()


def run_once(root: Path, laptops: int, transport: str, seed: int, rounds: int = 12) -> RunResult:
    """One randomised run in ``root`` (a fresh folder)."""
    sim = Simulation(root, laptops, transport, seed, rounds)
    sim._clocks = {}
    return sim.run()
