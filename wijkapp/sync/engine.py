"""One sync of a shared board: local edits out, colleagues' edits in, one transaction.

The SQLite file stays the source of truth and the one writer. The board's Yjs document is
kept in memory between syncs and stored in the same file (``sync_doc``), written in the
same transaction as the rows it changed. A sync:

1. (store lock, short) reads the rows marked dirty by the triggers, pending erasures and
   what was read before;
2. (no lock) pushes those rows into the document, merges every colleague's file, applies
   the rules and works out which rows change;
3. (store lock, short) writes those rows, the document and the bookkeeping in ONE
   transaction; when the user changed one of those rows meanwhile, the merge is redone;
4. (no lock) publishes this laptop's file.
"""

from __future__ import annotations

import json
import threading
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pycrdt import Doc, Map, MapEvent, Text

from ..timeutil import now_iso
from . import files as sf
from .model import (
    COLUMNS,
    SILENT_FIELDS,
    TABLES_IN_ORDER,
    TEXT_FIELDS,
    apply_text_diff,
    decode,
    field_key,
    laptop_of,
    new_write_id,
    register,
    split_key,
    value_hash,
)
from .rules import (
    Notice,
    RuleContext,
    dedupe_attendance,
    duplicate_decision_numbers,
    enforce_erasures,
    renumber_agenda,
)

if TYPE_CHECKING:
    from ..transactions import Store
    from ..workspace import Workspace


class _Retry(Exception):
    """The user changed a row the merge wants to write: merge again."""


@dataclass
class SyncReport:
    """What one sync did (for the status bar, the CLI and the measurements)."""

    local_fields: int = 0
    remote_rows: int = 0
    rows_written: int = 0
    files_merged: int = 0
    files_skipped: int = 0
    problems: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    erasures_new: int = 0
    undo_steps_dropped: int = 0
    published: Path | None = None
    doc_bytes: int = 0
    seconds: float = 0.0
    lock_seconds: float = 0.0
    retries: int = 0
    merged_from: list[str] = field(default_factory=list)
    #: The rows this sync wrote into SQLite (for the views to refresh).
    written: set[tuple[str, str]] = field(default_factory=set)
    #: The document after the sync: zlib-packed whole state and its state vector.
    packed: bytes = field(default=b"", repr=False)
    state: bytes = field(default=b"", repr=False)

def board_rows(store: Store, table: str, board_id: str) -> list[dict[str, Any]]:
    key = "id" if table == "boards" else "board_id"
    return store.rows(f"SELECT * FROM [{table}] WHERE [{key}] = ?", [board_id])


class Engine:
    """The merge machinery of one workspace; :class:`~wijkapp.sync.BoardSync` drives it."""

    def __init__(self, ws: Workspace, laptop_id: str, *, client_ids: Any = None) -> None:
        self.ws = ws
        self.store = ws.store
        self.laptop_id = laptop_id
        self._client_ids = client_ids  # tests pass a random.Random to repeat a run
        self._doc: Doc | None = None
        self._doc_board: str | None = None
        self._busy = threading.Lock()
        info = {t: self.store.rows(f"PRAGMA table_info([{t}])") for t in TABLES_IN_ORDER}
        self.columns = {t: [r["name"] for r in rows] for t, rows in info.items()}
        for table, rows in info.items():  # columns added by later migrations cast right too
            COLUMNS.setdefault(table, {}).update({r["name"]: str(r["type"]).upper() for r in rows})

    # -- the document ----------------------------------------------------------------------
    def _new_doc(self) -> Doc:
        # A fresh random client id every session: a restored backup never reuses one.
        if self._client_ids is not None:
            return Doc(client_id=self._client_ids.getrandbits(32))
        return Doc()

    def _load(self, board: str) -> tuple[Doc, bool]:
        if self._doc is not None and self._doc_board == board:
            return self._doc, False
        doc = self._new_doc()
        blob = self.store.scalar("SELECT doc FROM sync_doc WHERE board_id = ?", [board])
        if blob:
            doc.apply_update(zlib.decompress(blob))
        self._doc, self._doc_board = doc, board
        self._maps = {name: doc.get(name, type=Map) for name in (*TABLES_IN_ORDER, "erasures", "meta")}
        self._collecting = False
        self._touched: set[tuple[str, str]] = set()
        self._overwritten: list[tuple[str, str, str, Any, Any]] = []
        for table in TABLES_IN_ORDER:  # subscribed once per document: cheap merges
            self._maps[table].observe_deep(self._observer(table))
        return doc, blob is None

    def _observer(self, table: str) -> Any:
        def seen(events: list[Any]) -> None:
            if not self._collecting:
                return
            for event in events:
                path = event.path
                if path:
                    self._touched.add((table, split_key(str(path[0]))[0]))
                    continue
                if not isinstance(event, MapEvent):
                    continue
                for key, change in event.keys.items():  # type: ignore[attr-defined]
                    rid, column = split_key(key)
                    self._touched.add((table, rid))
                    if change.get("action") == "update" and (table, column) not in TEXT_FIELDS:
                        self._overwritten.append((table, rid, column, change.get("oldValue"),
                                                  change.get("newValue")))
        return seen

    def map(self, name: str) -> Map:
        """A root map of the current document (cached: pycrdt builds a new wrapper per get)."""
        return self._maps[name]

    def step_since(self, board: str, state: bytes) -> bytes:
        """What this laptop's document holds beyond ``state`` (a Yjs update)."""
        with self._busy:
            doc, _ = self._load(board)
            return bytes(doc.get_update(state))

    # -- one sync ----------------------------------------------------------------------------
    def sync(self, board: str, peer_files: Sequence[sf.SyncFile], *, joining: bool = False,
             pending_numbering: str | None = None) -> tuple[SyncReport, Doc]:
        """Merge local edits and ``peer_files``; write the result. Returns the report."""
        with self._busy:
            report = SyncReport()
            started = time.perf_counter()
            for attempt in range(3):
                try:
                    self._sync_once(board, peer_files, report, joining=joining,
                                    hold_lock=attempt == 2, numbering=pending_numbering)
                    break
                except _Retry:
                    report.retries += 1
                    self._doc = None
                except BaseException:
                    self._doc = None
                    raise
            report.seconds = time.perf_counter() - started
            assert self._doc is not None
            return report, self._doc

    def _sync_once(self, board: str, peer_files: Sequence[sf.SyncFile], report: SyncReport, *,
                   joining: bool, hold_lock: bool, numbering: str | None) -> None:
        store = self.store
        outer = store.lock if hold_lock else threading.RLock()
        with outer:
            # 1. read what changed here (short lock)
            doc, first = self._load(board)  # outside the lock: a big board takes a while
            first = first and not joining
            t0 = time.perf_counter()
            with store.lock:
                last_seq = store.scalar("SELECT COALESCE(MAX(seq), 0) FROM sync_dirty") or 0
                local: dict[tuple[str, str], dict[str, Any] | None] = {}
                if first:
                    for table in TABLES_IN_ORDER:
                        for row in board_rows(store, table, board):
                            local[(table, row["id"])] = row
                else:
                    for mark in store.rows("SELECT tbl, row_id FROM sync_dirty WHERE seq <= ?", [last_seq]):
                        if mark["tbl"] in self.columns:
                            found = store.row(mark["tbl"], mark["row_id"])
                            owner = found and (found["id"] if mark["tbl"] == "boards" else found.get("board_id"))
                            if found is None or owner == board:
                                local[(mark["tbl"], mark["row_id"])] = found
                erasures = store.rows(
                    "SELECT person_id, erased_at FROM sync_erasures WHERE board_id = ? AND in_doc = 0", [board])
                mine = {r["key"]: (r["wid"], r["vhash"]) for r in store.rows("SELECT * FROM sync_my_writes")}
            report.lock_seconds += time.perf_counter() - t0

            # 2. merge (no lock: the user can go on typing)
            erased_before = set(self.map("erasures").keys())
            new_mine: dict[str, tuple[str, str] | None] = {}
            pushed: set[tuple[str, str]] = set()
            if not first:
                pushed = self._push_local(doc, local, erasures, new_mine, bulk=False)
                if numbering:
                    meta = self.map("meta")
                    meta["numbering"] = register(numbering, self._wid(), meta.get("numbering", None))
            touched, overwritten = self._merge(doc, peer_files, report)
            if first:
                pushed = self._push_local(doc, local, erasures, new_mine, bulk=True)
                meta = self.map("meta")
                if "numbering" not in meta:
                    meta["numbering"] = register(numbering or self.laptop_id, self._wid(), None)
            report.local_fields = len(pushed)
            report.remote_rows = len(touched)
            mine.update({k: v for k, v in new_mine.items() if v is not None})
            changes_mine: dict[str, tuple[str, str] | None] = dict(new_mine)
            changes_mine.update(self._note_overwrites(overwritten, mine, report))
            erased = set(self.map("erasures").keys())
            ctx = RuleContext(doc, self.laptop_id, self._wid, self._sqlite_ids, self._maps)
            ctx.mine = set(mine)  # keys "table/row/column"
            with doc.transaction(origin="rules"):
                enforce_erasures(ctx, erased, erased - erased_before, touched)
                renumber_agenda(ctx, touched)
                dedupe_attendance(ctx, touched)
            duplicate_decision_numbers(ctx, touched)
            report.notices.extend(ctx.notices)
            report.erasures_new = len(erased - erased_before)
            to_write = touched | ctx.changed | {k for k in pushed if local.get(k) is None}
            wanted = {key: self._row_from_doc(doc, *key) for key in to_write}
            update = doc.get_update()
            blob = zlib.compress(update, 1)
            report.doc_bytes = len(update)
            report.packed, report.state = blob, doc.get_state()
            numbering_now = decode(self.map("meta").get("numbering", None), "", "")[0]

            # 3. write rows, document and bookkeeping in one transaction (short lock)
            with store.lock:
                t0 = time.perf_counter()
                if not hold_lock and to_write:
                    later = store.rows("SELECT tbl, row_id FROM sync_dirty WHERE seq > ?", [last_seq])
                    if any((m["tbl"], m["row_id"]) in to_write for m in later):
                        raise _Retry()
                before_writes = store.scalar("SELECT COALESCE(MAX(seq), 0) FROM sync_dirty") or 0
                written = self._write(board, wanted, blob, changes_mine, report, erased,
                                      erased_before, last_seq, before_writes, numbering_now,
                                      peer_files)
                report.lock_seconds += time.perf_counter() - t0
            if written:
                report.undo_steps_dropped = self._cut_undo({rid for _, rid in touched | ctx.changed})
            if erased - erased_before:
                self._squeeze_erased()

    def _wid(self) -> str:
        return new_write_id(self.laptop_id)

    def _sqlite_ids(self, table: str, column: str, value: str) -> list[str]:
        rows = self.store.rows(f"SELECT id FROM [{table}] WHERE [{column}] = ?", [value])
        return [r["id"] for r in rows]

    # -- 2a. local edits into the document ------------------------------------------------------
    def _push_local(self, doc: Doc, local: dict[tuple[str, str], dict[str, Any] | None],
                    erasures: list[dict[str, Any]], new_mine: dict[str, tuple[str, str] | None],
                    *, bulk: bool) -> set[tuple[str, str]]:
        pushed: set[tuple[str, str]] = set()
        with doc.transaction(origin="local"):
            emap = self.map("erasures")
            for erasure in erasures:
                if erasure["person_id"] not in emap:
                    emap[erasure["person_id"]] = erasure["erased_at"]
            tables = {t: self.map(t) for t in TABLES_IN_ORDER}
            for (table, rid), row in local.items():
                tmap = tables[table]
                exists = field_key(rid, "created_at") in tmap
                if row is None:
                    # Gone from SQLite (undo of an insert): a tombstone travels instead.
                    if exists and decode(tmap.get(field_key(rid, "deleted_at"), None), table, "deleted_at")[0] is None:
                        stamp = now_iso()
                        for column in ("deleted_at", "updated_at"):
                            key = field_key(rid, column)
                            tmap[key] = register(stamp, self._wid(), tmap.get(key, None))
                        pushed.add((table, rid))
                    continue
                for column, value in row.items():
                    if column == "id":
                        continue
                    key = field_key(rid, column)
                    raw = tmap.get(key, _MISSING) if exists else _MISSING
                    if (table, column) in TEXT_FIELDS:
                        text = value or ""
                        if raw is _MISSING or not isinstance(raw, Text):
                            tmap[key] = Text(text)
                        else:
                            current = str(raw)
                            if current == text:
                                continue
                            apply_text_diff(raw, current, text)
                        pushed.add((table, rid))
                        continue
                    if raw is _MISSING:
                        if bulk:
                            tmap[key] = value
                        else:
                            wid = self._wid()
                            tmap[key] = register(value, wid, None)
                            if column not in SILENT_FIELDS:
                                new_mine[f"{table}/{key}"] = (wid, value_hash(value))
                        pushed.add((table, rid))
                        continue
                    current = decode(raw, table, column)[0]
                    if current != value:
                        wid = self._wid()
                        tmap[key] = register(value, wid, raw)
                        if column not in SILENT_FIELDS:
                            new_mine[f"{table}/{key}"] = (wid, value_hash(value))
                        pushed.add((table, rid))
        return pushed

    # -- 2b. colleagues' files --------------------------------------------------------------------
    def _merge(self, doc: Doc, peer_files: Sequence[sf.SyncFile], report: SyncReport
               ) -> tuple[set[tuple[str, str]], list[tuple[str, str, str, Any, Any]]]:
        self._touched, self._overwritten = set(), []
        self._collecting = True
        try:
            for peer in peer_files:
                steps = peer.updates_for(sf.decode_state_vector(doc.get_state()))
                for step in steps:
                    doc.apply_update(step)
                if steps:
                    report.files_merged += 1
                    report.merged_from.append(peer.laptop_id)
                else:
                    report.files_skipped += 1  # nothing in it that this laptop lacks
        finally:
            self._collecting = False
        return self._touched, self._overwritten

    def _note_overwrites(self, overwritten: list[tuple[str, str, str, Any, Any]],
                         mine: dict[str, tuple[str, str]], report: SyncReport
                         ) -> dict[str, tuple[str, str] | None]:
        """Tell this laptop when a colleague replaced its edit without having seen it.

        Our edit counts as seen when its write id (or the id of an identical value that
        replaced it: two laptops typing the same date) is among the new value's ancestors.
        """
        changes: dict[str, tuple[str, str] | None] = {}
        for table, rid, column, old, new in overwritten:
            if column in SILENT_FIELDS:
                continue
            key = f"{table}/{field_key(rid, column)}"
            old_v, old_wid, _ = decode(old, table, column)
            new_v, new_wid, new_anc = decode(new, table, column)
            my = mine.get(key)
            if my is None and old_wid and laptop_of(old_wid) == self.laptop_id:
                my = (old_wid, value_hash(old_v))
            if my is None:
                continue
            my_wid, my_hash = my
            seen = my_wid in new_anc or (bool(old_wid) and old_wid in new_anc
                                         and value_hash(old_v) == my_hash)
            if not seen and value_hash(new_v) == my_hash:
                mine[key] = changes[key] = my  # an identical value: keep following ours
                continue
            mine.pop(key, None)
            changes[key] = None
            if not seen:
                report.notices.append(Notice("overwritten", table, rid, column, old_v, new_v,
                                             laptop_of(new_wid)))
        return changes

    def _row_from_doc(self, doc: Doc, table: str, rid: str) -> dict[str, Any] | None:
        tmap = self.map(table)
        if field_key(rid, "created_at") not in tmap:
            return None
        row: dict[str, Any] = {"id": rid}
        for column in self.columns[table]:
            if column == "id":
                continue
            raw = tmap.get(field_key(rid, column), _MISSING)
            if raw is _MISSING:
                continue  # an older laptop's row: SQLite's default applies
            row[column] = str(raw) if isinstance(raw, Text) else decode(raw, table, column)[0]
        return row

    # -- 3. one transaction -----------------------------------------------------------------------
    def _write(self, board: str, wanted: dict[tuple[str, str], dict[str, Any] | None], blob: bytes,
               changes_mine: dict[str, tuple[str, str] | None],
               report: SyncReport, erased: set[str], erased_before: set[str], last_seq: int,
               before_writes: int, numbering: Any, peer_files: Sequence[sf.SyncFile]) -> bool:
        store = self.store
        written = False
        made = now_iso()
        with store.write(None) as tx:
            tx.execute("PRAGMA defer_foreign_keys = ON")
            order = {t: i for i, t in enumerate(TABLES_IN_ORDER)}
            for (table, rid) in sorted(wanted, key=lambda k: (order[k[0]], k[1])):
                row = wanted[(table, rid)]
                if row is None:
                    continue
                current = store.row(table, rid)
                if current is None or any(current.get(k) != v for k, v in row.items()):
                    if current is None:
                        missing = {c for c in ("created_at", "updated_at") if c not in row}
                        if missing:
                            continue  # not a whole row (cannot happen with Wijkapp's own files)
                    tx.replace(table, row)
                    report.rows_written += 1
                    report.written.add((table, rid))
                    written = True
            tx.execute("INSERT OR REPLACE INTO sync_doc (board_id, doc, saved_at) VALUES (?, ?, ?)",
                       [board, blob, made])
            tx.execute("UPDATE sync_erasures SET in_doc = 1 WHERE board_id = ?", [board])
            for pid in sorted(erased - erased_before):
                tx.execute("INSERT OR IGNORE INTO sync_erasures (person_id, board_id, erased_at, in_doc) "
                           "VALUES (?, ?, ?, 1)", [pid, board, made])
            for key, value in changes_mine.items():
                if value is None:
                    tx.execute("DELETE FROM sync_my_writes WHERE key = ?", [key])
                else:
                    tx.execute("INSERT OR REPLACE INTO sync_my_writes (key, wid, vhash) VALUES (?, ?, ?)",
                               [key, *value])
            for notice in report.notices:
                self._store_notice(tx, board, made, notice, erased)
            if erased:
                # A notice about an erased person must not keep their data either.
                marks = ", ".join("?" for _ in erased)
                tx.execute(f"UPDATE sync_conflicts SET mine = NULL, theirs = NULL, kind = 'erased' "
                           f"WHERE tbl = 'people' AND row_id IN ({marks})", sorted(erased))
            for peer in peer_files:
                tx.execute(
                    "INSERT OR REPLACE INTO sync_peers (board_id, laptop_id, name, made_at, read_at, digest, erasures) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [board, peer.laptop_id, str(peer.meta.get("laptop_name", "")),
                     str(peer.meta.get("made_at", "")), made, peer.digest,
                     json.dumps(sorted(peer.meta.get("erasures", [])))])
            if numbering:
                tx.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('numbering', ?)",
                           [str(numbering)])
            tx.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('last_sync', ?)", [made])
            # The marks this sync consumed, and those its own writes just made.
            tx.execute("DELETE FROM sync_dirty WHERE seq <= ? OR seq > ?", [last_seq, before_writes])
        return written

    def _store_notice(self, tx: Any, board: str, made: str, notice: Notice, erased: set[str]) -> None:
        if notice.kind == "decision-number":
            open_one = tx.execute(
                "SELECT 1 FROM sync_conflicts WHERE kind = 'decision-number' AND row_id = ? AND done = 0",
                [notice.row_id]).fetchone()
            if open_one:
                return
        hide = notice.kind == "erased" or (notice.table == "people" and notice.row_id in erased)
        if notice.table in ("actions", "requests", "attendance") and notice.field in (
                "owner_name", "sent_to_name", "note"):
            hide = hide or notice.kind == "erased"
        tx.execute(
            "INSERT INTO sync_conflicts (board_id, made_at, kind, tbl, row_id, field, mine, theirs, by_laptop) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [board, made, "erased" if hide else notice.kind, notice.table, notice.row_id, notice.field,
             None if hide else json.dumps(notice.mine, ensure_ascii=False),
             None if hide else json.dumps(notice.theirs, ensure_ascii=False), notice.by])

    # -- 4. undo stays local -------------------------------------------------------------------
    def _cut_undo(self, ids: set[str]) -> int:
        """Cut the undo history at the newest step that touches a row a colleague changed.

        Replaying an older step over a colleague's newer edit would undo their work; so
        Ctrl+Z goes back only as far as the last such row, and never skips a step.
        """
        store = self.store
        with store.lock:
            def touches(step: Any) -> bool:
                return any(getattr(change, "id", None) in ids for change in getattr(step, "rows", []))

            dropped = 0
            for index in range(len(store.undo_stack) - 1, -1, -1):
                if touches(store.undo_stack[index]):
                    dropped = index + 1
                    del store.undo_stack[: index + 1]
                    break
            if any(touches(step) for step in store.redo_stack):
                dropped += len(store.redo_stack)
                store.redo_stack.clear()
            return dropped

    def _squeeze_erased(self) -> None:
        """As privacy.erase_person does: no old words in undo, search index or WAL."""
        store = self.store
        store.clear_history()
        with store.lock:
            for table in ("people", "actions", "requests"):
                store.conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES('optimize')")
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


_MISSING: Any = object()
