"""Dutch words, dates and numbers for every export, through babel (never by hand).

All functions are pure: ``long_date(date(2026, 12, 3))`` is ``"donderdag 3 december 2026"``,
``money(1234.5)`` is ``"€ 1.234,50"`` with a no-break space, ``short_date`` gives the
``dd-mm-jjjj`` form Excel with Dutch settings reads as a date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from ..base import BIDI_CONTROLS
from ..timeutil import TZ

LOCALE = "nl_NL"

#: Agenda item kinds as printed on the agenda.
KIND_LABELS = {
    "informing": "ter informatie",
    "discussing": "ter bespreking",
    "deciding": "ter besluitvorming",
}
ACTION_STATUS_LABELS = {"open": "open", "done": "afgerond", "cancelled": "vervallen"}
REVIEW_OUTCOME_LABELS = {
    "done": "afgerond",
    "postponed": "uitgesteld",
    "kept": "blijft staan",
    "cancelled": "vervallen",
}
MEETING_STATUS_LABELS = {"planned": "gepland", "held": "gehouden", "cancelled": "afgelast"}
REQUEST_KIND_LABELS = {"request": "verzoek", "signal": "signaal"}
REQUEST_STATUS_LABELS = {
    "draft": "concept",
    "sent": "verstuurd",
    "answered": "beantwoord",
    "closed": "afgesloten",
}
ORGANISATION_KIND_LABELS = {
    "municipality": "gemeente",
    "partner": "partner",
    "residents": "bewonersgroep",
    "care": "zorg en welzijn",
    "police": "politie",
    "other": "overig",
}
OVERDUE_LABEL = "te laat"


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)


def long_date(day: dt.date) -> str:
    """``donderdag 3 december 2026``."""
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


def long_datetime(moment: dt.datetime) -> str:
    """``donderdag 3 december 2026, 19:30`` (Amsterdam time)."""
    return format_datetime(_aware(moment), "EEEE d MMMM y, HH:mm", tzinfo=TZ, locale=LOCALE)


def short_date(day: dt.date | None) -> str:
    """``03-12-2026`` (dd-mm-jjjj); ``""`` for no date.

    Digits and dashes only, the same in every locale, so no babel lookup: lists print
    thousands of these.
    """
    if not day:
        return ""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def clock(moment: dt.datetime | None) -> str:
    """``19:30`` in Amsterdam time; ``""`` for no time."""
    return _aware(moment).strftime("%H:%M") if moment else ""


def money(amount: float | Decimal) -> str:
    """``€ 1.234,50`` (no-break space after the euro sign)."""
    return str(format_currency(amount, "EUR", locale=LOCALE))


def number(value: float | int | Decimal) -> str:
    """``1.234,5``: Dutch thousands and decimal separators."""
    return str(format_decimal(value, locale=LOCALE))


def times_postponed(count: int) -> str:
    """``""`` for never, else ``"1 keer"``, ``"3 keer"``."""
    return f"{count} keer" if count else ""


def slot_label(start: dt.datetime, end: dt.datetime | None) -> str:
    """``19:30–19:45``, or just ``19:30`` when the length is unknown."""
    return f"{clock(start)}–{clock(end)}" if end else clock(start)


def time_slots(
    start: dt.datetime, minutes: list[int | None]
) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """Start and end of each agenda item, counted on from the meeting's start.

    An item without minutes gets its start only and takes no time.
    """
    slots: list[tuple[dt.datetime, dt.datetime | None]] = []
    current = start
    for length in minutes:
        if length:
            end = current + dt.timedelta(minutes=length)
            slots.append((current, end))
            current = end
        else:
            slots.append((current, None))
    return slots


_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(stem: str, suffix: str = "", limit: int = 150) -> str:
    """``stem + suffix`` as a file name Windows, macOS and Linux all accept.

    Keeps ĳ and é; drops emoji and control characters; forbidden characters
    (``<>:"/\\|?*``) become spaces, runs of spaces collapse, trailing dots go, reserved
    device names (``CON``, ``NUL``...) get an underscore, and the stem is cut at ``limit``.
    """
    kept = []
    for char in stem:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif not (category.startswith("C") or category == "So" or ord(char) >= 0x1F000):
            kept.append(char)
    cleaned = re.sub(r"\s+", " ", _FORBIDDEN.sub(" ", "".join(kept))).strip(" .")
    cleaned = cleaned[:limit].rstrip(" .") or "Wijkapp-export"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned + suffix


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str | None) -> str:
    """Text without the characters XML 1.0 forbids and without bidirectional controls
    (U+202A–U+202E, U+2066–U+2069, which could reverse our own words around the user's);
    everything else kept."""
    return BIDI_CONTROLS.sub("", _XML_INVALID.sub("", text or ""))
