"""Follow-up figures for the yearly account and the "Stand van zaken" page (Qt-free).

How the figures are counted (also explained to users in ``docs/jaarverslag.md``):

* **Requests belong to the year they were sent** (``sent_on``). A request sent on
  20 December 2025 and answered on 12 January 2026 counts for 2025, as *answered*;
  it never appears in 2026. Drafts (never sent) are not counted.
* Every sent request is judged **as of a reference day** ``on`` (default: today):
  answered on or before the promised date (``answer_due``) is *in time*, after it is
  *late*; no answer by ``on`` is *not answered* — split into *overdue* (the promised
  date has passed: "te laat") and *still waiting* (the promised date is yet to come).
  A request closed without an answer counts as not answered. An answer dated after
  ``on`` is ignored, so a report made "as of" an earlier day stays true to that day.
* **Median days to an answer**: over the year's answered requests, days from sending
  to the answer; ``None`` when nothing was answered.
* **Actions belong to the year of the meeting that agreed them** (an action agreed
  outside a meeting: the year it was written down). Their status is the current one:
  done, open or cancelled (vervallen); *postponed* counts actions postponed at least once,
  whatever their status now, and overlaps the other three.
* **Meetings** of a year: held, cancelled, planned. The attendance rate is the share of
  board members present over all board members with a recorded presence or absence at the
  held meetings (guests are not counted; "invited" without a record is not counted).
* **Goals** have no year: the report shows their status as it is now. A goal is
  *without evidence* when no live decision, action, request, document or agenda item is
  linked to it, and no live record names it as its goal (a written note in the evidence
  field alone does not count).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .goals import GOAL_STATUSES, POINTING_TABLES, Goal
from .i18n import language, ngettext
from .requests import Request
from .timeutil import maybe_date, today

if TYPE_CHECKING:
    from .workspace import Workspace

#: Dutch number words for the counts people read in a sentence (1–20).
_NUMBER_WORDS = (
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien", "twintig",
)
LINK_TABLES = ("decisions", "actions", "requests", "documents", "agenda_items")


def number_word(count: int, *, capital: bool = False) -> str:
    """``3`` → ``"drie"``; 0–20 as words, larger numbers as digits (``"21"``).

    ``capital=True`` starts a sentence: ``"Eén"``, ``"Drie"``.
    """
    word = _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)
    if capital and word[:1].isalpha():
        word = "Eén" if word == "één" else word[0].upper() + word[1:]
    return word


def plural(count: int, one: str, many: str) -> str:
    """``one`` when ``count == 1``, else ``many``."""
    return one if count == 1 else many


# -- requests ----------------------------------------------------------------------------
@dataclass(frozen=True)
class RequestOutcome:
    """One sent request as judged on the reference day."""

    request: Request
    sent_on: dt.date
    outcome: str  # "in_time", "late", "overdue" (no answer, past due), "waiting"
    days_to_answer: int | None


@dataclass(frozen=True)
class RequestFigures:
    """Requests sent in one year and how the municipality answered (see module doc)."""

    year: int
    sent: int = 0
    answered_in_time: int = 0
    answered_late: int = 0
    not_answered: int = 0
    overdue: int = 0
    waiting: int = 0
    closed_unanswered: int = 0
    median_days: float | None = None
    outcomes: tuple[RequestOutcome, ...] = ()

    @property
    def answered(self) -> int:
        """Answered in time plus late."""
        return self.answered_in_time + self.answered_late


def judge_request(request: Request, on: dt.date) -> RequestOutcome | None:
    """The outcome of one request on day ``on``; ``None`` when it was not sent by then."""
    sent = maybe_date(request.sent_on)
    if sent is None or sent > on:
        return None
    answered = maybe_date(request.answered_on)
    if answered is not None and answered > on:
        answered = None
    due = maybe_date(request.answer_due)
    if answered is not None:
        in_time = due is None or answered <= due
        return RequestOutcome(request, sent, "in_time" if in_time else "late",
                              (answered - sent).days)
    late = due is not None and due < on
    return RequestOutcome(request, sent, "overdue" if late else "waiting", None)


def request_figures(requests: Sequence[Request], year: int, on: dt.date | None = None) -> RequestFigures:
    """Figures for the requests *sent* in ``year``, judged on ``on`` (default today)."""
    day = on or today()
    outcomes = [
        o for o in (judge_request(r, day) for r in requests)
        if o is not None and o.sent_on.year == year
    ]
    outcomes.sort(key=lambda o: (o.sent_on, o.request.subject.casefold()))
    count = {kind: sum(o.outcome == kind for o in outcomes)
             for kind in ("in_time", "late", "overdue", "waiting")}
    days = [o.days_to_answer for o in outcomes if o.days_to_answer is not None]
    return RequestFigures(
        year=year,
        sent=len(outcomes),
        answered_in_time=count["in_time"],
        answered_late=count["late"],
        not_answered=count["overdue"] + count["waiting"],
        overdue=count["overdue"],
        waiting=count["waiting"],
        closed_unanswered=sum(o.request.status == "closed" and o.days_to_answer is None
                              for o in outcomes),
        median_days=float(statistics.median(days)) if days else None,
        outcomes=tuple(outcomes),
    )


# -- actions, meetings, goals ------------------------------------------------------------
@dataclass(frozen=True)
class ActionFigures:
    """Actions agreed in one year, by their current status."""

    agreed: int = 0
    done: int = 0
    open: int = 0
    cancelled: int = 0
    postponed: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class MeetingFigures:
    """Meetings of one year and the board's attendance."""

    held: int = 0
    cancelled: int = 0
    planned: int = 0
    present: int = 0
    recorded: int = 0
    present_per_meeting: tuple[tuple[str, int, int], ...] = ()  # (iso date, present, recorded)

    @property
    def attendance_rate(self) -> float | None:
        """Present ÷ recorded board-member presences at held meetings (0–1), or ``None``."""
        return self.present / self.recorded if self.recorded else None


@dataclass(frozen=True)
class GoalFigures:
    """The buurtagenda now: goals by status, and goals nobody linked evidence to."""

    by_status: dict[str, int] = field(default_factory=dict)
    goals: tuple[Goal, ...] = ()
    without_evidence: tuple[Goal, ...] = ()

    @property
    def total(self) -> int:
        """All goals."""
        return len(self.goals)


@dataclass(frozen=True)
class YearFigures:
    """Everything the jaarverslag and the year summary count for one year."""

    year: int
    on: dt.date
    meetings: MeetingFigures
    decisions: int
    actions: ActionFigures
    requests: RequestFigures
    goals: GoalFigures


def _year_bounds(year: int) -> list[str]:
    return [f"{year}-01-01", f"{year + 1}-01-01"]


def action_figures(ws: Workspace, year: int, on: dt.date | None = None) -> ActionFigures:
    """Actions agreed in ``year`` (meeting year, else the year they were written down)."""
    day = (on or today()).isoformat()
    row = ws.store.one(
        "SELECT COUNT(*) AS agreed, "
        "COALESCE(SUM(a.status = 'done'), 0) AS done, "
        "COALESCE(SUM(a.status = 'open'), 0) AS open, "
        "COALESCE(SUM(a.status = 'cancelled'), 0) AS cancelled, "
        "COALESCE(SUM(a.times_postponed > 0), 0) AS postponed, "
        "COALESCE(SUM(a.status = 'open' AND a.due_date < ?), 0) AS overdue "
        "FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.board_id = ? AND a.deleted_at IS NULL "
        "AND COALESCE(m.starts_at, a.created_at) >= ? AND COALESCE(m.starts_at, a.created_at) < ?",
        [day, ws.board_id, *_year_bounds(year)],
    )
    assert row is not None
    return ActionFigures(**{k: int(v) for k, v in row.items()})


def meeting_figures(ws: Workspace, year: int) -> MeetingFigures:
    """Held, cancelled and planned meetings of ``year`` and board-member attendance."""
    meetings = ws.meetings.in_year(year)
    held = [m for m in meetings if m.status == "held"]
    rows = ws.store.rows(
        "SELECT a.meeting_id, COALESCE(SUM(a.status = 'present'), 0) AS present, "
        "COALESCE(SUM(a.status IN ('present', 'absent_notice', 'absent')), 0) AS recorded "
        "FROM attendance a JOIN people p ON p.id = a.person_id "
        "JOIN meetings m ON m.id = a.meeting_id "
        "WHERE a.board_id = ? AND a.deleted_at IS NULL AND p.board_member = 1 "
        "AND m.status = 'held' AND m.deleted_at IS NULL AND m.starts_at >= ? AND m.starts_at < ? "
        "GROUP BY a.meeting_id",
        [ws.board_id, *_year_bounds(year)],
    )
    per = {r["meeting_id"]: (int(r["present"]), int(r["recorded"])) for r in rows}
    per_meeting = tuple(
        (m.start.date().isoformat(), *per.get(m.id, (0, 0))) for m in held
    )
    return MeetingFigures(
        held=len(held),
        cancelled=sum(m.status == "cancelled" for m in meetings),
        planned=sum(m.status == "planned" for m in meetings),
        present=sum(p for _, p, _r in per_meeting),
        recorded=sum(r for _, _p, r in per_meeting),
        present_per_meeting=per_meeting,
    )


def goals_with_evidence(ws: Workspace) -> set[str]:
    """Ids of the board's goals with at least one live link to a live record."""
    found: set[str] = set()
    for table in LINK_TABLES:
        rows = ws.store.rows(
            f"SELECT DISTINCT l.goal_id FROM goal_links l JOIN [{table}] t ON t.id = l.target_id "
            "WHERE l.board_id = ? AND l.deleted_at IS NULL AND l.target_kind = ? "
            "AND t.deleted_at IS NULL",
            [ws.board_id, table],
        )
        found.update(r["goal_id"] for r in rows)
    for table in POINTING_TABLES:  # a record that names its goal is evidence too
        rows = ws.store.rows(
            f"SELECT DISTINCT goal_id FROM [{table}] WHERE board_id = ? AND goal_id IS NOT NULL "
            "AND deleted_at IS NULL",
            [ws.board_id],
        )
        found.update(r["goal_id"] for r in rows)
    return found


def goal_figures(ws: Workspace) -> GoalFigures:
    """All goals of the board by status, and those without linked evidence."""
    goals = ws.goals.all()
    linked = goals_with_evidence(ws)
    by_status = {status: sum(g.status == status for g in goals) for status in GOAL_STATUSES}
    return GoalFigures(
        by_status=by_status,
        goals=tuple(goals),
        without_evidence=tuple(g for g in goals if g.id not in linked),
    )


def decision_count(ws: Workspace, year: int) -> int:
    """Decisions numbered in ``year``."""
    value: Any = ws.store.scalar(
        "SELECT COUNT(*) FROM decisions WHERE board_id = ? AND deleted_at IS NULL AND year = ?",
        [ws.board_id, year],
    )
    return int(value or 0)


def year_figures(ws: Workspace, year: int, on: dt.date | None = None) -> YearFigures:
    """All figures of ``year`` for the current board, judged on ``on`` (default today)."""
    day = on or today()
    requests = ws.requests.all()
    return YearFigures(
        year=year,
        on=day,
        meetings=meeting_figures(ws, year),
        decisions=decision_count(ws, year),
        actions=action_figures(ws, year, day),
        requests=request_figures(requests, year, day),
        goals=goal_figures(ws),
    )


def years_with_data(ws: Workspace) -> list[int]:
    """Years with a meeting or a sent request, newest first (for a year chooser)."""
    rows = ws.store.rows(
        "SELECT DISTINCT CAST(substr(starts_at, 1, 4) AS INTEGER) AS y FROM meetings "
        "WHERE board_id = ? AND deleted_at IS NULL "
        "UNION SELECT DISTINCT CAST(substr(sent_on, 1, 4) AS INTEGER) FROM requests "
        "WHERE board_id = ? AND deleted_at IS NULL AND sent_on IS NOT NULL ORDER BY 1 DESC",
        [ws.board_id, ws.board_id],
    )
    return [int(r["y"]) for r in rows if r["y"]]


# -- the "Stand van zaken" page and the start-up reminder --------------------------------
@dataclass(frozen=True)
class Dashboard:
    """What the board should know today: open work, overdue requests, the buurtagenda."""

    on: dt.date
    open_actions: int
    overdue_actions: int
    postponed_open_actions: int
    waiting_requests: int
    overdue_requests: tuple[Request, ...]
    draft_requests: int
    goals_by_status: dict[str, int]
    goals_without_evidence: int
    reminder: str | None


def overdue_reminder(count: int) -> str | None:
    """``"Drie verzoeken wachten langer dan beloofd."``; ``None`` when nothing is late.

    In another UI language the sentence comes from its catalog, with the number in digits.
    """
    if count <= 0:
        return None
    if language() != "nl":
        return ngettext(
            "Eén verzoek wacht langer dan beloofd.",
            "{n} verzoeken wachten langer dan beloofd.",
            count,
        ).format(n=count)
    noun = plural(count, "verzoek wacht", "verzoeken wachten")
    return f"{number_word(count, capital=True)} {noun} langer dan beloofd."


def startup_reminder(ws: Workspace, on: dt.date | None = None) -> str | None:
    """The Dutch sentence to show on start-up about overdue requests, or ``None``."""
    return overdue_reminder(len(ws.requests.overdue(on or today())))


def dashboard(ws: Workspace, on: dt.date | None = None) -> Dashboard:
    """The figures of the "Stand van zaken" page, on ``on`` (default today)."""
    day = on or today()
    row = ws.store.one(
        "SELECT COALESCE(SUM(status = 'open'), 0) AS open, "
        "COALESCE(SUM(status = 'open' AND due_date < ?), 0) AS overdue, "
        "COALESCE(SUM(status = 'open' AND times_postponed > 0), 0) AS postponed "
        "FROM actions WHERE board_id = ? AND deleted_at IS NULL",
        [day.isoformat(), ws.board_id],
    )
    assert row is not None
    overdue = ws.requests.overdue(day)
    counts = ws.store.one(
        "SELECT COALESCE(SUM(status = 'sent'), 0) AS sent, "
        "COALESCE(SUM(status = 'draft'), 0) AS draft "
        "FROM requests WHERE board_id = ? AND deleted_at IS NULL",
        [ws.board_id],
    )
    assert counts is not None
    goals = goal_figures(ws)
    return Dashboard(
        on=day,
        open_actions=int(row["open"]),
        overdue_actions=int(row["overdue"]),
        postponed_open_actions=int(row["postponed"]),
        waiting_requests=int(counts["sent"]),
        overdue_requests=tuple(overdue),
        draft_requests=int(counts["draft"]),
        goals_by_status=goals.by_status,
        goals_without_evidence=len(goals.without_evidence),
        reminder=overdue_reminder(len(overdue)),
    )
