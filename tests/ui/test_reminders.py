"""Start-up reminder for overdue requests and the overview of boards in the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ui.app as app_module
from tests.ui.conftest import wait_for_start
from ui.main_window import MainWindow
from ui.operations.context import set_app_context
from wijkapp.workspace import Workspace


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    yield


def test_start_shows_overdue_requests_and_goes_there(qtbot: Any, db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Herinnering")
        for subject in ("Stoeptegels", "Lantaarnpaal", "Bankje"):
            ws.requests.mark_sent(ws.requests.add(subject).id, "2026-01-05")
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(window.reminder.isVisible, timeout=5000)  # after the first paint
        assert window.reminder.text.text() == "Drie verzoeken wachten langer dan beloofd."
        qtbot.mouseClick(window.reminder.go, app_module_left())
        assert window.nav.currentItem().text() == "Verzoeken aan de gemeente"
        assert not window.reminder.isVisible()
    finally:
        window.close()
        window.ws.close()
        set_app_context(None)


def test_stand_van_zaken_says_it_once_while_the_bar_says_it(qtbot: Any, db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Herinnering")
        for subject in ("Stoeptegels", "Lantaarnpaal"):
            ws.requests.mark_sent(ws.requests.add(subject).id, "2026-01-05")
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(window.reminder.isVisible, timeout=5000)
        dashboard = window.show_view("dashboard")
        qtbot.waitUntil(lambda: bool(dashboard.reminder.text()), timeout=5000)
        sentence = "Twee verzoeken wachten langer dan beloofd."
        assert window.reminder.text.text() == sentence == dashboard.reminder.text()
        assert not dashboard.reminder.isVisible()  # the bar above says it already
        window.reminder.hide()  # Sluiten
        assert dashboard.reminder.isVisible()
    finally:
        window.close()
        window.ws.close()
        set_app_context(None)


def test_no_reminder_when_nothing_waits(qtbot: Any, db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Rustig")
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        wait_for_start(qtbot, window)  # the reminder would come after the first paint
        assert not window.reminder.isVisible()
    finally:
        window.close()
        window.ws.close()
        set_app_context(None)


def app_module_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
