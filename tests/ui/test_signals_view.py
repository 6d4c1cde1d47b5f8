"""Stem van de wijk: the register saves by itself, consent guards names, follow-up buttons
work, the tellen-en-vertellen tab counts and names the groups not heard; screenshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import save_now, screenshots, track
from ui.views.signal_labels import followup_line, signal_row, signal_status_text
from ui.views.signals import SignalsView
from ui.views.widgets import LATE_COLOR
from wijkapp.demo import create_demo
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace


def make(qtbot, ws, bus):
    return track(qtbot, SignalsView(ws, bus))


def test_new_signal_is_saved_with_themes_and_groups(qtbot, ws, bus, app_ctx):
    member = ws.contacts.add("Gerda IJzerman", board_member=True).id
    view = make(qtbot, ws, bus)
    panel = view.register
    panel.start_new()
    panel.words.setPlainText("Ik zie soms een hele week niemand. <b>&amp; ĳs 🙂")
    panel.place.setText("Koffieochtend")
    panel.heard_by.setCurrentIndex(panel.heard_by.findData(member))
    panel.theme_checks.item(0).setCheckState(Qt.CheckState.Checked)  # eenzaamheid
    panel.group_checks.item(0).setCheckState(Qt.CheckState.Checked)  # ouderen
    save_now(panel, qtbot)
    [signal] = ws.signals.all()
    assert signal.words == "Ik zie soms een hele week niemand. <b>&amp; ĳs 🙂"
    assert signal.theme_list == ["eenzaamheid"] and signal.group_list == ["ouderen"]
    assert signal.heard_by_id == member and signal.heard_on == today().isoformat()
    assert panel.current_id == signal.id
    assert "1 signaal" in panel.count_label.text()


def test_a_name_without_consent_is_not_saved_and_says_why(qtbot, ws, bus, app_ctx):
    view = make(qtbot, ws, bus)
    panel = view.register
    panel.start_new()
    panel.words.setPlainText("Stoep kapot")
    save_now(panel, qtbot)
    signal_id = panel.current_id
    panel.consent.setChecked(True)
    panel.resident_name.setText("Mevrouw Zuurbier")
    panel.consent.setChecked(False)
    save_now(panel, qtbot)
    assert "toestemming" in panel.message.text()
    assert ws.signals.get(signal_id).resident_name == ""
    panel.consent.setChecked(True)
    save_now(panel, qtbot)
    assert ws.signals.get(signal_id).resident_name == "Mevrouw Zuurbier"
    assert panel.erase_button.isVisible() or not panel.isVisible()


def test_erasing_a_residents_name_asks_with_worded_buttons_then_erases(
        qtbot, ws, bus, app_ctx, monkeypatch):
    """The question gets its own yes-button words (it once crashed without them)."""
    asked: list[tuple[str, str]] = []

    def answer_yes(parent, title, text, yes_text):  # the real signature, strictly
        asked.append((title, yes_text))
        return True

    monkeypatch.setattr("ui.views.signals.ask_yes_no", answer_yes)
    signal_id = ws.signals.add("Stoep kapot", consent=True, resident_name="Mevrouw Zuurbier",
                               resident_contact="06 12345678").id
    view = make(qtbot, ws, bus)
    view.register.select(signal_id)
    view.register.erase_resident()
    wait_for_worker(qtbot)
    assert asked == [("Naam en contact wissen", "Ja, wissen")]
    erased = ws.signals.get(signal_id)
    assert (erased.resident_name, erased.resident_contact, erased.words) == ("", "", "Stoep kapot")


def test_pass_on_buttons_and_the_answer_close_the_loop(qtbot, ws, bus, app_ctx, monkeypatch):
    knooppunt = ws.organisations.add("Knooppunt Informele Zorg", themes=["eenzaamheid"]).id
    signal_id = ws.signals.add("Alleen sinds mijn man dood is.", themes=["eenzaamheid"]).id
    view = make(qtbot, ws, bus)
    panel = view.register
    panel.select(signal_id)
    qtbot.mouseClick(panel.to_city, Qt.MouseButton.LeftButton)
    wait_for_worker(qtbot)
    [request] = ws.requests.all()
    assert request.status == "sent" and request.kind == "signal"
    assert panel.referral_choices()[0] == (knooppunt, "Knooppunt Informele Zorg")
    panel.pass_on("referral", to_id=knooppunt)
    wait_for_worker(qtbot)
    assert panel.followup_list.count() == 2
    assert "Knooppunt Informele Zorg (doorverwezen) — nog geen antwoord" in panel.followup_list.item(1).text()
    panel.followup_list.setCurrentRow(1)
    panel.ask_text = lambda *_a: "Een maatje komt elke week."
    panel.record_answer()
    wait_for_worker(qtbot)
    assert "Een maatje komt elke week." in panel.followup_list.item(1).text()
    assert panel.items()[0].text(2) == "Antwoord binnen"
    panel.outcome.setPlainText("Mevrouw gaat nu naar de koffieochtend.")
    save_now(panel, qtbot)
    signal = ws.signals.get(signal_id)
    assert signal.outcome_on == today().isoformat()
    assert panel.items()[0].text(2) == "Afgerond"
    assert "U zei, wij deden" in panel.outcome_line.text()


def test_forgotten_signal_is_red_and_first(qtbot, ws, bus, app_ctx):
    ws.signals.add("Nieuw", today())
    old = ws.signals.add("Oud en vergeten", today() - dt.timedelta(weeks=10)).id
    panel = make(qtbot, ws, bus).register
    first = panel.items()[0]
    assert first.data(0, Qt.ItemDataRole.UserRole) == old
    assert first.text(2) == "Wacht op opvolging" and first.foreground(0).color() == LATE_COLOR


@pytest.fixture
def demo(tmp_path: Path):
    workspace = Workspace(tmp_path / "demo.sqlite")
    create_demo(workspace, today())
    yield workspace
    workspace.close()


def test_tellen_en_vertellen_names_the_groups_not_heard(qtbot, demo, bus):
    view = make(qtbot, demo, bus)
    view.tabs.setCurrentWidget(view.overview_page)
    overview = view.overview
    assert overview.not_heard.text() == (
        "Dit jaar geen signalen van mensen met een verstandelijke beperking en nieuwkomers.")
    themes = {overview.themes.item(r, 0).text(): overview.themes.item(r, 5).text()
              for r in range(overview.themes.rowCount())}
    assert int(themes["eenzaamheid"]) >= 3
    groups = [overview.groups.item(r, 0).text() for r in range(overview.groups.rowCount())]
    assert "nieuwkomers (niet gehoord)" in groups
    assert overview.quotes_layout.count() >= 3
    quotes = " ".join(overview.quotes_layout.itemAt(i).widget().text()
                      for i in range(overview.quotes_layout.count()))
    assert "Van Loon" not in quotes or "Van Loon" in quotes and "Dhr." in quotes


def test_labels_read_well():
    assert signal_status_text("new", True) == "Wacht op opvolging"
    assert signal_status_text("done", False) == "Afgerond"


def test_screenshots_of_register_and_tellen_en_vertellen(qtbot, demo, bus, qapp, shoot):
    def register():
        view = SignalsView(demo, bus)
        view.register.select(view.register.items()[0].data(0, Qt.ItemDataRole.UserRole))
        return view

    def counting():
        view = SignalsView(demo, bus)
        view.tabs.setCurrentWidget(view.overview_page)
        return view

    def on_register(view):
        assert view.tabs.currentWidget() is not view.overview_page
        assert view.register.current_id is not None

    def on_counting(view):
        assert view.tabs.currentWidget() is view.overview_page and view.overview.isVisible()

    paths = screenshots(register, qtbot, qapp, shoot, "signals-register", check=on_register)
    paths += screenshots(counting, qtbot, qapp, shoot, "signals-tellen", check=on_counting)
    assert len(paths) == 4


def test_followup_line_and_row_are_pure():
    from wijkapp.signals import Followup, FollowupView, Signal

    f = Followup("f", "b", "s", "referral", "organisations", "o", "Knooppunt", "2026-03-09", "",
                 None, "", "", "")
    assert followup_line(FollowupView(f, "Knooppunt", None, "")) == (
        "9 mrt 2026 · Knooppunt (doorverwezen) — nog geen antwoord")
    s = Signal("s", "b", "2026-03-05", "", None, "", None, "woorden", "", "[]", "[]", 1, 0, None,
               "", "", "", None, "", "")
    row = signal_row(s, "new", False)
    assert row.cells == ("woorden", "5 mrt 2026", "Nog niet opgepakt") and not row.late


def test_stand_van_zaken_shows_forgotten_signals_and_opens_them(qtbot, ws, bus, app_ctx):
    from ui.views.dashboard import DashboardView
    from ui.views.voice_card import forgotten_lines

    old = ws.signals.add("Bankjes kapot", today() - dt.timedelta(weeks=6), subject="Kapotte bankjes")
    ws.signals.add("Net gehoord", today())
    view = track(qtbot, DashboardView(ws, bus))
    card = view.voice_card
    assert card.list.count() == 1
    assert card.list.item(0).text().startswith("Kapotte bankjes — gehoord op ")
    assert card.list.item(0).text().endswith("6 weken geleden")
    assert card.list.item(0).data(Qt.ItemDataRole.UserRole) == old.id
    ws.signals.pass_on(old.id, "referral", to_name="Sociaal wijkteam")
    bus.changed.emit(ws.signals.set_outcome(old.id, "Opgepakt"), None)
    assert card.list.item(0).text() == "Alle signalen zijn opgepakt."
    assert forgotten_lines([], today()) == []


def test_sociale_kaart_fields_are_saved_and_found_by_a_question(qtbot, ws, bus, app_ctx):
    from ui.views.contacts import ContactsView

    view = track(qtbot, ContactsView(ws, bus))
    panel = view.organisations
    panel.start_new()
    panel.name.setText("Knooppunt Informele Zorg")
    panel.offer.setPlainText("Maatjes en steun voor mantelzorgers")
    panel.theme_checks.item(0).setCheckState(Qt.CheckState.Checked)  # eenzaamheid
    panel.reach.setText("046 400 77 88")
    panel.cost.setText("gratis")
    save_now(panel, qtbot)
    [org] = ws.organisations.all()
    assert (org.offer, org.reach, org.cost) == ("Maatjes en steun voor mantelzorgers",
                                               "046 400 77 88", "gratis")
    assert org.themes == '["eenzaamheid"]'
    panel.needle = "Wie helpt bij eenzaamheid?"
    panel.fill()
    assert [i.text(0) for i in panel.items()] == ["Knooppunt Informele Zorg"]


def test_goal_can_be_marked_preventive(qtbot, ws, bus, app_ctx):
    from ui.views.goals import GoalsView

    goal = ws.goals.add("Minder eenzaamheid", 4).id
    view = track(qtbot, GoalsView(ws, bus))
    panel = view.panel if hasattr(view, "panel") else view.goals
    panel.select(goal)
    panel.preventive.setChecked(True)
    save_now(panel, qtbot)
    assert ws.goals.get(goal).preventive == 1


def test_older_signals_show_only_when_asked_or_still_waiting(qtbot, ws, bus, app_ctx):
    long_ago = dt.date(today().year - 3, 5, 1)
    done = ws.signals.add("Oud en afgerond", long_ago).id
    ws.signals.set_outcome(done, "Opgelost", on=long_ago)
    waiting = ws.signals.add("Oud en vergeten", long_ago).id
    recent = ws.signals.add("Van dit jaar", today()).id
    panel = make(qtbot, ws, bus).register
    shown = {i.data(0, Qt.ItemDataRole.UserRole) for i in panel.items()}
    assert shown == {waiting, recent}
    panel.show_all.setChecked(True)
    shown = {i.data(0, Qt.ItemDataRole.UserRole) for i in panel.items()}
    assert shown == {done, waiting, recent}


def test_overview_window_names_the_missing_voices(qtbot, demo, tmp_path):
    import json

    from ui.views.overview import OverviewWindow
    from wijkapp.export.year_summary import year_summary

    path = tmp_path / "zuid.jaarsamenvatting.json"
    path.write_text(json.dumps(year_summary(demo, today().year)), encoding="utf-8")
    window = OverviewWindow()
    qtbot.addWidget(window)
    window.load([path])
    assert "Stem van de wijk" in window.voice.text()
    assert "Niet gehoord: mensen met een verstandelijke beperking, nieuwkomers." in window.voice.text()


def test_board_edits_its_themes_groups_and_weeks(qtbot, ws, bus, app_ctx):
    from ui.views.voice_lists import VoiceListsDialog

    view = make(qtbot, ws, bus)
    dialog = VoiceListsDialog(ws, view)
    qtbot.addWidget(dialog)
    dialog.themes.setPlainText("eenzaamheid\n\n  wonen  \nĳs & <b>")
    dialog.groups.setPlainText("ouderen\nstatushouders")
    dialog.weeks.setValue(6)
    dialog.save()
    wait_for_worker(qtbot)
    assert ws.signals.themes() == ["eenzaamheid", "wonen", "ĳs & <b>"]
    assert ws.signals.groups() == ["ouderen", "statushouders"]
    assert ws.signals.followup_weeks() == 6
    bus.changed.emit(ws.signals.set_groups(["ouderen", "statushouders"]), None)
    words = [view.register.group_checks.item(i).text()
             for i in range(view.register.group_checks.count())]
    assert words == ["ouderen", "statushouders"]


def test_action_can_be_marked_preventive(qtbot, ws, bus, app_ctx):
    from ui.views.actions import ActionsView

    action = ws.actions.add(None, "Belrondje ouderen").id
    view = track(qtbot, ActionsView(ws, bus))
    view.select(action)
    view.preventive.setChecked(True)
    view.saver.flush()
    wait_for_worker(qtbot)
    assert ws.actions.get(action).preventive == 1
