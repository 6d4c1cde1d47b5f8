"""Shared reportlab machinery: the font, the ONE escaping helper, styles and the page.

Every PDF export builds a list of platypus flowables and hands it to :func:`build_pdf`,
which draws the board's name and logo on top of each page, "Pagina X van Y" at the
bottom, an optional "CONCEPT" watermark, and writes ``lang="nl-NL"``, title and
author into the file. User text reaches a ``Paragraph`` only through :func:`esc`
(or :func:`para`, which calls it), so ``a < b & "c" <b>vet</b>`` prints as typed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ..paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#4D4D4D")
RULE = colors.HexColor("#9E9E9E")
HEADER_FILL = colors.HexColor("#E6E6E6")
OVERDUE = colors.HexColor("#B00000")
WATERMARK = colors.HexColor("#E3E3E3")

MARGIN = 2.0 * cm
TOP = 2.9 * cm
BOTTOM = 2.1 * cm


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register DejaVu Sans (regular, bold, oblique) once; return the code points it draws."""
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )
    face = pdfmetrics.getFont(FONT).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_EURO_SPACE = re.compile(r"€ (?=\d)")


def printable(text: str | None) -> str:
    """User text as DejaVu Sans can draw it: never a black box.

    Emoji (everything from U+1F000 on, variation selectors, joiners) and any other
    character the font lacks are dropped; tabs become spaces, ``\\r\\n`` becomes ``\\n``.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _EURO_SPACE.sub("€\u00a0", text)  # keep "€ 1.234,50" on one line
    if text.isascii():
        return _CONTROL.sub("", text)
    glyphs = register_fonts()
    kept = [
        char
        for char in text
        if char == "\n"
        or (ord(char) < 0x1F000 and ord(char) in glyphs and char not in "\u200d\ufe0e\ufe0f")
    ]
    return _CONTROL.sub("", "".join(kept))


def esc(text: str | None) -> str:
    """THE escaping helper: user text → safe ``Paragraph`` markup, printed exactly as typed.

    Applies :func:`printable`, escapes ``&``, ``<`` and ``>``, and keeps line breaks.
    """
    return escape(printable(text)).replace("\n", "<br/>")


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, sized for reading at arm's length (11 pt body)."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, bulletFontName=FONT, fontSize=11, leading=15.5, textColor=INK,
        alignment=TA_LEFT, spaceAfter=5,
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=13, leading=17, textColor=MUTED, spaceAfter=10
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=14.5, leading=19, spaceBefore=14,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=17, spaceBefore=11,
            spaceAfter=3, keepWithNext=1,
        ),
        "meta": ParagraphStyle("meta", parent=body, textColor=MUTED, fontSize=10.5, leading=14),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10.5, leading=14, spaceAfter=0),
        "cellbold": ParagraphStyle(
            "cellbold", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceAfter=0
        ),
        "overdue": ParagraphStyle(
            "overdue", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceAfter=0,
            textColor=OVERDUE,
        ),
        "item": ParagraphStyle("item", parent=body, leftIndent=0.9 * cm, spaceAfter=4),
        "notice": ParagraphStyle(
            "notice", parent=body, fontName=FONT_BOLD, textColor=OVERDUE, spaceAfter=8
        ),
    }


def para(text: str | None, style: str = "body") -> Paragraph:
    """A paragraph of plain user text (escaped through :func:`esc`)."""
    return Paragraph(esc(text), styles()[style])


def heading(text: str) -> list[Flowable]:
    """A section heading that starts a new page when less than 4 cm is left.

    (Not ``keepWithNext``: that would push a whole table to the next page and leave
    the first page half empty.)
    """
    return [CondPageBreak(4 * cm), para(text, "h1")]


def markup(html: str, style: str = "body") -> Paragraph:
    """A paragraph of prepared markup; every user part must already have gone through esc()."""
    return Paragraph(html, styles()[style])


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    highlight_rows: Sequence[int] = (),
    plain_columns: Sequence[int] = (),
) -> Table:
    """A readable table: grey header row repeated on each page, a thin rule under each row.

    Cells may be strings (escaped here), flowables or lists of flowables. Long rows
    split across pages. ``plain_columns`` hold short values we generate (numbers,
    dates): drawn as plain text, which is much faster than a wrapped paragraph.
    """
    style = styles()
    data = [
        [
            cell
            if isinstance(cell, Flowable | list)
            else printable(str(cell))
            if c in plain_columns and r > 0
            else Paragraph(esc(str(cell)), style["cellbold" if header and r == 0 else "cell"])
            for c, cell in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 10.5, 14),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for row in highlight_rows:
        commands.append(("LINEBEFORE", (0, row), (0, row), 3, OVERDUE))
    commands.append(("LEFTPADDING", (0, 0), (0, -1), 8))  # room for a red bar
    return Table(
        data,
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


@dataclass(frozen=True)
class PageInfo:
    """What every page shows and the PDF's metadata."""

    title: str
    board_name: str
    author: str = ""
    subject: str = ""
    logo: Path | None = None
    draft: bool = False
    wide: bool = False


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits in ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return text.rstrip() + "…"


def _logo_reader(logo: Path | None) -> ImageReader | None:
    if logo is None:
        return None
    try:
        reader = ImageReader(str(logo))
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 - a broken logo must never stop the export
        return None


def _page_decorator(info: PageInfo) -> Any:
    logo = _logo_reader(info.logo)
    name = printable(info.board_name)

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        if info.draft:
            canvas.setFillColor(WATERMARK)
            canvas.setFont(FONT_BOLD, 110 if not info.wide else 130)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45 if not info.wide else 30)
            canvas.drawCentredString(0, -40, "CONCEPT")
            canvas.rotate(-(45 if not info.wide else 30))
            canvas.translate(-width / 2, -height / 2)
        x = MARGIN
        top = height - 0.9 * cm
        if logo is not None:
            w, h = logo.getSize()
            scale = min(1.4 * cm / h, 4 * cm / w)
            canvas.drawImage(logo, x, top - h * scale, w * scale, h * scale, mask="auto")
            x += w * scale + 0.4 * cm
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawString(x, top - 0.85 * cm, _fit(name, FONT_BOLD, 12, width - MARGIN - x))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, height - 2.5 * cm, width - MARGIN, height - 2.5 * cm)
        canvas.line(MARGIN, 1.55 * cm, width - MARGIN, 1.55 * cm)
        canvas.restoreState()

    return decorate


def _numbered_canvas(info: PageInfo) -> type[Canvas]:
    """A canvas that knows the page count before it writes "Pagina X van Y"."""
    footer = printable(info.title)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(FONT, 9.5)
                self.setFillColor(MUTED)
                label = f"Pagina {self._pageNumber} van {total}"
                self.drawRightString(width - MARGIN, 1.0 * cm, label)
                room = width - 2 * MARGIN - pdfmetrics.stringWidth(label, FONT, 9.5) - 1 * cm
                self.drawString(MARGIN, 1.0 * cm, _fit(footer, FONT, 9.5, room))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(out: Path, story: list[Flowable], info: PageInfo) -> None:
    """Write ``story`` as a PDF to ``out`` with the page furniture described by ``info``."""
    register_fonts()
    pagesize = landscape(A4) if info.wide else A4
    doc = BaseDocTemplate(
        str(out),
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=printable(info.title),
        author=printable(info.author or info.board_name),
        subject=printable(info.subject),
        creator="Wijkapp",
        lang="nl-NL",
        initialFontName=FONT,  # no stray, unembedded Helvetica in the file
        initialFontSize=11,
    )
    frame = Frame(
        MARGIN, BOTTOM, pagesize[0] - 2 * MARGIN, pagesize[1] - TOP - BOTTOM, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_page_decorator(info))])
    doc.build(story or [para("")], canvasmaker=_numbered_canvas(info))


def content_width(wide: bool = False) -> float:
    """Width of the text column in points."""
    return (landscape(A4) if wide else A4)[0] - 2 * MARGIN


def facts(pairs: Sequence[tuple[str, str]], label_width: float = 3.3 * cm) -> Table:
    """A borderless two-column block of "label: value" lines (values are user text)."""
    style = styles()
    data = [
        [Paragraph(esc(label), style["cellbold"]), Paragraph(esc(value), style["cell"])]
        for label, value in pairs
        if value.strip()
    ] or [[Paragraph("", style["cell"]), Paragraph("", style["cell"])]]
    return Table(
        data,
        colWidths=[label_width, content_width() - label_width],
        splitInRow=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
