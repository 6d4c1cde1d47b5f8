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

__all__ = ["MeterText", "ReadabilityMeter", "meter_text"]


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


def meter_text(report: ReadabilityReport | None) -> MeterText:
    """The meter's words for ``report`` (pure; ``None`` or no words: a neutral text)."""
    if report is None or report.level is None:
        return MeterText("○", _("Nog geen tekst"), _("Typ een tekst; Wijkapp kijkt mee."),
                         "#4a4a4a", "")
    symbol, word, hint, colour = _LEVELS[report.level]
    tips = "\n".join(f"• {tip}" for tip in report.tips)
    tooltip = f"{report.summary}\n{tips}".strip()
    return MeterText(symbol, _(word), _(hint), colour, tooltip)


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
