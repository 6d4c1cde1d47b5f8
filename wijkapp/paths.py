"""Where things live: shipped resources and the user's data.

One helper finds ``resources/`` from the source tree, an installed wheel (where the
build puts it at ``wijkapp/_resources``) and a frozen PyInstaller bundle (``resources``
next to the executable's unpacked files).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Wijkapp"
DB_FILENAME = "wijkapp.sqlite"


def resources_dir() -> Path:
    """Return the folder that holds the shipped resources (fonts, word lists, templates)."""
    candidates = []
    override = os.environ.get("WIJKAPP_RESOURCES")
    if override:
        candidates.append(Path(override))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here / "_resources")  # installed wheel
    candidates.append(here.parent / "resources")  # source tree
    for candidate in candidates:
        if (candidate / "RESOURCES").is_file():
            return candidate
    raise FileNotFoundError(
        "De bestanden van Wijkapp (map 'resources') zijn niet gevonden; installeer Wijkapp opnieuw."
    )


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """The per-user data folder (never a synced folder by default)."""
    override = os.environ.get("WIJKAPP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    """The database used when no ``--db`` is given."""
    return user_data_dir() / DB_FILENAME
