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


_WORD = re.compile(r"\S+")


def apply_text_diff(target: Text, old: str, new: str) -> None:
    """Turn ``old`` into ``new`` inside a Yjs Text, keeping every word that stays.

    Words (runs of non-space) are matched first; a kept word is never deleted and typed
    again, so a colleague's concurrent edit of it survives and a word another laptop
    deleted meanwhile cannot come back as a copy. Between kept words only the part that
    really changed is replaced, with new words put after the space in front of them, so
    two laptops adding words at one spot do not glue them together. Offsets in a pycrdt
    Text are UTF-8 bytes; edits are applied back to front.
    """
    if old == new:
        return
    a = [(m.start(), m.end()) for m in _WORD.finditer(old)]
    b = [(m.start(), m.end()) for m in _WORD.finditer(new)]
    matcher = difflib.SequenceMatcher(None, [old[x:y] for x, y in a], [new[x:y] for x, y in b],
                                      autojunk=False)
    anchors: list[tuple[int, int, int, int]] = []  # (old start, old end, new start, new end)
    for i, j, n in matcher.get_matching_blocks():
        for k in range(n):  # word by word: the spaces between kept words may change too
            anchors.append((a[i + k][0], a[i + k][1], b[j + k][0], b[j + k][1]))
    edits: list[tuple[int, int, str]] = []  # (old start, old end, replacement)
    old_pos = new_pos = 0
    for old_start, old_end, new_start, new_end in anchors + [(len(old), len(old), len(new), len(new))]:
        gap_old, gap_new = old[old_pos:old_start], new[new_pos:new_start]
        if gap_old != gap_new:
            suffix = 0
            while (suffix < min(len(gap_old), len(gap_new))
                   and gap_old[-1 - suffix] == gap_new[-1 - suffix]):
                suffix += 1
            gap_old, gap_new = gap_old[:len(gap_old) - suffix], gap_new[:len(gap_new) - suffix]
            prefix = 0
            while prefix < min(len(gap_old), len(gap_new)) and gap_old[prefix] == gap_new[prefix]:
                prefix += 1
            start = old_pos + prefix
            edits.append((start, start + len(gap_old) - prefix, gap_new[prefix:]))
        old_pos, new_pos = old_end, new_end
    for start, end, text in reversed(edits):
        begin = _utf8_offset(old, start)
        if end > start:
            del target[begin:_utf8_offset(old, end)]
        if text:
            target.insert(begin, text)
