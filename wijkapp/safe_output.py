"""Writing a file the user asked for (an export) without ever harming their data.

Two promises, used by every export of the CLI and the app:

* :func:`check_output_path` refuses a target that is a database (ours or any SQLite file),
  a file Wijkapp keeps beside its database (lock, status, ``-wal``, ``-shm``, ``-journal``),
  anything inside the backups or attachments folder, or a folder;
* :func:`write_atomic` lets a writer fill a temporary file in the target folder, fsyncs it and
  renames it into place, so a failed export never leaves half a file nor destroys the old one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import ValidationError, WriteFailedError
from .i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
#: Names of the files Wijkapp keeps beside a database (``wijkapp.sqlite.lock`` …).
_SIDE_SUFFIXES = (".lock", ".status", "-wal", "-shm", "-journal", ".wissingen")
#: Folders Wijkapp keeps beside a database (``<stem>-reservekopieen``, ``<stem>-bijlagen``).
_SIDE_FOLDERS = ("-reservekopieen", "-bijlagen")


def _is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, RuntimeError):
        return False


def check_output_path(out: Path | str, db: Path | None = None) -> Path:
    """Return ``out`` when an export may be written there; else a Dutch :class:`ValidationError`.

    ``db`` is the open database (its own file and the files beside it are refused even when
    they do not exist yet). Nothing is written or changed.
    """
    out = Path(out)
    refuse = _("Wijkapp schrijft daar niets; kies een andere bestandsnaam. Er is niets veranderd.")
    if out.is_dir():
        raise ValidationError(
            _("'{out}' is een map. Geef een bestandsnaam op, bijvoorbeeld '{pdf}'.").format(out=out, pdf=out / 'export.pdf')
        )
    if out.exists() and not out.is_file():  # a device (/dev/null), a pipe or a socket
        raise ValidationError(_("'{out}' is geen gewoon bestand. {refuse}").format(out=out, refuse=refuse))
    if os.path.lexists(out) and not out.exists():
        raise ValidationError(_("'{out}' verwijst naar een bestand dat niet bestaat. {refuse}").format(out=out, refuse=refuse))
    name = out.name.lower()
    if db is not None and Path(db).name:
        db = Path(db)
        if _same_file(out, db):
            raise ValidationError(_("'{out}' is het Wijkapp-bestand zelf. {refuse}").format(out=out, refuse=refuse))
        beside = [db.with_name(db.name + s) for s in _SIDE_SUFFIXES]
        if any(_same_file(out, side) for side in beside):
            raise ValidationError(_("'{out}' is een bestand dat Wijkapp zelf gebruikt. {refuse}").format(out=out, refuse=refuse))
    if _is_sqlite_file(out):
        raise ValidationError(_("'{out}' is een database. {refuse}").format(out=out, refuse=refuse))
    if name.endswith(_SIDE_SUFFIXES):
        raise ValidationError(_("'{out}' lijkt op een bestand dat Wijkapp zelf gebruikt. {refuse}").format(out=out, refuse=refuse))
    if _inside_side_folder(out, db):
        raise ValidationError(
            _("'{out}' ligt in de map met reservekopieën of bijlagen. {refuse}").format(out=out, refuse=refuse)
        )
    return out


def _inside_side_folder(out: Path, db: Path | None) -> bool:
    """True inside ``<stem>-reservekopieen`` or ``<stem>-bijlagen`` of a database beside it
    (a folder of the user that merely ends in "-bijlagen" is fine)."""
    try:
        parents = list(out.resolve().parents)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    for folder in parents:
        for suffix in _SIDE_FOLDERS:
            if not folder.name.endswith(suffix):
                continue
            stem = folder.name[: -len(suffix)]
            if db is not None and Path(db).name and Path(db).stem == stem and \
                    _same_file(folder.parent, Path(db).parent):
                return True
            try:
                siblings = [p for p in folder.parent.iterdir()
                            if p.is_file() and p.stem == stem]
            except OSError:
                siblings = []
            if any(_is_sqlite_file(sibling) for sibling in siblings):
                return True
    return False


def write_atomic(out: Path | str, write: Callable[[Path], None], db: Path | None = None,
                 *, make_folder: bool = False, check: bool = True) -> Path:
    """Let ``write(temp)`` fill a temporary file beside ``out``, fsync it, rename it to ``out``.

    Checks ``out`` with :func:`check_output_path` first. The file appears complete or not at
    all; an existing file is only replaced by a complete one. A missing folder is refused,
    or made when ``make_folder`` is true. Raises :class:`ValidationError`
    or :class:`WriteFailedError` with a Dutch sentence.
    """
    out = check_output_path(out, db) if check else Path(out)  # check=False: our own side files
    if make_folder:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
    if not out.parent.is_dir():
        raise ValidationError(_("De map '{parent}' bestaat niet; kies een andere map.").format(parent=out.parent))
    try:
        handle, temp_name = tempfile.mkstemp(dir=out.parent, prefix=".~wijkapp-", suffix=out.suffix)
        os.close(handle)
    except OSError:
        raise WriteFailedError(
            _("In de map '{parent}' kan niet worden geschreven; kies een andere map.").format(parent=out.parent)
        ) from None
    temp = Path(temp_name)
    try:
        write(temp)
        with open(temp, "rb+") as done:
            os.fsync(done.fileno())
        if out.exists():
            os.chmod(temp, out.stat().st_mode & 0o777)
        else:
            os.chmod(temp, 0o600)
        os.replace(temp, out)
        _fsync_folder(out.parent)
    except PermissionError:
        raise WriteFailedError(
            _("'{name}' kan niet worden opgeslagen; is het nog open in een ander programma? "
            "Sluit het en probeer het opnieuw.").format(name=out.name)
        ) from None
    except OSError as error:
        raise WriteFailedError(
            _("'{name}' is niet opgeslagen ({error}). "
            "Controleer of er ruimte is op de schijf. Een bestand dat er al stond, is niet veranderd.").format(name=out.name, error=error.strerror or error)
        ) from None
    finally:
        temp.unlink(missing_ok=True)
    return out


def write_text_atomic(out: Path | str, text: str, db: Path | None = None,
                      encoding: str = "utf-8", *, make_folder: bool = False,
                      check: bool = True) -> Path:
    """:func:`write_atomic` for a text file (no newline translation)."""
    data = text.encode(encoding)

    def write(path: Path) -> None:
        path.write_bytes(data)

    return write_atomic(out, write, db, make_folder=make_folder, check=check)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
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


def private_temp_folder(name: str = "afdrukken") -> Path:
    """A temporary folder only this user can enter (0700), e.g. for files to print.

    In the shared temp folder another user could have made the folder first (or a link in
    its place): such a folder is never used; a fresh private folder is made instead.
    """
    base = Path(tempfile.gettempdir())
    owner = os.getuid() if hasattr(os, "getuid") else None
    folder = base / (f"wijkapp-{name}-{owner}" if owner is not None else f"Wijkapp {name}")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
        import stat

        mine = owner is None or info.st_uid == owner
        if stat.S_ISDIR(info.st_mode) and not stat.S_ISLNK(info.st_mode) and mine:
            if os.name == "posix":
                os.chmod(folder, 0o700)
            return folder
    except OSError:
        pass
    try:
        return Path(tempfile.mkdtemp(prefix=f"wijkapp-{name}-"))
    except OSError:
        raise WriteFailedError(
            _("Wijkapp kan geen tijdelijke map maken om af te drukken. Maak ruimte vrij op de schijf.")
        ) from None
