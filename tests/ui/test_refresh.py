"""Which views a change wakes: counted with a probe on ``bus.refreshed`` (issue 19).

Every view follows the bus through :class:`ui.live.Follow`; these tests build the whole
window with every view, then check that saving a note refreshes nothing but minutes mode,
that hidden views catch up once when shown, and that an edit reaches the views showing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtTest import QTest

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import fill
from ui.live import Follow
from ui.main_window import VIEWS, MainWindow
from ui.views.meetings import MINUTES_PAGE
from wijkapp.changes import Changes
from wijkapp.workspace import Workspace


class Probe:
    """Counts ``bus.refreshed`` per view name."""

    def __init__(self, bus: Any) -> None:
        self.names: list[str] = []
        bus.refreshed.connect(lambda name, _changes: self.names.append(name))

    def take(self) -> list[str]:
        names, self.names = self.names, []
        return names


@pytest.fixture(autouse=True)
def views_built_in_the_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the app as it runs: with the warm-up (off in other GUI tests)."""
    monkeypatch.setenv("WIJKAPP_WARMUP", "on")


@pytest.fixture
def window(qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> Iterator[MainWindow]:
    """The main window over a filled board, shown, with every view built once."""
    fill(ws)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    for spec in VIEWS:
        win.show_view(spec.key)
        qtbot.wait(1)
    # The parts made on first use (meeting editor, minutes mode, second tabs) are made in
    # the pauses after start (ui/warmup.py): wait for them, so every view exists.
    qtbot.waitUntil(lambda: win.warmer.done, timeout=30_000)
    wait_for_worker(qtbot)
    search = win.show_view("search")
    search.box.setText("gemeente")  # a search on screen: it can be made stale
    search.search_now()
    yield win
    wait_for_worker(qtbot)


def follows(win: MainWindow) -> dict[str, Follow]:
    """Every ``Follow`` in the window, by view name."""
    return {f.name: f for f in win.findChildren(Follow)}


def minutes_on_first_item(qtbot: Any, win: MainWindow, ws: Workspace) -> Any:
    view = win.show_view("meetings")
    meeting = ws.meetings.past()[0].id
    view.start_minutes(meeting)
    assert view.current_page() == MINUTES_PAGE
    view.minutes.steps.setCurrentRow(1)  # row 0 is attendance; row 1 the first agenda item
    qtbot.wait(1)
    return view.minutes


def test_every_view_follows_the_bus_through_follow(window: MainWindow) -> None:
    names = set(follows(window))
    assert {"meetings", "meeting editor", "minutes", "actions", "requests", "contacts",
            "goals", "dashboard", "search"} <= names


def test_saving_a_note_refreshes_only_minutes_mode(qtbot: Any, window: MainWindow,
                                                    ws: Workspace, bus: Any) -> None:
    minutes = minutes_on_first_item(qtbot, window, ws)
    probe = Probe(bus)
    for text in ("Bewoners vragen een bankje.", " En een prullenbak."):
        QTest.keyClicks(minutes.notes, text)
        minutes.flush()
        wait_for_worker(qtbot)
    assert ws.agenda.get(minutes.item_id).notes.endswith("En een prullenbak.")
    # Minutes mode hears its own save (and skips the reload); no other view refreshes.
    assert set(probe.take()) <= {"minutes"}
    waiting = {name for name, f in follows(window).items() if f.pending is not None}
    # Only the search can show a note, and it waits until it is shown again.
    assert waiting == {"search"}
    window.show_view("search")
    assert probe.take() == ["search"]  # once, for both saves
    assert not follows(window)["search"].pending


def test_hidden_view_catches_up_once_when_shown(qtbot: Any, window: MainWindow,
                                                ws: Workspace, bus: Any) -> None:
    window.show_view("contacts")
    probe = Probe(bus)
    action = ws.actions.open()[0]
    for what in ("Eerste versie", "Tweede versie", "Derde versie"):
        bus.emit_changes(ws.actions.update(action.id, what=what), None)
    assert "actions" not in probe.take()  # hidden: only remembered
    view = window.show_view("actions")
    assert probe.take() == ["actions"]
    wait_for_worker(qtbot)  # on screen, the rows are made on the worker
    assert not view._loading
    texts = [row.text(0) for row in view.rows()]
    assert "Derde versie" in texts and "Eerste versie" not in texts


def test_an_edit_wakes_the_shown_view_that_lists_it(qtbot: Any, window: MainWindow,
                                                     ws: Workspace, bus: Any) -> None:
    view = window.show_view("actions")
    probe = Probe(bus)
    action = ws.actions.open()[0]
    rows_before = view.model.rowCount()
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    bus.emit_changes(ws.actions.update(action.id, what="Nieuwe tekst"), None)
    assert probe.take() == ["actions"]
    wait_for_worker(qtbot)
    assert not view._loading
    texts = [row.text(0) for row in view.rows()]
    assert "Nieuwe tekst" in texts
    assert view.model.rowCount() == rows_before and not resets  # updated in place


def test_note_changes_name_their_column() -> None:
    note = Changes(frozenset({"agenda_items"}), frozenset({"x"}),
                   columns=frozenset({"agenda_items.notes", "agenda_items.updated_at"}),
                   column_only=frozenset({"agenda_items"}))
    assert note.touches_columns("agenda_items", ("notes",))
    assert not note.touches_columns("agenda_items", ("title",))
    assert not note.touches_columns_except("agenda_items", ("notes",))
    assert note.touches_columns_except("agenda_items", ("title",))
    inserted = Changes(frozenset({"agenda_items"}), frozenset({"y"}))
    assert inserted.touches_columns("agenda_items", ("title",))
    merged = note.merged(inserted)
    assert "agenda_items" not in merged.column_only  # an insert: anything may have changed
    deleted = Changes(frozenset({"agenda_items"}), columns=frozenset({"agenda_items.deleted_at"}),
                      column_only=frozenset({"agenda_items"}))
    assert deleted.touches_columns("agenda_items", ("title",))  # a deletion always counts


def test_views_are_built_and_filled_in_the_pauses_after_start(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    fill(ws)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.warmer.done, timeout=30_000)
    wait_for_worker(qtbot)
    assert {spec.key for spec in VIEWS} <= set(win.views)
    meetings = win.views["meetings"]
    assert meetings._editor is not None and meetings._minutes is not None
    assert win.views["requests"].incoming_page.built
    actions = win.views["actions"]
    assert not actions.isVisible()  # never shown, yet its rows are there
    assert actions.model.rowCount() > 0 and not actions._loading
    # A change while it is hidden waits, and is applied once as it is shown.
    probe = Probe(bus)
    action = ws.actions.open()[0]
    bus.emit_changes(ws.actions.update(action.id, what="Bijgewerkt terwijl verborgen"), None)
    assert "actions" not in probe.take()
    win.show_view("actions")
    wait_for_worker(qtbot)
    assert probe.take() == ["actions"]
    assert "Bijgewerkt terwijl verborgen" in [row.text(0) for row in actions.rows()]


def test_signals_view_is_counted_and_sleeps_through_other_edits(
        qtbot: Any, window: MainWindow, ws: Workspace, bus: Any) -> None:
    window.show_view("signals")
    probe = Probe(bus)
    action = ws.actions.open()[0]
    bus.emit_changes(ws.actions.update(action.id, what="Niet voor de stem van de wijk"), None)
    assert "signals" not in probe.take()  # it follows through Follow, not every change
    assert "signals" in follows(window)
