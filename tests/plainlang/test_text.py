"""Sentence and word splitting: abbreviations, numbers, lists and line breaks."""

from wijkapp.plainlang.text import TokenKind, split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


def test_abbreviations_do_not_split_sentences() -> None:
    text = (
        "Wij hebben o.a. met dhr. Pietersen en mevr. De Vries gesproken. "
        "Zij komen t.z.t. langs, bijv. in maart. Dat doen we z.s.m. Daarna volgt meer."
    )
    assert sentences(text) == [
        "Wij hebben o.a. met dhr. Pietersen en mevr. De Vries gesproken.",
        "Zij komen t.z.t. langs, bijv. in maart.",
        "Dat doen we z.s.m.",
        "Daarna volgt meer.",
    ]


def test_initials_and_numbers_do_not_split_sentences() -> None:
    text = "J. de Vries betaalt € 1.234,50 voor 3,5 uur. Op 3-12-2026 om 10.30 uur komen 12.000 mensen."
    assert sentences(text) == [
        "J. de Vries betaalt € 1.234,50 voor 3,5 uur.",
        "Op 3-12-2026 om 10.30 uur komen 12.000 mensen.",
    ]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Wat vindt u? Laat het ons weten! Dank u.") == [
        "Wat vindt u?",
        "Laat het ons weten!",
        "Dank u.",
    ]


def test_a_small_letter_after_a_full_stop_continues_the_sentence() -> None:
    assert sentences("Zie afb. drie en vnl. de tekst.") == ["Zie afb. drie en vnl. de tekst."]


def test_web_and_mail_addresses_stay_whole() -> None:
    text = "Kijk op www.sittard-geleen.nl. Of mail naar info@wijk.nl voor meer."
    assert sentences(text) == [
        "Kijk op www.sittard-geleen.nl.",
        "Of mail naar info@wijk.nl voor meer.",
    ]
    kinds = [token.kind for token in tokenize("www.sittard-geleen.nl info@wijk.nl")]
    assert kinds == [TokenKind.ADDRESS, TokenKind.ADDRESS]


def test_list_items_are_sentences_without_their_bullets() -> None:
    text = "We besloten:\n- een nieuwe bank\n• meer groen\n1. Een speeltuin\n2) Betere verlichting"
    assert sentences(text) == [
        "We besloten:",
        "een nieuwe bank",
        "meer groen",
        "Een speeltuin",
        "Betere verlichting",
    ]


def test_a_line_without_final_punctuation_ends_a_sentence_before_a_capital() -> None:
    text = "Onderwerp: nieuwe speeltuin\nGeachte heer Jansen,\n\nWe schrijven u over de speeltuin."
    assert sentences(text) == [
        "Onderwerp: nieuwe speeltuin",
        "Geachte heer Jansen,",
        "We schrijven u over de speeltuin.",
    ]


def test_a_wrapped_line_runs_on_into_the_next() -> None:
    text = "De gemeente heeft in het kader\nvan de Wmo besloten dat u hulp\nkrijgt."
    assert sentences(text) == [text]


def test_a_blank_line_always_ends_a_sentence() -> None:
    assert sentences("Eerste alinea zonder punt\n\nnog een alinea") == [
        "Eerste alinea zonder punt",
        "nog een alinea",
    ]


def test_sentences_keep_exact_offsets() -> None:
    text = "  Hallo daar.\r\n\r\n  - Tweede zin  "
    for span in split_sentences(text):
        assert text[span.start : span.end] == text[span.start : span.end].strip()
    assert sentences(text) == ["Hallo daar.", "Tweede zin"]


def test_tokens_keep_numbers_abbreviations_and_compounds_whole() -> None:
    words = [t.text for t in tokenize("o.a. 3,5 12.000 10:30 auto's Wmo-loket 's avonds ĳs B1")]
    assert words == [
        "o.a.",
        "3,5",
        "12.000",
        "10:30",
        "auto's",
        "Wmo-loket",
        "'s",
        "avonds",
        "ĳs",
        "B1",
    ]


def test_markup_and_emoji_are_not_words() -> None:
    assert [t.text for t in tokenize("<b>&amp; 😀 ok</b>")] == ["b", "amp", "ok", "b"]
    assert sentences("😀 🎉") == []
