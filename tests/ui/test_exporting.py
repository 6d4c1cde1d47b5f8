"""Exports from the app: the dialog, the one-click buttons, the year report, errors."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_for_worker
from ui import export_buttons, export_files
from ui.export_buttons import ExportButtons
from ui.export_files import export_folder, reveal_command
from ui.exporting import ExportDialog, format_groups, make_year_report, open_export_dialog
from ui.operations.context import AppContext, set_app_context
from ui.style import apply_style
from ui.year_report_dialog import YearReportDialog
from wijkapp.export import FORMATS
from wijkapp.export import open_file as open_file_module
from wijkapp.workspace import Workspace

BOARD = "Wijkplatform Geleen-Zuid"


@pytest.fixture
def demo(empty_ws: Workspace, bus: Any) -> Iterator[Workspace]:
    """The demo board, with the app context installed."""
    from ui.operations.base import wait_for_workers
    from wijkapp.demo import create_demo

    create_demo(empty_ws)
    set_app_context(AppContext(empty_ws, bus))
    yield empty_ws
    wait_for_workers(10_000)
    set_app_context(None)


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Settings, "Documenten" and the print folder in tmp_path; nothing is opened for real."""
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    docs = tmp_path / "Documenten" / "Wijkapp"
    printed = tmp_path / "afdrukken"
    monkeypatch.setattr(export_files, "default_export_folder", lambda: docs)
    monkeypatch.setattr(export_files, "print_folder", lambda: printed)
    return {"docs": docs, "print": printed}


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Path]]:
    """Record what would be opened in a program, revealed in the file manager or warned."""
    seen: dict[str, list[Any]] = {"open": [], "reveal": [], "warn": []}
    monkeypatch.setattr(open_file_module, "open_with_system", lambda p: seen["open"].append(
        Path(p)))
    monkeypatch.setattr(export_files, "reveal_file", lambda p: seen["reveal"].append(Path(p)))
    monkeypatch.setattr(export_buttons, "warn", lambda _parent, text: seen["warn"].append(text))
    return seen


def dialog_for(qtbot: Any, ws: Workspace, fmt: str | None = None, **kwargs: Any) -> ExportDialog:
    dialog = open_export_dialog(None, ws, fmt=fmt, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_worker(qtbot)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


KEY_LINES = {
    "agenda": "Uitnodiging en agenda",
    "minutes": "Verslag",
    "summary": "Nieuws voor bewoners",
    "decisions": "Besluitenlijst",
    "actions": "Actiepuntenlijst",
    "presentielijst": "Presentielijst",
}


def check_file(path: Path, fmt: str) -> None:
    """Read the export back in its own format and find a key line."""
    assert path.is_file() and path.stat().st_size > 0
    if fmt in KEY_LINES:
        text = pdf_text(path)
        assert KEY_LINES[fmt] in text and BOARD in text
    elif fmt == "docx":
        assert any("Verslag" in p.text for p in Document(str(path)).paragraphs)
    elif fmt == "ics":
        assert path.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    elif fmt == "vcard":
        assert "BEGIN:VCARD" in path.read_text(encoding="utf-8")
    elif fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        assert len(rows) > 1
    elif fmt == "xlsx":
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["Vergaderingen", "Actiepunten", "Besluiten", "Verzoeken",
                                   "Contacten"]
        assert book["Actiepunten"].max_row > 1


# -- the dialog ----------------------------------------------------------------------------
def test_every_format_has_a_place_in_the_dialog() -> None:
    groups = format_groups({**FORMATS, "nieuw": "Iets nieuws"})
    placed = [key for _title, keys in groups for key in keys]
    assert sorted(placed) == sorted([*FORMATS, "nieuw"])
    assert groups[-1][1][-1] == "nieuw"


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_pdf_maken_writes_each_format_on_the_demo_board(
    qtbot: Any, demo: Workspace, folders: dict[str, Path], opened: Any, fmt: str
) -> None:
    dialog = dialog_for(qtbot, demo, fmt)
    assert dialog.format() == fmt
    save = dialog.buttons.buttons["save"]
    assert save.text() == ("PDF maken" if fmt in KEY_LINES else "Bestand maken")
    click(qtbot, save)
    path = dialog.buttons.result.path
    assert path is not None and path.parent == folders["docs"]
    check_file(path, fmt)
    assert dialog.buttons.result.text.text().startswith("Gemaakt: " + path.name)
    assert dialog.buttons.result.open_button.isVisible()
    assert opened["warn"] == []


@pytest.mark.parametrize("kind", ["meetings", "actions", "requests", "contacts"])
def test_each_excel_list_is_written(
    qtbot: Any, demo: Workspace, folders: dict[str, Path], opened: Any, kind: str
) -> None:
    dialog = dialog_for(qtbot, demo, "csv")
    assert dialog.csv_combo.isVisible() and dialog.year_combo.isVisible()
    dialog.set_csv_kind(kind)
    dialog.set_year(None)
    click(qtbot, dialog.buttons.buttons["save"])
    path = dialog.buttons.result.path
    assert path is not None
    check_file(path, "csv")


def test_the_excel_choice_makes_one_workbook_for_a_year(
    qtbot: Any, demo: Workspace, folders: dict[str, Path], opened: Any
) -> None:
    dialog = dialog_for(qtbot, demo, "xlsx")
    assert dialog.year_combo.isVisible() and not dialog.csv_combo.isVisible()
    assert "Excel" in dialog.radios["xlsx"].text()
    dialog.set_year(None)
    click(qtbot, dialog.buttons.buttons["save"])
    path = dialog.buttons.result.path
    assert path is not None and path.suffix == ".xlsx"
    check_file(path, "xlsx")


def test_agenda_defaults_to_the_next_meeting_and_the_verslag_to_the_latest(
    qtbot: Any, demo: Workspace, opened: Any
) -> None:
    dialog = dialog_for(qtbot, demo, "agenda")
    assert dialog.request().meeting_id == demo.meetings.upcoming()[0].id
    dialog.set_format("minutes")
    latest = demo.meetings.latest()
    assert latest is not None and dialog.request().meeting_id == latest.id
    dialog.set_format("actions")
    assert dialog.request().meeting_id is None and dialog.year_combo.isVisible()
    assert not dialog.meeting_combo.isVisible()


def test_ics_can_hold_all_upcoming_meetings(qtbot: Any, demo: Workspace, opened: Any) -> None:
    dialog = dialog_for(qtbot, demo, "ics")
    dialog.set_meeting(None)
    assert dialog.request().meeting_id is None
    click(qtbot, dialog.buttons.buttons["save"])
    path = dialog.buttons.result.path
    assert path is not None
    assert path.read_text(encoding="utf-8").count("BEGIN:VEVENT") == len(demo.meetings.upcoming())


def test_afdrukken_opens_a_temp_copy_in_the_system_viewer(
    qtbot: Any, demo: Workspace, folders: dict[str, Path], opened: Any
) -> None:
    dialog = dialog_for(qtbot, demo, "agenda")
    click(qtbot, dialog.buttons.buttons["print"])
    assert len(opened["open"]) == 1
    path = opened["open"][0]
    assert path.parent == folders["print"] and path.is_file()
    assert not folders["docs"].exists()  # printing leaves the documents folder alone
    assert "Afdrukken" in dialog.buttons.result.text.text()


def test_afdrukken_is_only_offered_for_what_can_be_printed(
    qtbot: Any, demo: Workspace, opened: Any
) -> None:
    dialog = dialog_for(qtbot, demo, "vcard")
    dialog.show()
    assert not dialog.buttons.buttons["print"].isVisible()
    dialog.set_format("docx")
    assert dialog.buttons.buttons["print"].isVisible()


def test_mailen_saves_and_shows_the_file_in_its_folder(
    qtbot: Any, demo: Workspace, folders: dict[str, Path], opened: Any
) -> None:
    dialog = dialog_for(qtbot, demo, "actions")
    click(qtbot, dialog.buttons.buttons["mail"])
    assert len(opened["reveal"]) == 1
    path = opened["reveal"][0]
    assert path.parent == folders["docs"]
    check_file(path, "actions")
    assert "Sleep het bestand in uw e-mail" in dialog.buttons.mail_hint.text()
    assert dialog.buttons.mail_hint.isVisible()


def test_a_chosen_folder_is_used_and_remembered(
    qtbot: Any, demo: Workspace, tmp_path: Path, opened: Any
) -> None:
    dialog = dialog_for(qtbot, demo, "decisions")
    chosen = tmp_path / "Wijkplatform stukken"
    dialog.folder.set_folder(chosen)
    click(qtbot, dialog.buttons.buttons["save"])
    path = dialog.buttons.result.path
    assert path is not None and path.parent == chosen
    assert export_folder() == chosen
    assert ExportDialog(demo).folder.folder == chosen


def test_an_unusable_folder_gives_a_dutch_message_and_keeps_the_choices(
    qtbot: Any, demo: Workspace, tmp_path: Path, opened: Any
) -> None:
    blocker = tmp_path / "geen-map.txt"
    blocker.write_text("dit is een bestand", encoding="utf-8")
    dialog = dialog_for(qtbot, demo, "minutes")
    meeting = dialog.request().meeting_id
    dialog.folder.set_folder(blocker / "Wijkapp")
    click(qtbot, dialog.buttons.buttons["save"])
    assert len(opened["warn"]) == 1
    assert "kan niet worden gemaakt" in opened["warn"][0]
    assert "Kies een andere map" in opened["warn"][0]
    assert dialog.buttons.result.text.text().startswith("Niet gelukt:")
    assert dialog.request().meeting_id == meeting and dialog.format() == "minutes"
    assert dialog.buttons.buttons["save"].isEnabled()
    assert blocker.read_text(encoding="utf-8") == "dit is een bestand"


def test_a_file_open_elsewhere_is_not_damaged(
    qtbot: Any, demo: Workspace, folders: dict[str, Path], opened: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failing write leaves the earlier file as it was (atomic replace)."""
    import os

    dialog = dialog_for(qtbot, demo, "actions")
    click(qtbot, dialog.buttons.buttons["save"])
    path = dialog.buttons.result.path
    assert path is not None
    before = path.read_bytes()

    def locked(_src: Any, _dst: Any) -> None:
        raise PermissionError("in gebruik")

    monkeypatch.setattr(os, "replace", locked)
    click(qtbot, dialog.buttons.buttons["save"])
    monkeypatch.undo()
    assert opened["warn"] and "nog open in een ander programma" in opened["warn"][0]
    assert path.read_bytes() == before


def test_the_dialog_follows_the_meeting_shown_in_the_window(
    qtbot: Any, demo: Workspace, bus: Any, opened: Any
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(demo, bus)
    qtbot.addWidget(window)
    view = window.show_view("meetings")
    held = demo.meetings.past()[2]
    view.open_meeting(held.id)  # type: ignore[attr-defined]
    window.show_export()
    dialog = window._export_dialog  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.format() == "agenda" and dialog.request().meeting_id == held.id
    window.show_export("minutes")
    assert window._export_dialog is dialog  # type: ignore[attr-defined]
    assert dialog.format() == "minutes" and dialog.request().meeting_id == held.id


def test_reveal_commands_per_system(tmp_path: Path) -> None:
    path = tmp_path / "Agenda 2026.pdf"
    assert reveal_command(path, "win32") == f'explorer /select,"{path}"'
    assert reveal_command(path, "darwin") == ["open", "-R", str(path)]
    assert reveal_command(path, "linux") == ["xdg-open", str(tmp_path)]


# -- year report -------------------------------------------------------------------------
def test_year_report_reports_progress_up_to_100_and_offers_openen(
    qtbot: Any, demo: Workspace, tmp_path: Path, opened: Any
) -> None:
    year = demo.meetings.past()[0].start.year
    run = make_year_report(None, demo, year=year, folder=tmp_path / "verslagen")
    assert run is not None
    qtbot.waitUntil(lambda: run.path is not None or run.error is not None, timeout=20_000)
    assert run.error is None and run.path is not None
    assert run.percent == 100 and run.shown[-1] == 100
    assert len(run.shown) > 2 and run.shown == sorted(run.shown)  # steps, in order
    assert f"Jaarverslag {year}" in pdf_text(run.path)
    assert run.result_box is not None and run.path.name in run.result_box.text()
    run.open_result()
    run.show_folder()
    assert opened["open"] == [run.path] and opened["reveal"] == [run.path]
    run.result_box.close()


def test_year_report_asks_this_year_first(qtbot: Any, demo: Workspace) -> None:
    dialog = YearReportDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.year() == dt.date.today().year
    assert dialog.make_button.text() == "Jaarverslag maken"


def test_year_report_cancelled_makes_nothing(
    demo: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import year_report_dialog

    monkeypatch.setattr(year_report_dialog, "ask_year", lambda _p, _ws: None)
    assert make_year_report(None, demo) is None


def test_year_report_in_an_unusable_folder_says_so(
    qtbot: Any, demo: Workspace, tmp_path: Path, opened: Any
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    run = make_year_report(None, demo, year=2026, folder=blocker / "sub")
    assert run is not None
    qtbot.waitUntil(lambda: run.error is not None, timeout=20_000)
    assert "kan niet worden gemaakt" in opened["warn"][0]


# -- buttons in the views -----------------------------------------------------------------
def test_meeting_editor_sends_the_agenda_and_the_calendar_file(
    qtbot: Any, demo: Workspace, bus: Any, folders: dict[str, Path], opened: Any
) -> None:
    from ui.views.meeting_editor import MeetingEditor

    editor = MeetingEditor(demo, bus)
    qtbot.addWidget(editor)
    meeting = demo.meetings.upcoming()[0]
    editor.load(meeting.id)
    editor.show()
    box = editor.send_box
    editor.send_button.click()
    assert box.agenda.buttons["save"].hasFocus() or not editor.isActiveWindow()
    assert box.isVisible() and box.agenda.buttons["save"].accessibleName() == (
        "PDF maken: uitnodiging met agenda")
    click(qtbot, box.agenda.buttons["save"])
    path = box.agenda.result.path
    assert path is not None and meeting.start.date().isoformat() in path.name
    check_file(path, "agenda")
    click(qtbot, box.calendar.buttons["mail"])
    assert opened["reveal"] and opened["reveal"][0].suffix == ".ics"
    check_file(opened["reveal"][0], "ics")


def test_minutes_mode_exports_and_offers_the_verslag_after_closing(
    qtbot: Any, demo: Workspace, bus: Any, folders: dict[str, Path], opened: Any
) -> None:
    from ui.views.minutes import MinutesView

    view = MinutesView(demo, bus)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    meeting = demo.meetings.upcoming()[0]
    view.load(meeting.id)
    view.export_button.click()
    dialog = view.window()._export_dialog  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.format() == "minutes" and dialog.request().meeting_id == meeting.id
    dialog.close()

    view.ask_to_close = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(view.meeting_closed, timeout=5000):
        view.close_button.click()
        wait_for_worker(qtbot)
    after = view.after_close
    assert after is not None and after.isVisible()
    qtbot.addWidget(after)
    click(qtbot, after.minutes.buttons["save"])
    minutes = after.minutes.result.path
    assert minutes is not None and minutes.name.startswith("Verslag")
    check_file(minutes, "minutes")
    click(qtbot, after.action_list.buttons["mail"])
    assert opened["reveal"] and opened["reveal"][0].name.startswith("Actiepuntenlijst")
    click(qtbot, after.word.buttons["save"])
    word = after.word.result.path
    assert word is not None and word.suffix == ".docx"
    after.done_button.click()
    assert not after.isVisible()


def test_actions_view_makes_the_action_list(
    qtbot: Any, demo: Workspace, bus: Any, folders: dict[str, Path], opened: Any
) -> None:
    from ui.views.actions import ActionsView

    view = ActionsView(demo, bus)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, view.export_button)
    dialog = view.window()._export_dialog  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.format() == "actions"
    click(qtbot, dialog.buttons.buttons["save"])
    path = dialog.buttons.result.path
    assert path is not None and path.name.startswith("Actiepuntenlijst")
    check_file(path, "actions")


def test_the_buttons_are_busy_while_the_file_is_made(
    qtbot: Any, demo: Workspace, opened: Any
) -> None:
    buttons = ExportButtons(demo, "decisions")
    qtbot.addWidget(buttons)
    buttons.show()
    buttons.buttons["save"].setFocus()
    buttons.run("save")
    buttons.run("mail")  # ignored while busy
    assert buttons.busy and buttons.result.busy.isVisible()
    assert buttons.buttons["save"].isEnabled()  # the focus stays where it was
    wait_for_worker(qtbot)
    assert not buttons.busy and opened["reveal"] == []
    assert not buttons.result.busy.isVisible()


# -- looking -----------------------------------------------------------------------------
@pytest.mark.parametrize("percent", [100, 150])
def test_screenshots_of_the_export_screens(
    qtbot: Any, demo: Workspace, bus: Any, shoot: Any, opened: Any, percent: int
) -> None:
    """Saves screenshots-run/gui-export*-<percent>.png for looking at (not committed)."""
    from ui.views.actions import ActionsView
    from ui.views.meeting_editor import MeetingEditor
    from ui.views.meeting_send import AfterCloseDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    try:
        dialog = dialog_for(qtbot, demo, "agenda")
        dialog.adjustSize()
        qtbot.wait(50)
        shoot(dialog, f"gui-export-{percent}")
        click(qtbot, dialog.buttons.buttons["mail"])
        shoot(dialog, f"gui-export-mailed-{percent}")
        dialog.set_format("csv")
        qtbot.wait(20)
        shoot(dialog, f"gui-export-csv-{percent}")
        dialog.close()

        editor = MeetingEditor(demo, bus)
        qtbot.addWidget(editor)
        editor.resize(1166, 768)
        editor.load(demo.meetings.upcoming()[0].id)
        editor.show()
        qtbot.wait(20)
        shoot(editor, f"gui-export-meeting-editor-top-{percent}")
        editor.send_button.click()
        click(qtbot, editor.send_box.agenda.buttons["save"])
        shoot(editor.send_box, f"gui-export-meeting-editor-{percent}")
        shoot(editor, f"gui-export-meeting-editor-full-{percent}")

        after = AfterCloseDialog(demo, demo.meetings.past()[0].id)
        qtbot.addWidget(after)
        after.show()
        after.adjustSize()
        qtbot.wait(20)
        shoot(after, f"gui-export-after-close-{percent}")

        actions = ActionsView(demo, bus)
        qtbot.addWidget(actions)
        actions.resize(1166, 768)
        actions.show()
        qtbot.wait(20)
        shoot(actions, f"gui-export-actions-{percent}")

        year = YearReportDialog(demo)
        qtbot.addWidget(year)
        year.show()
        qtbot.wait(20)
        shoot(year, f"gui-export-year-report-{percent}")
    finally:
        apply_style(app, 100)
