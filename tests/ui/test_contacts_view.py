"""Contacten: find by name, organisation and topic; last contact; editor; organisations tab."""

from __future__ import annotations

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import capture_warnings, fill, save_now, screenshots, track
from ui.views.contacts import ContactsView
from wijkapp.timeutil import today


def make(qtbot, ws, bus):
    view = ContactsView(ws, bus)
    return track(qtbot, view)


def names(panel):
    return [item.text(0).splitlines()[0] for item in panel.items()]


def search(view, qtbot, text):
    view.search.setText(text)
    qtbot.waitUntil(lambda: view.people.needle == text, timeout=2000)


def test_found_by_name_organisation_and_topic_ignoring_accents(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    assert len(names(view.people)) == 7
    search(view, qtbot, "politie")
    assert names(view.people) == ["Jos Ramakers"]
    assert names(view.organisations) == ["Politie Limburg"]
    search(view, qtbot, "ouderen")
    assert names(view.people) == ["Fatima El Amrani"]
    search(view, qtbot, "VERKEER")
    assert names(view.people) == ["Ellen Smeets", "Harrie Coenen"]
    search(view, qtbot, "coordinator")
    assert names(view.people) == ["Ellen Smeets"]
    assert "1 contact gevonden" in view.people.count_label.text()
    search(view, qtbot, "zzz")
    assert names(view.people) == []
    search(view, qtbot, "")
    assert len(names(view.people)) == 7


def test_vandaag_gesproken_sets_last_contact(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    person_id = board.people["Peter Houben"]
    view.people.select(person_id)
    row = next(i for i in view.people.items() if i.text(0) == "Peter Houben\nwijkconsulent")
    assert row.text(2) == "nog niet"
    view.people.today_button.click()
    wait_for_worker(qtbot)
    assert ws.contacts.get(person_id).last_contact == today().isoformat()
    row = next(i for i in view.people.items() if i.text(0).startswith("Peter Houben"))
    assert row.text(2) == "vandaag"
    assert view.people.last_contact.value() == today()


def test_edit_person_round_trips_awkward_text(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    person_id = board.people["Jo Vijgen"]
    view.people.select(person_id)
    view.people.name.setText("Rĳk van Dĳk 🎉")
    view.people.topics.setText("<b>&amp; ĳsbaan")
    view.people.notes.setPlainText("n" * 10_000)
    view.people.organisation.setCurrentIndex(
        view.people.organisation.findData(board.orgs["ZOwonen"]))
    save_now(view.people, qtbot)
    person = ws.contacts.get(person_id)
    assert (person.name, person.topics) == ("Rĳk van Dĳk 🎉", "<b>&amp; ĳsbaan")
    assert person.notes == "n" * 10_000 and person.organisation_id == board.orgs["ZOwonen"]
    assert "Rĳk van Dĳk 🎉" in names(view.people)
    search(view, qtbot, "ijsbaan")
    assert names(view.people) == ["Rĳk van Dĳk 🎉"]


def test_new_contact_empty_name_and_half_typed_email_are_not_saved(qtbot, ws, bus, app_ctx,
                                                                   monkeypatch):
    shown = capture_warnings(monkeypatch)
    fill(ws)
    view = make(qtbot, ws, bus)
    panel = view.people
    panel.start_new()
    panel.role.setText("buurtsportcoach")
    save_now(panel, qtbot)
    assert "Vul de naam in." in panel.message.text()
    assert panel.role.text() == "buurtsportcoach"
    panel.name.setText("Sanne Hermans")
    panel.email.setText("sanne")
    save_now(panel, qtbot)
    assert "e-mailadres is nog niet compleet" in panel.message.text()
    assert "Sanne Hermans" not in [p.name for p in ws.contacts.all()]
    panel.email.setText("sanne@sportief.nl")
    save_now(panel, qtbot)
    person = next(p for p in ws.contacts.all() if p.name == "Sanne Hermans")
    assert (person.role, person.email) == ("buurtsportcoach", "sanne@sportief.nl")
    assert shown == []


def test_organisations_tab_saves_and_opens(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.open_record("organisations", board.orgs["ZOwonen"])
    assert view.tabs.currentWidget() is view.organisations
    assert view.organisations.name.text() == "ZOwonen"
    view.organisations.website.setText("https://www.zowonen.nl")
    save_now(view.organisations, qtbot)
    assert ws.organisations.get(board.orgs["ZOwonen"]).website == "https://www.zowonen.nl"
    view.organisations.start_new()
    view.organisations.name.setText("Bibliotheek Sittard")
    save_now(view.organisations, qtbot)
    assert ws.organisations.by_name("Bibliotheek Sittard") is not None
    # the new organisation can be chosen for a person straight away
    assert view.people.organisation.findText("Bibliotheek Sittard") > 0
    view.open_record("people", board.people["Fatima El Amrani"])
    assert view.tabs.currentWidget() is view.people
    assert view.people.name.text() == "Fatima El Amrani"


def test_controls_have_accessible_names(qtbot, ws, bus, app_ctx):
    view = make(qtbot, ws, bus)
    panel = view.people
    for widget in (view.search, panel.tree, panel.name, panel.role, panel.organisation,
                   panel.topics, panel.email, panel.today_button, panel.board_member,
                   panel.new_button, panel.delete_button):
        assert widget.accessibleName(), widget
    assert view.nav_title == "Contacten"


def test_screenshots(qtbot, ws, bus, app_ctx, shoot, qapp):
    board = fill(ws)

    def prepare(view):
        view.people.select(board.people["Ellen Smeets"])

    def check(view):
        assert view.people.current_id == board.people["Ellen Smeets"]

    paths = screenshots(lambda: ContactsView(ws, bus), qtbot, qapp, shoot, "gui-contacts",
                        prepare, check)
    assert len(paths) == 2


def test_a_new_board_can_type_its_first_contact_at_once(qtbot, ws, bus, app_ctx):
    """No contacts yet: the form is ready for the first one (not greyed out and silent),
    and "Lid van het bestuur" is right under the name, in sight."""
    view = make(qtbot, ws, bus)
    view.show()
    panel = view.people
    wait_for_worker(qtbot)
    qtbot.waitUntil(lambda: panel.creating, timeout=3000)
    assert panel.name.isEnabled() and panel.board_member.isEnabled()
    assert "vanzelf bewaard" in panel.message.text()
    order = [panel.fields.index(w) for w in (panel.name, panel.role, panel.board_member)]
    assert order == sorted(order) and order[2] - order[0] == 2
    panel.name.setText("Ans Janssen")
    panel.board_member.setChecked(True)
    save_now(panel, qtbot)
    qtbot.waitUntil(lambda: bool(ws.contacts.board_members()), timeout=3000)
    assert [p.name for p in ws.contacts.board_members()] == ["Ans Janssen"]
