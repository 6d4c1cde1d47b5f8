"""The jaarverslag (year report) as a PDF: what the board did in one year, for a council member.

Page 1 is a plain-language summary (B1) with the two charts a council member looks for
(how the municipality answered, how the actions went); then meetings and attendance, decisions, actions,
requests to the municipality and how they were answered, and the buurtagenda's goals with
the board's evaluation, with bar charts that start at zero (each chart once, as a figure
with its alternative text). Typeset by ``resources/typst/year-report.typ``. How each figure is counted is
in :mod:`wijkapp.followup` and printed at the end of the report.

Entry point: :func:`write_year_report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from babel.numbers import format_percent

from ..errors import NotFoundError, ValidationError
from ..followup import YearFigures, plural, year_figures
from ..goals import BUILDING_BLOCKS
from ..i18n import _
from ..safe_output import check_output_path, write_atomic
from ..timeutil import maybe_date, today
from . import formatting as fmt
from .content import board_logo
from .typst_render import page_data, render_pdf
from .year_charts import AMBER, BLUE, GREEN, GREY, RED, Bar, chart_figure
from .year_voice import voice_data

#: The width of the text column of an A4 page in points (21 cm less two 2 cm margins).
CHART_WIDTH = 17.0 / 2.54 * 72

if TYPE_CHECKING:
    from ..workspace import Workspace

Progress = Callable[[int, int], None]

GOAL_STATUS_WORDS = {
    "achieved": "Bereikt", "not_achieved": "Niet bereikt", "running": "Loopt nog",
    "idea": "Idee", "stopped": "Gestopt",
}
GOAL_COLORS = {"idea": GREY, "running": BLUE, "achieved": GREEN, "not_achieved": RED,
               "stopped": GREY}
OUTCOME_WORDS = {"in_time": "op tijd", "late": "te laat beantwoord",
                 "overdue": "geen antwoord, te laat",
                 "waiting": "nog geen antwoord (termijn loopt nog)"}
EXPLANATION = [
    "Een verzoek telt mee in het jaar waarin het is verstuurd. Komt het antwoord in het "
    "volgende jaar, dan telt het toch bij het jaar van versturen.",
    "Op tijd: het antwoord kwam op of vóór de datum die de gemeente beloofde (standaard "
    "zes weken na versturen). Te laat: het antwoord kwam na die datum.",
    "Geen antwoord: er was op de datum van dit verslag nog geen antwoord. Een afgesloten "
    "verzoek zonder antwoord telt ook als geen antwoord.",
    "Mediaan: de middelste wachttijd als je alle wachttijden op volgorde zet.",
    "Actiepunten tellen mee in het jaar van de vergadering waarin ze zijn afgesproken, met "
    "hun stand van nu. 'Uitgesteld' zijn actiepunten die één of meer keer een nieuwe datum "
    "kregen.",
    "Aanwezigheid: het deel van de bestuursleden dat bij de gehouden vergaderingen aanwezig "
    "was. Gasten tellen niet mee.",
    "Doelen hebben geen jaar: u ziet de stand van nu. Een doel zonder bewijs heeft geen "
    "gekoppeld besluit, actiepunt, verzoek, stuk of agendapunt.",
]
_TOTAL_STEPS = 8


def _day(value: dt.date) -> str:
    return str(format_date(value, "d MMMM y", locale=fmt.LOCALE))


def _percent(rate: float) -> str:
    return str(format_percent(rate, locale=fmt.LOCALE))


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {plural(count, one, many)}"


def summary_sentences(fig: YearFigures) -> list[str]:
    """The plain-language summary (B1) of page 1: short sentences, figures in digits."""
    m, a, r, g = fig.meetings, fig.actions, fig.requests, fig.goals
    lines = []
    if m.held:
        lines.append(f"In {fig.year} vergaderde het wijkplatform {_n(m.held, 'keer', 'keer')}.")
    else:
        lines.append(f"Het wijkplatform heeft in {fig.year} (nog) niet vergaderd.")
    if m.attendance_rate is not None:
        lines.append(f"Gemiddeld was {_percent(m.attendance_rate)} van de bestuursleden erbij.")
    lines.append(f"Het platform nam {_n(fig.decisions, 'besluit', 'besluiten')}.")
    if a.agreed:
        text = (f"Er zijn {_n(a.agreed, 'actiepunt', 'actiepunten')} afgesproken: "
                f"{a.done} klaar, {a.open} nog open")
        text += f", {a.cancelled} vervallen." if a.cancelled else "."
        lines.append(text)
        if a.postponed:
            lines.append(f"Van die actiepunten {plural(a.postponed, 'is', 'zijn')} er "
                         f"{a.postponed} één of meer keer uitgesteld.")
    else:
        lines.append("Er zijn geen actiepunten afgesproken.")
    if r.sent:
        lines.append(f"Het platform stuurde {_n(r.sent, 'verzoek', 'verzoeken')} naar de gemeente.")
        lines.append(f"Op tijd beantwoord: {r.answered_in_time}. Te laat beantwoord: "
                     f"{r.answered_late}. Nog geen antwoord: {r.not_answered}.")
        if r.overdue:
            lines.append(f"Bij {r.overdue} van de verzoeken zonder antwoord is de beloofde "
                         "datum al voorbij.")
        if r.median_days is not None:
            lines.append(f"Een antwoord duurde meestal {fmt.number(round(r.median_days))} "
                         "dagen (mediaan).")
    else:
        lines.append(f"Het platform stuurde in {fig.year} geen verzoeken naar de gemeente.")
    if g.total:
        s = g.by_status
        lines.append(f"De buurtagenda heeft {_n(g.total, 'doel', 'doelen')}. Bereikt: "
                     f"{s.get('achieved', 0)}. Niet bereikt: {s.get('not_achieved', 0)}. "
                     f"Loopt nog: {s.get('running', 0)}.")
        missing = len(g.without_evidence)
        if missing:
            lines.append(f"Bij {_n(missing, 'doel', 'doelen')} is nog geen bewijs gekoppeld.")
    else:
        lines.append("De buurtagenda heeft nog geen doelen.")
    return lines


def _request_chart(fig: YearFigures) -> dict[str, str]:
    r = fig.requests
    return chart_figure("Hoe antwoordde de gemeente?", [
        Bar("Op tijd beantwoord", r.answered_in_time, color=GREEN),
        Bar("Te laat beantwoord", r.answered_late, color=AMBER),
        Bar("Geen antwoord, te laat", r.overdue, color=RED),
        Bar("Geen antwoord, termijn loopt", r.waiting, color=GREY),
    ], CHART_WIDTH, unit="aantal verzoeken")


def _action_chart(fig: YearFigures) -> dict[str, str]:
    a = fig.actions
    return chart_figure("Hoe gingen de actiepunten?", [
        Bar("Klaar", a.done, color=GREEN),
        Bar("Nog open", a.open, color=BLUE),
        Bar("Vervallen", a.cancelled, color=GREY),
        Bar("Uitgesteld (1 keer of vaker)", a.postponed, color=AMBER),
    ], CHART_WIDTH, unit="aantal actiepunten")


def _first_page(ws: Workspace, fig: YearFigures) -> dict[str, Any]:
    charts = []
    if fig.requests.sent:
        charts.append(_request_chart(fig))
    if fig.actions.agreed:
        charts.append(_action_chart(fig))
    return {"title": f"Jaarverslag {fig.year}", "board": ws.board.name,
            "stand": f"Stand op {_day(fig.on)}", "summary": summary_sentences(fig),
            "charts": charts}


def _meetings(fig: YearFigures) -> dict[str, Any]:
    m = fig.meetings
    extra = f" {_n(m.cancelled, 'vergadering is', 'vergaderingen zijn')} afgelast." if m.cancelled else ""
    lines = [f"Gehouden: {_n(m.held, 'vergadering', 'vergaderingen')}.{extra}"]
    if m.attendance_rate is not None:
        lines.append(f"Aanwezig: {m.present} van de {m.recorded} keer dat een bestuurslid "
                     f"verwacht werd ({_percent(m.attendance_rate)}).")
    rows = [(day, present, recorded) for day, present, recorded in m.present_per_meeting
            if recorded]
    chart = None
    if rows:
        top = max(recorded for _, _p, recorded in rows)
        bars = [Bar(_day(dt.date.fromisoformat(day)), present, f"{present} van {recorded}")
                for day, present, recorded in rows]
        chart = chart_figure("Aanwezige bestuursleden per vergadering", bars, CHART_WIDTH,
                             scale_max=top, unit="aantal bestuursleden")
    return {"heading": "Vergaderingen en aanwezigheid", "lines": lines, "chart": chart}


def _decisions(ws: Workspace, fig: YearFigures) -> dict[str, Any]:
    decisions = ws.decisions.in_year(fig.year)
    dates = {m.id: fmt.short_date(m.start.date()) for m in ws.meetings.in_year(fig.year)}
    return {"heading": f"Besluiten ({fig.decisions})",
            "rows": [[d.number, dates.get(d.meeting_id, ""), d.text] for d in decisions],
            "empty": "Er zijn dit jaar geen besluiten genomen."}


def _actions(ws: Workspace, fig: YearFigures) -> dict[str, Any]:
    a = fig.actions
    section: dict[str, Any] = {
        "heading": f"Actiepunten ({a.agreed})",
        "lines": [],
        "empty": "" if a.agreed else "Er zijn dit jaar geen actiepunten afgesproken.",
        "open": [],
    }
    if not a.agreed:
        return section
    section["lines"] = [f"Klaar: {a.done}. Nog open: {a.open}. Vervallen: {a.cancelled}. "
                        f"Uitgesteld (1 keer of vaker): {a.postponed}. "
                        "De grafiek staat op de eerste bladzijde."]
    years = {m.id for m in ws.meetings.in_year(fig.year)}
    for action in (x for x in ws.actions.open() if x.meeting_id in years):
        due = maybe_date(action.due_date)
        section["open"].append({
            "what": action.what, "owner": action.owner_name, "due": fmt.short_date(due),
            "overdue": action.is_overdue(fig.on),
            "postponed": fmt.times_postponed(action.times_postponed)})
    return section


def _requests(fig: YearFigures) -> dict[str, Any]:
    r = fig.requests
    section: dict[str, Any] = {"heading": f"Verzoeken aan de gemeente ({r.sent})", "lines": [],
                               "rows": []}
    if not r.sent:
        section["lines"] = ["Er zijn dit jaar geen verzoeken of signalen verstuurd."]
        return section
    if r.median_days is not None:
        section["lines"].append(f"Een antwoord duurde meestal {fmt.number(round(r.median_days))} "
                                "dagen (mediaan). De grafiek staat op de eerste bladzijde.")
    for outcome in r.outcomes:
        request = outcome.request
        answer = request.answer_text.strip() if outcome.days_to_answer is not None else ""
        word = OUTCOME_WORDS[outcome.outcome]
        if outcome.days_to_answer is not None:
            word = f"{word}, na {outcome.days_to_answer} dagen"
        section["rows"].append({
            "subject": request.subject, "answer": f"Antwoord: {answer}" if answer else "",
            "sent": fmt.short_date(outcome.sent_on),
            "due": fmt.short_date(maybe_date(request.answer_due)),
            "outcome": word, "overdue": outcome.outcome == "overdue"})
    return section


def _goals(ws: Workspace, fig: YearFigures) -> dict[str, Any]:
    g = fig.goals
    title = f"Doelen van de buurtagenda ({g.total})"
    if not g.total:
        return {"heading": title, "empty": "De buurtagenda heeft nog geen doelen.",
                "chart": None, "groups": [], "without_evidence": []}
    chart = chart_figure("Stand van de doelen", [
        Bar(GOAL_STATUS_WORDS[s], g.by_status.get(s, 0), color=GOAL_COLORS[s])
        for s in GOAL_STATUS_WORDS], CHART_WIDTH, unit="aantal doelen")
    areas = {a.id: a.name for a in ws.areas.all()}
    groups = []
    for status, name in (("achieved", "Bereikt"), ("not_achieved", "Niet bereikt"),
                         ("running", "Loopt nog"), ("stopped", "Gestopt"), ("idea", "Idee")):
        goals = [x for x in g.goals if x.status == status]
        if goals:
            groups.append({"heading": f"{name} ({len(goals)})", "rows": [
                {"title": goal.title,
                 "block": f"Bouwsteen {goal.building_block}: "
                          f"{BUILDING_BLOCKS.get(goal.building_block, '')}",
                 "area": areas.get(goal.area_id or "", "hele wijk"),
                 "evaluation": goal.evaluation.strip() or "(nog geen evaluatie)"}
                for goal in goals]})
    return {"heading": title, "empty": "", "chart": chart, "groups": groups,
            "without_evidence": [x.title for x in g.without_evidence]}


def year_report_data(ws: Workspace, fig: YearFigures,
                     progress: Progress | None = None) -> dict[str, Any]:
    """What ``year-report.typ`` prints for figures ``fig``; reports steps 2–7 of 8."""
    tick = progress or (lambda _done, _total: None)
    data: dict[str, Any] = {"first": _first_page(ws, fig)}
    tick(2, _TOTAL_STEPS)
    data["meetings"] = _meetings(fig)
    tick(3, _TOTAL_STEPS)
    data["decisions"] = _decisions(ws, fig)
    tick(4, _TOTAL_STEPS)
    data["actions"] = _actions(ws, fig)
    tick(5, _TOTAL_STEPS)
    data["requests"] = _requests(fig)
    tick(6, _TOTAL_STEPS)
    data["goals"] = _goals(ws, fig)
    data["voice"] = voice_data(ws, fig)
    data["explanation"] = EXPLANATION
    tick(7, _TOTAL_STEPS)
    return data


def write_year_report(ws: Workspace, year: int, out: Path, progress: Progress | None = None,
                      *, on: dt.date | None = None) -> Path:
    """Write the jaarverslag of ``year`` for the current board to ``out``; return the path.

    ``progress(done, total)`` (optional, called from the working thread) reports steps
    1–8. ``on`` is the day the figures are judged (default today). When ``out`` is a
    folder the file gets a name like ``Jaarverslag 2026 Wijkplatform Geleen-Zuid.pdf``.
    The file appears complete or not at all. Raises :class:`ValidationError` or
    :class:`~wijkapp.errors.WriteFailedError` with a Dutch sentence.
    """
    if not 1900 <= year <= 2200:
        raise ValidationError(_("Het jaar {year} is geen geldig jaar; gebruik bijvoorbeeld 2026.").format(year=year))
    try:
        board = ws.board
    except NotFoundError as error:
        raise ValidationError(str(error)) from None
    out = Path(out)
    if out.is_dir():
        out = out / fmt.safe_filename(f"Jaarverslag {year} {board.name}", ".pdf")
    check_output_path(out, ws.path)
    tick = progress or (lambda _done, _total: None)
    fig = year_figures(ws, year, on or today())
    tick(1, _TOTAL_STEPS)
    data = year_report_data(ws, fig, tick)
    data["page"] = page_data(board.name, logo=board_logo(ws))
    pdf = render_pdf("year-report", data, title=f"Jaarverslag {year}", author=board.name,
                     subject=f"Jaarverslag {year} van {board.name}")

    def write(path: Path) -> None:
        path.write_bytes(pdf)

    write_atomic(out, write, ws.path)
    tick(_TOTAL_STEPS, _TOTAL_STEPS)
    return out
