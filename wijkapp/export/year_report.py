"""The jaarverslag (year report) as a PDF: what the board did in one year, for a council member.

Page 1 is a plain-language summary (B1); then meetings and attendance, decisions, actions,
requests to the municipality and how they were answered, and the buurtagenda's goals with
the board's evaluation, with bar charts that start at zero. How each figure is counted is
in :mod:`wijkapp.followup` and printed at the end of the report.

Entry point: :func:`write_year_report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date
from babel.numbers import format_percent
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ..errors import NotFoundError, ValidationError
from ..followup import YearFigures, plural, year_figures
from ..goals import BUILDING_BLOCKS, Goal
from ..timeutil import maybe_date, today
from . import _write_atomically
from . import formatting as fmt
from .content import board_logo
from .pdfbase import PageInfo, build_pdf, content_width, esc, heading, markup, para, table
from .year_charts import AMBER, BLUE, GREEN, GREY, RED, Bar, bar_chart
from .year_voice import voice_story


def _chart_section(title: str, chart: Flowable, style: str = "h1") -> list[Flowable]:
    """A heading kept on one page with its chart, and a little air below."""
    return [KeepTogether([para(title, style), chart, Spacer(1, 0.35 * cm)])]

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


def _summary_page(ws: Workspace, fig: YearFigures) -> list[Flowable]:
    r = fig.requests
    story: list[Flowable] = [
        para(f"Jaarverslag {fig.year}", "title"),
        para(ws.board.name, "subtitle"),
        para(f"Stand op {_day(fig.on)}", "meta"),
        para("In het kort", "h1"),
    ]
    story += [markup("• " + esc(line), "item") for line in summary_sentences(fig)]
    if r.sent:
        story += _chart_section("Hoe antwoordde de gemeente?", _request_chart(fig), "h2")
    return story


def _request_chart(fig: YearFigures) -> Flowable:
    r = fig.requests
    return bar_chart([
        Bar("Op tijd beantwoord", r.answered_in_time, color=GREEN),
        Bar("Te laat beantwoord", r.answered_late, color=AMBER),
        Bar("Geen antwoord, te laat", r.overdue, color=RED),
        Bar("Geen antwoord, termijn loopt", r.waiting, color=GREY),
    ], content_width(), unit="aantal verzoeken")


def _meetings(fig: YearFigures) -> list[Flowable]:
    m = fig.meetings
    story: list[Flowable] = heading("Vergaderingen en aanwezigheid")
    extra = f" {_n(m.cancelled, 'vergadering is', 'vergaderingen zijn')} afgelast." if m.cancelled else ""
    story.append(para(f"Gehouden: {_n(m.held, 'vergadering', 'vergaderingen')}.{extra}"))
    if m.attendance_rate is not None:
        story.append(para(f"Aanwezig: {m.present} van de {m.recorded} keer dat een bestuurslid "
                          f"verwacht werd ({_percent(m.attendance_rate)})."))
    rows = [(day, present, recorded) for day, present, recorded in m.present_per_meeting
            if recorded]
    if rows:
        top = max(recorded for _, _p, recorded in rows)
        bars = [Bar(_day(dt.date.fromisoformat(day)), present, f"{present} van {recorded}")
                for day, present, recorded in rows]
        chart = bar_chart(bars, content_width(), scale_max=top, unit="aantal bestuursleden")
        story += _chart_section("Aanwezige bestuursleden per vergadering", chart, "h2")
    return story


def _decisions(ws: Workspace, fig: YearFigures) -> list[Flowable]:
    story: list[Flowable] = heading(f"Besluiten ({fig.decisions})")
    decisions = ws.decisions.in_year(fig.year)
    if not decisions:
        return [*story, para("Er zijn dit jaar geen besluiten genomen.")]
    dates = {m.id: fmt.short_date(m.start.date()) for m in ws.meetings.in_year(fig.year)}
    width = content_width()
    rows = [[d.number, dates.get(d.meeting_id, ""), d.text] for d in decisions]
    for start in range(0, len(rows), 60):
        story.append(table([["Nummer", "Datum", "Besluit"], *rows[start:start + 60]],
                           [2.6 * cm, 2.9 * cm, width - 5.5 * cm], plain_columns=(0, 1)))
    return story


def _actions(ws: Workspace, fig: YearFigures) -> list[Flowable]:
    a = fig.actions
    title = f"Actiepunten ({a.agreed})"
    if not a.agreed:
        return [*heading(title), para("Er zijn dit jaar geen actiepunten afgesproken.")]
    story = _chart_section(title, bar_chart([
        Bar("Klaar", a.done, color=GREEN),
        Bar("Nog open", a.open, color=BLUE),
        Bar("Vervallen", a.cancelled, color=GREY),
        Bar("Uitgesteld (1 keer of vaker)", a.postponed, color=AMBER),
    ], content_width(), unit="aantal actiepunten"))
    years = {m.id for m in ws.meetings.in_year(fig.year)}
    still_open = [x for x in ws.actions.open() if x.meeting_id in years]
    if still_open:
        story.append(para("Nog open", "h2"))
        width = content_width()
        late_rows = []
        rows: list[list[object]] = [["Wat", "Wie", "Klaar op", "Uitgesteld"]]
        for number, action in enumerate(still_open, start=1):
            due = maybe_date(action.due_date)
            when: object = fmt.short_date(due)
            if action.is_overdue(fig.on):
                when = markup(esc(fmt.short_date(due)) + "<br/>te laat", "overdue")
                late_rows.append(number)
            rows.append([action.what, action.owner_name, when,
                         fmt.times_postponed(action.times_postponed)])
        story.append(table(rows, [width - 10.6 * cm, 4.0 * cm, 3.8 * cm, 2.8 * cm],
                           highlight_rows=late_rows, plain_columns=(3,)))
    return story


def _requests(ws: Workspace, fig: YearFigures) -> list[Flowable]:
    r = fig.requests
    title = f"Verzoeken aan de gemeente ({r.sent})"
    if not r.sent:
        return [*heading(title), para("Er zijn dit jaar geen verzoeken of signalen verstuurd.")]
    top: list[Flowable] = [para(title, "h1")]
    if r.median_days is not None:
        top.append(para(f"Een antwoord duurde meestal {fmt.number(round(r.median_days))} "
                        "dagen (mediaan)."))
    story: list[Flowable] = [KeepTogether([*top, _request_chart(fig), Spacer(1, 0.35 * cm)])]
    width = content_width()
    rows: list[list[object]] = [["Onderwerp en antwoord", "Verstuurd", "Beloofd", "Uitkomst"]]
    late_rows = []
    for number, outcome in enumerate(r.outcomes, start=1):
        request = outcome.request
        answer = request.answer_text.strip() if outcome.days_to_answer is not None else ""
        cell: list[Flowable] = [para(request.subject, "cellbold")]
        if answer:
            cell.append(markup("Antwoord: " + esc(answer), "cell"))
        word = OUTCOME_WORDS[outcome.outcome]
        result: object = word
        if outcome.days_to_answer is not None:
            result = f"{word}, na {outcome.days_to_answer} dagen"
        if outcome.outcome == "overdue":
            result = markup(esc(word), "overdue")
            late_rows.append(number)
        rows.append([cell, fmt.short_date(outcome.sent_on),
                     fmt.short_date(maybe_date(request.answer_due)), result])
    story.append(table(rows, [width - 10.2 * cm, 2.7 * cm, 2.7 * cm, 4.8 * cm],
                       highlight_rows=late_rows, plain_columns=(1, 2)))
    return story


def _goal_rows(goals: list[Goal], areas: dict[str, str]) -> list[list[object]]:
    rows: list[list[object]] = [["Doel", "Buurt", "Evaluatie van het bestuur"]]
    for goal in goals:
        block = f"Bouwsteen {goal.building_block}: {BUILDING_BLOCKS.get(goal.building_block, '')}"
        rows.append([[para(goal.title, "cellbold"), para(block, "cell")],
                     areas.get(goal.area_id or "", "hele wijk"),
                     goal.evaluation.strip() or "(nog geen evaluatie)"])
    return rows


def _goals(ws: Workspace, fig: YearFigures) -> list[Flowable]:
    g = fig.goals
    title = f"Doelen van de buurtagenda ({g.total})"
    if not g.total:
        return [*heading(title), para("De buurtagenda heeft nog geen doelen.")]
    story = _chart_section(title, bar_chart(
        [Bar(GOAL_STATUS_WORDS[s], g.by_status.get(s, 0), color=GOAL_COLORS[s])
         for s in GOAL_STATUS_WORDS], content_width(), unit="aantal doelen"))
    areas = {a.id: a.name for a in ws.buurten()}
    width = content_width()
    widths = [width * 0.42, 3.2 * cm, width * 0.58 - 3.2 * cm]
    for status, title in (("achieved", "Bereikt"), ("not_achieved", "Niet bereikt"),
                          ("running", "Loopt nog"), ("stopped", "Gestopt"), ("idea", "Idee")):
        goals = [x for x in g.goals if x.status == status]
        if goals:
            story += [para(f"{title} ({len(goals)})", "h2"),
                      table(_goal_rows(goals, areas), widths)]
    if g.without_evidence:
        story.append(para(f"Zonder gekoppeld bewijs ({len(g.without_evidence)})", "h2"))
        story += [markup("• " + esc(x.title), "item") for x in g.without_evidence]
    return story


def year_report_story(ws: Workspace, fig: YearFigures,
                      progress: Progress | None = None) -> list[Flowable]:
    """The report's flowables for figures ``fig``; reports steps 2–7 of 8 to ``progress``."""
    tick = progress or (lambda _done, _total: None)
    story = _summary_page(ws, fig)
    tick(2, _TOTAL_STEPS)
    story += [PageBreak(), *_meetings(fig)]
    tick(3, _TOTAL_STEPS)
    story += _decisions(ws, fig)
    tick(4, _TOTAL_STEPS)
    story += _actions(ws, fig)
    tick(5, _TOTAL_STEPS)
    story += _requests(ws, fig)
    tick(6, _TOTAL_STEPS)
    story += _goals(ws, fig)
    story += voice_story(ws, fig)
    explanation: list[Flowable] = [para("Zo tellen we", "h2")]
    explanation += [markup("• " + esc(line), "item") for line in EXPLANATION]
    story += [Spacer(1, 0.4 * cm), KeepTogether(explanation)]
    tick(7, _TOTAL_STEPS)
    return story


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
        raise ValidationError(f"Het jaar {year} is geen geldig jaar; gebruik bijvoorbeeld 2026.")
    try:
        board = ws.board
    except NotFoundError as error:
        raise ValidationError(str(error)) from None
    out = Path(out)
    if out.is_dir():
        out = out / fmt.safe_filename(f"Jaarverslag {year} {board.name}", ".pdf")
    tick = progress or (lambda _done, _total: None)
    fig = year_figures(ws, year, on or today())
    tick(1, _TOTAL_STEPS)
    story = year_report_story(ws, fig, tick)
    info = PageInfo(title=f"Jaarverslag {year}", board_name=board.name, logo=board_logo(ws),
                    subject=f"Jaarverslag {year} van {board.name}")
    _write_atomically(out, lambda path: build_pdf(path, story, info))
    tick(_TOTAL_STEPS, _TOTAL_STEPS)
    return out
