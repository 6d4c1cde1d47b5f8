"""Bar charts for the jaarverslag, drawn with reportlab graphics and placed as SVG figures.

Horizontal bars only: the Dutch label sits in full on the left, the count at the end of
the bar, so nothing is rotated or cut off. Every bar starts at zero (a drawn zero line
and a scale along the bottom show it) and colour is never the only signal: each bar has
its words and its number. :func:`chart_figure` returns the chart as SVG text with its
alternative text (what the chart says, in words), ready for the template's ``chart()``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource_path
from .typst_render import printable, svg_data

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#4D4D4D")
RULE = colors.HexColor("#9E9E9E")
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

BLUE = colors.HexColor("#1F4E79")
GREEN = colors.HexColor("#1E6B34")
AMBER = colors.HexColor("#A85400")
RED = colors.HexColor("#B00000")
GREY = colors.HexColor("#7A7A7A")

LABEL_SIZE = 11.0
ROW = 25.0
BAR = 17.0


@functools.cache
def register_fonts() -> None:
    """Register DejaVu Sans with reportlab once, for measuring and naming the chart's text."""
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))


@dataclass(frozen=True)
class Bar:
    """One bar: its Dutch label, its value, the text printed after it, its colour."""

    label: str
    value: float
    text: str = ""
    color: colors.Color = BLUE


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 5 × 10ⁿ) giving at most ``ticks`` intervals up to ``top``."""
    if top <= 10:
        return 1.0
    raw = top / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if step >= raw:
            return float(max(step, 1.0))
    return float(10 * magnitude)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def bar_chart(bars: Sequence[Bar], width: float, *, scale_max: float | None = None,
              unit: str = "") -> Drawing:
    """A horizontal bar chart ``width`` points wide; the value axis runs from zero.

    ``scale_max`` fixes the end of the scale (e.g. the number of members); otherwise it
    is the largest value rounded up to a round step. ``unit`` is printed under the scale.
    """
    register_fonts()
    labels = [printable(b.label) for b in bars]
    texts = [printable(b.text or _number(b.value)) for b in bars]
    label_width = min(
        max((pdfmetrics.stringWidth(t, FONT, LABEL_SIZE) for t in labels), default=0) + 10,
        width * 0.42,
    )
    text_width = max((pdfmetrics.stringWidth(t, FONT_BOLD, LABEL_SIZE) for t in texts),
                     default=0) + 8
    top_value = max([b.value for b in bars] + [scale_max or 0, 0])
    step = nice_step(top_value)
    top = scale_max if scale_max else max(step, math.ceil(top_value / step) * step)
    step = nice_step(top)
    axis = 30.0 if unit else 18.0
    height = ROW * len(bars) + axis + 4
    drawing = Drawing(width, height)
    x0 = label_width
    span = max(width - x0 - text_width, 10.0)
    for index, (bar, label, text) in enumerate(zip(bars, labels, texts, strict=True)):
        y = height - (index + 1) * ROW
        drawing.add(String(x0 - 8, y + (ROW - LABEL_SIZE) / 2 + 1, _fit(label, x0 - 10),
                           fontName=FONT, fontSize=LABEL_SIZE, fillColor=INK,
                           textAnchor="end"))
        length = span * max(bar.value, 0) / top if top else 0
        if length > 0:
            drawing.add(Rect(x0, y + (ROW - BAR) / 2, length, BAR, fillColor=bar.color,
                             strokeColor=None))
        drawing.add(String(x0 + length + 5, y + (ROW - LABEL_SIZE) / 2 + 1, text,
                           fontName=FONT_BOLD, fontSize=LABEL_SIZE, fillColor=INK))
    base = axis
    drawing.add(Line(x0, base, x0, height, strokeColor=INK, strokeWidth=1.2))
    drawing.add(Line(x0, base, x0 + span, base, strokeColor=RULE, strokeWidth=0.8))
    tick = 0.0
    while tick <= top + 1e-9:
        x = x0 + span * tick / top
        drawing.add(Line(x, base, x, base - 4, strokeColor=RULE, strokeWidth=0.8))
        drawing.add(String(x, base - 14, _number(tick), fontName=FONT, fontSize=9.5,
                           fillColor=MUTED, textAnchor="middle"))
        tick += step
    if unit:
        drawing.add(String(x0 + span / 2, 1, printable(unit), fontName=FONT, fontSize=9.5,
                           fillColor=MUTED, textAnchor="middle"))
    return drawing


def _fit(text: str, room: float) -> str:
    if pdfmetrics.stringWidth(text, FONT, LABEL_SIZE) <= room:
        return text
    while text and pdfmetrics.stringWidth(text + "…", FONT, LABEL_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def chart_alt(title: str, bars: Sequence[Bar], unit: str = "") -> str:
    """The alternative text of a chart: its title and every bar in words."""
    parts = [f"{printable(b.label)}: {printable(b.text or _number(b.value))}" for b in bars]
    scale = f" ({unit}, de schaal begint bij nul)" if unit else ""
    return f"Staafdiagram {title}{scale}. " + "; ".join(parts) + "."


def chart_figure(title: str, bars: Sequence[Bar], width: float, *,
                 scale_max: float | None = None, unit: str = "") -> dict[str, str]:
    """``{"heading", "svg", "alt"}`` for the template: the chart as SVG plus its alt text."""
    drawing = bar_chart(bars, width, scale_max=scale_max, unit=unit)
    return {"heading": title, "svg": svg_data(drawing), "alt": chart_alt(title, bars, unit)}
