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


# -- an undo step puts back only what it changed (issue: "Every word stays") ------------------
def test_undoing_a_rename_keeps_notes_typed_after_it(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    item = ws.agenda.add(meeting, "Speeltuin").id
    ws.agenda.update(item, title="Speeltuin Oost")
    ws.agenda.set_notes(item, "Live getypt tijdens de vergadering")
    assert ws.undo_name == "Agendapunt gewijzigd"
    ws.undo()
    restored = ws.agenda.get(item)
    assert restored.title == "Speeltuin"
    assert restored.notes == "Live getypt tijdens de vergadering"
    ws.redo()
    assert ws.agenda.get(item).title == "Speeltuin Oost"
    assert ws.agenda.get(item).notes == "Live getypt tijdens de vergadering"


def test_undo_never_reverts_a_field_changed_again_since(ws: Workspace) -> None:
    person = ws.contacts.add("Ans", phone="046 111").id
    ws.contacts.update(person, phone="046 222", role="penningmeester")
    ws.store.clear_history()
    ws.contacts.update(person, role="voorzitter")  # the step to undo
    with ws.store.write(None) as tx:  # a save without a step changes the role again
        tx.update("people", person, {"role": "secretaris"})
    ws.undo()
    assert ws.contacts.get(person).role == "secretaris"
    assert ws.contacts.get(person).phone == "046 222"


def test_undoing_a_creation_and_redoing_it_keeps_the_text_typed_into_it(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    item = ws.agenda.add(meeting, "Verkeer").id
    ws.agenda.set_notes(item, "Drempels bij de school")
    ws.undo()
    assert item not in [i.id for i in ws.agenda.for_meeting(meeting)]
    ws.redo()
    assert ws.agenda.get(item).notes == "Drempels bij de school"


def test_undo_of_a_delete_only_clears_the_tombstone(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id
    item = ws.agenda.add(meeting, "Groen", notes="eerst").id
    ws.agenda.delete(item)
    with ws.store.write(None) as tx:
        tx.update("agenda_items", item, {"notes": "later bewaard"})
    ws.undo()
    assert ws.agenda.get(item).notes == "later bewaard"


def test_saving_a_request_as_sent_is_one_step_and_one_transaction(ws: Workspace) -> None:
    request = ws.requests.add("Lantaarnpaal kapot").id
    ws.store.clear_history()
    changes = ws.requests.save(
        request, {"subject": "Lantaarnpaal Kerkstraat kapot", "text": "Al twee weken donker."},
        "sent")
    assert changes.id == request
    saved = ws.requests.get(request)
    assert saved.status == "sent" and saved.answer_due and saved.subject.endswith("kapot")
    assert len(ws.store.undo_stack) == 1 and ws.undo_name == "Verzoek verstuurd"
    ws.undo()
    back = ws.requests.get(request)
    assert back.status == "draft" and back.subject == "Lantaarnpaal kapot" and not back.answer_due


def test_a_failing_status_move_saves_nothing_of_the_same_save(ws: Workspace) -> None:
    import pytest

    from wijkapp.errors import ValidationError

    request = ws.requests.add("Bankje").id
    with pytest.raises(ValidationError):
        ws.requests.save(request, {"subject": "Bankje bij de vijver", "sent_on": "2026-05-01",
                                   "answer_due": "2026-04-01"}, "sent")
    assert ws.requests.get(request).subject == "Bankje"


def test_saving_a_new_request_returns_its_id(ws: Workspace) -> None:
    changes = ws.requests.save(None, {"subject": "Zwerfvuil"}, "draft")
    assert ws.requests.get(changes.id or "").subject == "Zwerfvuil"
    assert ws.undo_name == "Verzoek toegevoegd"


def test_inviting_a_new_person_is_one_step(ws: Workspace) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id or ""
    ws.store.clear_history()
    changes = ws.meetings.invite_new_person(meeting, "Nieuwe Buurman")
    assert ws.contacts.get(changes.id or "").name == "Nieuwe Buurman"
    assert len(ws.store.undo_stack) == 1
    ws.undo()
    assert not ws.contacts.all()
    assert not [a for a in ws.meetings.attendance(meeting) if a.person_id == changes.id]


def test_a_letter_kept_as_the_answer_is_one_step(ws: Workspace) -> None:
    request = ws.requests.add("Bankje").id or ""
    ws.requests.mark_sent(request)
    ws.store.clear_history()
    ws.requests.save_letter(request, "Het bankje komt er in mei.", True)
    assert ws.requests.get(request).status == "answered"
    assert len(ws.store.undo_stack) == 1
    ws.undo()
    assert ws.requests.get(request).status == "sent" and not ws.requests.get(request).answer_text
