"""Agenda items of a meeting: ordered, with kind, presenter, planned time, notes and a B1 summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .base import Cleaner, Manager, choice, clean_text, text
from .boards import AGENDA_KINDS, TRAILING_STANDARD
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _


@dataclass(frozen=True)
class AgendaItem:
    """One item on a meeting's agenda."""

    id: str
    board_id: str
    meeting_id: str
    position: int
    title: str
    kind: str
    standard: str
    presenter: str
    planned_minutes: int | None  # the time planned for the item (column ``minutes``)
    notes: str
    summary: str
    goal_id: str | None
    created_at: str
    updated_at: str
    seconds_spent: int | None = None  # measured by the chair's clock (schema 0002)

    #: ``planned_minutes`` is stored as ``minutes`` (the exchange and sync formats name it so);
    #: in code "minutes" is the verslag only.
    COLUMNS: ClassVar[dict[str, str]] = {"planned_minutes": "minutes"}


#: A day: more time on one item is a clock left running, not a meeting.
MAX_SECONDS = 24 * 3600


def _planned_minutes(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 600:
        return value
    raise ValidationError(_("Het aantal minuten moet een heel getal tussen 0 en 600 zijn."))


class AgendaItems(Manager[AgendaItem]):
    """Agenda items; positions are kept 0..n-1 per meeting."""

    table = "agenda_items"
    record = AgendaItem
    label = "Agendapunt"
    order_by = "position"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "title": text(N_("De titel van het agendapunt"), required=True, limit=500, strip=True),
            "kind": choice(AGENDA_KINDS, N_("Soort agendapunt")),
            "presenter": text(N_("De inleider")),
            "planned_minutes": _planned_minutes,
            "notes": text(N_("De aantekeningen")),
            "summary": text(N_("De samenvatting")),
            "goal_id": self._ref(self._ws.goals, "Dit doel"),
        }

    def for_meeting(self, meeting_id: str) -> list[AgendaItem]:
        """The meeting's items in agenda order."""
        return self._select("meeting_id = ?", [meeting_id])

    def add(self, meeting_id: str, title: str, position: int | None = None, **fields: Any) -> Changes:
        """Add a topic; by default just before Rondvraag and Sluiting. ``Changes.id`` is the item."""
        values = self._clean({"title": title, **fields})
        self._ws.meetings.get(meeting_id)
        items = self.for_meeting(meeting_id)
        if position is None:
            position = len(items)
            for index, item in enumerate(items):
                if item.standard in TRAILING_STANDARD:
                    position = index
                    break
        position = max(0, min(position, len(items)))
        with self._store.write("Agendapunt toegevoegd") as tx:
            new_id = tx.insert(
                self.table,
                {"board_id": self._board_id, "meeting_id": meeting_id, "position": position, **values},
            )
            for item in items[position:]:
                tx.update(self.table, item.id, {"position": item.position + 1})
            tx.touch("meetings", meeting_id)
        changes = tx.changes()
        assert changes.id == new_id
        return changes

    def update(self, item_id: str, **fields: Any) -> Changes:
        """Change fields of an item (notes are saved per keystroke by the editor)."""
        return self._update(item_id, self._clean(fields), N_("Agendapunt gewijzigd"))

    def set_notes(self, item_id: str, notes: str) -> Changes:
        """Save the item's notes (not an undo step of its own: typing has its own undo)."""
        notes = clean_text(notes, "De aantekeningen")
        self.get(item_id)
        with self._store.write(None) as tx:
            tx.update(self.table, item_id, {"notes": notes})
        return tx.changes()

    def add_time(self, item_id: str, seconds: int) -> Changes:
        """Add time the chair's clock measured on this item (not an undo step, like notes)."""
        if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
            raise ValidationError(_("De gemeten tijd moet een heel, positief aantal seconden zijn."))
        item = self.get(item_id)
        if seconds == 0:
            return Changes()
        total = min((item.seconds_spent or 0) + seconds, MAX_SECONDS)
        with self._store.write(None) as tx:
            tx.update(self.table, item_id, {"seconds_spent": total})
        return tx.changes()

    def reset_time(self, meeting_id: str) -> Changes:
        """Forget the measured time of every item of a meeting (an undo step)."""
        timed = [i for i in self.for_meeting(meeting_id) if i.seconds_spent is not None]
        if not timed:
            return Changes()
        with self._store.write("Gemeten tijd gewist") as tx:
            for item in timed:
                tx.update(self.table, item.id, {"seconds_spent": None})
            tx.touch("meetings", meeting_id)
        return tx.changes()

    def move(self, item_id: str, new_position: int) -> Changes:
        """Move an item to ``new_position`` (0-based) and renumber the rest."""
        item = self.get(item_id)
        items = self.for_meeting(item.meeting_id)
        order = [i for i in items if i.id != item_id]
        new_position = max(0, min(new_position, len(order)))
        order.insert(new_position, item)
        with self._store.write("Agendapunt verplaatst") as tx:
            for index, current in enumerate(order):
                if current.position != index:
                    tx.update(self.table, current.id, {"position": index})
            tx.touch("meetings", item.meeting_id)
        return tx.changes()

    def delete(self, record_id: str) -> Changes:
        """Remove an item (undoable) and close the gap in the numbering."""
        item = self.get(record_id)
        with self._store.write("Agendapunt verwijderd") as tx:
            tx.soft_delete(self.table, record_id)
            for other in self.for_meeting(item.meeting_id):
                if other.id != record_id and other.position > item.position:
                    tx.update(self.table, other.id, {"position": other.position - 1})
            tx.touch("meetings", item.meeting_id)
        return tx.changes()
