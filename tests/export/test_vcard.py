"""Contacts (.vcf, vCard 3.0, UTF-8) read back with vobject."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject

from wijkapp.export import export
from wijkapp.export.vcard import fold, is_mobile, split_name

from .conftest import Board


def _cards(path: Path) -> list[vobject.base.Component]:
    return list(vobject.readComponents(path.read_bytes().decode("utf-8")))


def test_every_person_and_organisation_becomes_a_card(board: Board, tmp_path: Path) -> None:
    out = export(board.ws, "vcard", tmp_path / "c.vcf")
    cards = _cards(out)
    people, organisations = board.ws.contacts.all(), board.ws.organisations.all()
    assert len(cards) == len(people) + len(organisations)
    assert [c.fn.value for c in cards[: len(people)]] == [p.name for p in people]
    assert all(c.version.value == "3.0" for c in cards)
    for line in out.read_bytes().split(b"\r\n"):
        assert len(line) <= 75


def test_person_details_round_trip(real: Board, tmp_path: Path) -> None:
    cards = {c.fn.value: c for c in _cards(export(real.ws, "vcard", tmp_path / "c.vcf"))}
    ayse = cards["Ayşe Yılmaz"]
    assert ayse.n.value.family == "Yılmaz" and ayse.n.value.given == "Ayşe"
    assert ayse.note.value == "Onderwerpen: jongeren; sport, spel"
    ellen = cards["Ellen Smeets"]
    assert ellen.org.value == ["Gemeente Sittard-Geleen"]
    assert ellen.title.value == "gebiedscoördinator"
    assert ellen.email.value == "e.smeets@example.nl"
    noor = cards["Noor Bastiaens"]
    assert noor.note.value == "Bereikbaar op dinsdag en donderdag.\nLiever bellen dan mailen."
    gemeente = cards["Gemeente Sittard-Geleen"]
    assert gemeente.url.value == "https://www.sittard-geleen.nl"


def test_hostile_text_round_trips_exactly(nasty: Board, tmp_path: Path) -> None:
    cards = _cards(export(nasty.ws, "vcard", tmp_path / "c.vcf"))
    person = next(p for p in nasty.ws.contacts.all() if p.role)
    card = next(c for c in cards if c.fn.value == person.name)
    assert card.title.value == person.role
    assert "🎉" in card.fn.value and "<b>&amp;</b>" in card.fn.value


def test_folding_never_splits_a_character() -> None:
    line = "NOTE:" + "ĳ€🎉" * 60
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


@pytest.mark.parametrize(
    ("name", "family", "given", "main"),
    [
        ("Fatima el Amrani", "el Amrani", "Fatima", "Amrani"),
        ("Jan van der Berg", "van der Berg", "Jan", "Berg"),
        ("Truus van den Berg-de Vries", "van den Berg-de Vries", "Truus", "Berg-de Vries"),
        ("Mieke Janssen", "Janssen", "Mieke", "Janssen"),
        ("Kees de", "de", "Kees", "de"),
        ("Cher", "Cher", "", "Cher"),
    ],
)
def test_tussenvoegsel_stays_in_the_family_name(name: str, family: str, given: str,
                                               main: str) -> None:
    assert split_name(name) == (family, given, main)


def test_cards_sort_on_the_main_surname_and_mobiles_are_cell(fresh: Board,
                                                             tmp_path: Path) -> None:
    fresh.ws.contacts.add("Fatima el Amrani", phone="06-12 34 56 78")
    fresh.ws.contacts.add("Piet van der Meer", phone="+31 46 123 45 67")
    cards = {c.fn.value: c for c in _cards(export(fresh.ws, "vcard", tmp_path / "c.vcf"))}
    fatima = cards["Fatima el Amrani"]
    assert fatima.n.value.family == "el Amrani" and fatima.n.value.given == "Fatima"
    assert fatima.sort_string.value == "Amrani Fatima"
    assert "CELL" in fatima.tel.params["TYPE"]
    piet = cards["Piet van der Meer"]
    assert piet.sort_string.value == "Meer Piet"
    assert "CELL" not in piet.tel.params["TYPE"]
    assert "sort_string" not in cards["Mieke Janssen"].contents  # nothing to correct there


@pytest.mark.parametrize(("phone", "mobile"), [
    ("06 12345678", True), ("+31 6 1234 5678", True), ("0031612345678", True),
    ("046 123 45 67", False), ("14 046", False), ("", False)])
def test_dutch_mobile_numbers_are_recognised(phone: str, mobile: bool) -> None:
    assert is_mobile(phone) is mobile
