"""Splitting Dutch text into sentences and words, keeping character offsets.

Every span returned here points into the *original* text (``text[start:end]``), so an
editor can underline exactly what was analysed. Nothing here changes the text itself.

Sentence ends are ``.``, ``!``, ``?`` and ``…``, except after an abbreviation that never
ends a sentence ("o.a.", "bijv.", "dhr."), an initial ("J. de Vries", "A. Janssen") or when
the next word starts with a small letter. The one-letter word "u" ends a sentence like any
word; a single capital does when a usual sentence start follows ("vitamine D. De ...",
"groep B. Uw ..."); abbreviations that can close a sentence ("enz.", "n.v.t.", "jr.")
do so when a capital follows. ``tests/plainlang/test_sentence_ends.py`` is the table. A line break also ends a sentence when the line has no final punctuation
and the next line looks like a new sentence (a capital, a number or a list bullet); a
blank line always does. List bullets ("-", "•", "1.", "a)") are not part of a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "Span",
    "Token",
    "TokenKind",
    "fold",
    "split_sentences",
    "tokenize",
]


class TokenKind(StrEnum):
    """What a token is: a word, a number (also dates, times, amounts) or an address.

    Addresses are web and e-mail addresses, postcodes ("6161 AB") and Dutch phone numbers
    of ten digits ("046 410 77 88"); they are not read as prose, so readability leaves
    them out of every count.
    """

    WORD = "woord"
    NUMBER = "getal"
    ADDRESS = "adres"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch ``text[start:end]`` of the original text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """One word-like token: its text as written, its offsets and its kind."""

    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def folded(self) -> str:
        """The token in lower case without accents, for comparing ("Geïndiceerd" -> "geindiceerd")."""
        return fold(self.text)


# Abbreviations after which a full stop never ends a sentence (they stand before something).
_NEVER_FINAL = frozenset(
    """
    a.d.h.v. afd. alg. art. bijv. bv. bijl. blz. ca. d.d. d.m.v. d.w.z. dhr. dr. drs. e.v.a. fa.
    hr. i.c.m. i.h.k.v. i.o.m. i.p.v. i.s.m. i.v.m. i.z.m. ing. ir. jhr. m.a.w. m.b.t. m.b.v.
    m.i.v. m.u.v. mevr. mr. mw. n.a.v. nl. nr. o.a. o.b.v. o.g.v. o.l.v. o.m.
    p. pag. prof. resp. st. t.a.v. t.b.v. t.g.v. t.o.v. t.w. tel. v.d. vgl. vs.
    vz. zgn. z.g.a.n. min. max. gem. incl. excl. exc. lid. hfd. hst. par. sub. ver.
    ws. evt. ivm. ipv. mbt. tav. tbv. nav. dmv. adv. kl. ca. vnl. w.o. e.e.a. o.i.
    """.split()
)

# Abbreviations that may close a sentence; they do so only when a capital follows.
_MAY_BE_FINAL = frozenset(
    """
    etc. enz. e.d. e.a. z.s.m. t.z.t. jl. a.s. c.q. e.v. o.i.d. m.vr.gr. z.o.z. n.v.t.
    jr. sr. mln. mld. red.
    """.split()
)

# One-letter words that end a sentence like any word ("Wij bellen u.").
_ONE_LETTER_WORDS = frozenset({"u"})
# Words that start a sentence and are hardly ever a surname: after "groep B." or
# "vitamine D." they show that the capital closed the sentence, not an initial.
_SENTENCE_STARTERS = frozenset(
    """
    de het een dit dat deze die wij we u ik hij zij ze er daar dan daarna toen nu ook maar
    en of als want zo hier waar wat wie hoe wanneer waarom uw ons onze mijn hun haar zijn
    bel kijk neem vul lees stuur kom ga geef zet let graag alvast bedankt iedereen niemand
    alles niets elke ieder op in met voor na bij tot om door over aan veel soms altijd
    morgen vandaag gisteren ja nee is was wordt kan moet mag zal
    """.split()
)

_LETTER = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    rf"""
    (?P<address>
        (?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]}}'’]
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
      | (?<![\w.,])\d{{4}}[ ]?[A-Z]{{2}}(?![^\W\d_])
      | (?<![\w.,+])(?:\+31[ -]?(?:\(0\))?|0)\d(?:[ -]?\d){{8}}(?![\w])
    )
  | (?P<number>
        [€$]?\d+(?:[.,:/\-]\d+)*(?:,-)?(?:e|ste|de)?(?!{_LETTER})
    )
  | (?P<word>
        ['’][stn](?!{_LETTER})
      | [A-Z]&[A-Z](?!{_LETTER})
      | (?:{_LETTER}{{1,4}}\.){{2,}}
      | {_LETTER}[^\W_]*(?:['’\-][^\W_]+)*
    )
    """,
    re.VERBOSE,
)

# A list bullet or number at the start of a line: "- ", "• ", "1. ", "2) ", "a) ", "(b) ".
_BULLET_RE = re.compile(
    r"[ \t]*(?:[-*•–—·▪►○◦‣⁃]|\(?\d{1,3}[.)]|\(?[a-zA-Z][)]|\([a-zA-Z]\))[ \t]+"
)
_FINAL_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_WORD_BEFORE_DOT_RE = re.compile(rf"(?:{_LETTER}{{1,4}}\.)+$|{_LETTER}[^\W_]*\.$")
_LINE_END_PUNCT = ".!?…:;"
_NEXT_WORD_RE = re.compile(rf"[\s\"'“‘«(]*({_LETTER}+)")
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")

# Small words a sentence hardly ever ends with; a line ending in one runs on to the next.
_RUN_ON_WORDS = frozenset(
    """
    de het een van aan in op met voor door en of te tot bij om naar over uit als dat die dan
    zijn is wordt worden werd heeft hebben u uw wij we ons onze zij hun haar mijn dit deze
    niet ook nog wel maar want omdat zodat er onder tegen tussen zonder sinds per via
    """.split()
)


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """Lower-case ``word`` and strip accents and the ĳ ligature, for comparing words.

    "Geïndiceerd" -> "geindiceerd", "ĳs" -> "ijs", curly apostrophes become "'".
    """
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the word, number and address tokens of ``text[start:end]`` with their offsets.

    Punctuation, symbols, emoji and markup characters are skipped; "o.a." is one token,
    "3,5", "12.000", "10:30" and "3-12-2026" are one number each, "Wmo-loket" and "auto's"
    one word each.
    """
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text, start, stop):
        kind = match.lastgroup
        if kind == "address":
            token_kind = TokenKind.ADDRESS
        elif kind == "number":
            token_kind = TokenKind.NUMBER
        else:
            token_kind = TokenKind.WORD
        tokens.append(Token(match.group(), match.start(), match.end(), token_kind))
    return tokens


def split_sentences(text: str) -> list[Span]:
    """Return the sentences of ``text`` as spans, in order, without surrounding spaces or bullets.

    Spans without any word or number (a line of dashes, an emoji) are left out.
    """
    sentences: list[Span] = []
    for block_start, block_end in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            span = _trim(text, start, end)
            if span is not None:
                sentences.append(span)
    return sentences


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of each line's content (line breaks excluded)."""
    lines: list[tuple[int, int]] = []
    position = 0
    for match in _LINE_BREAK_RE.finditer(text):
        lines.append((position, match.start()))
        position = match.end()
    lines.append((position, len(text)))
    return lines


def _blocks(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` at the line breaks that end a sentence; each block is split further later."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    blocks: list[tuple[int, int]] = []
    for index, (line_start, line_end) in enumerate(lines):
        if index == 0:
            blocks.append((line_start, line_end))
            continue
        previous = lines[index - 1]
        between = text[previous[1] : line_start].replace("\r\n", "\n")
        blank_between = len(_LINE_BREAK_RE.findall(between)) > 1
        if blank_between or _line_break_ends_sentence(text, previous, (line_start, line_end)):
            blocks.append((line_start, line_end))
        else:
            blocks[-1] = (blocks[-1][0], line_end)
    return blocks


def _line_break_ends_sentence(
    text: str, previous: tuple[int, int], following: tuple[int, int]
) -> bool:
    """Decide whether the break between two non-blank lines ends a sentence."""
    next_line = text[following[0] : following[1]]
    if _BULLET_RE.match(next_line):
        return True
    line = text[previous[0] : previous[1]].rstrip()
    if _BULLET_RE.fullmatch(line + " "):
        return False  # a lone bullet; its text is on the next line
    last = line[-1]
    if last in _LINE_END_PUNCT:
        # "." is judged like any full stop (abbreviations); "?" and "!" too; ":" and ";"
        # close the line only when the next one starts a new sentence.
        return last in ":;" and _starts_like_sentence(next_line)
    if last in "-‐‑" or not _starts_like_sentence(next_line):
        return False  # a word broken over two lines, or the sentence runs on
    words = tokenize(line)
    if not words:
        return True
    if last == ",":
        return len(words) <= 4  # "Geachte heer Jansen," and "Met vriendelijke groet,"
    return fold(words[-1].text) not in _RUN_ON_WORDS


def _starts_like_sentence(line: str) -> bool:
    """True when ``line`` starts with a capital, a digit, a quote or a bracket."""
    stripped = line.lstrip()
    if not stripped:
        return False
    first = stripped[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘«([" or not first.isalnum()


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one block at full stops, question and exclamation marks that end a sentence."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    bullet = _BULLET_RE.match(text, start, end)
    scan_from = bullet.end() if bullet is not None else start
    for match in _FINAL_RE.finditer(text, scan_from, end):
        after = match.end()
        if after < end and not text[after].isspace():
            continue  # "12.000", "www.x.nl", "o.a.," -- not followed by a space
        if after < end and not _full_stop_ends_sentence(text, match, end):
            continue
        pieces.append((piece_start, after))
        piece_start = after
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def _full_stop_ends_sentence(text: str, match: re.Match[str], end: int) -> bool:
    """Judge a final mark followed by space: abbreviation, initial, small letter next."""
    next_char = _next_visible(text, match.end(), end)
    if next_char is None:
        return True
    if next_char.islower():
        return False  # "bijv. de buurt", "ca. twaalf", "... en toen"
    if match.group()[0] != ".":
        return True
    before = _WORD_BEFORE_DOT_RE.search(text, max(0, match.start() - 20), match.start() + 1)
    if before is None:
        return True
    word = before.group()
    if len(word) == 2 and word[0].isupper():
        # "J. Jansen" is an initial; "vitamine D. De huisarts ..." ends a sentence.
        return _next_word(text, match.end(), end) in _SENTENCE_STARTERS
    folded = fold(word)
    if folded[:-1] in _ONE_LETTER_WORDS:
        return True
    if folded in _NEVER_FINAL:
        return False
    if re.fullmatch(rf"(?:{_LETTER}\.)+", word) and folded not in _MAY_BE_FINAL:
        return len(word) > 8  # "A.B.C." initials or unknown short abbreviation
    return True


def _next_word(text: str, position: int, end: int) -> str:
    """The folded word that starts after ``position`` (quotes skipped), or ``""``."""
    match = _NEXT_WORD_RE.match(text, position, end)
    return fold(match.group(1)) if match else ""


def _next_visible(text: str, position: int, end: int) -> str | None:
    """The first character after ``position`` that is not a space or an opening quote."""
    for index in range(position, end):
        char = text[index]
        if not char.isspace() and char not in "\"'“‘«(":
            return char
    return None


def _trim(text: str, start: int, end: int) -> Span | None:
    """Strip spaces and a leading bullet; drop spans that hold no word or number."""
    while start < end and text[start].isspace():
        start += 1
    bullet = _BULLET_RE.match(text, start, end)
    if bullet is not None and bullet.end() < end:
        start = bullet.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or _TOKEN_RE.search(text, start, end) is None:
        return None
    return Span(start, end)
