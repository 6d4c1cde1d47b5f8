"""The presentatiescherm: a read-only window for the beamer that the room reads along with.

It paints a :class:`~ui.views.projector_content.ProjectorContent` in large, high-contrast
type (at least 28 pt at 1024×768, larger on larger screens, times the text-size setting)
and never takes input except its keys: **B** or **.** blanks it (like presentation
software), **Esc** closes it, **F11** switches full screen, and Page Down / Page Up (what a
presenter clicker sends) ask for the next or previous agenda item.

Everything is painted here, line by line, so what fits is decided with the same font
metrics that draw it: a long agenda shows the lines around the current item with
"▲ 3 eerdere punten", and a long list of decisions keeps the newest in view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QScreen,
    QTextLayout,
)
from PySide6.QtWidgets import QApplication, QWidget

from wijkapp.i18n import _, ngettext
from wijkapp.meeting_clock import ALMOST, OVER

from ..style import BASE_POINT_SIZE
from .projector_content import AFTER, BEFORE, DURING, ProjectorContent

#: The smallest type on the projector, at 1024×768 and 100 % (the issue's floor).
MIN_POINT_SIZE = 28.0
#: Never so large that fewer than this many lines fit on the screen.
MIN_LINES = 11
#: Below this many characters the agenda column is dropped for a one-column layout.
NARROW_CHARS = 16

PAPER = QColor("#ffffff")
INK = QColor("#111111")
MUTED = QColor("#3d3d3d")  # still 10:1 on white: a beamer washes out light greys
ACCENT = QColor("#1f4e79")
ACCENT_TEXT = QColor("#ffffff")
NOTES_PAPER = QColor("#f1efe8")
ALMOST_PAPER = QColor("#ffe08a")
OVER_PAPER = QColor("#b00020")


# Markers for what did not fit (short: the agenda column is narrow).
def earlier_items(n: int) -> str:
    return ngettext("{n} punt", "{n} punten", n).format(n=n)


def more_items(n: int) -> str:
    return ngettext("nog {n} punt", "nog {n} punten", n).format(n=n)


def more_decisions(n: int) -> str:
    return ngettext("en nog {n} besluit", "en nog {n} besluiten", n).format(n=n)


def earlier_outcomes(n: int) -> str:
    return ngettext("nog {n} eerder", "nog {n} eerder", n).format(n=n)


def later_outcomes(n: int) -> str:
    return ngettext("nog {n} later", "nog {n} later", n).format(n=n)


def projector_point_size(height_px: int, text_size: int = 100, dpi: float = 96.0) -> float:
    """The base type size in points for a screen ``height_px`` high.

    28 pt at 768 pixels, growing with the screen, times the text-size setting; capped so
    at least :data:`MIN_LINES` lines fit, and never below 28 pt.
    """
    grown = MIN_POINT_SIZE * max(1.0, height_px / 768) * max(100, text_size) / 100
    line_px = height_px / MIN_LINES
    cap = line_px / 1.3 * 72 / max(dpi, 1.0)
    return max(MIN_POINT_SIZE, min(grown, cap))


def fit_range(
    heights: Sequence[int], anchor: int, available: int, marker: int, before: int = 1
) -> tuple[int, int]:
    """Which blocks ``[start, end)`` to show so ``anchor`` is in view and all fits.

    Shows up to ``before`` blocks above the anchor first, then fills downwards, then
    upwards. A marker line ("▲ 3 eerdere punten") costs ``marker`` pixels above or below
    when blocks are left out there. The anchor is always shown, even when it alone is
    too high (the painter then cuts it off at the bottom).
    """
    count = len(heights)
    if count == 0:
        return (0, 0)
    anchor = max(0, min(anchor, count - 1))

    def cost(start: int, end: int) -> int:
        return (sum(heights[start:end]) + (marker if start > 0 else 0)
                + (marker if end < count else 0))

    start, end = anchor, anchor + 1
    for _step in range(before):
        if start > 0 and cost(start - 1, end) <= available:
            start -= 1
    while end < count and cost(start, end + 1) <= available:
        end += 1
    while start > 0 and cost(start - 1, end) <= available:
        start -= 1
    return (start, end)


def choose_screen(screens: Sequence[QScreen], current: QScreen | None) -> QScreen | None:
    """The beamer: a screen other than the secretary's, or ``None`` when there is one screen."""
    others = [screen for screen in screens if screen is not current]
    if current is None or len(screens) < 2 or not others:
        return None
    # The largest other screen: with a laptop, a beamer and a monitor, pick the big one.
    return max(others, key=lambda s: s.geometry().width() * s.geometry().height())


@dataclass
class Block:
    """A piece of text wrapped to a width: lines in one font and colour, maybe on a band."""

    lines: list[str]
    font: QFont
    color: QColor
    band: QColor | None = None
    gap: int = 0  # pixels after the block
    prefix: str = ""  # drawn left of the first line (an item number)
    indent: int = 0  # the lines start this far right of the prefix

    def height(self) -> int:
        return QFontMetrics(self.font).lineSpacing() * len(self.lines) + self.gap


#: More text than a screen can show is never laid out (a pasted report stays fast).
SHOW_AT_MOST = 1500


def head(text: str, limit: int = SHOW_AT_MOST) -> str:
    """The start of ``text``, cut at a word with "…" when it is longer than ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def tail(text: str, limit: int = SHOW_AT_MOST - 100) -> str:
    """The end of ``text`` (what is being typed), cut at a word with "…"."""
    if len(text) <= limit:
        return text
    cut = text[-limit:].split(" ", 1)[-1]
    return "… " + cut


def wrap(text: str, font: QFont, width: int) -> list[str]:
    """``text`` broken into lines that fit ``width`` pixels (paragraphs kept)."""
    text = head(text)
    lines: list[str] = []
    # A little slack: the layout's advances and the painter's can differ by a pixel or two.
    width = max(1, width - max(4, width // 40))
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
        layout.endLayout()
        metrics = QFontMetrics(font)
        # Qt counts in UTF-16 code units (an emoji is two): slice the same way.
        units = paragraph.encode("utf-16-le")
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            start, length = line.textStart() * 2, line.textLength() * 2
            text = units[start:start + length].decode("utf-16-le", "replace").rstrip()
            # One word longer than the line ("Verkeersveiligheidsoverleg") is cut with "…".
            lines.append(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
    return lines


def at_most(lines: list[str], count: int, font: QFont, width: int) -> list[str]:
    """The first ``count`` lines; the last one ends in "…" when lines were left out."""
    if len(lines) <= count:
        return lines
    last = QFontMetrics(font).elidedText(lines[count - 1] + " …", Qt.TextElideMode.ElideRight,
                                         width)
    return [*lines[:count - 1], last]


class ProjectorWindow(QWidget):
    """The window on the beamer. ``set_content`` shows new content at once."""

    next_requested = Signal()
    previous_requested = Signal()
    blank_toggled = Signal(bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None, text_size: int | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Presentatiescherm — F11: volledig scherm · B: zwart · Esc: sluiten"))
        self.setAccessibleName(_("Presentatiescherm"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(480, 360)
        self.content: ProjectorContent | None = None
        self.blank = False
        self.text_size = text_size  # None: follow the app's text size (its font)
        self.shown_texts: list[str] = []  # what the last paint put on the screen

    # -- state -------------------------------------------------------------------------
    def set_content(self, content: ProjectorContent | None) -> None:
        """Show ``content`` (``None``: the meeting is gone; an empty screen)."""
        self.content = content
        self.setAccessibleDescription("\n".join(content.texts()) if content else "")
        self.update()

    def set_blank(self, blank: bool) -> None:
        """Black screen on or off."""
        if blank != self.blank:
            self.blank = blank
            self.update()
            self.blank_toggled.emit(blank)

    def set_text_size(self, percent: int | None) -> None:
        """Use this text size (``None``: follow the app's setting, the default)."""
        self.text_size = percent
        self.update()

    def current_text_size(self) -> int:
        """The text-size percentage in force (the app font is 12 pt at 100 %)."""
        if self.text_size is not None:
            return self.text_size
        return round(self.font().pointSizeF() / BASE_POINT_SIZE * 100)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:  # Beeld → Tekstgrootte changed
            self.update()
        super().changeEvent(event)

    def place(self, main_screen: QScreen | None) -> bool:
        """Full screen on the beamer when there is a second screen; else a window to drag.

        Returns ``True`` when a second screen was found.
        """
        target = choose_screen(QGuiApplication.screens(), main_screen)
        if target is None:
            available = (main_screen or QGuiApplication.primaryScreen()).availableGeometry()
            width = min(1024, int(available.width() * 0.8))
            height = min(768, int(available.height() * 0.8))
            self.resize(width, height)
            self.move(available.center().x() - width // 2, available.center().y() - height // 2)
            self.show()
            return False
        self.setGeometry(target.geometry())
        self.show()
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()
        return True

    def toggle_full_screen(self) -> None:
        """F11: full screen on the screen the window is on, or back to a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.set_blank(not self.blank)
        elif key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self.next_requested.emit()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace):
            self.previous_requested.emit()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)

    # -- painting ----------------------------------------------------------------------------
    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(QApplication.font())
        dpi = self.logicalDpiY() or 96
        size = projector_point_size(self.height(), self.current_text_size(), dpi)
        font.setPointSizeF(size * scale)
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self.blank:
            painter.fillRect(self.rect(), QColor("#000000"))
            self.shown_texts = []
            return
        painter.fillRect(self.rect(), PAPER)
        self.shown_texts = []
        if self.content is not None:
            self._paint_content(painter, self.content)
        painter.end()

    def _draw(self, painter: QPainter, block: Block, x: int, y: int, width: int) -> int:
        """Draw ``block`` at ``y``; returns the y below it."""
        metrics = QFontMetrics(block.font)
        painter.setFont(block.font)
        if block.band is not None:
            pad = metrics.lineSpacing() // 6
            painter.fillRect(QRect(x - pad, y - pad // 2, width + 2 * pad,
                                   metrics.lineSpacing() * len(block.lines) + pad), block.band)
        painter.setPen(block.color)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if block.prefix:
            painter.drawText(QRect(x, y, block.indent, metrics.lineSpacing()), flags, block.prefix)
        for line in block.lines:
            painter.drawText(QRect(x + block.indent, y, width - block.indent,
                                   metrics.lineSpacing()), flags, line)
            y += metrics.lineSpacing()
        self.shown_texts.append(" ".join([block.prefix, *block.lines]).strip())
        return y + block.gap

    def _paint_content(self, painter: QPainter, content: ProjectorContent) -> None:
        margin = max(16, self.height() // 30)
        width = self.width() - 2 * margin
        base = self._font()
        bold = self._font(bold=True)
        line = QFontMetrics(base).lineSpacing()
        x, y = margin, margin

        # Header: the board's name, the clock on the right when the chair shows it.
        clock_width = 0
        if content.clock:
            clock_font = bold
            clock_width = QFontMetrics(clock_font).horizontalAdvance(content.clock) + line
            band = {ALMOST: ALMOST_PAPER, OVER: OVER_PAPER}.get(content.clock_status)
            color = ACCENT_TEXT if content.clock_status == OVER else INK
            box = QRect(self.width() - margin - clock_width, y, clock_width, line)
            if band is not None:
                painter.fillRect(box, band)
            painter.setFont(clock_font)
            painter.setPen(color)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), content.clock)
            self.shown_texts.append(content.clock)
        room = width - clock_width - (line if clock_width else 0)
        name = QFontMetrics(bold).elidedText(content.board_name, Qt.TextElideMode.ElideRight, room)
        y = self._draw(painter, Block([name], bold, ACCENT), x, y, room)
        if content.phase != DURING:  # during the meeting the room knows which one it is
            sub = Block(at_most(wrap(content.meeting_line, base, width), 2, base, width), base,
                        MUTED)
            y = self._draw(painter, sub, x, y, width)
        rule = max(3, line // 10)
        painter.fillRect(QRect(x, y + rule, width, rule), ACCENT)
        y += 3 * rule
        bottom = self.height() - margin

        if content.phase == BEFORE:
            self._paint_before(painter, content, x, y, width, bottom)
        elif content.phase == AFTER:
            self._paint_after(painter, content, x, y, width, bottom)
        else:
            self._paint_during(painter, content, x, y, width, bottom)

    def _marker(self, text: str, width: int) -> Block:
        font = self._font()
        return Block([QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)],
                     font, MUTED)

    def _paint_list(
        self, painter: QPainter, blocks: list[Block], anchor: int, x: int, y: int, width: int,
        bottom: int, before: int, above: Callable[[int], str], below: Callable[[int], str],
    ) -> int:
        """Paint as many blocks as fit around ``anchor``, with markers for what is left out."""
        marker_h = QFontMetrics(self._font()).lineSpacing()
        start, end = fit_range([b.height() for b in blocks], anchor, bottom - y, marker_h, before)
        if start > 0:
            y = self._draw(painter, self._marker("▲ " + above(start), width), x, y, width)
        for block in blocks[start:end]:
            y = self._draw(painter, block, x, y, width)
        if end < len(blocks):
            y = self._draw(painter, self._marker("▼ " + below(len(blocks) - end), width),
                           x, y, width)
        return y

    def _agenda_blocks(self, content: ProjectorContent, width: int) -> list[Block]:
        """Up to two lines per agenda item (cut off with "…")."""
        base = self._font()
        bold = self._font(bold=True)
        indent = QFontMetrics(bold).horizontalAdvance("00.") + QFontMetrics(base).lineSpacing() // 3
        blocks = []
        for entry in content.agenda:
            font = bold if entry.current else base
            metrics = QFontMetrics(font)
            room = width - indent
            lines = wrap(entry.title, font, room) or [""]
            keep = 2
            if len(lines) > keep:
                rest = " ".join(lines[keep - 1:])
                lines = [*lines[:keep - 1],
                         metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)]
            color = ACCENT_TEXT if entry.current else (MUTED if entry.done else INK)
            blocks.append(Block(lines, font, color, ACCENT if entry.current else None,
                                gap=QFontMetrics(base).lineSpacing() // 6,
                                prefix=entry.number, indent=indent))
        return blocks

    def _paint_before(self, painter: QPainter, content: ProjectorContent, x: int, y: int,
                      width: int, bottom: int) -> None:
        title = self._font(1.25, bold=True)
        base = self._font()
        y += QFontMetrics(base).lineSpacing() // 3
        y = self._draw(painter, Block(wrap(content.welcome, title, width), title, ACCENT,
                                      gap=QFontMetrics(base).lineSpacing() // 4), x, y, width)
        y = self._draw(painter, Block(wrap(content.place_line, base, width), base, INK,
                                      gap=QFontMetrics(base).lineSpacing() // 2), x, y, width)
        y = self._draw(painter, Block([_("Agenda")], self._font(bold=True), INK), x, y, width)
        blocks = self._agenda_blocks(content, width)
        self._paint_list(painter, blocks, 0, x, y, width, bottom, 0,
                         earlier_items, more_items)

    def _paint_after(self, painter: QPainter, content: ProjectorContent, x: int, y: int,
                     width: int, bottom: int) -> None:
        title = self._font(1.25, bold=True)
        base = self._font()
        bold = self._font(bold=True)
        spacing = QFontMetrics(base).lineSpacing()
        y += spacing // 3
        y = self._draw(painter, Block(wrap(content.welcome, title, width), title, ACCENT,
                                      gap=spacing // 2), x, y, width)
        next_block = Block(wrap(content.next_meeting, bold, width), bold, ACCENT_TEXT, ACCENT)
        next_top = bottom - next_block.height() - spacing // 6
        y = self._draw(painter, Block([_("Besluiten van deze vergadering")], bold, INK), x, y, width)
        if content.decisions:
            blocks = [Block(wrap(text, base, width), base, INK, gap=spacing // 4)
                      for text in content.decisions]
            self._paint_list(painter, blocks, 0, x, y, width, next_top - spacing // 2, 0,
                             earlier_items, more_decisions)
        else:
            self._draw(painter, Block(wrap(_("Er zijn vandaag geen besluiten genomen."), base,
                                           width), base, MUTED), x, y, width)
        self._draw(painter, next_block, x, next_top, width)

    def _paint_during(self, painter: QPainter, content: ProjectorContent, x: int, y: int,
                      width: int, bottom: int) -> None:
        base = self._font()
        spacing = QFontMetrics(base).lineSpacing()
        gutter = spacing
        y += spacing // 3
        current = next((i for i, entry in enumerate(content.agenda) if entry.current), None)
        left = int(width * 0.34)
        narrow = left < QFontMetrics(base).averageCharWidth() * NARROW_CHARS
        if narrow or not content.agenda:
            # Large text on a small screen: one column, the agenda as "Punt 7 van 11"
            # above the item and "Hierna: 8. …" at the bottom.
            right_x, right = x, width
            if content.agenda and current is not None:
                position = _("Punt {n} van {total}").format(n=current + 1,
                                                            total=len(content.agenda))
                y = self._draw(painter, Block([position], base, MUTED), x, y, width)
                if current + 1 < len(content.agenda):
                    following = content.agenda[current + 1]
                    text = _("Hierna: {number} {title}").format(number=following.number,
                                                                 title=following.title)
                    hint = Block([QFontMetrics(base).elidedText(
                        head(text), Qt.TextElideMode.ElideRight, width)], base, MUTED)
                    bottom -= hint.height()
                    self._draw(painter, hint, x, bottom, width)
        else:
            right_x = x + left + gutter
            right = width - left - gutter
            # Left: the agenda, the current item on a band.
            blocks = self._agenda_blocks(content, left)
            self._paint_list(painter, blocks, current or 0, x, y, left, bottom, 1,
                             earlier_items, more_items)
            painter.fillRect(QRect(x + left + gutter // 2 - 1, y, 2, bottom - y), MUTED)
        # Right: the current item, then what was decided and agreed (newest kept in view).
        title = self._font(1.15, bold=True)
        title_lines = at_most(wrap(content.item_title, title, right), 3, title, right)
        top = self._draw(painter, Block(title_lines, title, ACCENT), right_x, y, right)
        if content.item_meta:
            meta = at_most(wrap(content.item_meta, base, right), 2, base, right)
            top = self._draw(painter, Block(meta, base, MUTED), right_x, top, right)
        top += spacing // 3
        outcome_blocks = [
            Block(wrap(text, base, right), base, INK, gap=spacing // 4)
            for text in [*content.decisions, *content.actions]
        ]
        if content.notes is not None and content.notes.strip():
            notes_font = self._font()
            lines = wrap(tail(content.notes.strip()), notes_font, right)
            # The notes are being typed: keep their end in view.
            room = max(1, (bottom - top) // QFontMetrics(notes_font).lineSpacing() - 1)
            others = sum(b.height() for b in outcome_blocks) // QFontMetrics(notes_font).lineSpacing()
            keep = max(3, room - min(others, room // 2))  # the latest decision may stay in view
            if len(lines) > keep:
                lines = ["…", *lines[-(keep - 1):]]
            outcome_blocks.append(Block(lines, notes_font, INK, NOTES_PAPER))
        if not outcome_blocks:
            outcome_blocks = [Block(wrap(_("Nog geen besluiten of actiepunten bij dit punt."),
                                         base, right), base, MUTED)]
        notes_shown = content.notes is not None and bool(content.notes.strip())
        # Keep the newest in view, or the notes being typed, or the action being discussed.
        focus = (len(outcome_blocks) - 1 if content.focus is None or notes_shown
                 else content.focus)
        before = len(outcome_blocks) if focus == len(outcome_blocks) - 1 else 1
        self._paint_list(painter, outcome_blocks, focus, right_x, top, right,
                         bottom, before, earlier_outcomes, later_outcomes)

