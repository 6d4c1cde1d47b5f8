"""The Excel workbook read back with openpyxl, directly and after LibreOffice Calc saved it."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl

from wijkapp.cli import main
from wijkapp.export import export

from .conftest import Board
from .libreoffice import convert

SHEETS = ["Vergaderingen", "Actiepunten", "Besluiten", "Verzoeken", "Contacten"]
TRICKY = ["0612345678", "+31 6 12345678", "=SOM(A1:A9)", "-5 euro terug", "@gemeente",
          "'al een apostrof", "007"]


def _tricky_board(fresh: Board) -> Board:
    ws = fresh.ws
    for number, text in enumerate(TRICKY):
        ws.contacts.add(f"Proef {number}", phone=text, notes=text)
    return fresh


def _by_header(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_one_workbook_with_dutch_sheets_filters_and_frozen_headers(real: Board,
                                                                   tmp_path: Path) -> None:
    out = export(real.ws, "xlsx", tmp_path / "lijsten.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == SHEETS
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert all(cell.font.b for cell in sheet[1])
    assert [c.value for c in book["Actiepunten"][1]][:4] == ["Vergadering", "Wat", "Wie",
                                                             "Klaar op"]


def test_dates_are_dates_counts_numbers_and_text_stays_text(fresh: Board,
                                                            tmp_path: Path) -> None:
    out = export(_tricky_board(fresh).ws, "xlsx", tmp_path / "lijsten.xlsx")
    book = openpyxl.load_workbook(out)
    meetings = _by_header(book["Vergaderingen"])
    assert all(isinstance(m["Datum"], dt.datetime) for m in meetings)
    assert isinstance(meetings[0]["Begintijd"], dt.time)
    assert all(isinstance(m["Agendapunten"], int) for m in meetings)
    assert book["Vergaderingen"]["A2"].number_format == "DD-MM-YYYY"
    phones = [c["Telefoon"] for c in _by_header(book["Contacten"]) if c["Telefoon"] in TRICKY]
    assert sorted(phones) == sorted(TRICKY)  # no lost zero, no apostrophe, no formula
    with zipfile.ZipFile(out) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if "worksheets/" in n]
    assert not any("<f>" in sheet or "<f " in sheet for sheet in sheets), "never a formula"


def test_libreoffice_reads_dates_as_dates_and_text_without_apostrophes(
        fresh: Board, tmp_path: Path) -> None:
    out = export(_tricky_board(fresh).ws, "xlsx", tmp_path / "lijsten.xlsx")
    saved = convert(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames == SHEETS
    meetings = _by_header(book["Vergaderingen"])
    assert meetings and all(isinstance(m["Datum"], dt.datetime) for m in meetings)
    contacts = _by_header(book["Contacten"])
    phones = sorted(str(c["Telefoon"]) for c in contacts if str(c["Telefoon"]) in TRICKY)
    assert phones == sorted(TRICKY)
    notes = [c["Opmerkingen"] for c in contacts if str(c["Naam"]).startswith("Proef")]
    assert sorted(str(n) for n in notes) == sorted(TRICKY)
    # What Calc shows: its own CSV of the sheet has no added apostrophes and no formulas run.
    shown = convert(saved, "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,"
                           "false,false,-1", tmp_path / "csv")
    text = "\n".join(p.read_text(encoding="utf-8") for p in shown.parent.glob("*.csv"))
    for value in TRICKY:
        assert value in text
    assert "'0612345678" not in text and "'+31" not in text and "'=SOM" not in text


def test_cli_makes_the_workbook_for_one_year(tmp_path: Path) -> None:
    out, db = tmp_path / "lijsten.xlsx", str(tmp_path / "demo.sqlite")
    assert main(["demo", "--db", db]) == 0
    assert main(["export", "xlsx", "--year", "2026", "--out", str(out), "--db", db]) == 0
    book = openpyxl.load_workbook(out)
    years = {m["Datum"].year for m in _by_header(book["Vergaderingen"])}
    assert years == {2026}
