"""Start-up benchmarks: from launching Wijkapp to a usable main window.

Each row starts a fresh process (``--startup-probe DB`` of packaging/entry.py) on a demo
board and times it until the window is shown and its first events are processed:

* ``start to window (source)``: ``python packaging/entry.py`` from this checkout;
* ``start to window (frozen)``: the PyInstaller build in ``dist/`` — registered only
  when that build exists (``python packaging/build.py``), otherwise left out cleanly.

The raw floor is a bare PySide6 window (QApplication + QMainWindow, shown, events
processed) started the same way. The median is over warm starts; the note gives the first
start (``--cold``: after emptying the page cache, Linux as root, so it reads from disk). Run
with ``python -m bench.startup [--cold]`` (no generated database needed) or
``python -m bench.run --module bench.core --module bench.startup``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import REGISTRY, Result, register  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "packaging" / "entry.py"
READY = "venster-klaar"
#: Printed once the first view is filled (after the first paint).
FILLED = "lijst-klaar"
#: Budget for a usable window on an ordinary laptop (our choice; DESIGN.md has none).
BUDGET_MS = 3000
#: The frozen build, cold, to its first paint (issue 19).
FROZEN_BUDGET_MS = 500
#: Start-ups per row at most: each is a whole process, so a few give a stable median.
MAX_STARTS = 7

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow(); window.resize(1280, 800); window.show()\n"
    "app.processEvents()\n"
    f"print({READY!r}, flush=True)\n"
)


def frozen_executable() -> Path | None:
    """The built app in dist/, or ``None`` when it has not been built."""
    if sys.platform == "darwin":
        exe = ROOT / "dist" / "Wijkapp.app" / "Contents" / "MacOS" / "Wijkapp"
    else:
        exe = ROOT / "dist" / "Wijkapp" / ("Wijkapp.exe" if os.name == "nt" else "Wijkapp")
    return exe if exe.is_file() else None


#: Milliseconds to ``lijst-klaar`` of the last start (for the notes).
LAST_FILLED: list[float] = []


def time_to_window(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Milliseconds from starting ``command`` until it prints the ready line (the first
    paint); the time to ``lijst-klaar`` goes to :data:`LAST_FILLED`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, cwd=cwd)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.strip() == READY and elapsed is None:
            elapsed = (time.perf_counter() - started) * 1000
        elif line.strip() == FILLED:
            LAST_FILLED.append((time.perf_counter() - started) * 1000)
            break
    process.stdout.read()
    code = process.wait(timeout=120)
    if elapsed is None or code != 0:
        raise RuntimeError(f"{command[0]} gaf geen venster (exitcode {code}).")
    return elapsed


#: ``--cold``: empty the OS file cache before each row's first start (Linux, as root).
COLD = {"wanted": False, "done": False}


def drop_page_cache() -> bool:
    """Drop Linux's page cache so the next start reads from disk; False when not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def _starts(command: list[str], repeat: int) -> tuple[float, float]:
    """(first start, median of the starts after it) on a fresh demo board, in ms."""
    import statistics

    from wijkapp.demo import create_demo
    from wijkapp.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="wijkapp-start-") as temp:
        folder = Path(temp)
        db = folder / "demo.sqlite"
        with Workspace(db) as ws:
            create_demo(ws)
        env = {k: v for k, v in os.environ.items() if not k.startswith("WIJKAPP_")}
        env.update(QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
                   WIJKAPP_CONFIG_DIR=str(folder / "voorkeuren"), PYTHONPATH=str(ROOT))
        argv = [part.replace("{db}", str(db)) for part in command]
        if COLD["wanted"]:
            COLD["done"] = drop_page_cache()
        LAST_FILLED.clear()
        first = time_to_window(argv, env, folder)
        times = [time_to_window(argv, env, folder) for _ in range(max(1, min(repeat, MAX_STARTS)))]
    return first, statistics.median(times)


def _filled_note() -> str:
    """``; list filled N ms`` (median after the first start), when the probe said so."""
    later = LAST_FILLED[1:] or LAST_FILLED
    if not later:
        return ""
    import statistics

    return f"; lijst gevuld {statistics.median(later):.0f} ms"


def _first_label() -> str:
    return "koude start" if COLD["done"] else "eerste start"


def _floor(repeat: int) -> float:
    return _starts([sys.executable, "-c", BARE_WINDOW], repeat)[1]


@register("start to window (source)", budget_ms=BUDGET_MS)
def start_from_source(db: Path, repeat: int) -> Result:
    """The app run from this checkout with the current Python."""
    first, median = _starts([sys.executable, str(ENTRY), "--startup-probe", "{db}"], repeat)
    filled = _filled_note()
    return Result("start to window (source)", median, _floor(repeat), BUDGET_MS,
                  note=f"{_first_label()} {first:.0f} ms{filled}")


def start_frozen(db: Path, repeat: int) -> Result:
    """The PyInstaller build in dist/."""
    exe = frozen_executable()
    if exe is None:
        raise FileNotFoundError("Er is geen build in dist/; draai 'python packaging/build.py'.")
    first, median = _starts([str(exe), "--startup-probe", "{db}"], repeat)
    filled = _filled_note()
    return Result("start to window (frozen)", median, _floor(repeat), FROZEN_BUDGET_MS,
                  note=f"{_first_label()} {first:.0f} ms{filled}")


if frozen_executable() is not None:
    register("start to window (frozen)", budget_ms=FROZEN_BUDGET_MS)(start_frozen)


def main() -> int:
    """Print the start-up rows (no generated database needed)."""
    from bench.run import format_table, machine

    COLD["wanted"] = "--cold" in sys.argv[1:]
    names = [n for n in REGISTRY if n.startswith("start to window")]
    results = [REGISTRY[n].function(Path(os.devnull), MAX_STARTS) for n in names]
    if frozen_executable() is None:
        print("(Geen build in dist/: alleen de start vanuit de broncode. "
              "Bouw met 'python packaging/build.py'.)")
    print(format_table(results, f"Start tot bruikbaar venster, {machine()}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
