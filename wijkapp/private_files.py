"""Files Wijkapp keeps are private: the files beside the database 0600, its folders 0700.

A file made by an older version, copied in, or restored with a loose mode (0644: readable by
every user of the computer) is tightened when the database is opened. Best effort: on a
file system without POSIX modes (FAT, a Windows share) nothing can be done, and nothing fails.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Folders beside the database (``<stem>-bijlagen``, ``<stem>-reservekopieen``).
SIDE_FOLDERS = ("-bijlagen", "-reservekopieen")
SIDE_FILES = ("-wal", "-shm", "-journal", ".lock", ".status")


def _chmod(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        info = os.lstat(path)
        if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) != mode:
            os.chmod(path, mode)
    except OSError:
        pass


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) when missing and make it 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _chmod(folder, 0o700)
    return folder


def make_side_folders_private(db: Path) -> None:
    """Make the files beside the database 0600 and its folders 0700.

    (The database itself is made 0600 by :func:`wijkapp.database_file.make_private`.)
    """
    db = Path(db)
    for suffix in SIDE_FILES:
        side = db.with_name(db.name + suffix)
        if side.exists():
            _chmod(side, 0o600)
    for suffix in SIDE_FOLDERS:
        folder = db.with_name(db.stem + suffix)
        if folder.is_dir():
            _chmod(folder, 0o700)
