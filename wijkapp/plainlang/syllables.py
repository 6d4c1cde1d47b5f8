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

Words are counted **as they are read aloud** (``docs/leesbaarheid.md`` lists the rules):

* numbers are said in full with ``num2words`` ("2026" = tweeduizend zesentwintig, 7);
  times as "negentien uur dertig", decimals with "komma", ordinals ("3e" = derde),
  numbers with a leading zero (phone numbers) digit by digit;
* acronyms are spelled letter by letter ("AVG", "CAK", and the mixed-case "Wmo", "pgb"),
  except the few that are said as a word ("WOZ", "NAVO");
* abbreviations are read as what they stand for ("d.w.z." = dat wil zeggen, 4);
* English loanwords are counted as said ("website" 2, "team" 1, "online" 2), also at
  the start or end of a compound ("buurtwebsite");
* web and e-mail addresses are left out of every count by the caller (they are not read).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pyphen
from num2words import num2words

__all__ = [
    "ABBREVIATIONS",
    "LOANWORDS",
    "count_syllables",
    "count_vowel_groups",
    "count_hyphenation_parts",
    "number_in_words",
]

_TREMA = "\u0308"
_VOWELS = frozenset("aeiouy")
# Longest first: the scanner takes the longest unit that fits.
_UNITS = (
    "aai", "ooi", "oei", "eeu", "ieu", "eau",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ij", "ui", "ou", "au", "ei", "ai", "oi",
)  # fmt: skip
_DIGITS_RE = re.compile(r"\d")
_TIME_RE = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_DECIMAL_RE = re.compile(r"(\d+),(\d+)")
_ORDINAL_RE = re.compile(r"(\d+)(?:e|ste|de)")

#: Abbreviations read as what they stand for; the key includes the final full stop.
ABBREVIATIONS: dict[str, str] = {
    "d.w.z.": "dat wil zeggen", "o.a.": "onder andere", "bijv.": "bijvoorbeeld",
    "bv.": "bijvoorbeeld", "i.p.v.": "in plaats van", "z.s.m.": "zo snel mogelijk",
    "enz.": "enzovoort", "etc.": "et cetera", "t.a.v.": "ter attentie van",
    "m.b.t.": "met betrekking tot", "ca.": "circa", "nr.": "nummer", "tel.": "telefoon",
    "dhr.": "de heer", "mevr.": "mevrouw", "mw.": "mevrouw", "evt.": "eventueel",
    "i.v.m.": "in verband met", "n.a.v.": "naar aanleiding van", "t.z.t.": "te zijner tijd",
    "a.s.": "aanstaande", "jl.": "jongstleden", "m.i.v.": "met ingang van",
    "e.d.": "en dergelijke", "e.a.": "en andere", "c.q.": "casu quo", "t.b.v.": "ten behoeve van",
    "d.d.": "de dato", "o.b.v.": "op basis van", "resp.": "respectievelijk", "incl.": "inclusief",
    "excl.": "exclusief", "max.": "maximaal", "min.": "minimaal", "blz.": "bladzijde",
    "zgn.": "zogenaamde", "vnl.": "voornamelijk", "m.a.w.": "met andere woorden",
    "z.o.z.": "zie ommezijde", "p.": "pagina", "art.": "artikel", "e.e.a.": "een en ander",
    "i.s.m.": "in samenwerking met", "v.d.": "van de", "vgl.": "vergelijk", "ivm.": "in verband met",
}
#: English loanwords with the syllables a Dutch reader says ("website" = web-sait).
LOANWORDS: dict[str, int] = {
    "website": 2, "websites": 2, "site": 1, "sites": 1, "update": 2, "updates": 2,
    "online": 2, "offline": 2, "team": 1, "teams": 1, "mail": 1, "mails": 1, "mailen": 2,
    "gemaild": 2, "email": 2, "computer": 3, "laptop": 2, "app": 1, "apps": 1,
    "whatsapp": 2, "facebook": 2, "workshop": 2, "workshops": 2, "meeting": 2,
    "live": 1, "game": 1, "games": 1, "skate": 1, "skaten": 2, "coach": 1, "coaches": 2,
    "software": 2, "download": 2, "downloaden": 3, "smartphone": 2, "tablet": 2, "wifi": 2,
    "feedback": 2, "deadline": 2, "service": 2, "cookies": 2, "manager": 3, "managers": 3,
    "chatten": 2, "chat": 1, "sorry": 2, "oké": 2, "okay": 2, "weekend": 2, "weekends": 2,
    "tape": 1, "spray": 1, "sale": 1, "shop": 1, "shoppen": 2, "online-": 2, "inloggen": 3,
    "cookie": 2, "timing": 2, "planning": 2, "training": 2, "trainingen": 3, "stress": 1,
    "flyer": 2, "flyers": 2, "poster": 2, "posters": 2, "printer": 2, "printen": 2,
    "teamleider": 3, "zoom": 1, "link": 1, "links": 1, "klikken": 2, "scooter": 2,
    "scootmobiel": 3, "scootmobielen": 4, "baby": 2, "jeans": 1, "fitness": 2, "gym": 1,
}
#: Mixed-case or lower-case acronyms that are spelled letter by letter.
SPELLED_ACRONYMS = frozenset({"wmo", "awb", "pgb", "wlz", "zvw", "wob", "woo", "ggz", "avg",
                              "cak", "brp", "apv", "svb", "uwv", "ozb", "kcc", "ov"})
#: Acronyms in capitals that are said as one word.
WORD_ACRONYMS: dict[str, int] = {"WOZ": 1, "NAVO": 2, "NATO": 2, "ROC": 1, "HAVO": 2,
                                 "MAVO": 2, "UNESCO": 3, "VIP": 1, "AIDS": 1}
_LOAN_PARTS = tuple(sorted((w for w in LOANWORDS if len(w) >= 4 and w.isalpha()),
                           key=len, reverse=True))


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    """The Dutch hyphenation dictionary, loaded once."""
    return pyphen.Pyphen(lang="nl_NL")


def count_syllables(word: str) -> int:
    """Return the number of syllables of one Dutch word (at least 1).

    Counted as read aloud (see the module docstring): hyphenated words part by part
    ("Wmo-loket" = 3), numbers in full ("2026" = 7), acronyms spelled ("GGD" = 3),
    abbreviations expanded when passed with their full stop ("d.w.z." = 4), English
    loanwords as said ("website" = 2).
    """
    return _count_cached(word)


@lru_cache(maxsize=50_000)
def _count_cached(word: str) -> int:
    expansion = ABBREVIATIONS.get(_fold_simple(word)) if word.endswith(".") else None
    if expansion is not None:
        return _words_syllables(expansion)
    word = word.rstrip(".")
    if _DIGITS_RE.search(word) and not any(c.isalpha() for c in word.removesuffix("ste")
                                           .removesuffix("de").removesuffix("e")):
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
    folded = _fold_simple(letters)
    loan = _loanword_syllables(folded)
    if loan is not None:
        return loan
    return max(1, count_vowel_groups(letters), count_hyphenation_parts(letters))


def _fold_simple(word: str) -> str:
    return word.casefold().replace("’", "'")


def _loanword_syllables(folded: str) -> int | None:
    """A loanword, or a compound that starts or ends with one ("buurtwebsite")."""
    if folded in LOANWORDS:
        return LOANWORDS[folded]
    if len(folded) < 7:
        return None
    for loan in _LOAN_PARTS:
        if folded.endswith(loan) and len(folded) - len(loan) >= 3:
            return LOANWORDS[loan] + _count_cached(folded[: -len(loan)])
        if folded.startswith(loan) and len(folded) - len(loan) >= 3:
            return LOANWORDS[loan] + _count_cached(folded[len(loan):])
    return None


def _words_syllables(words: str) -> int:
    """Syllables of several written-out words ("dat wil zeggen" = 4)."""
    return sum(max(1, count_vowel_groups(word)) for word in words.split())


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
    """Acronyms are spelled out, one syllable a letter: "GGD", "AVG", "CAK", "Wmo", "pgb".

    Capitals-only words of two to five letters are acronyms unless said as a word
    ("WOZ", "NAVO"); longer all-capital words are shouting, not acronyms ("WELKOM").
    """
    if letters in WORD_ACRONYMS:
        return WORD_ACRONYMS[letters]
    if letters.casefold() in SPELLED_ACRONYMS:
        return len(letters)
    if len(letters) < 2 or not letters.isupper() or len(letters) > 5:
        return None
    if len(letters) > 3 and sum(c in "AEIOUY" for c in letters) > 1:
        return None  # "NIET", "GEEN": a word in capitals, not an acronym
    return len(letters)


def number_in_words(token: str) -> str:
    """A number token as it is read aloud, in Dutch words.

    "2026" -> "tweeduizendzesentwintig", "19:30" -> "negentien uur dertig",
    "3,5" -> "drie komma vijf", "12.000" -> "twaalfduizend", "3e" -> "derde",
    "046" -> "nul vier zes", "€25" -> "vijfentwintig euro".
    """
    text = "".join(str(unicodedata.digit(c)) if c.isdigit() else c
                   for c in token.strip().removesuffix(",-"))  # "¹", "٣" as 1, 3
    currency = ""
    if text[:1] in "€$":
        currency = " euro" if text[0] == "€" else " dollar"
        text = text[1:]
    return _spoken(text) + currency


def _spoken(text: str) -> str:
    digits = _DIGITS_RE.findall(text)
    if len(digits) > 15:
        return " ".join(_DIGIT_WORDS[int(d)] for d in digits)
    if (match := _ORDINAL_RE.fullmatch(text)) is not None:
        return str(num2words(int(match.group(1)), lang="nl", to="ordinal"))
    if (match := _TIME_RE.fullmatch(text)) is not None:
        hour, minute = int(match.group(1)), int(match.group(2))
        said = f"{_say(hour)} uur"
        return f"{said} {_say(minute)}" if minute else said
    if _THOUSANDS_RE.fullmatch(text):
        text = text.replace(".", "")
    if (match := _DECIMAL_RE.fullmatch(text)) is not None:
        whole, part = match.groups()
        return f"{_spoken(whole)} komma {_say(int(part)) if len(part) <= 2 else _digits(part)}"
    if text.isdigit():
        if len(text) > 1 and text.startswith("0"):
            return _digits(text)  # phone numbers, postcodes: digit by digit
        return _say(int(text))
    return " ".join(_spoken(part) for part in re.findall(r"\d+", text))


_DIGIT_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")


def _digits(text: str) -> str:
    return " ".join(_DIGIT_WORDS[int(char)] for char in text if char.isdigit())


def _say(number: int) -> str:
    if 1100 <= number < 2000 and number % 100:
        return str(num2words(number, lang="nl", to="year"))
    return str(num2words(number, lang="nl"))


def _number_syllables(token: str) -> int:
    """Syllables of a number as read aloud (:func:`number_in_words`)."""
    return max(1, _words_syllables(number_in_words(token)))
