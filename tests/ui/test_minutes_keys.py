"""Minutes mode by keyboard: Ctrl+Shift+B adds a decision, Ctrl+Shift+A an action, with
the real dialogs (focus in their first field, typed text, Enter saves)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import wait_for_worker
from tests.ui.test_minutes import item_ids, setup, view  # noqa: F401 - fixtures
from ui.views.minutes import MinutesView
from ui.views.minutes_keys import ACTION_KEYS, DECISION_KEYS, MINUTES_KEYS
from wijkapp.workspace import Workspace


def answer_dialog(qtbot: Any, text: str, seen: list[str]) -> None:
    """When the modal dialog is up: type into whatever has the focus, then Ctrl+Enter."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, act)
            return
        focus = dialog.focusWidget()
        seen.append(type(focus).__name__)
        qtbot.keyClicks(focus, text)
        dialog.accept() if not hasattr(dialog, "_try_accept") else dialog._try_accept()

    QTimer.singleShot(50, act)


def press(qtbot: Any, minutes: MinutesView, keys: str) -> None:
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(keys)[0]
    qtbot.keyClick(minutes.notes, combo.key(), combo.keyboardModifiers())


def test_shortcuts_add_a_decision_and_an_action_under_the_item(
        qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]) -> None:  # noqa: F811
    assert {keys for keys, _what in MINUTES_KEYS} == {DECISION_KEYS, ACTION_KEYS}
    view.activateWindow()
    item = item_ids(ws, setup["meeting"])[2]
    view.select_step(item)
    view.notes.setFocus()
    seen: list[str] = []
    answer_dialog(qtbot, "Verslag vastgesteld", seen)
    press(qtbot, view, DECISION_KEYS)
    wait_for_worker(qtbot)
    decisions = ws.decisions.for_meeting(setup["meeting"])
    assert [(d.text, d.agenda_item_id) for d in decisions] == [("Verslag vastgesteld", item)]
    view.activateWindow()  # back from the dialog, as the system gives the window back
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.notes.setFocus()
    answer_dialog(qtbot, "Stoep laten maken", seen)
    press(qtbot, view, ACTION_KEYS)
    wait_for_worker(qtbot)
    actions = [a.what for a in ws.actions.for_meeting(setup["meeting"])]
    assert seen[1:] and actions == ["Stoep laten maken"], seen
    assert seen == ["QPlainTextEdit", "QLineEdit"]  # typed straight into the first field


def test_the_keys_do_nothing_on_wie_is_er(
        qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]) -> None:  # noqa: F811
    view.activateWindow()
    assert not view.decision_button.isVisible()
    press(qtbot, view, DECISION_KEYS)
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None
    assert ws.decisions.for_meeting(setup["meeting"]) == []
