"""The demo board: a realistic, deterministic year of a fictional wijkplatform."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijkapp.demo import create_demo
from wijkapp.errors import ValidationError
from wijkapp.workspace import Workspace

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace(tmp_path / "demo.sqlite")
    create_demo(ws, today=TODAY)
    yield ws
    ws.close()


def test_demo_returns_changes_naming_the_new_board(tmp_path: Path) -> None:
    with Workspace(tmp_path / "demo.sqlite") as ws:
        changes = create_demo(ws, today=TODAY)
        assert changes.id == ws.board_id
        assert changes.touches("meetings", "decisions", "actions", "requests", "goals")
        board = ws.board
        assert (board.name, board.wijk, board.municipality) == (
            "Wijkplatform Geleen-Zuid", "Geleen-Zuid", "Sittard-Geleen")
        assert {"Lindenheuvel", "Krawinkel", "Het Rode Dorp"} <= {a.name for a in ws.areas.all()}


def test_demo_refuses_a_workspace_that_has_a_board(demo: Workspace) -> None:
    with pytest.raises(ValidationError, match="al een wijkplatform"):
        create_demo(demo, today=TODAY)
    assert len(demo.boards.all()) == 1


def test_demo_refuses_any_existing_board(tmp_path: Path) -> None:
    with Workspace(tmp_path / "own.sqlite") as ws:
        ws.boards.create("Ons platform")
        with pytest.raises(ValidationError):
            create_demo(ws, today=TODAY)
        assert [m for m in ws.meetings.all()] == []


def test_board_members_have_the_usual_roles(demo: Workspace) -> None:
    members = demo.contacts.board_members()
    assert len(members) == 7
    roles = [p.role for p in members]
    assert {"Voorzitter", "Secretaris", "Penningmeester"} <= set(roles)
    assert roles.count("Lid") == 4
    assert all(p.email.endswith(".example.nl") for p in demo.contacts.all())


def test_municipal_and_partner_contacts_have_organisations(demo: Workspace) -> None:
    by_role = {p.role: p for p in demo.contacts.all() if not p.board_member}
    for role in ("Wijkregisseur", "Wijkagent", "Wijkverpleegkundige", "Opbouwwerker"):
        person = by_role[role]
        assert person.organisation_id and person.topics and person.phone and person.last_contact
    assert any(role.startswith("Beleidsmedewerker") for role in by_role)


def test_a_year_of_held_meetings_and_two_planned(demo: Workspace) -> None:
    meetings = demo.meetings.all()
    held = [m for m in meetings if m.status == "held"]
    planned = [m for m in meetings if m.status == "planned"]
    assert len(held) == 11 and len(planned) == 2
    assert all(m.start.date() < TODAY and m.closed_at for m in held)
    assert all(m.start.date() >= TODAY for m in planned)
    assert held[0].start.date() > TODAY - dt.timedelta(days=366)
    assert len(demo.meetings.upcoming(dt.datetime(2026, 11, 28, tzinfo=held[0].start.tzinfo))) == 2


def test_minutes_are_approved_in_the_next_meeting(demo: Workspace) -> None:
    held = [m for m in demo.meetings.all() if m.status == "held"]
    for earlier, later in zip(held, held[1:], strict=False):
        assert earlier.minutes_approved_in == later.id
        assert earlier.minutes_approved_on == later.start.date().isoformat()
    assert not held[-1].minutes_approved


def test_attendance_mixes_present_and_absent(demo: Workspace) -> None:
    statuses = defaultdict(int)
    for meeting in demo.meetings.all():
        if meeting.status == "held":
            for row in demo.meetings.attendance(meeting.id):
                statuses[row.status] += 1
    assert statuses["present"] > statuses["absent_notice"] > 0
    assert statuses["absent"] > 0 and statuses["invited"] == 0


def test_agendas_have_topics_with_minutes_and_summaries(demo: Workspace) -> None:
    for meeting in demo.meetings.all():
        items = demo.agenda.for_meeting(meeting.id)
        topics = [i for i in items if not i.standard]
        assert 2 <= len(topics) <= 4
        assert [i.position for i in items] == list(range(len(items)))
        assert items[-1].standard == "closing"
        assert all(t.presenter and t.planned_minutes and t.kind for t in topics)
        if meeting.status == "held":
            assert all(len(t.notes) > 150 and t.summary for t in topics)
            assert all(i.notes for i in items)


def test_decisions_are_numbered_without_gaps_per_year(demo: Workspace) -> None:
    per_year: dict[int, list[int]] = defaultdict(list)
    for decision in demo.decisions.all():
        per_year[decision.year].append(decision.seq)
        assert decision.number == f"{decision.year}-{decision.seq:03d}"
    assert sum(len(s) for s in per_year.values()) >= 15
    for seqs in per_year.values():
        assert seqs == list(range(1, len(seqs) + 1))


def test_actions_are_done_postponed_and_overdue(demo: Workspace) -> None:
    actions = demo.actions.all()
    assert any(a.status == "done" for a in actions)
    assert any(a.times_postponed >= 2 for a in actions)
    overdue = demo.actions.overdue(TODAY)
    assert overdue and all(a.owner_name for a in overdue)
    postponed = max(actions, key=lambda a: a.times_postponed)
    outcomes = [r.outcome for r in demo.actions.reviews(postponed.id)]
    assert outcomes.count("postponed") == postponed.times_postponed


def test_requests_exist_in_every_state(demo: Workspace) -> None:
    requests = demo.requests.all()
    assert 8 <= len(requests) <= 12
    assert any(r.status == "draft" for r in requests)
    assert any(r.status == "sent" and not r.is_overdue(TODAY) for r in requests)
    assert any(r.is_overdue(TODAY) for r in requests)
    assert any(r.answered_in_time() is True for r in requests)
    assert any(r.answered_in_time() is False for r in requests)
    assert all(r.answered_on <= TODAY.isoformat() for r in requests if r.answered_on)


def test_goals_cover_all_seven_building_blocks(demo: Workspace) -> None:
    by_block = demo.goals.by_block()
    assert all(by_block[block] for block in range(1, 8))
    goals = demo.goals.all()
    assert {"idea", "running", "achieved", "not_achieved"} <= {g.status for g in goals}
    assert all(g.how and g.who and g.due for g in goals)
    linked = [g for g in goals if demo.goals.links(g.id)]
    kinds = {link.target_kind for g in linked for link in demo.goals.links(g.id)}
    assert len(linked) >= 5 and {"decisions", "actions", "requests"} <= kinds


def test_incoming_documents_are_tabled_at_meetings(demo: Workspace) -> None:
    for meeting in demo.meetings.all():
        if meeting.status == "held":
            assert demo.documents.for_meeting(meeting.id)


def test_search_finds_demo_text(demo: Workspace) -> None:
    assert any(h.kind == "agenda_items" for h in demo.search.query("hondenpoep"))
    assert demo.search.query("ijsselstraat")
    assert any(h.kind == "people" for h in demo.search.query("wijkagent"))
    assert any(h.kind == "requests" for h in demo.search.query("smileyborden"))


def test_demo_is_deterministic_and_healthy(tmp_path: Path) -> None:
    def texts(path: Path) -> list[str]:
        with Workspace(path) as ws:
            create_demo(ws, today=TODAY)
            assert ws.check()["healthy"]
            rows = ws.store.rows("SELECT title, notes FROM agenda_items ORDER BY rowid")
            rows += ws.store.rows("SELECT status, due_date FROM actions ORDER BY rowid")
            return [str(sorted(r.items())) for r in rows]

    assert texts(tmp_path / "a.sqlite") == texts(tmp_path / "b.sqlite")


@pytest.mark.parametrize("today", [dt.date(2027, 1, 1), dt.date(2026, 7, 14), dt.date(2030, 2, 28)])
def test_demo_works_for_any_today(tmp_path: Path, today: dt.date) -> None:
    with Workspace(tmp_path / "demo.sqlite") as ws:
        create_demo(ws, today=today)
        held = [m for m in ws.meetings.all() if m.status == "held"]
        assert len(held) == 11 and all(m.start.date() < today for m in held)
        assert all(r.answered_on <= today.isoformat() for r in ws.requests.all() if r.answered_on)
        assert ws.actions.overdue(today)


def test_demo_leaves_no_undo_history(demo: Workspace) -> None:
    assert demo.undo_name is None
