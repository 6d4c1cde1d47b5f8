"""How the board's rows live in the Yjs document (one document per board).

``doc[table]`` is a map whose keys are ``"<row id>/<column>"``: every field is its own entry,
so two laptops that edit different fields of one record both keep their edit, even when they
created the same record (an attendance row) at the same time.

* Long texts (:data:`TEXT_FIELDS`) are Yjs ``Text`` and merge word by word: both laptops'
  typing is kept.
* Every other column is a last-writer-wins register ``[value, write id, ancestors]``; the
  write id is ``<laptop>.<random>`` and the ancestors are the write ids this write replaced,
  so a laptop can tell "overwritten knowingly" from "lost a race". A value written when a
  record is first shared is stored plain (nobody can have overwritten it unseen).
* ``doc["erasures"]`` maps an erased person's id to the moment of the erasure (grow-only).
* ``doc["meta"]`` holds board-wide sync settings (who numbers decisions).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import secrets
from typing import Any

from pycrdt import Text

from ..exchange import TABLE_ORDER
from ..schema import TABLES

#: Columns merged word by word (Yjs Text); everything else is last-writer-wins.
TEXT_FIELDS: frozenset[tuple[str, str]] = frozenset({
    ("meetings", "notes"), ("agenda_items", "notes"), ("agenda_items", "summary"),
    ("actions", "notes"), ("requests", "text"), ("requests", "answer_text"),
    ("documents", "summary"), ("documents", "handling"), ("goals", "how"),
    ("goals", "evidence"), ("goals", "evaluation"), ("people", "notes"),
    ("organisations", "notes"),
})

#: Registers whose concurrent overwrite is not worth a notice (bookkeeping, order).
SILENT_FIELDS = frozenset({"created_at", "updated_at", "position"})

#: How many earlier write ids a register remembers.
ANCESTORS = 4

TABLES_IN_ORDER = TABLE_ORDER


def _column_types() -> dict[str, dict[str, str]]:
    types: dict[str, dict[str, str]] = {}
    for table, body in TABLES.items():
        cols = {"id": "TEXT", "created_at": "TEXT", "updated_at": "TEXT", "deleted_at": "TEXT"}
        for line in body.strip().splitlines():
            parts = line.strip().rstrip(",").split()
            if len(parts) >= 2:
                cols[parts[0]] = parts[1].upper()
        types[table] = cols
    return types


#: Column → SQL type per table, from the schema (``INTEGER`` values come back as floats).
COLUMNS: dict[str, dict[str, str]] = _column_types()


def field_key(row_id: str, column: str) -> str:
    """The document key of one field."""
    return f"{row_id}/{column}"


def split_key(key: str) -> tuple[str, str]:
    """``(row id, column)`` of a document key."""
    row_id, _, column = key.rpartition("/")
    return row_id, column


def new_write_id(laptop_id: str) -> str:
    """A fresh write id of this laptop."""
    return f"{laptop_id}.{secrets.token_hex(4)}"


def laptop_of(write_id: str | None) -> str:
    """The laptop that made a write (``""`` for a plain value)."""
    return (write_id or "").split(".")[0]


def decode(raw: Any, table: str, column: str) -> tuple[Any, str | None, list[str]]:
    """``(value, write id, ancestors)`` of a register as stored in the document."""
    if isinstance(raw, list) and len(raw) == 3 and isinstance(raw[2], list):
        value, wid, anc = raw[0], raw[1], [str(a) for a in raw[2]]
    else:
        value, wid, anc = raw, None, []
    if isinstance(value, float) and COLUMNS.get(table, {}).get(column) == "INTEGER":
        value = int(value)
    return value, wid, anc


def register(value: Any, wid: str, previous: Any) -> list[Any]:
    """A new register value that remembers what it replaced."""
    if previous is None:
        ancestry: list[str] = []
    else:
        _, old_wid, old_anc = decode(previous, "", "")
        ancestry = ([old_wid or "c"] + old_anc)[:ANCESTORS]
    return [value, wid, ancestry]


def value_hash(value: Any) -> str:
    """A short hash of a value (kept instead of the value: no personal data)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def _utf8_offset(text: str, index: int) -> int:
    # pycrdt's Text counts UTF-8 bytes; Python counts code points.
    return len(text[:index].encode("utf-8"))


_WORD = re.compile(r"(\s*)(\S+)")


def apply_text_diff(target: Text, old: str, new: str) -> None:
    """Turn ``old`` into ``new`` inside a Yjs Text, keeping every word that stays.

    Words are matched first, and a kept word is never deleted and typed again (a word a
    colleague deleted meanwhile cannot come back as a copy). Each word owns the spaces in
    front of it: a new word goes in as " woord", a removed one leaves with its space, and a
    retyped one is replaced whole ("[L4.3]" → "[L1.22]" never borrows letters). So two
    laptops that type, retype or delete next to each other keep both edits, with one space
    between. Offsets in a pycrdt Text are UTF-8 bytes; edits are applied back to front.
    """
    if old == new:
        return
    a = [(m.start(1), m.start(2), m.end(2)) for m in _WORD.finditer(old)]
    b = [(m.start(1), m.start(2), m.end(2)) for m in _WORD.finditer(new)]
    matcher = difflib.SequenceMatcher(None, [old[w:e] for _, w, e in a], [new[w:e] for _, w, e in b],
                                      autojunk=False)
    anchors: list[tuple[int, int, int, int]] = []  # kept text: (old start, old end, new start, new end)
    for i, j, n in matcher.get_matching_blocks():
        for k in range(n):
            (os_, ow, oe), (ns, nw, ne) = a[i + k], b[j + k]
            if old[os_:ow] == new[ns:nw] and (os_ > 0 or ns == 0):
                anchors.append((os_, oe, ns, ne))  # the word and its spaces stay
            else:
                anchors.append((ow, oe, nw, ne))  # only the word stays
    edits: list[tuple[int, int, str]] = []  # (old start, old end, replacement)
    old_pos = new_pos = 0
    for old_start, old_end, new_start, new_end in anchors + [(len(old), len(old), len(new), len(new))]:
        if old[old_pos:old_start] != new[new_pos:new_start]:
            edits.append((old_pos, old_start, new[new_pos:new_start]))
        old_pos, new_pos = old_end, new_end
    for start, end, text in reversed(edits):
        begin = _utf8_offset(old, start)
        if end > start:
            del target[begin:_utf8_offset(old, end)]
        if text:
            target.insert(begin, text)
