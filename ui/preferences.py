"""App preferences (not board data): text size, language, last database.

Stored as JSON in the per-user config folder (platformdirs), or in ``$WIJKAPP_CONFIG_DIR``
when set (tests, portable installs). A missing or unreadable file gives the defaults; a
value out of range is clamped, never an error.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import platformdirs

from wijkapp.i18n import LANGUAGES
from wijkapp.paths import APP_NAME

TEXT_SIZES = (100, 125, 150, 175, 200)
MIN_TEXT_SIZE = 100
MAX_TEXT_SIZE = 200
FILENAME = "voorkeuren.json"


@dataclass
class Preferences:
    """What the app remembers between runs."""

    text_size: int = 100
    language: str = "nl"
    last_database: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Preferences:
        """Build from stored JSON, clamping and ignoring unknown or bad values."""
        prefs = cls()
        size = data.get("text_size")
        if isinstance(size, int) and not isinstance(size, bool):
            prefs.text_size = clamp_text_size(size)
        lang = data.get("language")
        if lang in LANGUAGES:
            prefs.language = lang
        last = data.get("last_database")
        if isinstance(last, str) and last:
            prefs.last_database = last
        return prefs


def clamp_text_size(percent: int) -> int:
    """Keep the text size between 100 and 200 %."""
    return max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, int(percent)))


def config_dir() -> Path:
    """The folder holding the preferences file."""
    override = os.environ.get("WIJKAPP_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


def preferences_path() -> Path:
    """The preferences file."""
    return config_dir() / FILENAME


def load() -> Preferences:
    """The stored preferences, or the defaults."""
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    return Preferences.from_dict(data) if isinstance(data, dict) else Preferences()


def save(prefs: Preferences) -> bool:
    """Write the preferences (atomically); ``False`` when the folder cannot be written."""
    path = preferences_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(prefs), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        return False
    return True
