"""Autosave at the seams: switching records while a save waits, long jobs, typing on and on.

The worker is held up on purpose (a job waiting on an event), the way a slow disk or a big
save holds it up on a real laptop; then the user does what users do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import fill, track
from ui.operations.base import long_job_pool, run_in_background, worker_pool
from ui.views.actions import ActionsView
from ui.views.contacts import ContactsView
from ui.views.goals import GoalsView
from ui.views.minutes import SAVE_AT_LATEST_MS, MinutesView
from ui.views.requests import RequestsView
from wijkapp.workspace import Workspace


@contextmanager
def held(pool_of: Callable[[], Any] = worker_pool) -> Iterator[threading.Event]:
    """Keep a worker busy until the block ends (or the event is set)."""
    release = threading.Event()
    started = threading.Event()

    def job() -> None:
        started.set()
        release.wait(20)

    run_in_background(job, long=pool_of is long_job_pool)
    assert started.wait(5)
    try:
        yield release
    finally:
        release.set()


def type_into(widget: Any, text: str) -> None:
    """Put text in a line or text field the way typing does (textChanged fires)."""
    if hasattr(widget, "setPlainText"):
        widget.setPlainText(text)
    else:
        widget.setText(text)


def panel_of(screen: str, qtbot: Any, ws: Workspace, bus: Any) -> tuple[Any, Any]:
    """The record panel (or the action view) of a screen, shown."""
    if screen == "actions":
        view = track(qtbot, ActionsView(ws, bus))
        return view, view
    if screen in ("people", "organisations"):
        view = track(qtbot, ContactsView(ws, bus))
        return view, getattr(view, screen)
    if screen in ("requests", "incoming"):
        view = track(qtbot, RequestsView(ws, bus))
        panel = getattr(view, screen)
        view.tabs.setCurrentWidget(panel)
        return view, panel
    view = track(qtbot, GoalsView(ws, bus))
    return view, view.panel


#: screen -> (the text field, how the core reads it back, the records to switch between)
SCREENS: dict[str, tuple[str, Callable[[Workspace, str], str], Callable[[Workspace], list[str]]]] = {
    "actions": ("what_edit", lambda ws, i: ws.actions.get(i).what,
                lambda ws: [a.id for a in ws.actions.all() if a.status == "open"]),
    "people": ("notes", lambda ws, i: ws.contacts.get(i).notes,
               lambda ws: [p.id for p in ws.contacts.all()]),
    "organisations": ("notes", lambda ws, i: ws.organisations.get(i).notes,
                      lambda ws: [o.id for o in ws.organisations.all()]),
    "requests": ("text", lambda ws, i: ws.requests.get(i).text,
                 lambda ws: [r.id for r in ws.requests.all()]),
    "incoming": ("summary", lambda ws, i: ws.documents.get(i).summary,
                 lambda ws: [d.id for d in ws.documents.all()]),
    "goals": ("how", lambda ws, i: ws.goals.get(i).how,
              lambda ws: [g.id for g in ws.goals.all()]),
}


def select(panel: Any, record_id: str) -> None:
    panel.select(record_id)
    assert panel.current_id == record_id


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_switching_records_while_a_save_waits_keeps_the_newer_text(
    screen: str, qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any
) -> None:
    fill(ws)
    field_name, read, records = SCREENS[screen]
    first, second = records(ws)[:2]
    _view, panel = panel_of(screen, qtbot, ws, bus)
    select(panel, first)
    field = getattr(panel, field_name)
    with held():
        type_into(field, "Eerste versie")
        panel.saver.flush()  # this save now waits behind the busy worker
        type_into(field, "Eerste versie, daarna nog aangevuld ĳs 🙂")
        select(panel, second)  # the user clicks another record at once
    wait_for_worker(qtbot)
    assert read(ws, first) == "Eerste versie, daarna nog aangevuld ĳs 🙂"
    select(panel, first)  # back again: the editor shows what was saved
    assert field.toPlainText() == "Eerste versie, daarna nog aangevuld ĳs 🙂"


@pytest.mark.parametrize("screen", ["actions", "people", "goals"])
def test_a_new_record_typed_on_while_its_creation_waits_is_made_once_with_all_text(
    screen: str, qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any
) -> None:
    fill(ws)
    field_name, read, records = SCREENS[screen]
    before = set(records(ws))
    _view, panel = panel_of(screen, qtbot, ws, bus)
    panel.new_button.click() if hasattr(panel, "new_button") else panel.start_new()
    with held():
        if screen == "actions":
            type_into(panel.what_edit, "Nieuw actiepunt")
        elif screen == "people":
            panel.name.setText("Nieuwe buurtbewoner")
        else:
            panel.title.setText("Nieuw doel voor de buurt")
        panel.saver.flush()  # the create waits behind the busy worker
        if screen == "actions":
            type_into(panel.what_edit, "Nieuw actiepunt: ook de flyers rondbrengen")
        else:
            type_into(getattr(panel, field_name), "Meteen verder getypt")
        panel.saver.flush()  # waits for the new record's id, then updates it
    wait_for_worker(qtbot)
    wait_for_worker(qtbot)
    made = set(records(ws)) - before
    assert len(made) == 1
    new_id = made.pop()
    expected = ("Nieuw actiepunt: ook de flyers rondbrengen" if screen == "actions"
                else "Meteen verder getypt")
    assert read(ws, new_id) == expected
    assert panel.current_id == new_id


def test_a_save_never_waits_behind_a_long_export(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any
) -> None:
    fill(ws)
    _view, panel = panel_of("people", qtbot, ws, bus)
    person = [p.id for p in ws.contacts.all()][0]
    select(panel, person)
    with held(long_job_pool):  # a PDF export or a backup is running
        type_into(panel.notes, "Getypt terwijl de export loopt")
        panel.saver.flush()
        qtbot.waitUntil(
            lambda: ws.contacts.get(person).notes == "Getypt terwijl de export loopt",
            timeout=3000)


def test_minutes_typed_without_a_pause_are_saved_within_a_second(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any
) -> None:
    meeting = ws.meetings.create("2026-12-03 19:30").id or ""
    item = ws.agenda.add(meeting, "Verkeer").id or ""
    view = MinutesView(ws, bus)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.load(meeting, select_item=item)
    view.notes.setFocus()
    typed = ""
    saved_while_typing = ""
    # Forty keys, one every 60 ms: an ordinary speed, and never a 300 ms pause.
    for n, char in enumerate("De buurt wil een zebrapad bij de school!"):
        QTest.keyClick(view.notes, char if char != " " else Qt.Key.Key_Space)
        typed += char
        qtbot.wait(60)
        if n == 30:  # about 1.8 s after the first key, still typing
            worker_pool().waitForDone(2000)
            saved_while_typing = ws.agenda.get(item).notes
    assert SAVE_AT_LATEST_MS <= 1000
    assert len(saved_while_typing) >= 10, "nothing reached the disk while typing went on"
    assert typed.startswith(saved_while_typing)
    view.flush()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item).notes == typed


# -- dialogs that hold typed text ------------------------------------------------------------------
def test_tab_and_enter_in_the_decision_dialog_save_the_decision(
    qtbot: Any, monkeypatch: Any
) -> None:
    from ui.views.meeting_dialogs import DecisionDialog

    asked: list[bool] = []
    monkeypatch.setattr(DecisionDialog, "ask", staticmethod(lambda _p: asked.append(True) or False))
    dialog = DecisionDialog("Speeltuin")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.text_edit  # typing lands in the text at once
    QTest.keyClicks(dialog.text_edit, "De speeltuin krijgt een nieuw hek")
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.save_button  # not on Annuleren
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.cancel_button
    QTest.keyClick(dialog.cancel_button, Qt.Key.Key_Return)  # Enter on Annuleren saves
    assert dialog.result() == DecisionDialog.DialogCode.Accepted
    assert dialog.text() == "De speeltuin krijgt een nieuw hek"
    assert not asked


def test_escape_asks_before_typed_text_goes_and_keeps_it_when_told(
    qtbot: Any, monkeypatch: Any
) -> None:
    from ui.views.meeting_dialogs import ActionDialog, AgendaItemDialog

    answers = [False, True]
    asked: list[str] = []

    def ask(_parent: Any) -> bool:
        asked.append("?")
        return answers.pop(0)

    monkeypatch.setattr(ActionDialog, "ask", staticmethod(ask))
    dialog = ActionDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.what_edit, "Wethouder uitnodigen")
    QTest.keyClick(dialog.what_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.what_edit.text() == "Wethouder uitnodigen"
    dialog.cancel_button.click()  # the second time the user chooses "Weggooien"
    assert not dialog.isVisible() and asked == ["?", "?"]
    untouched = AgendaItemDialog()
    qtbot.addWidget(untouched)
    untouched.show()
    monkeypatch.setattr(AgendaItemDialog, "ask", staticmethod(lambda _p: pytest.fail("asked")))
    QTest.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert not untouched.isVisible()


def test_a_new_agenda_item_dialog_takes_typing_in_its_title(qtbot: Any) -> None:
    from ui.views.meeting_dialogs import AgendaItemDialog

    dialog = AgendaItemDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.title_edit
    QTest.keyClicks(dialog.focusWidget(), "Speeltuin")
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == AgendaItemDialog.DialogCode.Accepted
    assert dialog.values()["title"] == "Speeltuin"
