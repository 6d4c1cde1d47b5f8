"""Actiepunten: late ones first in red with words, filters, done, postpone, edit, bad input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import capture_warnings, fill, save_now, screenshots, track
from ui.views.actions import ActionsView
from ui.views.widgets import LATE_COLOR


def make(qtbot, ws, bus):
    view = ActionsView(ws, bus)
    return track(qtbot, view)


def rows(view):
    return [[row.text(c) for c in range(5)] for row in view.rows()]


def test_overdue_actions_first_in_red_and_with_words(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    shown = rows(view)
    assert [r[0] for r in shown[:2]] == [
        "Gemeente bellen over de kapotte lantaarnpaal Heideweg", "Flyer voor de buurtbarbecue maken"]
    assert all("te laat" in r[3] for r in shown[:2])
    assert not any("te laat" in r[3] for r in shown[2:])
    assert "2× uitgesteld" in shown[1][3]
    first, third = view.rows()[0], view.rows()[2]
    assert first.foreground(0).color() == LATE_COLOR and first.font(0).bold()
    assert third.foreground(0).color() != LATE_COLOR
    assert "Zaal reserveren" not in " ".join(r[0] for r in shown)  # done ones hidden
    assert "2 te laat" in view.count_label.text()
    assert len(shown) == len(ws.actions.open()) == 5
    assert board.actions["klaar"] not in [a.id for a in view.visible_actions()]


def test_filter_by_person_and_show_done(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.person_filter.setCurrentIndex(view.person_filter.findData(board.people["Jo Vijgen"]))
    assert [r[0] for r in rows(view)] == ["Flyer voor de buurtbarbecue maken"]
    view.show_done.setChecked(True)
    shown = rows(view)
    assert [r[0] for r in shown] == ["Flyer voor de buurtbarbecue maken",
                                     "Zaal reserveren voor de jaarvergadering"]
    assert shown[1][3] == "klaar"


def test_filter_by_meeting_and_outside_meetings(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.meeting_filter.setCurrentIndex(view.meeting_filter.findData(board.meetings[1]))
    assert {r[0] for r in rows(view)} == {"Offerte nieuwe schommel opvragen",
                                          "Afspraak met wijkagent over hangplek bij de school"}
    view.meeting_filter.setCurrentIndex(view.meeting_filter.count() - 1)
    assert view.meeting_filter.currentText() == "Buiten een vergadering"
    assert [r[0] for r in rows(view)] == ["Verslag op de website zetten"]
    assert rows(view)[0][4] == "—"


def test_mark_done_through_the_view(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.select(board.actions["lantaarn"])
    assert view.done_button.isEnabled()
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    wait_for_worker(qtbot)
    assert ws.actions.get(board.actions["lantaarn"]).status == "done"
    assert "lantaarnpaal" not in " ".join(r[0] for r in rows(view))
    # the editor moved on: it no longer shows the action just done
    assert view.current_id and view.current_id != board.actions["lantaarn"]
    assert view.what_edit.toPlainText() == ws.actions.get(view.current_id).what
    assert "is klaar" in view.message.text() and view.done_button.isEnabled()


def test_postpone_counts_up_in_the_database_and_on_screen(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    action_id = board.actions["speeltuin"]
    view.select(action_id)
    for expected in (1, 2):
        qtbot.mouseClick(view.postpone_button, Qt.MouseButton.LeftButton)
        wait_for_worker(qtbot)
        assert ws.actions.get(action_id).times_postponed == expected
    row = next(r for r in rows(view) if r[0] == "Offerte nieuwe schommel opvragen")
    assert "2× uitgesteld" in row[3]
    assert view.current_id == action_id


def test_edit_what_owner_and_due_date(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    action_id = board.actions["website"]
    view.select(action_id)
    assert view.what_edit.toPlainText() == "Verslag op de website zetten"
    view.what_edit.setPlainText("Verslag én foto's op de website zetten")
    view.owner_combo.setCurrentIndex(view.owner_combo.findText("Harrie Coenen"))
    view.due_field.set_value("2027-01-15")
    view.due_field.changed.emit()
    save_now(view, qtbot)
    action = ws.actions.get(action_id)
    assert action.what == "Verslag én foto's op de website zetten"
    assert action.owner_id == board.people["Harrie Coenen"]
    assert action.due_date == "2027-01-15"
    assert "Harrie Coenen" in [r[1] for r in rows(view)]
    view.due_field.clear_button.click()
    save_now(view, qtbot)
    assert ws.actions.get(action_id).due_date is None


def test_new_action_keeps_awkward_text_exactly(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    view.start_new()
    text = "<b>&amp; ĳsbaan 🎉 " + "x" * 10_000
    view.what_edit.setPlainText(text)
    view.owner_combo.setEditText("Buurtman Sjef")
    save_now(view, qtbot)
    new = [a for a in ws.actions.open() if a.what == text]
    assert len(new) == 1 and new[0].owner_name == "Buurtman Sjef" and new[0].owner_id is None
    assert view.current_id == new[0].id
    assert any(r[0].startswith("<b>&amp; ĳsbaan 🎉") for r in rows(view))
    view.what_edit.setPlainText(text + " bijgewerkt")
    save_now(view, qtbot)
    assert ws.actions.get(new[0].id).what == text + " bijgewerkt"
    assert len(ws.actions.open()) == 6


def test_empty_what_gives_a_dutch_message_and_keeps_what_was_typed(qtbot, ws, bus, app_ctx,
                                                                    monkeypatch):
    shown = capture_warnings(monkeypatch)
    fill(ws)
    view = make(qtbot, ws, bus)
    before = len(ws.actions.all())
    view.start_new()
    view.owner_combo.setEditText("Harrie Coenen")
    view.what_edit.setPlainText("   ")
    save_now(view, qtbot)
    assert "Vul wat er moet gebeuren in." in view.message.text()
    assert view.owner_combo.currentText() == "Harrie Coenen"
    assert view.what_edit.toPlainText() == "   "
    assert len(ws.actions.all()) == before
    assert shown == []


def test_open_record_shows_a_done_action(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.person_filter.setCurrentIndex(view.person_filter.findData(board.people["Ellen Smeets"]))
    view.open_record("actions", board.actions["klaar"])
    assert view.show_done.isChecked()
    assert view.person_filter.currentIndex() == 0
    assert view.current_id == board.actions["klaar"]
    assert view.reopen_button.isEnabled() and not view.done_button.isEnabled()


def test_other_views_changes_refresh_the_list(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    bus.emit_changes(ws.actions.add(None, "Nieuw via notuleren"), None)
    assert "Nieuw via notuleren" in [r[0] for r in rows(view)]


def test_controls_have_accessible_names(qtbot, ws, bus, app_ctx):
    view = make(qtbot, ws, bus)
    for widget in (view.person_filter, view.meeting_filter, view.show_done, view.tree,
                   view.done_button, view.postpone_button, view.new_button, view.what_edit,
                   view.owner_combo, view.due_field.edit, view.due_field.clear_button):
        assert widget.accessibleName(), widget
    assert view.nav_title == "Actiepunten"


def test_screenshots(qtbot, ws, bus, app_ctx, shoot, qapp):
    board = fill(ws)

    def prepare(view):
        view.select(board.actions["flyer"])

    def check(view):
        assert view.current_id == board.actions["flyer"]
        assert view.done_button.isVisible() and view.done_button.isEnabled()

    paths = screenshots(lambda: ActionsView(ws, bus), qtbot, qapp, shoot, "gui-actions", prepare,
                        check)
    assert len(paths) == 2


def test_a_blank_screenshot_is_refused(qapp):
    """The screenshot check can fail: one flat colour is not a drawn screen."""
    from PySide6.QtGui import QColor, QImage

    from tests.ui.followup_data import assert_drawn

    blank = QImage(800, 600, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    with pytest.raises(AssertionError):
        assert_drawn(blank, "blank")


# -- one framework: the action list is a RecordPanel like the other follow-up screens ------

def test_actions_view_is_a_record_panel_with_the_editor_under_the_list(qtbot, ws, bus, app_ctx):
    from PySide6.QtCore import Qt as _Qt

    from ui.views.record_panel import RecordPanel

    fill(ws)
    view = make(qtbot, ws, bus)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    assert isinstance(view, RecordPanel)
    assert view.splitter.orientation() == _Qt.Orientation.Vertical
    assert view.delete_button.isHidden()  # actions are done or reopened, not deleted
    editor_height = view.splitter.sizes()[1]
    assert editor_height >= view.scroll_area.minimumHeight() > 0
    assert view.splitter.sizes()[0] > editor_height  # the list gets the rest


def test_a_filter_that_lists_nothing_does_not_start_a_new_action(qtbot, ws, bus, app_ctx):
    """Arrowing through the person filter past someone without actions must not throw
    the keyboard focus into an empty editor (an empty list means "none for this person",
    not "a new board")."""
    board = fill(ws)
    nobody = ws.contacts.add("Piet Zonderwerk").id
    view = make(qtbot, ws, bus)
    view.show()
    qtbot.waitExposed(view)
    jo = board.people["Jo Vijgen"]
    view.person_filter.setCurrentIndex(view.person_filter.findData(jo))
    view.select(view.rows()[0].record_id)
    view.mark_done()  # Jo's only open action: nothing is left to show
    wait_for_worker(qtbot)
    wait_for_worker(qtbot)
    assert rows(view) == [] and view.current_id is None
    assert not view.creating
    view.person_filter.setFocus()
    view.person_filter.setCurrentIndex(view.person_filter.findData(nobody))
    assert rows(view) == []
    assert not view.creating
    assert view.focusWidget() is view.person_filter
    assert "0 actiepunten" in view.count_label.text()
    view.show_done.setChecked(True)
    view.person_filter.setCurrentIndex(view.person_filter.findData(jo))
    assert sorted(r[0] for r in rows(view)) == ["Flyer voor de buurtbarbecue maken",
                                                "Zaal reserveren voor de jaarvergadering"]


def test_a_new_action_under_filters_belongs_to_that_person_and_meeting(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    jo = board.people["Jo Vijgen"]
    view = make(qtbot, ws, bus)
    view.person_filter.setCurrentIndex(view.person_filter.findData(jo))
    view.meeting_filter.setCurrentIndex(view.meeting_filter.findData(board.meetings[1]))
    view.start_new()
    assert view.creating and view.owner_combo.selection()[0] == jo
    view.what_edit.setPlainText("Posters ophangen in het buurthuis")
    save_now(view, qtbot)
    made = [a for a in ws.actions.all() if a.what == "Posters ophangen in het buurthuis"]
    assert len(made) == 1
    assert made[0].owner_id == jo and made[0].meeting_id == board.meetings[1]
    assert view.current_id == made[0].id and not view.creating
    assert "Posters ophangen in het buurthuis" in [r[0] for r in rows(view)]


def test_new_choices_from_elsewhere_do_not_count_as_an_edit(qtbot, ws, bus, app_ctx):
    """A person added under Contacten refills the owner choice; the action on screen is
    not saved again for it (no undo step, no change), and what is typed stays."""
    from ui.operations.contacts import add_person

    fill(ws)
    view = make(qtbot, ws, bus)
    first = view.rows()[0].record_id
    view.select(first)
    before = ws.actions.get(first)
    add_person(view, "Nieuwe Buurvrouw").run()
    wait_for_worker(qtbot)
    assert view.person_filter.findText("Nieuwe Buurvrouw") >= 0
    assert view.owner_combo.findText("Nieuwe Buurvrouw") >= 0
    qtbot.wait(1200)  # longer than the autosave pause
    wait_for_worker(qtbot)
    assert not view.saver.pending
    assert ws.actions.get(first) == before
    adding = ws.undo_name
    ws.undo()  # the last step is adding the person, not an edit of the action
    assert "Nieuwe Buurvrouw" not in [p.name for p in ws.contacts.all()]
    assert ws.redo_name == adding
    assert ws.actions.get(first) == before
    assert view.current_id == first


def test_typing_then_mark_done_saves_the_text_first(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    first = view.rows()[0].record_id
    view.select(first)
    view.what_edit.setPlainText("Gemeente bellen, en de wijkagent mailen")
    view.mark_done()
    wait_for_worker(qtbot)
    wait_for_worker(qtbot)
    done = ws.actions.get(first)
    assert done.status == "done" and done.what == "Gemeente bellen, en de wijkagent mailen"
    assert view.current_id != first


def test_a_million_characters_show_short_in_the_list_and_whole_in_the_editor(
        qtbot, ws, bus, app_ctx):
    """The list cell is cut ("…"), the editor and the database keep every character, and
    an edit of the end of the text saves all of it."""
    from ui.views.record_panel import CELL_CHARS, TOOLTIP_CHARS

    fill(ws)
    big = ("Lantaarnpaal Heideweg repareren, " * 31_000)[:1_000_000]
    action = ws.actions.add(None, big)
    view = make(qtbot, ws, bus)
    view.show()
    qtbot.waitExposed(view)
    row = next(r for r in view.rows() if r.record_id == action.id)
    assert len(row.text(0)) == CELL_CHARS and row.text(0).endswith("…")
    assert len(row.data(0, Qt.ItemDataRole.ToolTipRole)) == TOOLTIP_CHARS
    view.select(action.id)
    assert view.what_edit.toPlainText() == big
    # Longer than an action may be (100,000): a Dutch message, and nothing is lost.
    view.what_edit.setPlainText(big + " Klaar.")
    save_now(view, qtbot)
    assert view.message.text() and "tekens" in view.message.text()
    assert view.what_edit.toPlainText() == big + " Klaar."
    assert ws.actions.get(action.id).what == big
    long_enough = big[:90_000] + " Klaar."
    view.what_edit.setPlainText(long_enough)
    save_now(view, qtbot)
    assert ws.actions.get(action.id).what == long_enough
