"""Counting syllables of Dutch words.

Two independent estimates, of which the higher one wins:

* pyphen's Dutch hyphenation patterns (``nl_NL``). They are good on compounds but never
  split one letter off the start or the end ("even", "idee" come back whole), and they
  keep some vowel pairs together ("radio" -> "ra-dio").
* a count of vowel groups that knows Dutch spelling: "aa", "ie", "oe", "eu", "ij", "ui",
  "ou", "au", "ei", "ai" and the longer "aai", "ooi", "oei", "eeu", "ieu", "eau" are one sound,
  a trema starts a new syllable ("België", "coördinatie", "ruïne"), other vowel pairs are
  two ("radio", "theater", "situatie").

Both estimates undercount sometimes and rarely overcount, so taking the higher is the
better guess. Results are cached per word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pyphen

__all__ = ["count_syllables", "count_vowel_groups", "count_hyphenation_parts"]

_TREMA = "\u0308"
_VOWELS = frozenset("aeiouy")
# Longest first: the scanner takes the longest unit that fits.
_UNITS = (
    "aai", "ooi", "oei", "eeu", "ieu", "eau",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ij", "ui", "ou", "au", "ei", "ai", "oi",
)  # fmt: skip
_DIGITS_RE = re.compile(r"\d")


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    """The Dutch hyphenation dictionary, loaded once."""
    return pyphen.Pyphen(lang="nl_NL")


def count_syllables(word: str) -> int:
    """Return the number of syllables of one Dutch word (at least 1).

    Hyphenated words are counted part by part ("Wmo-loket"); numbers are estimated
    from their digits; acronyms without vowels are spelled out ("GGD" = 3).
    """
    return _count_cached(word)


@lru_cache(maxsize=50_000)
def _count_cached(word: str) -> int:
    if _DIGITS_RE.search(word) and not any(c.isalpha() for c in word):
        return _number_syllables(word)
    parts = [part for part in re.split(r"[-‐‑/]", word) if part]
    if len(parts) > 1:
        return max(1, sum(_count_cached(part) for part in parts))
    letters = "".join(c for c in word if c.isalpha() or unicodedata.combining(c))
    if not letters:
        return 1
    acronym = _acronym_syllables(letters)
    if acronym is not None:
        return acronym
    return max(1, count_vowel_groups(letters), count_hyphenation_parts(letters))


def count_hyphenation_parts(word: str) -> int:
    """The number of parts pyphen's ``nl_NL`` patterns cut ``word`` into."""
    if len(word) < 4:
        return 1
    return len(_hyphenator().positions(word.lower())) + 1


def count_vowel_groups(word: str) -> int:
    """Count syllable nuclei by Dutch spelling rules (trema, diphthongs, "ij", "qu", "-eum")."""
    letters = _with_trema_marks(word)
    count = 0
    index = 0
    size = len(letters)
    while index < size:
        char, _ = letters[index]
        if not _is_vowel(letters, index):
            index += 1
            continue
        count += 1
        index += _unit_length(letters, index)
    return count


def _with_trema_marks(word: str) -> list[tuple[str, bool]]:
    """Lower-case base letters, each flagged when it carried a trema ("ë" -> ("e", True))."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    letters: list[tuple[str, bool]] = []
    for char in decomposed:
        if unicodedata.combining(char):
            if char == _TREMA and letters:
                base, _ = letters[-1]
                letters[-1] = (base, True)
            continue
        letters.append((char, False))
    return letters


def _is_vowel(letters: list[tuple[str, bool]], index: int) -> bool:
    """Vowels are a e i o u, and y when it is not a consonant ("yoghurt", "mayonaise")."""
    char, _ = letters[index]
    if char not in _VOWELS:
        return False
    if char == "u" and index > 0 and letters[index - 1][0] == "q":
        return False  # "qu" sounds like "kw"
    if char == "y":
        followed_by_vowel = index + 1 < len(letters) and letters[index + 1][0] in "aeiou"
        after_vowel = index > 0 and letters[index - 1][0] in "aeiou"
        return not (followed_by_vowel and (index == 0 or after_vowel))
    return True


def _unit_length(letters: list[tuple[str, bool]], index: int) -> int:
    """How many letters from ``index`` form one vowel sound; a trema inside breaks the unit."""
    rest = "".join(char for char, _ in letters[index : index + 3])
    for unit in _UNITS:
        if not rest.startswith(unit):
            continue
        if any(trema for _, trema in letters[index + 1 : index + len(unit)]):
            continue  # "ideeën": the "ë" starts its own syllable
        if unit == "eu" and _is_latin_eum(letters, index):
            continue  # "museum", "jubileum": mu-se-um
        return len(unit)
    return 1


def _is_latin_eum(letters: list[tuple[str, bool]], index: int) -> bool:
    """True for a word ending in "-eum" at ``index`` (museum, lyceum, petroleum)."""
    tail = "".join(char for char, _ in letters[index:])
    return tail == "eum" and index >= 2


def _acronym_syllables(letters: str) -> int | None:
    """Acronyms without a vowel are spelled out: "GGD", "CJG", "SVB" count one per letter."""
    if len(letters) < 2 or not letters.isupper() or any(c in "AEIOUY" for c in letters):
        return None
    return len(letters)


def _number_syllables(token: str) -> int:
    """A rough count for a number as spoken: one syllable per digit, two to six in total."""
    digits = len(_DIGITS_RE.findall(token))
    return min(6, max(1, digits))
