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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wijkapp.paths import resource_path
from wijkapp.plainlang.forms import noun_and_adjective_forms, verb_forms
from wijkapp.plainlang.text import Token, TokenKind, fold, tokenize

__all__ = [
    "BOARD_CATEGORY",
    "JargonEntry",
    "JargonHit",
    "JargonMatcher",
    "find_jargon",
    "jargon_matcher",
    "load_dictionary",
    "parse_dictionary",
]

BOARD_CATEGORY = "eigen"
_MIN_COMPOUND_TAIL = 8  # only longer terms are looked for at the end of a compound
_MIN_COMPOUND_HEAD = 3
_VERB_FLAG = "+ww"
_FIXED_FLAG = "+vast"


@dataclass(frozen=True, slots=True)
class JargonEntry:
    """One dictionary entry: the term, its plain alternative, a category and extra forms."""

    term: str
    alternative: str
    category: str = BOARD_CATEGORY
    forms: tuple[str, ...] = ()
    verb: bool = False
    fixed: bool = False


@dataclass(frozen=True, slots=True)
class JargonHit:
    """A place in the text where a dictionary term occurs: ``text[start:end] == found``."""

    start: int
    end: int
    found: str
    term: str
    alternative: str
    category: str


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
    (``+ww``: also regular verb forms; ``+vast``: only the listed forms). Raises :class:`DictionaryError`
    naming the line number when a line has no alternative.
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
            raise DictionaryError(f"Regel {number} van de woordenlijst heeft geen uitleg.")
        extra = [form.strip() for form in fields[2].split(",")] if len(fields) > 2 else []
        flags = {form for form in extra if form.startswith("+")}
        forms = tuple(form for form in extra if form and form not in flags)
        entries.append(
            JargonEntry(
                fields[0], fields[1], category, forms, _VERB_FLAG in flags, _FIXED_FLAG in flags
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
        self._by_term = by_term
        for entry in self._entries:
            self._compile(entry)
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
        words = [
            t for t in (tokenize(text) if tokens is None else tokens) if t.kind == TokenKind.WORD
        ]
        folded = [token.folded for token in words]
        hits: list[JargonHit] = []
        index = 0
        while index < len(words):
            phrase = self._match_phrase(text, words, folded, index)
            if phrase is not None:
                last = words[index + len(phrase.positions) - 1]
                hits.append(_hit(text, words[index].start, last.end, phrase.entry))
                index += len(phrase.positions)
                continue
            hits.extend(self._match_word(text, words[index], folded[index]))
            index += 1
        return hits

    def _compile(self, entry: JargonEntry) -> None:
        tokens = [token.folded for token in tokenize(entry.term)]
        if len(tokens) == 1:
            forms = _single_word_forms(entry, tokens[0])
            for form in forms:
                self._words.setdefault(form, entry)
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

    def _match_word(self, text: str, token: Token, folded: str) -> list[JargonHit]:
        """Hits for one word: the whole word, else its hyphenated parts, else a compound tail."""
        entry = self._words.get(folded) or self._compound_tail(folded)
        if entry is not None:
            end = token.end
            if entry.term.endswith(".") and text[end : end + 1] == ".":
                end += 1  # "jl." and "resp.": the full stop belongs to the abbreviation
            return [_hit(text, token.start, end, entry)]
        if "-" not in token.text:
            return []
        hits: list[JargonHit] = []
        position = token.start
        for part in token.text.split("-"):
            part_entry = self._words.get(fold(part)) or self._compound_tail(fold(part))
            if part and part_entry is not None:
                hits.append(_hit(text, position, position + len(part), part_entry))
            position += len(part) + 1
        return hits

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
    return JargonHit(start, end, text[start:end], entry.term, entry.alternative, entry.category)


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
