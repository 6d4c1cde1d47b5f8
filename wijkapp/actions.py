"""Actions (actiepunten): who does what by when; carried over while open, postponements counted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .base import Cleaner, Manager, check_choice, date, flag, from_row, text
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _
from .timeutil import maybe_date, to_iso_date, today

ACTION_STATUSES = ("open", "done", "cancelled")
REVIEW_OUTCOMES = ("done", "postponed", "kept", "cancelled")



@dataclass(frozen=True)
class Action:
    """An action agreed in a meeting."""

    id: str
    board_id: str
    meeting_id: str | None
    agenda_item_id: str | None
    what: str
    owner_id: str | None
    owner_name: str
    due_date: str | None
    status: str
    done_on: str | None
    times_postponed: int
    notes: str
    goal_id: str | None
    created_at: str
    updated_at: str
    preventive: int = 0

    def is_overdue(self, on: dt.date | None = None) -> bool:
        """Open and past its due date."""
        due = maybe_date(self.due_date)
        return self.status == "open" and due is not None and due < (on or today())


@dataclass(frozen=True)
class ActionReview:
    """What a later meeting did with an open action."""

    id: str
    action_id: str
    meeting_id: str
    outcome: str
    note: str
    created_at: str


class Actions(Manager[Action]):
    """Actions of the current board."""

    table = "actions"
    record = Action
    label = "Actiepunt"
    order_by = "due_date IS NULL, due_date, created_at"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "what": text(N_("Wat er moet gebeuren"), required=True),
            "owner_id": self._ref(self._ws.contacts, "Deze persoon"),
            "owner_name": text(N_("De naam van wie het doet"), limit=10_000),
            "due_date": date(N_("datum waarop het klaar moet zijn")),
            "notes": text(N_("De aantekeningen")),
            "goal_id": self._ref(self._ws.goals, "Dit doel"),
            "agenda_item_id": self._ref(self._ws.agenda, "Dit agendapunt"),
            "preventive": flag,
        }

    def add(self, meeting_id: str | None, what: str, owner_id: str | None = None, due_date: Any = None, **fields: Any) -> Changes:
        """Agree an action (in a meeting, or outside one with ``meeting_id=None``)."""
        values = self._clean({"what": what, "owner_id": owner_id, "due_date": due_date, **fields})
        if meeting_id:
            self._ws.meetings.get(meeting_id)
        if values.get("owner_id") and not values.get("owner_name"):
            values["owner_name"] = self._ws.contacts.get(values["owner_id"]).name
        with self._store.write("Actiepunt toegevoegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, "meeting_id": meeting_id, "status": "open", **values})
            if meeting_id:
                tx.touch("meetings", meeting_id)
        return tx.changes()

    def update(self, action_id: str, **fields: Any) -> Changes:
        """Change what, who, when or notes."""
        values = self._clean(fields)
        if values.get("owner_id") and "owner_name" not in values:
            values["owner_name"] = self._ws.contacts.get(values["owner_id"]).name
        return self._update(action_id, values, N_("Actiepunt gewijzigd"))

    def mark_done(self, action_id: str, on: dt.date | None = None, in_meeting: str | None = None) -> Changes:
        """The action is done (today by default); noted in ``in_meeting``'s review."""
        with self._store.write("Actiepunt afgerond") as tx:
            self._set(tx, action_id, {"status": "done", "done_on": to_iso_date(on or today())})
            self._review(tx, action_id, in_meeting, "done")
        return tx.changes()

    def cancel(self, action_id: str, in_meeting: str | None = None) -> Changes:
        """The action is no longer needed."""
        with self._store.write("Actiepunt vervallen") as tx:
            self._set(tx, action_id, {"status": "cancelled"})
            self._review(tx, action_id, in_meeting, "cancelled")
        return tx.changes()

    def reopen(self, action_id: str) -> Changes:
        """Open a done or cancelled action again."""
        with self._store.write("Actiepunt heropend") as tx:
            self._set(tx, action_id, {"status": "open", "done_on": None})
        return tx.changes()

    def postpone(self, action_id: str, new_due: dt.date | str | None = None, in_meeting: str | None = None) -> Changes:
        """Move the due date on and count one more postponement."""
        action = self.get(action_id)
        if action.status != "open":
            raise ValidationError(_("Alleen een open actiepunt kan worden uitgesteld."))
        due = to_iso_date(new_due, "nieuwe datum") if new_due else None
        if due is None:
            base = max(maybe_date(action.due_date) or today(), today())
            due = (base + dt.timedelta(weeks=4)).isoformat()
        with self._store.write("Actiepunt uitgesteld") as tx:
            self._set(tx, action_id, {"due_date": due, "times_postponed": action.times_postponed + 1})
            self._review(tx, action_id, in_meeting, "postponed")
        return tx.changes()

    def keep(self, action_id: str, in_meeting: str) -> Changes:
        """Discussed in ``in_meeting``; stays open with the same date."""
        self.get(action_id)
        with self._store.write("Actiepunt besproken") as tx:
            self._review(tx, action_id, in_meeting, "kept")
        return tx.changes()

    def _set(self, tx: Any, action_id: str, values: dict[str, Any]) -> None:
        self.get(action_id)
        tx.update(self.table, action_id, values)

    def _review(self, tx: Any, action_id: str, meeting_id: str | None, outcome: str) -> None:
        if not meeting_id:
            return
        check_choice(outcome, REVIEW_OUTCOMES, "Uitkomst")
        self._ws.meetings.get(meeting_id)
        tx.insert(
            "action_reviews",
            {"board_id": self._board_id, "action_id": action_id, "meeting_id": meeting_id, "outcome": outcome},
        )
        tx.touch("meetings", meeting_id)

    # -- queries --------------------------------------------------------------------
    def open(self) -> list[Action]:
        """All open actions, soonest due first (no date last)."""
        return self._select("status = 'open'")

    def overdue(self, on: dt.date | None = None) -> list[Action]:
        """Open actions past their due date."""
        return self._select("status = 'open' AND due_date < ?", [(on or today()).isoformat()])

    def for_meeting(self, meeting_id: str) -> list[Action]:
        """Actions agreed in this meeting."""
        return self._select("meeting_id = ?", [meeting_id], order="created_at")

    def for_owner(self, person_id: str) -> list[Action]:
        """Actions of one person."""
        return self._select("owner_id = ?", [person_id])

    def carried_over(self, meeting_id: str) -> list[Action]:
        """Open actions from earlier meetings (or none) to review in this meeting.

        Includes actions already reviewed *in* this meeting, so the list stays stable
        while the secretary works through it.
        """
        meeting = self._ws.meetings.get(meeting_id)
        return self._select(
            "(meeting_id IS NULL OR meeting_id IN (SELECT id FROM meetings WHERE starts_at < ?)) AND "
            "(status = 'open' OR id IN (SELECT action_id FROM action_reviews WHERE meeting_id = ? AND deleted_at IS NULL))",
            [meeting.starts_at, meeting_id],
        )

    def reviews(self, action_id: str) -> list[ActionReview]:
        """Every meeting's verdict on this action, oldest first."""
        rows = self._store.rows(
            "SELECT * FROM action_reviews WHERE action_id = ? AND deleted_at IS NULL ORDER BY created_at",
            [action_id],
        )
        return [from_row(ActionReview, r) for r in rows]

    def reviews_in(self, meeting_id: str) -> list[ActionReview]:
        """What this meeting decided about earlier actions."""
        rows = self._store.rows(
            "SELECT * FROM action_reviews WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at",
            [meeting_id],
        )
        return [from_row(ActionReview, r) for r in rows]
