"""Which storage failure it is, in one Dutch sentence: damage, a full or failing disk, a lock.

A full disk, an I/O error or a busy file is never called damage: the file itself may be
perfectly healthy (DESIGN.md §5).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import (
    DamagedDatabaseError,
    DiskError,
    DiskFullError,
    ReadOnlyError,
    StorageError,
    WorkspaceLockedError,
)
from .i18n import _


def damaged(path: Path, detail: str = "") -> DamagedDatabaseError:
    """The error for a damaged file, in one Dutch sentence."""
    extra = f" ({detail})" if detail else ""
    return DamagedDatabaseError(
        _("'{file}' is beschadigd{extra}. Het bestand is niet veranderd; "
        "zet een reservekopie terug (Bestand → Reservekopieën, of 'wijkapp restore').").format(file=path.name, extra=extra)
    )


#: SQLite result codes that mean the disk, not the file, is the problem.
_DISK_CODES = {
    3: "perm", 5: "busy", 6: "busy", 7: "nomem", 8: "readonly", 10: "io", 13: "full",
    14: "cantopen", 15: "protocol", 22: "nolfs",
}
#: SQLite result codes that mean the file's content is damaged (or not a database).
_DAMAGE_CODES = {11, 26}


def disk_problem(path: Path, error: BaseException) -> StorageError:
    """The Dutch error for a full disk, a failing disk or a busy/locked file.

    These are never called damage: the file itself may be perfectly healthy.
    """
    text = str(error).lower()
    code = getattr(error, "sqlite_errorcode", None)
    basic = code & 0xFF if isinstance(code, int) else None
    errno = getattr(error, "errno", None)
    if basic == 13 or "full" in text or errno == 28 or _nearly_full(path):  # SQLITE_FULL, ENOSPC
        return DiskFullError(
            _("De schijf is vol: Wijkapp kan '{file}' nu niet gebruiken. Het bestand is "
            "niet beschadigd en niet veranderd. Maak ruimte vrij (verwijder of verplaats "
            "grote bestanden, leeg de prullenbak) en probeer het opnieuw.").format(file=path.name)
        )
    if basic in (5, 6) or "locked" in text or "busy" in text:
        return WorkspaceLockedError(
            _("'{file}' is even bezet door een ander programma. Het bestand is niet "
            "veranderd; probeer het over een paar seconden opnieuw.").format(file=path.name)
        )
    if basic in (3, 8) or errno in (1, 13, 30):  # EPERM, EACCES, EROFS
        return ReadOnlyError(
            _("Wijkapp mag '{file}' niet lezen of schrijven. Controleer de rechten van "
            "het bestand, of of de USB-stick op 'alleen lezen' staat.").format(file=path.name)
        )
    return DiskError(
        _("De schijf met '{file}' gaf een fout bij het lezen of schrijven ({error}). "
        "Het bestand is niet veranderd. Is de USB-stick of netwerkschijf nog aangesloten? "
        "Probeer het opnieuw; lukt het niet, laat de schijf dan nakijken.").format(file=path.name, error=error)
    )


def _nearly_full(path: Path) -> bool:
    """True when the disk of ``path`` has (almost) no room left: SQLite then reports I/O errors."""
    import shutil

    try:
        return shutil.disk_usage(path.parent if not path.is_dir() else path).free < 1_000_000
    except OSError:
        return False


def sqlite_problem(path: Path, error: sqlite3.Error) -> StorageError:
    """Damage for a corrupt file, :func:`disk_problem` for everything else."""
    code = getattr(error, "sqlite_errorcode", None)
    basic = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if basic in _DAMAGE_CODES or (basic is None and ("malformed" in text or "not a database" in text)):
        return damaged(path, str(error))
    if basic in _DISK_CODES or basic is None:
        if basic is None and not any(w in text for w in ("disk", "full", "locked", "busy",
                                                         "readonly", "unable to open")):
            return damaged(path, str(error))
        return disk_problem(path, error)
    return damaged(path, str(error))
