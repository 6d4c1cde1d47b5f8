"""A small readability meter: the level in words, a symbol, a short Dutch hint.

Colour is never the only cue: each level has its own word ("Makkelijk", "Redelijk",
"Moeilijk") and symbol, and the meter's accessible name says the level aloud for
screen readers. The tooltip lists the report's tips.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from wijkapp.i18n import N_, _
from wijkapp.plainlang import Level, ReadabilityReport
from wijkapp.plainlang.readability import EASY_FLESCH_DOUMA

__all__ = ["MeterText", "ReadabilityMeter", "meter_text", "words_to_change"]


@dataclass(frozen=True, slots=True)
class MeterText:
    """What the meter shows for a report: symbol, level word, hint, colour and tooltip."""

    symbol: str
    word: str
    hint: str
    colour: str
    tooltip: str

    @property
    def accessible_name(self) -> str:
        """The sentence a screen reader speaks."""
        return _("Leesbaarheid: {word}. {hint}").format(word=self.word, hint=self.hint)


_LEVELS = {
    Level.MAKKELIJK: ("●", N_("Makkelijk"), N_("Goed te lezen voor de meeste bewoners."), "#1e6b34"),
    Level.REDELIJK: ("◐", N_("Redelijk"), N_("Maak een paar zinnen korter of kies gewone woorden."),
                     "#7a5a00"),
    Level.MOEILIJK: ("▲", N_("Moeilijk"), N_("Veel lange zinnen of moeilijke woorden."), "#b00020"),
}


_WORDS_SHOWN = 6


def words_to_change(report: ReadabilityReport) -> list[tuple[str, str]]:
    """The words to change, in text order, once each: ``(word, advice)``.

    Official words come with their advice ("Zeg liever: volgens" or "Betekent: ...");
    long words with "lang woord".
    """
    seen: dict[str, str] = {}
    for sentence in report.sentences:
        marks = [(hit.start, " ".join(hit.found.split()), hit.advice) for hit in sentence.jargon]
        marks += [(word.start, word.word, _("lang woord")) for word in sentence.long_words]
        for _start, word, advice in sorted(marks):
            seen.setdefault(word.casefold(), f"{word}\t{advice}")
    return [tuple(value.split("\t", 1)) for value in seen.values()]  # type: ignore[misc]


def meter_text(report: ReadabilityReport | None) -> MeterText:
    """The meter's words for ``report`` (pure; ``None`` or no words: a neutral text).

    The hint gives the Flesch-Douma score next to the level's threshold and, unless the
    text is makkelijk, the words to change; the tooltip says why for each word.
    """
    if report is None or report.level is None or report.flesch_douma is None:
        return MeterText("○", _("Nog geen tekst"), _("Typ een tekst; Wijkapp kijkt mee."),
                         "#4a4a4a", "")
    symbol, word, hint, colour = _LEVELS[report.level]
    parts = [_(hint), _("Score {score} (makkelijk vanaf {easy}).").format(
        score=round(report.flesch_douma), easy=EASY_FLESCH_DOUMA)]
    changes = words_to_change(report)
    if changes and report.level is not Level.MAKKELIJK:
        listed = ", ".join(found for found, _advice in changes[:_WORDS_SHOWN])
        more = len(changes) - _WORDS_SHOWN
        parts.append(_("Verander: {words}.").format(words=listed) if more <= 0 else
                     _("Verander: {words} en nog {more}.").format(words=listed, more=more))
    lines = [report.summary, *(f"• {tip}" for tip in report.tips),
             *(f"• {found} — {advice}" for found, advice in changes)]
    return MeterText(symbol, _(word), " ".join(parts), colour, "\n".join(lines).strip())


class ReadabilityMeter(QWidget):
    """Shows a :class:`ReadabilityReport`: "Leesbaarheid: ● Makkelijk" with a hint below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty meter ("Nog geen tekst") until :meth:`set_report` is called."""
        super().__init__(parent)
        self.level_label = QLabel(self)
        self.hint_label = QLabel(self)
        self.hint_label.setProperty("role", "hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(_("Leesbaarheid:"), self))
        top.addWidget(self.level_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)  # the hint below, so it wraps over the full width
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        self._level: Level | None = None
        self.set_report(None)

    @property
    def level(self) -> Level | None:
        """The level shown now (``None`` for no text)."""
        return self._level

    def text(self) -> str:
        """The meter as one line of text, e.g. ``"● Makkelijk — Goed te lezen ..."``."""
        return f"{self.level_label.text()} — {self.hint_label.text()}"

    def set_report(self, report: ReadabilityReport | None) -> None:
        """Show ``report`` (connect this to ``PlainLanguageHighlighter.report_changed``)."""
        shown = meter_text(report)
        self._level = report.level if report is not None else None
        self.level_label.setText(f"{shown.symbol} {shown.word}")
        self.level_label.setStyleSheet(f"color: {shown.colour}; font-weight: bold;")
        self.hint_label.setText(shown.hint)
        self.setToolTip(shown.tooltip)
        self.setAccessibleName(shown.accessible_name)
        self.level_label.setAccessibleName(shown.accessible_name)
