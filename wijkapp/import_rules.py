"""An exchange file gets the same limits as typing in the app (issue 11).

Text fields are checked with the managers' own cleaners (:class:`wijkapp.base.TextRule`): the
same maximum length, required names stay required, one-line names and titles hold no control
characters. Numbers stay in their sensible range (a position of 2^63−1 breaks every later
move), and broken Unicode (a lone surrogate) is refused, because no PDF or file can hold it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .attachments import MAX_ATTACHMENT_BYTES
from .base import CONTROL_CHARS, MAX_TEXT, Manager, TextRule, clean_text, has_broken_unicode
from .errors import ImportFormatError, ValidationError

if TYPE_CHECKING:
    from .workspace import Workspace

#: Text fields whose app code checks them inline rather than through a manager's cleaners.
INLINE_RULES: dict[tuple[str, str], TextRule] = {
    ("boards", "name"): TextRule("De naam van het wijkplatform", True, 200, True),
    ("boards", "wijk"): TextRule("De wijk", False, 200, True),
    ("boards", "municipality"): TextRule("De gemeente", False, 200, True),
    ("areas", "name"): TextRule("De naam van de buurt", True, 200, True),
    ("attendance", "note"): TextRule("De opmerking", False, 1000, False),
    ("attachments", "filename"): TextRule("De bestandsnaam", True, 500, False),
}

#: Allowed range of each whole-number column (inclusive).
INT_RANGES: dict[str, tuple[int, int]] = {
    "position": (0, 100_000),
    "board_member": (0, 1),
    "minutes": (0, 24 * 60),
    "year": (1900, 2200),
    "seq": (1, 1_000_000),
    "times_postponed": (0, 10_000),
    "building_block": (1, 7),
    "size": (0, MAX_ATTACHMENT_BYTES),
}


def text_rules(ws: Workspace) -> dict[tuple[str, str], TextRule]:
    """``{(table, column): rule}`` taken from every manager's cleaners, plus the inline ones."""
    rules = dict(INLINE_RULES)
    for manager in vars(ws).values():
        if not isinstance(manager, Manager):
            continue
        try:
            cleaners = manager._cleaners()
        except NotImplementedError:
            continue
        for column, cleaner in cleaners.items():
            rule = getattr(cleaner, "text_rule", None)
            if isinstance(rule, TextRule):
                rules[(manager.table, column)] = rule
    return rules


def check_values(table: str, row: dict[str, Any], rules: dict[tuple[str, str], TextRule],
                 where: str) -> None:
    """Refuse a row whose text or numbers the app itself would never store (Dutch sentence)."""
    for column, value in row.items():
        if isinstance(value, str):
            if has_broken_unicode(value):
                raise ImportFormatError(
                    f"Veld '{column}' bevat een kapot teken (een half Unicode-teken) in {where}. "
                    "Er is niets ingelezen."
                )
            rule = rules.get((table, column), TextRule(column, limit=MAX_TEXT))
            if rule.single_line and CONTROL_CHARS.search(value):
                raise ImportFormatError(
                    f"Veld '{column}' bevat een onzichtbaar stuurteken in {where}; een naam of "
                    "titel is één gewone regel. Er is niets ingelezen."
                )
            try:
                clean_text(value, rule.label, required=rule.required, limit=rule.limit)
            except ValidationError as error:
                raise ImportFormatError(f"{error} ({where}). Er is niets ingelezen.") from None
        elif isinstance(value, int) and not isinstance(value, bool) and column in INT_RANGES:
            low, high = INT_RANGES[column]
            if not low <= value <= high:
                raise ImportFormatError(
                    f"Veld '{column}' heeft de onmogelijke waarde {value} in {where} "
                    f"(toegestaan: {low} tot en met {high}). Er is niets ingelezen."
                )
