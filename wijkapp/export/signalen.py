"""Tellen en vertellen as a tagged PDF: counts per theme and group by quarter, the groups
not heard, a few residents' own words (anonymous unless consent), and "U zei, wij deden".

The data is built here as JSON (:func:`signalen_data`) and typeset by
``resources/typst/signalen.typ`` through :func:`~wijkapp.export.typst_render.render_pdf`.
Entry point: :func:`write_signalen_pdf` (``wijkapp export signalen``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError, ValidationError
from ..i18n import _
from ..safe_output import check_output_path, write_atomic
from ..timeutil import today
from ..voice import (
    SAID_DID_HEADING,
    VoiceFigures,
    count_sentences,
    heard_on_label,
    not_heard_sentence,
    voice_figures,
)
from . import formatting as fmt
from .content import board_logo
from .typst_render import page_data, render_pdf, svg_data
from .year_charts import BLUE, GREY, Bar, bar_chart

if TYPE_CHECKING:
    from ..workspace import Workspace

#: How the figures are counted, printed at the end of the document.
EXPLANATION = (
    "Een signaal telt in het jaar en kwartaal waarin we het hoorden.",
    "Een signaal met meer thema's of groepen telt bij elk daarvan één keer; het totaal "
    "telt elk signaal één keer.",
    "Opgepakt: doorgegeven aan de gemeente, een partner, de agenda of de buurtagenda, of "
    "we schreven op wat we deden.",
    "Citaten staan er zonder naam, tenzij de bewoner toestemming gaf.",
)


def _table(rows: tuple[tuple[str, tuple[int, int, int, int]], ...], first: str,
           mark_silence: bool) -> dict[str, Any]:
    """Rows with four quarters and a total; with ``mark_silence`` a row of zeros says
    "(niet gehoord)" and gets a red bar (for groups: a voice that is missing)."""
    header = [first, "Kw. 1", "Kw. 2", "Kw. 3", "Kw. 4", "Totaal"]
    cells = []
    zero = []
    for index, (label, quarters) in enumerate(rows):
        total = sum(quarters)
        silent = mark_silence and not total
        if silent:
            zero.append(index)
        cells.append([f"{label} (niet gehoord)" if silent else label,
                      *(str(q) for q in quarters), str(total)])
    return {"header": header, "rows": cells, "highlight": zero}


def _chart(fig: VoiceFigures) -> tuple[str, str]:
    bars = [Bar(label, n, color=BLUE if n else GREY) for label, n in fig.by_theme]
    if not bars:
        return "", ""
    drawing = bar_chart(bars, 440, unit="signalen")
    alt = "Signalen per thema in {year}: {list}.".format(
        year=fig.year, list="; ".join(f"{label} {n}" for label, n in fig.by_theme))
    return svg_data(drawing), alt


def signalen_data(ws: Workspace, year: int, on: dt.date | None = None) -> dict[str, Any]:
    """Everything the tellen-en-vertellen PDF prints, as JSON-ready data."""
    fig = voice_figures(ws, year, on or today())
    board = ws.board
    title = f"Tellen en vertellen {year}"
    sentence = not_heard_sentence(fig.groups_not_heard, year, fig.on.year == year)
    chart, alt = _chart(fig)
    return {
        "page": page_data(board.name, footer=f"{title} · {board.name}", logo=board_logo(ws)),
        "title": title,
        "subtitle": f"Wat bewoners{' van ' + board.wijk if board.wijk else ''} ons vertelden, "
                    "en wat we ermee deden",
        "made_on": f"Stand op {fmt.long_date(fig.on)}.",
        "not_heard": sentence,
        "intro": [line for line in count_sentences(fig) if line != sentence],
        "themes": _table(fig.theme_quarters, "Thema", False),
        "groups": _table(fig.group_quarters, "Groep", True),
        "chart": chart,
        "chart_alt": alt,
        "quotes": [
            {"words": q.words,
             "by": ", ".join(part for part in (q.name, heard_on_label(q.heard_on), q.place) if part),
             "about": ", ".join(q.themes + q.groups)}
            for q in fig.quotes
        ],
        "said_did_heading": SAID_DID_HEADING,
        "said_did": [{"said": item.said, "did": item.did} for item in fig.said_did],
        "explanation": list(EXPLANATION),
    }


def default_name(ws: Workspace, year: int) -> str:
    """``Tellen en vertellen 2026 Wijkplatform Geleen-Zuid.pdf``."""
    return fmt.safe_filename(f"Tellen en vertellen {year} {ws.board.name}", ".pdf")


def write_signalen_pdf(ws: Workspace, year: int, out: Path, *, on: dt.date | None = None) -> Path:
    """Write the tellen-en-vertellen PDF of ``year`` to ``out`` (a file or a folder).

    The file appears complete or not at all; Dutch :class:`ValidationError` or
    ``WriteFailedError`` when it cannot be made.
    """
    if not 1900 <= year <= 2200:
        raise ValidationError(_("Het jaar {year} is geen geldig jaar; gebruik bijvoorbeeld 2026.").format(year=year))
    try:
        board = ws.board
    except NotFoundError as error:
        raise ValidationError(str(error)) from None
    out = Path(out)
    if out.is_dir():
        out = out / default_name(ws, year)
    check_output_path(out, ws.path)
    data = signalen_data(ws, year, on)
    pdf = render_pdf("signalen", data, title=data["title"], author=board.name,
                     subject=f"Signalen van bewoners in {year}: tellen en vertellen")
    def write(path: Path) -> None:
        path.write_bytes(pdf)

    write_atomic(out, write, ws.path)
    return out
