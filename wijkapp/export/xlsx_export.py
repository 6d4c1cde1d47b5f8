"""One Excel workbook (.xlsx) of the board's lists, for Excel and LibreOffice Calc.

Sheets (Dutch names and column headings): Vergaderingen, Actiepunten, Besluiten,
Verzoeken, Contacten — the same rows as the CSV lists (:mod:`.csv_export`), optionally
limited to one year (contacts always all). What a spreadsheet user relies on:

* text cells are text: "0612345678" keeps its zero, "+31 6 …" and "=SOM(…)" show as
  typed (cell type string and number format ``@``), without an apostrophe;
* dates are real dates (``dd-mm-jjjj``) and times real times (``uu:mm``), so they sort
  and filter; counts are numbers;
* no formula is ever written: a value that starts with ``=`` is stored as a string;
* every sheet has a bold header row that stays in view (frozen) and a filter on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .csv_export import Row, action_rows, contact_rows, decision_rows, meeting_rows, request_rows
from .formatting import xml_safe

if TYPE_CHECKING:
    from ..workspace import Workspace

DATE_FORMAT = "DD-MM-YYYY"
TIME_FORMAT = "HH:MM"
TEXT_FORMAT = "@"
_HEADER_FILL = PatternFill("solid", fgColor="E6E6E6")
#: Widest column (characters); longer text wraps.
_MAX_WIDTH = 60


def _set(cell: Cell, value: object) -> None:
    """Put ``value`` in ``cell`` with the right type; strings are never formulas."""
    if value is None or value == "":
        cell.value = None
        return
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.time):
        cell.value = value
        cell.number_format = TIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int | float):
        cell.value = value
    else:
        text = xml_safe(str(value)).replace("\r\n", "\n")
        cell.value = text
        cell.data_type = "s"  # openpyxl would make "=..." a formula; it stays text
        cell.number_format = TEXT_FORMAT


def _width(value: object) -> int:
    if isinstance(value, dt.date | dt.time):
        return 10
    longest = max((len(line) for line in str(value).splitlines()), default=0)
    return min(longest, _MAX_WIDTH)


def _fill_sheet(sheet: Worksheet, header: Sequence[str], rows: Sequence[Row]) -> None:
    """Header, rows, widths, frozen header and a filter."""
    widths = [len(title) + 3 for title in header]  # room for the filter button
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        _set(cell, title)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            _set(cell, value)
            if cell.value is not None:
                widths[column - 1] = max(widths[column - 1], _width(cell.value) + 1)
            if isinstance(cell.value, str) and (len(cell.value) > _MAX_WIDTH
                                                or "\n" in cell.value):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"


def workbook(ws: Workspace, year: int | None, today: dt.date) -> Workbook:
    """The workbook of the current board (``year`` limits meetings, actions, decisions
    and requests; ``today`` decides what is late)."""
    book = Workbook()
    sheets = [
        ("Vergaderingen", *meeting_rows(ws, year)),
        ("Actiepunten", *action_rows(ws, year, today)),
        ("Besluiten", *decision_rows(ws, year)),
        ("Verzoeken", *request_rows(ws, year, today)),
        ("Contacten", *contact_rows(ws)),
    ]
    first = book.active
    assert first is not None
    book.remove(first)
    for title, header, rows in sheets:
        _fill_sheet(book.create_sheet(title), header, rows)
    scope = str(year) if year else "alle jaren"
    book.properties.title = xml_safe(f"Lijsten {scope} {ws.board.name}")[:250]
    book.properties.creator = "Wijkapp"
    book.properties.language = "nl-NL"
    return book


def write_xlsx(ws: Workspace, out: Path, year: int | None, today: dt.date) -> None:
    """Write the workbook to ``out``."""
    workbook(ws, year, today).save(str(out))
