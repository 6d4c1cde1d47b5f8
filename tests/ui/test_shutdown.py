"""Closing cleanly when the system asks: SIGTERM saves what was typed and marks the file closed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from wijkapp.database_file import read_state
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]

#: Starts the real app, types into a contact's notes and, before the autosave pause is
#: over, gets SIGTERM from outside (the way a service manager or `kill` sends it).
SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from ui import app as app_module

    qt_app = QApplication(sys.argv[:1])

    def act():
        window = next(w for w in QApplication.topLevelWidgets()
                      if type(w).__name__ == "MainWindow")
        panel = window.show_view("contacts").people
        person = panel.items()[0].data(0, 0x0100)
        panel.select(person)
        panel.notes.setPlainText("Belt terug over de bankjes; typte net voor het afsluiten")
        os.kill(os.getppid(), signal.SIGUSR1)  # tell the test: typed, now stop me

    QTimer.singleShot(300, act)
    sys.exit(app_module.main(sys.argv[1], demo_if_empty=False))
""")


def test_sigterm_saves_typing_and_closes_the_file_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "bestuur.sqlite"
    with Workspace(db) as ws:
        ws.boards.create("Wijkplatform Test", "Zuid", ["Noord"])
        person = ws.contacts.add("Ans de Vries").id
    typed = []
    previous = signal.signal(signal.SIGUSR1, lambda *_a: typed.append(True))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(db)], cwd=ROOT, env=env,
                                stderr=subprocess.PIPE, text=True)
        for _ in range(300):
            if typed or proc.poll() is not None:
                break
            try:
                proc.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass
        if not typed:
            proc.kill()
        assert typed, f"the app did not start: {proc.communicate()[1]}"
        proc.send_signal(signal.SIGTERM)  # well within the 600 ms autosave pause
        code = proc.wait(timeout=60)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert code == 0, proc.stderr.read() if proc.stderr else ""
    state = read_state(db)
    assert state.get("clean_close") is True
    assert not db.with_name(db.name + "-wal").exists() or \
        db.with_name(db.name + "-wal").stat().st_size == 0
    with Workspace(db) as ws:
        assert ws.contacts.get(person or "").notes.startswith("Belt terug over de bankjes")
