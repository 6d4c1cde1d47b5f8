"""Help → Sneltoetsen lists every key the app answers to: the keys are found in a built
window (menus, minutes mode, the room bar), not in a list kept by hand."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from tests.ui.conftest import wait_for_worker
from ui.main_window import VIEWS, MainWindow
from ui.operations.context import AppContext, set_app_context
from ui.shortcuts import SHORTCUTS
from ui.views.minutes_keys import ACTION_KEYS, DECISION_KEYS
from wijkapp.workspace import Workspace


@pytest.fixture
def window(qtbot: Any, demo_ws: Workspace, bus: Any, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    win = MainWindow(demo_ws, bus)
    qtbot.addWidget(win)
    set_app_context(AppContext(demo_ws, bus, win.show_status))
    win.show()
    wait_for_worker(qtbot)
    yield win
    wait_for_worker(qtbot)
    set_app_context(None)


def listed_keys() -> set[str]:
    """Each key combination Help → Sneltoetsen names ("A / B" and "A  of  B" are two)."""
    found: set[str] = set()
    for keys, _what in SHORTCUTS:
        for part in re.split(r" / |\s+of\s+", keys):
            found.add(QKeySequence(part.strip()).toString())
    return found


def test_every_shortcut_of_a_built_window_is_in_help(window: MainWindow, qtbot: Any) -> None:
    for spec in VIEWS:
        window.show_view(spec.key)
    meetings = window.views["meetings"]
    meetings.minutes  # minutes mode is made on first use: make it  # noqa: B018
    wait_for_worker(qtbot)
    used: set[str] = set()
    for shortcut in window.findChildren(QShortcut):
        used.add(shortcut.key().toString())
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            used.add(sequence.toString())
    used.discard("")
    # the minutes keys are among what a built window answers to
    assert QKeySequence(DECISION_KEYS).toString() in used
    assert QKeySequence(ACTION_KEYS).toString() in used
    missing = used - listed_keys()
    assert not missing, f"not in Help → Sneltoetsen: {sorted(missing)}"
