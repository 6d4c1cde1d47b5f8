"""Decisions (besluiten), numbered on per board and year: ``2026-014``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Manager, clean_text
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _


@dataclass(frozen=True)
class Decision:
    """A decision taken in a meeting, under one agenda item."""

    id: str
    board_id: str
    meeting_id: str
    agenda_item_id: str | None
    year: int
    seq: int
    number: str
    text: str
    goal_id: str | None
    created_at: str
    updated_at: str


def format_number(year: int, seq: int) -> str:
    """The running number as printed: ``2026-014``."""
    return f"{year}-{seq:03d}"


class Decisions(Manager[Decision]):
    """Decisions of the current board."""

    table = "decisions"
    record = Decision
    label = "Besluit"
    order_by = "year, seq"

    def add(self, meeting_id: str, text: str, agenda_item_id: str | None = None, goal_id: str | None = None) -> Changes:
        """Record a decision; it gets the next number of the meeting's year. Never reused."""
        text = clean_text(text, "De tekst van het besluit", required=True)
        meeting = self._ws.meetings.get(meeting_id)
        if agenda_item_id:
            item = self._ws.agenda.get(agenda_item_id)
            if item.meeting_id != meeting_id:
                raise ValidationError(_("Dit agendapunt hoort bij een andere vergadering."))
        self._require_ref(self._ws.goals, goal_id, "Dit doel")
        year = meeting.year
        from .sync.numbering import may_number_decisions

        refusal = may_number_decisions(self._ws)
        if refusal:
            raise ValidationError(refusal)
        with self._store.write("Besluit toegevoegd") as tx:
            # Deleted decisions keep their number: count them too.
            seq = tx.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM decisions WHERE board_id = ? AND year = ?",
                [self._board_id, year],
            ).fetchone()[0]
            tx.insert(
                self.table,
                {
                    "board_id": self._board_id,
                    "meeting_id": meeting_id,
                    "agenda_item_id": agenda_item_id,
                    "year": year,
                    "seq": seq,
                    "number": format_number(year, seq),
                    "text": text,
                    "goal_id": goal_id,
                },
            )
            tx.touch("meetings", meeting_id)
        return tx.changes()

    def update(self, decision_id: str, **fields: Any) -> Changes:
        """Change the text or goal of a decision (its number stays)."""
        unknown = set(fields) - {"text", "goal_id"}
        if unknown:
            raise ValidationError(_("Onbekend veld: {fields}.").format(fields=', '.join(sorted(unknown))))
        if "text" in fields:
            fields["text"] = clean_text(fields["text"], "De tekst van het besluit", required=True)
        if "goal_id" in fields:
            self._require_ref(self._ws.goals, fields["goal_id"], "Dit doel")
        return self._update(decision_id, fields, N_("Besluit gewijzigd"))

    def for_meeting(self, meeting_id: str) -> list[Decision]:
        """The meeting's decisions in number order."""
        return self._select("meeting_id = ?", [meeting_id])

    def in_year(self, year: int) -> list[Decision]:
        """All decisions numbered in ``year``."""
        return self._select("year = ?", [year])

    def by_number(self, number: str) -> Decision | None:
        """The decision with this printed number, e.g. ``2026-014``."""
        found = self._select("number = ?", [number])
        return found[0] if found else None
