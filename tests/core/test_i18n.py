"""The English catalog is complete, compiles, switches the language and keeps placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from babel.messages.pofile import read_po

from wijkapp import i18n
from wijkapp.i18n import _, ngettext, set_language
from wijkapp.i18n_tools import extract, missing, po_path

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def english() -> Iterator[None]:
    """Switch to English for one test and always back to Dutch afterwards."""
    set_language("en")
    try:
        yield
    finally:
        set_language("nl")


def _pairs() -> list[tuple[str, str]]:
    """Every (msgid, msgstr) pair of the English catalog, plural forms included."""
    with open(po_path("en"), "rb") as handle:
        catalog = read_po(handle, locale="en")
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, str):
            pairs.append((message.id, str(message.string or "")))
        else:
            singular, plural = message.id[0], message.id[1]
            strings = message.string or ("", "")
            pairs.append((singular, strings[0] or ""))
            pairs.extend((plural, string or "") for string in strings[1:])
    return pairs


def test_every_message_has_an_english_translation() -> None:
    assert missing("en", extract()) == []


def test_catalog_compiles_and_switches_language(english: None) -> None:
    mo = i18n.compile_catalog("en")
    assert mo is not None and mo.is_file()
    set_language("en")
    assert i18n.language() == "en"
    assert _("Vergaderingen") == "Meetings"
    assert _("Stand van zaken") == "Overview"
    assert ngettext("{n} punt", "{n} punten", 1) == "{n} item"
    assert ngettext("{n} punt", "{n} punten", 3) == "{n} items"
    set_language("nl")
    assert i18n.language() == "nl"
    assert _("Vergaderingen") == "Vergaderingen"


def test_placeholders_are_kept() -> None:
    wrong = [
        (msgid, msgstr)
        for msgid, msgstr in _pairs()
        if msgstr and set(PLACEHOLDER.findall(msgid)) != set(PLACEHOLDER.findall(msgstr))
    ]
    assert wrong == []


def test_accelerators_and_line_breaks_are_kept() -> None:
    wrong = [
        (msgid, msgstr)
        for msgid, msgstr in _pairs()
        if msgstr
        and (msgid.count("&") != msgstr.count("&") or msgid.count("\n") != msgstr.count("\n"))
    ]
    assert wrong == []
