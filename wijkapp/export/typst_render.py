"""Typeset documents with Typst: tagged, accessible PDF (PDF/UA-1) from a template and data.

Every PDF Wijkapp makes goes through :func:`render_pdf`::

    pdf = render_pdf("minutes", {"page": page_data("Wijkplatform Geleen-Zuid", draft=True),
                                 "items": [...]},
                     title="Verslag donderdag 12 november 2026")

* ``template`` names a readable file in ``resources/typst/`` (``"minutes"`` →
  ``resources/typst/minutes.typ``). Templates import the house style from
  ``resources/typst/wijkapp.typ`` (fonts, header with the board's name and logo, footer
  with "Pagina X van Y", the CONCEPT watermark); see the comment at its top.
* ``data`` is any JSON-able mapping. It reaches the template as JSON (``sys.inputs``),
  never as markup: ``*vet*``, ``#let`` or ``<b>`` typed by a user print exactly as typed.
  Every string in it is first made printable (:func:`printable`): characters the
  embedded font cannot draw (emoji) and control characters, including the bidirectional
  controls that could reverse surrounding text, are dropped.
* The result is a tagged PDF with a structure tree (headings, paragraphs, lists, tables
  with header cells, figures with alt text), page furniture as artifacts, ``/Lang``
  (``nl-NL`` by default), the title as window title and a PDF/UA-1 identification. Only
  the fonts in ``resources/fonts`` are used and they are embedded (DejaVu Sans: ĳ, Ĳ, €).

Helpers for the data: :func:`page_data` (the house style's page furniture),
:func:`svg_data` (a reportlab chart as SVG text for ``image(bytes(...), alt: ...)``) and
:func:`logo_svg` (a logo file as SVG text, so no file path ever reaches a template).

Rendering is thread-safe (one compiler per thread) and takes milliseconds for a
normal document; the ``typst`` package is pinned in pyproject.toml because the
templates depend on its exact version.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import WijkappError
from ..i18n import _
from ..paths import resource_path
from .typst_unpack import load_typst

__all__ = [
    "DocumentError",
    "logo_svg",
    "page_data",
    "printable",
    "render_pdf",
    "svg_data",
    "template_path",
]

#: The PDF standard every document claims (and Typst checks while it writes).
PDF_STANDARD = "ua-1"
#: Characters never printed: C0 controls except tab/newline, DEL, the bidirectional
#: embedding/override/isolate controls and the zero-width joiners of emoji sequences.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200d\ufe0e\ufe0f]")
_EURO_SPACE = re.compile(r"€ (?=\d)")
#: A run this long without a space cannot wrap; it gets break opportunities (U+200B).
_LONG_RUN = re.compile(r"[^\s\u200b]{41,}")
_RUN_PIECE = re.compile(r"[^\s\u200b]{1,30}")
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]([A-Za-z]{2}))?$")


class DocumentError(WijkappError):
    """A document could not be typeset; the message is a Dutch sentence."""


def template_path(template: str) -> Path:
    """The ``.typ`` file of ``template`` (a bare name such as ``"minutes"``)."""
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", template):
        raise ValueError(f"not a template name: {template!r}")
    return resource_path("typst", f"{template}.typ")


@functools.cache
def _glyphs() -> frozenset[int]:
    """The code points DejaVu Sans draws (read once from the font's cmap)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    font = TTFontFile(str(resource_path("fonts", "DejaVuSans.ttf")))
    return frozenset(font.charToGlyph)


def printable(text: str | None) -> str:
    """User text as the embedded font can draw it: never a black box, never reversed.

    Drops emoji (U+1F000 and up), characters DejaVu Sans lacks, control characters and
    bidirectional controls (U+202A–U+202E, U+2066–U+2069); ``\\r\\n`` and ``\\r`` become
    ``\\n``, tabs four spaces, and ``€ 12`` keeps the euro sign with its amount. A run of
    more than 40 characters without a space (a pasted link, a row of dashes) gets an
    invisible break opportunity every 30 characters, so it wraps instead of running off
    the page.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _UNPRINTABLE.sub("", text)
    text = _EURO_SPACE.sub("€\u00a0", text)
    if not text.isascii():
        glyphs = _glyphs()
        text = "".join(c for c in text if c == "\n" or (ord(c) < 0x1F000 and ord(c) in glyphs))
    return _LONG_RUN.sub(_breakable, text)


def _breakable(match: re.Match[str]) -> str:
    return "\u200b".join(_RUN_PIECE.findall(match.group(0)))


#: Keys whose values are images Wijkapp made itself (SVG text), never user text: they pass
#: untouched, since a break opportunity inside their data would break the image.
IMAGE_KEYS = frozenset({"logo", "svg"})


def _clean(value: Any) -> Any:
    """``value`` with every string made :func:`printable` (dict keys are left alone;
    the images under :data:`IMAGE_KEYS` are passed as they are)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, Mapping):
        return {str(key): item if key in IMAGE_KEYS and isinstance(item, str) else _clean(item)
                for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def page_data(
    board_name: str,
    *,
    footer: str = "",
    logo: Path | None = None,
    draft: bool = False,
    wide: bool = False,
) -> dict[str, Any]:
    """The page furniture of the house style, to pass as ``data["page"]``.

    ``board_name`` heads every page (with the logo when ``logo`` is a readable image; a
    name longer than 80 characters is shortened there with "…"); ``footer`` is printed
    left of "Pagina X van Y" (default: the document title);
    ``draft`` puts "CONCEPT" across every page; ``wide`` turns the page to landscape.
    """
    return {"board": _shortened(board_name, 80), "footer": _shortened(footer, 120),
            "logo": logo_svg(logo) if logo else "", "draft": draft, "wide": wide}


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with "…" (page furniture only)."""
    text = " ".join(printable(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[: limit] else text[:limit]
    return cut.rstrip(" ,;:-") + "…"


def logo_svg(path: Path) -> str:
    """An image file (PNG, JPEG, GIF, SVG) as SVG text; ``""`` when it is not a usable image.

    Raster images are wrapped in an SVG of their own size as a ``data:`` URI, so the
    template receives the logo as data and never reads a path. A broken logo never stops
    an export.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return ""
    head = raw[:512].lstrip()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in raw:
        return raw.decode("utf-8", "replace")
    try:
        from PIL import Image

        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            width, height = image.size
            kind = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif"}.get(image.format or "")
    except Exception:  # noqa: BLE001 - any unreadable image is simply left out
        return ""
    if kind is None or not width or not height:
        return ""
    encoded = base64.b64encode(raw).decode("ascii")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<image width="{width}" height="{height}" '
            f'xlink:href="data:image/{kind};base64,{encoded}"/></svg>')


def svg_data(drawing: Any) -> str:
    """A reportlab ``Drawing`` as SVG text for a template's ``image(bytes(..), format: "svg")``.

    Font names are mapped to the family Typst knows ("DejaVuSans-Bold" → "DejaVu Sans",
    bold), so the chart's words are drawn with the same embedded font as the text.
    """
    from reportlab.graphics import renderSVG

    svg = renderSVG.drawToString(drawing)
    svg = re.sub(r"font-family:\s*DejaVuSans-Bold", "font-family: DejaVu Sans; font-weight: bold",
                 svg)
    svg = re.sub(r"font-family:\s*DejaVuSans-Oblique",
                 "font-family: DejaVu Sans; font-style: italic", svg)
    return re.sub(r"font-family:\s*DejaVuSans\b", "font-family: DejaVu Sans", svg)


_local = threading.local()


def _compiler() -> Any:
    """This thread's Typst compiler: our fonts only, templates rooted in resources/typst."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        typst = load_typst()
        fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                            font_paths=[str(resource_path("fonts"))])
        compiler = typst.Compiler(root=str(resource_path("typst")), font_paths=fonts,
                                  ignore_system_fonts=True)
        _local.compiler = compiler
    return compiler


def _language(lang: str) -> tuple[str, str]:
    match = _LANG.match(lang.strip())
    if not match:
        raise ValueError(f"not a language tag: {lang!r}")
    language = match.group(1).lower()
    region = (match.group(2) or ("NL" if language == "nl" else "")).upper()
    return language, region


def render_pdf(
    template: str,
    data: Mapping[str, Any],
    *,
    title: str,
    lang: str = "nl",
    author: str = "",
    subject: str = "",
    timestamp: dt.datetime | None = None,
) -> bytes:
    """Typeset ``resources/typst/<template>.typ`` with ``data`` and return the PDF bytes.

    ``title`` is the document title (shown as the window title; required by PDF/UA);
    ``lang`` a language tag, ``"nl"`` meaning ``nl-NL``; ``author`` and ``subject`` go
    into the metadata; ``timestamp`` (aware) fixes the creation date, else now. The
    template reads ``data`` through the house style (``#let data = wijkapp-data()``) and
    these settings through ``wijkapp-meta()``. Raises :class:`DocumentError` with a Dutch
    sentence when Typst refuses the document (a bug in a template, never the user's text).
    """
    path = template_path(template)
    language, region = _language(lang)
    meta = {"title": printable(title).strip() or "Document", "lang": language,
            "region": region, "author": printable(author), "subject": printable(subject)}
    inputs = {"data": json.dumps(_clean(data), ensure_ascii=False),
              "meta": json.dumps(meta, ensure_ascii=False)}
    moment = (timestamp or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    typst = load_typst()
    try:
        pdf = _compiler().compile(input=str(path), format="pdf", sys_inputs=inputs,
                                  pdf_standards=[PDF_STANDARD], timestamp=moment)
    except typst.TypstError as error:
        detail = getattr(error, "message", "") or str(error)
        raise DocumentError(
            _("Het document '{title}' kon niet worden opgemaakt ({detail}). "
            "Dit is een fout in Wijkapp; meld het alstublieft.").format(title=meta['title'], detail=detail)
        ) from error
    if not isinstance(pdf, bytes):
        raise DocumentError(_("Het document '{title}' kon niet worden opgemaakt.").format(title=meta['title']))
    return pdf
