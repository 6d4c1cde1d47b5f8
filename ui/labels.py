"""Pure, Qt-free words for the follow-up views: statuses, kinds, bouwstenen, "te laat", rows.

Every function takes plain values (core dataclasses or ISO strings) and ``today`` where
time matters, so it can be tested table-driven without a widget or a clock.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from wijkapp.goals import BUILDING_BLOCKS
from wijkapp.i18n import N_, _, language, ngettext
from wijkapp.search import HIT_END, HIT_START, KIND_LABELS
from wijkapp.timeutil import maybe_date

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
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


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


def mark_words(text: str, query: str) -> str:
    """``text`` with every word that contains a word of ``query`` (accents and case ignored)
    marked from the match to the end of that word, as the core's snippets are."""
    from wijkapp.search import fold

    folded, origin = [], []
    for index, char in enumerate(text):
        for part in fold(char):
            folded.append(part)
            origin.append(index)
    haystack = "".join(folded)
    spans: list[tuple[int, int]] = []
    for word in {fold(w) for w in query.split() if w.strip()}:
        start = haystack.find(word)
        while word and start >= 0:
            end = origin[start + len(word) - 1] + 1
            while end < len(text) and text[end].isalnum():  # whole words, as FTS marks them
                end += 1
            spans.append((origin[start], end))
            start = haystack.find(word, start + len(word))
    out, last = [], 0
    for begin, end in sorted(spans):
        if begin < last:
            continue
        out += [text[last:begin], HIT_START, text[begin:end], HIT_END]
        last = end
    return "".join(out) + text[last:]


def excerpt(text: str, query: str, words: int = 12) -> str:
    """About ``words`` words of ``text`` around the first word of ``query`` found in it
    (accents ignored), with "…" where cut and the found words marked; ``""`` if none."""
    from wijkapp.search import fold

    parts = text.split()
    needles = [fold(w) for w in query.split() if w.strip()]
    for index, part in enumerate(parts):
        if any(n in fold(part) for n in needles):
            start = max(index - words // 3, 0)
            chunk = " ".join(parts[start:start + words])
            before = "…" if start > 0 else ""
            after = "…" if start + words < len(parts) else ""
            return before + mark_words(chunk, query) + after
    return ""


def meeting_choice_label(starts_at: str | None, title: str = "") -> str:
    """``donderdag 12 maart 2026`` for a meeting in a choice list, with an unusual title."""
    day = _day((starts_at or "")[:10])
    words = format_date(day, "EEEE d MMMM y",
                        locale="en_GB" if language() == "en" else "nl_NL") if day else ""
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
