"""Buurtagenda goals, along the seven bouwstenen, with status and evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Cleaner, Manager, check_choice, choice, flag, from_row, text
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _

#: The seven bouwstenen of a buurtagenda, numbered 1–7.
BUILDING_BLOCKS = {
    1: N_("Urgentie"),
    2: N_("Buurtscan"),
    3: N_("Partijen samenbrengen"),
    4: N_("Verhalen ophalen"),
    5: N_("Tellen en vertellen"),
    6: N_("Verbinden met beleid"),
    7: N_("De buurtagenda opstellen"),
}
GOAL_STATUSES = ("idea", "running", "achieved", "not_achieved", "stopped")
LINK_KINDS = ("decisions", "actions", "requests", "documents", "agenda_items")
#: Tables whose records can say themselves which goal they belong to (``goal_id``).
POINTING_TABLES = ("agenda_items", "decisions", "actions", "requests")



@dataclass(frozen=True)
class Goal:
    """A goal of the buurtagenda: wat / hoe / wie / wanneer."""

    id: str
    board_id: str
    area_id: str | None
    building_block: int
    title: str
    how: str
    who: str
    due: str
    status: str
    evidence: str
    evaluation: str
    created_at: str
    updated_at: str
    preventive: int = 0


@dataclass(frozen=True)
class GoalLink:
    """Evidence: a decision, action, request or document that belongs to a goal."""

    id: str
    goal_id: str
    target_kind: str
    target_id: str


def _building_block(value: Any) -> int:
    if isinstance(value, bool) or value not in BUILDING_BLOCKS:
        raise ValidationError(_("Kies een bouwsteen van 1 tot en met 7."))
    return int(value)


class Goals(Manager[Goal]):
    """Goals of the current board's buurtagenda."""

    table = "goals"
    record = Goal
    label = "Doel"
    order_by = "building_block, title COLLATE NOCASE"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "title": text(N_("Wat (het doel)"), required=True, limit=1000, strip=True),
            "building_block": _building_block,
            "status": choice(GOAL_STATUSES, N_("Status")),
            "area_id": self._ref(self._ws.areas, "Deze buurt"),
            "how": text(N_("Hoe")),
            "who": text(N_("Wie")),
            "due": text(N_("Wanneer")),
            "evidence": text(N_("Het bewijs")),
            "evaluation": text(N_("De evaluatie")),
            "preventive": flag,
        }

    def add(self, title: str, building_block: int, **fields: Any) -> Changes:
        """Add a goal (status 'idee' unless given)."""
        values = self._clean({"title": title, "building_block": building_block, **fields})
        with self._store.write("Doel toegevoegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, **values})
        return tx.changes()

    def update(self, goal_id: str, **fields: Any) -> Changes:
        """Change fields of a goal."""
        return self._update(goal_id, self._clean(fields), N_("Doel gewijzigd"))

    def set_status(self, goal_id: str, status: str, evaluation: str | None = None) -> Changes:
        """Change the status, optionally with the board's evaluation."""
        values: dict[str, Any] = {"status": status}
        if evaluation is not None:
            values["evaluation"] = evaluation
        return self._update(goal_id, self._clean(values), N_("Status van doel gewijzigd"))

    def for_area(self, area_id: str | None) -> list[Goal]:
        """Goals of one buurt (``None``: goals for the whole wijk)."""
        if area_id is None:
            return self._select("area_id IS NULL")
        return self._select("area_id = ?", [area_id])

    def by_block(self) -> dict[int, list[Goal]]:
        """All goals grouped by bouwsteen 1–7 (every block present)."""
        grouped: dict[int, list[Goal]] = {block: [] for block in BUILDING_BLOCKS}
        for goal in self.all():
            grouped[goal.building_block].append(goal)
        return grouped

    def link(self, goal_id: str, target_kind: str, target_id: str) -> Changes:
        """Attach evidence (a decision, action, request, document or agenda item) to a goal."""
        check_choice(target_kind, LINK_KINDS, "Soort bewijs")
        self.get(goal_id)
        exists = self._store.scalar(
            f"SELECT 1 FROM [{target_kind}] WHERE id = ? AND deleted_at IS NULL", [target_id]
        )
        if not exists:
            raise ValidationError(_("Dit bewijsstuk bestaat niet (meer)."))
        already = self._store.scalar(
            "SELECT 1 FROM goal_links WHERE goal_id = ? AND target_kind = ? AND target_id = ? AND deleted_at IS NULL",
            [goal_id, target_kind, target_id],
        )
        if already:
            return self._noop()
        with self._store.write("Bewijs gekoppeld") as tx:
            tx.insert(
                "goal_links",
                {"board_id": self._board_id, "goal_id": goal_id, "target_kind": target_kind, "target_id": target_id},
            )
            tx.touch("goals", goal_id)
        return tx.changes()

    def unlink(self, link_id: str) -> Changes:
        """Remove one piece of evidence from its goal."""
        row = self._store.one("SELECT goal_id FROM goal_links WHERE id = ? AND deleted_at IS NULL", [link_id])
        if row is None:
            return self._noop()
        with self._store.write("Bewijs ontkoppeld") as tx:
            tx.soft_delete("goal_links", link_id)
            tx.touch("goals", row["goal_id"])
        return tx.changes()

    def links(self, goal_id: str) -> list[GoalLink]:
        """The goal's evidence links, oldest first."""
        rows = self._store.rows(
            "SELECT id, goal_id, target_kind, target_id FROM goal_links "
            "WHERE goal_id = ? AND deleted_at IS NULL ORDER BY created_at",
            [goal_id],
        )
        return [from_row(GoalLink, r) for r in rows]

    def evidence(self, goal_id: str) -> list[GoalLink]:
        """Everything that shows the goal's progress: its explicit links, then the live
        agenda items, decisions, actions and requests that say they belong to it (those
        carry an empty link id: they are unlinked by changing the record itself)."""
        found = self.links(goal_id)
        seen = {(link.target_kind, link.target_id) for link in found}
        for table in POINTING_TABLES:
            rows = self._store.rows(
                f"SELECT id FROM [{table}] WHERE goal_id = ? AND deleted_at IS NULL "
                "ORDER BY created_at",
                [goal_id],
            )
            for row in rows:
                if (table, row["id"]) not in seen:
                    found.append(GoalLink("", goal_id, table, row["id"]))
        return found

    def _noop(self) -> Changes:
        return Changes()
