"""Readability scores, difficult sentences and the overall verdict."""

import pytest

from wijkapp.plainlang.readability import Level, analyse_text, brouwer, flesch_douma

SIMPLE = (
    "We hebben een nieuwe bank in het park. De kinderen spelen daar graag. "
    "Op vrijdag is er koffie in het buurthuis. Iedereen is welkom. Kom gerust langs!"
)

# Our own dense legal paragraph, in the style of a municipal letter.
LEGAL = (
    "Conform het bepaalde in artikel 4:8 van de Algemene wet bestuursrecht en met "
    "inachtneming van de vigerende verordening maatschappelijke ondersteuning wordt u, in "
    "het kader van de zorgvuldige voorbereiding van de beschikking inzake uw aanvraag om een "
    "maatwerkvoorziening, in de gelegenheid gesteld uw zienswijze kenbaar te maken, alvorens "
    "het college van burgemeester en wethouders een besluit neemt omtrent de toekenning dan "
    "wel afwijzing van de gevraagde voorziening. Indien u van deze mogelijkheid geen gebruik "
    "wenst te maken, wordt de beschikking ambtshalve vastgesteld op basis van de thans "
    "beschikbare gegevens, onverminderd de mogelijkheid om nadien een bezwaarschrift in te "
    "dienen."
)

MEDIUM = (
    "Het wijkplatform heeft samen met de bewoners van de Lindelaan een uitgebreid plan "
    "gemaakt voor nieuwe speeltoestellen en meer groen. De gemeente beoordeelt het plan in "
    "maart, in overleg met de woningcorporatie en de welzijnsorganisatie. Daarna horen we of "
    "er voldoende budget is voor de uitvoering."
)


def test_simple_sentences_score_makkelijk() -> None:
    report = analyse_text(SIMPLE)
    assert report.level == Level.MAKKELIJK
    assert report.sentence_count == 5
    assert report.average_sentence_length <= 12
    assert all(sentence.level == Level.MAKKELIJK for sentence in report.sentences)
    assert report.tips == ()


def test_a_dense_legal_paragraph_scores_moeilijk() -> None:
    report = analyse_text(LEGAL)
    assert report.level == Level.MOEILIJK
    assert report.flesch_douma is not None and report.flesch_douma < 40
    assert all(sentence.level == Level.MOEILIJK for sentence in report.sentences)
    assert report.long_sentence_count == 2
    assert report.passive_count == 2
    assert len(report.jargon) >= 10


def test_a_text_in_between_scores_redelijk() -> None:
    assert analyse_text(MEDIUM).level == Level.REDELIJK


def test_scores_follow_the_published_formulas() -> None:
    assert flesch_douma(12, 1.5) == pytest.approx(206.835 - 0.93 * 12 - 77 * 1.5)
    assert brouwer(12, 1.5) == pytest.approx(195 - 2 * 12 - 67 * 1.5)
    report = analyse_text("De kat zit op de mat. Hij slaapt.")
    assert report.word_count == 8
    assert report.syllable_count == 8
    assert report.average_sentence_length == 4.0
    assert report.flesch_douma == round(flesch_douma(4, 1), 1)
    assert report.brouwer == round(brouwer(4, 1), 1)


def test_sentences_over_fifteen_words_are_marked_with_a_dutch_reason() -> None:
    text = "Dit is een zin met precies zestien woorden die we hier tellen om het te zien."
    (sentence,) = analyse_text(text).sentences
    assert sentence.word_count == 16
    assert sentence.is_long
    assert sentence.reasons == ("Lange zin: 16 woorden. Probeer er hooguit 15.",)


def test_long_words_have_four_syllables_or_thirteen_letters() -> None:
    text = "De vergadering over de speelplaatsen was gezellig."
    (sentence,) = analyse_text(text).sentences
    assert [word.word for word in sentence.long_words] == ["vergadering", "speelplaatsen"]
    assert [text[w.start : w.end] for w in sentence.long_words] == ["vergadering", "speelplaatsen"]


def test_names_inside_a_sentence_are_not_long_words() -> None:
    (sentence,) = analyse_text("We gingen naar Sittard-Geleen en Maastricht-Aachen.").sentences
    assert sentence.long_words == ()


@pytest.mark.parametrize(
    "text",
    [
        "De aanvraag wordt door de gemeente bekeken.",
        "De kosten worden vergoed.",
        "Het plan werd vorig jaar goedgekeurd.",
        "De bomen werden gisteren gekapt.",
        "De straat is eindelijk veilig geworden.",
        "Wij weten dat het besluit genomen wordt.",
        "Het is door de raad besloten.",
    ],
)
def test_passive_constructions_are_found(text: str) -> None:
    (sentence,) = analyse_text(text).sentences
    assert len(sentence.passives) == 1
    span = sentence.passives[0]
    assert sentence.start <= span.start < span.end <= sentence.end
    assert any(reason.startswith("Lijdende vorm") for reason in sentence.reasons)


@pytest.mark.parametrize(
    "text",
    ["Hij werd boos.", "Het wordt beter.", "Zij wil voorzitter worden.", "Het gebied werd groter."],
)
def test_active_sentences_are_not_passive(text: str) -> None:
    (sentence,) = analyse_text(text).sentences
    assert sentence.passives == ()


def test_sentence_offsets_point_into_the_text() -> None:
    text = "Eerste zin.\n\n- Tweede punt\n- Derde punt met de Wmo"
    report = analyse_text(text)
    for sentence in report.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for hit in sentence.jargon:
            assert text[hit.start : hit.end] == hit.found
    assert [s.text for s in report.sentences] == [
        "Eerste zin.",
        "Tweede punt",
        "Derde punt met de Wmo",
    ]


def test_board_words_count_as_difficult_words() -> None:
    text = "De buurtkamer is open."
    assert analyse_text(text).jargon == ()
    report = analyse_text(text, [("buurtkamer", "ruimte voor bewoners")])
    assert [hit.found for hit in report.jargon] == ["buurtkamer"]


def test_an_empty_text_has_no_level_and_a_dutch_summary() -> None:
    for text in ["", "   \n\n", "😀", "---"]:
        report = analyse_text(text)
        assert report.level is None
        assert report.sentences == ()
        assert report.flesch_douma is None
        assert report.summary == "Er is geen tekst om te beoordelen."


def test_familiar_long_words_are_not_flagged() -> None:
    (sentence,) = analyse_text("In februari groeten we u vriendelijk.").sentences
    assert sentence.long_words == ()
