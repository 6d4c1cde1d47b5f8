"""Undo and redo live in the core, as named steps."""

from __future__ import annotations

from wijkapp.workspace import Workspace


def test_undo_brings_back_a_deleted_item_in_its_place(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    item = ws.agenda.add(meeting, "Speeltuin", notes="Belangrijk").id
    before = [(i.id, i.position) for i in ws.agenda.for_meeting(meeting)]
    ws.agenda.delete(item)
    assert ws.undo_name == "Agendapunt verwijderd"
    changes = ws.undo()
    assert changes.step == "Agendapunt verwijderd" and changes.touches("agenda_items", "meetings")
    assert [(i.id, i.position) for i in ws.agenda.for_meeting(meeting)] == before
    assert ws.agenda.get(item).notes == "Belangrijk"
    assert ws.redo_name == "Agendapunt verwijderd"
    ws.redo()
    assert item not in [i.id for i in ws.agenda.for_meeting(meeting)]


def test_undo_of_a_create_removes_it_and_search_forgets_it(ws: Workspace) -> None:
    ws.contacts.add("Zeldzame Naam Xylofoon")
    assert ws.search.query("xylofoon")
    ws.undo()
    assert ws.contacts.all() == []
    assert ws.search.query("xylofoon") == []
    ws.redo()
    assert [p.name for p in ws.contacts.all()] == ["Zeldzame Naam Xylofoon"]
    assert ws.search.query("xylofoon")


def test_undo_steps_run_in_reverse_order_and_new_work_clears_redo(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    ws.decisions.add(meeting, "Eerste")
    ws.decisions.add(meeting, "Tweede")
    ws.undo()
    assert [d.text for d in ws.decisions.for_meeting(meeting)] == ["Eerste"]
    ws.decisions.add(meeting, "Derde")
    assert ws.redo_name is None
    assert ws.redo().kinds == frozenset()
    assert [d.number for d in ws.decisions.for_meeting(meeting)] == ["2026-001", "2026-002"]


def test_typing_notes_is_not_an_undo_step(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    item = ws.agenda.for_meeting(meeting)[0].id
    name = ws.undo_name
    ws.agenda.set_notes(item, "getypt")
    assert ws.undo_name == name


def test_nothing_to_undo_is_harmless(empty_ws: Workspace) -> None:
    assert empty_ws.undo_name is None
    assert not empty_ws.undo()


def test_nested_writes_are_one_undo_step_and_report_their_own_ids(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    with ws.store.write("Twee punten tegelijk") as outer:
        first = ws.agenda.add(meeting, "Eerste").id
        second = ws.agenda.add(meeting, "Tweede").id
    assert first != second
    assert {first, second} <= outer.ids
    assert ws.undo_name == "Twee punten tegelijk"
    ws.undo()
    titles = [i.title for i in ws.agenda.for_meeting(meeting)]
    assert "Eerste" not in titles and "Tweede" not in titles


def test_clear_history(ws: Workspace) -> None:
    ws.contacts.add("Iemand")
    ws.store.clear_history()
    assert ws.undo_name is None and ws.redo_name is None
