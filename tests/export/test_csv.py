"""CSV for Dutch Excel read back with the csv module: BOM, ';', dd-mm-jjjj dates."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from wijkapp.export import export

from .conftest import Board

DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")
KINDS = {
    "meetings": ("Datum", "Verslag vastgesteld op"),
    "actions": ("Klaar op", "Afgerond op"),
    "requests": ("Verstuurd op", "Beantwoord op"),
    "contacts": ("Laatste contact",),
}


def _read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_list_opens_in_dutch_excel(board: Board, kind: str, tmp_path: Path) -> None:
    out = export(board.ws, "csv", tmp_path / f"{kind}.csv", csv_kind=kind)
    rows = _read(out)
    expected = {
        "meetings": board.ws.meetings.all(),
        "actions": board.ws.actions.all(),
        "requests": board.ws.requests.all(),
        "contacts": board.ws.contacts.all(),
    }[kind]
    assert len(rows) == len(expected)
    for row in rows:
        for column in KINDS[kind]:
            assert row[column] == "" or DATE.match(row[column]), (column, row[column])


def test_meetings_list_has_dutch_words_and_dates(real: Board, tmp_path: Path) -> None:
    rows = _read(export(real.ws, "csv", tmp_path / "m.csv", csv_kind="meetings", year=2026))
    assert [r["Datum"] for r in rows] == ["15-10-2026", "12-11-2026", "03-12-2026"]
    assert rows[0]["Status"] == "gehouden" and rows[0]["Begintijd"] == "19:30"
    assert rows[0]["Verslag vastgesteld op"] == "12-11-2026"
    assert rows[1]["Besluiten"] == "2"


def test_year_limits_the_list(real: Board, tmp_path: Path) -> None:
    assert _read(export(real.ws, "csv", tmp_path / "m.csv", csv_kind="meetings", year=2025)) == []


def test_text_with_semicolons_quotes_and_lines_survives(nasty: Board, tmp_path: Path) -> None:
    rows = _read(export(nasty.ws, "csv", tmp_path / "r.csv", csv_kind="requests"))
    request = nasty.ws.requests.all()[0]
    assert rows[0]["Tekst"] == request.text
    assert rows[0]["Antwoord"] == request.answer_text


def test_formulas_are_shown_not_run(fresh: Board, tmp_path: Path) -> None:
    fresh.ws.actions.add(None, "=HYPERLINK(\"http://x\")", owner_name="@iemand")
    rows = _read(export(fresh.ws, "csv", tmp_path / "a.csv", csv_kind="actions"))
    row = next(r for r in rows if "HYPERLINK" in r["Wat"])
    assert row["Wat"] == "'=HYPERLINK(\"http://x\")"
    assert row["Wie"] == "'@iemand"


@pytest.mark.parametrize("typed, shown", [
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), ("\tgewoon", "'\tgewoon"), ("-5", "'-5"),
    ("gewoon\t=1", "gewoon\t=1"), ("", ""),
])
def test_a_leading_tab_or_cr_is_guarded_too(typed: str, shown: str) -> None:
    from wijkapp.export.csv_export import cell

    assert cell(typed) == shown


def test_a_request_text_starting_with_a_tab_is_shown_not_run(fresh: Board, tmp_path: Path) -> None:
    fresh.ws.requests.add("Lantaarnpaal", "\t=HYPERLINK(\"http://x\")")
    rows = _read(export(fresh.ws, "csv", tmp_path / "r.csv", csv_kind="requests"))
    assert rows[0]["Tekst"] == "'\t=HYPERLINK(\"http://x\")"
