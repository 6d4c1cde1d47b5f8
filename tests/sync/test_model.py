"""The word-level text merge and the register encoding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Doc, Map, Text

from wijkapp.sync.model import apply_text_diff, decode, register

WORDS = st.sampled_from(["de", "gemeente", "één", "🙂", "ĳs", "<b>&amp;", "w1w2", "Straat."])
SPACES = st.sampled_from([" ", "  ", "\n", "\n\n", "\t"])


def _text(words: list[str], spaces: list[str]) -> str:
    out = ""
    for index, word in enumerate(words):
        out += word + (spaces[index % len(spaces)] if spaces else " ")
    return out


def _doc_with(text: str) -> tuple[Doc, Text]:
    doc = Doc()
    root = doc.get("t", type=Map)
    with doc.transaction():
        root["x"] = Text(text)
    return doc, root["x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=8), st.lists(SPACES, max_size=3),
       st.lists(WORDS, max_size=8), st.lists(SPACES, max_size=3))
def test_diff_turns_any_text_into_any_other(a: list[str], sa: list[str], b: list[str], sb: list[str]) -> None:
    old, new = _text(a, sa), _text(b, sb)
    _, text = _doc_with(old)
    apply_text_diff(text, old, new)
    assert str(text) == new


def test_concurrent_words_at_one_spot_keep_a_space_between() -> None:
    base, _ = _doc_with("De gemeente komt.")
    left, right = Doc(), Doc()
    for doc in (left, right):
        doc.apply_update(base.get_update())
    for doc, word in ((left, "morgen"), (right, "snel")):
        text = doc.get("t", type=Map)["x"]
        apply_text_diff(text, "De gemeente komt.", f"De gemeente {word} komt.")
    left.apply_update(right.get_update())
    merged = str(left.get("t", type=Map)["x"])
    assert merged in ("De gemeente morgen snel komt.", "De gemeente snel morgen komt.")


def test_a_kept_word_is_never_typed_again() -> None:
    # Removing the first word must not delete and re-insert the words after it: a colleague
    # who deleted one of those meanwhile would otherwise see it come back.
    base, _ = _doc_with("eerste tweede derde")
    mine, theirs = Doc(), Doc()
    for doc in (mine, theirs):
        doc.apply_update(base.get_update())
    apply_text_diff(mine.get("t", type=Map)["x"], "eerste tweede derde", "tweede derde vierde")
    apply_text_diff(theirs.get("t", type=Map)["x"], "eerste tweede derde", "eerste derde")
    mine.apply_update(theirs.get_update())
    assert str(mine.get("t", type=Map)["x"]).split() == ["derde", "vierde"]


def test_registers_remember_what_they_replaced() -> None:
    first = register("06-1", "lap1.aa", None)
    second = register("06-2", "lap2.bb", first)
    assert decode(second, "people", "phone") == ("06-2", "lap2.bb", ["lap1.aa"])
    assert decode(3.0, "agenda_items", "position") == (3, None, [])


def test_a_retyped_word_borrows_no_letters() -> None:
    base, _ = _doc_with("zie [L4.3] hier")
    mine, theirs = Doc(), Doc()
    for doc in (mine, theirs):
        doc.apply_update(base.get_update())
    apply_text_diff(mine.get("t", type=Map)["x"], "zie [L4.3] hier", "zie [L1.22] hier")
    apply_text_diff(theirs.get("t", type=Map)["x"], "zie [L4.3] hier", "zie hier")
    mine.apply_update(theirs.get_update())
    assert str(mine.get("t", type=Map)["x"]).split() == ["zie", "[L1.22]", "hier"]
