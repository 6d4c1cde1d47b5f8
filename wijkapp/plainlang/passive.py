"""Finding passive constructions ("lijdende vorm") in one Dutch sentence.

Recognised, within one sentence:

* a form of *worden* ("wordt", "worden", "werd", "werden") with a past participle close
  before or anywhere after it ("wordt beoordeeld", "genomen wordt", "werden ... ontvangen"),
  or with "door" after it ("wordt door de gemeente ...");
* a form of *zijn* ("is", "zijn", "was", "waren") with "geworden" after it
  ("is ... geworden"), or with a participle and "door" ("is door de raad besloten").

"Hij werd boos" and "Het wordt beter" are not passive: there is no participle. This is a
heuristic for a writing aid, not a grammar; it prefers missing a rare case to crying wolf.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wijkapp.plainlang.text import Span, Token, TokenKind

__all__ = ["find_passives", "looks_like_participle"]

_WORDEN = frozenset({"wordt", "worden", "werd", "werden"})
_ZIJN = frozenset({"is", "zijn", "was", "waren"})
# Separable parts that stand before "ge" in a participle: "aangevraagd", "goedgekeurd".
_PARTICLES = (
    "aan|af|bij|door|in|mee|na|om|op|over|toe|uit|vast|voor|weg|terug|tegen|samen|goed|vrij|"
    "klaar|schoon|stil|kapot|bekend|plaats|deel|thuis|recht|mis|neer|rond|vol|los|open|dicht|"
    "gelijk|tegemoet|kennis|teniet|tewerk|ter"
)
_PARTICIPLE_RE = re.compile(
    rf"^(?:(?:{_PARTICLES})?ge[a-z]{{2,}}|(?:{_PARTICLES})?(?:be|ver|ont|her|er)[a-z]{{3,}})"
    r"(?:d|t|en)$"
)
# Words that look like participles but are (almost always) nouns or adjectives.
_NOT_PARTICIPLES = frozenset(
    """
    gebied gebieden gezin gezinnen gesprekken gevolgen gevallen gebouwen gezicht gewicht
    gerecht gedicht gebed gebit geluid geluiden geheimen geheugen gegeven gezond gewend
    gelden genen geven gebeuren gaan bedrijven bedrijfsleven verhalen verleden verschillen
    verband verstand verschillend benen beten bieden bent bezit bedden vergaderen
    eten ergens erg verder verkeerd
    """.split()
)
_LOOK_BACK = 2  # "dat het besluit genomen wordt": the participle may stand just before


def looks_like_participle(folded: str) -> bool:
    """True when the folded word has the shape of a past participle ("gedaan", "beoordeeld")."""
    if len(folded) < 5 or folded in _NOT_PARTICIPLES or folded.endswith(("ingen", "heid", "heden")):
        return False
    return _PARTICIPLE_RE.match(folded) is not None


def find_passives(words: Sequence[Token]) -> list[Span]:
    """Return the spans of passive constructions among one sentence's tokens, in order.

    Each span runs from the auxiliary to the participle, "door" or "geworden" that makes
    it passive (or the other way round when the participle comes first).
    """
    folded = [token.folded if token.kind == TokenKind.WORD else "" for token in words]
    spans: list[Span] = []
    used_until = -1
    for index, word in enumerate(folded):
        if index <= used_until:
            continue
        partner: int | None = None
        if word in _WORDEN:
            partner = _worden_partner(folded, index)
        elif word in _ZIJN:
            partner = _zijn_partner(folded, index)
        if partner is None:
            continue
        first, last = min(index, partner), max(index, partner)
        spans.append(Span(words[first].start, words[last].end))
        used_until = last
    return spans


def _worden_partner(folded: Sequence[str], index: int) -> int | None:
    """The participle or "door" that makes this form of *worden* passive."""
    for later in range(index + 1, len(folded)):
        if folded[later] in _WORDEN or folded[later] in _ZIJN:
            break  # a new clause
        if folded[later] == "door" or looks_like_participle(folded[later]):
            return later
    for earlier in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        if looks_like_participle(folded[earlier]):
            return earlier
    return None


def _zijn_partner(folded: Sequence[str], index: int) -> int | None:
    """ "geworden" after this form of *zijn*, or a participle followed by "door"."""
    participle: int | None = None
    for later in range(index + 1, len(folded)):
        word = folded[later]
        if word == "geworden":
            return later
        if word in _WORDEN or word in _ZIJN:
            break
        if looks_like_participle(word):
            participle = later
        elif word == "door" and participle is None:
            for after in range(later + 1, len(folded)):
                if looks_like_participle(folded[after]):
                    return after
    if participle is not None and "door" in folded[index + 1 : participle + 4]:
        return participle
    return None
