"""The person test: a volunteer secretary prepares, minutes and follows up a meeting.

One long story on a real file, through the real window, asserted on the database; then
the file is closed and opened again and everything is still there. A second test saves a
screenshot of every screen at 100 % and 150 % text size into screenshots-run/.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import answer_question, wait_for_start, wait_for_worker
from tests.ui.test_meetings import auto_accept
from tests.ui.test_minutes import type_text
from ui import app as app_module
from ui.first_run import FirstRunDialog
from ui.main_window import MainWindow
from ui.operations.context import set_app_context
from ui.style import apply_style
from ui.views import meeting_editor as editor_module
from ui.views import minutes as minutes_module
from ui.views.meetings import EDITOR_PAGE, MINUTES_PAGE, MeetingsView
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace

NOTES = "Bewoners vragen een zebrapad bij de Ĳzerstraat. Kosten <b>&amp; planning 😀 volgen."


@pytest.fixture(autouse=True)
def private_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    yield
    set_app_context(None)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_style(app, 100)


def first_run(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The welcome is filled in by the secretary."""

    def welcome(dialog: FirstRunDialog) -> int:
        qtbot.keyClicks(dialog.name_edit, "Wijkplatform Geleen-Zuid")
        qtbot.keyClicks(dialog.wijk_edit, "Geleen-Zuid")
        dialog.buurten_edit.setPlainText("Lindenheuvel\nKrawinkel")
        dialog.start_button.click()
        qtbot.waitUntil(lambda: dialog.ws.has_board, timeout=5000)
        return 1

    monkeypatch.setattr(FirstRunDialog, "exec", welcome)


def meetings_view(window: MainWindow) -> MeetingsView:
    view = window.views["meetings"]
    assert isinstance(view, MeetingsView)
    return view


def titles(ws: Workspace, meeting_id: str) -> list[str]:
    return [i.title for i in ws.agenda.for_meeting(meeting_id)]


def test_the_secretary_prepares_minutes_and_follows_up(
    qtbot: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -- first run: the board is made --------------------------------------------------------
    first_run(qtbot, monkeypatch)
    window = app_module.start(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    ws = window.ws
    assert window.windowTitle() == "Wijkplatform Geleen-Zuid — Wijkapp"
    annie = ws.contacts.add("Annie Jansen", board_member=True).id or ""
    piet = ws.contacts.add("Piet Pieters", board_member=True).id or ""
    # last month's meeting, entered before, with an open action for Piet
    earlier = ws.meetings.create(dt.datetime.now(TZ) - dt.timedelta(days=30)).id or ""
    bench = (
        ws.actions.add(earlier, "Bankje laten repareren", owner_id=piet, due_date="2026-01-15").id
        or ""
    )
    ws.meetings.mark_held(earlier)

    # -- prepare: a new meeting from the template ---------------------------------------------
    view = meetings_view(window)
    view.refresh()
    view.new_button.click()
    wait_for_worker(qtbot)
    assert view.current_page() == EDITOR_PAGE
    editor = view.editor
    meeting = editor.meeting_id or ""
    assert titles(ws, meeting)[0] == "Opening en mededelingen van de voorzitter"
    editor.place_edit.setText("Buurthuis De Baandert")
    editor.place_edit.editingFinished.emit()

    new_titles = iter(["Speeltuin Lindenheuvel", "Verkeer Ĳzerstraat"])
    auto_accept(
        monkeypatch,
        editor_module,
        "AgendaItemDialog",
        lambda d: d.title_edit.setText(next(new_titles)),
    )
    editor.add_button.click()
    wait_for_worker(qtbot)
    editor.add_button.click()
    wait_for_worker(qtbot)
    assert titles(ws, meeting)[6:8] == ["Speeltuin Lindenheuvel", "Verkeer Ĳzerstraat"]
    # reorder: keyboard (Alt+Up on the selected new item) ...
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    wait_for_worker(qtbot)
    assert titles(ws, meeting)[6:8] == ["Verkeer Ĳzerstraat", "Speeltuin Lindenheuvel"]
    # ... and drag-and-drop (Speeltuin to just after Mededelingen)
    model = editor.model
    model.dropMimeData(
        model.mimeData([model.index(7, 0)]), Qt.DropAction.MoveAction, 5, 0, QModelIndex()
    )
    wait_for_worker(qtbot)
    assert titles(ws, meeting)[5:8] == [
        "Speeltuin Lindenheuvel",
        "Actiepunten van vorige vergaderingen",
        "Verkeer Ĳzerstraat",
    ]
    # remove one by mistake, and undo through the Edit menu
    editor.select_item(ws.agenda.for_meeting(meeting)[3].id)
    answer_question("Ja, verwijderen")  # it asks first
    editor.delete_button.click()
    wait_for_worker(qtbot)
    assert "Ingekomen stukken" not in titles(ws, meeting)
    assert window.undo_action.text() == "Ongedaan maken: Agendapunt verwijderd"
    window.undo_action.trigger()
    wait_for_worker(qtbot)
    assert titles(ws, meeting)[3] == "Ingekomen stukken"

    # -- minute it live ------------------------------------------------------------------------
    editor.minutes_button.click()
    assert view.current_page() == MINUTES_PAGE
    minutes = view.minutes
    for person, status in ((annie, "present"), (piet, "absent_notice")):
        radio = next(
            b for b in minutes.attendance.groups[person].buttons() if b.property("status") == status
        )
        radio.click()
    wait_for_worker(qtbot)
    speeltuin = ws.agenda.for_meeting(meeting)[5]
    minutes.select_step(speeltuin.id)
    minutes.notes.setFocus()
    type_text(qtbot, minutes.notes, NOTES)
    auto_accept(
        monkeypatch,
        minutes_module,
        "DecisionDialog",
        lambda d: d.text_edit.setPlainText("De speeltuin krijgt een nieuw hek."),
    )
    minutes.decision_button.click()
    wait_for_worker(qtbot)

    def action(dialog: Any) -> None:
        dialog.what_edit.setText("Offerte hek opvragen")
        dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findText("Annie Jansen"))

    auto_accept(monkeypatch, minutes_module, "ActionDialog", action)
    minutes.action_button.click()
    wait_for_worker(qtbot)
    year = ws.meetings.get(meeting).year
    decision = ws.decisions.for_meeting(meeting)[0]
    assert decision.number == f"{year}-001"
    assert any(
        decision.number in minutes.outcomes.item(r).text() for r in range(minutes.outcomes.count())
    )
    assert ws.agenda.get(speeltuin.id).notes == NOTES
    assert ws.actions.for_meeting(meeting)[0].owner_name == "Annie Jansen"

    # the open action of last month: postponed (counts up)
    actions_item = next(i for i in ws.agenda.for_meeting(meeting) if i.standard == "actions")
    minutes.select_step(actions_item.id)
    postpone = next(
        b
        for b in minutes.carried.findChildren(QPushButton)
        if b.accessibleName() == "Uitstellen: Bankje laten repareren"
    )
    postpone.click()
    wait_for_worker(qtbot)
    assert ws.actions.get(bench).times_postponed == 1

    # a title changed, notes typed after it, then the title change undone: the notes stay
    from ui.operations import agenda as agenda_ops

    agenda_ops.update_item(window, speeltuin.id, title="Speeltuin en hek").run()
    wait_for_worker(qtbot)
    minutes.select_step(speeltuin.id)
    minutes.notes.setFocus()
    minutes.notes.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, minutes.notes, " Hek wordt groen.")
    minutes.flush()
    wait_for_worker(qtbot)
    window.undo()
    wait_for_worker(qtbot)
    assert ws.agenda.get(speeltuin.id).title == speeltuin.title
    assert ws.agenda.get(speeltuin.id).notes == NOTES + " Hek wordt groen."
    minutes.select_step(speeltuin.id)
    assert minutes.notes.toPlainText() == NOTES + " Hek wordt groen."

    # an export runs long on its own worker while actions are edited and switched
    from tests.ui.test_autosave_seams import held
    from ui.operations.base import long_job_pool

    actions_view = window.show_view("actions")
    own = [a.id for a in ws.actions.all() if a.status == "open"]
    with held(long_job_pool):
        actions_view.select(own[0])
        actions_view.what_edit.setPlainText("Offerte hek opvragen bij twee leveranciers")
        actions_view.select(own[1])  # switched at once, while "the export" still runs
        qtbot.waitUntil(lambda: ws.actions.get(own[0]).what
                        == "Offerte hek opvragen bij twee leveranciers", timeout=3000)
    window.show_view("meetings")

    # -- the voice of the wijk: heard at the coffee morning, passed on, answered ----------------
    hear_pass_on_and_answer(qtbot, window, ws, annie, meeting, tmp_path=db_path.parent)

    # the laptop is closed mid-sentence: every character is there
    rondvraag = next(i for i in ws.agenda.for_meeting(meeting) if i.standard == "questions")
    minutes.select_step(rondvraag.id)
    type_text(qtbot, minutes.notes, "Mevrouw De Vries vraagt naar het ĳsfeest")
    window.close()
    wait_for_worker(qtbot)
    assert ws.agenda.get(rondvraag.id).notes == "Mevrouw De Vries vraagt naar het ĳsfeest"

    # -- search ---------------------------------------------------------------------------------
    hits = ws.search.query("zebrapad")
    assert [(h.kind, h.id) for h in hits] == [("agenda_items", speeltuin.id)]
    assert ws.search.query("ijzerstraat")  # ĳ folds to ij
    ws.close()
    set_app_context(None)

    # -- reopen: everything is still there ---------------------------------------------------------
    again = app_module.start(None)
    assert isinstance(again, MainWindow)
    qtbot.addWidget(again)
    ws2 = again.ws
    assert ws2.path == db_path
    assert ws2.agenda.get(speeltuin.id).notes == NOTES + " Hek wordt groen."
    assert ws2.decisions.by_number(f"{year}-001") is not None
    assert ws2.actions.get(bench).times_postponed == 1
    assert {a.person_id: a.status for a in ws2.meetings.attendance(meeting)}[
        piet
    ] == "absent_notice"
    again.focus_search()
    search = again.views["search"]
    if hasattr(search, "box"):
        search.box.setText("zebrapad")
        search.search_now()
        search.open_current()
    else:
        search.open_requested.emit("agenda_items", speeltuin.id)
    view2 = meetings_view(again)
    assert view2.current_page() == EDITOR_PAGE
    assert view2.editor.selected_item_id() == speeltuin.id
    again.close()
    wait_for_worker(qtbot)
    ws2.close()


LONELY = "Sinds mijn man dood is, praat ik soms een hele week met niemand. Op zondag is het het ergst."


def hear_pass_on_and_answer(qtbot: Any, window: MainWindow, ws: Workspace, member: str,
                            meeting: str, tmp_path: Path) -> None:
    """Annie records what a lonely older resident said at the coffee morning, passes it on
    to the municipality (a request) and to the Knooppunt (a referral); the answers come and
    the board writes what it did; the next resident summary says "U zei … Wij deden …"."""
    from pypdf import PdfReader

    from ui.views.signals import SignalsView
    from wijkapp.export.summary_pdf import resident_summary, write_summary_pdf
    from wijkapp.timeutil import today

    knooppunt = ws.organisations.add("Knooppunt Informele Zorg", themes=["eenzaamheid"],
                                     groups=["ouderen", "mantelzorgers"]).id or ""
    view = window.show_view("signals")
    assert isinstance(view, SignalsView)
    panel = view.register
    panel.start_new()
    type_text(qtbot, panel.words, LONELY)
    panel.place.setText("Koffieochtend in het buurthuis")
    panel.heard_by.setCurrentIndex(panel.heard_by.findData(member))
    for checks, word in ((panel.theme_checks, "eenzaamheid"), (panel.group_checks, "ouderen")):
        row = next(i for i in range(checks.count()) if checks.item(i).text() == word)
        checks.item(row).setCheckState(Qt.CheckState.Checked)
    panel.saver.flush()
    wait_for_worker(qtbot)
    [signal] = ws.signals.all()
    assert signal.words == LONELY and signal.resident_name == ""
    panel.to_city.click()
    wait_for_worker(qtbot)
    assert panel.referral_choices()[0] == (knooppunt, "Knooppunt Informele Zorg")
    panel.pass_on("referral", to_id=knooppunt)
    wait_for_worker(qtbot)
    request = next(r for r in ws.requests.all() if r.kind == "signal")
    assert request.status == "sent" and LONELY in request.text
    # the answers come: the municipality's on the request, the Knooppunt's on the referral
    ws.requests.record_answer(request.id, "De buurtverbinder neemt contact op.")
    panel.reload_editor()
    panel.followup_list.setCurrentRow(1)
    panel.ask_text = lambda *_args: "Een maatje komt elke week op bezoek."
    panel.record_answer()
    wait_for_worker(qtbot)
    lines = [panel.followup_list.item(i).text() for i in range(panel.followup_list.count())]
    assert "De buurtverbinder neemt contact op." in lines[0]
    assert "Een maatje komt elke week op bezoek." in lines[1]
    type_text(qtbot, panel.outcome, "Een maatje en de koffieochtend op zondag.")
    panel.saver.flush()
    wait_for_worker(qtbot)
    assert ws.signals.statuses()[signal.id] == "done"
    # the next resident summary: "U zei … Wij deden …", never a name
    summary = resident_summary(ws, ws.meetings.get(meeting), today())
    said = next(s for s in summary.sections if s.key == "said_did")
    assert said.heading == "U zei, wij deden"
    assert ("Wij deden:", "Een maatje en de koffieochtend op zondag.") in said.paragraphs
    out = tmp_path / "samenvatting.pdf"
    write_summary_pdf(ws, ws.meetings.get(meeting), out, today())
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "U zei, wij deden" in text and "praat ik soms een hele week met niemand" in text
    window.show_view("meetings")


@pytest.mark.parametrize("percent", [100, 150])
def test_screenshots_of_every_screen(
    qtbot: Any, empty_ws: Workspace, bus: Any, shoot: Any, percent: int
) -> None:
    """Saves screenshots-run/gui-<screen>-<percent>.png for looking at (not committed)."""
    from ui.operations.context import AppContext
    from ui.views.meeting_dialogs import ActionDialog, AgendaItemDialog, DecisionDialog
    from wijkapp.demo import create_demo

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    set_app_context(AppContext(empty_ws, bus))
    welcome = FirstRunDialog(empty_ws)
    qtbot.addWidget(welcome)
    welcome.resize(760, 560)
    welcome.show()
    shoot(welcome, f"gui-first-run-{percent}")
    create_demo(empty_ws)
    window = MainWindow(empty_ws, bus)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.wait(50)
    shoot(window, f"gui-meetings-{percent}")
    view = meetings_view(window)
    upcoming = empty_ws.meetings.upcoming()[0]
    view.open_meeting(upcoming.id)
    qtbot.wait(50)
    shoot(window, f"gui-meeting-editor-{percent}")
    view.editor.select_item(empty_ws.agenda.for_meeting(upcoming.id)[3].id)
    answer_question("Ja, verwijderen")  # it asks first
    view.editor.delete_button.click()
    wait_for_worker(qtbot)
    shoot(window, f"gui-meeting-editor-undo-bar-{percent}")
    window.undo()
    wait_for_worker(qtbot)
    held = empty_ws.meetings.past()[0]
    view.start_minutes(held.id)
    qtbot.wait(50)
    shoot(window, f"gui-minutes-attendance-{percent}")
    items = empty_ws.agenda.for_meeting(held.id)
    topic = next((i for i in items if not i.standard and i.notes), items[2])
    view.minutes.select_step(topic.id)
    qtbot.wait(50)
    shoot(window, f"gui-minutes-item-{percent}")
    actions_item = next((i for i in items if i.standard == "actions"), None)
    if actions_item is not None:
        view.minutes.select_step(actions_item.id)
        qtbot.wait(50)
        shoot(window, f"gui-minutes-actions-{percent}")
    for name, dialog in (
        ("agenda-item-dialog", AgendaItemDialog(topic, window)),
        ("decision-dialog", DecisionDialog(topic.title, window)),
        ("action-dialog", ActionDialog(empty_ws.contacts.all(), window)),
    ):
        dialog.show()
        qtbot.wait(20)
        shoot(dialog, f"gui-{name}-{percent}")
        dialog.close()
    window.close()
    wait_for_worker(qtbot)


def test_the_secretary_restores_twice_and_then_meets_a_full_usb_stick(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The board's file lives on a USB stick: two restores in a row, then the stick is full."""
    import subprocess

    from tests.core.test_storage_seams import fill
    from ui.views.backups import BackupsDialog
    from wijkapp.backups import list_kept_aside, make_backup

    stick = tmp_path / "stick"
    stick.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(stick)],
                             capture_output=True, text=True)
    assert mounted.returncode == 0, mounted.stderr
    try:
        db = stick / "wijkplatform.sqlite"
        with Workspace(db) as ws:
            ws.boards.create("Wijkplatform Geleen-Zuid", "Geleen-Zuid", ["Lindenheuvel"])
            ws.contacts.add("Annie Jansen")
            first = make_backup(ws)
            ws.contacts.add("Piet Pieters")
        window = app_module.start(db)
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        wait_for_start(qtbot, window)  # the start-up backup runs after the first paint
        told: list[str] = []

        def dialog() -> BackupsDialog:
            d = BackupsDialog(window, window.ws, tell=lambda *a: told.append(a[2]),
                              confirm=lambda *_a: True)
            qtbot.addWidget(d)
            return d

        backups = dialog()

        def choose(path: Path) -> None:
            backups.list.setCurrentRow(
                next(i for i, b in enumerate(backups.backups()) if b.path == path))

        choose(first)
        backups.restore_button.click()
        choose(first)
        backups.restore_button.click()  # clicked again at once
        assert len(list_kept_aside(db)) == 2
        assert sorted(p.name for p in window.ws.contacts.all()) == ["Annie Jansen"]

        filler = fill(stick)  # the stick is full now
        before = sorted(p.name for p in window.ws.contacts.all())
        backups.list.setCurrentRow(0)
        backups.restore_button.click()
        assert told and "vol" in told[-1], told[-1]
        assert sorted(p.name for p in window.ws.contacts.all()) == before  # nothing lost
        filler.unlink()
        window.ws.contacts.add("Na het opruimen")  # the app keeps working
        window.close()
        wait_for_worker(qtbot)
        window.ws.close()
        with Workspace(db) as ws:
            assert "Na het opruimen" in [p.name for p in ws.contacts.all()]
    finally:
        set_app_context(None)
        subprocess.run(["umount", "-l", str(stick)], check=False)
