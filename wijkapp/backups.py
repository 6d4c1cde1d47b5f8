"""Verified backups with SQLite's backup API, thinned daily/weekly/monthly, and restore."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .database_file import (
    BUSY_TIMEOUT_MS,
    acquire_lock,
    backup_to,
    check_header,
    check_known_schema,
    fsync_dir,
    fsync_file,
    quick_check,
    write_state,
)
from .errors import DamagedDatabaseError, DiskError, DiskFullError, StorageError, WriteFailedError
from .file_errors import disk_problem, sqlite_problem
from .i18n import _

if TYPE_CHECKING:
    from .workspace import Workspace

KEEP_LATEST = 5
KEEP_DAYS = 12
KEEP_WEEKS = 10
KEEP_MONTHS = 12
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and when it was taken."""

    path: Path
    taken_at: dt.datetime
    size: int


def backup_dir(db_path: Path) -> Path:
    """The folder of backups beside the database: ``<stem>-reservekopieen``."""
    return db_path.with_name(db_path.stem + "-reservekopieen")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this database, newest first."""
    folder = backup_dir(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and match["stem"] == db_path.stem:
                taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
                taken += dt.timedelta(microseconds=int(match["n"] or 0))  # keeps the order
                found.append(BackupInfo(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(ws: Workspace, now: dt.datetime | None = None) -> Path:
    """Copy the open database into the backup folder, verify the copy, thin old ones."""
    now = now or dt.datetime.now()
    folder = backup_dir(ws.path)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise WriteFailedError(
            _("De map voor reservekopieën kan niet worden gemaakt ({reason}).").format(reason=error.strerror)
        ) from None
    final = folder / f"{ws.path.stem}-{now:%Y%m%d-%H%M%S}.sqlite"
    number = 1
    # trustb: after the highest number of this second, never a freed lower one (which would
    # sort older, be thinned at once, and make_backup would return a deleted file).
    same_second = [int(m["n"] or 1) for p in folder.iterdir() if (m := _NAME.match(p.name))
                   and m["stem"] == ws.path.stem and m["stamp"] == f"{now:%Y%m%d-%H%M%S}"]
    if same_second:
        number = max(same_second) + 1
        final = folder / f"{ws.path.stem}-{now:%Y%m%d-%H%M%S}-{number}.sqlite"
    while final.exists():  # two backups in one second: number the later one
        number += 1
        final = folder / f"{ws.path.stem}-{now:%Y%m%d-%H%M%S}-{number}.sqlite"
    partial = final.with_suffix(".deel")
    partial.unlink(missing_ok=True)
    # Cleared before the copy: a change saved while copying marks the file changed again.
    ws.store.changed_since_backup = False
    write_state(ws.path, changed_since_backup=False)
    try:
        # A read-only connection of its own reads one consistent snapshot (WAL), so the
        # app's connection stays free for typing while the copy is made.
        source = sqlite3.connect(
            ws.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            backup_to(source, partial)
        finally:
            source.close()
        quick_check(partial)
        os.replace(partial, final)
    except (OSError, sqlite3.Error, StorageError) as error:
        partial.unlink(missing_ok=True)
        ws.store.changed_since_backup = True
        write_state(ws.path, changed_since_backup=True)
        problem = (error if isinstance(error, StorageError)
                   else sqlite_problem(partial, error) if isinstance(error, sqlite3.Error)
                   else disk_problem(partial, error))
        if isinstance(problem, DiskFullError):
            raise DiskFullError(
                _("De reservekopie is niet gelukt: de schijf is vol. Uw gegevens zijn niet "
                "veranderd; maak ruimte vrij, dan maakt Wijkapp de kopie later vanzelf.")
            ) from None
        raise WriteFailedError(
            _("De reservekopie is niet gelukt ({error}). Uw gegevens zijn niet veranderd; "
            "controleer of er ruimte op de schijf is.").format(error=error)
        ) from None
    thin(ws.path, now)
    return final


def thin(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups no rule keeps; return the deleted paths.

    Kept: the newest :data:`KEEP_LATEST`, and the newest backup of each of the last
    12 days, 10 weeks and 12 months that have one.
    """
    backups = list_backups(db_path)
    keep = _kept_by_rules([(b.path, b.taken_at) for b in backups])
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def _kept_by_rules(copies: list[tuple[Path, dt.datetime]]) -> set[Path]:
    """Which of ``copies`` (newest first) the thinning rules keep."""
    keep: set[Path] = {path for path, _taken in copies[:KEEP_LATEST]}
    seen_days: set[dt.date] = set()
    seen_weeks: set[tuple[int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for path, taken in copies:  # newest first: the first of each period is its newest
        day = taken.date()
        iso = day.isocalendar()
        week = (iso[0], iso[1])
        month = (day.year, day.month)
        if day not in seen_days and len(seen_days) < KEEP_DAYS:
            seen_days.add(day)
            keep.add(path)
        if week not in seen_weeks and len(seen_weeks) < KEEP_WEEKS:
            seen_weeks.add(week)
            keep.add(path)
        if month not in seen_months and len(seen_months) < KEEP_MONTHS:
            seen_months.add(month)
            keep.add(path)
    return keep


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes ``quick_check`` (read-only), if any."""
    for backup in list_backups(db_path):
        try:
            check_header(backup.path)
            quick_check(backup.path)
        except StorageError:
            continue
        return backup
    return None


def backup_if_changed(ws: Workspace, now: dt.datetime | None = None) -> Path | None:
    """Back up when something was saved since the last backup (start-up, timer and close).

    Wijkapp's own commits set the flag (kept in the state file beside the database, so it
    survives a restart); a file without backups is always backed up.
    """
    if list_backups(ws.path) and not ws.store.changed_since_backup:
        return None
    return make_backup(ws, now)


#: Copies of the database Wijkapp keeps beside it: before a restore, before an update.
_ASIDE = re.compile(
    r"^(?P<stem>.+)\.(?P<why>voor-terugzetten|voor-bijwerken)-(?P<stamp>\d{8}-\d{6})"
    r"(?:-(?P<n>\d+))?(?P<suffix>\.[^.]+)?$"
)
ASIDE_REASONS = {"voor-terugzetten": "voor het terugzetten", "voor-bijwerken": "voor het bijwerken"}


@dataclass(frozen=True)
class KeptAside:
    """A copy of the database kept aside (before a restore or an update)."""

    path: Path
    taken_at: dt.datetime
    size: int
    reason: str  # "voor-terugzetten" or "voor-bijwerken"


def list_kept_aside(db_path: Path) -> list[KeptAside]:
    """The kept-aside copies of this database, newest first."""
    found = []
    if db_path.parent.is_dir():
        for path in db_path.parent.iterdir():
            match = _ASIDE.match(path.name)
            if not match or match["stem"] != db_path.stem or path.name.endswith(("-wal", "-shm")):
                continue
            if (match["suffix"] or "") != db_path.suffix:
                continue
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            taken += dt.timedelta(microseconds=int(match["n"] or 0))
            found.append(KeptAside(path, taken, path.stat().st_size, match["why"]))
    return sorted(found, key=lambda k: k.taken_at, reverse=True)


def aside_name(db_path: Path, why: str, now: dt.datetime | None = None) -> Path:
    """A name for a kept-aside copy that no earlier copy has (never overwrites one)."""
    stamp = f"{(now or dt.datetime.now()):%Y%m%d-%H%M%S}"
    number = 1
    while True:
        tail = f"-{number}" if number > 1 else ""
        candidate = db_path.with_name(f"{db_path.stem}.{why}-{stamp}{tail}{db_path.suffix}")
        taken = any(candidate.with_name(candidate.name + s).exists() for s in ("", "-wal", "-shm"))
        if not taken:
            return candidate
        number += 1


def thin_kept_aside(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete kept-aside copies no rule keeps (the same rules as backups: at most a year)."""
    copies = list_kept_aside(db_path)
    keep = _kept_by_rules([(c.path, c.taken_at) for c in copies])
    deleted = []
    for copy in copies:
        if copy.path not in keep:
            for suffix in ("", "-wal", "-shm"):
                copy.path.with_name(copy.path.name + suffix).unlink(missing_ok=True)
            deleted.append(copy.path)
    return deleted


def validate_backup(backup: Path) -> None:
    """Refuse a file that is not a healthy Wijkapp database this version can open."""
    if not backup.is_file():
        raise StorageError(_("De reservekopie '{backup}' bestaat niet.").format(backup=backup))
    check_header(backup)
    if backup.stat().st_size == 0:
        raise StorageError(_("'{name}' is leeg; dat is geen reservekopie.").format(name=backup.name))
    try:
        quick_check(backup)
    except DamagedDatabaseError:
        raise DamagedDatabaseError(
            _("De reservekopie '{name}' is zelf beschadigd; kies een andere.").format(name=backup.name)
        ) from None
    check_known_schema(backup, required=True)


def restore(backup: Path, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Put ``backup`` back as ``db_path``; returns where the current file was kept.

    The backup is verified first (healthy, Wijkapp's, not newer). It is copied to a
    temporary file beside the database, flushed to disk and checked; only then is the
    current file (healthy or damaged) kept aside under a name never used before, and the
    copy renamed into place. A full disk or a crash at any moment leaves the current file
    or the restored one, never an empty or half file. Refuses while another Wijkapp has the
    file open, and refuses to restore a file onto itself.
    """
    backup = Path(backup)
    db_path = Path(db_path)
    validate_backup(backup)
    if db_path.exists() and _same_file(backup, db_path):
        raise StorageError(
            _("'{name}' is het bestand zelf, geen reservekopie. Er is niets veranderd; "
            "kies een reservekopie uit de map met reservekopieën.").format(name=backup.name)
        )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(db_path)
    aside: Path | None = None
    try:
        temp = _copy_to_temp(backup, db_path)
        try:
            if db_path.exists():
                aside = aside_name(db_path, "voor-terugzetten", now)
                _keep_aside(db_path, aside)
            os.replace(temp, db_path)
            fsync_dir(db_path.parent)
        finally:
            temp.unlink(missing_ok=True)
        write_state(db_path, clean_close=False, full_check=None)
    finally:
        lock.release()
    thin_kept_aside(db_path, now)
    return aside


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _copy_to_temp(backup: Path, db_path: Path) -> Path:
    """A verified copy of ``backup`` under a temporary name beside ``db_path``."""
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.terugzetten-", dir=db_path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        os.chmod(temp, 0o600)
        source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(str(temp))
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        finally:
            source.close()
        fsync_file(temp)
        quick_check(temp)
    except sqlite3.Error as error:
        temp.unlink(missing_ok=True)
        raise _restore_failed(sqlite_problem(db_path, error)) from None
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _restore_failed(disk_problem(db_path, error)) from None
    except StorageError as error:
        temp.unlink(missing_ok=True)
        raise _restore_failed(error) from None
    return temp


def _restore_failed(error: StorageError) -> StorageError:
    """Say that nothing changed, in the words of the underlying problem."""
    kind = type(error) if isinstance(error, DiskError) else WriteFailedError
    return kind(f"Terugzetten is niet gelukt; het huidige bestand is niet veranderd. {error}")


def _keep_aside(db_path: Path, aside: Path) -> None:
    """Keep the current file (with its -wal and -shm) under ``aside``; the current file stays.

    A hard link costs no space; where links are impossible (FAT sticks) the bytes are
    copied. The -wal and -shm files move with it so they are never applied to the
    restored file.
    """
    try:
        os.link(db_path, aside)
    except OSError:
        try:
            shutil.copyfile(db_path, aside)
            fsync_file(aside)
        except OSError as error:
            aside.unlink(missing_ok=True)
            raise _restore_failed(disk_problem(db_path, error)) from None
    os.chmod(aside, 0o600)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    fsync_dir(db_path.parent)
