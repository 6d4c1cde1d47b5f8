"""Links between records in the GUI, asserted on the database.

A request names the meeting where it was discussed; a goal collects its evidence
(decisions, actions, requests, documents, agenda items); agenda items and actions say
which goal they serve.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import fill, save_now, screenshots, track
from tests.ui.test_meetings import auto_accept
from ui.labels import evidence_label, goal_choice_label, meeting_choice_label
from ui.views import goals as goals_module
from ui.views import meeting_editor as editor_module
from ui.views import minutes as minutes_module
from ui.views.actions import ActionsView
from ui.views.evidence import EvidenceDialog, evidence_choices
from ui.views.goals import GoalsView
from ui.views.meeting_editor import MeetingEditor
from ui.views.minutes import MinutesView
from ui.views.requests import RequestsView
from wijkapp.workspace import Workspace


class Window(QWidget):
    """Stands in for the main window: remembers what it was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[tuple[str, str]] = []
        QVBoxLayout(self)

    def open_record(self, kind: str, record_id: str) -> None:
        self.opened.append((kind, record_id))


def inside_window(qtbot, view):
    window = Window()
    window.layout().addWidget(view)
    track(qtbot, window)
    window.resize(1140, 680)
    window.show()
    return window


def add_decision(ws, meeting_id, text):
    return ws.decisions.add(meeting_id, text).id


# -- pure words -------------------------------------------------------------------------------

def test_meeting_choice_speaks_the_date_in_words():
    assert meeting_choice_label("2026-03-12T19:30:00+01:00") == "donderdag 12 maart 2026"
    assert meeting_choice_label("2026-03-12T19:30:00+01:00", "Extra vergadering") == (
        "donderdag 12 maart 2026 – Extra vergadering")


def test_goal_choice_names_the_bouwsteen():
    assert goal_choice_label(1, "Minder eenzaamheid") == "1. Urgentie: Minder eenzaamheid"
    assert goal_choice_label(3, "x " * 100).endswith("…")


def test_evidence_label_says_what_it_is_and_how_it_stands(ws):
    board = fill(ws)
    decision = ws.decisions.get(add_decision(ws, board.meetings[0], "Speeltuin <b>&amp; ĳ"))
    assert evidence_label("decisions", decision) == f"Besluit {decision.number}: Speeltuin <b>&amp; ĳ"
    assert evidence_label("actions", ws.actions.get(board.actions["klaar"])) == (
        "Actiepunt: Zaal reserveren voor de jaarvergadering (klaar)")
    assert evidence_label("requests", ws.requests.get(board.requests["drempel"])) == (
        "Verzoek: Verkeersdrempel in de Kerkstraat (beantwoord)")
    assert evidence_label("documents", None) == "Ingekomen stuk: (verwijderd)"


# -- requests ---------------------------------------------------------------------------------

def test_request_saved_with_its_meeting_and_the_button_opens_it(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = RequestsView(ws, bus)
    window = inside_window(qtbot, view)
    panel = view.requests
    panel.select(board.requests["prullenbak"])
    combo = panel.meeting
    assert combo.itemText(0) == "Geen"
    assert not panel.meeting_button.isEnabled()
    newest_first = [combo.itemData(i) for i in range(1, combo.count())]
    assert newest_first == list(reversed(board.meetings))
    earlier = board.meetings[1]
    combo.setCurrentIndex(combo.findData(earlier))
    save_now(panel, qtbot)
    assert ws.requests.get(board.requests["prullenbak"]).meeting_id == earlier
    assert panel.meeting_button.isEnabled()
    panel.meeting_button.click()
    assert window.opened == [("meetings", earlier)]
    # another request shows its own (none), and coming back shows the saved one
    panel.select(board.requests["lantaarn"])
    assert combo.currentData() is None and not panel.meeting_button.isEnabled()
    panel.select(board.requests["prullenbak"])
    assert combo.currentData() == earlier
    # "Geen" takes the link away again
    combo.setCurrentIndex(0)
    save_now(panel, qtbot)
    assert ws.requests.get(board.requests["prullenbak"]).meeting_id is None


def test_new_meeting_appears_in_the_request_choice(qtbot, ws, bus, app_ctx):
    import datetime as dt

    from ui.operations.meetings import create_meeting
    from wijkapp.timeutil import TZ

    fill(ws)
    view = track(qtbot, RequestsView(ws, bus))
    before = view.requests.meeting.count()
    create_meeting(view, dt.datetime(2030, 1, 10, 19, 30, tzinfo=TZ)).run()
    wait_for_worker(qtbot)
    assert view.requests.meeting.count() == before + 1
    assert view.requests.meeting.itemText(1) == "donderdag 10 januari 2030"


def test_naar_de_vergadering_opens_the_meeting_in_the_main_window(qtbot, ws, bus, app_ctx):
    from ui.main_window import MainWindow
    from ui.views.meetings import EDITOR_PAGE

    board = fill(ws)
    ws.requests.update(board.requests["lantaarn"], meeting_id=board.meetings[0])
    window = MainWindow(ws, bus)
    qtbot.addWidget(window)
    window.show()
    requests = window.show_view("requests")
    requests.open_record("requests", board.requests["lantaarn"])
    requests.requests.meeting_button.click()
    meetings = window.show_view("meetings")
    assert meetings.current_page() == EDITOR_PAGE
    assert meetings.editor.meeting_id == board.meetings[0]
    wait_for_worker(qtbot)


# -- goal evidence ----------------------------------------------------------------------------

@pytest.fixture
def linked(ws):
    """The demo board plus a decision and an agenda item to link."""
    board = fill(ws)
    board.decision = add_decision(ws, board.meetings[1], "Wij vragen de gemeente om een koffieochtend.")
    board.item = ws.agenda.add(board.meetings[1], "Eenzaamheid in Lindenheuvel").id
    return board


def pick(monkeypatch, kind, target_id, search=""):
    """Let "Bewijs koppelen…" choose ``target_id`` of ``kind`` (typing ``search`` first)."""
    def fill_in(dialog):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        dialog.search_edit.setText(search)
        assert dialog.choose(kind, target_id)

    auto_accept(monkeypatch, goals_module, "EvidenceDialog", fill_in)


def shown(panel):
    return [panel.evidence_list.item(i).text() for i in range(panel.evidence_list.count())]


def test_link_and_unlink_evidence_through_the_goal_view(qtbot, ws, bus, app_ctx, linked,
                                                        monkeypatch):
    view = track(qtbot, GoalsView(ws, bus))
    view.show()
    panel = view.panel
    goal = linked.goals["eenzaam"]
    panel.select(goal)
    assert shown(panel) == [] and not panel.evidence_list.isVisible()
    assert panel.evidence_empty.text() == "Nog geen bewijs gekoppeld."
    assert not panel.unlink_button.isEnabled()
    number = ws.decisions.get(linked.decision).number
    for kind, target, search in (("decisions", linked.decision, "koffie"),
                                 ("actions", linked.actions["klaar"], "zaal"),
                                 ("requests", linked.requests["drempel"], ""),
                                 ("agenda_items", linked.item, "eenzaam")):
        pick(monkeypatch, kind, target, search)
        panel.link_button.click()
        wait_for_worker(qtbot)
    document = ws.documents.all()[0]
    pick(monkeypatch, "documents", document.id)
    panel.link_button.click()
    wait_for_worker(qtbot)
    links = ws.goals.links(goal)
    assert [(k.target_kind, k.target_id) for k in links] == [
        ("decisions", linked.decision), ("actions", linked.actions["klaar"]),
        ("requests", linked.requests["drempel"]), ("agenda_items", linked.item),
        ("documents", document.id)]
    meeting_day = meeting_label_of(ws, linked.meetings[1])
    assert shown(panel) == [
        f"Besluit {number}: Wij vragen de gemeente om een koffieochtend.",
        "Actiepunt: Zaal reserveren voor de jaarvergadering (klaar)",
        "Verzoek: Verkeersdrempel in de Kerkstraat (beantwoord)",
        f"Agendapunt: Eenzaamheid in Lindenheuvel ({meeting_day})",
        evidence_label("documents", document),
    ]
    assert panel.evidence_list.isVisible() and not panel.evidence_empty.isVisible()
    # Ontkoppelen the action: the link goes, the action stays
    panel.evidence_list.setCurrentRow(1)
    assert panel.unlink_button.isEnabled()
    panel.unlink_button.click()
    wait_for_worker(qtbot)
    assert [k.target_kind for k in ws.goals.links(goal)] == [
        "decisions", "requests", "agenda_items", "documents"]
    assert ws.actions.exists(linked.actions["klaar"])
    assert "Actiepunt: Zaal reserveren voor de jaarvergadering (klaar)" not in shown(panel)
    # another goal has its own (empty) evidence
    panel.select(linked.goals["scan"])
    assert shown(panel) == []


def meeting_label_of(ws, meeting_id):
    from ui.labels import meeting_label

    return meeting_label(ws.meetings.get(meeting_id).starts_at)


def test_evidence_labels_follow_changes_elsewhere(qtbot, ws, bus, app_ctx, linked):
    from ui.operations.actions import mark_action_done

    goal = linked.goals["eenzaam"]
    ws.goals.link(goal, "actions", linked.actions["flyer"])
    view = track(qtbot, GoalsView(ws, bus))
    view.panel.select(goal)
    assert shown(view.panel) == ["Actiepunt: Flyer voor de buurtbarbecue maken (open)"]
    mark_action_done(None, linked.actions["flyer"]).run()
    wait_for_worker(qtbot)
    assert shown(view.panel) == ["Actiepunt: Flyer voor de buurtbarbecue maken (klaar)"]


def test_evidence_dialog_searches_and_marks_what_is_linked(qtbot, ws, linked):
    goal = linked.goals["eenzaam"]
    dialog = EvidenceDialog(ws, "Minder eenzaamheid", {("requests", linked.requests["drempel"])})
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("requests"))
    assert dialog.list.count() == 4
    dialog.search_edit.setText("kerkstraat")
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().endswith("– al gekoppeld")
    assert not dialog.choose("requests", linked.requests["drempel"]) or dialog.problem()
    dialog.search_edit.setText("zzz")
    assert dialog.count.text() == "Niets gevonden. Probeer een ander woord."
    dialog._try_accept()
    assert dialog.error.text() == "Kies eerst in de lijst wat u wilt koppelen."
    assert ws.goals.links(goal) == []
    # agenda items: the template's fixed items (Opening, Sluiting, …) are left out
    titles = [text for _id, text in evidence_choices(ws, "agenda_items")]
    assert "Agendapunt: Eenzaamheid in Lindenheuvel" in titles[0]
    assert not any(t.startswith("Agendapunt: Opening") for t in titles)


def test_evidence_opens_the_linked_record(qtbot, ws, bus, app_ctx, linked):
    goal = linked.goals["eenzaam"]
    ws.goals.link(goal, "requests", linked.requests["lantaarn"])
    view = GoalsView(ws, bus)
    window = inside_window(qtbot, view)
    view.panel.select(goal)
    view.panel.evidence_list.itemActivated.emit(view.panel.evidence_list.item(0))
    assert window.opened == [("requests", linked.requests["lantaarn"])]


def test_new_goal_can_get_evidence_once_saved(qtbot, ws, bus, app_ctx, linked):
    view = track(qtbot, GoalsView(ws, bus))
    panel = view.panel
    panel.start_new()
    assert not panel.link_button.isEnabled()
    assert panel.evidence_empty.text() == "Bewijs koppelen kan zodra het doel bewaard is."
    panel.title.setText("Meer groen in de Kerkstraat")
    save_now(panel, qtbot)
    assert panel.current_id and panel.link_button.isEnabled()


# -- goal chosen on agenda items and actions ---------------------------------------------------

def test_goal_chosen_in_the_agenda_item_dialog_is_stored(qtbot, ws, bus, app_ctx, linked,
                                                         monkeypatch):
    editor = MeetingEditor(ws, bus)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    meeting = linked.meetings[2]
    editor.load(meeting)
    goal = linked.goals["partijen"]

    def fill_new(dialog):
        dialog.title_edit.setText("Speeltuin Lindenheuvel")
        combo = dialog.goal_combo
        assert combo.itemText(0) == "Geen"
        assert combo.findText("3. Partijen samenbrengen: Coördinatie speeltuin met ZOwonen "
                              "en gemeente") > 0
        combo.setCurrentIndex(combo.findData(goal))

    auto_accept(monkeypatch, editor_module, "AgendaItemDialog", fill_new)
    editor.add_button.click()
    wait_for_worker(qtbot)
    item = next(i for i in ws.agenda.for_meeting(meeting) if i.title == "Speeltuin Lindenheuvel")
    assert item.goal_id == goal

    editor.select_item(item.id)

    def fill_edit(dialog):
        assert dialog.goal_combo.goal_id() == goal  # shows the stored goal
        dialog.goal_combo.setCurrentIndex(0)

    auto_accept(monkeypatch, editor_module, "AgendaItemDialog", fill_edit)
    editor.edit_button.click()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item.id).goal_id is None


def test_goal_chosen_in_the_minutes_action_dialog_is_stored(qtbot, ws, bus, app_ctx, linked,
                                                            monkeypatch):
    view = MinutesView(ws, bus)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.load(linked.meetings[2])
    goal = linked.goals["beleid"]

    def fill_in(dialog):
        dialog.what_edit.setText("Schoolroute op de kaart zetten")
        dialog.goal_combo.setCurrentIndex(dialog.goal_combo.findData(goal))

    auto_accept(monkeypatch, minutes_module, "ActionDialog", fill_in)
    view.action_button.click()
    wait_for_worker(qtbot)
    action = next(a for a in ws.actions.for_meeting(linked.meetings[2])
                  if a.what == "Schoolroute op de kaart zetten")
    assert action.goal_id == goal


def test_goal_chosen_in_the_actiepunten_editor_is_stored(qtbot, ws, bus, app_ctx, linked):
    view = track(qtbot, ActionsView(ws, bus))
    view.show()
    action = linked.actions["speeltuin"]
    goal = linked.goals["partijen"]
    view.select(action)
    assert view.goal_combo.goal_id() is None and view.goal_combo.isEnabled()
    view.goal_combo.setCurrentIndex(view.goal_combo.findData(goal))
    save_now(view, qtbot)
    assert ws.actions.get(action).goal_id == goal
    view.select(linked.actions["jongeren"])
    assert view.goal_combo.goal_id() is None
    view.select(action)
    assert view.goal_combo.goal_id() == goal
    # a new action gets its goal too
    view.start_new()
    view.what_edit.setPlainText("Buurtbewoners vragen naar de schommel")
    view.goal_combo.setCurrentIndex(view.goal_combo.findData(goal))
    save_now(view, qtbot)
    new = next(a for a in ws.actions.all() if a.what.startswith("Buurtbewoners vragen"))
    assert new.goal_id == goal


def test_goal_choice_follows_new_goals(qtbot, ws, bus, app_ctx, linked):
    from ui.operations.goals import add_goal

    view = track(qtbot, ActionsView(ws, bus))
    add_goal(None, "Wijkfeest in september", 3).run()
    wait_for_worker(qtbot)
    assert view.goal_combo.findText("3. Partijen samenbrengen: Wijkfeest in september") > 0


def test_link_controls_have_accessible_names(qtbot, ws, bus, app_ctx, linked):
    goals = track(qtbot, GoalsView(ws, bus)).panel
    requests = track(qtbot, RequestsView(ws, bus)).requests
    actions = track(qtbot, ActionsView(ws, bus))
    for widget in (goals.evidence_list, goals.link_button, goals.unlink_button, goals.evidence,
                   requests.meeting, requests.meeting_button, actions.goal_combo):
        assert widget.accessibleName(), widget


# -- screenshots ------------------------------------------------------------------------------

def test_screenshots(qtbot, ws, bus, app_ctx, shoot, qapp, linked):
    goal = linked.goals["eenzaam"]
    for kind, target in (("decisions", linked.decision), ("actions", linked.actions["klaar"]),
                         ("requests", linked.requests["drempel"]),
                         ("agenda_items", linked.item)):
        ws.goals.link(goal, kind, target)
    ws.requests.update(linked.requests["lantaarn"], meeting_id=linked.meetings[1])

    def show_goal(view):
        view.panel.select(goal)
        qtbot.wait(20)
        view.panel.scroll_area.ensureWidgetVisible(view.panel.link_button, 0, 40)

    def show_request(view):
        view.requests.select(linked.requests["lantaarn"])
        qtbot.wait(20)
        view.requests.scroll_area.ensureWidgetVisible(view.requests.meeting_button, 0, 40)

    def goal_shown(view):
        assert view.panel.current_id == goal
        assert view.panel.evidence_list.count() >= 4  # the four links made above

    def request_shown(view):
        assert view.requests.current_id == linked.requests["lantaarn"]
        assert view.requests.meeting_button.isEnabled()

    paths = screenshots(lambda: GoalsView(ws, bus), qtbot, qapp, shoot, "links-goals", show_goal,
                        goal_shown)
    paths += screenshots(lambda: RequestsView(ws, bus), qtbot, qapp, shoot, "links-requests",
                         show_request, request_shown)
    assert len(paths) == 4


def test_records_naming_the_goal_count_as_evidence(qtbot: Any, ws: Workspace, bus: Any,
                                                   app_ctx: Any) -> None:
    from ui.views.goals import GoalsView
    from wijkapp.followup import goals_with_evidence

    goal = ws.goals.add("Veilig oversteken bij school", 6).id
    meeting = ws.meetings.create("2026-10-13 19:30").id
    action = ws.actions.add(meeting, "Verkeerstelling organiseren", goal_id=goal).id
    assert goal in goals_with_evidence(ws)
    assert [(e.id, e.target_kind, e.target_id) for e in ws.goals.evidence(goal)] == [
        ("", "actions", action)]
    view = GoalsView(ws, bus)
    qtbot.addWidget(view)
    view.open_record("goals", goal)
    panel = view.panel
    qtbot.waitUntil(lambda: panel.evidence_list.count() == 1, timeout=3000)
    row = panel.evidence_list.item(0)
    assert "Verkeerstelling organiseren" in row.text()
    panel.evidence_list.setCurrentItem(row)
    assert not panel.unlink_button.isEnabled()  # unlinked by changing the action itself
