"""One line to give any text box plain-language help: underlines, tooltips, a meter.

Other editors call::

    attach_plain_language(self.notes_edit, self.meter, extra_terms=board_terms(ws))

It installs a :class:`~ui.plainlang_highlighter.PlainLanguageHighlighter` on the box's
document, shows the plain alternative in a tooltip when the mouse rests on an underlined
word (or the reasons on a difficult sentence), and keeps ``meter`` (optional) up to
date. Calling it twice on the same box returns the first highlighter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from wijkapp.plainlang import Level

from .plainlang_highlighter import PlainLanguageHighlighter
from .readability_meter import ReadabilityMeter

if TYPE_CHECKING:
    from wijkapp.workspace import Workspace


def board_terms(ws: Workspace) -> list[tuple[str, str]]:
    """The board's own jargon words (see ``wijkapp.export.summary_pdf.board_terms``).

    Imported when called: the PDF module loads reportlab, which start-up does not need.
    """
    from wijkapp.export.summary_pdf import board_terms as terms

    return terms(ws)

__all__ = ["PlainLanguageTips", "attach_plain_language", "board_terms", "highlighter_of"]

TextBox = QPlainTextEdit | QTextEdit
_PROPERTY = "_wijkapp_plain_language"


class PlainLanguageTips(QObject):
    """Event filter on a text box's viewport: tooltips from the highlighter."""

    def __init__(self, edit: TextBox, highlighter: PlainLanguageHighlighter) -> None:
        """Watch ``edit``'s viewport (owned by ``edit``)."""
        super().__init__(edit)
        self._edit = edit
        self._highlighter = highlighter

    def tooltip_for(self, x: int, y: int) -> str:
        """The tooltip for viewport coordinates (``""`` when nothing is underlined there)."""
        from PySide6.QtCore import QPoint

        cursor = self._edit.cursorForPosition(QPoint(x, y))
        return self._highlighter.tooltip_at(cursor.position())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Answer tooltip events; let everything else through."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_for(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self._edit.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return False


def attach_plain_language(
    edit: TextBox,
    meter: ReadabilityMeter | None = None,
    extra_terms: Sequence[tuple[str, str]] = (),
    *,
    min_level: Level = Level.MOEILIJK,
) -> PlainLanguageHighlighter:
    """Give ``edit`` underlines, tooltips and (optionally) a live ``meter``; return the highlighter.

    ``extra_terms`` are the board's own words (``board_terms(ws)``). The highlighter lives as
    long as the box's document (Qt deletes it, and its timer, with the box).
    """
    existing = highlighter_of(edit)
    if existing is not None:
        if meter is not None:
            existing.report_changed.connect(meter.set_report)
            meter.set_report(existing.report)
        return existing
    highlighter = PlainLanguageHighlighter(edit.document(), extra_terms, min_level=min_level)
    tips = PlainLanguageTips(edit, highlighter)
    edit.viewport().installEventFilter(tips)
    edit.setProperty(_PROPERTY, highlighter)
    if meter is not None:
        highlighter.report_changed.connect(meter.set_report)
    return highlighter


def highlighter_of(edit: TextBox) -> PlainLanguageHighlighter | None:
    """The highlighter :func:`attach_plain_language` put on ``edit``, if any."""
    found = edit.property(_PROPERTY)
    return found if isinstance(found, PlainLanguageHighlighter) else None
