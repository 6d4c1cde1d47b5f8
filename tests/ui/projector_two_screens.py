"""Helper for test_projector: open the presentatiescherm with two virtual screens.

Run in its own process (Qt's platform, with its screen list, is chosen once per process)
as ``python projector_two_screens.py DB``; prints one line of JSON with what happened.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from ui.bus import ChangeBus
from ui.operations.base import worker_pool
from ui.operations.context import AppContext, set_app_context
from ui.views.minutes import MinutesView
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


def main(db: Path) -> int:
    app = QApplication([])
    ws = Workspace(db)
    ws.boards.create("Wijkplatform Twee Schermen", "Zuid", ["Lindenheuvel"])
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id or ""
    bus = ChangeBus()
    set_app_context(AppContext(ws, bus))
    laptop = next(s for s in app.screens() if s.name() == "Laptop")
    window = QMainWindow()
    view = MinutesView(ws, bus)
    window.setCentralWidget(view)
    window.setGeometry(laptop.availableGeometry().adjusted(20, 20, -20, -20))
    window.show()
    window.activateWindow()
    app.processEvents()
    view.load(meeting)
    view.room.show_projector()
    app.processEvents()
    projector = view.room.projector
    assert projector is not None
    geometry = projector.geometry()
    facts = {
        "screens": len(app.screens()),
        "projector_screen": projector.screen().name(),
        "full_screen": projector.isFullScreen(),
        "second_screen_found": view.room.on_second_screen,
        "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
        "main_active": window.isActiveWindow(),
    }
    view.room.close_projector()
    worker_pool().waitForDone(5000)
    ws.close()
    print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
