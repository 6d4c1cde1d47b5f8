"""The presentatiescherm and the chair's clock, driven through minutes mode.

The projector must follow item changes and new decisions within one event loop turn,
never show unsaved notes unless "Notities meetonen" is ticked, and blank and close by
keyboard. The clock runs on an injected clock: no test sleeps.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from tests.ui.conftest import wait_for_worker
from tests.ui.test_minutes import type_text
from ui.operations.decisions import add_decision
from ui.views.minutes import ATTENDANCE_STEP, MinutesView
from ui.views.projector import MIN_POINT_SIZE, ProjectorWindow
from ui.views.projector_content import AFTER, BEFORE, DURING
from ui.views.room_bar import CLOSE_KEYS, NEXT_KEYS
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.t = 500.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def meeting(ws: Workspace) -> str:
    ws.contacts.add("Annie Jansen", board_member=True)
    meeting_id = ws.meetings.create(
        dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ), place="Buurthuis De Ĳzerhoek"
    ).id or ""
    ws.agenda.add(meeting_id, "Zebrapad <b>Ĳzerstraat</b> & verkeer", planned_minutes=10)
    ws.meetings.create(dt.datetime(2099, 1, 7, 19, 30, tzinfo=TZ), place="Het Buurthuis")
    return meeting_id


@pytest.fixture
def fake() -> FakeClock:
    return FakeClock()


@pytest.fixture
def view(qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, meeting: str,
         fake: FakeClock) -> Iterator[MinutesView]:
    widget = MinutesView(ws, bus)
    qtbot.addWidget(widget)
    widget.room.now_source = fake
    widget.resize(1200, 800)
    widget.show()
    widget.load(meeting)
    yield widget
    widget.room.close_projector()
    widget.hide()  # saves what is typed and the clock, while the file is still open
    wait_for_worker(qtbot)


def projector(view: MinutesView) -> ProjectorWindow:
    view.room.show_projector()
    screen = view.room.projector
    assert screen is not None
    screen.resize(1024, 768)  # the beamer of a community centre
    return screen


def topic(ws: Workspace, meeting: str) -> str:
    return next(i.id for i in ws.agenda.for_meeting(meeting) if i.title.startswith("Zebrapad"))


# -- following minutes mode -----------------------------------------------------------------
def test_projector_follows_item_changes_within_one_turn(view: MinutesView, ws: Workspace,
                                                        meeting: str) -> None:
    screen = projector(view)
    assert screen.isVisible()
    assert screen.content is not None and screen.content.phase == BEFORE
    assert [line.title for line in screen.content.agenda][0].startswith("Opening")
    view.next_button.click()  # no waiting: the content is there at once
    assert screen.content.phase == DURING
    first = ws.agenda.for_meeting(meeting)[0]
    assert screen.content.item_title == f"1. {first.title}"
    assert [line.current for line in screen.content.agenda][:2] == [True, False]
    view.next_button.click()
    assert screen.content.item_title.startswith("2. ")
    view.prev_button.click()
    assert screen.content.item_title.startswith("1. ")
    view.select_step(topic(ws, meeting))
    assert "Zebrapad <b>Ĳzerstraat</b> & verkeer" in screen.content.item_title  # as typed
    assert screen.content.item_meta.startswith("ter bespreking")


def test_new_decision_and_action_appear_within_one_turn(qtbot: Any, view: MinutesView,
                                                        ws: Workspace, meeting: str) -> None:
    screen = projector(view)
    item = topic(ws, meeting)
    view.select_step(item)
    assert screen.content is not None and screen.content.decisions == []
    add_decision(view, meeting, "Wij vragen een zebrapad 😀 <i>nu</i>", agenda_item_id=item).run()
    from ui.operations.base import worker_pool

    worker_pool().waitForDone(5000)
    QCoreApplication.processEvents()  # one turn: the saved decision reaches the screen
    assert screen.content.decisions == ["Besluit 2026-001: Wij vragen een zebrapad 😀 <i>nu</i>"]
    ws_action = ws.actions.add(meeting, "Brief sturen", agenda_item_id=item)
    view.bus.emit_changes(ws_action)  # any change on the bus, whoever made it
    assert screen.content.actions[-1].startswith("Actiepunt: Brief sturen")
    screen.grab()  # paints
    assert any("Wij vragen een zebrapad" in text for text in screen.shown_texts)


def test_unsaved_notes_are_never_shown_by_default(qtbot: Any, view: MinutesView,
                                                   ws: Workspace, meeting: str) -> None:
    screen = projector(view)
    item = topic(ws, meeting)
    view.select_step(item)
    view.notes.setFocus()
    type_text(qtbot, view.notes, "Half getypt ĳ")
    assert screen.content is not None and screen.content.notes is None
    screen.grab()
    assert screen.shown_texts and not any("Half getypt" in t for t in screen.shown_texts)
    view.flush()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item).notes == "Half getypt ĳ"
    assert screen.content.notes is None  # saved notes stay off the screen too
    assert "Half getypt ĳ" not in screen.accessibleDescription()

    view.room.notes_on_screen.setChecked(True)  # the secretary chooses "Notities meetonen"
    assert screen.content.notes == "Half getypt ĳ"
    type_text(qtbot, view.notes, " en verder")
    assert screen.content.notes == "Half getypt ĳ en verder"  # live, while typing
    screen.grab()
    assert any("en verder" in text for text in screen.shown_texts)
    view.room.notes_on_screen.setChecked(False)
    assert screen.content.notes is None
    view.flush()
    wait_for_worker(qtbot)


def test_blank_and_close_by_keyboard(qtbot: Any, view: MinutesView) -> None:
    screen = projector(view)
    qtbot.keyClick(screen, Qt.Key.Key_B)
    assert screen.blank and view.room.blank_button.isChecked()
    image = screen.grab().toImage()
    for x, y in ((5, 5), (screen.width() // 2, screen.height() // 2)):
        assert image.pixelColor(x, y) == QColor("#000000")
    qtbot.keyClick(screen, Qt.Key.Key_Period)  # what a presenter clicker sends
    assert not screen.blank
    view.room.toggle_blank()  # Ctrl+B in minutes mode
    assert screen.blank
    view.room.shortcuts["Ctrl+B"].activated.emit()
    assert not screen.blank
    qtbot.keyClick(screen, Qt.Key.Key_PageDown)  # the clicker moves minutes mode on
    assert view.current_step() != ATTENDANCE_STEP
    with qtbot.waitSignal(screen.closed, timeout=1000):
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert view.room.projector is None
    assert not view.room.close_button.isVisible()


def test_shortcuts_work_from_minutes_mode(qtbot: Any, view: MinutesView) -> None:
    view.activateWindow()
    view.steps.setFocus()
    qtbot.waitUntil(lambda: view.isActiveWindow(), timeout=2000)
    qtbot.keyClick(view.steps, Qt.Key.Key_F5)
    assert view.room.projector is not None and view.room.projector.isVisible()
    view.activateWindow()
    qtbot.waitUntil(lambda: view.isActiveWindow(), timeout=2000)
    qtbot.keyClick(view.steps, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert view.room.projector.blank
    qtbot.keyClick(view.steps, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.current_step() != ATTENDANCE_STEP
    assert NEXT_KEYS in view.room.shortcuts and CLOSE_KEYS in view.room.shortcuts
    qtbot.keyClick(view.steps, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert view.room.projector is None


def test_after_closing_it_shows_the_decisions_and_the_next_meeting(
    qtbot: Any, view: MinutesView, ws: Workspace, meeting: str
) -> None:
    ws.decisions.add(meeting, "Zebrapad aanvragen", agenda_item_id=topic(ws, meeting))
    screen = projector(view)
    view.select_step(topic(ws, meeting))
    view.ask_to_close = lambda: True  # type: ignore[method-assign]
    view.close_meeting()
    wait_for_worker(qtbot)
    assert screen.content is not None and screen.content.phase == AFTER
    assert screen.content.decisions == ["Besluit 2026-001: Zebrapad aanvragen"]
    assert screen.content.next_meeting == (
        "Volgende vergadering: woensdag 7 januari 2099, 19:30, Het Buurthuis")
    view.after_close.close() if view.after_close else None


def test_projector_text_is_large_and_follows_the_text_size(qtbot: Any, view: MinutesView) -> None:
    screen = projector(view)
    screen.showNormal()
    screen.resize(1024, 768)
    screen.set_text_size(100)
    assert screen._font().pointSizeF() >= MIN_POINT_SIZE
    small = screen._font().pointSizeF()
    screen.set_text_size(150)
    assert screen._font().pointSizeF() > small
    screen.resize(1920, 1080)
    screen.set_text_size(100)
    assert screen._font().pointSizeF() > small  # a bigger screen, bigger letters


def test_long_agenda_keeps_the_current_item_in_view(qtbot: Any, view: MinutesView,
                                                    ws: Workspace, meeting: str) -> None:
    for n in range(25):
        ws.agenda.add(meeting, f"Extra punt {n} over de Ĳzerstraat en de speeltuin")
    view.load(meeting)
    screen = projector(view)
    screen.showNormal()
    screen.resize(1024, 768)
    items = ws.agenda.for_meeting(meeting)
    view.select_step(items[20].id)
    screen.grab()
    painted = " ".join(screen.shown_texts)
    assert f"21. {items[20].title[:10]}" in painted
    assert "▲" in painted and "▼" in painted
    assert "1. Opening" not in painted


# -- the chair's clock ---------------------------------------------------------------------
def test_clock_counts_per_item_and_turns_red_when_over(qtbot: Any, view: MinutesView,
                                                        ws: Workspace, meeting: str,
                                                        fake: FakeClock) -> None:
    room = view.room
    assert room.clock is not None and not room.clock.running  # not the meeting's day
    assert room.clock_button.text() == "Klok starten"
    room.clock_button.click()
    assert room.clock_button.text() == "Klok pauzeren"
    item = topic(ws, meeting)
    view.select_step(item)
    fake.t += 9 * 60
    room.tick()
    assert room.item_clock.text() == "Dit punt: 9:00 van 10 min. — bijna om"
    assert room.item_clock.property("role") == "clock-almost"
    fake.t += 2 * 60
    room.tick()
    assert room.item_clock.text() == "Dit punt: 11:00 van 10 min. — over de tijd"
    assert room.item_clock.property("role") == "clock-over"
    assert room.total_clock.text().startswith("Hele vergadering: 11:00 van ")
    view.next_button.click()  # switching stores the time of the item just left
    wait_for_worker(qtbot)
    assert ws.agenda.get(item).seconds_spent == 11 * 60
    room.clock_button.click()
    fake.t += 3600  # paused: nothing counts
    room.tick()
    assert room.total_clock.text().startswith("Hele vergadering: 11:00")


def test_clock_on_the_projector_only_when_the_chair_wants(qtbot: Any, view: MinutesView,
                                                           ws: Workspace, meeting: str,
                                                           fake: FakeClock) -> None:
    screen = projector(view)
    view.room.clock_button.click()
    view.select_step(topic(ws, meeting))
    fake.t += 65
    view.room.tick()
    assert screen.content is not None and screen.content.clock == ""
    view.room.clock_on_screen.setChecked(True)
    assert screen.content.clock == "1:05 van 10 min."
    fake.t += 600
    view.room.tick()
    assert screen.content.clock_status == "over"
    view.room.clock_on_screen.setChecked(False)
    assert screen.content.clock == ""


def test_clock_starts_by_itself_on_the_meeting_day(qtbot: Any, ws: Workspace, bus: Any,
                                                   app_ctx: Any, fake: FakeClock) -> None:
    from wijkapp.timeutil import now

    today = ws.meetings.create(now().replace(hour=19, minute=30, second=0, microsecond=0)).id
    widget = MinutesView(ws, bus)
    qtbot.addWidget(widget)
    widget.room.now_source = fake
    widget.show()
    widget.load(today or "")
    assert widget.room.clock is not None and widget.room.clock.running


def test_residents_count_is_saved_and_follows_undo(qtbot: Any, view: MinutesView,
                                                   ws: Workspace, meeting: str) -> None:
    box = view.room.residents
    assert box.isVisible() and box.count.text() == "niet geteld"
    box.count.setValue(23)
    box.save()
    wait_for_worker(qtbot)
    assert ws.meetings.get(meeting).residents_present == 23
    view.bus.emit_changes(ws.undo())
    assert box.count.text() == "niet geteld"
    box.count.setValue(0)
    box.save()
    wait_for_worker(qtbot)
    assert ws.meetings.get(meeting).residents_present == 0
    assert box.sheet.request().fmt == "presentielijst"
    assert box.sheet.request().meeting_id == meeting


def test_presentielijst_buttons_make_the_pdf(qtbot: Any, view: MinutesView, ws: Workspace,
                                              bus: Any, meeting: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import export_files
    from ui.views.meeting_editor import MeetingEditor

    opened: list[Path] = []
    monkeypatch.setattr(export_files, "print_folder", lambda: tmp_path / "print")
    monkeypatch.setattr(export_files, "open_file", opened.append)
    sheet = view.room.residents.sheet  # minutes mode, "Wie is er?": print it
    sheet.buttons["print"].click()
    qtbot.waitUntil(lambda: not sheet.busy, timeout=10_000)
    assert len(opened) == 1 and opened[0].name.startswith("Presentielijst 2026-12-03")
    assert opened[0].read_bytes().startswith(b"%PDF")

    monkeypatch.setattr(export_files, "export_folder", lambda: tmp_path / "uit")
    (tmp_path / "uit").mkdir()
    editor = MeetingEditor(ws, bus)  # the meeting screen: PDF maken
    qtbot.addWidget(editor)
    editor.load(meeting)
    box = editor.presence_box.sheet
    box.buttons["save"].click()
    qtbot.waitUntil(lambda: not box.busy, timeout=10_000)
    made = list((tmp_path / "uit").glob("Presentielijst *.pdf"))
    assert len(made) == 1 and made[0].read_bytes().startswith(b"%PDF")


def test_help_lists_the_room_shortcuts(qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.shortcuts import ShortcutsDialog

    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path))
    window = MainWindow(ws, bus)
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if "Help" in a.text())
    entry = next(a for a in help_menu.actions() if a.text() == "Sneltoetsen")
    entry.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ShortcutsDialog) and w.isVisible())
    rows = dict(dialog.rows())
    for keys in ("F5", "Shift+F5", "Ctrl+B", "B  of  .", "Esc", "F11", "Ctrl+PgDown / Ctrl+PgUp",
                 "Ctrl+Z", "Ctrl+F"):
        assert keys in rows, keys
    assert rows["F5"] == "op het scherm tonen (beamer)"
    dialog.close()


# -- screens and screenshots -----------------------------------------------------------------
def test_projector_goes_full_screen_on_a_second_screen(tmp_path: Path) -> None:
    """Two virtual screens (Qt's offscreen platform with a screen list): the beamer gets it."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Beamer", "x": 1366, "y": 0, "width": 1024, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}))
    script = ROOT / "tests" / "ui" / "projector_two_screens.py"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               WIJKAPP_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, str(script), str(tmp_path / "db.sqlite")],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["screens"] == 2
    assert facts["projector_screen"] == "Beamer"
    assert facts["full_screen"] and facts["second_screen_found"]
    assert facts["geometry"] == [1366, 0, 1024, 768]
    assert facts["main_active"]  # the secretary keeps typing in her own window


def test_projector_screenshots(qtbot: Any, view: MinutesView, ws: Workspace, meeting: str,
                               shoot: Any, fake: FakeClock) -> None:
    """Screenshots at 1024×768 and 1920×1080 (copied to docs/screenshots when they change)."""
    item = topic(ws, meeting)
    ws.decisions.add(meeting, "Het wijkplatform vraagt de gemeente om een zebrapad bij de "
                              "Ĳzerstraat, vóór de zomer.", agenda_item_id=item)
    ws.actions.add(meeting, "Brief aan de wethouder sturen", agenda_item_id=item,
                   due_date="2026-12-20")
    screen = projector(view)
    screen.showNormal()
    for width, height in ((1024, 768), (1920, 1080)):
        screen.resize(width, height)
        view.select_step(ATTENDANCE_STEP)
        assert shoot(screen, f"projector-before-{width}").exists()
        view.select_step(item)
        view.room.clock_button.click() if not view.room.clock.running else None
        fake.t += 8 * 60 + 30
        view.room.clock_on_screen.setChecked(True)
        view.room.tick()
        path = shoot(screen, f"projector-during-{width}")
        image = screen.grab().toImage()
        assert image.width() == width and image.height() == height
        assert path.exists()


def test_huge_and_hostile_text_on_the_projector(qtbot: Any, view: MinutesView, ws: Workspace,
                                                meeting: str) -> None:
    """A million typed characters: the screen shows the end being typed; markup stays text."""
    item = topic(ws, meeting)
    ws.decisions.add(meeting, "<b>&amp;</b> ĳ " + "lang besluit " * 20_000, agenda_item_id=item)
    screen = projector(view)
    view.room.notes_on_screen.setChecked(True)
    view.select_step(item)
    view.notes.setPlainText(("Ĳ 😀 <i>x</i> " * 100_000)[:999_000] + " EINDE")
    screen.grab()
    painted = " ".join(screen.shown_texts)
    assert "EINDE" in painted  # the end of the notes, where the typing is
    assert "<b>&amp;</b> ĳ" in painted or "nog 1 eerder" in painted
    view.notes.clear()
    view.flush()
    wait_for_worker(qtbot)


def test_large_text_on_a_small_beamer_uses_one_column(qtbot: Any, view: MinutesView,
                                                       ws: Workspace, meeting: str) -> None:
    screen = projector(view)
    screen.set_text_size(200)
    items = ws.agenda.for_meeting(meeting)
    view.select_step(items[2].id)
    screen.grab()
    painted = " ".join(screen.shown_texts)
    assert f"Punt 3 van {len(items)}" in painted
    assert "Hierna: 4." in painted
    assert screen._font().pointSizeF() >= MIN_POINT_SIZE
