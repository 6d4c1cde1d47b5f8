"""GUI fixtures: offscreen Qt, an installed app context, screenshots to ``screenshots-run/``."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: The offscreen screen is an ordinary laptop's: 1366 × 768 at 96 dpi (tests/ui/laptop_screen.json).
LAPTOP_SCREEN = Path(__file__).with_name("laptop_screen.json")
# (Windows paths hold a ':' that Qt's platform arguments cannot carry: default screen there.)
os.environ["QT_QPA_PLATFORM"] = ("offscreen" if os.name == "nt"
                                 else f"offscreen:configfile={LAPTOP_SCREEN}")

# Views are not built in the pauses after start (ui/warmup.py) in GUI tests: hundreds of
# windows stay open longer than its 1.2 s; tests/ui/test_refresh.py turns it on.
os.environ.setdefault("WIJKAPP_WARMUP", "off")

from ui.bus import ChangeBus  # noqa: E402
from ui.operations.base import wait_for_workers  # noqa: E402
from ui.operations.context import AppContext, set_app_context  # noqa: E402
from wijkapp.demo import create_demo  # noqa: E402
from wijkapp.workspace import Workspace  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots-run"


@pytest.fixture
def bus(qapp: object) -> ChangeBus:
    """The app-level change signal."""
    return ChangeBus()


@pytest.fixture
def app_ctx(ws: Workspace, bus: ChangeBus) -> Iterator[AppContext]:
    """Install the app context operations use; waits for the worker afterwards."""
    messages: list[str] = []
    context = AppContext(ws, bus, messages.append)
    set_app_context(context)
    yield context
    wait_for_workers(5000)
    set_app_context(None)


def wait_for_start(qtbot: Any, window: Any) -> None:
    """Let a shown main window paint and do its start-up work (first view, backup,
    reminders), which it runs after its first paint."""
    qtbot.waitUntil(lambda: window.started, timeout=5000)
    wait_for_worker(qtbot)


def wait_for_worker(qtbot: object) -> None:
    """Let background operations finish and their callbacks run."""
    wait_for_workers(5000)
    qtbot.wait(20)  # type: ignore[attr-defined]


@pytest.fixture
def shoot() -> object:
    """``shoot(widget, "name")`` saves a PNG of the widget to screenshots-run/."""

    def save(widget: object, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        return path

    return save


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo board, made once per test run (copied for each test)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ws = Workspace(path)
    create_demo(ws)
    ws.close()
    return path


@pytest.fixture
def demo_ws(demo_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the demo board, open."""
    path = tmp_path / "bestuur.sqlite"
    shutil.copyfile(demo_file, path)
    ws = Workspace(path)
    yield ws
    ws.close()


def answer_question(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the next question box (a modal QMessageBox) once it is
    open, as the secretary would; its text is added to ``seen``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def look(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            for choice in box.buttons():
                if choice.text().replace("&", "") == button_text:
                    choice.click()
                    return
            box.reject()  # not the expected question: the test's asserts will say so
            return
        if tries:
            QTimer.singleShot(20, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
