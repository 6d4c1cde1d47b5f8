"""A new board is walked through: name → members → first meeting, by keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_for_worker
from ui import app as app_module
from ui.first_run import FirstRunDialog
from ui.first_steps import proposed_first_meeting
from ui.main_window import MainWindow
from ui.operations.context import AppContext, set_app_context
from ui.views.meetings import MeetingsView
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


@pytest.fixture
def welcome(qtbot: Any, empty_ws: Workspace, bus: Any) -> Iterator[FirstRunDialog]:
    set_app_context(AppContext(empty_ws, bus))
    dialog = FirstRunDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    yield dialog
    wait_for_worker(qtbot)
    set_app_context(None)


def focused() -> Any:
    return QApplication.focusWidget()


def test_a_new_board_walks_through_name_members_and_first_meeting_by_keyboard(
        qtbot: Any, welcome: FirstRunDialog, empty_ws: Workspace) -> None:
    assert focused() is welcome.name_edit
    qtbot.keyClicks(focused(), "Wijkplatform ")
    focused().insert("Ĳsselmonde")  # QTest types ASCII only
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is welcome.wijk_edit
    focused().insert("Ĳsselmonde")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is welcome.buurten_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is welcome.start_button  # not "Eerst de demo bekijken"
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: welcome.step() == 2, timeout=5000)
    members = welcome.members_page
    assert focused() is members.name_edit

    # Enter on an empty name says what to do and adds nothing
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert members.error.isVisible() and "naam" in members.error.text()
    qtbot.keyClicks(focused(), "Ans Janssen")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is members.role_combo or focused().parent() is members.role_combo
    members.role_combo.setCurrentIndex(0)  # Voorzitter
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is members.email_edit
    qtbot.keyClicks(focused(), "ans@example.nl")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: members.added() == ["Ans Janssen — Voorzitter"], timeout=5000)
    assert focused() is members.name_edit and members.name_edit.text() == ""
    assert not members.error.isVisible()
    # a second name typed but not added yet is not lost when "Verder" is pressed
    qtbot.keyClicks(focused(), "Kees de Vries ")
    focused().insert("😀")
    members.next_button.click()
    qtbot.waitUntil(lambda: welcome.step() == 3, timeout=5000)
    board = {p.name: p for p in empty_ws.contacts.board_members()}
    assert set(board) == {"Ans Janssen", "Kees de Vries 😀"}
    assert board["Ans Janssen"].role == "Voorzitter" and board["Ans Janssen"].email == "ans@example.nl"
    assert board["Kees de Vries 😀"].role == "Lid"

    page = welcome.meeting_page
    assert focused() is page.when_edit
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # Tab leaves the date at once
    assert focused() is page.place_edit
    qtbot.keyClicks(focused(), "Buurthuis De Kroon")
    with qtbot.waitSignal(welcome.accepted, timeout=5000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    meeting = empty_ws.meetings.get(welcome.first_meeting_id or "")
    assert meeting.place == "Buurthuis De Kroon"
    invited = {a.person_id for a in empty_ws.meetings.attendance(meeting.id)}
    assert invited == {p.id for p in board.values()}
    assert len(empty_ws.agenda.for_meeting(meeting.id)) >= 3  # the standard agenda


def test_each_step_can_be_skipped_and_the_board_stays(
        qtbot: Any, welcome: FirstRunDialog, empty_ws: Workspace) -> None:
    welcome.name_edit.setText("Wijkplatform Zuid")
    welcome.start_button.click()
    qtbot.waitUntil(lambda: welcome.step() == 2, timeout=5000)
    welcome.members_page.skip_button.click()
    assert welcome.step() == 3 and empty_ws.contacts.board_members() == []
    with qtbot.waitSignal(welcome.accepted, timeout=5000):
        welcome.meeting_page.skip_button.click()
    assert welcome.first_meeting_id is None and empty_ws.meetings.all() == []


def test_a_refused_member_keeps_what_was_typed(
        qtbot: Any, welcome: FirstRunDialog, empty_ws: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.operations import base

    welcome.name_edit.setText("Wijkplatform Zuid")
    welcome.start_button.click()
    qtbot.waitUntil(lambda: welcome.step() == 2, timeout=5000)
    monkeypatch.setattr(base, "show_failure", lambda _p, _e: None)
    members = welcome.members_page
    members.name_edit.setText("Ĳ" * 400)  # too long for a name: the core refuses it
    members.add_member()
    wait_for_worker(qtbot)
    qtbot.waitUntil(lambda: members.add_button.isEnabled(), timeout=5000)
    assert members.name_edit.text() == "Ĳ" * 400 and members.added() == []
    assert empty_ws.contacts.board_members() == []


def test_the_first_meeting_is_proposed_on_a_weekday_evening() -> None:
    saturday = dt.datetime(2026, 11, 14, 10, 0, tzinfo=TZ)  # + 14 days is a Saturday
    proposed = proposed_first_meeting(saturday)
    assert proposed.weekday() == 0 and (proposed.hour, proposed.minute) == (19, 30)


def test_the_window_opens_on_the_first_meeting(
        qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))

    def walk(dialog: FirstRunDialog) -> int:
        dialog.name_edit.setText("Wijkplatform Start")
        dialog.start()
        qtbot.waitUntil(lambda: dialog.step() == 2, timeout=5000)
        dialog.members_page.skip_button.click()
        dialog.meeting_page.plan()
        qtbot.waitUntil(lambda: dialog.first_meeting_id is not None, timeout=5000)
        return 1

    monkeypatch.setattr(FirstRunDialog, "exec", walk)
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    view = window.views["meetings"]
    assert isinstance(view, MeetingsView) and view.isVisible()
    assert view.editor.meeting_id == window.ws.meetings.all()[0].id
    window.close()
    window.ws.close()
    set_app_context(None)


@pytest.mark.parametrize("percent", [150, 200])
def test_every_step_fits_a_laptop_at_large_text(
        qtbot: Any, empty_ws: Workspace, bus: Any, shoot: Any, percent: int) -> None:
    from PySide6.QtCore import QRect

    from tests.ui.test_accessible_names import nameless
    from ui.screen_fit import room_on
    from ui.style import apply_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    set_app_context(AppContext(empty_ws, bus))
    try:
        dialog = FirstRunDialog(empty_ws)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.name_edit.setText("Wijkplatform Zuid")
        dialog.start()
        qtbot.waitUntil(lambda: dialog.step() == 2, timeout=5000)
        room = room_on(QRect(0, 0, 1366, 768))
        for step, finish in ((2, dialog.members_page.next_button),
                             (3, dialog.meeting_page.plan_button)):
            if step == 3:
                dialog.members_page.skip_button.click()
            qtbot.wait(30)
            shoot(dialog, f"first-steps-{step}-{percent}")
            assert dialog.step() == step
            assert dialog.width() <= room.width() and dialog.height() <= room.height()
            assert finish.isVisible() and finish.visibleRegion().boundingRect().width() \
                >= finish.width() - 1, f"step {step}: its button is cut off at {percent} %"
            page = dialog.current_page()
            assert nameless(page) == []
    finally:
        wait_for_worker(qtbot)
        set_app_context(None)
        apply_style(app, 100)
