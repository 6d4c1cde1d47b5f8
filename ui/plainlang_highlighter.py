"""Underline difficult sentences (wavy) and official words (dotted) while the user types.

Typing stays smooth in long notes because the analysis never runs on the keystroke path:
an edit only restarts a debounce timer (``delay_ms``, 250 ms). When it fires, the whole
text is analysed once with :func:`wijkapp.plainlang.analyse_text`, the results are cut
into per-block spans, and only the blocks whose underlines changed are repainted.
``highlightBlock`` itself just copies cached spans, and paints nothing on a block whose
text changed since the last analysis (until the next one), so an underline is never
shown at a wrong place. :meth:`PlainLanguageHighlighter.tooltip_at` gives the plain
alternative or the reasons for a character position.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from wijkapp.i18n import _
from wijkapp.plainlang import JargonHit, Level, ReadabilityReport, SentenceReport, analyse_text

__all__ = ["DEFAULT_DELAY_MS", "PlainLanguageHighlighter", "Underline", "jargon_tooltip"]

DEFAULT_DELAY_MS = 250
SENTENCE_COLOUR = "#3f6f9f"  # calm blue; the wavy line is the cue, not the colour alone
JARGON_COLOUR = "#a35a00"  # dark amber, dotted
JARGON_BACKGROUND = "#fdf0d8"  # a faint tint, so the word stands out for tired eyes too


@dataclass(frozen=True, slots=True)
class Underline:
    """One underline inside a block: ``start``/``length`` relative to the block's text."""

    start: int
    length: int
    kind: str  # "sentence" or "jargon"


def jargon_tooltip(hit: JargonHit) -> str:
    """The tooltip of an official word: a word to use instead, or what it means."""
    found = " ".join(hit.found.split())
    if hit.explains:
        return _("'{found}' is ambtelijke taal. Betekent: {alternative}").format(
            found=found, alternative=hit.alternative)
    return _("'{found}' is ambtelijke taal. Zeg liever: {alternative}").format(
        found=found, alternative=hit.alternative
    )


def _sentence_tooltip(sentence: SentenceReport) -> str:
    reasons = " ".join(sentence.reasons)
    return _("Moeilijke zin. {reasons}").format(reasons=reasons).strip()


class PlainLanguageHighlighter(QSyntaxHighlighter):
    """Highlights a document; emits :attr:`report_changed` after each analysis."""

    #: The new :class:`ReadabilityReport` (``None`` while the text is empty).
    report_changed = Signal(object)

    def __init__(
        self,
        document: QTextDocument,
        extra_terms: Sequence[tuple[str, str]] = (),
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
        min_level: Level = Level.MOEILIJK,
    ) -> None:
        """Attach to ``document``; ``extra_terms`` are the board's own ``(term, alternative)``.

        Sentences of ``min_level`` (default: moeilijk only) get the wavy underline.
        """
        super().__init__(document)
        self._extra = tuple(extra_terms)
        order = list(Level)[::-1]  # moeilijk, redelijk, makkelijk
        self._min_levels = set(order[: order.index(min_level) + 1])
        self._report: ReadabilityReport | None = None
        self._analysed_revision = -1
        self._analysed_text = ""
        self._blocks: dict[int, tuple[str, tuple[Underline, ...]]] = {}
        self._painted: dict[int, tuple[Underline, ...]] = {}
        #: Seconds spent inside highlightBlock, summed (read by the benchmark and the tests).
        self.paint_seconds = 0.0
        #: Seconds the last analysis took (off the keystroke path).
        self.last_analysis_seconds = 0.0
        styles = QTextCharFormat.UnderlineStyle
        self._formats = {"sentence": self._format(SENTENCE_COLOUR, styles.WaveUnderline),
                         "jargon": self._format(JARGON_COLOUR, styles.DotLine)}
        self._formats["jargon"].setBackground(QColor(JARGON_BACKGROUND))
        self._units = _Utf16("")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.analyse_now)
        document.contentsChange.connect(self._on_change)
        if document.characterCount() > 1:
            self._timer.start()

    # -- public ---------------------------------------------------------------------
    @property
    def report(self) -> ReadabilityReport | None:
        """The report of the last analysis (``None`` before the first one or for no text)."""
        return self._report

    @property
    def pending(self) -> bool:
        """True while an edit waits for its analysis."""
        return self._timer.isActive()

    def set_extra_terms(self, extra_terms: Sequence[tuple[str, str]]) -> None:
        """Use other board words from now on (re-analyses at once)."""
        self._extra = tuple(extra_terms)
        self._analysed_revision = -1
        self.analyse_now()

    def stop(self) -> None:
        """Stop the debounce timer (when the editor goes away)."""
        self._timer.stop()

    def analyse_now(self) -> None:
        """Analyse the current text if it changed, repaint changed blocks, emit the report."""
        self._timer.stop()
        document = self.document()
        if document is None:
            return
        text = document.toPlainText()
        # setPlainText starts the revision count again, so compare the text as well.
        if document.revision() == self._analysed_revision and text == self._analysed_text:
            return
        started = time.perf_counter()
        report = analyse_text(text, self._extra) if text.strip() else None
        self._analysed_revision = document.revision()
        self._analysed_text = text
        self._units = _Utf16(text)
        self._report = report
        self._blocks = self._cut_into_blocks(document, report)
        for number in range(document.blockCount()):
            wanted = self._blocks.get(number, ("", ()))[1]
            if self._painted.get(number, ()) != wanted:
                self.rehighlightBlock(document.findBlockByNumber(number))
        self.last_analysis_seconds = time.perf_counter() - started
        self.report_changed.emit(report)

    def qt_position(self, index: int) -> int:
        """The document position of ``index`` in the last analysed text (emoji count twice)."""
        return self._units.to_qt(index)

    def tooltip_at(self, position: int) -> str:
        """The tooltip for a document position (Qt's, as from a cursor): the plain word,
        the reasons a sentence is difficult, or ``""``. Analyses first when text changed."""
        document = self.document()
        if document is not None and document.revision() != self._analysed_revision:
            self.analyse_now()
        report = self._report
        if report is None:
            return ""
        position = self._units.to_python(position)
        for hit in report.jargon:
            if hit.start <= position < hit.end:
                return jargon_tooltip(hit)
        for sentence in report.sentences:
            if sentence.start <= position < sentence.end:
                return _sentence_tooltip(sentence) if sentence.level in self._min_levels else ""
        return ""

    # -- Qt ---------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Paint the cached underlines of this block; nothing when its text changed since."""
        started = time.perf_counter()
        number = self.currentBlock().blockNumber()
        cached_text, spans = self._blocks.get(number, ("", ()))
        if cached_text != text:
            spans = ()
        for span in spans:
            self.setFormat(span.start, span.length, self._formats[span.kind])
        self._painted[number] = spans
        self.paint_seconds += time.perf_counter() - started

    # -- helpers ----------------------------------------------------------------------
    def _on_change(self, _position: int, removed: int, added: int) -> None:
        if removed or added:
            self._timer.start()

    @staticmethod
    def _format(colour: str, style: QTextCharFormat.UnderlineStyle) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setUnderlineStyle(style)
        char_format.setUnderlineColor(QColor(colour))
        return char_format

    def _cut_into_blocks(
        self, document: QTextDocument, report: ReadabilityReport | None
    ) -> dict[int, tuple[str, tuple[Underline, ...]]]:
        """Turn the report's text offsets into underlines per block (block-relative)."""
        if report is None:
            return {}
        ranges: list[tuple[int, int, str]] = [
            (s.start, s.end, "sentence") for s in report.sentences if s.level in self._min_levels
        ]
        ranges += [(hit.start, hit.end, "jargon") for hit in report.jargon]  # painted last: wins
        per_block: dict[int, list[Underline]] = {}
        units = self._units
        for python_start, python_end, kind in ranges:
            start, end = units.to_qt(python_start), units.to_qt(python_end)
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                first = max(start, block.position()) - block.position()
                last = min(end, block.position() + block.length() - 1) - block.position()
                if last > first:
                    spans = per_block.setdefault(block.blockNumber(), [])
                    spans.append(Underline(first, last - first, kind))
                block = block.next()
        result: dict[int, tuple[str, tuple[Underline, ...]]] = {}
        for number, spans in per_block.items():
            result[number] = (document.findBlockByNumber(number).text(), tuple(spans))
        return result


class _Utf16:
    """Python string indices <-> Qt positions (UTF-16 units: an emoji counts twice)."""

    def __init__(self, text: str) -> None:
        astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF] if not (
            text.isascii() or max(text, default="a") <= "\uffff") else []
        self._python = astral
        # Qt position just after the first (high) surrogate of each astral character.
        self._after_high = [index + number + 1 for number, index in enumerate(astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect.bisect_left(self._python, index) if self._python else index

    def to_python(self, position: int) -> int:
        if not self._after_high:
            return position
        return position - bisect.bisect_right(self._after_high, position)
