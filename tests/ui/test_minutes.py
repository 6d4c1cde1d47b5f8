"""Minutes mode: every keystroke reaches the database; decisions, actions, attendance, follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import wait_for_worker
from tests.ui.test_meetings import auto_accept
from ui.views import minutes as minutes_module
from ui.views.minutes import ACTIONS_STEP, ATTENDANCE_STEP, SAVE_DELAY_MS, MinutesView
from wijkapp.timeutil import TZ, today
from wijkapp.workspace import Workspace

TYPED = "Bewoners willen een zebrapad bij de Ĳzerstraat. <b>&amp; 'quotes' \"dubbel\""


@pytest.fixture
def setup(ws: Workspace) -> dict[str, str]:
    """Last month's meeting with two open actions, and this month's meeting."""
    annie = ws.contacts.add("Annie Jansen", board_member=True).id or ""
    piet = ws.contacts.add("Piet Pieters", board_member=True).id or ""
    earlier = ws.meetings.create(dt.datetime(2026, 1, 8, 19, 30, tzinfo=TZ)).id or ""
    bench = (
        ws.actions.add(earlier, "Bankje laten repareren", owner_id=piet, due_date="2026-02-01").id
        or ""
    )
    letter = (
        ws.actions.add(earlier, "Brief aan wethouder", owner_id=annie, due_date="2026-02-01").id
        or ""
    )
    ws.meetings.mark_held(earlier)
    meeting = (
        ws.meetings.create(dt.datetime(2026, 2, 5, 19, 30, tzinfo=TZ), place="Buurthuis").id or ""
    )
    return {
        "annie": annie,
        "piet": piet,
        "earlier": earlier,
        "meeting": meeting,
        "bench": bench,
        "letter": letter,
    }


@pytest.fixture
def view(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, setup: dict[str, str]
) -> Iterator[MinutesView]:
    widget = MinutesView(ws, bus)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.load(setup["meeting"])
    yield widget


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type like a person: key clicks, and a key event carrying the text for characters
    QTest cannot click (ĳ, emoji — what an input method or a paste delivers)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if ord(char) < 0x100:
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )


def item_ids(ws: Workspace, meeting_id: str) -> list[str]:
    return [item.id for item in ws.agenda.for_meeting(meeting_id)]


def test_typed_notes_are_saved_after_a_short_pause(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    item = item_ids(ws, setup["meeting"])[3]
    view.select_step(item)
    view.notes.setFocus()
    type_text(qtbot, view.notes, TYPED)
    qtbot.wait(SAVE_DELAY_MS + 200)
    wait_for_worker(qtbot)
    assert ws.agenda.get(item).notes == TYPED
    assert view.saved_label.text().startswith("Bewaard")


def test_switching_items_saves_at_once(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    first, second = item_ids(ws, setup["meeting"])[2:4]
    view.select_step(first)
    qtbot.keyClicks(view.notes, "Verslag goedgekeurd")
    view.next_button.click()  # no pause: the switch itself saves
    assert view.current_step() == second
    qtbot.keyClicks(view.notes, "Twee brieven")
    view.prev_button.click()
    wait_for_worker(qtbot)
    assert ws.agenda.get(first).notes == "Verslag goedgekeurd"
    assert ws.agenda.get(second).notes == "Twee brieven"
    assert view.notes.toPlainText() == "Verslag goedgekeurd"


def test_focus_out_saves_at_once(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    item = item_ids(ws, setup["meeting"])[4]
    view.select_step(item)
    type_text(qtbot, view.notes, "Emoji 😀 en ĳ")
    view.notes.focus_lost.emit()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item).notes == "Emoji 😀 en ĳ"


def test_ten_thousand_characters_round_trip(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    item = item_ids(ws, setup["meeting"])[1]
    text = ("Lorem ĳ 😀 <b>&amp; " * 700)[:10_000]
    view.select_step(item)
    view.notes.insertPlainText(text)
    view.flush()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item).notes == text
    view.select_step(ATTENDANCE_STEP)
    view.select_step(item)
    assert view.notes.toPlainText() == text


def test_attendance_ticks(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    assert view.current_step() == ATTENDANCE_STEP
    group = view.attendance.groups[setup["annie"]]
    radio = next(b for b in group.buttons() if b.property("status") == "absent_notice")
    assert radio.accessibleName() == "Annie Jansen: afwezig met bericht"
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    present = next(
        b
        for b in view.attendance.groups[setup["piet"]].buttons()
        if b.property("status") == "present"
    )
    qtbot.mouseClick(present, Qt.MouseButton.LeftButton, pos=QPoint(8, present.height() // 2))
    wait_for_worker(qtbot)
    status = {a.person_id: a.status for a in ws.meetings.attendance(setup["meeting"])}
    assert status == {setup["annie"]: "absent_notice", setup["piet"]: "present"}


def test_decision_gets_the_next_number(
    qtbot: Any,
    view: MinutesView,
    ws: Workspace,
    setup: dict[str, str],
    app_ctx: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws.decisions.add(setup["earlier"], "Eerder besluit")
    item = item_ids(ws, setup["meeting"])[2]
    view.select_step(item)
    auto_accept(
        monkeypatch,
        minutes_module,
        "DecisionDialog",
        lambda d: d.text_edit.setPlainText("Verslag vastgesteld ĳ"),
    )
    view.decision_button.click()
    wait_for_worker(qtbot)
    decision = ws.decisions.for_meeting(setup["meeting"])[0]
    assert (decision.number, decision.text, decision.agenda_item_id) == (
        "2026-002",
        "Verslag vastgesteld ĳ",
        item,
    )
    rows = [view.outcomes.item(r).text() for r in range(view.outcomes.count())]
    assert rows == ["Besluit 2026-002: Verslag vastgesteld ĳ"]


def test_empty_decision_is_refused_and_nothing_saved(
    qtbot: Any,
    view: MinutesView,
    ws: Workspace,
    setup: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors: list[str] = []

    def fill(dialog: Any) -> None:
        dialog._try_accept()
        errors.append(dialog.error.text())
        dialog.reject()

    auto_accept(monkeypatch, minutes_module, "DecisionDialog", fill)
    view.select_step(item_ids(ws, setup["meeting"])[2])
    view.decision_button.click()
    wait_for_worker(qtbot)
    assert errors == ["Vul wat er besloten is in."]
    assert ws.decisions.for_meeting(setup["meeting"]) == []


def test_action_with_owner_and_due_date(
    qtbot: Any,
    view: MinutesView,
    ws: Workspace,
    setup: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = item_ids(ws, setup["meeting"])[4]
    view.select_step(item)

    def fill(dialog: Any) -> None:
        dialog.what_edit.setText("Wethouder uitnodigen 😀")
        dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findText("Piet Pieters"))
        assert dialog.due_edit.calendarWidget().locale().name() == "nl_NL"

    auto_accept(monkeypatch, minutes_module, "ActionDialog", fill)
    view.action_button.click()
    wait_for_worker(qtbot)
    action = ws.actions.for_meeting(setup["meeting"])[0]
    assert (action.what, action.owner_id, action.agenda_item_id) == (
        "Wethouder uitnodigen 😀",
        setup["piet"],
        item,
    )
    assert action.due_date == (today() + dt.timedelta(weeks=4)).isoformat()
    assert "Wethouder uitnodigen" in view.outcomes.item(0).text()


def test_earlier_actions_done_postponed_kept(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    actions_item = next(
        i for i in ws.agenda.for_meeting(setup["meeting"]) if i.standard == "actions"
    )
    view.select_step(actions_item.id)
    assert view.carried.isVisible()

    def click(caption: str, what: str) -> None:
        from PySide6.QtWidgets import QPushButton

        target = next(
            b
            for b in view.carried.findChildren(QPushButton)
            if b.accessibleName() == f"{caption}: {what}"
        )
        assert target.isEnabled()
        target.click()
        wait_for_worker(qtbot)

    click("Uitstellen", "Bankje laten repareren")
    assert ws.actions.get(setup["bench"]).times_postponed == 1
    click("Afgerond", "Brief aan wethouder")
    assert ws.actions.get(setup["letter"]).status == "done"
    texts = " ".join(lbl.text() for lbl in view.carried.findChildren(type(view.item_title)))
    assert "1× uitgesteld" in texts
    assert "Nu: afgerond" in texts
    click("Laten staan", "Bankje laten repareren")
    outcomes = [r.outcome for r in ws.actions.reviews_in(setup["meeting"])]
    assert outcomes == ["postponed", "done", "kept"]


def test_virtual_actions_step_when_the_agenda_has_no_actions_item(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    actions_item = next(
        i for i in ws.agenda.for_meeting(setup["meeting"]) if i.standard == "actions"
    )
    ws.agenda.delete(actions_item.id)
    view.load(setup["meeting"])
    view.select_step(ACTIONS_STEP)
    assert view.current_step() == ACTIONS_STEP
    assert view.carried.isVisible() and not view.notes.isVisible()


def test_close_meeting_marks_it_held(
    qtbot: Any, view: MinutesView, ws: Workspace, setup: dict[str, str]
) -> None:
    closed: list[str] = []
    view.meeting_closed.connect(closed.append)
    view.ask_to_close = lambda: False  # type: ignore[method-assign]
    view.close_button.click()
    wait_for_worker(qtbot)
    assert ws.meetings.get(setup["meeting"]).status == "planned"
    view.ask_to_close = lambda: True  # type: ignore[method-assign]
    view.close_button.click()
    wait_for_worker(qtbot)
    meeting = ws.meetings.get(setup["meeting"])
    assert meeting.status == "held" and meeting.closed_at
    assert closed == [setup["meeting"]]
