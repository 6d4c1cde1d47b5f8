"""Every dialog of the app fits a 1366 × 768 laptop at 100-200 % text, or scrolls, with
the buttons that finish it always in sight.

The dialogs are not listed by hand: every QDialog subclass in ``ui/`` is found by importing
the package, and built from its constructor's parameter names (``ws``, ``parent``,
``meeting_id``, …) over the demo board. A new dialog with a parameter nobody knows fails
here until it is added to ``VALUES``. Screenshots go to screenshots-run/
(``dialog-<Class>-<percent>.png``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QWidget,
)

import ui
from tests.ui.conftest import wait_for_worker
from ui.operations.context import AppContext, set_app_context
from ui.screen_fit import room_on
from ui.style import apply_style
from wijkapp.workspace import Workspace

LAPTOP = QRect(0, 0, 1366, 768)
PERCENTS = [100, 125, 150, 175, 200]


def dialog_classes() -> list[type[QDialog]]:
    """Every concrete QDialog subclass defined in the ui package."""
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(module.name)
    found: list[type[QDialog]] = []
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("ui.") and cls not in found:
            found.append(cls)
    # Bases that are never shown themselves: they have subclasses and a leading _ or
    # only the behaviour (GrowingDialog).
    bases = {cls for cls in found if cls.__name__.startswith("_") or cls.__name__ == "GrowingDialog"}
    return sorted((c for c in found if c not in bases), key=lambda c: c.__name__)


CLASSES = dialog_classes()


def test_the_enumeration_finds_the_dialogs_of_every_part() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"ExportDialog", "AgendaItemDialog", "ActionDialog", "FirstRunDialog",
            "BackupsDialog", "LetterDialog", "AboutDialog"} <= names
    assert len(names) >= 14


def constructor_values(ws: Workspace, window: QWidget) -> dict[str, Any]:
    """Values for a dialog's constructor parameters, by name, over the demo board."""
    meeting = ws.meetings.latest()
    assert meeting is not None
    people = ws.contacts.board_members()
    goals = ws.goals.for_area(None)
    from ui.sync_controller import SyncController

    controller = SyncController(ws, parent=window)  # the board is not shared: the start screen
    return {
        "controller": controller, "sync": controller.sync,
        "ws": ws, "parent": window, "meeting_id": meeting.id, "person_id": people[0].id,
        "people": people, "goals": goals, "item": None, "item_title": "Verkeersveiligheid",
        "goal_title": goals[0].title if goals else "Een doel", "linked": set(),
        "request_id": None, "fmt": None, "offer_demo": True,
    }


def build(cls: type[QDialog], values: dict[str, Any]) -> QDialog:
    """``cls`` built from ``values`` by its parameter names (optional ones left out)."""
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(cls.__init__).parameters.items():
        if name == "self" or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name in values:
            kwargs[name] = values[name]
        elif param.default is inspect.Parameter.empty:
            pytest.fail(f"{cls.__name__}: add a value for parameter {name!r} to VALUES")
    return cls(**kwargs)


@pytest.fixture
def window(qtbot: Any, demo_ws: Workspace, bus: Any, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[QMainWindow]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    set_app_context(AppContext(demo_ws, bus, lambda _text: None))
    win = QMainWindow()
    win.ws = demo_ws  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.resize(1280, 728)
    win.show()
    yield win
    wait_for_worker(qtbot)
    set_app_context(None)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, 100)


def inside_scroll(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def finishing_buttons(dialog: QDialog) -> list[QAbstractButton]:
    """The buttons that finish a dialog: button boxes, parts marked ``finishing`` and the
    bottom row of buttons of its layout."""
    found = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
    found += [b for part in dialog.findChildren(QWidget) if part.property("finishing")
              for b in part.findChildren(QAbstractButton)]
    layout = dialog.layout()
    assert layout is not None
    rows = [layout.itemAt(i) for i in range(layout.count())
            if layout.itemAt(i).widget() is None or layout.itemAt(i).widget().isVisibleTo(dialog)]
    with_buttons = [r for r in rows if (r.widget() is not None and (
        isinstance(r.widget(), QAbstractButton) or r.widget().findChildren(QAbstractButton)))
        or (r.layout() is not None and any(
            isinstance(r.layout().itemAt(i).widget(), QAbstractButton)
            for i in range(r.layout().count())))]
    if not with_buttons:
        return [b for b in found if b.isVisibleTo(dialog)]
    last = with_buttons[-1]
    holders = [last.widget()] if last.widget() is not None else []
    if last.layout() is not None:
        sub = last.layout()
        holders += [sub.itemAt(i).widget() for i in range(sub.count()) if sub.itemAt(i).widget()]
    for holder in holders:
        if isinstance(holder, QAbstractButton):
            found.append(holder)
        elif holder is not None:
            found += holder.findChildren(QAbstractButton)
    return [b for b in found if b.isVisibleTo(dialog)]


@pytest.mark.parametrize("percent", PERCENTS)
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_dialog_fits_a_laptop_with_its_finishing_buttons_in_sight(
        window: QMainWindow, qtbot: Any, shoot: Any, cls: type[QDialog], percent: int) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    dialog = build(cls, constructor_values(window.ws, window))  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_for_worker(qtbot)
    qtbot.wait(30)
    shoot(dialog, f"dialog-{cls.__name__}-{percent}")
    room = room_on(LAPTOP)
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), (
        f"{cls.__name__} is {dialog.width()} × {dialog.height()} px at {percent} %")
    assert LAPTOP.contains(dialog.geometry())
    body = dialog.findChild(QAbstractScrollArea, "fitScroll")
    assert body is None or body.isVisible(), f"{cls.__name__}: its body scrolls but is hidden"
    # Nothing outside a scroll area is cut off by the dialog's edges.
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or inside_scroll(widget, dialog) \
                or widget.isWindow():
            continue
        spot = QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
        assert dialog.rect().contains(spot), (
            f"{cls.__name__} at {percent} %: {type(widget).__name__} "
            f"{getattr(widget, 'text', lambda: '')()!r} at {spot} outside {dialog.rect()}")
    buttons = finishing_buttons(dialog)
    assert buttons, f"{cls.__name__} has no finishing buttons"
    for button in buttons:
        assert not inside_scroll(button, dialog), f"{button.text()!r} scrolls away"
        assert button.width() >= button.minimumSizeHint().width() - 1, button.text()
    dialog.close()


@pytest.mark.parametrize("percent", [150, 200])
def test_a_long_message_box_keeps_its_button_on_the_laptop_screen(
        qtbot: Any, percent: int) -> None:
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    try:
        text = ("Dit bestand is al geopend in een ander Wijkapp-venster. Wijkapp opent het niet "
                "twee keer, zodat er niets verloren gaat.\n\nWat kunt u doen? Kijk onderaan in "
                "de taakbalk of Wijkapp al openstaat en ga verder in dat venster. Ziet u het "
                "nergens? Start de computer opnieuw op en open Wijkapp dan nog een keer.\n\n"
                "Bestand: /home/secretaris/Documenten/Wijkapp/wijkplatform-geleen-zuid.sqlite")
        box = QMessageBox(QMessageBox.Icon.Critical, "Wijkapp", text)
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        room = room_on(LAPTOP)
        assert box.height() <= room.height(), f"{box.height()} px at {percent} %"
        ok = box.buttons()[0]
        spot = QRect(ok.mapTo(box, ok.rect().topLeft()), ok.size())
        assert box.rect().contains(spot)
        box.close()
    finally:
        apply_style(app, 100)
