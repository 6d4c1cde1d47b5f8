"""Pure, Qt-free words a volunteer reads: dates, statuses, kinds, bouwstenen, "te laat", rows.

The one label module of the GUI. Dates go through babel in the current UI language
(``donderdag 3 december 2026, 19:30``); status and kind codes from the core become B1
Dutch labels. Every function takes plain values (core dataclasses or ISO strings) and
``today`` where time matters; nothing here touches Qt or the database, so every function
is tested table-driven without a widget or a clock.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wijkapp.goals import BUILDING_BLOCKS
from wijkapp.i18n import N_, _, language, ngettext
from wijkapp.search import HIT_END, HIT_START
from wijkapp.search import KIND_LABELS as SEARCH_KIND_LABELS
from wijkapp.timeutil import TZ, maybe_date, maybe_datetime


def format_date(*args: Any, **kwargs: Any) -> str:
    """``babel.dates.format_date``, imported on the first date shown (babel's date
    machinery is ≈ 30 ms of imports, and the window paints before it shows a date)."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(*args, **kwargs))


def format_datetime(*args: Any, **kwargs: Any) -> str:
    """``babel.dates.format_datetime``, imported on first use (see :func:`format_date`)."""
    from babel.dates import format_datetime as babel_format_datetime

    return str(babel_format_datetime(*args, **kwargs))

# -- dates, times and the core's codes ----------------------------------------------------------
#: Agenda item kinds (core codes) and their labels.
AGENDA_KIND_LABELS = {
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


#: A line in a list shows at most this many characters (a row is at most four lines high;
#: measuring and drawing a note of a million characters froze a list for seconds).
CELL_CHARS = 300
#: A row's tooltip shows at most this many characters.
TOOLTIP_CHARS = 1000


def cell_text(text: Any, most: int = CELL_CHARS) -> Any:
    """``text`` cut to ``most`` characters with "…", every line kept up to there (unlike
    :func:`shorten`, which keeps the first line); ``None`` and short texts as they are."""
    if isinstance(text, str) and len(text) > most:
        return text[:most - 1].rstrip() + "…"
    return text


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
    return _(AGENDA_KIND_LABELS[kind]) if kind in AGENDA_KIND_LABELS else kind


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


# -- the follow-up views: statuses, kinds, bouwstenen, rows -----------------------------------
REQUEST_KIND_LABELS = {"request": N_("Verzoek"), "signal": N_("Signaal")}
REQUEST_STATUS_LABELS = {
    "draft": N_("Concept"),
    "sent": N_("Verstuurd"),
    "answered": N_("Beantwoord"),
    "closed": N_("Afgesloten"),
}
GOAL_STATUS_LABELS = {
    "idea": N_("Idee"),
    "running": N_("Loopt"),
    "achieved": N_("Bereikt"),
    "not_achieved": N_("Niet bereikt"),
    "stopped": N_("Gestopt"),
}
ACTION_STATUS_LABELS = {"open": N_("Open"), "done": N_("Klaar"), "cancelled": N_("Vervallen")}
ORGANISATION_KIND_LABELS = {
    "municipality": N_("Gemeente"),
    "partner": N_("Partner"),
    "residents": N_("Bewonersgroep"),
    "care": N_("Zorg en welzijn"),
    "police": N_("Politie"),
    "other": N_("Anders"),
}
_BLOCK_NAMES = {number: N_(name) for number, name in BUILDING_BLOCKS.items()}
#: What each kind of goal evidence is called, one of them and as a group.
EVIDENCE_KIND_LABELS = {
    "decisions": N_("Besluit"),
    "actions": N_("Actiepunt"),
    "requests": N_("Verzoek"),
    "documents": N_("Ingekomen stuk"),
    "agenda_items": N_("Agendapunt"),
}
EVIDENCE_GROUP_LABELS = {
    "decisions": N_("Besluiten"),
    "actions": N_("Actiepunten"),
    "requests": N_("Verzoeken aan de gemeente"),
    "documents": N_("Ingekomen stukken"),
    "agenda_items": N_("Agendapunten"),
}

#: The word that always accompanies red, so colour is never the only signal.
LATE = N_("te laat")


def _label(table: dict[str, str], key: str) -> str:
    return _(table[key]) if key in table else key


def request_kind_label(kind: str) -> str:
    """``Verzoek`` / ``Signaal``."""
    return _label(REQUEST_KIND_LABELS, kind)


def request_status_label(status: str) -> str:
    """``Concept`` / ``Verstuurd`` / ``Beantwoord`` / ``Afgesloten``."""
    return _label(REQUEST_STATUS_LABELS, status)


def goal_status_label(status: str) -> str:
    """``Idee`` / ``Loopt`` / ``Bereikt`` / ``Niet bereikt`` / ``Gestopt``."""
    return _label(GOAL_STATUS_LABELS, status)


def action_status_label(status: str) -> str:
    """``Open`` / ``Klaar`` / ``Vervallen``."""
    return _label(ACTION_STATUS_LABELS, status)


def organisation_kind_label(kind: str) -> str:
    """``Gemeente``, ``Partner``, ... for an organisation kind."""
    return _label(ORGANISATION_KIND_LABELS, kind)


def building_block_label(block: int) -> str:
    """``3. Partijen samenbrengen``; unknown numbers as ``Bouwsteen 9``."""
    if block not in _BLOCK_NAMES:
        return _("Bouwsteen {n}").format(n=block)
    return f"{block}. {_(_BLOCK_NAMES[block])}"


def search_kind_label(kind: str) -> str:
    """The Dutch group header of a search result kind (``Besluiten``)."""
    return _(SEARCH_KIND_LABELS[kind]) if kind in SEARCH_KIND_LABELS else kind


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return maybe_date(value)


def date_text(value: dt.date | str | None) -> str:
    """``3 dec. 2026`` for table cells; ``""`` for no date."""
    day = _day(value)
    if day is None:
        return ""
    return format_date(day, "d MMM y", locale="en_GB" if language() == "en" else "nl_NL")


def is_late(due: dt.date | str | None, still_open: bool, today: dt.date) -> bool:
    """True when something still open has a due date before ``today``."""
    day = _day(due)
    return still_open and day is not None and day < today


def days_late_text(due: dt.date | str | None, today: dt.date) -> str:
    """``te laat (1 dag)`` / ``te laat (12 dagen)``; ``""`` when not late."""
    day = _day(due)
    if day is None or day >= today:
        return ""
    days = (today - day).days
    return ngettext("te laat ({n} dag)", "te laat ({n} dagen)", days).format(n=days)


def postponed_text(times: int) -> str:
    """``""`` for 0, else ``2× uitgesteld``."""
    if times <= 0:
        return ""
    return _("{n}× uitgesteld").format(n=times)


def last_contact_text(value: str | None, today: dt.date) -> str:
    """``vandaag`` / ``gisteren`` / ``3 dec. 2026``; ``nog niet`` without a date."""
    day = _day(value)
    if day is None:
        return _("nog niet")
    if day == today:
        return _("vandaag")
    if day == today - dt.timedelta(days=1):
        return _("gisteren")
    return date_text(day)


@dataclass(frozen=True)
class Row:
    """One list row: the cell texts, whether it is late (red + words), a sort key."""

    cells: tuple[str, ...]
    late: bool
    sort_key: tuple[object, ...]


def action_row(
    what: str,
    owner_name: str,
    due_date: str | None,
    status: str,
    times_postponed: int,
    meeting_title: str,
    today: dt.date,
) -> Row:
    """Cells: Wat · Wie · Klaar vóór · Stand · Vergadering ("—" outside meetings).

    The Stand cell puts "2× uitgesteld" on a second line; late ones sort first.
    """
    late = is_late(due_date, status == "open", today)
    if late:
        state = days_late_text(due_date, today)
    else:
        state = _("open") if status == "open" else action_status_label(status).lower()
    extra = postponed_text(times_postponed)
    if extra:
        state = f"{state}\n{extra}"
    first_line = what.strip().splitlines()[0] if what.strip() else ""
    due = _day(due_date)
    sort_key = (
        0 if late else (1 if status == "open" else 2),
        due is None,
        due or dt.date.max,
        what.casefold(),
    )
    return Row(
        (first_line, owner_name or _("niemand"), date_text(due_date) or _("geen datum"),
         state, meeting_title or "—"),
        late,
        sort_key,
    )


def request_state_text(status: str, answer_due: str | None, today: dt.date) -> str:
    """The status as the board reads it; overdue adds a line ``te laat (3 dagen)``."""
    label = request_status_label(status)
    if is_late(answer_due, status == "sent", today):
        return f"{label}\n{days_late_text(answer_due, today)}"
    return label


def request_row(
    subject: str,
    kind: str,
    area_name: str,
    status: str,
    sent_on: str | None,
    answer_due: str | None,
    today: dt.date,
) -> Row:
    """Cells: Onderwerp · Stand · Antwoord uiterlijk (the editor shows the rest).

    Overdue requests sort first, then waiting ones by deadline, then drafts, then the rest.
    """
    late = is_late(answer_due, status == "sent", today)
    due = _day(answer_due)
    rank = {"sent": 1, "draft": 2, "answered": 3, "closed": 4}.get(status, 5)
    sort_key = (0 if late else rank, due is None, due or dt.date.max, subject.casefold())
    return Row(
        (subject, request_state_text(status, answer_due, today), date_text(answer_due) or "—"),
        late,
        sort_key,
    )


def snippet_html(snippet: str) -> str:
    """A search snippet as safe HTML: user text escaped, HIT marks as ``<b>…</b>``."""
    text = html.escape(snippet.replace("\n", " "), quote=False)
    return text.replace(HIT_START, "<b>").replace(HIT_END, "</b>")


def snippet_plain(snippet: str) -> str:
    """A search snippet without its marks (for screen readers and tooltips)."""
    return snippet.replace(HIT_START, "").replace(HIT_END, "").replace("\n", " ")


def required_text_problem(value: str, label: str, limit: int) -> str | None:
    """The Dutch problem with a required one-line field, or ``None`` when it can be saved."""
    if not value.strip():
        return _("Vul {label} in.").format(label=label)
    if len(value) > limit:
        return _("{label} is te lang: {n} tekens, hoogstens {limit}.").format(
            label=label[:1].upper() + label[1:], n=f"{len(value):,}".replace(",", "."),
            limit=f"{limit:,}".replace(",", "."),
        )
    return None


def meeting_label(starts_at: str | None, title: str = "") -> str:
    """``12 mrt 2026`` for a meeting, with its title when it is not the usual one."""
    day = date_text((starts_at or "")[:10])
    usual = ("", "Vergadering wijkplatform", _("Vergadering wijkplatform"))
    if title.strip() in usual:
        return day
    return f"{day} – {title.strip()}" if day else title.strip()


def email_problem(value: str) -> str | None:
    """A Dutch sentence when a typed e-mail address cannot be saved yet; ``None`` when fine."""
    text = value.strip()
    if text and ("@" not in text or " " in text or text.endswith("@")):
        return _("Het e-mailadres is nog niet compleet (bijvoorbeeld naam@voorbeeld.nl).")
    return None


def matches(needle: str, *fields: str) -> bool:
    """True when ``needle`` occurs in any field, ignoring case and accents (empty: all)."""
    from wijkapp.search import fold

    folded = fold(needle.strip())
    return not folded or any(folded in fold(f or "") for f in fields)


def goal_row(title: str, status: str, area_name: str) -> Row:
    """Cells: Doel · Stand · Buurt; sorted by title within a bouwsteen."""
    return Row((title, goal_status_label(status), area_name or _("hele wijk")),
               False, (title.casefold(),))


def group_header(header: str, count: int) -> str:
    """``1. Urgentie (2)``; an empty group says ``nog geen doelen``."""
    if count == 0:
        return _("{header}: nog geen doelen").format(header=header)
    return _("{header} ({n})").format(header=header, n=count)


def shorten(text: str, limit: int = 120) -> str:
    """The first line of ``text``, cut at a word boundary with "…" when longer than ``limit``."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(" ,.;:") + "…"


@lru_cache(maxsize=4096)
def _long_day(iso_day: str, lang: str) -> str:
    """``donderdag 12 maart 2026`` for an ISO day ("" when it is not one); babel takes
    ≈ 50 µs a date, and a choice of every meeting of twenty years formats hundreds."""
    day = _day(iso_day)
    return format_date(day, "EEEE d MMMM y", locale="en_GB" if lang == "en" else "nl_NL") \
        if day else ""


def meeting_choice_label(starts_at: str | None, title: str = "") -> str:
    """``donderdag 12 maart 2026`` for a meeting in a choice list, with an unusual title."""
    words = _long_day((starts_at or "")[:10], language())
    usual = ("", "Vergadering wijkplatform", _("Vergadering wijkplatform"))
    if title.strip() in usual:
        return words or _("vergadering zonder datum")
    return f"{words} – {title.strip()}" if words else title.strip()


def goal_choice_label(block: int, title: str) -> str:
    """``1. Urgentie: Minder eenzaamheid onder ouderen`` (long titles cut with "…")."""
    return f"{building_block_label(block)}: {shorten(title, 80)}"


def evidence_label(kind: str, record: Any | None, meeting_day: str = "") -> str:
    """How a piece of goal evidence reads: ``Besluit 2026-014: …``, ``Actiepunt: … (klaar)``,
    ``Verzoek: … (beantwoord)``, ``Ingekomen stuk: … (3 dec. 2026)``, ``Agendapunt: … (12 mrt.
    2026)``. ``record`` is the core dataclass; ``None`` (removed since) says so."""
    noun = _label(EVIDENCE_KIND_LABELS, kind)
    if record is None:
        return _("{noun}: (verwijderd)").format(noun=noun)
    if kind == "decisions":
        return _("Besluit {number}: {text}").format(number=record.number,
                                                     text=shorten(record.text, 90))
    state, text = "", ""
    if kind == "actions":
        text, state = record.what, action_status_label(record.status).lower()
    elif kind == "requests":
        text, state = record.subject, request_status_label(record.status).lower()
    elif kind == "documents":
        text, state = record.subject, date_text(record.received_on)
    elif kind == "agenda_items":
        text, state = record.title, meeting_day
    line = f"{noun}: {shorten(text, 90)}"
    return f"{line} ({state})" if state else line
