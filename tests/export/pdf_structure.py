"""Read the accessibility structure of a PDF with pikepdf: tags, alt texts, artifacts.

* :func:`structure` — the structure tree as ``(depth, tag)`` pairs in reading order;
* :func:`outside_tree` — text or images drawn outside both the tree and artifacts;
* :func:`tagged_text` — the text of the pages with the artifacts (headers, footers,
  watermark) left out, as pypdf extracts it: what a screen reader reads.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
from pypdf import PdfReader

_SHOWS_TEXT = {"Tj", "TJ", "'", '"'}
_DRAWS = _SHOWS_TEXT | {"Do", "BI", "sh"}


def _kids(node: Any) -> list[Any]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _walk(node: Any, depth: int) -> Iterator[tuple[int, Any]]:
    for kid in _kids(node):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield depth, kid
            yield from _walk(kid, depth + 1)


def elements(path: Path) -> list[tuple[int, Any]]:
    """Every structure element as ``(depth, dictionary)``, depth 0 under the root."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        assert root is not None, f"{path.name} heeft geen structuurboom (niet getagd)"
        return [(depth, pikepdf.Dictionary(dict(el.items()))) for depth, el in _walk(root, 0)]


def structure(path: Path) -> list[tuple[int, str]]:
    """The structure tree as ``(depth, tag)`` in reading order, e.g. ``(1, "H1")``."""
    return [(depth, str(el.S)[1:]) for depth, el in elements(path)]


def tags(path: Path) -> set[str]:
    """The set of structure tags used."""
    return {tag for _depth, tag in structure(path)}


def headings(path: Path) -> list[int]:
    """The heading levels in reading order (``[1, 2, 3, 3, 2]``)."""
    return [int(tag[1:]) for _d, tag in structure(path) if tag[0] == "H" and tag[1:].isdigit()]


def figure_alts(path: Path) -> list[str | None]:
    """The /Alt text of every Figure element (``None`` when missing)."""
    return [str(el.Alt) if "/Alt" in el else None
            for _depth, el in elements(path) if str(el.S) == "/Figure"]


def tree_text(path: Path) -> str:
    """The outline of the tree, one element a line, indented (for reports and failures)."""
    return "\n".join("  " * depth + tag for depth, tag in structure(path))


def _marked(instructions: Any) -> Iterator[tuple[str, bool, bool]]:
    """Each operator with (inside tagged content, inside an artifact)."""
    stack: list[tuple[bool, bool]] = []
    for operands, operator in instructions:
        op = str(operator)
        if op in ("BMC", "BDC"):
            tag = str(operands[0])
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            has_mcid = isinstance(props, pikepdf.Dictionary) and "/MCID" in props
            inherited = stack[-1] if stack else (False, False)
            stack.append((inherited[0] or has_mcid, inherited[1] or tag == "/Artifact"))
        elif op == "EMC":
            stack.pop()
        else:
            tagged, artifact = stack[-1] if stack else (False, False)
            yield op, tagged, artifact


def outside_tree(path: Path) -> list[str]:
    """Operators that draw text or images outside the tree and outside any artifact."""
    strays = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for op, tagged, artifact in _marked(pikepdf.parse_content_stream(page)):
                if op in _DRAWS and not tagged and not artifact:
                    strays.append(f"pagina {number}: {op}")
    return strays


def tagged_text(path: Path) -> str:
    """The page text without artifacts (headers, footers, page numbers, watermark)."""
    return "\n".join(tagged_pages(path))


def tagged_pages(path: Path) -> list[str]:
    """The text of each page without artifacts, page by page."""
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            kept = []
            depth_in_artifact = 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BMC", "BDC"):
                    if depth_in_artifact or str(operands[0]) == "/Artifact":
                        depth_in_artifact += 1
                        continue
                elif op == "EMC" and depth_in_artifact:
                    depth_in_artifact -= 1
                    continue
                if depth_in_artifact and op in _SHOWS_TEXT:
                    continue
                kept.append(pikepdf.ContentStreamInstruction(operands, operator))
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        buffer = io.BytesIO()
        pdf.save(buffer)
    buffer.seek(0)
    return [page.extract_text() for page in PdfReader(buffer).pages]


def document_facts(path: Path) -> dict[str, Any]:
    """/Lang, the window-title flag, the PDF/UA part, the title and /MarkInfo."""
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        prefs = pdf.Root.get("/ViewerPreferences") or {}
        mark = pdf.Root.get("/MarkInfo") or {}
        return {
            "lang": str(pdf.Root.get("/Lang", "")),
            "display_title": bool(prefs.get("/DisplayDocTitle", False)),
            "marked": bool(mark.get("/Marked", False)),
            "pdfua": str(meta.get("pdfuaid:part", "")),
            "title": str(meta.get("dc:title", "")),
            "fonts_embedded": _fonts_embedded(pdf),
        }


def _fonts_embedded(pdf: pikepdf.Pdf) -> bool:
    for page in pdf.pages:
        fonts = page.Resources.get("/Font") or {}
        for _name, font in fonts.items():
            descendants = font.get("/DescendantFonts")
            target = descendants[0] if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None or not any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                return False
    return True


#: Elements read as one line each by :func:`reading_lines` (their inline children included).
_LINES = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "Figure", "Caption", "Title"}


def _content_by_mcid(path: Path) -> dict[tuple[int, int], str]:
    """The decoded text of each marked-content sequence, keyed by (page object, MCID)."""
    texts: dict[tuple[int, int], str] = {}
    reader = PdfReader(path)
    for page in reader.pages:
        number = page.indirect_reference.idnum if page.indirect_reference else -1
        stack: list[int | None] = []

        def before(op: bytes, args: Any, _cm: Any, _tm: Any, stack: list[int | None] = stack) -> None:
            if op == b"BDC":
                props = args[1] if len(args) > 1 else None
                mcid = props.get("/MCID") if hasattr(props, "get") else None
                stack.append(int(mcid) if mcid is not None else (stack[-1] if stack else None))
            elif op == b"BMC":
                stack.append(stack[-1] if stack else None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(piece: str, *_args: Any, stack: list[int | None] = stack,
                 number: int = number) -> None:
            if piece and stack and stack[-1] is not None:
                key = (number, stack[-1])
                texts[key] = texts.get(key, "") + piece

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def _join(parts: list[str]) -> str:
    """Text pieces as one line: a line break is a space, except after a hyphen."""
    text = "".join(parts)
    text = re.sub(r"-\n+", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def reading_lines(path: Path) -> list[str]:
    """What a screen reader reads, one element a line: ``[H3] 7. Buurtagenda 2027``.

    Table rows read as ``[TR] cel | cel``; figures as ``[Figure] <alt text>``; artifacts
    (headers, footers, page numbers, the watermark) are not in the tree and not here.
    """
    content = _content_by_mcid(path)
    lines: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot

        def collect(node: Any, page: int, out: list[str]) -> None:
            for kid in _kids(node):
                if isinstance(kid, int):
                    out.append(content.get((page, kid), ""))
                elif isinstance(kid, pikepdf.Dictionary):
                    kid_page = kid.Pg.objgen[0] if "/Pg" in kid else page
                    if "/MCID" in kid and "/S" not in kid:
                        out.append(content.get((kid_page, int(kid.MCID)), ""))
                    elif "/S" in kid:
                        if str(kid.S) in ("/TD", "/TH"):
                            out.append(_join(_text_of(kid, kid_page)) + " | ")
                        else:
                            collect(kid, kid_page, out)

        def _text_of(node: Any, page: int) -> list[str]:
            out: list[str] = []
            collect(node, page, out)
            return out

        def has_line_below(node: Any) -> bool:
            return any(isinstance(k, pikepdf.Dictionary) and "/S" in k
                       and (str(k.S)[1:] in _LINES or has_line_below(k)) for k in _kids(node))

        def walk(node: Any, page: int) -> None:
            for kid in _kids(node):
                if not (isinstance(kid, pikepdf.Dictionary) and "/S" in kid):
                    continue
                tag = str(kid.S)[1:]
                kid_page = kid.Pg.objgen[0] if "/Pg" in kid else page
                if tag == "Figure":
                    lines.append(f"[Figure] {kid.Alt if '/Alt' in kid else '(geen alt-tekst)'}")
                elif tag in _LINES or not has_line_below(kid):
                    text = _join(_text_of(kid, kid_page))
                    text = text.rstrip(" |") if tag == "TR" else text
                    if text:
                        lines.append(f"[{tag}] {text}")
                else:
                    walk(kid, kid_page)

        walk(root, -1)
    return lines
