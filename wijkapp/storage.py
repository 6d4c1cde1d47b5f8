"""Opening the one database file safely (DESIGN.md §5).

WAL with ``synchronous=FULL``, foreign keys on, a busy timeout, mode 0600, a lock
file so a second process gets a clear message, and ``quick_check`` on a read-only
connection *before* anything can write, so a damaged file is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from filelock import FileLock, Timeout
from sqlite_utils import Database

from . import schema
from .errors import (
    DamagedDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    WorkspaceLockedError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def lock_path(path: Path) -> Path:
    """The lock file that marks ``path`` as in use by one Wijkapp."""
    return path.with_name(path.name + ".lock")


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, without changing them."""
    if path.is_dir():
        raise NotADatabaseError(f"'{path}' is een map, geen Wijkapp-bestand.")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise ReadOnlyError(
            f"Wijkapp mag '{path}' niet lezen. Controleer de rechten van het bestand."
        ) from None
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"'{path.name}' is geen Wijkapp-bestand. Het bestand is niet veranderd; "
            "kies een ander bestand of maak een nieuw bestand."
        )


def quick_check(path: Path) -> None:
    """Run ``PRAGMA quick_check`` read-only; raise when the file is damaged."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(
            f"'{path.name}' is beschadigd ({error}). Het bestand is niet veranderd; "
            "zet een reservekopie terug met 'wijkapp restore'."
        ) from None
    if [r[0] for r in rows] != ["ok"]:
        raise DamagedDatabaseError(
            f"'{path.name}' is beschadigd. Het bestand is niet veranderd; "
            "zet een reservekopie terug met 'wijkapp restore'."
        )


def acquire_lock(path: Path) -> FileLock:
    """Take the per-file lock or explain who holds it."""
    lock = FileLock(str(lock_path(path)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise WorkspaceLockedError(
            f"'{path.name}' is al geopend in een ander Wijkapp-venster of op een andere "
            "computer. Sluit dat eerst, of open een ander bestand."
        ) from None
    except OSError as error:
        raise ReadOnlyError(
            f"Wijkapp kan in de map van '{path.name}' niet schrijven ({error.strerror}). "
            "Kies een map waarin u mag schrijven."
        ) from None
    return lock


def create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (0600)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as error:
        raise ReadOnlyError(
            f"Wijkapp kan '{path}' niet maken ({error.strerror}). "
            "Kies een map waarin u mag schrijven."
        ) from None


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the agreed pragmas (for the one connection of this process)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StorageError(f"'{path.name}' kan niet worden geopend ({error}).") from None
    if str(mode).lower() != "wal":
        conn.close()
        raise StorageError(f"'{path.name}' kan niet in de veilige schrijfmodus worden geopend.")
    return conn


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open database to ``target`` with SQLite's backup API (mode 0600)."""
    create_private_file(target)
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def open_database(path: Path) -> tuple[Database, FileLock]:
    """Open (or create) the database at ``path``, migrated to the current schema.

    Raises a :class:`StorageError` subclass with a Dutch sentence; an existing file
    that is not healthy is never written to.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if path.exists():
        check_header(path)
        if not os.access(path, os.W_OK):
            raise ReadOnlyError(
                f"'{path.name}' is alleen-lezen. Kopieer het naar een map waarin u mag "
                "schrijven, of zet de rechten van het bestand goed."
            )
    elif not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, mode=0o700)
        except OSError as error:
            raise ReadOnlyError(
                f"Wijkapp kan de map '{path.parent}' niet maken ({error.strerror})."
            ) from None
    lock = acquire_lock(path)
    try:
        if existed:
            quick_check(path)
            _check_known_schema(path)
        else:
            create_private_file(path)
        conn = connect(path)
        db = Database(conn)
        pending = schema.pending_migrations(db)
        if pending and existed and db["_sqlite_migrations"].exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(conn, path.with_name(f"{path.stem}.voor-bijwerken-{stamp}{path.suffix}"))
        if pending:
            schema.migrate(db)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.chmod(side, 0o600)
    except BaseException:
        lock.release()
        raise
    return db, lock


def _check_known_schema(path: Path) -> None:
    """On a read-only connection: refuse other apps' databases and newer schemas."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'wijkapp'"
                )
            }
    finally:
        conn.close()
    if not applied:
        if any(not t.startswith("sqlite_") for t in tables):
            raise NotADatabaseError(
                f"'{path.name}' is een database, maar niet van Wijkapp. "
                "Het bestand is niet veranderd."
            )
        return
    known = set(schema.known_migrations())
    if applied - known:
        raise NewerSchemaError(
            f"'{path.name}' is gemaakt met een nieuwere versie van Wijkapp. "
            "Installeer de nieuwste versie om het te openen."
        )
