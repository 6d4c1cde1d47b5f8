"""The sharing screens: Delen met het bestuur, Aansluiten, status bar, Wijzigingen van anderen."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from ui.export_buttons import grow_to_fit
from ui.sharing import ConflictsDialog, JoinDialog, SharingDialog, SyncStatusBar
from ui.style import apply_style
from ui.sync_controller import SyncController, sync_pool
from wijkapp.sync import files as sf
from wijkapp.sync.board import BoardSync
from wijkapp.sync.texts import status_line, when_text
from wijkapp.workspace import Workspace

KEY = sf.derive_key("bestuur wachtwoord", salt=b"0011223344556677", cost=sf.QUICK_COST)


def texts(widget: object) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def press(widget: object, text: str) -> None:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text]  # type: ignore[attr-defined]
    assert found, f"no button {text!r}"
    found[0].click()


def at_sizes(qapp: object, shoot: object, build: object, name: str) -> None:
    for percent in (100, 150):
        apply_style(qapp, percent)  # type: ignore[arg-type]
        widget = build()  # type: ignore[operator]
        widget.show()
        for _ in range(3):  # let the layout settle as it does when the dialog opens
            qapp.processEvents()  # type: ignore[attr-defined]
            grow_to_fit(widget)
        shoot(widget, f"{name}-{percent}")  # type: ignore[operator]
        widget.close()
    apply_style(qapp, 100)  # type: ignore[arg-type]


@pytest.fixture
def shared_pair(ws: Workspace, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "Nextcloud"
    folder.mkdir()
    anna = ws.contacts.add("Anna de Vries", phone="06-1").id
    sa = BoardSync(ws)
    sa.share(folder, "", "Laptop van Marja", key=KEY)
    other = Workspace(tmp_path / "piet.sqlite")
    sb = BoardSync(other)
    sb.join(folder, "", "Laptop van Piet", key=KEY)
    yield ws, sa, other, sb, folder, anna
    other.close()


def test_sharing_starts_from_the_dialog(qtbot, qapp, ws: Workspace, tmp_path: Path, shoot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    controller = SyncController(ws)
    at_sizes(qapp, shoot, lambda: SharingDialog(controller), "sharing-start")
    dialog = SharingDialog(controller, choose_folder=lambda: str(folder))
    qtbot.addWidget(dialog)
    press(dialog, "Kies map…")
    assert dialog.folder_edit.text() == str(folder)
    dialog.pass_edit.setText("kort")
    dialog.pass_again.setText("kort")
    press(dialog, "Delen")
    assert "minstens 8" in dialog.message.text()
    assert not controller.shared
    dialog.pass_edit.setText("ons geheime bestuur")
    dialog.pass_again.setText("ons geheime bestuur")
    dialog.name_edit.setText("Laptop van Marja")
    press(dialog, "Delen")
    assert controller.shared
    assert list((folder / ws.board_id).glob("*.wijksync"))
    assert "Laptop van Marja (deze laptop)" in texts(dialog)
    assert "nummert de besluiten" in texts(dialog)


def test_shared_screen_lists_laptops_and_mails_a_file(qtbot, qapp, shared_pair, tmp_path: Path, shoot) -> None:  # type: ignore[no-untyped-def]
    ws, sa, other, sb, folder, anna = shared_pair
    sa.sync()
    controller = SyncController(ws)
    at_sizes(qapp, shoot, lambda: SharingDialog(controller), "sharing-shared")
    target = tmp_path / "mail" / "marja"
    target.parent.mkdir()
    dialog = SharingDialog(controller, choose_save=lambda: str(target),
                           choose_open=lambda: [str(sb.own_file(folder))])
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert "Laptop van Piet" in shown and "Laptop van Marja (deze laptop)" in shown
    press(dialog, "Mijn wijzigingen opslaan om te mailen…")
    assert target.with_name("marja.wijksync").exists()
    other.contacts.update(anna, role="penningmeester")
    mailed = sb.save_for_mail(tmp_path / "mail" / "piet")  # Piet mails his changes
    dialog._choose_open = lambda: [str(mailed)]
    press(dialog, "Bestand van een bestuurslid inlezen…")
    assert ws.contacts.get(anna).role == "penningmeester"
    assert "Ingelezen." in dialog.message.text()


def test_join_dialog_builds_the_board_and_refuses_a_wrong_passphrase(qtbot, qapp, shared_pair, tmp_path: Path, shoot) -> None:  # type: ignore[no-untyped-def]
    ws, sa, other, sb, folder, anna = shared_pair
    fresh = Workspace(tmp_path / "nieuw.sqlite")
    at_sizes(qapp, shoot, lambda: JoinDialog(fresh), "join")
    dialog = JoinDialog(fresh, choose_folder=lambda: str(folder))
    qtbot.addWidget(dialog)
    press(dialog, "Map…")
    dialog.pass_edit.setText("helemaal fout wachtwoord")
    press(dialog, "Aansluiten")
    assert "ander wachtwoord" in dialog.error.text()
    assert not fresh.has_board
    fresh.close()


def test_status_bar_and_the_conflicts_panel(qtbot, qapp, shared_pair, shoot) -> None:  # type: ignore[no-untyped-def]
    ws, sa, other, sb, folder, anna = shared_pair
    ws.contacts.update(anna, phone="06-2222")
    other.contacts.update(anna, phone="06-3333")
    sa.sync()
    sb.sync()
    sa.sync()
    loser_ws, loser = (ws, sa) if sa.conflicts() else (other, sb)
    assert loser.conflicts()
    controller = SyncController(loser_ws)
    bar = SyncStatusBar(controller, lambda: None)
    qtbot.addWidget(bar)
    assert bar.text.text().startswith("Gedeeld · bijgewerkt ")
    assert "1 wijziging van anderen" in bar.text.text()
    at_sizes(qapp, shoot, lambda: ConflictsDialog(controller.sync), "conflicts")
    dialog = ConflictsDialog(controller.sync)
    qtbot.addWidget(dialog)
    assert "is vervangen door die van" in texts(dialog)
    mine = loser.conflicts()[0].mine
    press(dialog, "Mijn waarde terugzetten")
    assert loser_ws.contacts.get(anna).phone == mine
    assert "geen wijzigingen van anderen" in texts(dialog)


def test_background_sync_runs_on_its_own_worker(qtbot, shared_pair) -> None:  # type: ignore[no-untyped-def]
    ws, sa, other, sb, folder, anna = shared_pair
    other.contacts.update(anna, role="voorzitter")
    sb.sync()
    controller = SyncController(ws)
    started = time.perf_counter()
    controller.sync_soon()
    returned = time.perf_counter() - started
    assert controller.busy
    sync_pool().waitForDone(10_000)
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert ws.contacts.get(anna).role == "voorzitter"
    assert returned < 0.1  # the window does not wait for the sync


def test_offline_is_said_calmly(shared_pair) -> None:  # type: ignore[no-untyped-def]
    ws, sa, other, sb, folder, anna = shared_pair
    status = sa.status()
    now = dt.datetime.fromisoformat(status.last_sync or "")
    assert status_line(status, False, 0, now).startswith("Gedeeld · Niet bijgewerkt sinds ")
    assert when_text(status.last_sync, now) == now.strftime("%H:%M")
    assert when_text(status.last_sync, now + dt.timedelta(days=1)).startswith("gisteren")


def test_main_window_shows_the_sharing_status_and_menu(qtbot, qapp, shared_pair, bus, app_ctx, shoot) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    ws, sa, other, sb, folder, anna = shared_pair
    other.contacts.update(anna, role="penningmeester")
    sb.sync()
    changed: list[object] = []
    bus.changed.connect(lambda changes, _source: changed.append(changes))
    window = MainWindow(ws, bus)
    qtbot.addWidget(window)
    window.show()
    # The sync at start runs on the sync worker, once the window has painted.
    qtbot.waitUntil(lambda: ws.contacts.get(anna).role == "penningmeester", timeout=10_000)
    sync_pool().waitForDone(10_000)
    qtbot.waitUntil(lambda: not window.sharing.busy, timeout=5000)
    assert any("people" in c.kinds for c in changed)  # the views hear what came in
    assert window.sync_bar.text.text().startswith("Gedeeld · bijgewerkt ")
    menu_texts = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
    assert "Delen met het bestuur…" in menu_texts
    shoot(window, "main-window-shared")
    window.close()


def test_an_erasure_is_sent_out_at_once(qtbot, shared_pair, bus) -> None:  # type: ignore[no-untyped-def]
    from wijkapp import privacy

    ws, sa, other, sb, folder, anna = shared_pair
    controller = SyncController(ws, bus)
    bus.emit_changes(privacy.erase_person(ws, anna))
    sync_pool().waitForDone(10_000)
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert ws.store.scalar("SELECT in_doc FROM sync_erasures WHERE person_id = ?", [anna]) == 1
    sb.sync()
    assert other.store.row("people", anna)["name"] == "verwijderd"
