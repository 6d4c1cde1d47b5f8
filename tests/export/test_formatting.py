"""Dutch words, dates and numbers; the one escaping helper; safe file names."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkapp.export.formatting import (
    long_date,
    long_datetime,
    money,
    number,
    safe_filename,
    short_date,
    slot_label,
    time_slots,
    xml_safe,
)
from wijkapp.export.typst_render import printable
from wijkapp.timeutil import TZ


def test_dates_are_written_in_dutch_words() -> None:
    assert long_date(dt.date(2026, 12, 3)) == "donderdag 3 december 2026"
    moment = dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)
    assert long_datetime(moment) == "donderdag 3 december 2026, 19:30"


def test_utc_times_are_shown_in_amsterdam_time() -> None:
    summer = dt.datetime(2026, 6, 18, 17, 30, tzinfo=dt.UTC)
    assert long_datetime(summer) == "donderdag 18 juni 2026, 19:30"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1234.5, "€\u00a01.234,50"), (0, "€\u00a00,00"), (-12.3, "€\u00a0-12,30")],
)
def test_money_uses_dutch_separators(value: float, expected: str) -> None:
    assert money(value) == expected


def test_numbers_use_dutch_separators() -> None:
    assert number(1234.5) == "1.234,5"


def test_short_date_is_what_dutch_excel_reads() -> None:
    assert short_date(dt.date(2026, 3, 5)) == "05-03-2026"
    assert short_date(None) == ""


def test_time_slots_count_on_from_the_start() -> None:
    start = dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)
    slots = time_slots(start, [5, None, 40])
    assert [slot_label(a, b) for a, b in slots] == ["19:30–19:35", "19:35", "19:35–20:15"]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ('a < b & "c" <b>vet</b> #let *x*', 'a < b & "c" <b>vet</b> #let *x*'),
        ("regel 1\r\nregel 2", "regel 1\nregel 2"),
        ("feest 🎉👍🏽 ĳ € ş", "feest  ĳ € ş"),
        ("tab\there", "tab    here"),
        ("", ""),
        ("€ 12,50", "€\u00a012,50"),
        ("naam \u202egnissab\u202c en \u2067x\u2069", "naam gnissab en x"),
    ],
)
def test_printable_keeps_user_text_as_typed_minus_what_cannot_print(
        typed: str, printed: str) -> None:
    assert printable(typed) == printed


def test_printable_drops_every_emoji_but_keeps_letters() -> None:
    text = printable("Ĳsselmeer 😀 👩‍👩‍👧 café ★")
    assert text == "Ĳsselmeer   café ★"
    assert all(ord(ch) < 0x1F000 for ch in text)


def test_xml_safe_removes_only_forbidden_characters() -> None:
    assert xml_safe("a\x01b\x0bc\nd\te 🎉") == "abc\nd\te 🎉"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("Verslag 2026-12-03 Wijkplatform Geleen-Zuid",
         "Verslag 2026-12-03 Wijkplatform Geleen-Zuid.pdf"),
        ('a<b>:c"d/e\\f|g?h*', "a b c d e f g h.pdf"),
        ("Feest 🎉 in Ĳsselstein.", "Feest in Ĳsselstein.pdf"),
        ("CON", "_CON.pdf"),
        ("🎉", "Wijkapp-export.pdf"),
        ("x" * 300, "x" * 150 + ".pdf"),
    ],
)
def test_safe_filename_works_on_windows(stem: str, expected: str) -> None:
    assert safe_filename(stem, ".pdf") == expected
