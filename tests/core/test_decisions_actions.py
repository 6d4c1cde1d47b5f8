"""Decision numbers run on per year; actions carry over and count their postponements."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkapp.errors import ValidationError
from wijkapp.workspace import Workspace


def test_decisions_are_numbered_per_year_and_never_reused(ws: Workspace) -> None:
    dec = ws.meetings.create("2026-11-05 19:30").id
    jan = ws.meetings.create("2027-01-14 19:30").id
    first = ws.decisions.add(dec, "Het wijkplatform koopt twee bankjes.").id
    second = ws.decisions.add(dec, "De vergadering van december vervalt.").id
    ws.decisions.delete(second)
    third = ws.decisions.add(dec, "Het jaarverslag wordt vastgesteld.").id
    new_year = ws.decisions.add(jan, "Nieuw jaar, nieuwe nummers.").id
    assert ws.decisions.get(first).number == "2026-001"
    assert ws.decisions.get(third).number == "2026-003"
    assert ws.decisions.get(new_year).number == "2027-001"
    assert ws.decisions.by_number("2026-003").id == third  # type: ignore[union-attr]


def test_decision_numbers_go_past_999(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-11-05 19:30").id
    ws.store.conn.execute(
        "INSERT INTO decisions (id, created_at, updated_at, board_id, meeting_id, year, seq, number, text) "
        "VALUES ('00000000-0000-4000-8000-000000000999', 'x', 'x', ?, ?, 2026, 999, '2026-999', 'oud')",
        [ws.board_id, meeting],
    )
    ws.store.conn.commit()
    assert ws.decisions.get(ws.decisions.add(meeting, "Duizendste").id).number == "2026-1000"


def test_decision_must_belong_to_an_item_of_its_meeting(ws: Workspace) -> None:
    a = ws.meetings.create("2026-11-05 19:30").id
    b = ws.meetings.create("2026-12-03 19:30").id
    item_of_b = ws.agenda.for_meeting(b)[0].id
    with pytest.raises(ValidationError):
        ws.decisions.add(a, "Verkeerd gekoppeld", agenda_item_id=item_of_b)
    with pytest.raises(ValidationError):
        ws.decisions.add(a, "   ")


def test_actions_carry_over_while_open(ws: Workspace) -> None:
    anna = ws.contacts.add("Anna", board_member=True).id
    october = ws.meetings.create("2026-10-01 19:30").id
    november = ws.meetings.create("2026-11-05 19:30").id
    december = ws.meetings.create("2026-12-03 19:30").id
    open_one = ws.actions.add(october, "Gemeente bellen over lantaarnpaal", anna, "2026-10-20").id
    done_one = ws.actions.add(october, "Zaal reserveren", anna, "2026-10-15").id
    later = ws.actions.add(november, "Flyer maken", anna).id
    ws.actions.mark_done(done_one, dt.date(2026, 10, 14))
    assert [a.id for a in ws.actions.carried_over(november)] == [open_one]
    assert {a.id for a in ws.actions.carried_over(december)} == {open_one, later}
    assert ws.actions.get(open_one).owner_name == "Anna"


def test_postponing_counts_up_and_moves_the_date(ws: Workspace) -> None:
    october = ws.meetings.create("2026-10-01 19:30").id
    november = ws.meetings.create("2026-11-05 19:30").id
    december = ws.meetings.create("2026-12-03 19:30").id
    action = ws.actions.add(october, "Buurtschouw plannen", due_date="2026-10-20").id
    ws.actions.postpone(action, "2026-11-30", in_meeting=november)
    ws.actions.postpone(action, in_meeting=december)
    got = ws.actions.get(action)
    assert got.times_postponed == 2
    assert got.due_date is not None and got.due_date > "2026-11-30"
    assert [r.outcome for r in ws.actions.reviews(action)] == ["postponed", "postponed"]
    ws.actions.mark_done(action, in_meeting=december)
    with pytest.raises(ValidationError):
        ws.actions.postpone(action)
    # Reviewed in December: it stays on December's list even though it is done now.
    assert action in [a.id for a in ws.actions.carried_over(december)]


def test_keep_records_the_review_without_changing_the_action(ws: Workspace) -> None:
    october = ws.meetings.create("2026-10-01 19:30").id
    november = ws.meetings.create("2026-11-05 19:30").id
    action = ws.actions.add(october, "Subsidie aanvragen", due_date="2026-12-31").id
    ws.actions.keep(action, november)
    assert ws.actions.get(action).times_postponed == 0
    assert [r.outcome for r in ws.actions.reviews_in(november)] == ["kept"]


def test_overdue_actions(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-10-01 19:30").id
    late = ws.actions.add(meeting, "Te laat", due_date="2026-10-02").id
    ws.actions.add(meeting, "Op tijd", due_date="2027-10-02")
    ws.actions.add(meeting, "Geen datum")
    on = dt.date(2026, 11, 28)
    assert [a.id for a in ws.actions.overdue(on)] == [late]
    assert ws.actions.get(late).is_overdue(on)
    assert [a.what for a in ws.actions.open()] == ["Te laat", "Op tijd", "Geen datum"]


def test_action_needs_what_and_a_real_owner(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-10-01 19:30").id
    with pytest.raises(ValidationError):
        ws.actions.add(meeting, "")
    with pytest.raises(ValidationError):
        ws.actions.add(meeting, "Iets", owner_id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(ValidationError):
        ws.actions.add(meeting, "Iets", due_date="31-02-2026")
    cancelled = ws.actions.add(meeting, "Vervalt").id
    ws.actions.cancel(cancelled)
    assert ws.actions.get(cancelled).status == "cancelled"
    ws.actions.reopen(cancelled)
    assert ws.actions.get(cancelled).status == "open"
