"""The verslag as an editable Word file (.docx): the same content and headings as the PDF.

Dutch (nl-NL) is set once, as the document's default language; the agenda items are a
real numbered list (Word renumbers when the secretary inserts an item); attendance is a
table; tables have fixed column widths that LibreOffice and Word both keep.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import ValidationError
from ..i18n import _
from ..meetings import Meeting
from .content import HEADINGS, ActionRow, MeetingContent, meeting_content
from .formatting import xml_safe
from .minutes_pdf import (
    DRAFT_NOTE,
    NO_ACTIONS,
    NO_DECISIONS,
    action_line,
    closing_index,
    closing_sentence,
    item_meta,
)

if TYPE_CHECKING:
    from ..workspace import Workspace

RED = RGBColor(0xB0, 0x00, 0x00)


def _labelled(doc: Document, label: str, value: str) -> None:
    if not value.strip():
        return
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(xml_safe(value))


#: Our own numbering definition for the agenda items (ids well above the template's).
ITEM_NUMBERING_ID = 90


def _fixed_widths(table: Table, widths: Sequence[float]) -> None:
    """Column widths that hold in Word and LibreOffice: fixed layout, grid and cells."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tbl_pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    total = OxmlElement("w:tblW")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    total.set(qn("w:w"), str(int(sum(Cm(w).twips for w in widths))))
    total.set(qn("w:type"), "dxa")
    tbl_pr.append(total)
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(Cm(width).twips))
    for column, width in zip(table.columns, widths, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)


def _table(doc: Document, header: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[float]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(xml_safe(text))
    _fixed_widths(table, widths)
    doc.add_paragraph()


def _reviews(doc: Document, reviews: list[ActionRow]) -> None:
    rows = [
        [r.what, r.owner, f"{r.status}\n{r.note}" if r.note.strip() else r.status]
        for r in reviews
    ]
    _table(doc, ["Actiepunt", "Wie", "Uitkomst"], rows, [9.0, 4.0, 4.0])


def _page_field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_language(doc: Document, tag: str) -> None:
    """Make ``tag`` the one default language of the text (replacing the template's en-US)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    langs = rpr.findall(qn("w:lang"))
    for extra in langs[1:]:
        rpr.remove(extra)
    lang = langs[0] if langs else OxmlElement("w:lang")
    if not langs:
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def _item_numbering(doc: Document) -> int:
    """Add a decimal list ("1.", "2.", …) for the item headings; return its numId."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(ITEM_NUMBERING_ID))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1."),
                       ("w:lvlJc", "left")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    ppr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(Cm(0.9).twips))
    indent.set(qn("w:hanging"), str(Cm(0.9).twips))
    ppr.append(indent)
    level.append(ppr)
    abstract.append(level)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements come before num elements
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(ITEM_NUMBERING_ID))
    abstract_ref = OxmlElement("w:abstractNumId")
    abstract_ref.set(qn("w:val"), str(ITEM_NUMBERING_ID))
    num.append(abstract_ref)
    numbering.append(num)
    return ITEM_NUMBERING_ID


def _numbered(paragraph: Paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)


def _attendance(doc: Document, content: MeetingContent) -> None:
    if not content.attendance:
        return
    _table(doc, ["Naam", "Aanwezigheid", "Toelichting"],
           [list(row) for row in content.attendance], [5.6, 5.2, 6.2])


def _setup(doc: Document, content: MeetingContent) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    _set_language(doc, "nl-NL")
    props = doc.core_properties
    props.title = xml_safe(f"Verslag {content.date_long}")[:250]
    props.subject = xml_safe(content.title)[:250]
    props.author = xml_safe(content.board_name)[:250]
    props.language = "nl-NL"
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    header = section.header.paragraphs[0]
    if content.logo is not None:
        try:
            header.add_run().add_picture(str(content.logo), height=Cm(1.2))
            header.add_run("  ")
        except Exception:  # noqa: BLE001 - a broken logo must never stop the export
            pass
    header.add_run(xml_safe(content.board_name)).bold = True
    if content.draft:
        mark = section.header.add_paragraph().add_run("CONCEPT")
        mark.bold = True
        mark.font.color.rgb = RED
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Pagina ")
    _page_field(footer, "PAGE")
    footer.add_run(" van ")
    _page_field(footer, "NUMPAGES")


def minutes_document(content: MeetingContent) -> Document:
    """Build the Word document of the verslag (headings as in the PDF)."""
    doc = new_document()
    _setup(doc, content)
    doc.add_heading("Verslag", level=0)
    doc.add_paragraph(xml_safe(content.title), style="Subtitle")
    if content.draft:
        note = doc.add_paragraph().add_run(DRAFT_NOTE)
        note.bold = True
        note.font.color.rgb = RED
    for label, value in (("Datum", content.date_long), ("Tijd", content.time_range),
                         ("Plaats", content.place), ("Voorzitter", content.chair),
                         ("Notulist", content.secretary)):
        _labelled(doc, label, value)
    _attendance(doc, content)
    _labelled(doc, HEADINGS["residents"], content.residents)

    doc.add_heading(HEADINGS["items"], level=1)
    closing_at = closing_index(content)
    closing = closing_sentence(content)
    num_id = _item_numbering(doc)
    for index, item in enumerate(content.items):
        _numbered(doc.add_heading(xml_safe(item.title), level=2), num_id)
        doc.add_paragraph().add_run(xml_safe(item_meta(item))).italic = True
        if item.notes.strip():
            doc.add_paragraph(xml_safe(item.notes))
        for number, text in item.decisions:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"Besluit {number}: ").bold = True
            paragraph.add_run(xml_safe(text))
        for action in item.actions:
            paragraph = doc.add_paragraph()
            paragraph.add_run("Actie: ").bold = True
            paragraph.add_run(xml_safe(action_line(action)))
        if item.reviews:
            _reviews(doc, item.reviews)
        if index == closing_at and closing:
            doc.add_paragraph(closing)
    if closing_at is None and closing:
        doc.add_paragraph(closing)

    if content.reviews and not content.reviews_placed:
        doc.add_heading(HEADINGS["reviews"], level=1)
        _reviews(doc, content.reviews)

    doc.add_heading(HEADINGS["actions"], level=1)
    if content.actions:
        rows = [[f"{n}.", a.what, a.owner, a.due] for n, a in enumerate(content.actions, 1)]
        _table(doc, ["Nr.", "Wat", "Wie", "Klaar op"], rows, [1.1, 8.5, 4.4, 3.0])
    else:
        doc.add_paragraph(NO_ACTIONS)
    doc.add_heading(HEADINGS["decisions"], level=1)
    if content.decisions:
        _table(doc, ["Nummer", "Besluit"], [list(d) for d in content.decisions], [2.6, 14.4])
    else:
        doc.add_paragraph(NO_DECISIONS)
    doc.add_heading(content.approved or DRAFT_NOTE, level=2)
    return doc


def write_minutes_docx(ws: Workspace, meeting: Meeting, out: Path, today: dt.date) -> None:
    """Write the verslag of ``meeting`` to ``out`` as .docx; refuses a cancelled meeting."""
    if meeting.status == "cancelled":
        raise ValidationError(_("Deze vergadering is afgelast; er is geen verslag van."))
    minutes_document(meeting_content(ws, meeting, today, open_actions=False)).save(str(out))
