"""Verified backups with SQLite's backup API, thinned daily/weekly/monthly, and restore."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DamagedDatabaseError, StorageError, WriteFailedError
from .storage import (
    BUSY_TIMEOUT_MS,
    acquire_lock,
    backup_to,
    check_header,
    quick_check,
    write_state,
)

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
            f"De map voor reservekopieën kan niet worden gemaakt ({error.strerror})."
        ) from None
    final = folder / f"{ws.path.stem}-{now:%Y%m%d-%H%M%S}.sqlite"
    number = 1
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
        raise WriteFailedError(
            f"De reservekopie is niet gelukt ({error}). Uw gegevens zijn niet veranderd; "
            "controleer of er ruimte op de schijf is."
        ) from None
    thin(ws.path, now)
    return final


def thin(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups no rule keeps; return the deleted paths.

    Kept: the newest :data:`KEEP_LATEST`, and the newest backup of each of the last
    12 days, 10 weeks and 12 months that have one.
    """
    now = now or dt.datetime.now()
    backups = list_backups(db_path)
    keep: set[Path] = {b.path for b in backups[:KEEP_LATEST]}
    seen_days: set[dt.date] = set()
    seen_weeks: set[tuple[int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for backup in backups:  # newest first: the first of each period is its newest
        day = backup.taken_at.date()
        iso = day.isocalendar()
        week = (iso[0], iso[1])
        month = (day.year, day.month)
        if day not in seen_days and len(seen_days) < KEEP_DAYS:
            seen_days.add(day)
            keep.add(backup.path)
        if week not in seen_weeks and len(seen_weeks) < KEEP_WEEKS:
            seen_weeks.add(week)
            keep.add(backup.path)
        if month not in seen_months and len(seen_months) < KEEP_MONTHS:
            seen_months.add(month)
            keep.add(backup.path)
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


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


def restore(backup: Path, db_path: Path) -> Path | None:
    """Put ``backup`` back as ``db_path``.

    The backup is verified first. The current file (healthy or damaged) is moved
    aside, never overwritten; its new name is returned (``None`` when there was none).
    Refuses while another Wijkapp has the file open.
    """
    backup = Path(backup)
    db_path = Path(db_path)
    if not backup.is_file():
        raise StorageError(f"De reservekopie '{backup}' bestaat niet.")
    check_header(backup)
    try:
        quick_check(backup)
    except DamagedDatabaseError:
        raise DamagedDatabaseError(
            f"De reservekopie '{backup.name}' is zelf beschadigd; kies een andere."
        ) from None
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(db_path)
    try:
        aside = None
        if db_path.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = db_path.with_name(f"{db_path.stem}.voor-terugzetten-{stamp}{db_path.suffix}")
            for suffix in ("", "-wal", "-shm"):
                side = db_path.with_name(db_path.name + suffix)
                if side.exists():
                    os.replace(side, aside.with_name(aside.name + suffix))
        source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            backup_to(source, db_path)
        finally:
            source.close()
        quick_check(db_path)
    finally:
        lock.release()
    return aside
