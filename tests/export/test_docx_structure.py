"""The .docx verslag as Word and LibreOffice see it: one language, a real numbered list,
attendance as a table, and column widths that survive LibreOffice."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from wijkapp.export import export

from .conftest import Board
from .libreoffice import convert

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(board: Board, tmp_path: Path) -> Path:
    return export(board.ws, "docx", tmp_path / "verslag.docx", meeting_id=board.ids["draft"])


def test_dutch_is_set_once_as_the_default_language(real: Board, tmp_path: Path) -> None:
    document = docx.Document(str(_docx(real, tmp_path)))
    langs = document.styles.element.findall(f".//{W}docDefaults//{W}lang")
    assert [lang.get(qn("w:val")) for lang in langs] == ["nl-NL"]


def test_agenda_items_are_a_real_numbered_list(real: Board, tmp_path: Path) -> None:
    document = docx.Document(str(_docx(real, tmp_path)))
    items = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    numbered = [p for p in items if p._p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(numbered) == 10 and numbered == items[:10]  # the approval line is no item
    assert items[0].text == "Opening en mededelingen van de voorzitter"  # Word adds "1."
    num_ids = {p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(qn("w:val")) for p in numbered}
    assert len(num_ids) == 1
    numbering = document.part.numbering_part.element
    (num,) = [n for n in numbering.findall(f"{W}num") if n.get(qn("w:numId")) in num_ids]
    abstract_id = num.find(f"{W}abstractNumId").get(qn("w:val"))
    (abstract,) = [a for a in numbering.findall(f"{W}abstractNum")
                   if a.get(qn("w:abstractNumId")) == abstract_id]
    assert abstract.find(f"{W}lvl/{W}numFmt").get(qn("w:val")) == "decimal"
    assert abstract.find(f"{W}lvl/{W}lvlText").get(qn("w:val")) == "%1."


def test_attendance_is_a_table_of_people(real: Board, tmp_path: Path) -> None:
    document = docx.Document(str(_docx(real, tmp_path)))
    first = document.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Naam", "Aanwezigheid", "Toelichting"]
    rows = {tuple(c.text for c in row.cells) for row in first.rows[1:]}
    assert ("Jean-Pierre Lemaître", "Afwezig met bericht", "op vakantie") in rows
    assert ("Harrie Vroemen", "Afwezig zonder bericht", "") in rows


def test_column_widths_hold_in_libreoffice(real: Board, tmp_path: Path) -> None:
    source = _docx(real, tmp_path)

    def grids(path: Path) -> list[list[int]]:
        return [[int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]
                for table in docx.Document(str(path)).tables]

    wanted = grids(source)
    assert wanted[0] != [wanted[0][0]] * 3  # not the equal split python-docx starts with
    saved = grids(convert(source, "docx:MS Word 2007 XML", tmp_path / "lo"))
    assert len(saved) == len(wanted)
    for ours, theirs in zip(wanted, saved, strict=True):
        assert all(abs(a - b) <= 3 for a, b in zip(ours, theirs, strict=True)), (ours, theirs)
