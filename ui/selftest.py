"""The self-test of an installed or frozen Wijkapp (``Wijkapp --selftest``).

Proves in a few seconds that a build works end to end: the core opens a new file in a
temporary folder, fills it with the demo board, writes the minutes PDF (Typst and the
shipped fonts), shares the board with a second laptop through a folder (pycrdt and
PyNaCl's encryption), then Qt starts offscreen, Qt's own Dutch translator ``qtbase_nl`` loads
from the translations folder the app uses, and the main window is built with every view.

It lives on the GUI side (the core never imports Qt or ``ui``). Importing this module does
not import Qt yet: Qt is imported inside :func:`run_selftest`, so a build whose Qt cannot
load still answers with one Dutch line instead of a traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Smallest believable size of the demo minutes PDF (fonts are embedded).
MIN_PDF_BYTES = 5_000


class SelftestError(Exception):
    """A step of the self-test failed; the message is one Dutch sentence."""


def run_selftest(out: Callable[[str], None] = print) -> int:
    """Run every step; print one Dutch line through ``out``; return 0 (passed) or 1.

    The user's own data is never touched: the workspace lives in a temporary folder
    that is removed afterwards, and the preferences are not read or written.
    """
    started = time.perf_counter()
    step = "begin"
    try:
        with tempfile.TemporaryDirectory(prefix="wijkapp-zelftest-") as folder:
            step = "demo"
            facts = _core_steps(Path(folder))
            step = "qt"
            facts.update(_qt_steps(Path(folder)))
    except Exception as error:  # noqa: BLE001 - the promise is one Dutch line, no traceback
        if os.environ.get("WIJKAPP_DEBUG"):
            import traceback

            traceback.print_exc()
        reason = str(error) if isinstance(error, SelftestError) else (
            f"{STEP_NAMES.get(step, step)}: {type(error).__name__}: {error}")
        out(f"Zelftest mislukt: {reason}")
        return 1
    seconds = time.perf_counter() - started
    out(
        f"Zelftest geslaagd: demo '{facts['board']}', verslag-PDF {facts['pdf_kb']} kB, "
        "gedeeld met een tweede laptop, "
        f"qtbase_nl geladen, hoofdvenster met {facts['views']} onderdelen ({seconds:.1f} s)."
    )
    return 0


STEP_NAMES = {
    "begin": "voorbereiden",
    "demo": "demo-wijkplatform, verslag-PDF of delen tussen twee laptops",
    "qt": "Qt of het hoofdvenster",
}


def _core_steps(folder: Path) -> dict[str, Any]:
    """Create the demo board and write the latest meeting's minutes as PDF."""
    from wijkapp.demo import create_demo
    from wijkapp.export import export
    from wijkapp.workspace import Workspace

    with Workspace(folder / "zelftest.sqlite") as ws:
        create_demo(ws)
        board = ws.board.name
        pdf = export(ws, "minutes", folder / "verslag.pdf", meeting_id="latest")
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < MIN_PDF_BYTES:
        raise SelftestError(f"het verslag-PDF is onvolledig ({len(data)} bytes).")
    _two_laptops(folder)
    _guide_is_there()
    return {"board": board, "pdf_kb": round(len(data) / 1024)}


def _guide_is_there() -> None:
    """Help → Handleiding and Hoe doe ik…? read their pages from the build, in both languages."""
    from wijkapp.guide import PAGES, page_path

    for language in ("nl", "en"):
        for name in PAGES:
            try:
                path = page_path(name, language)
            except FileNotFoundError:
                path = None
            if path is None or path.parent.name != language:
                raise SelftestError(f"de handleiding ('{language}/{name}.md') ontbreekt in deze build.")


def _two_laptops(folder: Path) -> None:
    """Share the demo board with a second laptop through a folder (pycrdt, PyNaCl)."""
    from wijkapp.sync.board import BoardSync
    from wijkapp.workspace import Workspace

    shared = folder / "gedeelde-map"
    shared.mkdir()
    with Workspace(folder / "zelftest.sqlite") as first:
        BoardSync(first).share(shared, "zelftest wachtwoord", "Laptop 1")
        person = first.contacts.all()[0].id
        with Workspace(folder / "tweede-laptop.sqlite") as second:
            other = BoardSync(second)
            other.join(shared, "zelftest wachtwoord", "Laptop 2")
            second.contacts.update(person, role="zelftest")
            other.sync()
        BoardSync(first).sync()
        if first.contacts.get(person).role != "zelftest":
            raise SelftestError("delen tussen twee laptops werkt niet: de wijziging kwam niet aan.")


def _qt_steps(folder: Path) -> dict[str, Any]:
    """Start Qt offscreen, load ``qtbase_nl``, build the main window with every view."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "wijkapp"])
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load("qtbase_nl", translations) or translator.isEmpty():
        raise SelftestError(f"Qt's Nederlandse vertaling (qtbase_nl) ontbreekt in {translations}.")
    app.installTranslator(translator)
    try:
        views = _main_window_steps(folder, app)
    finally:
        app.removeTranslator(translator)
    return {"views": views}


def _main_window_steps(folder: Path, app: Any) -> int:
    """Open the demo file as the app does and build every view; the number of views."""
    from wijkapp.workspace import Workspace

    from .bus import ChangeBus
    from .main_window import VIEWS, MainWindow
    from .operations.base import wait_for_workers
    from .operations.context import AppContext, set_app_context
    from .preferences import Preferences

    ws = Workspace(folder / "zelftest.sqlite")
    bus = ChangeBus()
    context = AppContext(ws, bus)
    set_app_context(context)
    window = None
    try:
        window = MainWindow(ws, bus, Preferences())
        context.show_status = window.show_status
        window.show()
        app.processEvents()
        for spec in VIEWS:
            window.show_view(spec.key)  # a view that cannot be imported raises here
            app.processEvents()
        if not window.isVisible():
            raise SelftestError("het hoofdvenster is niet zichtbaar geworden.")
        return len(VIEWS)
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        wait_for_workers(30_000)
        app.processEvents()
        set_app_context(None)
        ws.close()


if __name__ == "__main__":
    raise SystemExit(run_selftest())
