"""Every control a keyboard reaches has a Dutch accessible name (what a screen reader says).

The names are read the way assistive technology reads them, through Qt's accessibility
tree (``QAccessible.queryAccessibleInterface(...).text(Name)``), so a button's caption or a
field's buddy label counts. Every view of the main window and every dialog class of ui/
(found as in test_dialogs_fit) is checked; the text field inside an editable pick-list
(the person lists) is checked too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from tests.ui.conftest import wait_for_worker
from tests.ui.test_dialogs_fit import CLASSES, build, constructor_values
from ui.main_window import VIEWS, MainWindow
from ui.operations.context import AppContext, set_app_context
from wijkapp.workspace import Workspace


def accessible_name(widget: QWidget) -> str:
    """The name set on the widget, else what Qt's accessibility tree derives (a button's
    caption, a field's buddy label; for a pick-list Qt gives its current value)."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def nameless(top: QWidget) -> list[str]:
    """Focusable, visible, enabled controls under ``top`` without an accessible name."""
    missing = []
    for widget in top.findChildren(QWidget):
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isEnabled():
            continue
        if not widget.isVisibleTo(top) or widget.isWindow():
            continue
        if widget.objectName().startswith("qt_") and widget.focusProxy() is not None:
            continue
        if not any(ch.isalpha() for ch in accessible_name(widget)):
            parent = widget.parentWidget()
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}"
                           f" ({getattr(widget, 'text', lambda: '')()!r})"
                           if hasattr(widget, "text") and callable(widget.text)
                           else f"{type(widget).__name__} in {type(parent).__name__}")
    return missing


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


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_every_control_of_a_view_has_a_name(window: MainWindow, qtbot: Any, key: str) -> None:
    view = window.show_view(key)
    wait_for_worker(qtbot)
    QCoreApplication.sendPostedEvents()
    assert nameless(view) == []


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_control_of_a_dialog_has_a_name(window: QMainWindow, qtbot: Any,
                                              cls: type[QDialog]) -> None:
    dialog = build(cls, constructor_values(window.ws, window))  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_worker(qtbot)
    assert nameless(dialog) == []
    dialog.close()
