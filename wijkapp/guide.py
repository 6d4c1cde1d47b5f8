"""The user guide shipped with the app: the handleiding and the "Hoe doe ik…?" pages.

Pages are Markdown files in ``resources/guide/<language>/<name>.md`` (found by the one
resources helper, so they travel in the wheel and the frozen bundle). A page links to
another by its file name (``[Notuleren](notuleren.md)``). The UI words a page cites are
written in bold (``**Nieuwe vergadering**``, ``**Bestand → Exporteren…**``) so a test can
check that they still exist in the app. A page missing in English falls back to Dutch.
"""

from __future__ import annotations

import re
from pathlib import Path

from .i18n import language as current_language
from .paths import resource_path

MANUAL = "handleiding"
INDEX = "hoe-doe-ik"
#: The "Hoe doe ik…?" pages, in the order of the list.
TASKS = (
    "vergadering-plannen",
    "notuleren",
    "besluit-of-actiepunt",
    "verzoek-volgen",
    "verslag-en-samenvatting",
    "reservekopie-terugzetten",
    "delen-met-het-bestuur",
    "nieuw-bestuurslid",
)
PAGES = (MANUAL, INDEX, *TASKS)

_STEP = re.compile(r"^\d+\.\s+")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
#: Keys and key combinations cited in bold (``**Ctrl+E**``, ``**F5**``, ``**Esc**``).
KEYS = re.compile(r"^((Ctrl|Alt|Shift)\+\S+|F\d{1,2}|Esc|Tab|Enter|Delete|Ctrl\+\+)$")


def is_page_name(name: str) -> bool:
    """``True`` for a page's file name without ``.md`` (lower case, digits, dashes)."""
    return bool(_NAME.match(name))


def page_path(name: str, language: str | None = None) -> Path:
    """The file of page ``name`` in ``language`` (default: the UI's), else the Dutch one.

    Raises ``FileNotFoundError`` for an unknown or malformed name (never leaves the folder).
    """
    if not is_page_name(name):
        raise FileNotFoundError(name)
    for lang in dict.fromkeys((language or current_language(), "nl")):
        path = resource_path("guide", lang, f"{name}.md")
        if path.is_file():
            return path
    raise FileNotFoundError(name)


def read_page(name: str, language: str | None = None) -> str:
    """The Markdown text of a page (see :func:`page_path`)."""
    return page_path(name, language).read_text(encoding="utf-8")


def page_title(markdown: str) -> str:
    """The text of the page's first ``# `` heading ('' when there is none)."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def link_target(href: str) -> str | None:
    """The page a link points to (``notuleren.md`` → ``notuleren``); ``None`` for others."""
    href = href.split("#", 1)[0]
    if not href.endswith(".md") or "/" in href or "\\" in href:
        return None
    name = href[: -len(".md")]
    return name if is_page_name(name) else None


def links(markdown: str) -> list[str]:
    """Every link target written in the page, in order."""
    return _LINK.findall(markdown)


def cited_names(markdown: str) -> list[str]:
    """The UI words a page cites: its bold spans, menu paths split at ``→``, keys left out."""
    names = []
    for span in _BOLD.findall(markdown):
        for part in span.split("→"):
            part = " ".join(part.split())
            if part and not KEYS.match(part):
                names.append(part)
    return names


def ui_form(text: str) -> str:
    """A UI string as a page cites it: no ``&`` accelerator, step number (``1. ``), arrow,
    trailing ``…`` or ``:``."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = _STEP.sub("", " ".join(text.split()))
    return text.strip("←→ ").rstrip(":").rstrip("…").rstrip()
