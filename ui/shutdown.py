"""Closing cleanly when the system asks: SIGTERM, logging out, shutting down.

Whatever ends the app, every editor's typing is saved, the saves are waited for, the file
is checkpointed and marked closed (so the next start is quick and nothing is lost):

- a POSIX ``SIGTERM``/``SIGHUP``/``SIGINT`` (``kill``, a service manager, the terminal)
  closes the main window on the GUI thread, as the close button would;
- the session manager's "save your data" request (logging out, shutting down Windows or
  the desktop) saves everything and checkpoints, without closing: the user may cancel;
- ``aboutToQuit`` (the last step of any quit) saves everything once more.
"""

from __future__ import annotations

import signal
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

#: The signals that mean "stop now, please" on this system.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)

_installed: dict[int, Any] = {}


def install(app: QApplication, window: Any) -> QTimer:
    """Hook ``window`` (a :class:`~ui.main_window.MainWindow`) to the system's stop requests.

    Returns the timer that lets Python see signals while Qt's event loop runs (Python
    only runs a signal handler between bytecodes).
    """

    def stop(_signum: int, _frame: Any) -> None:
        QTimer.singleShot(0, window.close)

    for number in STOP_SIGNALS:
        try:
            _installed[number] = signal.signal(number, stop)
        except (ValueError, OSError):  # not the main thread, or not allowed here
            continue
    heartbeat = QTimer(app)
    heartbeat.setInterval(250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()

    def commit(_manager: Any) -> None:
        window.save_everything()
        window.ws.save_point()

    app.commitDataRequest.connect(commit)
    app.aboutToQuit.connect(lambda: _save_if_open(window))
    return heartbeat


def _save_if_open(window: Any) -> None:
    if not window.ws.closed:
        window.save_everything()
