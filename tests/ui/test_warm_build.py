"""Building screens in the pauses, cheaply (issue 19): what the speed-ups must not change.

Pages are made where they end up (tab pages in the tab widget's stack, the meeting editor
top-down), the warm-up waits while the worker loads rows, the Actiepunten rows made on the
worker are kept unless new choices reset a filter, the meeting's date field makes its
calendar as it opens, and the dialogs behind the menus are imported when first opened.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QStackedWidget, QTabWidget, QWidget

from tests.ui.conftest import wait_for_start, wait_for_worker
from tests.ui.followup_data import fill, track
from ui.main_window import MainWindow
from ui.operations.base import run_in_background
from ui.views.actions import ActionsView
from ui.views.contacts import ContactsView
from ui.views.meeting_editor import MeetingEditor
from ui.views.requests import RequestsView
from ui.views.signals import SignalsView
from ui.warmup import LazyPage, tab_pages
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_tab_pages_are_made_in_the_tab_stack(qtbot: Any, ws: Workspace, bus: Any,
                                             app_ctx: Any) -> None:
    fill(ws)
    for cls in (RequestsView, ContactsView, SignalsView):
        view = track(qtbot, cls(ws, bus))
        tabs = view.tabs
        assert isinstance(tabs, QTabWidget)
        stack = tab_pages(tabs)
        assert isinstance(stack, QStackedWidget) and stack.parent() is tabs
        assert tabs.count() == 2
        pages = [tabs.widget(index) for index in range(tabs.count())]
        assert all(page is not None and page.parent() is stack for page in pages)
        tabs.setCurrentIndex(1)  # the second tab is still made when first shown
        view.show()
        second = pages[1]
        assert isinstance(second, LazyPage)
        qtbot.waitUntil(second.isVisible, timeout=3000)
        assert second.built


def test_meeting_date_field_opens_a_dutch_calendar(qtbot: Any, ws: Workspace, bus: Any,
                                                   app_ctx: Any) -> None:
    fill(ws)
    editor = track(qtbot, MeetingEditor(ws, bus))
    editor.load(ws.meetings.past()[0].id)
    editor.resize(1100, 800)
    editor.show()
    qtbot.waitExposed(editor)
    edit = editor.when_edit
    assert edit.locale().name() == "nl_NL"
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton,
                     pos=QPoint(edit.width() - 8, edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=3000)
    assert calendar.locale().name() == "nl_NL"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    calendar.window().hide()


def test_actions_view_gets_its_choices_with_its_first_fill(qtbot: Any, ws: Workspace,
                                                           bus: Any, app_ctx: Any) -> None:
    board = fill(ws)
    view = track(qtbot, ActionsView(ws, bus))  # built on its own: filled at once
    assert view.person_filter.findData(board.people["Jo Vijgen"]) > 0
    assert view.owner_combo.count() > 1


def test_rows_made_on_the_worker_are_kept_when_the_filters_stay(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    board = fill(ws)
    view = track(qtbot, ActionsView(ws, bus))
    view.show()  # a load for a window that is not shown is dropped
    qtbot.waitExposed(view)
    wait_for_worker(qtbot)
    made_on: list[bool] = []
    make_rows = view._make_rows

    def counted() -> Any:
        made_on.append(threading.current_thread() is threading.main_thread())
        return make_rows()

    view._make_rows = counted  # type: ignore[method-assign]
    view.fill_later(choices=True)
    wait_for_worker(qtbot)
    qtbot.waitUntil(lambda: not view._loading, timeout=5000)
    assert made_on == [False]  # once, on the worker
    # A filter the new choices reset: its rows are made again, so the list matches it.
    jo = board.people["Jo Vijgen"]
    view.person_filter.setCurrentIndex(view.person_filter.findData(jo))
    assert [row.text(0) for row in view.rows()] == ["Flyer voor de buurtbarbecue maken"]
    ws.contacts.delete(jo)
    made_on.clear()
    view.fill_later(choices=True)
    wait_for_worker(qtbot)
    qtbot.waitUntil(lambda: not view._loading, timeout=5000)
    assert view.person_filter.currentIndex() == 0  # "Iedereen"
    assert made_on == [False, True]
    assert len(view.rows()) == len(ws.actions.open())


def test_warm_up_waits_while_the_worker_loads(qtbot: Any, ws: Workspace, bus: Any,
                                              app_ctx: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("WIJKAPP_WARMUP", "on")
    fill(ws)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    win.show()
    wait_for_start(qtbot, win)  # the first view is made after the first paint
    release = threading.Event()
    run_in_background(lambda: release.wait(30))  # the worker is busy until released
    try:
        built_before = set(win.views)
        qtbot.wait(win.warmer.START_DELAY_MS + 6 * win.warmer.GAP_MS)
        assert set(win.views) == built_before and not win.warmer.done
    finally:
        release.set()
    qtbot.waitUntil(lambda: win.warmer.done, timeout=30_000)
    wait_for_worker(qtbot)
    assert {"actions", "requests", "contacts", "goals", "signals"} <= set(win.views)


PROBE = """
import sys
import ui.app
print(" ".join(sorted(m for m in sys.modules
                      if m in ("ui.views.about", "ui.views.backups", "babel.dates")
                      or m.startswith("sqlite_utils"))))
"""


def test_start_up_imports_leave_out_dialogs_dates_and_sqlite_utils() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.stdout.strip() == ""


def test_backups_and_about_dialogs_still_open(qtbot: Any, ws: Workspace, bus: Any,
                                              app_ctx: Any) -> None:
    from ui import safety

    dialogs: list[Any] = []

    def close_it() -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                dialogs.append(type(widget).__name__)
                widget.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, close_it)
    safety.open_backups_dialog(None, ws)  # type: ignore[arg-type]
    QTimer.singleShot(300, close_it)
    safety.show_about(None, ws)
    assert dialogs == ["BackupsDialog", "AboutDialog"]


def test_meeting_editor_foot_is_made_in_a_pause_or_with_the_first_meeting(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    fill(ws)
    first, second = (m.id for m in ws.meetings.past()[:2])
    editor = track(qtbot, MeetingEditor(ws, bus))
    assert editor._send_box is None  # not with the page itself
    editor.load(first)
    assert editor.send_box.agenda._request.meeting_id == first
    assert editor.presence_box.sheet._request.meeting_id == first
    warmed = track(qtbot, MeetingEditor(ws, bus))
    warmed.load(second)  # foot made as the meeting loads ...
    for step in warmed.warm_steps():  # ... so a later warm step finds it there
        step()
    assert warmed.send_box.agenda._request.meeting_id == second
    early = track(qtbot, MeetingEditor(ws, bus))
    for step in early.warm_steps():  # made in a pause, before any meeting
        step()
    assert early._send_box is not None
    early.load(second)
    assert early.presence_box.sheet._request.meeting_id == second
    # Tab still walks the page from the top buttons to the foot, which comes last.
    chain: list[QWidget] = []
    widget = early.nextInFocusChain()
    while widget is not early and len(chain) < 500:
        if early.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    foot = [w for w in chain if early.send_box.isAncestorOf(w)
            or early.presence_box.isAncestorOf(w)]
    assert foot and chain[-len(foot):] == foot
    assert isinstance(chain[0], QPushButton) and chain[0].text() == "← Alle vergaderingen"


def test_meetings_list_shows_an_old_selected_meeting_after_a_reload(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    import datetime as dt

    from ui.views.meetings import BATCH_ROWS, MeetingsView
    from wijkapp.timeutil import TZ

    start = dt.datetime(2015, 1, 8, 19, 30, tzinfo=TZ)
    ids = [ws.meetings.create(start + dt.timedelta(weeks=4 * n), title=f"Overleg {n}").id
           for n in range(BATCH_ROWS + 30)]
    view = track(qtbot, MeetingsView(ws, bus))
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    wait_for_worker(qtbot)
    first = view.list.currentItem()
    assert first is not None
    assert view.list.viewport().rect().intersects(view.list.visualItemRect(first))
    oldest = ids[0]  # the last row of the list, beyond the first batch
    view.select_meeting(oldest)
    view.refresh()  # reloaded (e.g. after an edit): the selection and its row come back
    item = view.list.currentItem()
    assert item is not None and item.data(Qt.ItemDataRole.UserRole) == oldest
    assert view.list.row(item) > BATCH_ROWS
    # in sight once the list has laid out its rows (in the event loop, on a busy machine)
    qtbot.waitUntil(lambda: view.list.viewport().rect().intersects(
        view.list.visualItemRect(item)), timeout=3000)
    meetings = [view.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(view.list.count())]
    assert set(ids) <= set(meetings)


def test_start_up_work_runs_one_callback_per_turn(qtbot: Any, ws: Workspace, bus: Any,
                                                  app_ctx: Any) -> None:
    from PySide6.QtCore import QObject, QTimer

    from ui.warmup import run_in_turns

    owner = QObject()
    done: list[str] = []
    between: list[list[str]] = []
    def first() -> None:  # something posted now runs before the second, as a click would
        done.append("first")
        QTimer.singleShot(0, lambda: between.append(list(done)))

    work: list[Callable[[], None]] = [first, lambda: done.append("second"),
                                      lambda: done.append("third")]
    run_in_turns(owner, work, lambda: True)
    assert done == ["first"]  # the first at once, the others in later turns
    qtbot.waitUntil(lambda: done == ["first", "second", "third"], timeout=2000)
    assert between == [["first"]]
    stopped: list[str] = []
    alive = [True]
    def close() -> None:
        stopped.append("a")
        alive[0] = False

    later: list[Callable[[], None]] = [close, lambda: stopped.append("b")]
    run_in_turns(owner, later, lambda: alive[0])
    qtbot.wait(50)
    assert stopped == ["a"]  # a window closed meanwhile: nothing more

    fill(ws)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    win.show()
    wait_for_start(qtbot, win)
    assert win.views and win.sharing is not None  # first view and sharing both ran


def test_lists_filled_in_the_warm_up_are_measured_before_they_show(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, monkeypatch: Any) -> None:
    from ui.views.widgets import _ColumnFitter

    monkeypatch.setenv("WIJKAPP_WARMUP", "on")
    fill(ws)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.warmer.done, timeout=30_000)
    wait_for_worker(qtbot)
    actions = win.views["actions"]
    assert isinstance(actions, ActionsView)
    fitter = actions.tree.findChild(_ColumnFitter)
    assert fitter is not None and not actions.tree.isVisible()
    assert fitter._measured is not None  # measured in a pause, while hidden
    win.show_view("actions")
    qtbot.waitUntil(actions.tree.isVisible, timeout=3000)
    qtbot.wait(20)
    header = actions.tree.header()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= actions.tree.viewport().width()  # fitted to the width as it shows
    assert header.sectionSize(0) > header.sectionSize(1)
