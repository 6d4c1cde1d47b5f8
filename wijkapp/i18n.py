"""gettext for Wijkapp: Dutch first (the source strings are Dutch), English selectable.

``_`` translates now, ``N_`` marks a string for extraction only. Catalogs live in
``resources/locale/<lang>/LC_MESSAGES/wijkapp.po``; the ``.mo`` files are built from
them (``python dev.py translations``), never committed.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from .paths import resources_dir

DOMAIN = "wijkapp"
LANGUAGES = {"nl": "Nederlands", "en": "English"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "nl"


def locale_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/wijkapp.mo``."""
    return resources_dir() / "locale"


def set_language(language: str) -> None:
    """Switch the UI language (``nl`` or ``en``); Dutch needs no catalog."""
    global _translation, _language
    if language not in LANGUAGES:
        language = "nl"
    _language = language
    if language == "nl":
        _translation = gettext.NullTranslations()
        return
    mo = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if _stale(mo):  # missing, or older than the .po it is built from (a source checkout)
        compile_catalog(language)
    _translation = gettext.translation(DOMAIN, str(locale_dir()), [language], fallback=True)


def _stale(mo: Path) -> bool:
    """``True`` when ``mo`` is missing or older than its ``.po``."""
    try:
        built = mo.stat().st_mtime
    except OSError:
        return True
    try:
        return mo.with_suffix(".po").stat().st_mtime > built
    except OSError:
        return False


def language() -> str:
    """The current UI language code."""
    return _language


def compile_catalog(language: str) -> Path | None:
    """Build ``wijkapp.mo`` from the ``.po`` with babel; ``None`` when there is no ``.po``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.exists():
        return None
    mo = po.with_suffix(".mo")
    with open(po, "rb") as handle:
        catalog = read_po(handle, locale=language)
    try:
        with open(mo, "wb") as handle:
            write_mo(handle, catalog)
    except OSError:
        return None
    return mo


def _(message: str) -> str:
    """Translate ``message`` (Dutch source text) to the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate with a plural form."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message
