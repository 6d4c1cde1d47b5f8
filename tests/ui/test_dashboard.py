"""Stand van zaken: the figures on screen, refresh on changes, bars that read without colour."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import VIEW_SIZE, fill
from ui.bus import ChangeBus
from ui.views.dashboard import (
    BarChart,
    DashboardView,
    action_bars,
    goal_bars,
    late_request_lines,
    request_bars,
)
from wijkapp.followup import dashboard
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace


def test_bar_words_are_dutch_and_follow_the_figures(ws: Workspace) -> None:
    fill(ws)
    d = dashboard(ws, today())
    assert [(b.label, b.value) for b in action_bars(d)] == [
        ("Open", 5), ("Te laat", 2), ("Uitgesteld", 1)]
    assert [(b.label, b.value) for b in request_bars(d)] == [
        ("Wachten op antwoord", 2), ("Te laat", 1), ("Concept", 1)]
    assert [b.label for b in goal_bars(d)] == ["Bereikt", "Niet bereikt", "Loopt", "Idee",
                                               "Gestopt"]
    assert late_request_lines(d) == ["Lantaarnpaal Heideweg doet het niet — 18 dagen te laat"]


def test_view_shows_reminder_charts_and_late_requests(ws: Workspace, bus: ChangeBus,
                                                      qtbot: Any, shoot: Any) -> None:
    board = fill(ws)
    view = DashboardView(ws, bus)
    qtbot.addWidget(view)
    view.resize(*VIEW_SIZE)
    view.show()
    assert view.nav_title == "Stand van zaken"
    assert view.reminder.text() == "Eén verzoek wacht langer dan beloofd."
    assert "Open: 5" in view.actions_chart.accessibleName()
    assert view.late_list.count() == 1
    assert "te laat" in view.late_list.item(0).text()
    assert view.goals_note.text() == "5 doelen hebben nog geen gekoppeld bewijs."
    shoot(view, "dashboard-test")
    ws.requests.record_answer(board.requests["lantaarn"], "Gerepareerd.")
    bus.emit_changes(ws.actions.mark_done(board.actions["flyer"]))  # an action change
    wait_for_worker(qtbot)  # on screen, the figures are counted on the worker
    assert view.reminder.isHidden()
    assert view.late_list.item(0).text() == "Geen verzoeken te laat."
    view.open_record("requests", board.requests["lantaarn"])  # no longer listed: no error


def test_refresh_skips_unrelated_changes(ws: Workspace, bus: ChangeBus, qtbot: Any) -> None:
    fill(ws)
    view = DashboardView(ws, bus)
    qtbot.addWidget(view)
    before = view.figures
    bus.emit_changes(ws.contacts.add("Nieuwe buurman"))
    assert view.figures is before
    meeting = ws.meetings.create(dt.datetime.combine(today(), dt.time(19, 30))).id
    assert meeting
    bus.emit_changes(ws.actions.add(meeting, "Nieuw actiepunt"))
    assert view.figures is not before and view.figures is not None
    assert view.figures.open_actions == 6


def test_chart_bars_start_at_zero_and_fit(qtbot: Any) -> None:
    chart = BarChart("Proef")
    qtbot.addWidget(chart)
    from ui.views.dashboard import BarSpec

    chart.set_bars([BarSpec("Nul", 0, "#000000"), BarSpec("Veel", 12, "#000000")])
    chart.resize(300, chart.sizeHint().height())
    chart.show()
    image = chart.grab().toImage()
    assert image.height() >= chart.sizeHint().height()
    assert chart.toolTip() == "Nul: 0; Veel: 12"


def test_view_without_board_stays_empty(empty_ws: Workspace, bus: ChangeBus, qtbot: Any) -> None:
    view = DashboardView(empty_ws, bus)
    qtbot.addWidget(view)
    assert view.figures is None


def test_overview_window_shows_good_boards_and_names_the_bad_file(
        tmp_path: Any, qtbot: Any, shoot: Any) -> None:
    from tests.core.test_overview import board_file
    from ui.views.overview import OverviewWindow

    broken = tmp_path / "kapot.json"
    broken.write_text("{niet af", "utf-8")
    files = [board_file(tmp_path, "Wijkplatform Noord", 3, 1), broken,
             board_file(tmp_path, "Wijkplatform Oost", 1, 0)]
    window = OverviewWindow()
    qtbot.addWidget(window)
    window.load(files)
    window.show()
    assert window.table.rowCount() == 2
    names = {window.table.item(r, 0).text() for r in range(2)}
    assert names == {"Wijkplatform Noord", "Wijkplatform Oost"}
    assert window.problems.isVisible() and "'kapot.json' is beschadigd" in window.problems.text()
    assert window.total.text().startswith("Samen: 2 wijkplatforms")
    window.table.sortItems(6, Qt.SortOrder.DescendingOrder)  # "Op tijd"
    assert window.table.item(0, 0).text() == "Wijkplatform Noord"
    shoot(window, "overzicht-test")
