"""Gegevens van het wijkplatform: contact details typed, checked, saved as one step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_for_worker
from ui.views.board_settings import BoardSettingsDialog, preview_line
from wijkapp.board_contact import BoardContact
from wijkapp.workspace import Workspace


def test_preview_reads_as_on_the_resident_summary() -> None:
    assert preview_line({}) == ("Kom gerust naar ons volgende overleg. "
                                "Daar kunt u alles vragen.")
    assert preview_line({"contact_person": " Jo  Smeets ", "contact_phone": "046 123 45 67",
                         "contact_email": "info@wijk.nl"}) == (
        "Bel Jo Smeets: 046 123 45 67. Of mail naar info@wijk.nl.")


def test_contact_details_are_saved_as_one_undo_step(
        qtbot: Any, ws: Workspace, app_ctx: Any, shoot: Any) -> None:
    name = ws.board.name
    dialog = BoardSettingsDialog(ws)
    qtbot.addWidget(dialog)
    assert dialog.fields["name"].text() == name
    dialog.fields["contact_person"].setText("Jo Smeets")
    dialog.fields["contact_email"].setText("info@wijkzuid.example.nl")
    dialog.fields["contact_phone"].setText("046 410 77 88")
    dialog.fields["contact_website"].setText("www.wijkzuid.example.nl")
    dialog.fields["contact_address"].setText("Kerkstraat 12, 6163 AB Geleen")
    assert dialog.preview.text().startswith("Bel Jo Smeets: 046 410 77 88.")
    dialog.show()
    shoot(dialog, "gui-board-settings")
    dialog.save()
    wait_for_worker(qtbot)
    QApplication.processEvents()
    assert ws.board.contact == BoardContact("Jo Smeets", "info@wijkzuid.example.nl",
                                            "046 410 77 88", "www.wijkzuid.example.nl",
                                            "Kerkstraat 12, 6163 AB Geleen")
    assert ws.board.name == name
    assert ws.undo_name == "Contactgegevens gewijzigd"
    ws.undo()
    assert ws.board.contact.empty


def test_a_wrong_address_is_said_in_dutch_and_nothing_typed_is_lost(
        qtbot: Any, ws: Workspace, app_ctx: Any) -> None:
    dialog = BoardSettingsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.fields["contact_email"].setText("info bij wijk punt nl")
    dialog.fields["contact_person"].setText("Ĳsbrand <b>de Wit</b> 🎉")
    dialog.save()
    wait_for_worker(qtbot)
    assert "geen e-mailadres" in dialog.message.text()
    assert dialog.fields["contact_email"].text() == "info bij wijk punt nl"
    assert dialog.fields["contact_person"].text() == "Ĳsbrand <b>de Wit</b> 🎉"
    assert ws.board.contact.empty
    dialog.fields["name"].setText("   ")
    dialog.fields["contact_email"].setText("")
    dialog.save()
    assert dialog.message.text() == "Let op: Vul de naam van het wijkplatform in."
    assert ws.board.name.strip()


def test_name_and_contact_change_together_in_one_step(
        qtbot: Any, ws: Workspace, app_ctx: Any) -> None:
    dialog = BoardSettingsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("Wijkplatform Nieuw")
    dialog.fields["contact_phone"].setText("06 12 34 56 78")
    dialog.save()
    wait_for_worker(qtbot)
    assert ws.board.name == "Wijkplatform Nieuw" and ws.board.contact.phone == "06 12 34 56 78"
    assert ws.undo_name == "Gegevens van het wijkplatform gewijzigd"
