"""Follow-up figures: the request status flow, in time vs late across years, goals, reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkapp.errors import ValidationError
from wijkapp.followup import (
    dashboard,
    number_word,
    overdue_reminder,
    request_figures,
    startup_reminder,
    year_figures,
    years_with_data,
)
from wijkapp.workspace import Workspace

D = dt.date


def sent_request(ws: Workspace, subject: str, sent: D, answered: D | None = None,
                 due: D | None = None) -> str:
    request_id = ws.requests.add(subject).id
    assert request_id
    ws.requests.mark_sent(request_id, on=sent, answer_due=due)
    if answered:
        ws.requests.record_answer(request_id, "Antwoord", on=answered)
    return request_id


def test_status_flow_draft_sent_answered_closed(ws: Workspace) -> None:
    request_id = ws.requests.add("Lantaarnpaal kapot").id
    assert request_id
    assert ws.requests.get(request_id).status == "draft"
    ws.requests.mark_sent(request_id, on=D(2026, 3, 2))
    sent = ws.requests.get(request_id)
    assert sent.status == "sent"
    assert sent.answer_due == "2026-04-13"  # six weeks later
    assert sent.is_overdue(D(2026, 4, 14)) and not sent.is_overdue(D(2026, 4, 13))
    ws.requests.record_answer(request_id, "Wordt gemaakt.", on=D(2026, 4, 20))
    answered = ws.requests.get(request_id)
    assert answered.status == "answered" and answered.answered_in_time() is False
    assert not answered.is_overdue(D(2026, 12, 1))
    ws.requests.close(request_id)
    assert ws.requests.get(request_id).status == "closed"
    with pytest.raises(ValidationError):
        ws.requests.mark_sent(request_id)


def test_december_request_answered_in_january_counts_for_the_year_sent(ws: Workspace) -> None:
    sent_request(ws, "Bankje", D(2025, 12, 15), answered=D(2026, 1, 10))
    on = D(2026, 6, 1)
    old, new = year_figures(ws, 2025, on).requests, year_figures(ws, 2026, on).requests
    assert (old.sent, old.answered_in_time, old.answered_late) == (1, 1, 0)
    assert old.median_days == 26
    assert new.sent == 0 and new.answered == 0


def test_late_answer_across_the_year_boundary(ws: Workspace) -> None:
    sent_request(ws, "Drempel", D(2025, 12, 1), answered=D(2026, 2, 20))  # due 12 Jan
    figures = year_figures(ws, 2025, D(2026, 6, 1)).requests
    assert (figures.answered_in_time, figures.answered_late, figures.not_answered) == (0, 1, 0)
    assert figures.outcomes[0].days_to_answer == 81


def test_answer_after_the_reference_day_is_not_yet_counted(ws: Workspace) -> None:
    sent_request(ws, "Bankje", D(2025, 12, 15), answered=D(2026, 1, 10))
    figures = year_figures(ws, 2025, D(2025, 12, 31)).requests
    assert (figures.answered, figures.not_answered, figures.waiting) == (0, 1, 1)


def test_requests_never_answered_are_overdue_or_waiting(ws: Workspace) -> None:
    sent_request(ws, "Oud", D(2026, 1, 5))
    sent_request(ws, "Nieuw", D(2026, 11, 20))
    closed = sent_request(ws, "Opgegeven", D(2026, 2, 1))
    ws.requests.close(closed)
    ws.requests.add("Nog een concept")  # drafts are never counted
    figures = year_figures(ws, 2026, D(2026, 12, 1)).requests
    assert figures.sent == 3
    assert (figures.not_answered, figures.overdue, figures.waiting) == (3, 2, 1)
    assert figures.closed_unanswered == 1
    assert figures.median_days is None


def test_promised_date_is_inclusive_and_median_of_answers(ws: Workspace) -> None:
    sent_request(ws, "Precies op tijd", D(2026, 3, 2), answered=D(2026, 4, 13))
    sent_request(ws, "Snel", D(2026, 3, 2), answered=D(2026, 3, 12), due=D(2026, 3, 9))
    sent_request(ws, "Eigen termijn", D(2026, 3, 2), answered=D(2026, 3, 30), due=D(2026, 4, 30))
    figures = year_figures(ws, 2026, D(2026, 12, 1)).requests
    assert (figures.answered_in_time, figures.answered_late) == (2, 1)
    assert figures.median_days == 28


def test_request_figures_are_pure_over_records(ws: Workspace) -> None:
    sent_request(ws, "A", D(2024, 5, 1), answered=D(2024, 5, 2))
    assert request_figures(ws.requests.all(), 2024, D(2025, 1, 1)).answered_in_time == 1
    assert request_figures([], 2024).sent == 0


def test_goals_by_status_and_without_evidence(ws: Workspace) -> None:
    with_link = ws.goals.add("Schoon park", 5, status="achieved").id
    only_text = ws.goals.add("Veilige route", 1, status="achieved", evidence="Telling").id
    ws.goals.add("Overleg", 3)
    gone = ws.goals.add("Bomen", 6, status="not_achieved").id
    assert with_link and only_text and gone
    meeting = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
    assert meeting
    decision = ws.decisions.add(meeting, "Proef met afvalbakken").id
    assert decision
    ws.goals.link(with_link, "decisions", decision)
    action = ws.actions.add(meeting, "Bomen tellen").id
    assert action
    ws.goals.link(gone, "actions", action)
    ws.actions.delete(action)  # evidence that was deleted no longer counts
    goals = year_figures(ws, 2026, D(2026, 12, 1)).goals
    assert goals.by_status == {"idea": 1, "running": 0, "achieved": 2, "not_achieved": 1,
                               "stopped": 0}
    assert sorted(g.title for g in goals.without_evidence) == ["Bomen", "Overleg",
                                                               "Veilige route"]


def test_actions_meetings_and_attendance_of_a_year(ws: Workspace) -> None:
    members = [ws.contacts.add(name, board_member=True).id for name in ("An", "Bep", "Cor")]
    guest = ws.contacts.add("Wijkregisseur").id
    first = ws.meetings.create(dt.datetime(2026, 2, 10, 19, 30)).id
    second = ws.meetings.create(dt.datetime(2026, 3, 10, 19, 30)).id
    ws.meetings.create(dt.datetime(2026, 4, 14, 19, 30))  # still planned
    cancelled = ws.meetings.create(dt.datetime(2026, 5, 12, 19, 30)).id
    assert first and second and cancelled and guest
    ws.meetings.cancel(cancelled)
    for meeting, statuses in ((first, ["present", "present", "absent_notice"]),
                              (second, ["present", "absent", "present"])):
        for person, status in zip(members, statuses, strict=True):
            assert person
            ws.meetings.set_attendance(meeting, person, status)
        ws.meetings.set_attendance(meeting, guest, "present")
        ws.meetings.mark_held(meeting)
    done = ws.actions.add(first, "Flyer maken").id
    late = ws.actions.add(first, "Zaal boeken", due_date=D(2026, 3, 1)).id
    ws.actions.add(second, "Offerte", due_date=D(2027, 1, 1))
    old = ws.meetings.create(dt.datetime(2025, 11, 10, 19, 30)).id
    assert done and late and old
    ws.actions.add(old, "Vorig jaar")
    ws.actions.mark_done(done, on=D(2026, 3, 10))
    ws.actions.postpone(late, new_due=D(2026, 4, 1))
    figures = year_figures(ws, 2026, D(2026, 6, 1))
    m, a = figures.meetings, figures.actions
    assert (m.held, m.cancelled, m.planned) == (2, 1, 1)
    assert (m.present, m.recorded) == (4, 6)  # the guest is not counted
    assert m.attendance_rate == pytest.approx(4 / 6)
    assert (a.agreed, a.done, a.open, a.postponed, a.overdue) == (3, 1, 2, 1, 1)
    assert years_with_data(ws) == [2026, 2025]


def test_dashboard_and_startup_reminder(ws: Workspace) -> None:
    for number in range(3):
        sent_request(ws, f"Verzoek {number}", D(2026, 1, 5))
    sent_request(ws, "Nog binnen de termijn", D(2026, 11, 25))
    ws.requests.add("Concept")
    ws.goals.add("Doel", 1, status="running")
    board = dashboard(ws, D(2026, 12, 1))
    assert len(board.overdue_requests) == 3
    assert (board.waiting_requests, board.draft_requests) == (4, 1)
    assert board.goals_by_status["running"] == 1 and board.goals_without_evidence == 1
    assert board.reminder == "Drie verzoeken wachten langer dan beloofd."
    assert startup_reminder(ws, D(2026, 1, 6)) is None


@pytest.mark.parametrize(("count", "sentence"), [
    (0, None),
    (1, "Eén verzoek wacht langer dan beloofd."),
    (2, "Twee verzoeken wachten langer dan beloofd."),
    (12, "Twaalf verzoeken wachten langer dan beloofd."),
    (20, "Twintig verzoeken wachten langer dan beloofd."),
    (21, "21 verzoeken wachten langer dan beloofd."),
])
def test_reminder_sentence_uses_dutch_number_words(count: int, sentence: str | None) -> None:
    assert overdue_reminder(count) == sentence


def test_number_words() -> None:
    assert [number_word(n) for n in (1, 3, 11, 19)] == ["één", "drie", "elf", "negentien"]
    assert number_word(8, capital=True) == "Acht"
    assert number_word(150) == "150"
