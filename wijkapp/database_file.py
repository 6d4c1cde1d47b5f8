"""Opening and guarding the one database file safely (DESIGN.md §5).

Reads, writes and undo on the open connection are :mod:`wijkapp.transactions`.

WAL with ``synchronous=FULL``, foreign keys on, a busy timeout, mode 0600, a lock
file so a second process gets a clear message, and ``quick_check`` on a read-only
connection *before* anything can write, so a damaged file is never touched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat as stat_mode
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout

from . import schema
from .errors import (
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    WorkspaceLockedError,
)
from .file_errors import damaged, disk_problem, sqlite_problem
from .i18n import _
from .private_files import make_side_folders_private

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def lock_path(path: Path) -> Path:
    """The lock file that marks ``path`` as in use by one Wijkapp."""
    return path.with_name(path.name + ".lock")


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases, without changing them.

    A folder, a pipe or a device is refused before it is opened (opening a pipe would
    wait for ever).
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise disk_problem(path, error) from None
    if stat_mode.S_ISDIR(mode):
        raise NotADatabaseError(_("'{path}' is een map, geen Wijkapp-bestand.").format(path=path))
    if not stat_mode.S_ISREG(mode):
        raise NotADatabaseError(
            _("'{path}' is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat). "
            "Kies een Wijkapp-bestand.").format(path=path)
        )
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise ReadOnlyError(
            _("Wijkapp mag '{path}' niet lezen. Controleer de rechten van het bestand.").format(path=path)
        ) from None
    except OSError as error:
        raise disk_problem(path, error) from None
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            _("'{file}' is geen Wijkapp-bestand. Het bestand is niet veranderd; "
            "kies een ander bestand of maak een nieuw bestand.").format(file=path.name)
        )


def quick_check(path: Path) -> None:
    """Run ``PRAGMA quick_check`` read-only; raise when the file is damaged.

    A full or failing disk raises :class:`DiskError` instead: that is not damage.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from None
    except OSError as error:
        raise disk_problem(path, error) from None
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
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from None
    if [r[0] for r in rows] != ["ok"]:
        raise damaged(path)


def mark_closed(path: Path) -> None:
    """Record a clean close with the file's size and time, for the next light check."""
    try:
        stat = path.stat()
    except OSError:
        return
    write_state(path, clean_close=True, size=stat.st_size, mtime_ns=stat.st_mtime_ns)


def identity_lock_dir() -> Path:
    """A private folder of locks named after files' identities (device and inode).

    ``WIJKAPP_LOCK_DIR`` overrides it (tests); otherwise the user's cache folder.
    """
    override = os.environ.get("WIJKAPP_LOCK_DIR")
    if override:
        folder = Path(override)
    else:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("Wijkapp", appauthor=False)) / "sloten"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        folder = Path(tempfile.gettempdir()) / f"wijkapp-sloten-{_user_tag()}"
        folder.mkdir(exist_ok=True, mode=0o700)
    return folder


def _user_tag() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid else os.environ.get("USERNAME", "gebruiker")


class FileLocks:
    """The locks that keep one writer per database: by name, and by the file's identity.

    The name lock (``<file>.lock`` beside it) shows other programs the file is in use;
    the identity lock catches the same file reached through a hard link, a symbolic
    link or another spelling of its path.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._locks: list[FileLock] = []

    def acquire_name(self) -> None:
        """Take the lock beside the file."""
        self._take(lock_path(self.path))

    def acquire_identity(self) -> None:
        """Take the lock of the file's device and inode (the file must exist)."""
        try:
            info = os.stat(self.path)
        except OSError:
            return
        if not info.st_ino:  # a file system without stable identities: the name lock only
            return
        self._take(identity_lock_dir() / f"{info.st_dev:x}-{info.st_ino:x}.lock")

    def _take(self, where: Path) -> None:
        lock = FileLock(str(where), timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            self.release()
            raise WorkspaceLockedError(
                _("'{file}' is al geopend in een ander Wijkapp-venster of op een "
                "andere computer. Sluit dat eerst, of open een ander bestand.").format(file=self.path.name)
            ) from None
        except OSError as error:
            self.release()
            raise ReadOnlyError(
                _("Wijkapp kan in de map van '{file}' niet schrijven "
                "({reason}). Kies een map waarin u mag schrijven.").format(reason=error.strerror, file=self.path.name)
            ) from None
        self._locks.append(lock)

    def release(self) -> None:
        """Let go of every lock held (safe to call twice)."""
        while self._locks:
            self._locks.pop().release()


def acquire_lock(path: Path) -> FileLocks:
    """Take the per-file locks (name and, when the file exists, identity) or explain."""
    locks = FileLocks(path)
    locks.acquire_name()
    locks.acquire_identity()
    return locks


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
            _("Wijkapp kan '{path}' niet maken ({reason}). "
            "Kies een map waarin u mag schrijven.").format(path=path, reason=error.strerror)
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
        # As sqlite-utils' Database sets it (the connection was wrapped in one until the
        # import was left to migrations): a trigger's writes fire triggers too.
        conn.execute("PRAGMA recursive_triggers=ON")
    except sqlite3.Error as error:
        conn.close()
        raise sqlite_problem(path, error) from None
    if str(mode).lower() != "wal":
        conn.close()
        raise StorageError(_("'{file}' kan niet in de veilige schrijfmodus worden geopend.").format(file=path.name))
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


def is_half_made(path: Path) -> bool:
    """True for a file an interrupted first creation left: empty, or SQLite without tables.

    Such a file holds no data of the user, so Wijkapp may build it again.
    """
    try:
        if path.stat().st_size == 0:
            return True
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False
    return not names


def _remove_leftovers(path: Path) -> None:
    """Delete temporary files an interrupted creation or restore of ``path`` left behind.

    Called with the name lock held, so no other Wijkapp is making them right now.
    """
    for pattern in (f".{path.name}.nieuw-*", f".{path.name}.terugzetten-*"):
        for leftover in path.parent.glob(pattern):
            try:
                leftover.unlink()
            except OSError:
                pass


def _create_atomically(path: Path) -> None:
    """Make a new, fully migrated database at ``path`` in one rename.

    The file is built under a temporary name in the same folder, flushed to disk and
    only then renamed, so a crash leaves either no file or a whole one.
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.nieuw-", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        os.chmod(temp, 0o600)
        conn = connect(temp)
        try:
            schema.migrate(_sqlite_utils_database(conn))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        for suffix in ("-wal", "-shm"):
            temp.with_name(temp.name + suffix).unlink(missing_ok=True)
        fsync_file(temp)
        os.replace(temp, path)
        fsync_dir(path.parent)
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from None
    except OSError as error:
        raise disk_problem(path, error) from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            temp.with_name(temp.name + suffix).unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    """Flush a file's content to the disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk; a no-op where it cannot be done."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_private(path: Path) -> None:
    """Make an existing file readable by its owner only (an old 0644 file becomes 0600)."""
    try:
        if os.name != "nt" and stat_mode.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass


def _sqlite_utils_database(conn: sqlite3.Connection) -> Database:
    """A sqlite-utils ``Database`` over ``conn``, to run migrations (imported only then)."""
    from sqlite_utils import Database

    return Database(conn)


def open_database(path: Path) -> tuple[sqlite3.Connection, FileLocks]:
    """Open (or create) the database at ``path``, migrated to the current schema.

    Raises a :class:`StorageError` subclass with a Dutch sentence; an existing file
    that is not healthy is never written to. A new file appears whole or not at all.
    """
    path = Path(path)
    check_header(path)
    if path.exists():
        if not os.access(path, os.W_OK):
            raise ReadOnlyError(
                _("'{file}' is alleen-lezen. Kopieer het naar een map waarin u mag "
                "schrijven, of zet de rechten van het bestand goed.").format(file=path.name)
            )
    elif not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, mode=0o700)
        except OSError as error:
            raise ReadOnlyError(
                _("Wijkapp kan de map '{parent}' niet maken ({reason}).").format(parent=path.parent, reason=error.strerror)
            ) from None
    lock = FileLocks(path)
    lock.acquire_name()
    conn: sqlite3.Connection | None = None
    try:
        _remove_leftovers(path)
        existed = path.exists() and not is_half_made(path)
        if not existed:
            _create_atomically(path)
            write_state(path, full_check=dt.date.today().isoformat())
        lock.acquire_identity()
        make_private(path)
        make_side_folders_private(path)  # trustb (issue 11): attachments/backups folders 0700
        if existed:
            if needs_full_check(path):
                quick_check(path)
                write_state(path, full_check=dt.date.today().isoformat())
            else:
                light_check(path)
            check_known_schema(path)
        write_state(path, clean_close=False)
        conn = connect(path)
        _migrate(conn, path, existed)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.chmod(side, 0o600)
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise
    return conn, lock


def _migrate(conn: sqlite3.Connection, path: Path, existed: bool) -> None:
    """Apply pending migrations; an existing file is backed up first and kept on failure.

    A file that is up to date (every start but the first after an update) is checked on
    the plain connection: sqlite-utils is not even imported then.
    """
    if not schema.MIGRATIONS.pending_names(conn):
        return
    db = _sqlite_utils_database(conn)
    copy = None
    if existed and db["_sqlite_migrations"].exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.voor-bijwerken-{stamp}{path.suffix}")
        number = 1
        while target.exists():  # never overwrite an earlier copy
            number += 1
            target = path.with_name(f"{path.stem}.voor-bijwerken-{stamp}-{number}{path.suffix}")
        copy = backup_to(db.conn, target)
    try:
        schema.migrate(db)
    except Exception as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        kept = (" " + _("Een kopie van voor het bijwerken staat in '{file}'.").format(file=copy.name)
                if copy else "")
        raise StorageError(
            _("Het bijwerken van '{file}' naar deze versie van Wijkapp is mislukt ({error}). "
            "Het bestand is niet veranderd.{kept}").format(kept=kept, file=path.name, error=error)
        ) from None


def check_known_schema(path: Path, *, required: bool = False) -> None:
    """On a read-only connection: refuse other apps' databases and newer schemas.

    ``required``: also refuse an empty database (a backup must hold Wijkapp's tables).
    """
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
        if required or any(not t.startswith("sqlite_") for t in tables):
            raise NotADatabaseError(
                _("'{file}' is een database, maar niet van Wijkapp. "
                "Het bestand is niet veranderd.").format(file=path.name)
            )
        return
    known = set(schema.known_migrations())
    if applied - known:
        raise NewerSchemaError(
            _("'{file}' is gemaakt met een nieuwere versie van Wijkapp. "
            "Installeer de nieuwste versie om het te openen.").format(file=path.name)
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
            return _(
                "Het bestand staat in een map die wordt gesynchroniseerd ({service}). "
                "Dat kan het bestand beschadigen terwijl Wijkapp open is. Zet het liever in "
                "een gewone map op deze computer en maak reservekopieën."
            ).format(service=service)
    if text.startswith("//") or text.startswith("\\\\"):
        return _(
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
            return _(
                "Het bestand staat op een netwerkschijf. Als de verbinding wegvalt, kan het "
                "bestand beschadigen. Zet het liever op deze computer zelf."
            )
    return None
