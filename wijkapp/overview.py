"""Compare several boards' year-summary files side by side (Qt-free).

:func:`load_overview` reads every file it is given; a missing, unreadable or malformed
file becomes one clear Dutch sentence in :attr:`Overview.problems` while the other boards
are still shown. :func:`comparison` turns the boards into rows of Dutch cells (for the
overview window) and :func:`format_table` into a plain-text table (for ``wijkapp overview``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .goals import GOAL_STATUSES
from .i18n import N_, _

FORMAT = "wijkapp-jaarsamenvatting"
VERSION = 2
#: Versions this reader understands (1 has no signals and no prevention).
READABLE_VERSIONS = (1, 2)
MAX_BYTES = 5_000_000

_COUNTS = {
    "meetings": ("held", "cancelled"),
    "actions": ("agreed", "done", "open", "cancelled", "postponed"),
    "requests": ("sent", "answered_in_time", "answered_late", "not_answered", "overdue"),
}


@dataclass(frozen=True)
class VoiceSummary:
    """The ``signals`` part of a year summary: counts per theme and group, follow-up."""

    heard: int
    by_theme: dict[str, int]
    by_group: dict[str, int]
    followup_rate: float | None
    groups_not_heard: tuple[str, ...]
    themes_without_partner: tuple[str, ...]


class SummaryError(ValueError):
    """A year-summary file that cannot be used; ``str(error)`` is a Dutch sentence."""


@dataclass(frozen=True)
class BoardYear:
    """One board's year as read from its summary file."""

    path: Path
    name: str
    wijk: str
    year: int
    made_on: str
    meetings_held: int
    attendance_rate: float | None
    decisions: int
    actions: dict[str, int]
    requests: dict[str, int]
    median_days: float | None
    goals_by_status: dict[str, int]
    goals_without_evidence: int
    goal_titles: tuple[tuple[str, str], ...]  # (status, title)
    #: The voice of the wijk (``None``: a version-1 file, made before signals existed).
    voice: VoiceSummary | None = None

    @property
    def in_time_rate(self) -> float | None:
        """Share of sent requests answered in time (0–1), or ``None`` when none were sent."""
        sent = self.requests["sent"]
        return self.requests["answered_in_time"] / sent if sent else None


@dataclass(frozen=True)
class Overview:
    """The boards that could be read, and a Dutch sentence per file that could not."""

    boards: list[BoardYear] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _count(section: Mapping[str, Any], key: str, where: str) -> int:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SummaryError(_("het getal '{where}.{key}' ontbreekt of is geen heel getal").format(where=where, key=key))
    return value


def _fraction(value: Any, where: str, top: float | None = None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SummaryError(_("'{where}' is geen getal").format(where=where))
    if value < 0 or (top is not None and value > top):
        raise SummaryError(_("'{where}' ligt buiten de grenzen").format(where=where))
    return float(value)


def _section(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise SummaryError(_("het onderdeel '{key}' ontbreekt").format(key=key))
    return value


def parse_summary(data: Any, path: Path) -> BoardYear:
    """Check a decoded year summary and return it; :class:`SummaryError` when malformed."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SummaryError(_("het is geen jaarsamenvatting van Wijkapp"))
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise SummaryError(_("het is gemaakt met een nieuwere Wijkapp (versie {version}); "
                           "werk Wijkapp bij om het te lezen").format(version=version))
    if version not in READABLE_VERSIONS:
        raise SummaryError(_("het versienummer ontbreekt of klopt niet"))
    board = _section(data, "board")
    name = board.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SummaryError(_("de naam van het wijkplatform ontbreekt"))
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise SummaryError(_("het jaar ontbreekt of klopt niet"))
    counts = {part: {k: _count(_section(data, part), k, part) for k in keys}
              for part, keys in _COUNTS.items()}
    goals = _section(data, "goals")
    by_status_raw = goals.get("by_status")
    if not isinstance(by_status_raw, dict):
        raise SummaryError(_("het onderdeel 'goals.by_status' ontbreekt"))
    by_status = {s: _count(by_status_raw, s, "goals.by_status") if s in by_status_raw else 0
                 for s in GOAL_STATUSES}
    items = goals.get("items", [])
    if not isinstance(items, list):
        raise SummaryError(_("'goals.items' is geen lijst"))
    titles = tuple(
        (str(i.get("status", "")), str(i.get("title", "")))
        for i in items if isinstance(i, dict) and isinstance(i.get("title"), str)
    )
    decisions = data.get("decisions")
    if isinstance(decisions, bool) or not isinstance(decisions, int) or decisions < 0:
        raise SummaryError(_("het aantal besluiten ontbreekt"))
    return BoardYear(
        path=path,
        name=name.strip(),
        wijk=str(board.get("wijk") or ""),
        year=year,
        made_on=str(data.get("made_on") or ""),
        meetings_held=counts["meetings"]["held"],
        attendance_rate=_fraction(_section(data, "meetings").get("attendance_rate"),
                                  "meetings.attendance_rate", 1.0),
        decisions=decisions,
        actions=counts["actions"],
        requests=counts["requests"],
        median_days=_fraction(_section(data, "requests").get("median_days_to_answer"),
                              "requests.median_days_to_answer"),
        goals_by_status=by_status,
        goals_without_evidence=_count(goals, "without_evidence", "goals"),
        goal_titles=titles,
        voice=parse_voice(data) if version >= 2 else None,
    )


def _counts(raw: Any, where: str) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise SummaryError(_("het onderdeel '{where}' ontbreekt").format(where=where))
    return {str(k)[:100]: _count(raw, k, where) for k in raw}


def _words(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise SummaryError(_("'{where}' is geen lijst met woorden").format(where=where))
    return tuple(x[:100] for x in raw)


def parse_voice(data: Mapping[str, Any]) -> VoiceSummary:
    """The ``signals`` part of a version-2 summary; :class:`SummaryError` when malformed."""
    signals = _section(data, "signals")
    return VoiceSummary(
        heard=_count(signals, "heard", "signals"),
        by_theme=_counts(signals.get("by_theme"), "signals.by_theme"),
        by_group=_counts(signals.get("by_group"), "signals.by_group"),
        followup_rate=_fraction(signals.get("followup_rate"), "signals.followup_rate", 1.0),
        groups_not_heard=_words(signals.get("groups_not_heard", []), "signals.groups_not_heard"),
        themes_without_partner=_words(signals.get("themes_without_partner", []),
                                      "signals.themes_without_partner"),
    )


def load_summary(path: Path) -> BoardYear:
    """Read one year-summary file; :class:`SummaryError` with a Dutch sentence when unusable."""
    path = Path(path)
    name = path.name
    try:
        if path.exists() and not path.is_dir() and not path.is_file():  # a pipe would hang
            raise SummaryError(_("'{name}' is geen gewoon bestand en dus geen jaarsamenvatting.").format(name=name))
        if path.stat().st_size > MAX_BYTES:
            raise SummaryError(_("'{name}' is te groot voor een jaarsamenvatting.").format(name=name))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SummaryError(_("'{name}' bestaat niet; controleer de naam en de map.").format(name=name)) from None
    except IsADirectoryError:
        raise SummaryError(_("'{name}' is een map, geen jaarsamenvatting.").format(name=name)) from None
    except OSError as error:
        raise SummaryError(
            _("'{name}' kan niet worden gelezen ({error}).").format(name=name, error=error.strerror or error)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SummaryError(
            _("'{name}' is beschadigd of geen jaarsamenvatting van Wijkapp; "
            "vraag het wijkplatform om een nieuw bestand.").format(name=name)) from None
    try:
        return parse_summary(data, path)
    except SummaryError as error:
        raise SummaryError(_("'{name}' is niet te gebruiken: {error}.").format(name=name, error=error)) from None


def load_overview(paths: Iterable[Path]) -> Overview:
    """Read every file; the good ones in the order given, a Dutch sentence for each bad one."""
    overview = Overview()
    for path in paths:
        try:
            overview.boards.append(load_summary(Path(path)))
        except SummaryError as error:
            overview.problems.append(str(error))
    return overview


# -- the comparison --------------------------------------------------------------------
def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if value.is_integer() else f"{value:.1f}".replace(".", ",")


#: Column headers of the comparison (one row per board).
COLUMNS = (
    N_("Wijkplatform"), N_("Jaar"), N_("Vergaderingen"), N_("Aanwezig"), N_("Besluiten"),
    N_("Verzoeken"), N_("Op tijd"), N_("Te laat"), N_("Geen antwoord"),
    N_("Dagen tot antwoord"), N_("Doelen bereikt"), N_("Niet bereikt"), N_("Loopt nog"),
    N_("Zonder bewijs"),
)


def comparison_row(board: BoardYear) -> list[str]:
    """One board's cells under :data:`COLUMNS` (Dutch, ready to show)."""
    r = board.requests
    return [
        board.name, str(board.year), str(board.meetings_held), _pct(board.attendance_rate),
        str(board.decisions), str(r["sent"]),
        f"{r['answered_in_time']} ({_pct(board.in_time_rate)})" if r["sent"] else "0",
        str(r["answered_late"]), str(r["not_answered"]), _days(board.median_days),
        str(board.goals_by_status["achieved"]), str(board.goals_by_status["not_achieved"]),
        str(board.goals_by_status["running"]), str(board.goals_without_evidence),
    ]


def comparison(overview: Overview) -> list[list[str]]:
    """Header row plus one row per board, side by side."""
    return [list(COLUMNS), *(comparison_row(b) for b in overview.boards)]


def totals(overview: Overview) -> dict[str, int]:
    """Sums over all boards: meetings held, requests sent/in time/late/not answered, goals."""
    boards = overview.boards
    return {
        "boards": len(boards),
        "meetings_held": sum(b.meetings_held for b in boards),
        "requests_sent": sum(b.requests["sent"] for b in boards),
        "answered_in_time": sum(b.requests["answered_in_time"] for b in boards),
        "answered_late": sum(b.requests["answered_late"] for b in boards),
        "not_answered": sum(b.requests["not_answered"] for b in boards),
        "goals_achieved": sum(b.goals_by_status["achieved"] for b in boards),
        "goals_not_achieved": sum(b.goals_by_status["not_achieved"] for b in boards),
    }


def _header_lines(header: str, room: int) -> list[str]:
    """A header on one line, or split at its middle space when wider than its column."""
    if len(header) <= room or " " not in header:
        return [header]
    spaces = [i for i, char in enumerate(header) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - len(header) / 2))
    return [header[:cut], header[cut + 1:]]


def _line(cells: list[str], widths: list[int]) -> str:
    parts = [cells[0].ljust(widths[0])]
    parts += [cell.rjust(w) for cell, w in zip(cells[1:], widths[1:], strict=True)]
    return "  ".join(parts).rstrip()


def totals_sentence(overview: Overview) -> str:
    """"Samen: 3 wijkplatforms, 31 vergaderingen, …" over all boards, in the app's language."""
    t = totals(overview)
    return _(
        "Samen: {boards} wijkplatforms, {meetings} vergaderingen, {sent} verzoeken "
        "({in_time} op tijd beantwoord, {late} te laat, {none} zonder antwoord), "
        "{achieved} doelen bereikt.").format(
            boards=t["boards"], meetings=t["meetings_held"], sent=t["requests_sent"],
            in_time=t["answered_in_time"], late=t["answered_late"],
            none=t["not_answered"], achieved=t["goals_achieved"]) \
        + " " + _("Niet bereikt: {count} doelen.").format(count=t["goals_not_achieved"])


def format_table(overview: Overview, name_width: int = 32) -> str:
    """The comparison as a plain-text table (names cut at ``name_width`` characters)."""
    rows = comparison(overview)
    if len(rows) == 1:
        return _("Geen jaarsamenvattingen om te vergelijken.")
    for row in rows[1:]:
        if len(row[0]) > name_width:
            row[0] = row[0][: name_width - 1] + "…"
    body = rows[1:]
    headers = [_header_lines(_(h), max(len(r[c]) for r in body))
               for c, h in enumerate(COLUMNS)]
    widths = [max([len(r[c]) for r in body] + [len(x) for x in headers[c]])
              for c in range(len(COLUMNS))]
    lines = []
    for part in (0, 1):
        head = [h[part] if part < len(h) else "" for h in headers]
        if any(head):
            lines.append(_line(head, widths))
    lines.append("  ".join("-" * w for w in widths))
    lines += [_line(row, widths) for row in body]
    t = totals(overview)
    if t["boards"] > 1:
        lines.append("")
        lines.append(totals_sentence(overview))
    voice = format_voice_table(overview, name_width)
    if voice:
        lines += ["", voice]
    return "\n".join(lines)


# -- the voice of the wijk across boards -------------------------------------------------
VOICE_COLUMNS = ("Wijkplatform", "Jaar", "Signalen", "Opgevolgd", "Niet gehoord")


def voice_rows(overview: Overview) -> list[list[str]]:
    """Per board with signal figures: signals, follow-up rate, and the groups not heard."""
    rows = []
    for board in overview.boards:
        voice = board.voice
        if voice is None:
            rows.append([board.name, str(board.year), "—", "—", _("(geen gegevens)")])
            continue
        rows.append([board.name, str(board.year), str(voice.heard), _pct(voice.followup_rate),
                     ", ".join(voice.groups_not_heard) or "—"])
    return rows


def group_matrix(overview: Overview) -> list[list[str]]:
    """Header (groups) plus one row per board: signals per group, so a gap shows as 0."""
    boards = [b for b in overview.boards if b.voice is not None]
    groups: list[str] = []
    for board in boards:
        assert board.voice is not None
        groups += [g for g in board.voice.by_group if g not in groups]
    rows = [["Wijkplatform", *groups]]
    for board in boards:
        assert board.voice is not None
        rows.append([board.name, *(str(board.voice.by_group.get(g, 0)) for g in groups)])
    return rows


def format_voice_table(overview: Overview, name_width: int = 32) -> str:
    """"Stem van de wijk" per board as plain text: which voices are missing where."""
    if not any(b.voice is not None for b in overview.boards):
        return ""
    lines = [_("Stem van de wijk")]
    for name, year, heard, rate, missing in voice_rows(overview):
        short = name if len(name) <= name_width else name[: name_width - 1] + "…"
        lines.append(_("- {name} ({year}): {heard} signalen, {rate} opgevolgd. "
                       "Niet gehoord: {missing}.").format(
            name=short, year=year, heard=heard, rate=rate, missing=missing))
    matrix = group_matrix(overview)
    if len(matrix) > 1 and len(matrix[0]) > 1:
        lines += ["", _("Signalen per groep")]
        for column, group in enumerate(matrix[0][1:], start=1):
            counts = ", ".join(f"{row[0]} {row[column]}" for row in matrix[1:])
            lines.append(f"- {group}: {counts}")
    return "\n".join(lines)
