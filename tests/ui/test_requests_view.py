"""Verzoeken aan de gemeente: editor saves, six-week deadline, late ones highlighted, bad input."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import capture_warnings, days, fill, save_now, screenshots, track
from ui.views.requests import RequestsView
from ui.views.widgets import LATE_COLOR
from wijkapp.timeutil import today


def make(qtbot, ws, bus):
    view = RequestsView(ws, bus)
    return track(qtbot, view)


def rows(panel):
    return [[item.text(c) for c in range(3)] for item in panel.items()]


def test_late_request_is_listed_first_in_red_with_words(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    shown = rows(panel)
    assert shown[0][0] == "Lantaarnpaal Heideweg doet het niet"
    assert shown[0][1] == "Verstuurd\nte laat (18 dagen)"
    assert shown[0][2] != "—"
    assert panel.items()[0].foreground(0).color() == LATE_COLOR
    assert not any("te laat" in r[1] for r in shown[1:])
    assert panel.items()[1].foreground(0).color() != LATE_COLOR
    assert "1 te laat" in panel.count_label.text()
    panel.select(board.requests["lantaarn"])
    assert "te laat" in panel.deadline.text() and "Antwoord beloofd vóór" in panel.deadline.text()


def test_new_request_saves_and_sending_sets_the_six_week_deadline(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    panel.start_new()
    assert panel.subject.hasFocus() or panel.subject.isEnabled()
    panel.subject.setText("Hondenpoep op het grasveld")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("signal"))
    panel.area.setCurrentIndex(panel.area.findData(board.areas["Krawinkel"]))
    panel.text.setPlainText("Graag extra controle en een afvalbak.")
    panel.sent_to.setCurrentIndex(panel.sent_to.findText("Ellen Smeets"))
    save_now(panel, qtbot)
    saved = [r for r in ws.requests.all() if r.subject == "Hondenpoep op het grasveld"]
    assert len(saved) == 1
    request = saved[0]
    assert (request.kind, request.area_id, request.status) == (
        "signal", board.areas["Krawinkel"], "draft")
    assert request.sent_to_id == board.people["Ellen Smeets"]
    assert panel.current_id == request.id and panel.sent_button.isEnabled()
    qtbot.mouseClick(panel.sent_button, Qt.MouseButton.LeftButton)
    wait_for_worker(qtbot)
    request = ws.requests.get(request.id)
    assert request.status == "sent" and request.sent_on == today().isoformat()
    assert request.answer_due == (today() + dt.timedelta(weeks=6)).isoformat()
    assert panel.answer_due.value() == today() + dt.timedelta(weeks=6)
    assert panel.status.currentData() == "sent"
    assert "Antwoord beloofd vóór" in panel.deadline.text()


def test_status_sent_in_the_editor_uses_the_sent_date_for_the_deadline(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    panel.select(board.requests["bankje"])
    panel.sent_on.set_value(days(-50))
    panel.sent_on.changed.emit()
    panel.status.setCurrentIndex(panel.status.findData("sent"))
    save_now(panel, qtbot)
    request = ws.requests.get(board.requests["bankje"])
    assert request.status == "sent" and request.sent_on == days(-50).isoformat()
    assert request.answer_due == (days(-50) + dt.timedelta(weeks=6)).isoformat()
    assert request.is_overdue()
    row = next(r for r in rows(panel) if r[0] == "Bankje bij de bushalte Heideweg")
    assert "te laat" in row[1]


def test_answer_recorded_in_the_editor(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    panel.select(board.requests["prullenbak"])
    panel.answer.setPlainText("Er komen twee bakken bij, in januari.")
    panel.status.setCurrentIndex(panel.status.findData("answered"))
    save_now(panel, qtbot)
    request = ws.requests.get(board.requests["prullenbak"])
    assert request.status == "answered" and request.answered_on == today().isoformat()
    assert request.answer_text == "Er komen twee bakken bij, in januari."
    assert "Beantwoord op" in panel.deadline.text()


def test_empty_subject_gives_a_dutch_message_and_keeps_the_typed_text(qtbot, ws, bus, app_ctx,
                                                                      monkeypatch):
    shown = capture_warnings(monkeypatch)
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    count = len(ws.requests.all())
    panel.start_new()
    panel.text.setPlainText("Een lange brief die ik niet kwijt wil.")
    panel.subject.setText("  ")
    save_now(panel, qtbot)
    assert "Vul het onderwerp in." in panel.message.text()
    assert panel.text.toPlainText() == "Een lange brief die ik niet kwijt wil."
    assert len(ws.requests.all()) == count
    panel.subject.setText("Brief over de markt")
    save_now(panel, qtbot)
    assert [r.text for r in ws.requests.all() if r.subject == "Brief over de markt"] == [
        "Een lange brief die ik niet kwijt wil."]
    # clearing the subject of an existing request does not overwrite it
    panel.select(board.requests["drempel"])
    panel.subject.setText("")
    save_now(panel, qtbot)
    assert ws.requests.get(board.requests["drempel"]).subject == "Verkeersdrempel in de Kerkstraat"
    assert "Vul het onderwerp in." in panel.message.text()
    assert shown == []


def test_too_long_subject_is_refused_in_dutch_and_kept(qtbot, ws, bus, app_ctx, monkeypatch):
    capture_warnings(monkeypatch)
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    panel.select(board.requests["bankje"])
    panel.subject.setText("x" * 10_000)
    save_now(panel, qtbot)
    assert "te lang: 10.000 tekens" in panel.message.text()
    assert len(panel.subject.text()) == 10_000
    assert ws.requests.get(board.requests["bankje"]).subject == "Bankje bij de bushalte Heideweg"


def test_awkward_text_round_trips_unchanged(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    panel.select(board.requests["bankje"])
    subject = "<b>&amp; ĳsbaan 🎉"
    body = "Regel één\n" + "ĳ" * 10_000
    panel.subject.setText(subject)
    panel.text.setPlainText(body)
    panel.sent_to.setEditText("Afdeling Openbare Ruimte")
    save_now(panel, qtbot)
    request = ws.requests.get(board.requests["bankje"])
    assert (request.subject, request.text) == (subject, body)
    assert request.sent_to_id is None and request.sent_to_name == "Afdeling Openbare Ruimte"
    assert subject in [r[0] for r in rows(panel)]
    panel.select(board.requests["lantaarn"])
    panel.select(board.requests["bankje"])
    assert panel.subject.text() == subject and panel.text.toPlainText() == body


def test_incoming_documents_tab_and_open_record(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    docs = ws.documents.all()
    assert [item.text(1) for item in view.incoming.items()] == [
        "Uitnodiging wijkschouw", "Jaarverslag ZOwonen"]
    view.open_record("documents", docs[1].id)
    assert view.tabs.currentWidget() is view.incoming
    assert view.incoming.subject.text() == "Jaarverslag ZOwonen"
    view.incoming.handling.setPlainText("Ter kennisname; ligt ter inzage bij de secretaris.")
    save_now(view.incoming, qtbot)
    assert ws.documents.get(docs[1].id).handling.startswith("Ter kennisname")
    view.incoming.start_new()
    view.incoming.subject.setText("Brief van de buurtsportcoach")
    view.incoming.sender_edit.setText("Sportief Sittard")
    save_now(view.incoming, qtbot)
    assert "Brief van de buurtsportcoach" in [d.subject for d in ws.documents.all()]
    request_id = ws.requests.all()[0].id
    view.open_record("requests", request_id)
    assert view.tabs.currentWidget() is view.requests
    assert view.requests.current_id == request_id


def test_delete_request_goes_through_the_core_with_undo(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    panel = make(qtbot, ws, bus).requests
    panel.select(board.requests["bankje"])
    panel.delete_button.click()
    wait_for_worker(qtbot)
    assert not ws.requests.exists(board.requests["bankje"])
    assert "Bankje bij de bushalte Heideweg" not in [r[0] for r in rows(panel)]
    bus.emit_changes(ws.undo(), None)
    assert "Bankje bij de bushalte Heideweg" in [r[0] for r in rows(panel)]


def test_screenshots(qtbot, ws, bus, app_ctx, shoot, qapp):
    board = fill(ws)

    def prepare(view):
        view.requests.select(board.requests["lantaarn"])

    def check(view):
        assert view.requests.current_id == board.requests["lantaarn"]

    paths = screenshots(lambda: RequestsView(ws, bus), qtbot, qapp, shoot, "gui-requests",
                        prepare, check)
    assert len(paths) == 2
