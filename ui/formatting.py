"""Pure, Qt-free helpers that turn core values into the words a volunteer reads.

Dates go through babel in the current UI language (``donderdag 3 december 2026, 19:30``);
status and kind codes from the core become B1 Dutch labels. Nothing here touches Qt or
the database, so every function is tested table-driven.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime

from wijkapp.i18n import N_, _, language, ngettext
from wijkapp.timeutil import TZ, maybe_date, maybe_datetime

#: Agenda item kinds (core codes) and their labels.
KIND_LABELS = {
    "informing": N_("ter informatie"),
    "discussing": N_("ter bespreking"),
    "deciding": N_("ter besluitvorming"),
}

#: Meeting statuses and their labels.
MEETING_STATUS_LABELS = {
    "planned": N_("gepland"),
    "held": N_("gehouden"),
    "cancelled": N_("afgelast"),
}

#: Attendance statuses and their labels (``invited`` = not ticked yet).
ATTENDANCE_LABELS = {
    "invited": N_("uitgenodigd"),
    "present": N_("aanwezig"),
    "absent_notice": N_("afwezig met bericht"),
    "absent": N_("afwezig"),
}

#: What a meeting decided about an earlier action.
REVIEW_LABELS = {
    "done": N_("afgerond"),
    "postponed": N_("uitgesteld"),
    "kept": N_("blijft staan"),
    "cancelled": N_("vervallen"),
}


def babel_locale() -> str:
    """The babel locale for the current UI language."""
    return "en_GB" if language() == "en" else "nl_NL"


def _as_datetime(value: dt.datetime | str | None) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return maybe_datetime(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def date_time_label(value: dt.datetime | str | None) -> str:
    """``donderdag 3 december 2026, 19:30``; ``""`` for no value."""
    moment = _as_datetime(value)
    if moment is None:
        return ""
    return format_datetime(moment, "EEEE d MMMM y, HH:mm", tzinfo=TZ, locale=babel_locale())


def date_label(value: dt.date | str | None) -> str:
    """``donderdag 3 december 2026``; ``""`` for no value."""
    if value is None or value == "":
        return ""
    day = maybe_date(value) if isinstance(value, str) else value
    if isinstance(day, dt.datetime):
        day = day.date()
    return format_date(day, "EEEE d MMMM y", locale=babel_locale())


def short_date_label(value: dt.date | str | None) -> str:
    """``3 dec. 2026`` style for table cells; ``""`` for no value."""
    if value is None or value == "":
        return ""
    day = maybe_date(value) if isinstance(value, str) else value
    if isinstance(day, dt.datetime):
        day = day.date()
    return format_date(day, "d MMM y", locale=babel_locale())


def time_label(value: dt.datetime | str | None) -> str:
    """``19:30``; ``""`` for no value."""
    moment = _as_datetime(value)
    return moment.strftime("%H:%M") if moment else ""


def kind_label(kind: str) -> str:
    """The label of an agenda item kind, e.g. ``ter besluitvorming``."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def meeting_status_label(status: str) -> str:
    """``gepland`` / ``gehouden`` / ``afgelast``."""
    return _(MEETING_STATUS_LABELS[status]) if status in MEETING_STATUS_LABELS else status


def attendance_label(status: str) -> str:
    """``aanwezig`` / ``afwezig met bericht`` / ``afwezig`` / ``uitgenodigd``."""
    return _(ATTENDANCE_LABELS[status]) if status in ATTENDANCE_LABELS else status


def review_label(outcome: str) -> str:
    """What a meeting did with an earlier action, e.g. ``uitgesteld``."""
    return _(REVIEW_LABELS[outcome]) if outcome in REVIEW_LABELS else outcome


def postponed_label(times: int) -> str:
    """``""`` for 0, else ``2× uitgesteld``."""
    if times <= 0:
        return ""
    return _("{n}× uitgesteld").format(n=times)


def minutes_label(minutes: int | None) -> str:
    """``10 min.``; ``""`` when unknown."""
    if minutes is None:
        return ""
    return _("{n} min.").format(n=minutes)


def meeting_row_label(title: str, starts_at: str, place: str, status: str) -> str:
    """One line of the meetings list: date first, then title, place and a non-planned status."""
    parts = [date_time_label(starts_at), title]
    if place:
        parts.append(place)
    text = " · ".join(p for p in parts if p)
    if status != "planned":
        text += f" ({meeting_status_label(status)})"
    return text


def action_row_label(what: str, owner_name: str, due_date: str | None, times_postponed: int) -> str:
    """``Bankje repareren — Piet — klaar op 3 dec. 2026 — 2× uitgesteld``."""
    parts = [what.strip()]
    if owner_name:
        parts.append(owner_name)
    if due_date:
        parts.append(_("klaar op {date}").format(date=short_date_label(due_date)))
    postponed = postponed_label(times_postponed)
    if postponed:
        parts.append(postponed)
    return " — ".join(parts)


def is_overdue(due_date: str | None, status: str, on: dt.date) -> bool:
    """True for an open item whose date lies before ``on`` (shown in red)."""
    due = maybe_date(due_date)
    return status == "open" and due is not None and due < on


def agenda_total_label(minutes: list[int | None]) -> str:
    """``8 punten, samen 1 uur en 9 minuten`` (items without minutes count as 0)."""
    count = len(minutes)
    total = sum(m or 0 for m in minutes)
    hours, rest = divmod(total, 60)
    items = ngettext("{n} punt", "{n} punten", count).format(n=count)
    if hours and rest:
        duration = _("{h} uur en {m} minuten").format(h=hours, m=rest)
    elif hours:
        duration = _("{h} uur").format(h=hours)
    else:
        duration = _("{m} minuten").format(m=rest)
    return _("{items}, samen {duration}").format(items=items, duration=duration)


def parse_buurten(text: str) -> list[str]:
    """Buurten typed one per line or separated by commas/semicolons, trimmed, no doubles."""
    seen: list[str] = []
    for part in text.replace(";", "\n").replace(",", "\n").splitlines():
        name = " ".join(part.split())
        if name and name.casefold() not in {s.casefold() for s in seen}:
            seen.append(name)
    return seen


def notes_counter_label(text: str) -> str:
    """``Bewaard · 1.234 tekens`` for under the notes editor."""
    count = f"{len(text):,}".replace(",", ".")
    return _("Bewaard · {count} tekens").format(count=count)


def window_title(board_name: str | None) -> str:
    """``Wijkplatform Zuid — Wijkapp``; just ``Wijkapp`` without a board."""
    return f"{board_name} — Wijkapp" if board_name else "Wijkapp"


def undo_text(step: str | None) -> str:
    """The Edit menu's undo entry: ``Ongedaan maken: Agendapunt verwijderd``."""
    return _("Ongedaan maken: {step}").format(step=step) if step else _("Ongedaan maken")


def redo_text(step: str | None) -> str:
    """The Edit menu's redo entry: ``Opnieuw: Agendapunt verwijderd``."""
    return _("Opnieuw: {step}").format(step=step) if step else _("Opnieuw")
