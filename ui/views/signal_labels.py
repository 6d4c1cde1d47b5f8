"""Pure functions for the signals screens: list rows, statuses and follow-up lines (Dutch)."""

from __future__ import annotations

import datetime as dt

from wijkapp.i18n import N_, _
from wijkapp.signals import FollowupView, Signal

from ..labels import Row, date_text

STATUS_LABELS = {
    "new": N_("Nog niet opgepakt"),
    "passed_on": N_("Doorgegeven"),
    "answered": N_("Antwoord binnen"),
    "done": N_("Afgerond"),
}
FOLLOWUP_KIND_LABELS = {
    "request": N_("verzoek aan de gemeente"),
    "referral": N_("doorverwezen"),
    "agenda_item": N_("op de agenda"),
    "goal": N_("buurtagenda"),
}


def signal_status_text(status: str, forgotten: bool) -> str:
    """The "Stand" cell: ``Afgerond``, or ``Wacht op opvolging`` when forgotten."""
    if forgotten:
        return _("Wacht op opvolging")
    return _(STATUS_LABELS.get(status, status))


def signal_row(signal: Signal, status: str, forgotten: bool) -> Row:
    """Cells: Wat er gezegd is · Gehoord op · Stand. Forgotten signals first, in red;
    then the newest first."""
    day = signal.heard_on or ""
    rank = 0 if forgotten else {"new": 1, "passed_on": 2, "answered": 2, "done": 3}.get(status, 4)
    inverted = "".join(chr(255 - ord(c)) for c in day)
    return Row((signal.title, date_text(day), signal_status_text(status, forgotten)), forgotten,
               (rank, inverted, signal.title.casefold()))


def followup_line(view: FollowupView) -> str:
    """``9 mrt. 2026 · Wijkregisseur (verzoek aan de gemeente) — antwoord: …``."""
    f = view.followup
    kind = _(FOLLOWUP_KIND_LABELS.get(f.kind, f.kind))
    line = f"{date_text(f.passed_on)} · {view.to} ({kind})"
    if view.answered:
        answer = " ".join(view.answer.split())
        if len(answer) > 90:
            answer = answer[:89] + "…"
        when = date_text(view.answered_on)
        line += " — " + (_("antwoord {date}: {answer}").format(date=when, answer=answer)
                         if when else _("antwoord: {answer}").format(answer=answer))
    elif f.kind in ("request", "referral"):
        line += " — " + _("nog geen antwoord")
    return line


def words_problem(words: str) -> str | None:
    """The problem with the resident's words, or ``None``."""
    if not words.strip():
        return _("Schrijf op wat de bewoner zei.")
    return None


def consent_problem(consent: bool, name: str, contact: str) -> str | None:
    """A name or contact detail needs the resident's consent."""
    if (name.strip() or contact.strip()) and not consent:
        return _("Zonder toestemming bewaren we geen naam of contactgegevens. Vink de "
                 "toestemming aan, of maak de naam en het contact leeg.")
    return None


def quarter_header(quarter: int) -> str:
    """``Kw. 1`` … ``Kw. 4``."""
    return _("Kw. {n}").format(n=quarter)


def year_choices(years: list[int], today: dt.date) -> list[int]:
    """The years to choose from: this year and every year with signals, newest first."""
    return sorted(set(years) | {today.year}, reverse=True)
