"""Rules every laptop applies after a merge, the same way, so all laptops converge.

* Erasure (AVG) wins over any edit of the person, on every laptop, every time.
* Agenda order: items of a meeting are renumbered 0…n-1 by (position, created, id).
* Attendance: one live row per (meeting, person); the lowest id stays.
* Decision numbers: a duplicate is reported, never renumbered.

The rules write into the document as this laptop (with write ids), but never into "my
writes": a rule's value is the same on every laptop, so no notice is due when it is replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pycrdt import Map, Text

from .. import privacy
from .model import decode, field_key, laptop_of, register

#: What an erasure leaves in a person's registers (as privacy.erase_person does).
ERASED_PERSON: dict[str, Any] = {
    "name": privacy.ERASED_NAME, "role": "", "phone": "", "email": "", "topics": "",
    "last_contact": None, "organisation_id": None,
}
#: (table, column holding the person's id, column to blank, blank value).
ERASED_REFERENCES = (
    ("actions", "owner_id", "owner_name", privacy.ERASED_NAME),
    ("requests", "sent_to_id", "sent_to_name", privacy.ERASED_NAME),
    ("attendance", "person_id", "note", ""),
)


@dataclass
class Notice:
    """Something this laptop's user must hear about (see ``sync_conflicts``)."""

    kind: str  # "overwritten", "erased", "decision-number", "attendance"
    table: str
    row_id: str
    field: str
    mine: Any = None
    theirs: Any = None
    by: str = ""


class RuleContext:
    """What the rules need: the document, SQLite for lookups, and who we are."""

    def __init__(self, doc: Any, laptop_id: str, new_wid: Callable[[], str],
                 sqlite_ids: Callable[[str, str, str], list[str]], maps: dict[str, Map]) -> None:
        self.doc = doc
        self.maps = maps
        self.laptop_id = laptop_id
        self.new_wid = new_wid
        self.sqlite_ids = sqlite_ids  # (table, column, value) → ids of rows with that value
        self.changed: set[tuple[str, str]] = set()
        self.notices: list[Notice] = []
        #: Keys of fields whose last write is ours and not yet seen by a colleague.
        self.mine: set[str] = set()

    def table(self, name: str) -> Map:
        return self.maps[name]

    def get(self, table: str, row_id: str, column: str) -> Any:
        raw = self.table(table).get(field_key(row_id, column), None)
        return decode(raw, table, column)[0]

    def exists(self, table: str, row_id: str) -> bool:
        return field_key(row_id, "created_at") in self.table(table)

    def set(self, table: str, row_id: str, column: str, value: Any, *, erasing: bool = False) -> bool:
        """Write ``value`` unless it is there already; True when written."""
        tmap = self.table(table)
        key = field_key(row_id, column)
        raw = tmap.get(key, None)
        current, wid, _ = decode(raw, table, column)
        if raw is not None and current == value and not isinstance(raw, Text):
            return False
        tmap[key] = register(value, self.new_wid(), raw)
        self.changed.add((table, row_id))
        if erasing and f"{table}/{key}" in self.mine:
            # Our own edit of an erased person is not kept: say so, without the data.
            self.notices.append(Notice("erased", table, row_id, column, by=""))
        return True


def enforce_erasures(ctx: RuleContext, erased: set[str], newly: set[str],
                     touched: Iterable[tuple[str, str]]) -> None:
    """Make every erased person's data gone again, whatever a merge brought back."""
    if not erased:
        return
    todo: set[tuple[str, str]] = set()
    for pid in newly:
        todo.add(("people", pid))
        for table, ref, _, _ in ERASED_REFERENCES:
            todo.update((table, rid) for rid in ctx.sqlite_ids(table, ref, pid))
    todo.update((t, r) for t, r in touched
                if t in ("people", "actions", "requests", "attendance"))
    for table, rid in sorted(todo):
        if not ctx.exists(table, rid):
            continue
        if table == "people":
            if rid not in erased:
                continue
            for column, value in ERASED_PERSON.items():
                ctx.set(table, rid, column, value, erasing=True)
            notes = ctx.table("people").get(field_key(rid, "notes"), None)
            if isinstance(notes, Text) and len(notes):
                notes.clear()
                ctx.changed.add(("people", rid))
            continue
        for ref_table, ref, blank, value in ERASED_REFERENCES:
            if ref_table == table and ctx.get(table, rid, ref) in erased:
                ctx.set(table, rid, blank, value, erasing=True)


def renumber_agenda(ctx: RuleContext, touched: Iterable[tuple[str, str]]) -> None:
    """Positions 0…n-1 per meeting, in the same order on every laptop."""
    meetings = {ctx.get("agenda_items", rid, "meeting_id") for t, rid in touched
                if t == "agenda_items" and ctx.exists("agenda_items", rid)}
    touched_items = {rid for t, rid in touched if t == "agenda_items"}
    for mid in sorted(m for m in meetings if m):
        ids = set(ctx.sqlite_ids("agenda_items", "meeting_id", mid))
        ids.update(r for r in touched_items if ctx.get("agenda_items", r, "meeting_id") == mid)
        live = []
        for rid in ids:
            if not ctx.exists("agenda_items", rid) or ctx.get("agenda_items", rid, "deleted_at"):
                continue
            if ctx.get("agenda_items", rid, "meeting_id") != mid:
                continue
            live.append((ctx.get("agenda_items", rid, "position") or 0,
                         ctx.get("agenda_items", rid, "created_at") or "", rid))
        for index, (position, _, rid) in enumerate(sorted(live)):
            if position != index:
                ctx.set("agenda_items", rid, "position", index)


def dedupe_attendance(ctx: RuleContext, touched: Iterable[tuple[str, str]]) -> None:
    """One live attendance row per (meeting, person): the lowest id stays."""
    keys = set()
    for t, rid in touched:
        if t == "attendance" and ctx.exists("attendance", rid):
            keys.add((ctx.get("attendance", rid, "meeting_id"), ctx.get("attendance", rid, "person_id")))
    touched_rows = {rid for t, rid in touched if t == "attendance"}
    for mid, pid in sorted(k for k in keys if all(k)):
        ids = set(ctx.sqlite_ids("attendance", "meeting_id", mid)) | touched_rows
        group = sorted(
            rid for rid in ids
            if ctx.exists("attendance", rid) and not ctx.get("attendance", rid, "deleted_at")
            and ctx.get("attendance", rid, "meeting_id") == mid
            and ctx.get("attendance", rid, "person_id") == pid
        )
        if len(group) < 2:
            continue
        winner = group[0]
        for loser in group[1:]:
            for column in ("status", "note"):
                raw = ctx.table("attendance").get(field_key(loser, column), None)
                mine, wid, _ = decode(raw, "attendance", column)
                theirs = ctx.get("attendance", winner, column)
                if wid and laptop_of(wid) == ctx.laptop_id and mine != theirs:
                    ctx.notices.append(Notice("overwritten", "attendance", winner, column, mine, theirs))
            ctx.set("attendance", loser, "deleted_at", ctx.get("attendance", loser, "created_at"))


def duplicate_decision_numbers(ctx: RuleContext, touched: Iterable[tuple[str, str]]) -> None:
    """Report two live decisions with one number; renumbering is the secretary's call."""
    seen: set[tuple[Any, Any]] = set()
    for t, rid in sorted(touched):
        if t != "decisions" or not ctx.exists("decisions", rid):
            continue
        if ctx.get("decisions", rid, "deleted_at"):
            continue
        year, seq = ctx.get("decisions", rid, "year"), ctx.get("decisions", rid, "seq")
        if (year, seq) in seen:
            continue
        seen.add((year, seq))
        same = [r for r in set(ctx.sqlite_ids("decisions", "number", ctx.get("decisions", rid, "number")))
                | {r for tt, r in touched if tt == "decisions"}
                if ctx.exists("decisions", r) and not ctx.get("decisions", r, "deleted_at")
                and ctx.get("decisions", r, "year") == year and ctx.get("decisions", r, "seq") == seq]
        if len(same) > 1:
            ctx.notices.append(Notice("decision-number", "decisions", sorted(same)[0], "number",
                                      ctx.get("decisions", rid, "number"), len(same)))
