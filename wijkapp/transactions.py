"""Reads, write transactions and undo on the one connection (the write layer).

The file itself is opened and guarded by :mod:`wijkapp.database_file`.

Every write goes through :meth:`Store.write`, which opens one transaction, records
the before/after image of each row it touches (the undo step) and returns the
:class:`~wijkapp.changes.Changes`. Undo and redo replay those images.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .changes import Changes
from .errors import WriteFailedError
from .i18n import _
from .timeutil import new_id, now_iso

Row = dict[str, Any]
UNDO_LIMIT = 200


@dataclass
class RowChange:
    """One row's state before and after a step (``None`` = did not exist)."""

    table: str
    id: str
    before: Row | None
    after: Row | None = None


@dataclass
class UndoStep:
    """A named group of row changes that undo reverses as one."""

    name: str
    rows: list[RowChange] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)


class Tx:
    """The write handle inside one transaction. Records what it changes."""

    def __init__(self, store: Store, step: str | None, parent: Tx | None = None) -> None:
        self._store = store
        self._conn = store.conn
        self._parent = parent
        # A nested write shares the outer step's undo record but reports its own changes.
        self.step: UndoStep = parent.step if parent else UndoStep(step or "")
        self._seen: dict[tuple[str, str], RowChange] = parent._seen if parent else {}
        self._step_name = step or ""
        self.kinds: set[str] = set()
        self.ids: set[str] = set()
        self.main_id: str | None = None
        # Which columns plain updates wrote, and which tables got more than that (an
        # insert, a replace, a touch): views use it to skip changes they do not show.
        self.columns: set[str] = set()
        self.whole: set[str] = set()

    # -- writes -----------------------------------------------------------------
    def insert(self, table: str, values: Mapping[str, Any], *, keep_times: bool = False) -> str:
        """Insert a new row; fills ``id`` and timestamps unless given. Returns the id."""
        row = dict(values)
        row.setdefault("id", new_id())
        stamp = now_iso()
        if not keep_times:
            row["created_at"] = row.get("created_at") or stamp
            row["updated_at"] = stamp
        row.setdefault("deleted_at", None)
        self._remember(table, row["id"])
        self._wrote(table, None)
        cols = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        self._conn.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", list(row.values()))
        self._touched(table, row["id"])
        if self.main_id is None:
            self.main_id = row["id"]
        return str(row["id"])

    def update(self, table: str, row_id: str, values: Mapping[str, Any]) -> None:
        """Update columns of one row and its ``updated_at``."""
        if not values:
            return
        row = dict(values)
        row["updated_at"] = now_iso()
        self._remember(table, row_id)
        self._wrote(table, values)
        sets = ", ".join(f"[{c}] = ?" for c in row)
        self._conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*row.values(), row_id])
        self._touched(table, row_id)

    def soft_delete(self, table: str, row_id: str) -> None:
        """Mark a row deleted (a tombstone that exchange and undo can use)."""
        self.update(table, row_id, {"deleted_at": now_iso()})

    def replace(self, table: str, row: Mapping[str, Any]) -> None:
        """Write a whole row as given (timestamps included); used by import."""
        self._remember(table, row["id"])
        self._wrote(table, None)
        upsert_row(self._conn, table, row)
        self._touched(table, row["id"])

    def touch(self, table: str, row_id: str) -> None:
        """Report a record as changed without writing it (e.g. a parent).

        None of its own columns changed: a view that shows only some columns of ``table``
        (a list of meeting titles) need not reload; one that shows all of it does.
        """
        self._touched(table, row_id)
        self._wrote(table, ())
        self.step.touched.add(table)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Run a statement inside the transaction (reads only; writes must use insert/update)."""
        return self._conn.execute(sql, params)

    # -- bookkeeping --------------------------------------------------------------
    def _remember(self, table: str, row_id: str) -> None:
        key = (table, row_id)
        if key not in self._seen:
            change = RowChange(table, row_id, self._store.row(table, row_id))
            self._seen[key] = change
            self.step.rows.append(change)

    def _touched(self, table: str, row_id: str) -> None:
        self.kinds.add(table)
        self.ids.add(row_id)
        if self._parent is not None:
            self._parent._touched(table, row_id)

    def _wrote(self, table: str, columns: Iterable[str] | None) -> None:
        """Note the columns written in ``table`` (``None``: whole rows)."""
        if columns is None:
            self.whole.add(table)
        else:
            self.columns.update(f"{table}.{c}" for c in columns)
        if self._parent is not None:
            self._parent._wrote(table, columns)

    def _finish(self) -> None:
        for change in self.step.rows:
            change.after = self._store.row(change.table, change.id)

    def changes(self) -> Changes:
        """The changes made so far in this transaction."""
        return Changes(
            frozenset(self.kinds), frozenset(self.ids), self._step_name or None, self.main_id,
            columns=frozenset(self.columns), column_only=frozenset(self.kinds - self.whole),
        )


class Store:
    """The one connection of this process, guarded by one lock."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.lock = threading.RLock()
        self.undo_stack: list[UndoStep] = []
        self.redo_stack: list[UndoStep] = []
        self._depth = 0
        self._current: Tx | None = None
        #: True once a commit happened since the last backup (set here, cleared by backups).
        self.changed_since_backup = False
        #: Called once when the first change after a backup is committed.
        self.on_first_change: Callable[[], None] | None = None
        #: The database file (set by the workspace): tells a full disk from other failures.
        self.path: Any = None
        #: When set (a Dutch sentence), every write is refused: the file turned out damaged.
        self.refuse_writes: str | None = None

    # -- reads --------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Row]:
        """Run a query and return plain dict rows."""
        with self.lock:
            return [dict(r) for r in self.conn.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Row | None:
        """The first row of a query, or ``None``."""
        with self.lock:
            r = self.conn.execute(sql, params).fetchone()
            return dict(r) if r is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or ``None``."""
        with self.lock:
            r = self.conn.execute(sql, params).fetchone()
            return r[0] if r is not None else None

    def row(self, table: str, row_id: str) -> Row | None:
        """One row by id, deleted or not."""
        return self.one(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])

    # -- writes -------------------------------------------------------------------
    @contextmanager
    def write(self, step: str | None = None) -> Iterator[Tx]:
        """One transaction. With a ``step`` name the change can be undone.

        Nested calls join the outer transaction. Any ``sqlite3`` failure rolls back
        everything and becomes a :class:`WriteFailedError` with a Dutch sentence.
        """
        with self.lock:
            if self._current is not None:
                yield Tx(self, step, parent=self._current)
                return
            if self.refuse_writes:
                raise WriteFailedError(self.refuse_writes)
            tx = Tx(self, step)
            self._current = tx
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield tx
                    tx._finish()
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise WriteFailedError(_write_failure_sentence(error, self.path)) from error
            finally:
                self._current = None
            if tx.step.rows:
                self._committed()
            if step and tx.step.rows:
                self.undo_stack.append(tx.step)
                del self.undo_stack[:-UNDO_LIMIT]
                self.redo_stack.clear()

    # -- undo ---------------------------------------------------------------------
    def clear_history(self) -> None:
        """Forget every undo and redo step (after a demo, an import or an erasure)."""
        self.undo_stack.clear()
        self.redo_stack.clear()

    def undo_name(self) -> str | None:
        """The name of the step undo would reverse."""
        return self.undo_stack[-1].name if self.undo_stack else None

    def redo_name(self) -> str | None:
        """The name of the step redo would repeat."""
        return self.redo_stack[-1].name if self.redo_stack else None

    def undo(self) -> Changes:
        """Reverse the last named step; empty ``Changes`` when there is none."""
        return self._replay(self.undo_stack, self.redo_stack, reverse=True)

    def redo(self) -> Changes:
        """Repeat the last undone step."""
        return self._replay(self.redo_stack, self.undo_stack, reverse=False)

    def _replay(self, source: list[UndoStep], target: list[UndoStep], *, reverse: bool) -> Changes:
        with self.lock:
            if not source:
                return Changes()
            if self.refuse_writes:
                raise WriteFailedError(self.refuse_writes)
            step = source.pop()
            try:
                changes = self._apply(step, reverse=reverse)
            except BaseException:
                source.append(step)  # nothing changed: the step stays where it was
                raise
            target.append(step)
            return changes

    def _apply(self, step: UndoStep, *, reverse: bool) -> Changes:
        order = list(reversed(step.rows)) if reverse else list(step.rows)
        kinds: set[str] = set(step.touched)
        ids: set[str] = set()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for change in order:
                    if self._restore(change, reverse=reverse):
                        kinds.add(change.table)
                        ids.add(change.id)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise WriteFailedError(_write_failure_sentence(error, self.path)) from error
        self._committed()
        return Changes(frozenset(kinds), frozenset(ids), step.name)

    def _committed(self) -> None:
        if not self.changed_since_backup:
            self.changed_since_backup = True
            if self.on_first_change is not None:
                self.on_first_change()

    def _restore(self, change: RowChange, *, reverse: bool) -> bool:
        """Put back one row's side of a step; ``True`` when something was written.

        Only the columns the step changed are written, and only where the row still holds
        the step's value: text saved later without a step (notes typed live) or by a later
        step stays. Undoing a creation removes the row but keeps its newest state, so redo
        brings back what was typed into it meanwhile.
        """
        table, row_id = change.table, change.id
        source, target = (change.after, change.before) if reverse else (change.before, change.after)
        current = self.row(table, row_id)
        if target is None:  # undo a creation (or redo one undone)
            if current is None:
                return False
            if reverse:
                change.after = current
            else:
                change.before = current
            self.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
            return True
        if current is None or source is None:  # the row is gone: bring it back whole
            row = dict(target)
            row["updated_at"] = now_iso()
            upsert_row(self.conn, table, row)
            return True
        values = {
            column: value
            for column, value in target.items()
            if column not in _BOOKKEEPING
            and source.get(column) != value
            and current.get(column) == source.get(column)
        }
        if not values:
            return False
        values["updated_at"] = now_iso()
        sets = ", ".join(f"[{c}] = ?" for c in values)
        self.conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*values.values(), row_id])
        return True


#: Columns undo never puts back by themselves (they follow from the other columns).
_BOOKKEEPING = frozenset({"id", "updated_at", "created_at"})


def upsert_row(conn: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> None:
    """Update the row with this id in place (keeping its rowid for search), else insert it."""
    others = {c: v for c, v in row.items() if c != "id"}
    sets = ", ".join(f"[{c}] = ?" for c in others)
    cursor = conn.execute(
        f"UPDATE [{table}] SET {sets} WHERE id = ?", [*others.values(), row["id"]]
    )
    if cursor.rowcount == 0:
        cols = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", list(row.values()))


def _write_failure_sentence(error: sqlite3.Error, path: Any = None) -> str:
    text = str(error).lower()
    full = False
    if path is not None and ("i/o" in text or "disk" in text):
        from .file_errors import _nearly_full

        full = _nearly_full(path)
    if "full" in text or full:
        return _(
            "De wijziging is niet opgeslagen: de schijf is vol. Maak ruimte vrij en probeer "
            "het opnieuw; wat u typte staat er nog."
        )
    if "readonly" in text or "read-only" in text:
        return _(
            "De wijziging is niet opgeslagen: het bestand is alleen-lezen geworden. "
            "Wat u typte staat er nog; controleer de map of de USB-stick."
        )
    if "locked" in text or "busy" in text:
        return _(
            "De wijziging is niet opgeslagen: het bestand is even bezet. "
            "Probeer het over een paar seconden opnieuw."
        )
    if "foreign key" in text:
        return _("De wijziging is niet opgeslagen: ze verwijst naar iets dat niet (meer) bestaat.")
    return _("De wijziging is niet opgeslagen ({error}). Wat u typte staat er nog; "
             "probeer het opnieuw.").format(error=error)
