"""'Brief van de gemeente': a pasted municipal letter, sentence by sentence, with a glossary.

The board pastes a letter; this returns every jargon word with its plain meaning, a word
list (each term once, in order of first appearance) and the difficulty of each sentence,
on top of the ordinary readability report. Nothing is stored here; saving the letter with
the request it answers is the core's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wijkapp.plainlang.jargon import JargonHit, advice
from wijkapp.plainlang.readability import Level, ReadabilityReport, SentenceReport, analyse_text

__all__ = ["GlossaryEntry", "LetterAnalysis", "analyse_letter", "annotate"]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One term of the letter's word list: how it was written, how often, what it means."""

    term: str
    alternative: str
    category: str
    found: tuple[str, ...]
    count: int
    first_start: int
    explains: bool = False

    @property
    def advice(self) -> str:
        """``Zeg liever: volgens`` or ``Betekent: ...`` (see :func:`~.jargon.advice`)."""
        return advice(self.alternative, self.explains)


@dataclass(frozen=True, slots=True)
class LetterAnalysis:
    """A letter's analysis: the readability report, every jargon hit and the word list."""

    text: str
    report: ReadabilityReport
    hits: tuple[JargonHit, ...]
    glossary: tuple[GlossaryEntry, ...]

    @property
    def sentences(self) -> tuple[SentenceReport, ...]:
        """All sentences in order, each with its level and reasons."""
        return self.report.sentences

    @property
    def difficult_sentences(self) -> tuple[SentenceReport, ...]:
        """The sentences that are not makkelijk, in order."""
        return tuple(s for s in self.report.sentences if s.level != Level.MAKKELIJK)

    def level_counts(self) -> dict[Level, int]:
        """How many sentences there are of each level (every level present, maybe 0)."""
        counts = dict.fromkeys(Level, 0)
        for sentence in self.report.sentences:
            counts[sentence.level] += 1
        return counts

    def annotated(self) -> str:
        """The letter with each jargon word followed by its meaning in brackets."""
        return annotate(self.text, self.hits)


def analyse_letter(text: str, extra_terms: Sequence[tuple[str, str]] = ()) -> LetterAnalysis:
    """Analyse a pasted letter; ``extra_terms`` are the board's own ``(term, alternative)``."""
    report = analyse_text(text, extra_terms)
    hits = report.jargon
    return LetterAnalysis(text, report, hits, _glossary(hits))


def _glossary(hits: Sequence[JargonHit]) -> tuple[GlossaryEntry, ...]:
    grouped: dict[tuple[str, str], list[JargonHit]] = {}
    for hit in hits:
        grouped.setdefault((hit.term, hit.alternative), []).append(hit)
    entries = []
    for (term, alternative), group in grouped.items():
        found: dict[str, None] = {}
        for hit in group:
            found.setdefault(" ".join(hit.found.split()), None)
        entries.append(
            GlossaryEntry(
                term=term,
                alternative=alternative,
                category=group[0].category,
                found=tuple(found),
                count=len(group),
                first_start=group[0].start,
                explains=group[0].explains,
            )
        )
    return tuple(entries)


def annotate(text: str, hits: Sequence[JargonHit]) -> str:
    """Return ``text`` with the meaning after each hit: ``conform [= volgens]`` for a word to
    use instead, ``afwijzing [betekent: nee op uw aanvraag]`` for an explanation.

    ``hits`` must come from the same text, in order and without overlaps (as returned by
    the matcher).
    """
    pieces: list[str] = []
    position = 0
    for hit in hits:
        if hit.start < position or hit.end > len(text):
            continue
        pieces.append(text[position : hit.end])
        pieces.append(f" [betekent: {hit.alternative}]" if hit.explains
                      else f" [= {hit.alternative}]")
        position = hit.end
    pieces.append(text[position:])
    return "".join(pieces)
