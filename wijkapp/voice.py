"""Tellen en vertellen: counts of what residents said (the "system world") beside a few
of their own words (the "life world"), the groups not heard, and "U zei, wij deden".

Everything here is Qt-free and medium-free: the view, the PDF, the resident summary,
the year report and the year summary read the same figures.

How it is counted:

* A signal belongs to the year (and quarter) it was **heard** (``heard_on``).
* A signal with several themes counts once under each theme; the same for groups. The
  total counts each signal once.
* *Passed on*: at least one live follow-up. *Answered*: a follow-up with an answer (for a
  request: the municipality's answer on the request). *Done*: the board wrote down what
  it did. The **follow-up rate** is the share of the year's signals passed on or done.
* *Not heard*: the board's groups with no signal this year, named in one sentence.
* *Forgotten*: no follow-up and no outcome, heard more than N weeks ago (see
  :meth:`wijkapp.signals.Signals.forgotten`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .signals import Signal
from .timeutil import add_weeks, maybe_date, today

if TYPE_CHECKING:
    from .meetings import Meeting
    from .workspace import Workspace

QUOTE_LIMIT = 280
QUOTES_SHOWN = 6


@dataclass(frozen=True)
class Quote:
    """A resident's words for a report: anonymous unless consent was recorded."""

    words: str
    heard_on: str
    place: str
    themes: tuple[str, ...]
    groups: tuple[str, ...]
    name: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class SaidDid:
    """One line of "U zei … Wij deden …"."""

    said: str
    did: str
    on: str


@dataclass(frozen=True)
class VoiceFigures:
    """Tellen en vertellen for one year of the current board."""

    year: int
    on: dt.date
    heard: int = 0
    by_theme: tuple[tuple[str, int], ...] = ()
    by_group: tuple[tuple[str, int], ...] = ()
    theme_quarters: tuple[tuple[str, tuple[int, int, int, int]], ...] = ()
    group_quarters: tuple[tuple[str, tuple[int, int, int, int]], ...] = ()
    quarters: tuple[int, int, int, int] = (0, 0, 0, 0)
    passed_on: int = 0
    followed: int = 0
    answered: int = 0
    done: int = 0
    forgotten: int = 0
    previous_year: int = 0
    groups_not_heard: tuple[str, ...] = ()
    themes_without_partner: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    said_did: tuple[SaidDid, ...] = field(default_factory=tuple)

    @property
    def followup_rate(self) -> float | None:
        """Share of the year's signals passed on or done (0–1), ``None`` without signals."""
        return self.followed / self.heard if self.heard else None


def join_words(words: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c`` (Dutch)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]


def not_heard_sentence(groups: tuple[str, ...] | list[str], year: int, this_year: bool = True) -> str:
    """``Dit jaar geen signalen van nieuwkomers en jongeren.`` (``""`` when all were heard)."""
    if not groups:
        return ""
    when = "Dit jaar" if this_year else f"In {year}"
    return f"{when} geen signalen van {join_words(list(groups))}."


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """One line of at most ``limit`` characters, cut at a word with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _label_counts(ws: Workspace, column: str, year: int) -> dict[str, list[int]]:
    """Per label, signals per quarter of ``year`` (one query, JSON taken apart by SQLite)."""
    rows = ws.store.rows(
        f"SELECT j.value AS label, (CAST(substr(s.heard_on, 6, 2) AS INTEGER) + 2) / 3 AS q, "
        f"COUNT(*) AS n FROM signals s, json_each(CASE WHEN json_valid(s.[{column}]) "
        f"THEN s.[{column}] ELSE '[]' END) j "
        "WHERE s.board_id = ? AND s.deleted_at IS NULL AND s.heard_on >= ? AND s.heard_on < ? "
        "AND j.type = 'text' GROUP BY j.value, q",
        [ws.board_id, f"{year}-01-01", f"{year + 1}-01-01"])
    counts: dict[str, list[int]] = {}
    for row in rows:
        quarter = int(row["q"] or 1)
        counts.setdefault(str(row["label"]), [0, 0, 0, 0])[min(max(quarter, 1), 4) - 1] += int(row["n"])
    return counts


def _ordered(counts: dict[str, list[int]], board_labels: list[str]) -> list[tuple[str, tuple[int, int, int, int]]]:
    """The board's labels in its order (zeros included), then other labels found, busiest first."""
    known = {label.casefold() for label in board_labels}
    result = [(label, tuple(counts.get(label, [0, 0, 0, 0]))) for label in board_labels]
    extra = sorted(((k, v) for k, v in counts.items() if k.casefold() not in known),
                   key=lambda kv: (-sum(kv[1]), kv[0].casefold()))
    result += [(k, tuple(v)) for k, v in extra]
    return result  # type: ignore[return-value]


def quote_of(signal: Signal) -> Quote:
    """The signal as a quote; the resident's name only when consent was recorded."""
    name = signal.resident_name.strip() if signal.consent else ""
    return Quote(shorten(signal.words), signal.heard_on, signal.place.strip(),
                 tuple(signal.theme_list), tuple(signal.group_list), name, shorten(signal.outcome))


def choose_quotes(signals: list[Signal], count: int = QUOTES_SHOWN) -> list[Quote]:
    """A few quotable signals, newest first, one per first theme before any theme repeats;
    printed oldest first."""
    candidates = sorted((s for s in signals if s.quotable and s.words.strip()),
                        key=lambda s: _neg(s.heard_on))
    chosen: list[Signal] = []
    themes_seen: set[str] = set()
    for signal in candidates:
        key = (signal.theme_list or [""])[0]
        if key not in themes_seen:
            themes_seen.add(key)
            chosen.append(signal)
        if len(chosen) == count:
            break
    for signal in candidates:
        if len(chosen) == count:
            break
        if signal not in chosen:
            chosen.append(signal)
    return [quote_of(s) for s in sorted(chosen, key=lambda s: s.heard_on)]


def _neg(iso: str) -> str:
    """Sort key that puts later ISO dates first."""
    return "".join(chr(255 - ord(c)) for c in iso)


def voice_figures(ws: Workspace, year: int, on: dt.date | None = None,
                  quotes: int = QUOTES_SHOWN) -> VoiceFigures:
    """Tellen en vertellen of ``year`` for the current board (``on`` decides "forgotten")."""
    from .social_map import themes_without_partner

    day = on or today()
    board = ws.board_id
    bounds = [f"{year}-01-01", f"{year + 1}-01-01"]
    themes = _ordered(_label_counts(ws, "themes", year), ws.signals.themes())
    groups = _ordered(_label_counts(ws, "groups", year), ws.signals.groups())
    limit = add_weeks(day, -ws.signals.followup_weeks()).isoformat()
    # One pass over the year's signals; the follow-ups per signal come through their index.
    row = ws.store.one(
        "SELECT COUNT(*) AS heard, "
        "COALESCE(SUM(q = 1), 0) AS q1, COALESCE(SUM(q = 2), 0) AS q2, "
        "COALESCE(SUM(q = 3), 0) AS q3, COALESCE(SUM(q = 4), 0) AS q4, "
        "COALESCE(SUM(n > 0), 0) AS passed, COALESCE(SUM(answered > 0), 0) AS answered, "
        "COALESCE(SUM(done), 0) AS done, COALESCE(SUM(n > 0 OR done), 0) AS followed, "
        "COALESCE(SUM(n = 0 AND NOT done AND heard_on < ?), 0) AS forgotten "
        "FROM (SELECT s.heard_on, (CAST(substr(s.heard_on, 6, 2) AS INTEGER) + 2) / 3 AS q, "
        "  TRIM(s.outcome) <> '' AS done, "
        "  (SELECT COUNT(*) FROM signal_followups f WHERE f.signal_id = s.id "
        "   AND f.deleted_at IS NULL) AS n, "
        "  (SELECT COUNT(*) FROM signal_followups f LEFT JOIN requests r ON f.kind = 'request' "
        "   AND r.id = f.target_id AND r.deleted_at IS NULL WHERE f.signal_id = s.id "
        "   AND f.deleted_at IS NULL AND (f.answered_on IS NOT NULL OR f.answer <> '' "
        "   OR r.answered_on IS NOT NULL)) AS answered "
        "  FROM signals s WHERE s.board_id = ? AND s.deleted_at IS NULL "
        "  AND s.heard_on >= ? AND s.heard_on < ?)",
        [limit, board, *bounds])
    assert row is not None
    previous = ws.store.scalar(
        "SELECT COUNT(*) FROM signals WHERE board_id = ? AND deleted_at IS NULL "
        "AND heard_on >= ? AND heard_on < ?", [board, f"{year - 1}-01-01", bounds[0]])
    signals = ws.signals.in_year(year) if quotes else []
    this_year = day.year == year
    return VoiceFigures(
        year=year,
        on=day,
        heard=int(row["heard"]),
        by_theme=tuple((label, sum(q)) for label, q in themes),
        by_group=tuple((label, sum(q)) for label, q in groups),
        theme_quarters=tuple(themes),
        group_quarters=tuple(groups),
        quarters=(int(row["q1"]), int(row["q2"]), int(row["q3"]), int(row["q4"])),
        passed_on=int(row["passed"]),
        answered=int(row["answered"]),
        done=int(row["done"]),
        forgotten=int(row["forgotten"]) if this_year or year < day.year else 0,
        previous_year=int(previous or 0),
        groups_not_heard=tuple(label for label, q in groups if not sum(q)
                               and label in ws.signals.groups()),
        themes_without_partner=tuple(themes_without_partner(ws)),
        quotes=tuple(choose_quotes(signals, quotes)) if quotes else (),
        said_did=tuple(said_did(ws, dt.date(year, 1, 1) - dt.timedelta(days=1),
                                dt.date(year, 12, 31))),
        followed=int(row["followed"]),
    )


# -- U zei, wij deden ------------------------------------------------------------------
def said_did(ws: Workspace, after: dt.date | None, until: dt.date) -> list[SaidDid]:
    """Signals whose outcome was written down after ``after`` (exclusive; ``None``: ever)
    up to ``until`` (inclusive), oldest first. What was said is the resident's words
    (shortened) when quotable, else the subject; never a name."""
    rows = ws.store.rows(
        "SELECT * FROM signals WHERE board_id = ? AND deleted_at IS NULL AND TRIM(outcome) <> '' "
        "AND outcome_on IS NOT NULL AND outcome_on > ? AND outcome_on <= ? ORDER BY outcome_on, heard_on",
        [ws.board_id, after.isoformat() if after else "", until.isoformat()])
    found = []
    for row in rows:
        said = shorten(row["words"], 200) if row["quotable"] else str(row["subject"]).strip()
        if said:
            found.append(SaidDid(said, shorten(row["outcome"], 300), str(row["outcome_on"])))
    return found


def said_did_for_meeting(ws: Workspace, meeting: Meeting) -> list[SaidDid]:
    """"U zei, wij deden" for a meeting's resident summary: outcomes written down since the
    previous meeting (not cancelled) up to this meeting's day."""
    day = meeting.start.date()
    earlier = [m for m in ws.meetings.all()
               if m.starts_at < meeting.starts_at and m.status != "cancelled"]
    previous = max(earlier, key=lambda m: m.starts_at).start.date() if earlier else None
    return said_did(ws, previous, day)


def said_did_paragraphs(items: list[SaidDid]) -> tuple[tuple[str, str], ...]:
    """The lines as (bold lead, text) pairs for a printed section: ``U zei:`` / ``Wij deden:``."""
    paragraphs: list[tuple[str, str]] = []
    for item in items:
        paragraphs.append(("U zei:", f"“{item.said}”"))
        paragraphs.append(("Wij deden:", _sentence(item.did)))
    return tuple(paragraphs)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?…" else f"{text}."


SAID_DID_HEADING = "U zei, wij deden"


# -- prevention ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PreventionFigures:
    """Preventive goals (by status, now) and preventive actions agreed in a year."""

    goals: int = 0
    goals_achieved: int = 0
    goals_running: int = 0
    goal_titles: tuple[tuple[str, str], ...] = ()  # (status, title)
    actions: int = 0
    actions_done: int = 0


def prevention_figures(ws: Workspace, year: int) -> PreventionFigures:
    """What the board did to prevent: preventive goals and the year's preventive actions."""
    goals = [g for g in ws.goals.all() if g.preventive]
    row = ws.store.one(
        "SELECT COUNT(*) AS n, COALESCE(SUM(a.status = 'done'), 0) AS done "
        "FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.board_id = ? AND a.deleted_at IS NULL AND a.preventive = 1 "
        "AND COALESCE(m.starts_at, a.created_at) >= ? AND COALESCE(m.starts_at, a.created_at) < ?",
        [ws.board_id, f"{year}-01-01", f"{year + 1}-01-01"])
    assert row is not None
    return PreventionFigures(
        goals=len(goals),
        goals_achieved=sum(g.status == "achieved" for g in goals),
        goals_running=sum(g.status == "running" for g in goals),
        goal_titles=tuple((g.status, g.title) for g in goals),
        actions=int(row["n"]),
        actions_done=int(row["done"]),
    )


# -- the year summary (no personal data) ----------------------------------------------------
def summary_section(ws: Workspace, year: int, on: dt.date | None = None) -> dict[str, Any]:
    """The ``signals`` and ``prevention`` parts of the year summary: counts and the board's
    own theme and group words only, never words, names or contacts."""
    fig = voice_figures(ws, year, on, quotes=0)
    prevention = prevention_figures(ws, year)
    return {
        "signals": {
            "heard": fig.heard,
            "by_theme": dict(fig.by_theme),
            "by_group": dict(fig.by_group),
            "passed_on": fig.passed_on,
            "answered": fig.answered,
            "with_outcome": fig.done,
            "followup_rate": None if fig.followup_rate is None else round(fig.followup_rate, 3),
            "groups_not_heard": list(fig.groups_not_heard),
            "themes_without_partner": list(fig.themes_without_partner),
        },
        "prevention": {
            "goals": prevention.goals,
            "goals_achieved": prevention.goals_achieved,
            "actions": prevention.actions,
            "actions_done": prevention.actions_done,
        },
    }


def signal_years(ws: Workspace) -> list[int]:
    """Years with signals, newest first."""
    rows = ws.store.rows(
        "SELECT DISTINCT CAST(substr(heard_on, 1, 4) AS INTEGER) AS y FROM signals "
        "WHERE board_id = ? AND deleted_at IS NULL ORDER BY 1 DESC", [ws.board_id])
    return [int(r["y"]) for r in rows if r["y"]]


def heard_on_label(iso: str) -> str:
    """A quote's date for print: ``maart 2026``."""
    from babel.dates import format_date

    day = maybe_date(iso)
    return str(format_date(day, "MMMM y", locale="nl_NL")) if day else ""


# -- sentences the reports share ------------------------------------------------------------
def count_sentences(fig: VoiceFigures) -> list[str]:
    """Plain Dutch sentences about the year's signals (for the year report and the PDF)."""
    if not fig.heard:
        lines = [f"In {fig.year} zijn geen signalen van bewoners vastgelegd."]
    else:
        noun = "signaal" if fig.heard == 1 else "signalen"
        lines = [f"In {fig.year} legden we {fig.heard} {noun} van bewoners vast"
                 + (f" (het jaar ervoor: {fig.previous_year})." if fig.previous_year else ".")]
        busiest = [(label, n) for label, n in sorted(fig.by_theme, key=lambda t: -t[1]) if n][:3]
        if busiest:
            lines.append("Wat we het vaakst hoorden: "
                         + join_words([f"{label} ({n})" for label, n in busiest]) + ".")
        rate = fig.followup_rate or 0.0
        lines.append(f"{fig.followed} van de {fig.heard} signalen zijn doorgegeven of opgepakt "
                     f"({round(rate * 100)}%). Bij {fig.answered} kwam een antwoord terug; "
                     f"bij {fig.done} schreven we op wat we deden.")
        if fig.forgotten:
            lines.append(f"{fig.forgotten} {'signaal wacht' if fig.forgotten == 1 else 'signalen wachten'} "
                         "nog op opvolging.")
    sentence = not_heard_sentence(fig.groups_not_heard, fig.year, fig.on.year == fig.year)
    if sentence:
        lines.append(sentence)
    if fig.themes_without_partner:
        lines.append("Geen partner in de wijk voor: " + join_words(list(fig.themes_without_partner)) + ".")
    return lines


def prevention_sentences(p: PreventionFigures, year: int) -> list[str]:
    """What the board did to prevent, in sentences (the savings are the municipality's sums)."""
    if not p.goals and not p.actions:
        return ["Er zijn nog geen doelen of actiepunten als preventief gemarkeerd."]
    return [
        f"Preventieve doelen: {p.goals}, waarvan {p.goals_achieved} bereikt en "
        f"{p.goals_running} lopend.",
        f"Preventieve actiepunten in {year}: {p.actions}, waarvan {p.actions_done} afgerond.",
    ]
