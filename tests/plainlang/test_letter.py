"""'Brief van de gemeente': every jargon word with its meaning, sentence by sentence."""

from wijkapp.plainlang.letter import analyse_letter, annotate
from wijkapp.plainlang.readability import Level

LETTER = """Geachte mevrouw Bakker,

Hierbij ontvangt u de beschikking inzake uw aanvraag. Conform de verordening is de
maatwerkvoorziening toegekend. De beschikkingen zijn bijgevoegd.

Met vriendelijke groet,
"""


def test_every_jargon_word_comes_with_its_plain_meaning() -> None:
    analysis = analyse_letter(LETTER)
    terms = [(hit.found, hit.term) for hit in analysis.hits]
    assert terms == [
        ("beschikking", "beschikking"),
        ("inzake", "inzake"),
        ("Conform", "conform"),
        ("verordening", "verordening"),
        ("maatwerkvoorziening", "maatwerkvoorziening"),
        ("toegekend", "toekennen"),
        ("beschikkingen", "beschikking"),
    ]
    for hit in analysis.hits:
        assert LETTER[hit.start : hit.end] == hit.found
        assert hit.alternative


def test_the_word_list_names_each_term_once_in_order() -> None:
    glossary = analyse_letter(LETTER).glossary
    assert [entry.term for entry in glossary][:3] == ["beschikking", "inzake", "conform"]
    beschikking = glossary[0]
    assert beschikking.count == 2
    assert beschikking.found == ("beschikking", "beschikkingen")
    assert beschikking.alternative == "besluit van de gemeente over uw aanvraag"


def test_each_sentence_has_a_level_and_the_counts_add_up() -> None:
    analysis = analyse_letter(LETTER)
    counts = analysis.level_counts()
    assert set(counts) == set(Level)
    assert sum(counts.values()) == len(analysis.sentences) == 5
    assert all(sentence.level != Level.MAKKELIJK for sentence in analysis.difficult_sentences)


def test_the_annotated_letter_puts_meanings_in_brackets() -> None:
    analysis = analyse_letter("Conform de verordening.")
    assert analysis.annotated() == (
        "Conform [= volgens] de verordening [= regels van de gemeente]."
    )
    assert annotate("zonder jargon", []) == "zonder jargon"


def test_board_words_appear_in_the_letter_analysis() -> None:
    analysis = analyse_letter("De buurtkamer gaat dicht.", [("buurtkamer", "ruimte in de wijk")])
    assert [(entry.term, entry.category) for entry in analysis.glossary] == [
        ("buurtkamer", "eigen")
    ]
