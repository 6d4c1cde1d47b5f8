"""Turning an analysis into a Dutch text report or a JSON-ready dictionary.

The dictionary keys are stable (``"version": 1``); scripts may rely on them. New keys may
be added, existing keys keep their meaning.
"""

from __future__ import annotations

from typing import Any

from wijkapp.plainlang.jargon import JargonHit
from wijkapp.plainlang.letter import LetterAnalysis
from wijkapp.plainlang.readability import LONG_SENTENCE_WORDS, Level, SentenceReport

__all__ = ["HARDEST_SHOWN", "JSON_FORMAT", "JSON_VERSION", "analysis_as_dict",
           "format_analysis", "hardness"]

JSON_FORMAT = "wijkapp-leesbaarheid"
JSON_VERSION = 1
_PREVIEW = 90


def analysis_as_dict(analysis: LetterAnalysis) -> dict[str, Any]:
    """Return the analysis as plain JSON-serialisable data with stable keys."""
    report = analysis.report
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "level": None if report.level is None else str(report.level),
        "summary": report.summary,
        "scores": {"flesch_douma": report.flesch_douma, "brouwer": report.brouwer},
        "counts": {
            "characters": report.text_length,
            "sentences": report.sentence_count,
            "words": report.word_count,
            "syllables": report.syllable_count,
            "long_sentences": report.long_sentence_count,
            "long_words": report.long_word_count,
            "passives": report.passive_count,
            "jargon": len(report.jargon),
        },
        "averages": {
            "words_per_sentence": report.average_sentence_length,
            "syllables_per_word": report.average_syllables_per_word,
        },
        "difficult_words_per_100": report.difficult_words_per_100,
        "tips": list(report.tips),
        "sentences": [_sentence_dict(sentence) for sentence in report.sentences],
        "glossary": [
            {
                "term": entry.term,
                "alternative": entry.alternative,
                "explains": entry.explains,
                "category": entry.category,
                "found": list(entry.found),
                "count": entry.count,
            }
            for entry in analysis.glossary
        ],
    }


def _sentence_dict(sentence: SentenceReport) -> dict[str, Any]:
    return {
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "words": sentence.word_count,
        "level": str(sentence.level),
        "reasons": list(sentence.reasons),
        "long_words": [
            {"start": w.start, "end": w.end, "word": w.word, "syllables": w.syllables}
            for w in sentence.long_words
        ],
        "jargon": [_hit_dict(hit) for hit in sentence.jargon],
        "passives": [{"start": span.start, "end": span.end} for span in sentence.passives],
    }


def _hit_dict(hit: JargonHit) -> dict[str, Any]:
    return {
        "start": hit.start,
        "end": hit.end,
        "found": hit.found,
        "term": hit.term,
        "alternative": hit.alternative,
        "explains": hit.explains,
        "category": hit.category,
    }


#: How many hard sentences the report lists unless asked for all of them.
HARDEST_SHOWN = 20
_LEVEL_RANK = {Level.MOEILIJK: 2, Level.REDELIJK: 1, Level.MAKKELIJK: 0}


def hardness(sentence: SentenceReport) -> tuple[int, int, int]:
    """A sort key, hardest first when reversed: level, difficult words and passives, length."""
    difficult = len(sentence.jargon) + len(sentence.long_words) + len(sentence.passives)
    return (_LEVEL_RANK[sentence.level], difficult, sentence.word_count)


def format_analysis(analysis: LetterAnalysis, limit: int | None = HARDEST_SHOWN) -> str:
    """Return a readable Dutch report: verdict, figures, tips, hard sentences, word list.

    The hard sentences are listed hardest first, at most ``limit`` of them (``None``: all),
    each with its number in the text.
    """
    report = analysis.report
    if report.level is None:
        return report.summary + "\n"
    lines = [
        f"Leesbaarheid: {report.level}",
        report.summary,
        "",
        f"Zinnen: {report.sentence_count} · Woorden: {report.word_count} · "
        f"Gemiddeld {_decimal(report.average_sentence_length)} woorden per zin",
        f"Flesch-Douma: {_decimal(report.flesch_douma)} · Brouwer: {_decimal(report.brouwer)} "
        "(hoe hoger, hoe makkelijker)",
        f"Zinnen langer dan {LONG_SENTENCE_WORDS} woorden: {report.long_sentence_count} · "
        f"Lange woorden: {report.long_word_count} · Ambtelijke woorden: {len(report.jargon)} · "
        f"Lijdende vorm: {report.passive_count}",
    ]
    if report.tips:
        lines += ["", "Tips"] + [f"- {tip}" for tip in report.tips]
    hard = [
        (number, s)
        for number, s in enumerate(report.sentences, start=1)
        if s.level != Level.MAKKELIJK
    ]
    if hard:
        hard.sort(key=lambda pair: hardness(pair[1]), reverse=True)
        shown = hard if limit is None else hard[:limit]
        title = "Zinnen om naar te kijken, de moeilijkste eerst"
        if len(shown) < len(hard):
            title += f" ({len(shown)} van de {len(hard)})"
        lines += ["", title]
        for number, sentence in shown:
            lines.append(f"Zin {number} [{sentence.level}]: {_preview(sentence.text)}")
            lines += [f"   - {reason}" for reason in sentence.reasons]
        if len(shown) < len(hard):
            lines.append(f"… en nog {len(hard) - len(shown)} zinnen. "
                         "Gebruik --alle om ze allemaal te zien.")
    if analysis.glossary:
        lines += ["", "Ambtelijke woorden en wat ze betekenen"]
        for entry in analysis.glossary:
            times = f" ({entry.count}×)" if entry.count > 1 else ""
            lines.append(f"- {entry.found[0]}{times} — {entry.advice}")
    return "\n".join(lines) + "\n"


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1].rstrip() + "…"


def _decimal(value: float | None) -> str:
    """Dutch notation with one decimal: 12.5 -> "12,5", and a real minus sign."""
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", ",").replace("-", "−")
