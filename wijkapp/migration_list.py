"""The named migrations of the schema, handed to ``sqlite_utils.Migrations`` to run.

Importing ``sqlite_utils`` (it brings click, dateutil and pluggy) takes ≈ 80 ms, and its
``Database`` scans the installed packages for plugins (≈ 40 ms more): opening a file that
is up to date needs neither, only the names of the migrations it should have. A
:class:`MigrationList` records ``@MIGRATIONS(name=...)`` functions the way
``sqlite_utils.migrations.Migrations`` does, answers "what is pending?" from the
``_sqlite_migrations`` table on a plain connection, and builds a real ``Migrations`` from
its current entries whenever migrations run (schema changes still go only through
sqlite-utils).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

#: The table sqlite-utils keeps its record of applied migrations in.
APPLIED_TABLE = "_sqlite_migrations"

MigrationFunction = TypeVar("MigrationFunction", bound=Callable[..., Any])


@dataclass
class Migration:
    """One named migration: ``fn(db)`` changes the schema of a sqlite-utils ``Database``."""

    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class MigrationList:
    """The migrations of one set (``name``), in the order they were registered."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(self, *, name: str | None = None,
                 transactional: bool = True) -> Callable[[MigrationFunction], MigrationFunction]:
        """Register the decorated function as the migration ``name`` (default: its name)."""

        def register(fn: MigrationFunction) -> MigrationFunction:
            migration_name = name or fn.__name__
            if migration_name in self.names:
                raise ValueError(f"Migration '{migration_name}' is already registered")
            self._migrations.append(Migration(migration_name, fn, transactional))
            return fn

        return register

    @property
    def names(self) -> list[str]:
        """Every migration's name, in order."""
        return [m.name for m in self._migrations]

    def applied_names(self, conn: sqlite3.Connection) -> set[str]:
        """Names of this set recorded as applied in the database of ``conn`` (read only)."""
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              [APPLIED_TABLE]).fetchone()
        if exists is None:
            return set()
        rows = conn.execute(f"SELECT name FROM [{APPLIED_TABLE}] WHERE migration_set = ?",
                            [self.name]).fetchall()
        return {str(row[0]) for row in rows}

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        """Names not applied yet to the database of ``conn``, in order (without sqlite-utils)."""
        applied = self.applied_names(conn)
        return [name for name in self.names if name not in applied]

    def migrations(self) -> Migrations:
        """A ``sqlite_utils`` ``Migrations`` holding the current entries (made now)."""
        from sqlite_utils.migrations import Migrations

        real = Migrations(self.name)
        for migration in self._migrations:
            real(name=migration.name, transactional=migration.transactional)(migration.fn)
        return real

    def pending(self, db: Database) -> list[str]:
        """Names not applied yet to ``db``, as sqlite-utils sees them."""
        return [m.name for m in self.migrations().pending(db)]

    def apply(self, db: Database) -> None:
        """Apply every pending migration to ``db`` (each in its own transaction)."""
        self.migrations().apply(db)


__all__ = ["APPLIED_TABLE", "Migration", "MigrationList"]
