"""Meetings and their attendance; a new meeting starts from the board's agenda template."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .base import (
    Cleaner,
    Manager,
    check_choice,
    choice,
    clean_text,
    datetime,
    from_row,
    text,
    thousands,
)
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _
from .timeutil import TZ, maybe_datetime, to_iso_date, to_iso_datetime, today

MEETING_STATUSES = ("planned", "held", "cancelled")
#: The most residents one meeting can record (a typo guard, not a fire code).
MAX_RESIDENTS = 100_000
ATTENDANCE_STATUSES = ("invited", "present", "absent_notice", "absent")



@dataclass(frozen=True)
class Meeting:
    """One meeting of the board."""

    id: str
    board_id: str
    title: str
    starts_at: str
    ends_at: str | None
    place: str
    status: str
    chair_id: str | None
    secretary_id: str | None
    closed_at: str | None
    minutes_approved_on: str | None
    minutes_approved_in: str | None
    notes: str
    created_at: str
    updated_at: str
    residents_present: int | None = None  # counted in the room (schema 0002); None: not counted

    @property
    def start(self) -> dt.datetime:
        """The aware start time."""
        value = maybe_datetime(self.starts_at)
        assert value is not None
        return value

    @property
    def year(self) -> int:
        """The calendar year of the meeting (decision numbers follow it)."""
        return self.start.year

    @property
    def minutes_approved(self) -> bool:
        """True once the minutes were vastgesteld."""
        return bool(self.minutes_approved_on)


@dataclass(frozen=True)
class Attendance:
    """Whether one person was at one meeting."""

    id: str
    meeting_id: str
    person_id: str
    status: str
    note: str
    name: str = ""


def _start(value: Any) -> str | None:
    if not value:
        raise ValidationError(_("Vul de datum en tijd van de vergadering in."))
    return to_iso_datetime(value, "begintijd")


class Meetings(Manager[Meeting]):
    """The meetings of the current board."""

    table = "meetings"
    record = Meeting
    label = "Vergadering"
    order_by = "starts_at"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "title": text(N_("De titel van de vergadering"), required=True, limit=300, strip=True),
            "starts_at": _start,
            "ends_at": datetime(N_("eindtijd")),
            "closed_at": datetime(N_("sluitingstijd")),
            "place": text(N_("De plaats")),
            "status": choice(MEETING_STATUSES, N_("Status")),
            "chair_id": self._ref(self._ws.contacts, "Deze persoon"),
            "secretary_id": self._ref(self._ws.contacts, "Deze persoon"),
            "notes": text(N_("De aantekeningen")),
        }

    def _clean(self, fields: dict[str, Any]) -> dict[str, Any]:
        out = super()._clean(fields)
        if out.get("ends_at") and out.get("starts_at") and out["ends_at"] < out["starts_at"]:
            raise ValidationError(_("De eindtijd ligt voor de begintijd."))
        return out

    def create(
        self,
        starts_at: dt.datetime | str,
        title: str = "Vergadering wijkplatform",
        place: str = "",
        *,
        from_template: bool = True,
        invite_board: bool = True,
        **fields: Any,
    ) -> Changes:
        """Plan a meeting with the template agenda and the board members invited.

        ``Changes.id`` is the new meeting's id.
        """
        values = self._clean({"title": title, "starts_at": starts_at, "place": place, **fields})
        with self._store.write("Vergadering gepland") as tx:
            meeting_id = tx.insert(self.table, {"board_id": self._board_id, "status": "planned", **values})
            if from_template:
                board = self._ws.board
                for position, item in enumerate(board.template()):
                    tx.insert(
                        "agenda_items",
                        {
                            "board_id": self._board_id,
                            "meeting_id": meeting_id,
                            "position": position,
                            "title": item["title"],
                            "kind": item.get("kind", "discussing"),
                            "standard": item.get("standard", ""),
                            "minutes": item.get("minutes"),  # the column; AgendaItem.planned_minutes
                        },
                    )
            if invite_board:
                for person in self._ws.contacts.board_members():
                    tx.insert(
                        "attendance",
                        {"board_id": self._board_id, "meeting_id": meeting_id, "person_id": person.id, "status": "invited"},
                    )
        return tx.changes()

    def update(self, meeting_id: str, **fields: Any) -> Changes:
        """Change date, place, title, status, chair or secretary."""
        return self._update(meeting_id, self._clean(fields), N_("Vergadering gewijzigd"))

    def upcoming(self, now: dt.datetime | None = None) -> list[Meeting]:
        """Planned meetings from today on, soonest first."""
        start_of_day = dt.datetime.combine((now.date() if now else today()), dt.time(), TZ)
        return self._select("starts_at >= ? AND status = 'planned'", [start_of_day.isoformat()])

    def past(self, now: dt.datetime | None = None) -> list[Meeting]:
        """Meetings before today (or held/cancelled), most recent first."""
        start_of_day = dt.datetime.combine((now.date() if now else today()), dt.time(), TZ)
        return self._select(
            "starts_at < ? OR status != 'planned'", [start_of_day.isoformat()], order="starts_at DESC"
        )

    def in_year(self, year: int) -> list[Meeting]:
        """Meetings whose start falls in ``year``, in date order."""
        return self._select("starts_at >= ? AND starts_at < ?", [f"{year}-01-01", f"{year + 1}-01-01"])

    def latest(self) -> Meeting | None:
        """The most recent meeting that has started (else the first planned one)."""
        held = self._select("starts_at <= ?", [to_iso_datetime(dt.datetime.now(TZ))], order="starts_at DESC")
        if held:
            return held[0]
        planned = self._select()
        return planned[0] if planned else None

    def previous(self, meeting_id: str) -> Meeting | None:
        """The meeting held before this one (cancelled ones skipped)."""
        meeting = self.get(meeting_id)
        found = self._select(
            "starts_at < ? AND status != 'cancelled'", [meeting.starts_at], order="starts_at DESC"
        )
        return found[0] if found else None

    def mark_held(self, meeting_id: str, closed_at: dt.datetime | str | None = None) -> Changes:
        """Record that the meeting took place, closing at ``closed_at`` (for the minutes)."""
        values: dict[str, Any] = {"status": "held"}
        if closed_at:
            values["closed_at"] = to_iso_datetime(closed_at, "sluitingstijd")
        return self._update(meeting_id, values, N_("Vergadering gehouden"))

    def set_residents_present(self, meeting_id: str, count: int | None) -> Changes:
        """Record how many residents came (``None``: not counted). Only the number is kept."""
        if count is not None and (
            not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_RESIDENTS
        ):
            raise ValidationError(
                _("Het aantal bewoners moet een heel getal tussen 0 en {most} zijn.").format(
                    most=thousands(MAX_RESIDENTS))
            )
        if self.get(meeting_id).residents_present == count:
            return Changes()
        return self._update(meeting_id, {"residents_present": count}, N_("Aantal bewoners gewijzigd"))

    def cancel(self, meeting_id: str) -> Changes:
        """Cancel a planned meeting."""
        return self._update(meeting_id, {"status": "cancelled"}, N_("Vergadering afgelast"))

    def approve_minutes(self, meeting_id: str, on: dt.date | str | None = None, in_meeting: str | None = None) -> Changes:
        """Mark this meeting's minutes as vastgesteld (approved) on a date."""
        values = {"minutes_approved_on": to_iso_date(on or today()), "minutes_approved_in": in_meeting}
        return self._update(meeting_id, values, N_("Verslag vastgesteld"))

    def approve_previous_minutes(self, meeting_id: str) -> Changes:
        """In this meeting, approve the minutes of the previous one (dated this meeting's day)."""
        meeting = self.get(meeting_id)
        previous = self.previous(meeting_id)
        if previous is None:
            raise ValidationError(_("Er is geen vorige vergadering waarvan het verslag kan worden vastgesteld."))
        return self.approve_minutes(previous.id, meeting.start.date(), meeting_id)

    # -- attendance -----------------------------------------------------------------
    def attendance(self, meeting_id: str) -> list[Attendance]:
        """Who was invited, present or absent, by name."""
        rows = self._store.rows(
            "SELECT a.id, a.meeting_id, a.person_id, a.status, a.note, p.name FROM attendance a "
            "JOIN people p ON p.id = a.person_id WHERE a.meeting_id = ? AND a.deleted_at IS NULL "
            "ORDER BY p.name COLLATE NOCASE",
            [meeting_id],
        )
        return [from_row(Attendance, r) for r in rows]

    def invite_new_person(self, meeting_id: str, name: str) -> Changes:
        """Add a new contact by name and invite them: one undo step, one transaction.

        ``Changes.id`` is the new person.
        """
        with self._store.write("Genodigde toegevoegd") as tx:
            added = self._ws.contacts.add(name)
            assert added.id is not None
            self.set_attendance(meeting_id, added.id, "invited")
        result = tx.changes()
        return Changes(result.kinds, result.ids, result.step, added.id)

    def set_attendance(self, meeting_id: str, person_id: str, status: str, note: str = "") -> Changes:
        """Record one person's presence (``present``, ``absent_notice``, ``absent``, ``invited``)."""
        check_choice(status, ATTENDANCE_STATUSES, "Aanwezigheid")
        note = clean_text(note, "De opmerking", limit=1000)
        self.get(meeting_id)
        self._require_ref(self._ws.contacts, person_id, "Deze persoon")
        existing = self._store.one(
            "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ? AND deleted_at IS NULL",
            [meeting_id, person_id],
        )
        with self._store.write("Aanwezigheid gewijzigd") as tx:
            if existing:
                tx.update("attendance", existing["id"], {"status": status, "note": note})
            else:
                tx.insert(
                    "attendance",
                    {"board_id": self._board_id, "meeting_id": meeting_id, "person_id": person_id, "status": status, "note": note},
                )
            tx.touch("meetings", meeting_id)
        return tx.changes()

    def remove_invitee(self, meeting_id: str, person_id: str) -> Changes:
        """Take a person off the meeting's list."""
        existing = self._store.one(
            "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ? AND deleted_at IS NULL",
            [meeting_id, person_id],
        )
        if not existing:
            return Changes()
        with self._store.write("Genodigde verwijderd") as tx:
            tx.soft_delete("attendance", existing["id"])
            tx.touch("meetings", meeting_id)
        return tx.changes()
