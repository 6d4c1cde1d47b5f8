"""Safety in the GUI: automatic backups, the Reservekopieën dialog, Over, restore, AVG."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import wait_for_start, wait_for_worker
from ui import safety
from ui.main_window import MainWindow
from ui.safety import BackupScheduler, offer_restore, restore_offer_box
from ui.style import apply_style
from ui.views.about import AboutDialog
from ui.views.backups import BackupsDialog, backup_age_text, size_text
from ui.views.person_data import PersonDataDialog, export_file_name
from wijkapp import __version__
from wijkapp.backups import backup_dir, list_backups, make_backup, newest_good_backup
from wijkapp.errors import DamagedDatabaseError
from wijkapp.workspace import Workspace

NOON = dt.datetime(2026, 11, 28, 14, 5)


class Clock:
    """A clock that moves on a minute per reading, so backups get distinct names."""

    def __init__(self, start: dt.datetime = NOON) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(minutes=1)
        return self.moment


class StatusWindow(QWidget):
    """Stands in for the main window's status bar."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def show_status(self, text: str) -> None:
        self.messages.append(text)


@pytest.fixture(autouse=True)
def normal_text_size(qapp: QApplication) -> Iterator[None]:
    yield
    apply_style(qapp, 100)


@pytest.fixture
def window(qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, monkeypatch: Any,
           tmp_path: Path) -> MainWindow:
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    app_ctx.show_status = win.show_status
    win.show()
    wait_for_start(qtbot, win)  # the start-up backup runs after the first paint
    return win


def people(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM people"))
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def at_sizes(qapp: QApplication, build: Any, shoot: Any, name: str) -> None:
    """Screenshot a freshly built widget at 100 % and 150 % text size."""
    for percent in (100, 150):
        apply_style(qapp, percent)
        widget = build()
        widget.show()
        QApplication.processEvents()
        shoot(widget, f"{name}-{percent}")
        widget.close()
    apply_style(qapp, 100)


# -- wording ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("taken", "words"), [
    (NOON.replace(hour=9, minute=30), "vandaag om 09:30"),
    (NOON - dt.timedelta(days=1), "gisteren om 14:05"),
    (NOON - dt.timedelta(days=3), "3 dagen geleden"),
    (NOON - dt.timedelta(days=20), "2 weken geleden"),
    (NOON - dt.timedelta(days=200), "6 maanden geleden"),
])
def test_backup_age_in_words(taken: dt.datetime, words: str) -> None:
    assert backup_age_text(taken, NOON) == words


@pytest.mark.parametrize(("size", "words"), [
    (300, "1 kB"), (340 * 1024, "340 kB"), (int(1.25 * 1024 * 1024), "1,2 MB"),
])
def test_size_in_words(size: int, words: str) -> None:
    assert size_text(size) == words


def test_export_file_name_is_safe() -> None:
    assert export_file_name("Jan de Vries / Buurt") == "persoonsgegevens-Jan-de-Vries-Buurt.json"


# -- the scheduler ----------------------------------------------------------------------------
def test_scheduler_backs_up_at_start_when_changed(qtbot: Any, ws: Workspace, app_ctx: Any) -> None:
    scheduler = BackupScheduler(ws, clock=Clock())
    scheduler.start()
    wait_for_worker(qtbot)
    scheduler.timer.stop()
    assert [b.path for b in list_backups(ws.path)] == scheduler.made
    assert len(scheduler.made) == 1


def test_scheduler_skips_the_start_backup_when_nothing_changed(
    qtbot: Any, ws: Workspace, app_ctx: Any
) -> None:
    make_backup(ws, NOON)
    scheduler = BackupScheduler(ws, clock=Clock())
    scheduler.start()
    wait_for_worker(qtbot)
    scheduler.timer.stop()
    assert scheduler.made == []
    assert len(list_backups(ws.path)) == 1


def test_scheduler_backs_up_on_the_timer_after_a_change(
    qtbot: Any, ws: Workspace, app_ctx: Any
) -> None:
    scheduler = BackupScheduler(ws, interval_ms=40, clock=Clock())
    scheduler.start()
    wait_for_worker(qtbot)
    qtbot.wait(150)  # several ticks, nothing changed
    wait_for_worker(qtbot)
    assert len(scheduler.made) == 1
    time.sleep(0.02)
    ws.contacts.add("Nieuw Lid")
    qtbot.waitUntil(lambda: len(scheduler.made) == 2, timeout=3000)
    scheduler.timer.stop()
    wait_for_worker(qtbot)
    assert "Nieuw Lid" in people(list_backups(ws.path)[0].path)


def test_scheduler_backs_up_on_close(qtbot: Any, ws: Workspace, app_ctx: Any) -> None:
    scheduler = BackupScheduler(ws, clock=Clock())
    scheduler.start()
    wait_for_worker(qtbot)
    time.sleep(0.02)
    ws.contacts.add("Laatste Wijziging")
    path = scheduler.on_close()
    assert path is not None and path == list_backups(ws.path)[0].path
    assert "Laatste Wijziging" in people(path)
    assert not scheduler.timer.isActive()


def test_a_failed_backup_is_a_calm_status_message(
    qtbot: Any, ws: Workspace, app_ctx: Any
) -> None:
    backup_dir(ws.path).write_text("in de weg")  # a file where the folder should be
    window = StatusWindow()
    qtbot.addWidget(window)
    scheduler = BackupScheduler(ws, window, clock=Clock())
    scheduler.start()
    wait_for_worker(qtbot)
    scheduler.timer.stop()
    assert len(window.messages) == 1
    assert window.messages[0].startswith("De automatische reservekopie is niet gelukt.")
    assert "Uw werk zelf is wel bewaard" in window.messages[0]
    assert scheduler.on_close() is None  # and the close goes on


def test_main_window_backs_up_at_start_and_on_close(window: MainWindow, qtbot: Any) -> None:
    assert window.backups is not None and len(window.backups.made) == 1
    time.sleep(0.02)
    window.ws.contacts.add("Voor Het Sluiten")
    window.close()
    assert "Voor Het Sluiten" in people(list_backups(window.ws.path)[0].path)


# -- Over Wijkapp -----------------------------------------------------------------------------
def test_about_shows_version_path_health_and_backup_age(
    qtbot: Any, ws: Workspace, app_ctx: Any, qapp: QApplication, shoot: Any
) -> None:
    make_backup(ws, NOON - dt.timedelta(days=3))
    opened: list[Path] = []

    def build() -> AboutDialog:
        dialog = AboutDialog(None, ws, open_folder=opened.append, now=lambda: NOON)
        qtbot.addWidget(dialog)
        wait_for_worker(qtbot)
        return dialog

    dialog = build()
    text = dialog.text()
    assert f"Wijkapp {__version__}" in text
    assert str(ws.path) in text
    assert "3 dagen geleden" in text and "Er is 1 reservekopie." in text
    assert "In orde" in text
    assert "schema-versie" in text and "SQLite" in text
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.open_button.click()
    assert opened == [ws.path.parent]
    at_sizes(qapp, build, shoot, "gui-about")


def test_about_warns_for_a_synced_folder(qtbot: Any, tmp_path: Path, bus: Any) -> None:
    from ui.operations.context import AppContext, set_app_context

    with Workspace(tmp_path / "Dropbox" / "bestuur.sqlite") as synced:
        set_app_context(AppContext(synced, bus))
        try:
            dialog = AboutDialog(None, synced, now=lambda: NOON)
            qtbot.addWidget(dialog)
            wait_for_worker(qtbot)
            assert dialog.warning.isVisibleTo(dialog)
            assert "gesynchroniseerd" in dialog.warning.text()
            assert "Er is nog geen reservekopie" in dialog.text()
        finally:
            set_app_context(None)


# -- a damaged file at start ------------------------------------------------------------------
def damaged_with_backup(path: Path) -> tuple[Path, str]:
    """A filled database with one good backup, changed afterwards, then damaged on disk."""
    with Workspace(path) as ws:
        ws.boards.create("Wijkplatform Kapot")
        for n in range(300):
            ws.contacts.add(f"Persoon {n:03}", notes="x" * 500)
        good = make_backup(ws, NOON - dt.timedelta(days=2))
        ws.contacts.add("Na de reservekopie")
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, 4096 * 12):
        data[offset] = 0xAB
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError):
        Workspace(path)
    return good, digest(path)


def test_offer_restore_puts_the_newest_good_backup_back_and_keeps_the_damaged_file(
    qtbot: Any, tmp_path: Path, qapp: QApplication, shoot: Any
) -> None:
    path = tmp_path / "bestuur.sqlite"
    good, damaged = damaged_with_backup(path)
    asked: list[Path] = []
    told: list[str] = []
    restored = offer_restore(
        None, path, DamagedDatabaseError("x"),
        ask=lambda _p, _path, backup: asked.append(backup.path) or True,
        tell=lambda _p, _title, text: told.append(text),
    )
    assert restored and asked == [good]
    aside = [p for p in tmp_path.iterdir() if ".voor-terugzetten-" in p.name
             and p.suffix == ".sqlite"]
    assert len(aside) == 1 and digest(aside[0]) == damaged  # byte for byte
    assert str(aside[0]) in told[0]
    with Workspace(path) as ws:
        assert len(ws.contacts.all()) == 300
        assert ws.check()["healthy"]
    backup = newest_good_backup(path)
    assert backup is not None
    at_sizes(qapp, lambda: restore_offer_box(None, path, backup, NOON), shoot, "gui-damaged")


def test_declining_the_offer_changes_nothing(tmp_path: Path, qapp: QApplication) -> None:
    path = tmp_path / "bestuur.sqlite"
    _good, damaged = damaged_with_backup(path)
    before = sorted(p.name for p in tmp_path.rglob("*.sqlite"))
    assert not offer_restore(None, path, DamagedDatabaseError("x"), ask=lambda *_a: False)
    assert digest(path) == damaged
    assert sorted(p.name for p in tmp_path.rglob("*.sqlite")) == before
    assert not any("voor-terugzetten" in p.name for p in tmp_path.iterdir())


def test_no_good_backup_means_no_question(tmp_path: Path, qapp: QApplication) -> None:
    path = tmp_path / "bestuur.sqlite"
    damaged_with_backup(path)
    for backup in list_backups(path):
        backup.path.write_bytes(b"kapot")
    asked: list[object] = []
    assert not offer_restore(None, path, DamagedDatabaseError("x"), ask=lambda *a: asked.append(a))
    assert asked == []


def test_app_start_offers_the_backup_and_opens_the_restored_file(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ui import app as app_module

    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "bestuur.sqlite"
    damaged_with_backup(path)
    monkeypatch.setattr(safety, "_ask_restore", lambda *_a: True)
    monkeypatch.setattr(safety, "show_info", lambda *_a: None)
    window = app_module.start(path, show_error=lambda *a: pytest.fail(f"error shown: {a}"))
    assert isinstance(window, MainWindow)
    try:
        assert len(window.ws.contacts.all()) == 300
    finally:
        window.close()
        app_module.wait_for_workers(5000)
        app_module.set_app_context(None)
        window.ws.close()


# -- the Reservekopieën dialog ----------------------------------------------------------------
def test_backups_dialog_lists_makes_and_restores(
    window: MainWindow, qtbot: Any, qapp: QApplication, shoot: Any
) -> None:
    ws = window.ws
    for path in list_backups(ws.path):
        path.path.unlink()
    ws.contacts.add("Anna Eerst")
    make_backup(ws, NOON - dt.timedelta(days=3))
    ws.contacts.add("Bert Later")
    make_backup(ws, NOON.replace(hour=9))
    confirms: list[str] = []
    told: list[str] = []

    def build() -> BackupsDialog:
        dialog = BackupsDialog(window, window.ws, now=lambda: NOON, tell=lambda *a: told.append(
            a[2]), confirm=lambda _p, _t, text, _y: confirms.append(text) or True)
        qtbot.addWidget(dialog)
        return dialog

    dialog = build()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows[0].startswith("vandaag om 09:05") and rows[0].endswith("kB")
    assert rows[1].startswith("3 dagen geleden\nwoensdag 25 november 2026, 14:05")
    at_sizes(qapp, build, shoot, "gui-backups")

    dialog.make_button.click()
    wait_for_worker(qtbot)
    assert dialog.list.count() == 3
    assert "gemaakt en gecontroleerd" in dialog.status.text()

    time.sleep(0.02)
    ws.contacts.add("Carla Nog Niet Bewaard")
    window.show_view("contacts")
    old_view = window.views["contacts"]
    dialog.list.setCurrentRow(2)  # the one of three days ago: only Anna
    dialog.restore_button.click()
    assert "3 dagen geleden" in confirms[0] and "eerst" in confirms[0]
    assert window.ws is not ws and dialog.ws is window.ws
    assert sorted(p.name for p in window.ws.contacts.all()) == ["Anna Eerst"]
    assert window.views["contacts"] is not old_view
    assert "teruggezet" in told[0]
    newest = list_backups(window.ws.path)[0].path  # the state just before the restore
    assert "Carla Nog Niet Bewaard" in people(newest)
    assert any(".voor-terugzetten-" in p.name for p in window.ws.path.parent.iterdir())
    assert not any("terug-te-zetten" in p.name for p in backup_dir(ws.path).iterdir())
    window.ws.contacts.add("Daarna Gewoon Verder")  # the reopened file takes writes
    window.close()
    window.ws.close()


def test_a_damaged_backup_is_refused_and_the_app_keeps_working(
    window: MainWindow, qtbot: Any
) -> None:
    window.ws.contacts.add("Blijft Bestaan")
    broken = make_backup(window.ws, NOON - dt.timedelta(days=1))
    broken.write_bytes(broken.read_bytes()[:5000])
    told: list[str] = []
    dialog = BackupsDialog(window, window.ws, now=lambda: NOON, confirm=lambda *_a: True,
                           tell=lambda _p, title, text: told.append(f"{title}: {text}"))
    qtbot.addWidget(dialog)
    row = next(i for i, b in enumerate(dialog.backups()) if b.path == broken)
    dialog.list.setCurrentRow(row)
    dialog.restore_button.click()
    assert told and told[0].startswith("Terugzetten niet gelukt")
    assert dialog.ws is window.ws
    assert "Blijft Bestaan" in [p.name for p in window.ws.contacts.all()]
    window.ws.contacts.add("Gewoon Verder")  # reopened and writable
    window.close()
    window.ws.close()


def test_declining_the_restore_changes_nothing(window: MainWindow, qtbot: Any) -> None:
    ws = window.ws
    dialog = BackupsDialog(window, ws, confirm=lambda *_a: False)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    dialog.restore_button.click()
    assert window.ws is ws
    ws.contacts.add("Nog Steeds Open")


# -- Persoonsgegevens -------------------------------------------------------------------------
def test_person_data_is_saved_as_json_and_erased_through_the_dialog(
    qtbot: Any, ws: Workspace, app_ctx: Any, tmp_path: Path, shoot: Any
) -> None:
    ws.contacts.add("Jan de Vries", phone="06-12345678", email="jan@example.nl")
    person = ws.contacts.find("Jan de Vries")[0]
    ws.actions.add(None, "Bankje repareren", owner_id=person.id)
    confirms: list[str] = []
    target = tmp_path / "jan"
    dialog = PersonDataDialog(
        None, ws, person.id, choose_file=lambda _p, suggested: target,
        confirm=lambda _p, _t, text, _y: confirms.append(text) or True,
    )
    qtbot.addWidget(dialog)
    assert "1 actiepunt" in dialog.summary.text()
    dialog.show()
    shoot(dialog, "gui-person-data")
    dialog.save_button.click()
    wait_for_worker(qtbot)
    saved = json.loads((tmp_path / "jan.json").read_text(encoding="utf-8"))
    assert saved["person"]["email"] == "jan@example.nl"
    assert saved["actions"][0]["what"] == "Bankje repareren"
    dialog.erase_button.click()
    wait_for_worker(qtbot)
    assert "reservekopieën" in confirms[0] and "jaar" in confirms[0]
    erased = ws.contacts.get(person.id)
    assert (erased.name, erased.phone, erased.email) == ("verwijderd", "", "")
    assert "gewist" in dialog.status.text()
    assert not dialog.erase_button.isEnabled()
    assert app_ctx.show_status is not None


def test_restoring_twice_in_a_row_keeps_both_earlier_files_and_lists_them(
    window: MainWindow, qtbot: Any
) -> None:
    from wijkapp.backups import list_kept_aside

    ws = window.ws
    ws.contacts.add("Anna Eerst")
    first = make_backup(ws, NOON - dt.timedelta(days=2))
    ws.contacts.add("Bert Later")
    told: list[str] = []

    def build() -> BackupsDialog:
        dialog = BackupsDialog(window, window.ws, now=lambda: NOON, tell=lambda *a: told.append(
            a[2]), confirm=lambda *_a: True)
        qtbot.addWidget(dialog)
        return dialog

    dialog = build()
    chosen = next(i for i in range(dialog.list.count())
                  if dialog.backups()[i].path == first)
    dialog.list.setCurrentRow(chosen)
    dialog.restore_button.click()
    dialog.list.setCurrentRow(next(i for i in range(dialog.list.count())
                                   if dialog.backups()[i].path == first))
    dialog.restore_button.click()  # the same second: the second restore at once
    kept = list_kept_aside(window.ws.path)
    assert len(kept) == 2 and kept[0].path != kept[1].path
    assert "Bert Later" in people(kept[-1].path)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert sum("bewaard voor het terugzetten" in r for r in rows) == 2
    aside_row = next(i for i, r in enumerate(rows) if "bewaard voor het terugzetten" in r
                     and dialog.backups()[i].path == kept[-1].path)
    dialog.list.setCurrentRow(aside_row)  # and back to how it was before the first restore
    dialog.restore_button.click()
    assert sorted(p.name for p in window.ws.contacts.all()) == ["Anna Eerst", "Bert Later"]
    window.close()
    window.ws.close()


def test_restoring_an_older_backup_never_brings_an_erased_person_back(
    window: MainWindow, qtbot: Any
) -> None:
    from wijkapp.privacy import erase_person

    ws = window.ws
    person = ws.contacts.add("Gerda Wissel", email="gerda@voorbeeld.nl").id or ""
    before = make_backup(ws, NOON - dt.timedelta(days=1))
    erase_person(ws, person)
    told: list[str] = []
    dialog = BackupsDialog(window, window.ws, now=lambda: NOON,
                           tell=lambda *a: told.append(a[2]), confirm=lambda *_a: True)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(next(i for i, b in enumerate(dialog.backups()) if b.path == before))
    dialog.restore_button.click()
    names = [p.name for p in window.ws.contacts.all()]
    assert "Gerda Wissel" not in names
    assert not any(p.email == "gerda@voorbeeld.nl" for p in window.ws.contacts.all())
    assert "gewist" in told[-1]
    window.close()
    window.ws.close()
