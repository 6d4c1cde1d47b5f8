"""How easy a Dutch text is to read: scores, difficult sentences and an overall verdict.

The verdict uses three plain levels measured against B1 guidance (about 12 words per
sentence on average and few difficult words):

* **makkelijk** — most residents read it without trouble (around B1 or easier);
* **redelijk** — readable, but some sentences or words can be simpler;
* **moeilijk** — long sentences and many difficult or official words (above B1).

The overall verdict adds up three marks (0, 1 or 2 each): average sentence length
(≤ 12 / ≤ 17 / more), difficult words per 100 words (≤ 6 / ≤ 12 / more) and the
Flesch-Douma score (≥ 70 / ≥ 45 / less). Makkelijk needs all three at 0 (so it means
what it says: short sentences, few difficult words and Flesch-Douma 70 or more);
a total of 1–3 is redelijk and 4–6 moeilijk. A difficult word is a long word (≥ 4 syllables or ≥ 13 letters) or a word
from the jargon dictionary. Names (a capital letter inside a sentence) are not counted as
difficult. ``docs/leesbaarheid.md`` explains this to users.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from wijkapp.plainlang.jargon import JargonHit, jargon_matcher
from wijkapp.plainlang.passive import find_passives
from wijkapp.plainlang.syllables import count_syllables
from wijkapp.plainlang.text import Span, Token, TokenKind, split_sentences, tokenize

__all__ = [
    "B1_WORDS_PER_SENTENCE",
    "LONG_SENTENCE_WORDS",
    "Level",
    "ReadabilityReport",
    "SentenceReport",
    "WordSpan",
    "analyse_text",
    "brouwer",
    "flesch_douma",
]

B1_WORDS_PER_SENTENCE = 12
FAIR_WORDS_PER_SENTENCE = 17
EASY_DIFFICULT_PER_100 = 6
FAIR_DIFFICULT_PER_100 = 12
#: Douma's table: 70-80 "redelijk makkelijk", 60-70 "normaal", 45-60 "redelijk moeilijk".
EASY_FLESCH_DOUMA = 70
FAIR_FLESCH_DOUMA = 45
LONG_SENTENCE_WORDS = 15
LONG_WORD_SYLLABLES = 4
LONG_WORD_LETTERS = 13
# Long by the rule, but every reader knows them; flagging them would only be noise.
_FAMILIAR_LONG_WORDS = frozenset({"januari", "februari", "vriendelijk", "vriendelijke"})


class Level(StrEnum):
    """The three plain reading levels."""

    MAKKELIJK = "makkelijk"
    REDELIJK = "redelijk"
    MOEILIJK = "moeilijk"


@dataclass(frozen=True, slots=True)
class WordSpan:
    """A long word: ``text[start:end] == word``, with its syllable count."""

    start: int
    end: int
    word: str
    syllables: int


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """One sentence: where it is, how long it is, what makes it hard, and its level.

    ``text`` equals ``original[start:end]``; all offsets point into the analysed text.
    ``reasons`` are short Dutch sentences for a tooltip, empty when nothing stands out.
    """

    text: str
    start: int
    end: int
    word_count: int
    syllable_count: int
    long_words: tuple[WordSpan, ...]
    jargon: tuple[JargonHit, ...]
    passives: tuple[Span, ...]
    level: Level
    reasons: tuple[str, ...]

    @property
    def is_long(self) -> bool:
        """True for a sentence of more than 15 words."""
        return self.word_count > LONG_SENTENCE_WORDS


@dataclass(frozen=True, slots=True)
class ReadabilityReport:
    """The readability of a whole text.

    Scores are ``None`` and ``level`` is ``None`` when the text holds no words at all.
    ``summary`` is one Dutch sentence for a meter or a PDF footer; ``tips`` are Dutch
    suggestions, most useful first.
    """

    text_length: int
    sentences: tuple[SentenceReport, ...]
    word_count: int
    syllable_count: int
    average_sentence_length: float
    average_syllables_per_word: float
    flesch_douma: float | None
    brouwer: float | None
    long_sentence_count: int
    long_word_count: int
    passive_count: int
    jargon: tuple[JargonHit, ...]
    difficult_words_per_100: float
    level: Level | None
    summary: str
    tips: tuple[str, ...]

    @property
    def sentence_count(self) -> int:
        """The number of sentences that hold at least one word."""
        return len(self.sentences)


def flesch_douma(words_per_sentence: float, syllables_per_word: float) -> float:
    """Flesch-Douma reading ease: 206.835 − 0.93·wpz − 77·lpw (higher is easier)."""
    return 206.835 - 0.93 * words_per_sentence - 77 * syllables_per_word


def brouwer(words_per_sentence: float, syllables_per_word: float) -> float:
    """Brouwer's reading index: 195 − 2·wpz − 67·lpw (higher is easier)."""
    return 195 - 2 * words_per_sentence - 67 * syllables_per_word


def analyse_text(text: str, extra_terms: Sequence[tuple[str, str]] = ()) -> ReadabilityReport:
    """Analyse ``text`` and return its :class:`ReadabilityReport`.

    ``extra_terms`` are a board's own ``(term, alternative)`` jargon entries. Never raises
    on odd input (empty text, markup, emoji); offsets always lie within ``text``.
    """
    tokens = tokenize(text)
    starts = [token.start for token in tokens]
    hits = jargon_matcher(extra_terms).find(text, tokens)
    hit_starts = [hit.start for hit in hits]
    analysed = (
        _analyse_sentence(text, span, tokens, starts, hits, hit_starts)
        for span in split_sentences(text)
    )
    # A "sentence" of only an address ("www.wijk.nl") is not read; it is left out.
    sentences = tuple(sentence for sentence in analysed if sentence.word_count)
    return _report(text, sentences, hits)


def _analyse_sentence(
    text: str,
    span: Span,
    tokens: Sequence[Token],
    starts: Sequence[int],
    hits: Sequence[JargonHit],
    hit_starts: Sequence[int],
) -> SentenceReport:
    first = bisect.bisect_left(starts, span.start)
    last = bisect.bisect_left(starts, span.end)
    words = [token for token in tokens[first:last]
             if token.end <= span.end and token.kind != TokenKind.ADDRESS]
    jargon = tuple(
        hits[bisect.bisect_left(hit_starts, span.start) : bisect.bisect_left(hit_starts, span.end)]
    )
    syllables = sum(_syllables(text, token) for token in words)
    jargon_ranges = [(hit.start, hit.end) for hit in jargon]
    long_words = tuple(
        WordSpan(token.start, token.end, token.text, count_syllables(token.text))
        for index, token in enumerate(words)
        if _is_long_word(token, index) and not _inside(token, jargon_ranges)
    )
    passives = tuple(find_passives(words))
    level, reasons = _judge_sentence(text, len(words), long_words, jargon, passives)
    return SentenceReport(
        text=text[span.start : span.end],
        start=span.start,
        end=span.end,
        word_count=len(words),
        syllable_count=syllables,
        long_words=long_words,
        jargon=jargon,
        passives=passives,
        level=level,
        reasons=reasons,
    )


def _syllables(text: str, token: Token) -> int:
    """Syllables as read aloud; an abbreviation is passed with its full stop ("bijv.")."""
    if text[token.end : token.end + 1] == "." and not token.text.endswith("."):
        return count_syllables(token.text + ".")
    return count_syllables(token.text)


def _is_long_word(token: Token, index: int) -> bool:
    """A long word: ≥ 4 syllables or ≥ 13 letters; names inside a sentence do not count."""
    if token.kind != TokenKind.WORD:
        return False
    if (index > 0 and token.text[:1].isupper()) or token.folded in _FAMILIAR_LONG_WORDS:
        return False
    letters = sum(1 for char in token.text if char.isalpha())
    return letters >= LONG_WORD_LETTERS or count_syllables(token.text) >= LONG_WORD_SYLLABLES


def _inside(token: Token, ranges: Sequence[tuple[int, int]]) -> bool:
    """True when ``token`` overlaps one of ``ranges`` (sorted, not overlapping): O(log n)."""
    index = bisect.bisect_left(ranges, (token.end, -1)) - 1
    return index >= 0 and ranges[index][1] > token.start


def _judge_sentence(
    text: str,
    word_count: int,
    long_words: Sequence[WordSpan],
    jargon: Sequence[JargonHit],
    passives: Sequence[Span],
) -> tuple[Level, tuple[str, ...]]:
    """Points: length over 15/20/25 words gives 1/2/3, each difficult word 1 (at most 3),
    a passive 1. 0–1 points is makkelijk, 2–3 redelijk, 4 or more moeilijk."""
    points = 0
    reasons: list[str] = []
    if word_count > LONG_SENTENCE_WORDS:
        points += 1 + (word_count > 20) + (word_count > 25)
        reasons.append(f"Lange zin: {word_count} woorden. Probeer er hooguit 15.")
    points += min(3, len(long_words) + len(jargon))
    if jargon:
        listed = ", ".join(f"{hit.found} ({_lower_first(hit.advice)})" for hit in jargon[:4])
        reasons.append(f"Ambtelijke woorden: {_one_line(listed)}.")
    if long_words:
        listed = ", ".join(word.word for word in long_words[:4])
        reasons.append(f"Lange woorden: {_one_line(listed)}.")
    if passives:
        points += 1
        example = _passive_example(text[passives[0].start : passives[0].end])
        reasons.append(f"Lijdende vorm: '{example}'. Schrijf liever wie iets doet.")
    if points >= 4:
        return Level.MOEILIJK, tuple(reasons)
    if points >= 2:
        return Level.REDELIJK, tuple(reasons)
    return Level.MAKKELIJK, tuple(reasons)


def _passive_example(span_text: str) -> str:
    """ "wordt u, in het kader ... gesteld" -> "wordt … gesteld"."""
    words = [word.strip(",;:()\"'") for word in span_text.split()]
    return f"{words[0]} … {words[-1]}" if len(words) > 2 else " ".join(words)


def _lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _report(
    text: str, sentences: tuple[SentenceReport, ...], hits: Sequence[JargonHit]
) -> ReadabilityReport:
    words = sum(sentence.word_count for sentence in sentences)
    syllables = sum(sentence.syllable_count for sentence in sentences)
    jargon = tuple(hit for sentence in sentences for hit in sentence.jargon)
    long_word_count = sum(len(sentence.long_words) for sentence in sentences)
    passive_count = sum(len(sentence.passives) for sentence in sentences)
    long_sentences = sum(1 for sentence in sentences if sentence.is_long)
    if words == 0:
        return ReadabilityReport(
            len(text), sentences, 0, 0, 0.0, 0.0, None, None, 0, 0, 0, (), 0.0, None,
            "Er is geen tekst om te beoordelen.", (),
        )  # fmt: skip
    wps = words / len(sentences)
    spw = syllables / words
    douma = flesch_douma(wps, spw)
    difficult = 100 * (long_word_count + len(jargon)) / words
    level = _overall_level(wps, difficult, douma)
    tips = _tips(wps, long_sentences, jargon, long_word_count, passive_count)
    return ReadabilityReport(
        text_length=len(text),
        sentences=sentences,
        word_count=words,
        syllable_count=syllables,
        average_sentence_length=round(wps, 1),
        average_syllables_per_word=round(spw, 2),
        flesch_douma=round(douma, 1),
        brouwer=round(brouwer(wps, spw), 1),
        long_sentence_count=long_sentences,
        long_word_count=long_word_count,
        passive_count=passive_count,
        jargon=jargon,
        difficult_words_per_100=round(difficult, 1),
        level=level,
        summary=_SUMMARIES[level],
        tips=tips,
    )


_SUMMARIES = {
    Level.MAKKELIJK: "Deze tekst is makkelijk te lezen (ongeveer taalniveau B1).",
    Level.REDELIJK: "Deze tekst is redelijk te lezen; een paar zinnen of woorden kunnen simpeler.",
    Level.MOEILIJK: "Deze tekst is moeilijk te lezen: lange zinnen en moeilijke woorden.",
}


def _overall_level(words_per_sentence: float, difficult_per_100: float, douma: float) -> Level:
    """Makkelijk only when all three marks are good; moeilijk from 4 marks (see module doc)."""
    marks = _mark(words_per_sentence, B1_WORDS_PER_SENTENCE, FAIR_WORDS_PER_SENTENCE)
    marks += _mark(difficult_per_100, EASY_DIFFICULT_PER_100, FAIR_DIFFICULT_PER_100)
    marks += _mark(-douma, -EASY_FLESCH_DOUMA, -FAIR_FLESCH_DOUMA)
    if marks == 0:
        return Level.MAKKELIJK
    if marks <= 3:
        return Level.REDELIJK
    return Level.MOEILIJK


def _mark(value: float, good: float, fair: float) -> int:
    """0 when ``value`` ≤ ``good``, 1 when ≤ ``fair``, else 2."""
    if value <= good:
        return 0
    return 1 if value <= fair else 2


def _tips(
    words_per_sentence: float,
    long_sentences: int,
    jargon: Sequence[JargonHit],
    long_words: int,
    passives: int,
) -> tuple[str, ...]:
    tips: list[str] = []
    if words_per_sentence > B1_WORDS_PER_SENTENCE:
        tips.append(
            f"Maak de zinnen korter: nu gemiddeld {_decimal(words_per_sentence)} woorden, "
            f"voor B1 ongeveer {B1_WORDS_PER_SENTENCE}."
        )
    if long_sentences:
        noun = "zin heeft" if long_sentences == 1 else "zinnen hebben"
        tips.append(f"{long_sentences} {noun} meer dan {LONG_SENTENCE_WORDS} woorden.")
    if jargon:
        example = jargon[0]
        tips.append(
            f"Gebruik gewone woorden: {len(jargon)} keer ambtelijke taal, "
            f"zoals '{_one_line(example.found)}' ({_lower_first(example.advice)})."
        )
    if long_words:
        tips.append(f"Kies kortere woorden: {long_words} lange woorden.")
    if passives:
        tips.append(f"Zeg wie iets doet: {passives} keer lijdende vorm.")
    return tuple(tips)


def _decimal(value: float) -> str:
    """A number with one decimal in Dutch notation: 12.5 -> "12,5"."""
    return f"{value:.1f}".replace(".", ",")
