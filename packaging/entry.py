"""The entry point of the frozen Wijkapp (PyInstaller runs this file as the app).

* ``Wijkapp --selftest`` runs :func:`ui.selftest.run_selftest` (exit code 0 or 1).
* ``Wijkapp --startup-probe DB`` opens the window on DB and quits (for bench/startup.py).
* ``Wijkapp FILE.wijkapp`` (a double-clicked exchange file) asks, then reads it in.
* anything else goes to :func:`ui.launcher.main` (no arguments: the desktop app).

Portable mode: when the frozen app finds ``portable.txt`` next to its executable, it keeps
its data and preferences in ``Wijkapp-gegevens/`` beside it, e.g. on a USB stick. This is decided here, before anything opens a database.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import MutableMapping, Sequence
from pathlib import Path

PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "Wijkapp-gegevens"
#: The extension registered for the JSON exchange file (``wijkapp export json``).
EXCHANGE_SUFFIX = ".wijkapp"


def portable_data_dir(executable: Path) -> Path | None:
    """``<exe dir>/Wijkapp-gegevens`` when ``portable.txt`` lies next to ``executable``."""
    folder = Path(executable).resolve().parent
    if (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_FOLDER
    return None


def apply_portable_mode(
    frozen: bool, executable: Path, environ: MutableMapping[str, str]
) -> Path | None:
    """Point ``WIJKAPP_DATA_DIR`` (and the preferences) at the portable folder.

    Only for a frozen app (a source checkout never goes portable) and only when the user
    has not set ``WIJKAPP_DATA_DIR`` already, which wins. Returns the data folder used,
    or ``None`` when the app is not portable.
    """
    if not frozen or environ.get("WIJKAPP_DATA_DIR"):
        return None
    data = portable_data_dir(executable)
    if data is None:
        return None
    environ["WIJKAPP_DATA_DIR"] = str(data)
    # The preferences remember the last file; on a stick they must travel with it.
    environ.setdefault("WIJKAPP_CONFIG_DIR", str(data / "voorkeuren"))
    return data


def exchange_file_argument(argv: Sequence[str]) -> Path | None:
    """The exchange file when the only argument is one (how a double-click arrives)."""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    path = Path(argv[0])
    if path.suffix.lower() == EXCHANGE_SUFFIX and path.is_file():
        return path
    return None


def _attach_windows_console() -> None:
    """A windowed .exe has no stdout: use a redirected handle, else the parent's console."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes
    import msvcrt

    kernel32 = ctypes.windll.kernel32
    kernel32.GetStdHandle.restype = ctypes.c_void_p
    handle = kernel32.GetStdHandle(-11)  # STD_OUTPUT_HANDLE: set when output is redirected
    if handle and handle != ctypes.c_void_p(-1).value:
        try:
            descriptor = msvcrt.open_osfhandle(handle, os.O_WRONLY)
            sys.stdout = open(descriptor, "w", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115
            sys.stderr = sys.stdout
            return
        except OSError:
            pass
    if kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = sys.stdout
    else:
        sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115


def _import_exchange_file(path: Path) -> int:
    """Ask, then merge a double-clicked exchange file into the usual database."""
    import contextlib
    import io

    from PySide6.QtWidgets import QApplication, QMessageBox

    from wijkapp.cli import main as cli_main

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Wijkapp")
    answer = QMessageBox.question(
        None, "Uitwisselbestand inlezen",
        f"Wilt u '{path.name}' inlezen in uw Wijkapp?\n\n"
        "Nieuwe gegevens worden toegevoegd, bestaande bijgewerkt. Er wordt niets verwijderd.")
    if answer != QMessageBox.StandardButton.Yes:
        return 0
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = cli_main(["import", str(path)])
    text = output.getvalue().strip().removeprefix("wijkapp: ")
    if code == 0:
        QMessageBox.information(None, "Ingelezen", text)
    else:
        QMessageBox.warning(None, "Niet ingelezen", text)
    return code


def _startup_probe(db: Path) -> int:
    """For bench/startup.py: start the app on ``db`` as usual, say when the window is up, quit.

    Prints ``venster-klaar`` at the main window's first paint (the window is there and
    answers: navigation, menus, its frame), then ``lijst-klaar`` once the first view, which
    the window fills in after that paint, is built and its events are processed.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import start
    from ui.main_window import VIEWS
    from ui.operations.base import wait_for_workers
    from ui.operations.context import set_app_context

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (not self.painted and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window().inherits("QMainWindow")):
                self.painted = True
                print("venster-klaar", flush=True)
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    window = start(db, demo_if_empty=False, show_error=lambda parent, title, text: print(text))
    if isinstance(window, int):
        return 1
    first = VIEWS[0].key
    for _ in range(1000):  # at most a few seconds; normally a handful of rounds
        if probe.painted and dict.__contains__(window.views, first):
            break
        app.processEvents()
        time.sleep(0.002)
    app.removeEventFilter(probe)
    app.processEvents()
    if not probe.painted:
        print("venster-klaar", flush=True)  # a platform that never paints: shown is all
    print("lijst-klaar", flush=True)
    window.close()
    wait_for_workers(30_000)
    set_app_context(None)
    window.ws.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the frozen app; return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    frozen = bool(getattr(sys, "frozen", False))
    _attach_windows_console()
    apply_portable_mode(frozen, Path(sys.executable), os.environ)
    if argv[:1] == ["--selftest"]:
        from ui.selftest import run_selftest

        return run_selftest()
    if argv[:1] == ["--startup-probe"] and len(argv) == 2:
        return _startup_probe(Path(argv[1]))
    exchange = exchange_file_argument(argv)
    if exchange is not None:
        return _import_exchange_file(exchange)
    from ui.launcher import main as launch

    return launch(argv)


if __name__ == "__main__":
    if __package__ in (None, "") and not getattr(sys, "frozen", False):
        # Run from a checkout (python packaging/entry.py): make wijkapp and ui importable.
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
