"""The sync bookkeeping inside the board's own SQLite file (migration ``0002_sync``).

The one hook into the core is a set of triggers: every insert, update or delete of a
content row, whatever wrote it (an editor, undo, import, erasure, restore of a step),
marks ``(table, id)`` in ``sync_dirty`` inside the same transaction. The next sync reads
only those rows. The triggers do nothing until the file shares a board.
"""

from __future__ import annotations

from typing import Any

from ..schema import TABLES

STATEMENTS = [
    "CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value BLOB)",
    "CREATE TABLE sync_doc (board_id TEXT PRIMARY KEY NOT NULL, doc BLOB NOT NULL, saved_at TEXT NOT NULL)",
    "CREATE TABLE sync_dirty (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, "
    "row_id TEXT NOT NULL, UNIQUE (tbl, row_id))",
    "CREATE TABLE sync_conflicts (id INTEGER PRIMARY KEY, board_id TEXT NOT NULL, made_at TEXT NOT NULL, "
    "kind TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, "
    "mine TEXT, theirs TEXT, by_laptop TEXT NOT NULL DEFAULT '', done INTEGER NOT NULL DEFAULT 0)",
    # Our own last write per field until a peer has seen or overwritten it. Only a hash of
    # the value is kept (no personal data).
    "CREATE TABLE sync_my_writes (key TEXT PRIMARY KEY NOT NULL, wid TEXT NOT NULL, vhash TEXT NOT NULL)",
    # Every erasure this file knows of (grow-only): a restore or an old peer cannot bring
    # the person back.
    "CREATE TABLE sync_erasures (person_id TEXT PRIMARY KEY NOT NULL, board_id TEXT NOT NULL, "
    "erased_at TEXT NOT NULL, in_doc INTEGER NOT NULL DEFAULT 0)",
    # What this laptop last read from each colleague's file (for the status screen).
    "CREATE TABLE sync_peers (board_id TEXT NOT NULL, laptop_id TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', "
    "made_at TEXT, read_at TEXT, digest TEXT, erasures TEXT NOT NULL DEFAULT '[]', "
    "PRIMARY KEY (board_id, laptop_id))",
]


def create_sync_tables(db: Any) -> None:
    """Create the sync tables and one trigger per content table and kind of write."""
    for sql in STATEMENTS:
        db.execute(sql)
    guard = "WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'shared')"
    for table in TABLES:
        for kind, event, ref in (("ai", "INSERT", "new"), ("au", "UPDATE", "new"), ("ad", "DELETE", "old")):
            db.execute(
                f"CREATE TRIGGER [{table}_sync_{kind}] AFTER {event} ON [{table}] {guard} BEGIN "
                f"INSERT OR REPLACE INTO sync_dirty (tbl, row_id) VALUES ('{table}', {ref}.id); END"
            )
