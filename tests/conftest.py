"""Shared fixtures: every test works on real SQLite files in tmp_path."""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The locks by file identity go to a folder of this test run, not the user's cache.
os.environ.setdefault("WIJKAPP_LOCK_DIR", tempfile.mkdtemp(prefix="wijkapp-sloten-"))

from wijkapp.workspace import Workspace  # noqa: E402

#: The signals the app's shutdown handler takes over (ui/shutdown.py).
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")
                      if hasattr(signal, name))


@pytest.fixture(autouse=True)
def _keep_stop_signals() -> Iterator[None]:
    """A test that starts the app (ui.app.start) installs its SIGTERM handler in this
    process; put pytest's back, so that `timeout` and Ctrl+C still stop a hung run."""
    saved = {number: signal.getsignal(number) for number in _STOP_SIGNALS}
    yield
    for number, handler in saved.items():
        if signal.getsignal(number) is not handler and handler is not None:
            signal.signal(number, handler)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A not-yet-existing database path in a private temp folder."""
    return tmp_path / "bestuur.sqlite"


@pytest.fixture
def ws(db_path: Path) -> Iterator[Workspace]:
    """An open workspace with one board (two buurten), closed afterwards."""
    workspace = Workspace(db_path)
    workspace.boards.create("Wijkplatform Test", "Zuid", ["Lindenheuvel", "Krawinkel"])
    yield workspace
    try:
        workspace.close()
    except Exception:  # noqa: BLE001 - already closed by the test
        pass


@pytest.fixture
def empty_ws(db_path: Path) -> Iterator[Workspace]:
    """An open workspace without a board."""
    workspace = Workspace(db_path)
    yield workspace
    try:
        workspace.close()
    except Exception:  # noqa: BLE001
        pass
