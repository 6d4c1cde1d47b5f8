"""Beeld → Taal applies without a restart: menus, navigation, views and the core's sentences
switch at once; the open view and record come back; nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import wait_for_worker
from ui import preferences
from ui.main_window import MainWindow
from ui.operations.context import AppContext, set_app_context
from ui.views.meetings import EDITOR_PAGE, MINUTES_PAGE
from ui.views.projector import ProjectorWindow
from wijkapp.errors import ValidationError
from wijkapp.i18n import _, language, set_language
from wijkapp.workspace import Workspace


@pytest.fixture
def window(qtbot: Any, demo_ws: Workspace, bus: Any, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    win = MainWindow(demo_ws, bus)
    qtbot.addWidget(win)
    context = AppContext(demo_ws, bus, win.show_status)
    set_app_context(context)
    win.show()
    qtbot.waitUntil(lambda: win.started, timeout=5000)
    wait_for_worker(qtbot)
    yield win
    wait_for_worker(qtbot)
    set_app_context(None)
    set_language("nl")


def choose_language(window: MainWindow, qtbot: Any, name: str) -> None:
    """Click Beeld/View → Taal/Language → ``name`` in the menu, as a user would."""
    view_menu = window.menuBar().actions()[2].menu()
    language_menu = next(a.menu() for a in view_menu.actions() if a.menu() is not None
                         and a.text() in ("Taal", "Language"))
    next(a for a in language_menu.actions() if a.text() == name).trigger()
    wait_for_worker(qtbot)


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def shortcut_count(window: MainWindow, keys: str) -> int:
    return sum(1 for a in window.findChildren(QAction)
               if a.shortcut() == QKeySequence(keys) and a.isEnabled() is not None
               and a.parent() is window and a.associatedObjects())


def test_switching_to_english_and_back_keeps_the_typed_request(
        window: MainWindow, qtbot: Any) -> None:
    view = window.show_view("requests")
    panel = view.requests  # type: ignore[attr-defined]
    wait_for_worker(qtbot)
    request = window.ws.requests.all()[0]
    assert panel.show_record(request.id)
    panel.subject.setText("Bankje bij de speeltuin — nog niet bewaard")  # no autosave yet
    choose_language(window, qtbot, "English")
    assert language() == "en" and preferences.load().language == "en"
    assert menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
    assert window.nav.item(0).text() == "Meetings"
    assert window.ws.requests.get(request.id).subject == "Bankje bij de speeltuin — nog niet bewaard"
    new_view = window.views["requests"]
    assert new_view is not view and window.nav.currentRow() == 2
    new_panel = new_view.requests  # type: ignore[attr-defined]
    assert new_panel.current_id == request.id
    assert new_panel.subject.text() == "Bankje bij de speeltuin — nog niet bewaard"
    assert new_panel.new_button.text().replace("&", "") == "New request"
    words = {label.text() for label in new_view.findChildren(QLabel)}
    assert {"Requests to the municipality", "Request"} <= words  # heading and editor title
    assert not {"Verzoeken aan de gemeente", "Verzoek"} & words
    assert window.undo_action.text() == "Undo: Request changed"
    assert shortcut_count(window, "Ctrl+Z") == 1  # the old menu's shortcut is gone
    assert window.sync_bar.now_button.text() == _("Nu bijwerken") != "Nu bijwerken"
    with pytest.raises(ValidationError, match="^Please fill in the subject.$"):
        window.ws.requests.add("")
    choose_language(window, qtbot, "Nederlands")
    assert language() == "nl"
    assert menu_titles(window)[0] == "&Bestand"
    assert window.nav.item(0).text() == "Vergaderingen"
    assert window.undo_action.text() == "Ongedaan maken: Verzoek gewijzigd"
    panel = window.views["requests"].requests  # type: ignore[attr-defined]
    assert panel.current_id == request.id
    assert panel.subject.text() == "Bankje bij de speeltuin — nog niet bewaard"
    assert shortcut_count(window, "Ctrl+Z") == 1


def test_minutes_mode_comes_back_on_the_same_item_with_its_notes(
        window: MainWindow, qtbot: Any) -> None:
    meetings = window.show_view("meetings")
    meeting = window.ws.meetings.latest()
    assert meeting is not None
    items = window.ws.agenda.for_meeting(meeting.id)
    meetings.start_minutes(meeting.id, items[2].id)  # type: ignore[attr-defined]
    wait_for_worker(qtbot)
    minutes = meetings.minutes  # type: ignore[attr-defined]
    assert minutes.item_id == items[2].id
    minutes.notes.setPlainText("Typed just before the switch, not yet saved.")
    choose_language(window, qtbot, "English")
    again = window.views["meetings"]
    assert again is not meetings
    assert again.current_page() == MINUTES_PAGE  # type: ignore[attr-defined]
    assert again.minutes.item_id == items[2].id  # type: ignore[attr-defined]
    assert window.ws.agenda.get(items[2].id).notes == "Typed just before the switch, not yet saved."
    assert again.minutes.notes.toPlainText() == (  # type: ignore[attr-defined]
        "Typed just before the switch, not yet saved.")
    choose_language(window, qtbot, "Nederlands")
    assert window.views["meetings"].current_page() == MINUTES_PAGE  # type: ignore[attr-defined]


def test_the_meeting_editor_comes_back_too(window: MainWindow, qtbot: Any) -> None:
    meetings = window.show_view("meetings")
    meeting = window.ws.meetings.latest()
    assert meeting is not None
    meetings.open_meeting(meeting.id)  # type: ignore[attr-defined]
    wait_for_worker(qtbot)
    choose_language(window, qtbot, "English")
    again = window.views["meetings"]
    assert again.current_page() == EDITOR_PAGE  # type: ignore[attr-defined]
    assert again.editor.meeting_id == meeting.id  # type: ignore[attr-defined]
    window.show_view("dashboard")  # every view builds in English
    assert "Overview" in window.windowTitle() or window.nav.currentItem().text() == "Overview"


def test_choosing_the_language_already_shown_rebuilds_nothing(
        window: MainWindow, qtbot: Any) -> None:
    view = window.show_view("contacts")
    choose_language(window, qtbot, "Nederlands")
    assert window.views["contacts"] is view and menu_titles(window)[0] == "&Bestand"


def test_the_search_keeps_what_was_typed(window: MainWindow, qtbot: Any) -> None:
    search = window.show_view("search")
    search.box.setText("lantaarnpaal")  # type: ignore[attr-defined]
    choose_language(window, qtbot, "English")
    again = window.views["search"]
    assert again is not search and window.nav.currentItem().text() == "Search"
    assert again.box.text() == "lantaarnpaal"  # type: ignore[attr-defined]


def test_the_beamer_screen_stays_open_and_black_through_a_switch(
        window: MainWindow, qtbot: Any) -> None:
    meetings = window.show_view("meetings")
    meeting = window.ws.meetings.latest()
    assert meeting is not None
    meetings.start_minutes(meeting.id)  # type: ignore[attr-defined]
    wait_for_worker(qtbot)
    room = meetings.minutes.room  # type: ignore[attr-defined]
    room.show_projector()
    room.toggle_blank()
    old = room.projector
    choose_language(window, qtbot, "English")
    qtbot.wait(20)
    new_room = window.views["meetings"].minutes.room  # type: ignore[attr-defined]
    assert new_room is not room
    assert new_room.projector is not None and new_room.projector is not old
    assert new_room.projector.isVisible() and new_room.projector.blank
    assert [w for w in window.findChildren(ProjectorWindow) if w.isVisible()] == [new_room.projector]
    new_room.toggle_blank()  # the new screen answers the new room bar
    assert not new_room.projector.blank
    new_room.close_projector()


def test_open_export_and_shortcut_windows_follow_the_switch(
        window: MainWindow, qtbot: Any) -> None:
    """The export window keeps its choices and comes back in English; so does the list of
    keys (Help → Sneltoetsen). Neither needs to be closed and opened again by hand."""
    from ui.exporting import ExportDialog, open_export_dialog
    from ui.shortcuts import ShortcutsDialog, open_shortcuts_dialog

    meeting = window.ws.meetings.latest()
    assert meeting is not None
    export = open_export_dialog(window, window.ws, "actions")
    export.set_format("xlsx")
    export.set_year(meeting.starts_at and int(meeting.starts_at[:4]))
    keys = open_shortcuts_dialog(window)
    assert export.windowTitle().startswith("Exporteren") and keys.isVisible()
    choose_language(window, qtbot, "English")
    qtbot.wait(20)
    exports = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(exports) == 1 and exports[0] is not export
    again = exports[0]
    assert again.windowTitle().startswith("Export") and "Exporteren" not in again.windowTitle()
    assert again.format() == "xlsx"
    assert again.request().year == int(meeting.starts_at[:4])
    texts = " ".join(w.text() for w in again.findChildren(QLabel) if w.isVisible())
    assert "Wat wilt u maken" not in texts
    shown = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    assert len(shown) == 1 and shown[0] is not keys
    assert ("Ctrl+Z", "undo") in shown[0].rows()
    for dialog in (again, shown[0]):
        dialog.close()


def test_the_overview_of_boards_comes_back_in_english_with_its_files(
        window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    from tests.core.test_overview import board_file
    from ui.views.overview import OverviewWindow

    files = [board_file(tmp_path, "Wijkplatform Noord", 3, 1),
             board_file(tmp_path, "Wijkplatform Oost", 1, 0)]
    window.show_overview()
    first = next(w for w in window.findChildren(OverviewWindow) if w.isVisible())
    first.load(files)
    assert first.table.horizontalHeaderItem(1).text() == "Jaar"
    choose_language(window, qtbot, "English")
    qtbot.wait(20)
    shown = [w for w in window.findChildren(OverviewWindow) if w.isVisible()]
    assert len(shown) == 1 and shown[0] is not first
    again = shown[0]
    assert again.paths == files and again.table.rowCount() == 2
    assert again.table.horizontalHeaderItem(1).text() == "Year"
    assert again.windowTitle() != "Overzicht van wijkplatforms"
    assert not again.total.text().startswith("Samen")
    again.close()
