"""A switch of screen lays out fully first, then paints once (ui/one_paint.py, issue 19).

The screens with tabs around a list and an editor (contacts, requests, signals) painted
three times on every show: Qt's layout requests climb the widget tree one posted event per
level, the window's paint ran half-way, and the tab widget repainted whole for each
request that reached it later.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tests.ui.conftest import wait_for_start
from tests.ui.followup_data import fill
from ui import one_paint
from ui.main_window import MainWindow
from ui.style import apply_style
from wijkapp.workspace import Workspace


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own style, as every window of the app has it (put back afterwards)."""
    before = (qapp.styleSheet(), qapp.palette(), qapp.font())
    apply_style(qapp, 100)
    yield qapp
    qapp.setStyleSheet(before[0])
    qapp.setPalette(before[1])
    qapp.setFont(before[2])


class PaintCount(QObject):
    """Counts the paint events of one widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def tabbed_screen() -> tuple[QWidget, QStackedWidget, QTabWidget]:
    """A window with two pages; the second is tabs around a splitter (list | editor)."""
    window = QWidget()
    stack = QStackedWidget()
    QVBoxLayout(window).addWidget(stack)
    stack.addWidget(QLabel("Zoeken"))
    tabs = QTabWidget()
    splitter = QSplitter()
    tree = QTreeWidget()
    tree.setHeaderLabels(["Naam", "Rol"])
    for n in range(60):
        QTreeWidgetItem(tree, [f"Persoon {n}", "bewoner"])
    editor = QWidget()
    fields = QVBoxLayout(editor)
    for name in ("Naam", "Telefoon", "E-mail", "Adres"):
        fields.addWidget(QLabel(name))
        fields.addWidget(QLineEdit())
    splitter.addWidget(tree)
    splitter.addWidget(editor)
    tabs.addTab(splitter, "Personen")
    tabs.addTab(QLabel("Organisaties"), "Organisaties")
    stack.addWidget(tabs)
    window.resize(900, 600)
    return window, stack, tabs


def paints_of_a_switch(qtbot: Any, settle_first: bool) -> int:
    window, stack, tabs = tabbed_screen()
    qtbot.addWidget(window)
    if settle_first:
        one_paint.install(window)
    window.show()
    qtbot.waitExposed(window)
    for page in (1, 0):  # shown once before, as a screen the secretary came back to
        stack.setCurrentIndex(page)
        qtbot.wait(50)
    counter = PaintCount(tabs)
    stack.setCurrentIndex(1)
    qtbot.wait(100)
    return counter.count


def test_a_screen_with_tabs_paints_once_when_shown(qtbot: Any) -> None:
    # The chain is Qt's own: without the filter the tab widget paints more than once
    # (the control shows the test can see what it guards against) ...
    assert paints_of_a_switch(qtbot, settle_first=False) > 1
    # ... and with it, exactly once.
    assert paints_of_a_switch(qtbot, settle_first=True) == 1


def test_the_main_window_paints_the_contacts_screen_once(qtbot: Any, ws: Workspace, bus: Any,
                                                         app_ctx: Any, styled: Any) -> None:
    fill(ws)
    window = MainWindow(ws, bus)
    qtbot.addWidget(window)
    window.show()
    wait_for_start(qtbot, window)
    contacts = window.show_view("contacts")
    qtbot.wait(200)
    window.show_view("search")
    qtbot.wait(100)
    counter = PaintCount(contacts)
    window.show_view("contacts")
    qtbot.wait(200)
    assert counter.count == 1


def test_settling_is_cheap_and_harmless_with_nothing_waiting(qtbot: Any) -> None:
    window, stack, _tabs = tabbed_screen()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    before = stack.currentIndex()
    one_paint.settle_layouts()  # nothing waits: nothing changes, nothing breaks
    assert stack.currentIndex() == before
    assert window.isVisible()


def test_every_scroll_area_body_goes_through_scroll_body() -> None:
    """An app scroll area given its content any other way paints its screen twice."""
    root = Path(__file__).resolve().parents[2] / "ui"
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "one_paint.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "setWidget"):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert found == []


def test_a_body_that_paints_once_looks_the_same(qtbot: Any, styled: Any) -> None:
    images = []
    for once in (False, True):
        stack = QStackedWidget()
        qtbot.addWidget(stack)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        for n in range(30):
            column.addWidget(QLabel(f"Regel {n}: ĳsbaan aan de Kerkstraat"))
        if once:
            one_paint.scroll_body(scroll, body)
        else:
            scroll.setWidget(body)
        stack.addWidget(scroll)
        stack.resize(500, 400)
        stack.show()
        qtbot.waitExposed(stack)
        images.append(stack.grab().toImage())
        assert body.autoFillBackground() is (not once)
    assert images[0] == images[1]

