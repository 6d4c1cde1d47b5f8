"""The secretary's evening by keyboard only, at 150 % on a 1366 × 768 laptop.

Plan a meeting, add an agenda item, take the minutes (who is there, notes, a decision, an
action), close the meeting and make the verslag: every step is a key press on the widget
that has the focus, dialogs included. Asserted on the database and the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.ui.conftest import wait_for_worker
from tests.ui.test_exporting import folders, opened  # noqa: F401 - fixtures
from ui.main_window import MainWindow
from ui.operations.context import AppContext, set_app_context
from ui.style import apply_style
from ui.views.meetings import MINUTES_PAGE, MeetingsView
from wijkapp.workspace import Workspace

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def name_of(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return (widget.accessibleName() or (text if isinstance(text, str) else "")).replace("&", "")


class Keys:
    """Key presses on whatever has the focus, as a keyboard user gives them."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.problems: list[BaseException] = []

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
        self.qtbot.keyClick(focused(), key, modifiers)
        wait_for_worker(self.qtbot)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(focused(), text)

    def tab_to(self, name: str, limit: int = 80) -> QWidget:
        """Tab until the focus is on the control called ``name``."""
        seen = []
        for _press in range(limit):
            if name_of(focused()) == name:
                return focused()
            seen.append(name_of(focused()))
            self.qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        pytest.fail(f"Tab never reached {name!r}; it passed {seen}")

    def in_dialog(self, steps: Callable[[QDialog], None]) -> None:
        """Run ``steps`` once a modal dialog has opened (the next key press opens it); a
        failed step closes the dialog and fails the test after the key press returns."""

        def look(tries: int = 250) -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QDialog):
                try:
                    self.qtbot.waitUntil(
                        lambda: QApplication.focusWidget() is not None
                        and QApplication.focusWidget().window() is dialog, timeout=3000)
                    steps(dialog)
                except BaseException as error:  # noqa: BLE001 - reported below
                    self.problems.append(error)
                    QDialog.done(dialog, 0)  # closed without asking
            elif tries:
                QTimer.singleShot(20, lambda: look(tries - 1))
            else:
                self.problems.append(AssertionError("no dialog opened"))

        QTimer.singleShot(0, look)

    def check(self, window: QWidget) -> None:
        """Raise what went wrong inside a dialog; then the window is active again, as the
        system makes it when a dialog closes (the offscreen test screen does not)."""
        if self.problems:
            raise self.problems.pop(0)
        if QApplication.activeModalWidget() is None:
            window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)


@pytest.fixture
def window(qtbot: Any, ws: Workspace, bus: Any, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    ws.contacts.add("Ans Janssen", role="voorzitter", board_member=True)
    ws.contacts.add("Kees de Vries", role="secretaris", board_member=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, 150)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    set_app_context(AppContext(ws, bus, win.show_status))
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    wait_for_worker(qtbot)
    yield win
    wait_for_worker(qtbot)
    set_app_context(None)
    apply_style(app, 100)


def test_the_secretary_story_by_keyboard_only_at_150_percent(
        qtbot: Any, window: MainWindow, ws: Workspace, folders: Any,  # noqa: F811
        opened: Any, shoot: Any) -> None:  # noqa: F811
    keys = Keys(qtbot)
    window.nav.setFocus()
    assert window.width() <= 1366 and window.height() <= 768

    # -- plan the meeting -----------------------------------------------------------------
    keys.tab_to("Nieuwe vergadering")
    keys.press(Qt.Key.Key_Space)
    assert name_of(focused()) == "Titel van de vergadering"
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("Bewonersavond")
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)  # over the date, which Tab leaves at once
    assert name_of(focused()) == "Plaats van de vergadering"
    keys.type("Buurthuis De Kroon")
    keys.press(Qt.Key.Key_Tab)  # leaving the field saves it
    meeting = ws.meetings.all()[0]
    assert (meeting.title, meeting.place) == ("Bewonersavond", "Buurthuis De Kroon")
    invited = {a.name for a in ws.meetings.attendance(meeting.id)}
    assert invited == {"Ans Janssen", "Kees de Vries"}

    # -- an agenda item, through its dialog -----------------------------------------------
    items_before = len(ws.agenda.for_meeting(meeting.id))
    keys.tab_to("Agendapunt toevoegen")

    def new_item(dialog: QDialog) -> None:
        assert name_of(focused()) == "Titel van het agendapunt"  # typing goes in at once
        keys.type("Verkeer Schoolstraat")
        keys.press(Qt.Key.Key_Return)

    keys.in_dialog(new_item)
    keys.press(Qt.Key.Key_Space)
    keys.check(window)
    titles = [i.title for i in ws.agenda.for_meeting(meeting.id)]
    assert len(titles) == items_before + 1 and "Verkeer Schoolstraat" in titles
    shoot(window, "keyboard-story-editor-150")

    # -- minutes: who is there ------------------------------------------------------------
    keys.tab_to("Notuleren")
    keys.press(Qt.Key.Key_Space)
    meetings = window.views["meetings"]
    assert isinstance(meetings, MeetingsView) and meetings.current_page() == MINUTES_PAGE
    keys.tab_to("Ans Janssen: aanwezig")
    keys.press(Qt.Key.Key_Space)
    status = {a.name: a.status for a in ws.meetings.attendance(meeting.id)}
    assert status["Ans Janssen"] == "present"

    # -- the first item: notes, a decision and an action ----------------------------------
    keys.press(Qt.Key.Key_PageDown, CTRL)  # Volgend punt
    minutes = meetings.minutes
    item_id = minutes.item_id
    assert item_id
    assert name_of(focused()) == "Aantekeningen bij dit agendapunt"  # typing goes in at once
    keys.type("De voorzitter opent de vergadering om half acht.")
    keys.press(Qt.Key.Key_PageDown, CTRL)  # on to the next item: the notes are kept
    keys.press(Qt.Key.Key_PageUp, CTRL)
    qtbot.waitUntil(lambda: ws.agenda.get(item_id).notes.startswith("De voorzitter"),
                    timeout=3000)

    def decision(dialog: QDialog) -> None:
        keys.type("Het bestuur schrijft de gemeente over de Schoolstraat.")
        keys.tab_to("Besluit opslaan")
        keys.press(Qt.Key.Key_Space)

    keys.in_dialog(decision)
    keys.press(Qt.Key.Key_B, CTRL_SHIFT)
    keys.check(window)
    assert [d.text for d in ws.decisions.for_meeting(meeting.id)] == [
        "Het bestuur schrijft de gemeente over de Schoolstraat."]

    def action(dialog: QDialog) -> None:
        keys.type("Brief aan de gemeente schrijven")
        keys.tab_to("Actiepunt opslaan")
        keys.press(Qt.Key.Key_Space)

    keys.in_dialog(action)
    keys.press(Qt.Key.Key_A, CTRL_SHIFT)
    keys.check(window)
    assert [a.what for a in ws.actions.all()] == ["Brief aan de gemeente schrijven"]
    shoot(window, "keyboard-story-minutes-150")

    # -- close the meeting and make the verslag -------------------------------------------
    keys.tab_to("Vergadering sluiten")

    def yes_close(dialog: QDialog) -> None:
        keys.tab_to("Ja, sluiten", limit=6)
        keys.press(Qt.Key.Key_Space)

    keys.in_dialog(yes_close)
    keys.press(Qt.Key.Key_Space)
    keys.check(window)
    qtbot.waitUntil(lambda: ws.meetings.get(meeting.id).status == "held", timeout=5000)
    after = minutes.after_close
    assert after is not None
    qtbot.waitUntil(after.isVisible, timeout=3000)
    after.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is after, timeout=3000)
    keys.tab_to("PDF maken: verslag")
    keys.press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: after.minutes.result.path is not None, timeout=20_000)
    pdf = after.minutes.result.path
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    shoot(after, "keyboard-story-verslag-150")
    keys.tab_to("Klaar, venster sluiten")
    keys.press(Qt.Key.Key_Space)
    assert not after.isVisible()
