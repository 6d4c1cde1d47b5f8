"""Inflected forms of Dutch words, for finding dictionary words as they appear in letters.

The rules are deliberately generous: they produce the plural, the inflected adjective and
(on request) the verb forms of a word, plus a few spellings that are not words at all.
That is harmless: a form that never occurs in a text never matches. What matters is that
"verordeningen", "beschikkingen", "integrale", "structurele", "preventieve",
"geïndiceerd" and "aanvragen" are found, and that "conformiteit" is not "conform".

All forms are folded (lower case, no accents; see :func:`wijkapp.plainlang.text.fold`).
"""

from __future__ import annotations

import re

__all__ = ["SEPARABLE_PREFIXES", "noun_and_adjective_forms", "verb_forms"]

_VOWEL = "aeiouy"
_LONG_VOWEL_END = re.compile(r"(aa|ee|oo|uu)([^aeiouy])$")
_SHORT_VOWEL_END = re.compile(r"(?:^|[^aeiouy])([aeiou])([bdfgklmnprst])$")
SEPARABLE_PREFIXES = (
    "aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe",
    "uit", "vast", "voor", "weg",
)  # fmt: skip
_UNSTRESSED_PREFIXES = ("be", "ge", "her", "ont", "ver", "er")


def noun_and_adjective_forms(word: str) -> set[str]:
    """Return ``word`` with its plural and inflected-adjective forms (folded input expected).

    "verordening" -> verordeningen; "integraal" -> integrale; "preventief" -> preventieve;
    "indicatie" -> indicaties; "budget" -> budgetten; "mogelijkheid" -> mogelijkheden.
    Words ending in "-eren" also get their regular verb forms ("indiceren" -> geindiceerd).
    """
    forms = {word}
    if len(word) < 3 or not word.isalpha():
        return forms
    forms.update({word + "s", word + "en", word + "e"})
    if word[-1] in _VOWEL:
        forms.update({word + "'s", word + "n"})
    if word.endswith("heid"):
        forms.add(word[:-4] + "heden")
    stem = word
    if word[-1] == "f":
        stem = word[:-1] + "v"
    elif word[-1] == "s" and len(word) > 3 and word[-2] in _VOWEL:
        stem = word[:-1] + "z"
        forms.update({word + "se", word + "sen"})  # "proces" -> "processen"
    long_vowel = _LONG_VOWEL_END.search(stem)
    if long_vowel is not None:
        open_stem = stem[: long_vowel.start()] + long_vowel.group(1)[0] + long_vowel.group(2)
        forms.update({open_stem + "e", open_stem + "en", open_stem + "er", open_stem + "ere"})
    elif stem != word:
        forms.update({stem + "e", stem + "en"})
    short_vowel = _SHORT_VOWEL_END.search(word)
    if short_vowel is not None and not word.endswith(("ig", "lijk", "isch", "el", "er", "en")):
        forms.update({word + word[-1] + "en", word + word[-1] + "e"})
    if word.endswith("eren") and len(word) > 6:
        forms.update(verb_forms(word))
    return forms


def verb_forms(infinitive: str) -> set[str]:
    """Return the regular forms of a Dutch verb given its (folded) infinitive.

    "indiceren" -> indiceert, indiceerde(n), geindiceerd(e);
    "verstrekken" -> verstrekt, verstrekte(n); "aanvragen" -> aangevraagd.
    Irregular verbs need their forms listed in the dictionary.
    """
    forms = {infinitive}
    if not infinitive.endswith("en") or len(infinitive) < 5:
        return forms
    stem = infinitive[:-2]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWEL:
        stem = stem[:-1]  # "verstrekk" -> "verstrek"
    elif (re.search(r"(?:^|[^aeiouy])[aeou][^aeiouy]$", stem) and not stem.endswith("er")
          and not (len(stem) >= 5 and stem.endswith(("en", "el")))):  # "verreken", "wandel"
        stem = stem[:-2] + stem[-2] * 2 + stem[-1]  # "aanvrag" -> "aanvraag"
    forms.update(_forms_of_stem(stem))
    if infinitive.endswith("eren"):
        forms.update(_forms_of_stem(infinitive[:-4] + "eer"))  # "indiceren" -> "indiceer"
    return forms


def _forms_of_stem(voiced_stem: str) -> set[str]:
    """Present, past and participle forms built on one stem ("verstrek", "indiceer")."""
    stem = voiced_stem
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif stem.endswith("z"):
        stem = stem[:-1] + "s"
    past = "te" if voiced_stem[-1] in "tkfschp" else "de"
    final = "t" if past == "te" else "d"
    third = stem if stem.endswith("t") else stem + "t"
    participle = stem if stem.endswith(("t", "d")) else stem + final
    # The bare stem ("borg", "verantwoord") is left out: it is rare in letters and often
    # another word; the participle is added below when it happens to equal the stem.
    forms = {third, stem + past, stem + past + "n"}
    prefix = next((p for p in SEPARABLE_PREFIXES if stem.startswith(p)), None)
    if stem.startswith(_UNSTRESSED_PREFIXES) and prefix is None:
        forms.update({participle, participle + "e"})
    elif prefix is not None and len(stem) > len(prefix) + 2:
        rest = participle[len(prefix) :]
        separable = prefix + ("" if rest.startswith(_UNSTRESSED_PREFIXES) else "ge") + rest
        forms.update({separable, separable + "e", "ge" + participle, "ge" + participle + "e"})
    else:
        forms.update({"ge" + participle, "ge" + participle + "e"})
    return forms
