"""GUI benchmarks: how long each GUI operation blocks the window, and start to first paint.

Issue 19: the secretary must never wait. Every row times one operation on the GUI thread
*until the event loop is idle again* (layout and paint included), plus the GUI thread's
share of anything the operation handed to the worker (its callbacks and the view
refreshes they cause), on the busiest board of a private copy of the bench database (the
app locks its file, and the benchmarks must not change the generated one). **Every view
of the window has been built once** before anything is timed, as after a secretary has
visited every screen, because each built view follows the change bus:

* ``view <key>: first`` — building and showing a view the first time, in a fresh window
  where every other view is built; ``view <key>: again`` — switching back to it;
* ``open a meeting`` (editor), ``enter minutes mode``, ``type in notes`` (one key press
  in the minutes notes), ``save notes (GUI part)`` (the save runs on the worker; this is
  the GUI thread's share: handing it over plus the callbacks and view refreshes after);
* ``search: key press`` (the box is debounced) and ``search: results`` (what the search
  does on the GUI thread after the pause, for each prefix of a typed word);
* ``typing session: worst freeze`` — 200 keys typed into the minutes notes with pauses
  (the autosave runs in them) while every other view exists; the longest the event loop
  could not run a 2 ms heartbeat timer (:class:`FreezeMeter`);
* ``start to first paint (source)`` — a fresh ``python -c`` that imports ``ui.app``, calls
  ``start(db)`` and reports the first paint event of the main window (median of up to
  seven runs; the note gives the slowest run and where the time went).

Budget: ≤ 50 ms median and ≤ 100 ms for the slowest run (the verdict checks both). The
raw floor is the same core calls without widgets, where there is one. Run with
``python -m bench.run --module bench.gui``.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import Result, median_ms, register  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 50
#: The slowest run of a GUI row may take this long (two frames at most, issue 19).
MAX_BUDGET_MS = 100
#: Keys typed in the typing session (fewer when ``--repeat`` is below 3, as in tests).
SESSION_KEYS = 200
STARTUP_BUDGET_MS = 1000
#: Whole-process start-ups per run at most (each takes about a second).
MAX_STARTS = 7
#: Fresh windows per "first time" row at most (each builds a whole window).
MAX_FRESH = 5
#: The word typed into the search box, one prefix per key press.
SEARCH_WORD = "hondenpoep"

_tmp = Path(tempfile.mkdtemp(prefix="wijkapp-gui-bench-"))
atexit.register(shutil.rmtree, _tmp, True)


def private_copy(db: Path, name: str) -> Path:
    """A copy of the bench database in a private temp folder (made once per ``name``)."""
    target = _tmp / name / db.name
    if not target.exists():
        target.parent.mkdir(parents=True)
        shutil.copyfile(db, target)
    return target


def wait_for_worker() -> None:
    """Block until the background worker has nothing left (not timed by the callers)."""
    from ui.operations.base import wait_for_workers

    wait_for_workers(120_000)


def timings(work: Callable[[], object], repeat: int, settle: Callable[[], None],
            before: Callable[[], object] | None = None) -> list[float]:
    """Milliseconds the GUI thread spends on ``work()`` for each of ``repeat`` runs.

    That is ``work()`` plus ``settle()``, then (after the worker finished, untimed) the
    ``settle()`` that runs the callbacks of what ``work()`` handed to the worker: a view
    that loads its rows in the background still pays for showing them. ``before()`` runs
    untimed before every run (to set the stage).
    """
    result = []
    for _ in range(max(1, repeat)):
        if before is not None:
            before()
        settle()
        wait_for_worker()
        settle()
        start = time.perf_counter()
        work()
        settle()
        gui = time.perf_counter() - start
        wait_for_worker()
        start = time.perf_counter()
        settle()
        gui += time.perf_counter() - start
        result.append(gui * 1000)
    return result


def result(name: str, times: list[float], raw: float | None = None,
           budget: float = BUDGET_MS, note: str = "") -> Result:
    """A :class:`Result` with the median of ``times``; the note names the maximum."""
    worst = f"max {max(times):.0f} ms"
    return Result(name, statistics.median(times), raw, budget,
                  f"{worst}; {note}" if note else worst, max_ms=max(times),
                  max_budget_ms=MAX_BUDGET_MS if budget == BUDGET_MS else None)



def keep_none_alive() -> None:
    """Guard a long run against a PySide6 that loses references to ``None`` (see ui.qt_guard)."""
    from ui.qt_guard import protect_none

    protect_none()


# -- the in-process app --------------------------------------------------------------------
@dataclass
class Session:
    """One app over a private copy of the bench database, on its busiest board."""

    app: Any
    ws: Any
    bus: Any
    window: Any
    meeting_ids: list[str]

    def settle(self) -> None:
        """Run the event loop until nothing is pending (layout, paint, callbacks)."""
        from PySide6.QtCore import QCoreApplication

        for _ in range(3):
            QCoreApplication.sendPostedEvents()
            self.app.processEvents()

    def idle_worker(self) -> None:
        """Wait for background saves (and the start-up backup), then their callbacks."""
        from ui.operations.base import wait_for_workers

        wait_for_workers(120_000)
        self.settle()

    def new_window(self, skip: str | None = None) -> Any:
        """A fresh main window, shown and painted, with every view but ``skip`` built once
        (the old window is deleted first, so its views stop following the bus)."""
        from ui.main_window import VIEWS, MainWindow

        if self.window is not None:
            from PySide6.QtCore import QCoreApplication, QEvent

            self.window.close()  # saves what is typed and waits for it
            self.idle_worker()  # every callback runs before the window goes
            self.window.deleteLater()
            self.settle()
            # processEvents() outside an event loop never deletes: do it here.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.window = MainWindow(self.ws, self.bus)
        self.window.resize(1280, 720)
        self.window.show()
        self.idle_worker()
        for spec in VIEWS:
            if spec.key != skip:
                self.window.show_view(spec.key)
                self.idle_worker()
        self.window.show_view("meetings" if skip != "meetings" else "search")
        self.idle_worker()
        self.wait_warm()
        return self.window

    def wait_warm(self) -> None:
        """Let the window build its views in the pauses after start (ui/warmup.py), as
        it does while the secretary reads the first screen; ``skip`` is then built but
        never shown."""
        from PySide6.QtTest import QTest

        warmer = getattr(self.window, "warmer", None)
        for _ in range(2000):
            if warmer is None or warmer.done:
                break
            QTest.qWait(10)
        self.idle_worker()
        # A moment more, as the secretary reads: work the last slices left for a pause of
        # its own (a hidden list measures its rows 60 ms after they came) is done too.
        QTest.qWait(200)
        self.idle_worker()


_session: Session | None = None


def busiest_board(ws: Any) -> str:
    """The id of the board with the most meetings in the file."""
    row = ws.store.rows(
        "SELECT board_id, COUNT(*) AS n FROM meetings WHERE deleted_at IS NULL "
        "GROUP BY board_id ORDER BY n DESC LIMIT 1", [])
    return str(row[0]["board_id"])


def session(db: Path) -> Session:
    """The shared app session (made on first use, closed at exit)."""
    global _session
    if _session is not None:
        return _session
    os.environ["WIJKAPP_CONFIG_DIR"] = str(_tmp / "config")
    from PySide6.QtWidgets import QApplication

    from ui.bus import ChangeBus
    from ui.operations.context import AppContext, set_app_context
    from ui.style import apply_style
    from wijkapp.workspace import Workspace

    keep_none_alive()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app, 100)
    ws = Workspace(private_copy(db, "session"))
    ws.use_board(busiest_board(ws))
    bus = ChangeBus()
    set_app_context(AppContext(ws, bus))
    meetings = [m.id for m in ws.meetings.past()[:40]]
    _session = Session(app, ws, bus, None, meetings)
    _session.new_window()

    def close() -> None:
        from ui.operations.base import wait_for_workers

        wait_for_workers(120_000)
        if _session.window is not None:
            _session.window.hide()
        set_app_context(None)
        ws.close()

    atexit.register(close)
    return _session


# -- views ------------------------------------------------------------------------------------
#: Per view: the core calls it makes when it is built (the raw floor of "first").
VIEW_FLOORS: dict[str, Callable[[Any], object]] = {
    "meetings": lambda ws: (ws.meetings.upcoming(), ws.meetings.past()),
    "actions": lambda ws: ws.actions.all(),
    "requests": lambda ws: (ws.requests.all(), ws.documents.all()),
    "contacts": lambda ws: (ws.contacts.all(), ws.organisations.all()),
    "goals": lambda ws: ws.goals.all(),
    "dashboard": None,  # type: ignore[dict-item]
    "search": None,  # type: ignore[dict-item]
}


def _floor(key: str, ws: Any, repeat: int) -> float | None:
    work = VIEW_FLOORS.get(key)
    if work is None:
        return None
    try:
        return median_ms(lambda: work(ws), repeat)
    except AttributeError:  # a manager without all(): no floor rather than a wrong one
        return None


def _view_first(key: str) -> Callable[[Path, int], Result]:
    def bench(db: Path, repeat: int) -> Result:
        s = session(db)
        other = "search" if key != "search" else "goals"

        def before() -> None:
            s.new_window(skip=key).show_view(other)

        times = timings(lambda: s.window.show_view(key), min(repeat, MAX_FRESH), s.settle,
                        before)
        s.idle_worker()
        return result(f"view {key}: first", times, _floor(key, s.ws, repeat))

    return bench


def _view_again(key: str) -> Callable[[Path, int], Result]:
    def bench(db: Path, repeat: int) -> Result:
        s = session(db)
        other = "search" if key != "search" else "goals"
        s.window.show_view(key)
        times = timings(lambda: s.window.show_view(key), repeat, s.settle,
                        lambda: s.window.show_view(other))
        s.idle_worker()
        return result(f"view {key}: again", times)

    return bench


def _register_views() -> None:
    from ui.main_window import VIEWS

    for spec in VIEWS:
        register(f"view {spec.key}: first", BUDGET_MS)(_view_first(spec.key))
    for spec in VIEWS:
        register(f"view {spec.key}: again", BUDGET_MS)(_view_again(spec.key))


_register_views()


@register("start: views built in the pauses", BUDGET_MS)
def warm_up(db: Path, repeat: int) -> Result:
    """A fresh window builds the views not opened yet in the pauses after its first paint
    (``ui.warmup.ViewWarmer``); the longest time the window could not answer meanwhile
    (a 2 ms heartbeat, :class:`FreezeMeter`), worst of ``repeat`` fresh windows."""
    from PySide6.QtTest import QTest

    from ui.main_window import MainWindow

    s = session(db)
    worst: list[float] = []
    every: list[float] = []
    for _ in range(min(max(1, repeat), MAX_FRESH)):
        old = s.window
        s.window = None
        old.close()
        s.idle_worker()
        old.deleteLater()
        s.settle()
        # The window before goes now, not inside the meter: deleting a window with every
        # view (which the app never does) is not part of a start's warm-up.
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        with FreezeMeter() as meter:
            s.window = MainWindow(s.ws, s.bus)
            s.window.resize(1280, 720)
            s.window.show()
            for _step in range(2000):
                if s.window.warmer.done:
                    break
                QTest.qWait(10)
        freezes = sorted(meter.freezes[1:] or [0.0])  # the first beat waits for the window
        worst.append(freezes[-1])
        every += [f for f in freezes if f > 1]
        s.idle_worker()
    s.new_window()
    return Result("start: views built in the pauses", statistics.median(worst), None,
                  BUDGET_MS, f"max {max(worst):.0f} ms; {len(every)} slices longer than 1 ms, "
                  f"median {statistics.median(every or [0]):.0f} ms",
                  max_ms=max(worst), max_budget_ms=MAX_BUDGET_MS)


# -- meetings: editor, minutes, notes ---------------------------------------------------------
def _meetings_view(s: Session) -> Any:
    from ui.views.meetings import LIST_PAGE

    view = s.window.show_view("meetings")
    if view.current_page() != LIST_PAGE:
        view.show_list()
    s.idle_worker()
    return view


def _meeting_floor(ws: Any, meeting_id: str) -> None:
    ws.meetings.get(meeting_id)
    ws.agenda.for_meeting(meeting_id)
    ws.decisions.for_meeting(meeting_id)
    ws.actions.for_meeting(meeting_id)


@register("open a meeting", BUDGET_MS)
def open_meeting(db: Path, repeat: int) -> Result:
    """``MeetingsView.open_meeting`` for a held meeting, from the list, until idle."""
    s = session(db)
    view = _meetings_view(s)
    ids = cycle(s.meeting_ids)
    times = timings(lambda: view.open_meeting(next(ids)), repeat, s.settle, view.show_list)
    raw_ids = cycle(s.meeting_ids)
    raw = median_ms(lambda: _meeting_floor(s.ws, next(raw_ids)), repeat)
    view.show_list()
    s.idle_worker()
    return result("open a meeting", times, raw)


@register("enter minutes mode", BUDGET_MS)
def enter_minutes(db: Path, repeat: int) -> Result:
    """``MeetingsView.start_minutes`` from the editor (the "Notuleren" button), until idle."""
    s = session(db)
    view = _meetings_view(s)
    ids = cycle(s.meeting_ids)
    current: list[str] = []

    def before() -> None:
        current[:] = [next(ids)]
        view.open_meeting(current[0])

    times = timings(lambda: view.start_minutes(current[0]), repeat, s.settle, before)

    def floor() -> None:
        meeting_id = next(ids)
        _meeting_floor(s.ws, meeting_id)
        s.ws.meetings.attendance(meeting_id)

    raw = median_ms(floor, repeat)
    view.show_list()
    s.idle_worker()
    return result("enter minutes mode", times, raw)


def _minutes_on_an_item(s: Session) -> Any:
    """Minutes mode on the first agenda item of a meeting, the cursor in the notes."""
    view = _meetings_view(s)
    view.start_minutes(s.meeting_ids[0])
    minutes = view.minutes
    minutes.steps.setCurrentRow(1)  # row 0 is "Wie is er?"; row 1 the first agenda item
    s.settle()
    minutes.notes.setFocus()
    minutes.notes.moveCursor(minutes.notes.textCursor().MoveOperation.End)
    s.settle()
    return minutes


@register("type in notes", BUDGET_MS)
def type_in_notes(db: Path, repeat: int) -> Result:
    """One key press in the minutes notes (the save is debounced), until idle."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    s = session(db)
    minutes = _minutes_on_an_item(s)
    keys = cycle("notulen ")
    times = timings(lambda: QTest.keyClick(minutes.notes, next(keys)), repeat * 3, s.settle)
    QTest.keyClick(minutes.notes, Qt.Key.Key_Backspace)
    minutes.flush()
    s.idle_worker()
    return result("type in notes", times)


@register("save notes (GUI part)", BUDGET_MS)
def save_notes(db: Path, repeat: int) -> Result:
    """The GUI thread's share of saving the notes: hand-over, then callbacks and refreshes.

    The save itself runs on the worker (not timed); everything the GUI thread does after
    it (the bus broadcast, every view's refresh) is.
    """
    from PySide6.QtTest import QTest

    from ui.operations.base import wait_for_workers

    s = session(db)
    minutes = _minutes_on_an_item(s)
    item_id = minutes.item_id
    times = []
    for _ in range(max(1, repeat)):
        QTest.keyClick(minutes.notes, "x")
        s.settle()
        start = time.perf_counter()
        minutes.flush()
        handed = time.perf_counter()
        wait_for_workers(60_000)
        after_worker = time.perf_counter()
        s.settle()
        end = time.perf_counter()
        times.append(((handed - start) + (end - after_worker)) * 1000)
    text = minutes.notes.toPlainText()
    raw = median_ms(lambda: s.ws.agenda.set_notes(item_id, text), repeat)
    s.idle_worker()
    return result("save notes (GUI part)", times, raw, note="floor: the core save itself")


#: What the secretary types in the session (Dutch minutes, varied letters).
SESSION_TEXT = ("Bewoners van de Heideweg vragen om een extra bankje bij de speeltuin. "
                "De wijkagent komt in maart terug op de hangplek bij de school. ")


class FreezeMeter:
    """How long the window could not answer: the gaps between the beats of a 2 ms timer.

    The GUI thread runs the timer only when it is free, so a gap longer than the beat is
    time spent in event handlers, callbacks and refreshes (plus whatever the OS takes on a
    busy machine, which a user would feel as well). ``freezes`` are the gaps minus the beat.
    """

    BEAT_MS = 2

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.freezes: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.BEAT_MS)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.freezes.append(max(0.0, (now - self._last) * 1000 - self.BEAT_MS))
        self._last = now

    def __enter__(self) -> FreezeMeter:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()


@register("typing session: worst freeze", BUDGET_MS)
def typing_session(db: Path, repeat: int) -> Result:
    """200 keys in the minutes notes, 80 ms apart, with a 1.5 s pause after every 25 keys
    (the autosave runs in the pauses and while typing), every other view built. The value
    is the longest busy stretch of the event loop; the note gives the median stretch and
    how many saves reached the database."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    s = session(db)
    minutes = _minutes_on_an_item(s)
    count = SESSION_KEYS if repeat >= 3 else 20
    text = (SESSION_TEXT * (count // len(SESSION_TEXT) + 1))[:count]
    plan = [(1500 if (n + 1) % 25 == 0 else 80, char) for n, char in enumerate(text)]
    saves: list[object] = []
    s.bus.changed.connect(lambda changes, _source: saves.append(changes))
    loop = QEventLoop()
    keys = iter(plan)

    def next_key() -> None:
        step = next(keys, None)
        if step is None:
            QTimer.singleShot(1500, loop.quit)  # the last save lands in this pause
            return
        pause, char = step
        QTest.keyClick(minutes.notes, char)
        QTimer.singleShot(pause, next_key)

    s.idle_worker()
    with FreezeMeter() as meter:
        QTimer.singleShot(0, next_key)
        loop.exec()
    minutes.flush()
    s.idle_worker()
    freezes = sorted(meter.freezes or [0.0])
    slow = sum(f > 16 for f in freezes)
    return Result("typing session: worst freeze", freezes[-1], None, BUDGET_MS,
                  f"{count} keys, {len(saves)} saves; 2nd worst {freezes[-2] if len(freezes) > 1 else 0:.0f}"
                  f" ms, {slow} of {len(freezes)} beats late by more than a frame")


# -- search -----------------------------------------------------------------------------------
def _search_view(s: Session) -> Any:
    view = s.window.show_view("search")
    view.box.clear()
    view.search_now()
    view.focus_search()
    s.settle()
    return view


@register("search: key press", BUDGET_MS)
def search_key(db: Path, repeat: int) -> Result:
    """One key press in the search box (the search waits for a 250 ms pause)."""
    from PySide6.QtTest import QTest

    s = session(db)
    view = _search_view(s)
    times: list[float] = []
    for _ in range(max(1, repeat // len(SEARCH_WORD) + 1)):
        view.box.clear()
        for char in SEARCH_WORD:
            times += timings(lambda c=char: QTest.keyClick(view.box, c), 1, s.settle)
    view._timer.stop()  # noqa: SLF001 - only the key press is timed here
    return result("search: key press", times)


@register("search: results", BUDGET_MS)
def search_results(db: Path, repeat: int) -> Result:
    """``SearchView.search_now`` for every prefix of a word (``h``, ``ho``, ...), until idle."""
    s = session(db)
    view = _search_view(s)
    prefixes = [SEARCH_WORD[:n] for n in range(1, len(SEARCH_WORD) + 1)]
    rounds = max(1, min(repeat, 5))
    per_prefix: dict[str, list[float]] = {p: [] for p in prefixes}
    for _ in range(rounds):
        for prefix in prefixes:
            view.box.blockSignals(True)
            view.box.setText(prefix)
            view.box.blockSignals(False)
            per_prefix[prefix] += timings(view.search_now, 1, s.settle)
    times = [t for values in per_prefix.values() for t in values]
    raw = median_ms(lambda: [s.ws.search.query(p) for p in prefixes], rounds) / len(prefixes)
    slowest = max(per_prefix, key=lambda p: statistics.median(per_prefix[p]))
    return result("search: results", times, raw,
                  note=f"slowest '{slowest}' {statistics.median(per_prefix[slowest]):.0f} ms")


# -- start-up ---------------------------------------------------------------------------------
#: The child process: import ui.app, start(db), report the main window's first paint.
PROBE = r"""
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
marks = {}
app = QApplication(sys.argv[:1])
marks["qt"] = time.time()
import ui.app as ui_app
marks["imported"] = time.time()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and "paint" not in marks
                and isinstance(watched, QObject) and hasattr(watched, "window")
                and isinstance(watched.window(), QMainWindow)):
            marks["paint"] = time.time()
            QTimer.singleShot(0, app.quit)
        return False

probe = FirstPaint()
app.installEventFilter(probe)
window = ui_app.start(sys.argv[1])
marks["started"] = time.time()
QTimer.singleShot(10000, app.quit)
app.exec()
from ui.operations.base import wait_for_workers
print(json.dumps(marks), flush=True)
window.hide()
wait_for_workers(120000)
window.ws.close()
"""


def start_to_paint(db: Path, env: dict[str, str]) -> dict[str, float]:
    """One start-up: milliseconds from spawning the process to each of its marks."""
    spawned = time.time()
    done = subprocess.run([sys.executable, "-c", PROBE, str(db)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"start-up probe failed:\n{done.stderr[-2000:]}")
    marks = json.loads(lines[-1])
    if "paint" not in marks:
        raise RuntimeError("the main window was never painted")
    return {key: (value - spawned) * 1000 for key, value in marks.items()}


@register("start to first paint (source)", STARTUP_BUDGET_MS)
def startup(db: Path, repeat: int) -> Result:
    """Process start to the main window's first paint, ``python -c`` from this checkout."""
    copy = private_copy(db, "startup")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               WIJKAPP_CONFIG_DIR=str(_tmp / "startup-config"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])))
    start_to_paint(copy, env)  # warm-up: the page cache, .pyc files, the start-up backup
    runs = [start_to_paint(copy, env) for _ in range(min(max(1, repeat), MAX_STARTS))]
    paint = [r["paint"] for r in runs]
    mid = sorted(runs, key=lambda r: r["paint"])[len(runs) // 2]
    note = (f"max {max(paint):.0f} ms; median run: Qt {mid['qt']:.0f}, imports "
            f"{mid['imported'] - mid['qt']:.0f}, start() {mid['started'] - mid['imported']:.0f}"
            f", to paint {mid['paint'] - mid['started']:.0f} ms")
    return Result("start to first paint (source)", statistics.median(paint), None,
                  STARTUP_BUDGET_MS, note)
