"""The jargon dictionary and how it is matched."""

from wijkapp.plainlang.jargon import (
    JargonMatcher,
    find_jargon,
    jargon_matcher,
    load_dictionary,
    parse_dictionary,
)
from wijkapp.plainlang.text import fold


def found(text: str, extra: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    return [(hit.found, hit.term) for hit in find_jargon(text, extra or [])]


def test_the_dictionary_has_at_least_400_entries_each_with_an_alternative() -> None:
    entries = load_dictionary()
    assert len(entries) >= 400
    assert all(entry.term and entry.alternative for entry in entries)
    terms = [fold(entry.term) for entry in entries]
    assert len(terms) == len(set(terms)), "a term appears twice"


def test_the_dictionary_holds_the_words_of_the_issue() -> None:
    matcher = jargon_matcher()
    for term in [
        "conform", "inzake", "verordening", "beschikking", "maatwerkvoorziening",
        "in het kader van", "ten behoeve van", "participatie", "integraal", "Wmo",
        "mantelzorg", "indicatie", "bezwaarschrift",
    ]:  # fmt: skip
        assert matcher.lookup(term) is not None, term


def test_inflected_forms_are_found() -> None:
    text = "De verordeningen en beschikkingen zijn integrale stukken; u bent geïndiceerd."
    assert found(text) == [
        ("verordeningen", "verordening"),
        ("beschikkingen", "beschikking"),
        ("integrale", "integraal"),
        ("geïndiceerd", "indiceren"),
    ]


def test_hits_carry_exact_offsets() -> None:
    text = "Conform de Verordening, inzake uw aanvraag."
    for hit in find_jargon(text):
        assert text[hit.start : hit.end] == hit.found
    assert [(hit.start, hit.end) for hit in find_jargon(text)] == [(0, 7), (11, 22), (24, 30)]


def test_phrases_are_found_across_line_breaks_and_case() -> None:
    text = "Dit gebeurt In het kader\nvan de wet en ten  behoeve van u."
    hits = find_jargon(text)
    assert [(hit.term, text[hit.start : hit.end]) for hit in hits] == [
        ("in het kader van", "In het kader\nvan"),
        ("ten behoeve van", "ten  behoeve van"),
    ]


def test_phrases_do_not_match_across_punctuation() -> None:
    # Not "in het kader van"; and "kader" alone is an everyday word (a frame) here.
    assert found("Dit is in het kader. Van Dam komt.") == []
    assert found("Dit is conform het kader. Van Dam komt.") == [
        ("conform", "conform"), ("kader", "kader")]


def test_no_false_hit_inside_another_word() -> None:
    assert found("De conformiteit en de inzakeverhalen") == []
    assert found("Het verkeer is druk.") == []


def test_hyphenated_words_and_compounds_are_searched() -> None:
    assert found("Uw Wmo-indicatie en de zorgindicaties") == [
        ("Wmo", "Wmo"),
        ("indicatie", "indicatie"),
        ("zorgindicaties", "indicatie"),
    ]


def test_the_longest_phrase_wins() -> None:
    assert found("een persoonsgebonden budget") == [
        ("persoonsgebonden budget", "persoonsgebonden budget")
    ]


def test_abbreviations_from_the_dictionary_are_found() -> None:
    assert found("Graag z.s.m. reageren, i.v.m. de termijn.") == [
        ("z.s.m.", "z.s.m."),
        ("i.v.m.", "i.v.m."),
        ("termijn", "termijn"),
    ]


def test_a_board_can_add_its_own_words() -> None:
    extra = [("buurtkamer", "ruimte in de wijk voor bewoners"), ("wijkvisie", "plan van de wijk")]
    hits = find_jargon("De buurtkamers passen in de wijkvisie.", extra)
    assert [(hit.found, hit.alternative, hit.category) for hit in hits] == [
        ("buurtkamers", "ruimte in de wijk voor bewoners", "eigen"),
        ("wijkvisie", "plan van de wijk", "eigen"),
    ]


def test_a_board_word_replaces_the_shipped_explanation() -> None:
    hits = find_jargon("conform", [("conform", "zoals afgesproken")])
    assert [hit.alternative for hit in hits] == ["zoals afgesproken"]


def test_empty_board_words_are_ignored() -> None:
    assert found("gewoon een zin", [("", "niets"), ("x", "")]) == []


def test_matchers_for_the_same_board_words_are_reused() -> None:
    extra = [("buurtkamer", "ruimte")]
    assert jargon_matcher(extra) is jargon_matcher(list(extra))


def test_the_file_format_has_categories_and_extra_forms() -> None:
    entries = parse_dictionary(
        [
            "# uitleg\n",
            "\n",
            "[recht]\n",
            "afwijzen | nee zeggen | afgewezen, +ww\n",
        ]
    )
    assert len(entries) == 1
    assert entries[0].category == "recht"
    assert entries[0].forms == ("afgewezen",)
    assert entries[0].verb
    matcher = JargonMatcher(entries)
    assert [hit.found for hit in matcher.find("Het is afgewezen, ze wijzen af en wijst af.")] == [
        "afgewezen"
    ]
    assert [hit.found for hit in matcher.find("Zij afwijzen het")] == ["afwijzen"]


def test_ordinary_words_that_look_like_inflections_are_not_jargon() -> None:
    text = "U kunt immers een bezwaarschrift indienen. De cake en de kenmerken van de buurt."
    # "indienen" is officialese itself (not "indien"); "cake" is not CAK.
    assert found(text) == [("bezwaarschrift", "bezwaarschrift"), ("indienen", "indienen")]


def test_fixed_entries_only_match_their_listed_forms() -> None:
    entries = parse_dictionary(["indien | als | +vast\n", "nader | meer | nadere, +vast\n"])
    matcher = JargonMatcher(entries)
    assert [hit.found for hit in matcher.find("indien indienen nader nadere naderen")] == [
        "indien",
        "nader",
        "nadere",
    ]


def test_an_abbreviation_hit_includes_its_full_stop() -> None:
    text = "Op 3 februari jl. kwam uw brief."
    (hit,) = find_jargon(text)
    assert (hit.found, text[hit.start : hit.end]) == ("jl.", "jl.")
