"""Odd input never crashes the analysis, and offsets always lie within the text."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from wijkapp.plainlang.letter import analyse_letter
from wijkapp.plainlang.readability import ReadabilityReport, analyse_text

from .test_readability import LEGAL, SIMPLE


def assert_offsets_valid(text: str, report: ReadabilityReport) -> None:
    previous_end = 0
    for sentence in report.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.start >= previous_end
        previous_end = sentence.end
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.word_count >= 1
        for hit in sentence.jargon:
            assert 0 <= hit.start < hit.end <= len(text)
            assert text[hit.start : hit.end] == hit.found
        for word in sentence.long_words:
            assert text[word.start : word.end] == word.word
        for span in sentence.passives:
            assert sentence.start <= span.start < span.end <= sentence.end


def test_markup_is_analysed_as_text() -> None:
    text = '<b>&amp; De gemeente</b> zegt: a < b & "c".'
    report = analyse_text(text)
    assert report.level is not None
    assert_offsets_valid(text, report)


def test_emoji_and_ij_ligature_do_not_crash() -> None:
    text = "We gaan 🎉 naar het ĳsfeest in de wĳk! 😀 Iedereen is welkom 👍"
    report = analyse_text(text)
    assert report.sentence_count == 2
    assert report.word_count == 11
    assert_offsets_valid(text, report)


def test_ten_thousand_characters_are_handled_quickly() -> None:
    text = ((LEGAL + "\n\n" + SIMPLE + "\n") * 20)[:10_000]
    started = time.perf_counter()
    report = analyse_text(text)
    elapsed = time.perf_counter() - started
    assert report.level is not None
    assert_offsets_valid(text, report)
    assert elapsed < 2  # a generous ceiling; bench/ measures the real budget


def test_ten_thousand_characters_without_spaces_or_punctuation() -> None:
    for text in ["a" * 10_000, "." * 10_000, "\n" * 10_000, "1." * 5_000, "- " * 5_000]:
        report = analyse_text(text)
        assert_offsets_valid(text, report)


def test_only_punctuation_or_whitespace_gives_no_sentences() -> None:
    for text in ["", " ", "\n\n\n", "...", "?!", "- \n- \n", "\u200b"]:
        assert analyse_text(text).sentences == ()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_analysis_never_crashes_and_offsets_lie_within_the_text(text: str) -> None:
    report = analyse_letter(text).report
    assert_offsets_valid(text, report)


_DUTCHISH = st.lists(
    st.sampled_from(
        [
            "de", "gemeente", "Conform", "verordeningen", "o.a.", "dhr.", "z.s.m.", "3,5",
            "12.000", ".", "!", "?", "\n", "\n\n", "- ", "1. ", "in het kader", "van",
            "wordt", "door", "geïndiceerd", "ĳs", "😀", "<b>", "&amp;", "België", " ", ",",
            "Wmo-indicatie", "www.wijk.nl", "'s", "…", "\r\n", "\t",
        ]
    ),
    max_size=80,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_DUTCHISH)
def test_dutch_like_noise_never_crashes(text: str) -> None:
    analysis = analyse_letter(text)
    assert_offsets_valid(text, analysis.report)
    assert analysis.annotated().startswith(text[: analysis.hits[0].start] if analysis.hits else "")
