"""The board's contact details: stored by a migration, validated in Dutch, undoable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijkapp.board_contact import BoardContact, contact_sentences
from wijkapp.errors import ValidationError
from wijkapp.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_file_of_schema_one_gets_empty_contact_details(tmp_path: Path) -> None:
    copy = tmp_path / "oud.sqlite"
    shutil.copy(FIXTURES / "schema-1.sqlite", copy)
    with Workspace(copy) as ws:
        assert ws.board.contact == BoardContact()
        assert ws.board.contact.empty
        ws.boards.set_contact(ws.board_id, contact_email="info@oud.example.nl")
        assert ws.board.contact.email == "info@oud.example.nl"


def test_contact_details_are_one_undo_step_and_trimmed(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.boards.create("Wijkplatform Noord", "Noord")
        changes = ws.boards.set_contact(
            ws.board_id, contact_person="  Jo   Smeets ", contact_phone="046 410 77 88",
            contact_website="https://www.noord.example.nl/contact", contact_address="Markt 1")
        assert changes.step == "Contactgegevens gewijzigd" and changes.touches("boards")
        assert ws.board.contact == BoardContact("Jo Smeets", "", "046 410 77 88",
                                                "https://www.noord.example.nl/contact", "Markt 1")
        assert not ws.boards.set_contact(ws.board_id, contact_person="Jo Smeets").kinds
        ws.undo()
        assert ws.board.contact.empty


@pytest.mark.parametrize(("field", "value", "message"), [
    ("contact_email", "info at wijk.nl", "geen e-mailadres"),
    ("contact_phone", "bel maar", "geen telefoonnummer"),
    ("contact_phone", "12", "geen telefoonnummer"),
    ("contact_website", "mijn site", "geen website"),
    ("contact_person", "x" * 301, "te lang"),
    ("contact_fax", "046", "Onbekend veld"),
])
def test_bad_contact_details_get_a_dutch_message_and_change_nothing(
        tmp_path: Path, field: str, value: str, message: str) -> None:
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.boards.create("Wijkplatform Noord", "Noord")
        ws.boards.set_contact(ws.board_id, contact_email="a@b.nl")
        with pytest.raises(ValidationError, match=message):
            ws.boards.set_contact(ws.board_id, **{field: value})
        assert ws.board.contact == BoardContact(email="a@b.nl")


def test_markup_emoji_and_ij_are_kept_as_typed(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.boards.create("Wijkplatform Noord", "Noord")
        ws.boards.set_contact(ws.board_id, contact_person="<b>Ĳsbrand</b> & co 🎉",
                              contact_address="IJsselstraat 3\n6161 AB Geleen")
        assert ws.board.contact.person == "<b>Ĳsbrand</b> & co 🎉"
        assert ws.board.contact.address == "IJsselstraat 3 6161 AB Geleen"


@pytest.mark.parametrize(("contact", "expected"), [
    (BoardContact(), ("Kom gerust naar ons volgende overleg. Daar kunt u alles vragen.",)),
    (BoardContact(person="Jo Smeets", phone="046 410 77 88"),
     ("Bel Jo Smeets: 046 410 77 88.", "Jo helpt u graag.")),
    (BoardContact(email="info@wijk.nl", website="www.wijk.nl"),
     ("Mail naar info@wijk.nl.", "Kijk ook op www.wijk.nl.")),
    (BoardContact("Jo Smeets", "info@wijk.nl", "046 410 77 88", "www.wijk.nl", "Markt 1"),
     ("Bel Jo Smeets: 046 410 77 88.", "Of mail naar info@wijk.nl.", "Kijk ook op www.wijk.nl.",
      "Ons adres is Markt 1.")),
])
def test_contact_sentences_tell_residents_how_to_reach_the_board(
        contact: BoardContact, expected: tuple[str, ...]) -> None:
    assert contact_sentences(contact) == expected
