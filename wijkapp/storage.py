"""Opening the one database file safely (DESIGN.md §5).

WAL with ``synchronous=FULL``, foreign keys on, a busy timeout, mode 0600, a lock
file so a second process gets a clear message, and ``quick_check`` on a read-only
connection *before* anything can write, so a damaged file is never touched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

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
from .private_files import tighten

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def lock_path(path: Path) -> Path:
    """The lock file that marks ``path`` as in use by one Wijkapp."""
    return path.with_name(path.name + ".lock")


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, without changing them."""
    if path.is_dir():
        raise NotADatabaseError(f"'{path}' is een map, geen Wijkapp-bestand.")
    if path.exists() and not path.is_file():  # trustb: a FIFO or device would hang or confuse
        raise NotADatabaseError(
            f"'{path}' is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat) en dus "
            "geen Wijkapp-bestand. Er is niets veranderd."
        )
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


def damaged(path: Path, detail: str = "") -> DamagedDatabaseError:
    """The error for a damaged file, in one Dutch sentence."""
    extra = f" ({detail})" if detail else ""
    return DamagedDatabaseError(
        f"'{path.name}' is beschadigd{extra}. Het bestand is niet veranderd; "
        "zet een reservekopie terug (Bestand → Reservekopieën, of 'wijkapp restore')."
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
        raise damaged(path, str(error)) from None
    if [r[0] for r in rows] != ["ok"]:
        raise damaged(path)


FULL_CHECK_DAYS = 7


def state_path(path: Path) -> Path:
    """Beside the database: how Wijkapp last left it (clean close, size, last full check)."""
    return path.with_name(path.name + ".status")


def read_state(path: Path) -> dict[str, Any]:
    """The stored state, or ``{}`` when missing or unreadable."""
    try:
        data = json.loads(state_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(path: Path, **values: Any) -> None:
    """Merge ``values`` into the state file (best effort: it is only an optimisation)."""
    state = read_state(path)
    state.update(values)
    try:
        state_path(path).write_text(json.dumps(state), encoding="utf-8")
        os.chmod(state_path(path), 0o600)
    except OSError:
        pass


def needs_full_check(path: Path, today: dt.date | None = None) -> bool:
    """False only when the file is exactly as a clean close left it, fully checked lately.

    The full ``quick_check`` reads the whole file (about 1 ms per MB); a file that nobody
    touched since Wijkapp closed it cleanly gets a light check instead, and the start-up
    backup checks the whole copy in the background.
    """
    state = read_state(path)
    try:
        stat = path.stat()
        checked = dt.date.fromisoformat(str(state.get("full_check")))
    except (OSError, ValueError):
        return True
    wal = path.with_name(path.name + "-wal")
    return not (
        state.get("clean_close") is True
        and state.get("size") == stat.st_size
        and state.get("mtime_ns") == stat.st_mtime_ns
        and not (wal.exists() and wal.stat().st_size > 0)
        and ((today or dt.date.today()) - checked).days < FULL_CHECK_DAYS
    )


def light_check(path: Path) -> None:
    """Read the schema and check the boards table read-only (milliseconds on any size)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            target = "boards" if "boards" in tables else "sqlite_master"
            rows = conn.execute(f"PRAGMA quick_check([{target}])").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise damaged(path, str(error)) from None
    if [r[0] for r in rows] != ["ok"]:
        raise damaged(path)


def mark_closed(path: Path) -> None:
    """Record a clean close with the file's size and time, for the next light check."""
    try:
        stat = path.stat()
    except OSError:
        return
    write_state(path, clean_close=True, size=stat.st_size, mtime_ns=stat.st_mtime_ns)


def acquire_lock(path: Path) -> FileLock:
    """Take the per-file lock or explain who holds it."""
    lock = FileLock(str(lock_path(path)), timeout=0, mode=0o600)
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
    # isolation_level=None: no hidden BEGIN; every transaction is opened explicitly.
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
    )
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left behind
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
        # A copy is a plain file on its own: no -wal/-shm beside it when read later.
        dest.execute("PRAGMA journal_mode=DELETE")
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
    tighten(path)  # trustb (issue 11): an existing 0644 file and the folders beside it go private
    conn: sqlite3.Connection | None = None
    try:
        if existed:
            if needs_full_check(path):
                quick_check(path)
                write_state(path, full_check=dt.date.today().isoformat())
            else:
                light_check(path)
            _check_known_schema(path)
        else:
            create_private_file(path)
            write_state(path, full_check=dt.date.today().isoformat())
        write_state(path, clean_close=False)
        conn = connect(path)
        db = Database(conn)
        _migrate(db, path, existed)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.chmod(side, 0o600)
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise
    return db, lock


def _migrate(db: Database, path: Path, existed: bool) -> None:
    """Apply pending migrations; an existing file is backed up first and kept on failure."""
    pending = schema.pending_migrations(db)
    if not pending:
        return
    copy = None
    if existed and db["_sqlite_migrations"].exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = backup_to(db.conn, path.with_name(f"{path.stem}.voor-bijwerken-{stamp}{path.suffix}"))
    try:
        schema.migrate(db)
    except Exception as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        kept = f" Een kopie van voor het bijwerken staat in '{copy.name}'." if copy else ""
        raise StorageError(
            f"Het bijwerken van '{path.name}' naar deze versie van Wijkapp is mislukt ({error}). "
            f"Het bestand is niet veranderd.{kept}"
        ) from None


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


#: Folder names of sync services that copy files while they are open, and their names.
SYNCED_FOLDER_NAMES = {
    "onedrive": "OneDrive", "dropbox": "Dropbox", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "mijn drive": "Google Drive",
    "icloud drive": "iCloud", "icloud~": "iCloud", "mobile documents": "iCloud",
    "nextcloud": "Nextcloud", "owncloud": "ownCloud", "stack": "Stack", "box sync": "Box",
    "sync.com": "Sync.com", "pcloud": "pCloud", "surfdrive": "SURFdrive",
}


def location_warning(path: Path) -> str | None:
    """A Dutch warning when ``path`` lies in a synced or network folder, else ``None``.

    A sync service or a network share can copy or lock the database while it is open, which
    can damage it; Wijkapp still works there, but says so.
    """
    resolved = Path(os.path.abspath(path))
    text = str(resolved).replace("\\", "/")
    lowered = text.lower()
    parts = [p.lower() for p in resolved.parts]
    for name, service in SYNCED_FOLDER_NAMES.items():
        if any(part == name or part.startswith(name + " -") or part.startswith(name + "-")
               for part in parts) or f"/{name}/" in lowered:
            return (
                f"Het bestand staat in een map die wordt gesynchroniseerd ({service}). "
                "Dat kan het bestand beschadigen terwijl Wijkapp open is. Zet het liever in "
                "een gewone map op deze computer en maak reservekopieën."
            )
    if text.startswith("//") or text.startswith("\\\\"):
        return (
            "Het bestand staat op een netwerkschijf. Als de verbinding wegvalt, kan het "
            "bestand beschadigen. Zet het liever op deze computer zelf."
        )
    if os.name == "posix":
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
        except OSError:
            mounts = []
        best = ("", "")
        for line in mounts:
            fields = line.split()
            if len(fields) >= 3 and text.startswith(fields[1]) and len(fields[1]) > len(best[0]):
                best = (fields[1], fields[2])
        if best[1] in ("nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p"):
            return (
                "Het bestand staat op een netwerkschijf. Als de verbinding wegvalt, kan het "
                "bestand beschadigen. Zet het liever op deze computer zelf."
            )
    return None
