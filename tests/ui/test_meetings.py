"""The Vergaderingen view and the meeting editor, asserted on the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.ui.conftest import wait_for_worker
from ui.views import meeting_editor as editor_module
from ui.views.meeting_editor import MeetingEditor
from ui.views.meetings import EDITOR_PAGE, LIST_PAGE, MeetingsView
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace

BAD_TEXT = "<b>&amp; ĳsbeer 😀 “quotes”"


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    """Two board members and an outsider."""
    return {
        "annie": ws.contacts.add("Annie Jansen", board_member=True).id or "",
        "piet": ws.contacts.add("Piet Pieters", board_member=True).id or "",
        "wijkagent": ws.contacts.add("Wijkagent Smeets").id or "",
    }


@pytest.fixture
def meeting_id(ws: Workspace, people: dict[str, str]) -> str:
    """A planned meeting from the template, board members invited."""
    changes = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ), place="Buurthuis")
    assert changes.id
    return changes.id


@pytest.fixture
def editor(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, meeting_id: str
) -> Iterator[MeetingEditor]:
    widget = MeetingEditor(ws, bus)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.load(meeting_id)
    yield widget


def titles(ws: Workspace, meeting_id: str) -> list[str]:
    return [item.title for item in ws.agenda.for_meeting(meeting_id)]


def auto_accept(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, fill: Callable[[Any], None]
) -> None:
    """Replace a dialog class so ``exec()`` fills it in and presses the save button."""
    original = getattr(module, name)

    class Filled(original):  # type: ignore[misc, valid-type]
        def exec(self) -> int:
            fill(self)
            self._try_accept()
            return int(self.result())

    monkeypatch.setattr(module, name, Filled)


def test_new_meeting_starts_from_the_template(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, people: dict[str, str]
) -> None:
    view = MeetingsView(ws, bus)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    wait_for_worker(qtbot)
    meetings = ws.meetings.all()
    assert len(meetings) == 1
    assert titles(ws, meetings[0].id)[0] == "Opening en mededelingen van de voorzitter"
    assert titles(ws, meetings[0].id)[-2:] == ["Rondvraag", "Sluiting"]
    invited = {a.person_id for a in ws.meetings.attendance(meetings[0].id)}
    assert invited == {people["annie"], people["piet"]}
    assert view.current_page() == EDITOR_PAGE
    assert view.editor.model.rowCount() == 8
    assert app_ctx.show_status  # the context got a status message
    view.editor.back_button.click()
    assert view.current_page() == LIST_PAGE
    assert view.selected_meeting_id() == meetings[0].id


def test_list_shows_upcoming_first_then_held(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any
) -> None:
    old = ws.meetings.create(dt.datetime(2020, 1, 9, 19, 30, tzinfo=TZ), title="Oud").id
    ws.meetings.mark_held(old or "")
    ws.meetings.create(dt.datetime.now(TZ) + dt.timedelta(days=30), title="Nieuw")
    view = MeetingsView(ws, bus)
    qtbot.addWidget(view)
    rows = [view.list.item(r).text() for r in range(view.list.count())]
    assert rows[0] == "Komende vergaderingen"
    assert "Nieuw" in rows[1]
    assert rows[2] == "Eerdere vergaderingen"
    assert "Oud" in rows[3] and "(gehouden)" in rows[3]


def test_add_item_through_the_dialog(
    qtbot: Any,
    editor: MeetingEditor,
    ws: Workspace,
    meeting_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill(dialog: Any) -> None:
        dialog.title_edit.setText(BAD_TEXT)
        dialog.kind_combo.setCurrentIndex(2)
        dialog.presenter_edit.setText("Annie")
        dialog.planned_minutes_spin.setValue(15)

    auto_accept(monkeypatch, editor_module, "AgendaItemDialog", fill)
    editor.add_button.click()
    wait_for_worker(qtbot)
    items = ws.agenda.for_meeting(meeting_id)
    added = items[-3]  # before Rondvraag and Sluiting
    assert (added.title, added.kind, added.presenter, added.planned_minutes) == (
        BAD_TEXT,
        "deciding",
        "Annie",
        15,
    )
    assert editor.selected_item_id() == added.id
    assert editor.model.data(editor.model.index(len(items) - 3, 1)) == BAD_TEXT


def test_empty_agenda_title_is_refused_in_the_dialog(
    qtbot: Any,
    editor: MeetingEditor,
    ws: Workspace,
    meeting_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []

    def fill(dialog: Any) -> None:
        dialog.title_edit.setText("   ")
        dialog._try_accept()
        seen.append(dialog.error.text())
        dialog.title_edit.setText("Toch een titel")

    auto_accept(monkeypatch, editor_module, "AgendaItemDialog", fill)
    editor.add_button.click()
    wait_for_worker(qtbot)
    assert seen == ["Vul de titel van het agendapunt in."]
    assert "Toch een titel" in titles(ws, meeting_id)


def test_edit_item(
    qtbot: Any,
    editor: MeetingEditor,
    ws: Workspace,
    meeting_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = ws.agenda.for_meeting(meeting_id)[3]
    editor.select_item(item.id)

    def fill(dialog: Any) -> None:
        assert dialog.title_edit.text() == "Ingekomen stukken"
        dialog.summary_edit.setPlainText("Brief van de gemeente over ĳs")

    auto_accept(monkeypatch, editor_module, "AgendaItemDialog", fill)
    editor.edit_button.click()
    wait_for_worker(qtbot)
    assert ws.agenda.get(item.id).summary == "Brief van de gemeente over ĳs"


def test_move_with_alt_arrows_and_buttons(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str
) -> None:
    before = titles(ws, meeting_id)
    editor.select_item(ws.agenda.for_meeting(meeting_id)[4].id)  # Mededelingen
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id)[3] == "Mededelingen"
    assert editor.model.item_at(editor.table.currentIndex().row()).title == "Mededelingen"
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id) == before
    editor.down_button.click()
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id)[5] == "Mededelingen"
    editor.up_button.click()
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id) == before


def test_move_by_drag_and_drop_through_the_model(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str
) -> None:
    model = editor.model
    source = model.index(6, 0)  # Rondvraag
    data = model.mimeData([source])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex()) is False
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id)[1] == "Rondvraag"
    # dropped onto an item (no row): lands before that item
    data = model.mimeData([model.index(1, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(7, 0))
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id)[-2:] == ["Rondvraag", "Sluiting"]


def test_delete_then_put_back(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str
) -> None:
    item = ws.agenda.for_meeting(meeting_id)[3]
    asked: list[str] = []
    editor.confirm_delete = lambda _p, _t, text, _y: asked.append(text) or True  # type: ignore[method-assign]
    editor.select_item(item.id)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert asked and "‘Ingekomen stukken’" in asked[0]
    wait_for_worker(qtbot)
    assert "Ingekomen stukken" not in titles(ws, meeting_id)
    assert editor.undo_bar.isVisible()
    assert "Ingekomen stukken" in editor.undo_label.text()
    editor.undo_delete()
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id)[3] == "Ingekomen stukken"
    assert not editor.undo_bar.isVisible()


def test_undoing_a_delete_with_ctrl_z_takes_the_terugzetten_bar_away(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str, bus: Any
) -> None:
    item = ws.agenda.for_meeting(meeting_id)[3]
    editor.confirm_delete = lambda *_a: True  # type: ignore[method-assign]
    editor.select_item(item.id)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    wait_for_worker(qtbot)
    assert editor.undo_bar.isVisible()
    bus.changed.emit(ws.undo(), None)  # Bewerken → Ongedaan maken, as the main window does
    wait_for_worker(qtbot)
    assert titles(ws, meeting_id)[3] == "Ingekomen stukken"
    assert not editor.undo_bar.isVisible()


def test_the_delete_key_asks_first_and_no_keeps_the_item_and_its_notes(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str
) -> None:
    item = ws.agenda.for_meeting(meeting_id)[3]
    ws.agenda.set_notes(item.id, "Brief van de gemeente over de ĳsbaan besproken.")
    editor.load(meeting_id)
    asked: list[str] = []
    editor.confirm_delete = lambda _p, _t, text, _y: asked.append(text) and False  # type: ignore[method-assign]
    editor.select_item(item.id)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    wait_for_worker(qtbot)
    assert len(asked) == 1 and "aantekeningen" in asked[0]
    assert ws.agenda.get(item.id).notes.startswith("Brief van de gemeente")
    assert not editor.undo_bar.isVisible()
    assert editor.selected_item_id() == item.id and editor.table.hasFocus()


def test_meeting_fields_save_and_refuse_an_empty_title(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str
) -> None:
    editor.title_edit.setText("")
    editor.title_edit.editingFinished.emit()
    wait_for_worker(qtbot)
    assert editor.form_error.text().startswith("Vul een titel voor de vergadering in.")
    assert ws.meetings.get(meeting_id).title == "Vergadering wijkplatform"
    editor.title_edit.setText(BAD_TEXT)
    editor.title_edit.editingFinished.emit()
    editor.place_edit.setText("Buurthuis De Ĳzeren Man")
    editor.place_edit.editingFinished.emit()
    editor.when_edit.setDateTime(editor.when_edit.dateTime().addDays(7))
    editor.flush()
    wait_for_worker(qtbot)
    meeting = ws.meetings.get(meeting_id)
    assert meeting.title == BAD_TEXT
    assert meeting.place == "Buurthuis De Ĳzeren Man"
    assert meeting.start == dt.datetime(2026, 12, 10, 19, 30, tzinfo=TZ)
    assert not editor.form_error.isVisible()


def test_invitees_tick_and_new_person(
    qtbot: Any, editor: MeetingEditor, ws: Workspace, meeting_id: str, people: dict[str, str]
) -> None:
    rows = {
        editor.invitees.item(r).data(Qt.ItemDataRole.UserRole): editor.invitees.item(r)
        for r in range(editor.invitees.count())
    }
    assert rows[people["annie"]].checkState() == Qt.CheckState.Checked
    assert rows[people["wijkagent"]].checkState() == Qt.CheckState.Unchecked
    rows[people["wijkagent"]].setCheckState(Qt.CheckState.Checked)
    wait_for_worker(qtbot)
    rows = {
        editor.invitees.item(r).data(Qt.ItemDataRole.UserRole): editor.invitees.item(r)
        for r in range(editor.invitees.count())
    }
    rows[people["piet"]].setCheckState(Qt.CheckState.Unchecked)
    wait_for_worker(qtbot)
    editor.new_person.setText("Mevrouw Ĳzerman")
    editor.new_person.returnPressed.emit()
    wait_for_worker(qtbot)
    names = {a.name for a in ws.meetings.attendance(meeting_id)}
    assert names == {"Annie Jansen", "Wijkagent Smeets", "Mevrouw Ĳzerman"}


def test_open_record_selects_the_agenda_item(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, meeting_id: str
) -> None:
    view = MeetingsView(ws, bus)
    qtbot.addWidget(view)
    view.show()
    item = ws.agenda.for_meeting(meeting_id)[2]
    view.open_record("agenda_items", item.id)
    assert view.current_page() == EDITOR_PAGE
    assert view.editor.selected_item_id() == item.id
    decision = ws.decisions.add(meeting_id, "Besloten", agenda_item_id=item.id).id or ""
    view.show_list()
    view.open_record("decisions", decision)
    assert view.editor.selected_item_id() == item.id
    view.open_record("meetings", "bestaat-niet")
    assert view.current_page() == LIST_PAGE


def unnamed_controls(root: Any) -> list[Any]:
    """Focusable controls under ``root`` without an accessible name (Qt's inner parts skipped)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QLineEdit,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QPlainTextEdit,
    )
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w, QHeaderView)
        and not w.objectName().startswith("qt_")
        and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))
        and w.isVisibleTo(root)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
    ]


def test_every_control_has_an_accessible_name(editor: MeetingEditor) -> None:
    assert [
        type(w).__name__ + ":" + getattr(w, "text", lambda: "")() for w in unnamed_controls(editor)
    ] == []


def test_a_board_member_added_under_contacten_is_ticked_in_the_open_meeting(
    qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, people: dict[str, str]
) -> None:
    from ui.operations.contacts import add_person
    from wijkapp.timeutil import now

    coming = ws.meetings.create(now() + dt.timedelta(days=7)).id or ""
    widget = MeetingEditor(ws, bus)
    qtbot.addWidget(widget)
    widget.show()
    widget.load(coming)
    add_person(None, "Nieuw Bestuurslid", board_member=True).run()
    wait_for_worker(qtbot)

    def ticked() -> dict[str, bool]:
        return {widget.invitees.item(r).text(): widget.invitees.item(r).checkState()
                == Qt.CheckState.Checked for r in range(widget.invitees.count())}

    qtbot.waitUntil(lambda: "Nieuw Bestuurslid (bestuur)" in ticked(), timeout=3000)
    assert ticked()["Nieuw Bestuurslid (bestuur)"] is True
