"""Plain language ("begrijpelijke taal") for Dutch texts: readability, jargon, letters.

Qt-free; used by the editors (a highlighter underlines by the offsets given here), the
exports (the resident summary prints its level) and the ``leesbaarheid`` command.

Main entry points:

* :func:`analyse_text` — a :class:`ReadabilityReport` with per-sentence details;
* :func:`analyse_letter` — the same plus every jargon hit and a word list;
* :func:`find_jargon` / :func:`jargon_matcher` — dictionary hits with offsets;
* :func:`count_syllables`, :func:`split_sentences`, :func:`tokenize` — the building blocks.
"""

from wijkapp.plainlang.jargon import (
    JargonEntry,
    JargonHit,
    JargonMatcher,
    find_jargon,
    jargon_matcher,
    load_dictionary,
)
from wijkapp.plainlang.letter import GlossaryEntry, LetterAnalysis, analyse_letter, annotate
from wijkapp.plainlang.output import analysis_as_dict, format_analysis
from wijkapp.plainlang.readability import (
    Level,
    ReadabilityReport,
    SentenceReport,
    WordSpan,
    analyse_text,
    brouwer,
    flesch_douma,
)
from wijkapp.plainlang.syllables import count_syllables
from wijkapp.plainlang.text import Span, Token, TokenKind, fold, split_sentences, tokenize

__all__ = [
    "GlossaryEntry",
    "JargonEntry",
    "JargonHit",
    "JargonMatcher",
    "LetterAnalysis",
    "Level",
    "ReadabilityReport",
    "SentenceReport",
    "Span",
    "Token",
    "TokenKind",
    "WordSpan",
    "analyse_letter",
    "analyse_text",
    "analysis_as_dict",
    "annotate",
    "brouwer",
    "count_syllables",
    "find_jargon",
    "flesch_douma",
    "fold",
    "format_analysis",
    "jargon_matcher",
    "load_dictionary",
    "split_sentences",
    "tokenize",
]
