"""Contacts (.vcf, vCard 3.0, UTF-8) read back with vobject."""

from __future__ import annotations

from pathlib import Path

import vobject

from wijkapp.export import export
from wijkapp.export.vcard import fold

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
