"""Read exports back as text and compare them with reference files in ``golden/``.

PDFs are read as a screen reader reads them (:func:`pdf_reading`), .docx files with
python-docx (:func:`docx_text`).

Set ``WIJKAPP_UPDATE_GOLDEN=1`` to (re)write the reference files after a deliberate change.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import docx
from pypdf import PdfReader

GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Lines that change from run to run (the date a list was made).
VOLATILE = [re.compile(r"^(\[\w+\] )?Stand op "), re.compile(r"^(\[\w+\] )?Gemaakt op ")]


def pdf_text(path: Path) -> str:
    """The text of every page, in order, as pypdf extracts it (artifacts included)."""
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def pdf_reading(path: Path) -> str:
    """What a screen reader reads from a tagged PDF: one structure element a line,
    ``[H3] 7. Buurtagenda 2027``, table rows as ``[TR] a | b``; no headers, footers or
    watermark (they are artifacts). The golden files of the PDFs hold this text."""
    from .pdf_structure import reading_lines

    return "\n".join(reading_lines(path))


def docx_text(path: Path) -> str:
    """Paragraphs (with heading level) and table cells of a .docx, in document order."""
    document = docx.Document(str(path))
    lines: list[str] = []
    counters: dict[str, int] = {}
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            prefix = f"[{style}] " if style.startswith(("Heading", "Title")) else ""
            num_id = child.find(f"{W}pPr/{W}numPr/{W}numId")
            if num_id is not None:  # a Word-numbered paragraph shows its number
                key = num_id.get(f"{W}val", "")
                counters[key] = counters.get(key, 0) + 1
                prefix += f"{counters[key]}. "
            lines.append(prefix + paragraph.text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def normalise(text: str) -> str:
    """Strip each line, drop empty and volatile lines."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if line and not any(pattern.search(line) for pattern in VOLATILE):
            kept.append(line)
    return "\n".join(kept) + "\n"


def assert_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``golden/<name>.txt``; the failure shows a unified diff."""
    path = GOLDEN / f"{name}.txt"
    actual = normalise(text)
    if os.environ.get("WIJKAPP_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} ontbreekt; maak hem met WIJKAPP_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                fromfile=f"golden/{name}.txt", tofile="export",
            )
        )
        raise AssertionError(f"{name} wijkt af van de referentie:\n{diff}")
