"""Syllable counts for Dutch words, including the tricky ones (trema, diphthongs, loans)."""

import pytest

from wijkapp.plainlang.syllables import count_syllables

# Each value checked by hand, syllable by syllable (in the comment).
SYLLABLES = [
    ("België", 3),  # Bel-gi-ë
    ("ideeën", 3),  # i-dee-ën
    ("coördinatie", 5),  # co-ör-di-na-tie
    ("museum", 3),  # mu-se-um
    ("even", 2),  # e-ven
    ("zee", 1),  # zee
    ("beëindigen", 4),  # be-ëin-di-gen
    ("ruïne", 3),  # ru-ï-ne
    ("idee", 2),  # i-dee
    ("reëel", 2),  # re-ëel
    ("geïndiceerd", 4),  # ge-ïn-di-ceerd
    ("beïnvloeden", 4),  # be-ïn-vloe-den
    ("zeeën", 2),  # zee-ën
    ("knieën", 2),  # knie-ën
    ("financiële", 5),  # fi-nan-ci-ë-le
    ("financieel", 4),  # fi-nan-ci-eel
    ("materiaal", 4),  # ma-te-ri-aal
    ("ideaal", 3),  # i-de-aal
    ("reageren", 4),  # re-a-ge-ren
    ("coalitie", 4),  # co-a-li-tie
    ("theater", 3),  # the-a-ter
    ("radio", 3),  # ra-di-o
    ("video", 3),  # vi-de-o
    ("politie", 3),  # po-li-tie
    ("fiets", 1),  # fiets
    ("eigenaar", 3),  # ei-ge-naar
    ("koeien", 2),  # koei-en
    ("mooie", 2),  # mooi-e
    ("leeuw", 1),  # leeuw
    ("nieuwe", 2),  # nieu-we
    ("ijs", 1),  # ijs
    ("bijzonder", 3),  # bij-zon-der
    ("participatie", 5),  # par-ti-ci-pa-tie
    ("integraal", 3),  # in-te-graal
    ("situatie", 4),  # si-tu-a-tie
    ("individuele", 6),  # in-di-vi-du-e-le
    ("maatwerkvoorziening", 5),  # maat-werk-voor-zie-ning
    ("gemeente", 3),  # ge-meen-te
    ("cliënt", 2),  # cli-ënt
    ("patiënt", 3),  # pa-ti-ënt
    ("efficiënt", 4),  # ef-fi-ci-ënt
    ("poëzie", 3),  # po-ë-zie
    ("naïef", 2),  # na-ïef
    ("egoïsme", 4),  # e-go-ïs-me
    ("Israël", 3),  # Is-ra-ël
    ("geïnteresseerd", 5),  # ge-ïn-te-res-seerd
    ("drieëntwintig", 4),  # drie-ën-twin-tig
    ("geëvalueerd", 5),  # ge-ë-va-lu-eerd
    ("bureau", 2),  # bu-reau
    ("cadeau", 2),  # ca-deau
    ("zoöloog", 3),  # zo-ö-loog
    ("alinea", 4),  # a-li-ne-a
    ("oceaan", 3),  # o-ce-aan
    ("chaos", 2),  # cha-os
    ("januari", 4),  # ja-nu-a-ri
    ("petroleum", 4),  # pe-tro-le-um
    ("jubileum", 4),  # ju-bi-le-um
    ("yoghurt", 2),  # yog-hurt
    ("hyena", 3),  # hy-e-na
    ("mayonaise", 4),  # ma-yo-nai-se
    ("baby", 2),  # ba-by
    ("draaien", 2),  # draai-en
    ("groeien", 2),  # groei-en
    ("Europa", 3),  # Eu-ro-pa
    ("neutraal", 2),  # neu-traal
    ("vrouw", 1),  # vrouw
    ("toilet", 2),  # toi-let
    ("quotum", 2),  # quo-tum
    ("sociaal", 3),  # so-ci-aal
    ("uitvoering", 3),  # uit-voe-ring
    ("mantelzorger", 4),  # man-tel-zor-ger
    ("verordening", 4),  # ver-or-de-ning
    ("bezwaarschrift", 3),  # be-zwaar-schrift
    ("indicatie", 4),  # in-di-ca-tie
    ("duurzaamheid", 3),  # duur-zaam-heid
]


def test_the_table_has_at_least_fifty_words() -> None:
    assert len(SYLLABLES) >= 50


@pytest.mark.parametrize(("word", "expected"), SYLLABLES)
def test_syllables_of_tricky_dutch_words(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_ij_ligature_counts_like_ij() -> None:
    assert count_syllables("ĳs") == count_syllables("ijs") == 1
    assert count_syllables("bĳzonder") == 3


def test_hyphenated_words_count_each_part() -> None:
    assert count_syllables("Wmo-loket") == 5  # W-m-o (spelled) + lo-ket


def test_acronyms_without_vowels_are_spelled_out() -> None:
    assert count_syllables("GGD") == 3


def test_every_token_has_at_least_one_syllable() -> None:
    for word in ["x", "'s", "b", "12", "3,5", "brr", "-"]:
        assert count_syllables(word) >= 1


# Counted as read aloud (docs/leesbaarheid.md, "Tellen zoals een lezer").
READ_ALOUD = [
    ("2026", 7),  # twee-dui-zend-zes-en-twin-tig
    ("1998", 10),  # ne-gen-tien-hon-derd-acht-en-ne-gen-tig
    ("12", 1),  # twaalf
    ("100", 2),  # hon-derd
    ("12.000", 3),  # twaalf-dui-zend
    ("3,5", 4),  # drie kom-ma vijf
    ("19:30", 6),  # ne-gen-tien uur der-tig
    ("10.00", 2),  # tien uur
    ("3e", 2),  # der-de
    ("1ste", 2),  # eer-ste
    ("046", 3),  # nul vier zes
    ("€25", 6),  # vijf-en-twin-tig eu-ro
    ("AVG", 3),  # aa-vee-gee
    ("CAK", 3),  # cee-aa-kaa
    ("GGD", 3),  # gee-gee-dee
    ("Wmo", 3),  # wee-em-oo
    ("pgb", 3),  # pee-gee-bee
    ("WOZ", 1),  # woz, said as a word
    ("NIET", 1),  # a word in capitals, not an acronym
    ("d.w.z.", 4),  # dat wil zeg-gen
    ("o.a.", 5),  # on-der an-de-re
    ("bijv.", 3),  # bij-voor-beeld
    ("z.s.m.", 5),  # zo snel mo-ge-lijk
    ("enz.", 3),  # en-zo-voort
    ("tel.", 3),  # te-le-foon
    ("tel", 1),  # the verb "tel": no full stop, no abbreviation
    ("website", 2),  # web-sait
    ("buurtwebsite", 3),  # buurt-web-sait
    ("team", 1),  # tiem
    ("online", 2),  # on-lain
    ("update", 2),  # up-deet
    ("e-mail", 2),  # ie-meel
    ("computer", 3),  # com-pjoe-ter
]


@pytest.mark.parametrize(("word", "expected"), READ_ALOUD)
def test_syllables_as_read_aloud(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_abbreviations_are_read_out_in_running_text() -> None:
    from wijkapp.plainlang import analyse_text

    assert analyse_text("Kom o.a. met de bus.").syllable_count == 1 + 5 + 1 + 1 + 1
    assert analyse_text("Bel bijv. de buren.").syllable_count == 1 + 3 + 1 + 2


def test_addresses_phone_numbers_and_postcodes_are_left_out_of_every_count() -> None:
    from wijkapp.plainlang import analyse_text

    text = ("Mail ons op info@wijk.example.nl of bel ons op 046 410 77 88. "
            "Kijk op www.wijk.example.nl. Post naar 6161 AB.")
    report = analyse_text(text)
    assert [s.word_count for s in report.sentences] == [7, 2, 2]
    assert report.syllable_count == 7 + 2 + 2  # every word here has one syllable
