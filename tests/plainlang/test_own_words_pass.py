"""Wijkapp's own words pass its own checker (issue 15).

Every UI text (the Dutch messages in the catalog), the handleiding and the fixed texts of
the resident summary are checked with the shipped jargon list. A term may only appear
when ``resources/plainlang/toegestaan.txt`` says why; no UI sentence may be "moeilijk".
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from wijkapp.board_contact import BoardContact, contact_sentences
from wijkapp.export import summary_content
from wijkapp.paths import resource_path
from wijkapp.plainlang import Level, analyse_text, find_jargon
from wijkapp.plainlang.jargon import parse_dictionary

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%\(\w+\)[sd]|%[sd]")


def _allowed() -> dict[str, str]:
    with resource_path("plainlang", "toegestaan.txt").open(encoding="utf-8") as handle:
        return {entry.term.casefold(): entry.alternative for entry in parse_dictionary(handle)}


def _ui_texts() -> list[str]:
    path = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "wijkapp.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    texts = []
    for message in catalog:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            if text:
                texts.append(_PLACEHOLDER.sub("", text).replace("&", ""))
    return texts


def _summary_texts() -> list[str]:
    texts = [summary_content.TITLE, summary_content.HEADING_AHEAD, *summary_content.HEADINGS.values(),
             *summary_content._EMPTY.values()]
    texts += contact_sentences(BoardContact())
    texts += contact_sentences(BoardContact("Jo Smeets", "a@b.nl", "046 123 45 67", "www.b.nl",
                                            "Markt 1"))
    return texts


def _unexplained(texts: list[str]) -> dict[str, str]:
    allowed = _allowed()
    found: dict[str, str] = {}
    for text in texts:
        for hit in find_jargon(text):
            if hit.term.casefold() not in allowed:
                found.setdefault(hit.term, text[:90])
    return found


def test_every_allowed_word_has_a_reason_and_is_in_the_list() -> None:
    allowed = _allowed()
    assert allowed and all(len(reason) > 20 for reason in allowed.values())
    for term in allowed:
        assert find_jargon(term), f"'{term}' staat niet (meer) in de woordenlijst"


def test_ui_texts_use_no_unexplained_official_words() -> None:
    texts = _ui_texts()
    assert len(texts) > 300
    assert _unexplained(texts) == {}


def test_no_ui_sentence_is_rated_moeilijk() -> None:
    hard = [sentence.text for text in _ui_texts() for sentence in analyse_text(text).sentences
            if sentence.level is Level.MOEILIJK]
    assert hard == []


def test_the_handleiding_uses_no_unexplained_official_words() -> None:
    text = (ROOT / "docs" / "handleiding.md").read_text(encoding="utf-8")
    assert _unexplained([paragraph for paragraph in text.split("\n\n")]) == {}


def test_the_fixed_texts_of_the_resident_summary_are_plain() -> None:
    texts = _summary_texts()
    assert _unexplained(texts) == {}
    hard = [sentence.text for text in texts for sentence in analyse_text(text).sentences
            if sentence.level is not Level.MAKKELIJK]
    assert hard == []
    together = analyse_text("\n\n".join(texts))
    assert together.level is Level.MAKKELIJK, together
