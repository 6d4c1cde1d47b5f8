"""Help → Handleiding and Help → Hoe doe ik…? open the shipped guide in the app: links stay
inside the window, Terug and Alt+← go back, the keyboard reaches and follows links, and in
English the pages are English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_for_worker
from ui.guide import GuideDialog
from ui.main_window import MainWindow
from ui.operations.context import AppContext, set_app_context
from ui.style import apply_style
from wijkapp import guide
from wijkapp.i18n import set_language
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
    set_language("nl")


def help_action(window: MainWindow, text: str) -> Any:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text() == text)


def open_guide_window(window: MainWindow, qtbot: Any, text: str) -> GuideDialog:
    help_action(window, text).trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def test_help_opens_the_manual_and_the_task_list(window: MainWindow, qtbot: Any) -> None:
    assert help_action(window, "Handleiding").shortcut().toString() == "F1"
    dialog = open_guide_window(window, qtbot, "Handleiding")
    assert dialog.page == guide.MANUAL
    assert dialog.windowTitle() == "Handleiding Wijkapp — Wijkapp"
    assert "Een vergadering voorbereiden" in dialog.browser.toPlainText()
    assert dialog.focusWidget() is dialog.browser  # arrows and PgDown scroll at once
    assert dialog.accessibleName() == "Hulp bij Wijkapp"
    help_action(window, "Hoe doe ik…?").trigger()  # the open window is reused
    assert window.findChildren(GuideDialog) == [dialog]
    assert dialog.page == guide.INDEX
    text = dialog.browser.toPlainText()
    assert "Een reservekopie terugzetten" in text and "Notuleren tijdens de vergadering" in text


def test_links_stay_inside_and_back_returns(window: MainWindow, qtbot: Any) -> None:
    dialog = open_guide_window(window, qtbot, "Hoe doe ik…?")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert not dialog.back_button.isEnabled()
    dialog.browser.anchorClicked.emit(QUrl("notuleren.md"))
    assert dialog.page == "notuleren"
    assert "Vergadering sluiten" in dialog.browser.toPlainText()
    dialog.browser.anchorClicked.emit(QUrl("besluit-of-actiepunt.md"))
    assert dialog.page == "besluit-of-actiepunt"
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.page == "notuleren"
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dialog.page == guide.INDEX and not dialog.back_button.isEnabled()
    dialog.browser.anchorClicked.emit(QUrl("../../RESOURCES"))  # never outside the guide
    assert dialog.page == guide.INDEX
    qtbot.mouseClick(dialog.manual_button, Qt.MouseButton.LeftButton)
    assert dialog.page == guide.MANUAL
    qtbot.mouseClick(dialog.tasks_button, Qt.MouseButton.LeftButton)
    assert dialog.page == guide.INDEX


def test_the_keyboard_reaches_a_link_and_follows_it(window: MainWindow, qtbot: Any) -> None:
    dialog = open_guide_window(window, qtbot, "Hoe doe ik…?")
    dialog.activateWindow()
    dialog.browser.setFocus()
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Tab)
    assert dialog.browser.textCursor().hasSelection()  # the first link is highlighted
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Return)
    assert dialog.page == guide.TASKS[0]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_guide_follows_the_text_size(window: MainWindow, qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, 100)  # as the app starts
    small = GuideDialog(window)
    qtbot.addWidget(small)
    small.show()
    qtbot.waitExposed(small)
    before = small.browser.font().pointSizeF()
    apply_style(app, 200)
    try:
        large = GuideDialog(window)
        qtbot.addWidget(large)
        assert large.browser.font().pointSizeF() > before * 1.5
        qtbot.wait(20)  # the new app font reaches open windows by event
        assert small.browser.font().pointSizeF() > before * 1.5  # an open guide grows too
    finally:
        apply_style(app, 100)


def test_english_pages_in_english(window: MainWindow, qtbot: Any) -> None:
    set_language("en")
    dialog = GuideDialog(window, "notuleren")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Take minutes during the meeting — Wijkapp"
    assert "Close meeting" in dialog.browser.toPlainText()
    dialog.show_page(guide.MANUAL)
    assert "Wijkapp helps" in dialog.browser.toPlainText()


def test_links_are_underlined_not_only_coloured(window: MainWindow, qtbot: Any) -> None:
    dialog = GuideDialog(window, guide.INDEX)
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    links, underlined = 0, 0
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            form = it.fragment().charFormat()
            if form.isAnchor():
                links += 1
                underlined += form.fontUnderline()
            it += 1
        block = block.next()
    assert links == len(guide.TASKS) + 1 and underlined == links


def test_an_open_guide_follows_a_language_change(window: MainWindow, qtbot: Any) -> None:
    dialog = open_guide_window(window, qtbot, "Hoe doe ik…?")
    dialog.browser.anchorClicked.emit(QUrl("notuleren.md"))
    window.set_language("en")
    wait_for_worker(qtbot)
    assert dialog.page == "notuleren" and dialog.back_button.isEnabled()
    assert dialog.windowTitle() == "Take minutes during the meeting — Wijkapp"
    assert dialog.close_button.text() == "Close" and dialog.accessibleName() == "Help with Wijkapp"
    window.set_language("nl")
    assert dialog.windowTitle() == "Notuleren tijdens de vergadering — Wijkapp"
