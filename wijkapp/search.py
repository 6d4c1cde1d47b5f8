"""Full-text search over everything a person typed (FTS5, accents folded, queries quoted)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import N_
from .schema import SEARCHABLE

if TYPE_CHECKING:
    from .workspace import Workspace

#: Dutch names of the kinds, in the order results are grouped.
KIND_LABELS = {
    "meetings": N_("Vergaderingen"),
    "agenda_items": N_("Agendapunten"),
    "decisions": N_("Besluiten"),
    "actions": N_("Actiepunten"),
    "requests": N_("Verzoeken aan de gemeente"),
    "documents": N_("Ingekomen stukken"),
    "people": N_("Contacten"),
    "organisations": N_("Organisaties"),
    "goals": N_("Buurtagenda"),
    "signals": N_("Stem van de wijk"),
}

#: The column shown as a hit's title, per table.
_TITLE = {
    "meetings": "t.title",
    "agenda_items": "t.title",
    "decisions": "t.number || ' ' || t.text",
    "actions": "t.what",
    "requests": "t.subject",
    "documents": "t.subject",
    "people": "t.name",
    "organisations": "t.name",
    "goals": "t.title",
    "signals": "CASE WHEN trim(t.subject) <> '' THEN t.subject WHEN length(t.words) > 60 "
               "THEN substr(t.words, 1, 59) || '…' ELSE t.words END",
}

#: Marks around matched words in a snippet (control characters never typed by users).
HIT_START = "\x02"
HIT_END = "\x03"


@dataclass(frozen=True)
class SearchHit:
    """One record that matches: its kind (table), id, title and a snippet."""

    kind: str
    id: str
    title: str
    snippet: str
    meeting_id: str | None = None

    @property
    def kind_label(self) -> str:
        """The kind in Dutch, e.g. "Besluiten"."""
        return KIND_LABELS.get(self.kind, self.kind)


def fold(text: str) -> str:
    """Lower-case ``text`` and drop diacritics (``Coördinatie`` → ``coordinatie``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ĳ", "ij")


def build_match(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 MATCH expression, or ``None`` if nothing to find.

    Every word becomes a quoted phrase (quotes doubled), the last one as a prefix, so
    operators and punctuation (``AT&T``, ``"``, ``*``, ``NOT``) are searched as typed.
    """
    query = "".join(" " if unicodedata.category(c) == "Cc" else c for c in query)
    words = [w for w in query.split() if re.search(r"\w", w)]
    if not words:
        return None
    parts = []
    for index, word in enumerate(words):
        # Prefix search on the last word, once it is long enough to narrow anything down.
        star = " *" if index == len(words) - 1 and len(word) >= 3 else ""
        # The tokenizer keeps the ligature ĳ apart from "ij": look for both spellings.
        spellings = dict.fromkeys(
            [word, word.replace("ĳ", "ij").replace("Ĳ", "IJ"),
             re.sub("ij", "ĳ", word, flags=re.IGNORECASE)]
        )
        quoted = ['"' + w.replace('"', '""') + '"' + star for w in spellings]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


class Search:
    """Search across the current board's records."""

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._store = workspace.store

    def query(self, text: str, limit_per_kind: int = 20) -> list[SearchHit]:
        """Matching records grouped by kind (in :data:`KIND_LABELS` order), newest first."""
        from .social_map import question_topic

        match = build_match(question_topic(text))
        if match is None:
            return []
        hits: list[SearchHit] = []
        for table in KIND_LABELS:
            hits.extend(self._query_table(table, match, limit_per_kind))
        return hits

    def grouped(self, text: str, limit_per_kind: int = 20) -> dict[str, list[SearchHit]]:
        """Like :meth:`query`, as ``{kind: hits}`` without empty kinds."""
        grouped: dict[str, list[SearchHit]] = {}
        for hit in self.query(text, limit_per_kind):
            grouped.setdefault(hit.kind, []).append(hit)
        return grouped

    def _query_table(self, table: str, match: str, limit: int) -> list[SearchHit]:
        params = {
            "start": HIT_START, "end": HIT_END,
            "match": board_match(self._ws.board_id, table, match), "limit": limit,
        }
        rows = self._store.rows(table_query(table), params)
        return [
            SearchHit(table, r["id"], str(r["title"] or ""), str(r["snippet"] or ""), r["meeting_id"])
            for r in rows
        ]


def board_match(board_id: str, table: str, match: str) -> str:
    """The MATCH expression: the board inside the index, AND the words in the text columns.

    Matching the board in the index lets FTS5 intersect instead of filtering every match.
    """
    columns = " ".join(SEARCHABLE[table])
    return f'board_id : "{board_id}" AND {{{columns}}} : ({match})'


def table_query(table: str) -> str:
    """The SQL for one kind (parameters ``:start :end :match :limit``), newest first."""
    fts = f"{table}_fts"
    meeting_col = "t.meeting_id" if table in ("agenda_items", "decisions", "actions") else (
        "t.id" if table == "meetings" else "NULL"
    )
    # Column 0 is board_id: take the snippet of the first text column with a hit.
    snippets = [
        f"snippet([{fts}], {i}, :start, :end, '…', 12)"
        for i in range(1, len(SEARCHABLE[table]) + 1)
    ]
    cases = " ".join(f"WHEN instr({s}, :start) > 0 THEN {s}" for s in snippets)
    return (
        f"SELECT t.id, {_TITLE[table]} AS title, CASE {cases} ELSE {snippets[0]} END AS snippet, "
        f"{meeting_col} AS meeting_id "
        f"FROM [{fts}] JOIN [{table}] t ON t.rowid = [{fts}].rowid "
        f"WHERE [{fts}] MATCH :match AND t.deleted_at IS NULL "
        f"ORDER BY [{fts}].rowid DESC LIMIT :limit"
    )
