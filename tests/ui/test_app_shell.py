"""The app shell: start-up errors, first run, main window, menus, text size, language."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import answer_question, wait_for_worker
from ui import app as app_module
from ui import preferences
from ui.app import install_translators, main, open_error_message
from ui.first_run import FirstRunDialog
from ui.main_window import VIEWS, MainWindow
from ui.operations.context import set_app_context
from ui.style import apply_style
from ui.views.meetings import EDITOR_PAGE, MeetingsView
from wijkapp.errors import (
    DamagedDatabaseError,
    DiskError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    WorkspaceLockedError,
)
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Preferences go to a temp folder; the app's look is reset afterwards."""
    folder = tmp_path / "config"
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(folder))
    yield folder
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_style(app, 100)


@pytest.fixture
def window(qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> MainWindow:
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    app_ctx.show_status = win.show_status
    win.show()
    return win


@pytest.mark.parametrize(
    ("error", "title", "words"),
    [
        (WorkspaceLockedError("x"), "Wijkapp is al open", "ander Wijkapp-venster"),
        (DamagedDatabaseError("x"), "Het bestand is beschadigd", "reservekopie"),
        (NotADatabaseError("x"), "Dit is geen Wijkapp-bestand", "juiste bestand"),
        (ReadOnlyError("x"), "Wijkapp mag hier niet schrijven", "map Documenten"),
        (StorageError("Iets anders."), "Wijkapp kan het bestand niet openen", "Iets anders."),
        (DiskFullError("De schijf is vol: ..."), "De schijf is vol", "niet beschadigd"),
        (DiskError("disk I/O error"), "De schijf geeft een fout", "USB-stick"),
    ],
)
def test_open_error_message_says_what_happened_and_what_to_do(
    error: StorageError, title: str, words: str
) -> None:
    got_title, text = open_error_message(error, Path("/tmp/bestuur.sqlite"))
    assert got_title == title
    assert words in text
    assert "Bestand: /tmp/bestuur.sqlite" in text
    if not isinstance(error, (NotADatabaseError,)) and type(error) is not StorageError:
        assert "Wat kunt u doen?" in text


def test_second_instance_gets_a_dutch_dialog_and_exit_code_1(
    qtbot: Any, ws: Workspace, db_path: Path
) -> None:
    with pytest.raises(WorkspaceLockedError):
        Workspace(db_path)
    shown: list[tuple[str, str]] = []
    code = main(db_path, show_error=lambda parent, title, text: shown.append((title, text)))
    assert code == 1
    assert shown[0][0] == "Wijkapp is al open"
    assert "Wat kunt u doen?" in shown[0][1]


def test_damaged_file_is_refused_and_left_alone(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "kapot.sqlite"
    path.write_bytes(b"dit is geen database" * 10)
    shown: list[str] = []
    assert main(path, show_error=lambda _p, title, _t: shown.append(title)) == 1
    assert shown == ["Dit is geen Wijkapp-bestand"]
    assert path.read_bytes() == b"dit is geen database" * 10


def test_first_run_makes_the_board(qtbot: Any, empty_ws: Workspace, bus: Any) -> None:
    from ui.operations.context import AppContext

    set_app_context(AppContext(empty_ws, bus))
    try:
        dialog = FirstRunDialog(empty_ws)
        qtbot.addWidget(dialog)
        dialog.start_button.click()
        assert dialog.error.text() == "Vul de naam van het wijkplatform in."
        assert not empty_ws.has_board
        qtbot.keyClicks(dialog.name_edit, "Wijkplatform Geleen-Zuid")
        dialog.wijk_edit.setText("Geleen-Zuid")
        dialog.buurten_edit.setPlainText("Lindenheuvel\nKrawinkel, Ĳzeren Veld")
        dialog.start_button.click()
        qtbot.waitUntil(lambda: dialog.step() == 2, timeout=5000)
        assert empty_ws.board.name == "Wijkplatform Geleen-Zuid"
        assert [a.name for a in empty_ws.areas.all()] == ["Lindenheuvel", "Krawinkel", "Ĳzeren Veld"]
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            dialog.reject()  # Escape after the board exists ends the walk-through, board kept
        assert dialog.first_meeting_id is None and empty_ws.has_board
    finally:
        set_app_context(None)


def test_start_opens_the_window_on_the_last_database(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def welcome(dialog: FirstRunDialog) -> int:
        dialog.name_edit.setText("Wijkplatform Start")
        dialog.start()
        qtbot.waitUntil(lambda: dialog.ws.has_board, timeout=5000)
        return 1

    monkeypatch.setattr(FirstRunDialog, "exec", welcome)
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Wijkplatform Start — Wijkapp"
    assert preferences.load().last_database == str(db_path)
    window.close()
    window.ws.close()
    set_app_context(None)
    again = app_module.start(None)  # no path: the last database
    assert isinstance(again, MainWindow)
    qtbot.addWidget(again)
    assert again.ws.path == db_path
    again.close()
    again.ws.close()
    set_app_context(None)


def test_closing_the_welcome_exits_without_a_board(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: 0)
    assert main(db_path) == 0
    with Workspace(db_path) as reopened:  # the lock was released
        assert not reopened.has_board


def test_qt_speaks_dutch() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translators(app, "nl")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    install_translators(app, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    install_translators(app, "nl")


def test_navigation_has_the_six_parts_in_order(window: MainWindow) -> None:
    names = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert names == [
        "Vergaderingen",
        "Actiepunten",
        "Verzoeken aan de gemeente",
        "Contacten",
        "Buurtagenda",
        "Stem van de wijk",
        "Stand van zaken",
        "Zoeken",
    ]
    assert window.windowTitle() == "Wijkplatform Test — Wijkapp"
    for row, spec in enumerate(VIEWS):
        window.nav.setCurrentRow(row)
        view = window.views[spec.key]
        assert hasattr(view, "refresh")
        assert window.stack.currentWidget().isAncestorOf(view)


def test_a_view_that_cannot_be_imported_fails_loudly(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken build must not hide behind a "not available yet" page."""
    window.views.pop("goals", None)
    monkeypatch.setitem(sys.modules, "ui.views.goals", None)  # import raises ImportError
    with pytest.raises(ImportError):
        window.view("goals")
    assert "goals" not in window.views


def test_undo_and_redo_name_the_step_in_the_edit_menu(
    qtbot: Any, window: MainWindow, ws: Workspace
) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id or ""
    item = ws.agenda.for_meeting(meeting)[3]
    meetings = window.views["meetings"]
    assert isinstance(meetings, MeetingsView)
    meetings.open_meeting(meeting)
    meetings.editor.select_item(item.id)
    answer_question("Ja, verwijderen")  # it asks first
    meetings.editor.delete_button.click()
    wait_for_worker(qtbot)
    assert window.undo_action.text() == "Ongedaan maken: Agendapunt verwijderd"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    window.undo_action.trigger()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item.id).title == "Ingekomen stukken"
    assert window.redo_action.text() == "Opnieuw: Agendapunt verwijderd"
    assert window.redo_action.shortcut().toString() == "Ctrl+Y"
    assert "Ongedaan gemaakt: Agendapunt verwijderd" in window.statusBar().currentMessage()


def test_text_size_scales_the_whole_app_and_is_remembered(
    window: MainWindow, private_config: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.font().pointSize() == 12
    window.size_actions[150].trigger()
    assert app.font().pointSize() == 18
    assert preferences.load().text_size == 150
    window.step_text_size(100)
    assert preferences.load().text_size == 200
    assert app.font().pointSize() == 24


def test_ctrl_f_opens_search_and_hits_open_the_meeting(
    qtbot: Any, window: MainWindow, ws: Workspace
) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id or ""
    item = ws.agenda.add(meeting, "Zebrapad Ĳzerstraat").id or ""
    window.focus_search()
    search = window.views["search"]
    assert window.nav.currentItem().text() == "Zoeken"
    assert hasattr(search, "open_requested")
    search.open_requested.emit("agenda_items", item)  # type: ignore[attr-defined]
    meetings = window.views["meetings"]
    assert isinstance(meetings, MeetingsView)
    assert window.nav.currentItem().text() == "Vergaderingen"
    assert meetings.current_page() == EDITOR_PAGE
    assert meetings.editor.selected_item_id() == item


def test_main_window_controls_are_named(window: MainWindow) -> None:
    from tests.ui.test_meetings import unnamed_controls

    assert unnamed_controls(window.centralWidget()) == []
