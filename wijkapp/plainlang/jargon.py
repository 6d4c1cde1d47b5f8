"""The jargon dictionary: official words and phrases with a plain alternative.

The shipped list lives in ``resources/plainlang/jargon.txt``, one ``term | uitleg`` per
line (its header explains the format to volunteers who want to edit it). A board can add its own words; the caller passes them in as ``(term,
alternative)`` pairs and they win over a shipped entry with the same term.

Matching works on tokens, case-insensitively and without regard to accents. It finds
inflected forms ("verordeningen", "integrale", "geïndiceerd"), phrases over spaces and
line breaks ("in het kader\\nvan"), parts of hyphenated words ("Wmo-indicatie") and the
tail of a compound for longer terms ("zorgindicatie", "burgerparticipatie"), but never a
term hidden inside another word ("conformiteit" is not "conform").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wijkapp.paths import resource_path
from wijkapp.plainlang.forms import SEPARABLE_PREFIXES, noun_and_adjective_forms, verb_forms
from wijkapp.plainlang.text import Token, TokenKind, fold, split_sentences, tokenize

from ..i18n import _

__all__ = [
    "BOARD_CATEGORY",
    "JargonEntry",
    "JargonHit",
    "JargonMatcher",
    "advice",
    "find_jargon",
    "is_explanation",
    "jargon_matcher",
    "load_dictionary",
    "parse_dictionary",
]

BOARD_CATEGORY = "eigen"
_MIN_COMPOUND_TAIL = 8  # only longer terms are looked for at the end of a compound
_MIN_COMPOUND_HEAD = 3
_VERB_FLAG = "+ww"
_FIXED_FLAG = "+vast"
_CONTEXT_FLAG = "+context"
_SEPARABLE_FLAG = "+scheid"
_EXPLAIN_FLAG = "+uitleg"
_REPLACE_FLAG = "+vervang"
_SEPARABLE_REACH = 12  # tokens between "treft" and "aan" at most
_MIN_COMPOUND_HEAD_TERM = 7  # "indicatie" + "periode": heads of 7 letters or more
_SENTENCE_END = frozenset(".!?;")
# Endings that make a new word from a jargon word without making a compound
# ("conformiteit" is not "conform" + something).
_SUFFIXES = ("iteit", "isme", "isch", "atie", "eren", "ering", "heid", "baar", "lijk",
             "achtig", "loos", "ief", "eel", "aal", "ische")


@dataclass(frozen=True, slots=True)
class JargonEntry:
    """One dictionary entry: the term, its plain alternative, a category and extra forms."""

    term: str
    alternative: str
    category: str = BOARD_CATEGORY
    forms: tuple[str, ...] = ()
    verb: bool = False
    fixed: bool = False
    context: bool = False
    separable: bool = False
    explains: bool | None = None

    @property
    def is_explanation(self) -> bool:
        """True when the alternative explains the term rather than replacing it."""
        return is_explanation(self.alternative) if self.explains is None else self.explains


@dataclass(frozen=True, slots=True)
class JargonHit:
    """A place in the text where a dictionary term occurs: ``text[start:end] == found``.

    ``explains`` tells how to show the alternative: an explanation ("Betekent: ...") or a
    word to use instead ("Zeg liever: ..."); see :attr:`advice`.
    """

    start: int
    end: int
    found: str
    term: str
    alternative: str
    category: str
    explains: bool = False

    @property
    def advice(self) -> str:
        """``Zeg liever: volgens`` or ``Betekent: nee zeggen op een aanvraag``."""
        return advice(self.alternative, self.explains)


def is_explanation(alternative: str) -> bool:
    """Guess whether ``alternative`` explains a term instead of replacing it.

    A replacement is a word or a short phrase that fits in the sentence ("volgens",
    "in plaats van", "bij, voor"); anything longer than three words per choice or five in
    all, or with brackets or a colon, is an explanation. The dictionary can say so itself with
    ``+uitleg`` or ``+vervang``.
    """
    if any(mark in alternative for mark in "():") or len(alternative.split()) > 5:
        return True
    return any(len(choice.split()) > 3 for choice in alternative.split(","))


def advice(alternative: str, explains: bool) -> str:
    """How a hit is shown to the writer: a replacement or an explanation, never mixed up."""
    return f"Betekent: {alternative}" if explains else f"Zeg liever: {alternative}"


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A compiled multi-word entry: allowed folded forms per position."""

    positions: tuple[frozenset[str], ...]
    entry: JargonEntry


class DictionaryError(ValueError):
    """The dictionary file is not in the expected format."""


def parse_dictionary(lines: Iterable[str]) -> list[JargonEntry]:
    """Parse dictionary lines (see the header of ``jargon.tsv``) into entries.

    Blank lines and lines starting with ``#`` are skipped; ``[name]`` starts a category;
    other lines are ``term | alternative`` or ``term | alternative | form, form, +ww``
    (``+ww``: also regular verb forms; ``+vast``: only the listed forms; ``+context``: only
    in an official sentence; ``+scheid``: a separable verb, also split up; ``+uitleg`` /
    ``+vervang``: the alternative is an explanation / a replacement). Raises
    :class:`DictionaryError` naming the line number when a line has no alternative.
    """
    entries: list[JargonEntry] = []
    category = "algemeen"
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("[") and line.rstrip().endswith("]"):
            category = line.strip()[1:-1].strip()
            continue
        fields = [field.strip() for field in line.split("|")]
        if len(fields) < 2 or not fields[0] or not fields[1]:
            raise DictionaryError(_("Regel {number} van de woordenlijst heeft geen uitleg.").format(number=number))
        extra = [form.strip() for form in fields[2].split(",")] if len(fields) > 2 else []
        flags = {form for form in extra if form.startswith("+")}
        forms = tuple(form for form in extra if form and form not in flags)
        explains = (True if _EXPLAIN_FLAG in flags else False if _REPLACE_FLAG in flags
                    else None)
        entries.append(
            JargonEntry(
                fields[0], fields[1], category, forms, _VERB_FLAG in flags, _FIXED_FLAG in flags,
                _CONTEXT_FLAG in flags, _SEPARABLE_FLAG in flags, explains,
            )
        )
    return entries


@lru_cache(maxsize=1)
def load_dictionary() -> tuple[JargonEntry, ...]:
    """Return the shipped dictionary, read once from ``resources/plainlang/jargon.txt``."""
    path: Path = resource_path("plainlang", "jargon.txt")
    with path.open(encoding="utf-8") as handle:
        return tuple(parse_dictionary(handle))


class JargonMatcher:
    """Finds dictionary terms in text. Build once, use many times (it is immutable)."""

    def __init__(self, entries: Iterable[JargonEntry]) -> None:
        """Compile ``entries``; a later entry with the same term replaces an earlier one."""
        by_term: dict[str, JargonEntry] = {}
        for entry in entries:
            key = " ".join(token.folded for token in tokenize(entry.term))
            if key:
                by_term[key] = entry
        self._entries = tuple(by_term.values())
        self._words: dict[str, JargonEntry] = {}
        self._phrases: dict[str, list[_Phrase]] = {}
        self._separable: dict[str, list[tuple[str, JargonEntry]]] = {}
        self._heads: dict[str, JargonEntry] = {}
        self._by_term = by_term
        for entry in self._entries:
            self._compile(entry)
        self._longest_head = max((len(head) for head in self._heads), default=0)
        for phrases in self._phrases.values():
            phrases.sort(key=lambda phrase: len(phrase.positions), reverse=True)
        self._longest_tail = max((len(form) for form in self._words), default=0)

    @property
    def entries(self) -> tuple[JargonEntry, ...]:
        """All entries, board words included, in dictionary order."""
        return self._entries

    def lookup(self, term: str) -> JargonEntry | None:
        """Return the entry for ``term`` or one of its forms ("Verordeningen"), else None."""
        tokens = tokenize(term)
        key = " ".join(token.folded for token in tokens)
        if key in self._by_term:
            return self._by_term[key]
        hits = self.find(term)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(term.strip()):
            return self._by_term.get(" ".join(t.folded for t in tokenize(hits[0].term)))
        return None

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[JargonHit]:
        """Return all hits in ``text`` in order, without overlaps (longest phrase wins).

        ``tokens`` may be passed when the caller already tokenized ``text``.
        """
        every = list(tokenize(text) if tokens is None else tokens)
        words = [t for t in every if t.kind == TokenKind.WORD]
        folded = [token.folded for token in words]
        found: list[tuple[JargonHit, bool]] = []  # (hit, needs an official context)
        index = 0
        while index < len(words):
            phrase = self._match_phrase(text, words, folded, index)
            if phrase is not None:
                last = words[index + len(phrase.positions) - 1]
                hit = _hit(text, words[index].start, last.end, phrase.entry)
                found.append((hit, phrase.entry.context))
                index += len(phrase.positions)
                continue
            word_hits = self._match_word(text, words[index], folded[index])
            if not word_hits:
                word_hits = self._match_separable(text, words, folded, index)
            for hit, entry in word_hits:
                found.append((hit, entry.context and not _number_follows(text, every, hit)))
            index += 1
        return _in_context(text, found)

    def _compile(self, entry: JargonEntry) -> None:
        tokens = [token.folded for token in tokenize(entry.term)]
        if len(tokens) == 1:
            forms = _single_word_forms(entry, tokens[0])
            for form in forms:
                self._words.setdefault(form, entry)
            if entry.separable:
                self._add_separable(tokens[0], entry)
            if (len(tokens[0]) >= _MIN_COMPOUND_HEAD_TERM
                    and tokens[0].replace("-", "").isalpha()
                    and not entry.context and not entry.verb and not entry.fixed
                    and entry.term.islower()):
                self._heads.setdefault(tokens[0], entry)
        else:
            self._add_phrase(tokens, entry, inflect=True)
        for extra in entry.forms:
            extra_tokens = [token.folded for token in tokenize(extra)]
            if len(extra_tokens) == 1:
                self._words[extra_tokens[0]] = entry
            elif extra_tokens:
                self._add_phrase(extra_tokens, entry, inflect=False)

    def _add_phrase(self, tokens: list[str], entry: JargonEntry, *, inflect: bool) -> None:
        positions = tuple(
            frozenset(noun_and_adjective_forms(token) if inflect and len(token) > 3 else {token})
            for token in tokens
        )
        phrase = _Phrase(positions, entry)
        for first in positions[0]:
            self._phrases.setdefault(first, []).append(phrase)

    def _match_phrase(
        self, text: str, words: Sequence[Token], folded: Sequence[str], index: int
    ) -> _Phrase | None:
        """The longest phrase starting at token ``index``, if any."""
        for phrase in self._phrases.get(folded[index], ()):
            size = len(phrase.positions)
            if index + size > len(words):
                continue
            if all(
                folded[index + offset] in allowed
                and text[words[index + offset - 1].end : words[index + offset].start].isspace()
                for offset, allowed in enumerate(phrase.positions[1:], start=1)
            ):
                return phrase
        return None

    def _match_word(
        self, text: str, token: Token, folded: str
    ) -> list[tuple[JargonHit, JargonEntry]]:
        """Hits for one word: the whole word, a compound's tail or head, else hyphenated parts."""
        entry = (self._words.get(folded) or self._compound_tail(folded)
                 or self._compound_head(folded))
        if entry is not None:
            end = token.end
            if entry.term.endswith(".") and text[end : end + 1] == ".":
                end += 1  # "jl." and "resp.": the full stop belongs to the abbreviation
            return [(_hit(text, token.start, end, entry), entry)]
        if "-" not in token.text:
            return []
        hits: list[tuple[JargonHit, JargonEntry]] = []
        position = token.start
        for part in token.text.split("-"):
            part_folded = fold(part)
            part_entry = (self._words.get(part_folded) or self._compound_tail(part_folded)
                          or self._compound_head(part_folded))
            if part and part_entry is not None:
                hits.append((_hit(text, position, position + len(part), part_entry), part_entry))
            position += len(part) + 1
        return hits

    def _add_separable(self, infinitive: str, entry: JargonEntry) -> None:
        """"toekennen": find "kent ... toe" and "toe te kennen" too."""
        particle = max((p for p in SEPARABLE_PREFIXES if infinitive.startswith(p)),
                       key=len, default="")
        stem = infinitive[len(particle):]
        if not particle or len(stem) < 3:
            return
        finite = {form for form in verb_forms(stem) if not form.startswith("ge")}
        for form in finite | {stem}:
            self._separable.setdefault(form, []).append((particle, entry))
        self._add_phrase([particle, "te", stem], entry, inflect=False)

    def _match_separable(
        self, text: str, words: Sequence[Token], folded: Sequence[str], index: int
    ) -> list[tuple[JargonHit, JargonEntry]]:
        """A split verb: the finite form here, its particle later in the same sentence."""
        options = self._separable.get(folded[index])
        if not options:
            return []
        stop = min(len(words), index + 1 + _SEPARABLE_REACH)
        for later in range(index + 1, stop):
            between = text[words[later - 1].end : words[later].start]
            if any(char in _SENTENCE_END for char in between):
                return []
            for particle, entry in options:
                if folded[later] == particle and (later + 1 == len(words) or not text[
                        words[later].end : words[later + 1].start].strip() == ""
                        or folded[later + 1] not in _NOUN_AFTER_PARTICLE):
                    token = words[index]
                    return [(_hit(text, token.start, token.end, entry), entry)]
        return []

    def _compound_head(self, word: str) -> JargonEntry | None:
        """The entry that starts the compound ``word`` ("indicatieperiode", "subsidieaanvraag")."""
        if len(word) < _MIN_COMPOUND_HEAD_TERM + 4:
            return None
        for split in range(min(len(word) - 4, self._longest_head), _MIN_COMPOUND_HEAD_TERM - 1,
                           -1):
            entry = self._heads.get(word[:split])
            if entry is None:
                continue
            rest = word[split:].removeprefix("s").removeprefix("-")
            if len(rest) >= 4 and rest.isalpha() and not rest.startswith(_SUFFIXES):
                return entry
        return None

    def _compound_tail(self, word: str) -> JargonEntry | None:
        """The entry whose (long) form ends the compound ``word`` ("zorgindicatie")."""
        if len(word) < _MIN_COMPOUND_HEAD + _MIN_COMPOUND_TAIL or not word.isalpha():
            return None
        first_split = max(_MIN_COMPOUND_HEAD, len(word) - self._longest_tail)
        for split in range(first_split, len(word) - _MIN_COMPOUND_TAIL + 1):
            entry = self._words.get(word[split:])
            if entry is not None and " " not in entry.term:
                return entry
        return None


def _single_word_forms(entry: JargonEntry, folded: str) -> set[str]:
    """The forms a one-word entry is found in (see the flags in the dictionary header)."""
    if entry.fixed:
        return {folded}
    if any(char.isupper() for char in entry.term):  # an acronym or a name: "CAK", "Wmo"
        return {folded, folded + "'s", folded + "s"}
    forms = noun_and_adjective_forms(folded)
    if entry.verb:
        forms |= verb_forms(folded)
    return forms


def _hit(text: str, start: int, end: int, entry: JargonEntry) -> JargonHit:
    return JargonHit(start, end, text[start:end], entry.term, entry.alternative, entry.category,
                     entry.is_explanation)


# "Hij zet de stoel aan de kant": "aan" followed by an article starts a phrase, it is not
# the particle of a split verb.
_NOUN_AFTER_PARTICLE = frozenset({"de", "het", "een", "u", "uw", "ons", "onze", "hun"})


def _number_follows(text: str, tokens: Sequence[Token], hit: JargonHit) -> bool:
    """True when the next token after ``hit`` is a number ("uiterlijk 1 maart")."""
    following = bisect.bisect_left([token.start for token in tokens], hit.end)
    return following < len(tokens) and tokens[following].kind == TokenKind.NUMBER


def _in_context(text: str, found: Sequence[tuple[JargonHit, bool]]) -> list[JargonHit]:
    """Keep context-only hits only in a sentence that holds another official word."""
    if not any(needs for _, needs in found):
        return [hit for hit, _ in found]
    sentences = split_sentences(text)
    starts = [span.start for span in sentences]

    def sentence_of(hit: JargonHit) -> int:
        return bisect.bisect_right(starts, hit.start) - 1

    official = {sentence_of(hit) for hit, needs in found if not needs}
    return [hit for hit, needs in found if not needs or sentence_of(hit) in official]


def _board_entries(extra: Sequence[tuple[str, str]]) -> list[JargonEntry]:
    return [
        JargonEntry(term.strip(), alternative.strip(), BOARD_CATEGORY)
        for term, alternative in extra
        if term.strip() and alternative.strip()
    ]


def jargon_matcher(extra: Sequence[tuple[str, str]] = ()) -> JargonMatcher:
    """Return the matcher for the shipped dictionary plus a board's own ``(term, alternative)``.

    Matchers are cached per distinct ``extra`` list, so calling this on every keystroke is cheap.
    """
    return _cached_matcher(tuple((str(term), str(alt)) for term, alt in extra))


@lru_cache(maxsize=16)
def _cached_matcher(extra: tuple[tuple[str, str], ...]) -> JargonMatcher:
    return JargonMatcher([*load_dictionary(), *_board_entries(extra)])


def find_jargon(text: str, extra: Sequence[tuple[str, str]] = ()) -> list[JargonHit]:
    """Return every jargon hit in ``text`` (shipped dictionary plus ``extra`` board words)."""
    return jargon_matcher(extra).find(text)
