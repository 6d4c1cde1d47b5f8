"""English is selectable: the whole window speaks it after a restart; Dutch comes back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ui.app as app_module
from tests.ui.conftest import wait_for_start
from ui import preferences
from ui.main_window import MainWindow
from ui.operations.context import set_app_context
from wijkapp.i18n import set_language
from wijkapp.workspace import Workspace


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    yield
    set_language("nl")


def _start(qtbot: Any, db_path: Path, language: str) -> MainWindow:
    prefs = preferences.load()
    prefs.language = language
    preferences.save(prefs)
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    wait_for_start(qtbot, window)  # reminders come after the first paint
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.ws.close()
    set_app_context(None)


def test_english_menus_navigation_and_views(qtbot: Any, db_path: Path) -> None:
    with Workspace(db_path) as ws:
        ws.boards.create("Wijkplatform Engels")
        for subject in ("Stoeptegels", "Lantaarnpaal"):
            ws.requests.mark_sent(ws.requests.add(subject).id, "2026-01-05")
    window = _start(qtbot, db_path, "en")
    try:
        reminder = window.reminder.text.text()
        assert "2" in reminder and "verzoek" not in reminder  # the reminder in English too
        nav = [window.nav.item(r).text() for r in range(window.nav.count())]
        assert nav[0] == "Meetings" and "Vergaderingen" not in nav
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "&File"
        for row in range(window.nav.count()):  # every view builds in English without errors
            window.nav.setCurrentRow(row)
    finally:
        _close(window)
    window = _start(qtbot, db_path, "nl")
    try:
        assert window.nav.item(0).text() == "Vergaderingen"
        assert window.reminder.text.text() == "Twee verzoeken wachten langer dan beloofd."
    finally:
        _close(window)
