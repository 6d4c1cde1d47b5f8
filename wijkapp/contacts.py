"""Contacts: organisations (gemeente, partners, bewonersgroepen) and people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .base import Cleaner, Manager, choice, clean_text, date, flag, text
from .changes import Changes
from .errors import ValidationError
from .i18n import N_, _
from .social_map import social_map_cleaners
from .timeutil import to_iso_date, today

ORGANISATION_KINDS = ("municipality", "partner", "residents", "care", "police", "other")

_ORG_FIELDS = ("name", "kind", "phone", "email", "website", "notes")


@dataclass(frozen=True)
class Organisation:
    """An organisation the board deals with."""

    id: str
    board_id: str
    name: str
    kind: str
    phone: str
    email: str
    website: str
    notes: str
    created_at: str
    updated_at: str
    # Sociale kaart: what the organisation offers, for which themes and groups, how to reach it.
    offer: str = ""
    themes: str = "[]"
    groups: str = "[]"
    reach: str = ""
    cost: str = ""


@dataclass(frozen=True)
class Person:
    """A contact person (board members included: ``board_member``)."""

    id: str
    board_id: str
    name: str
    role: str
    organisation_id: str | None
    phone: str
    email: str
    topics: str
    notes: str
    last_contact: str | None
    board_member: int
    created_at: str
    updated_at: str


def _email(value: Any) -> str:
    text = clean_text(value, "Het e-mailadres", limit=320).strip()
    if text and ("@" not in text or " " in text):
        raise ValidationError(_("'{text}' is geen geldig e-mailadres.").format(text=text))
    return text


class Organisations(Manager[Organisation]):
    """Organisations of the current board."""

    table = "organisations"
    record = Organisation
    label = "Organisatie"
    order_by = "name COLLATE NOCASE"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "name": text(N_("De naam van de organisatie"), required=True, limit=300, strip=True),
            "kind": choice(ORGANISATION_KINDS, N_("Soort organisatie")),
            "phone": text(N_("Het telefoonnummer")),
            "email": _email,
            "website": text(N_("De website")),
            "notes": text(N_("De aantekeningen")),
            **social_map_cleaners(),
        }

    def add(self, name: str, **fields: Any) -> Changes:
        """Add an organisation."""
        values = self._clean({"name": name, **fields})
        with self._store.write("Organisatie toegevoegd") as tx:
            tx.insert(self.table, {"board_id": self._board_id, **values})
        return tx.changes()

    def update(self, organisation_id: str, **fields: Any) -> Changes:
        """Change fields of an organisation."""
        return self._update(organisation_id, self._clean(fields), N_("Organisatie gewijzigd"))

    def by_name(self, name: str) -> Organisation | None:
        """The organisation with exactly this name (case-insensitive), if any."""
        found = self._select("name = ? COLLATE NOCASE", [name])
        return found[0] if found else None


class Contacts(Manager[Person]):
    """People the board knows: board members, municipality, partners, residents."""

    table = "people"
    record = Person
    label = "Contact"
    order_by = "name COLLATE NOCASE"

    def _cleaners(self) -> dict[str, Cleaner]:
        return {
            "name": text(N_("De naam"), required=True, limit=300, strip=True),
            "role": text(N_("De rol")),
            "organisation_id": self._ref(self._ws.organisations, "Deze organisatie"),
            "phone": text(N_("Het telefoonnummer")),
            "email": _email,
            "topics": text(N_("De onderwerpen")),
            "notes": text(N_("De aantekeningen")),
            "last_contact": date(N_("datum van het laatste contact")),
            "board_member": flag,
        }

    def add(self, name: str, **fields: Any) -> Changes:
        """Add a person; ``Changes.id`` is the new person's id. A board member is invited
        to the planned meetings still to come, in the same step."""
        values = self._clean({"name": name, **fields})
        with self._store.write("Contact toegevoegd") as tx:
            person_id = tx.insert(self.table, {"board_id": self._board_id, **values})
            if values.get("board_member"):
                self._invite_to_coming_meetings(tx, person_id)
        return tx.changes()

    def update(self, person_id: str, **fields: Any) -> Changes:
        """Change fields of a person. Someone who becomes a board member is invited to the
        planned meetings still to come, in the same step."""
        values = self._clean(fields)
        before = self.get(person_id)
        if not values.get("board_member") or before.board_member:
            return self._update(person_id, values, N_("Contact gewijzigd"))
        with self._store.write("Contact gewijzigd") as tx:
            tx.update(self.table, person_id, values)
            self._invite_to_coming_meetings(tx, person_id)
        return tx.changes()

    def _invite_to_coming_meetings(self, tx: Any, person_id: str) -> None:
        """Invite ``person_id`` to each planned meeting from today on that has no row for
        them yet (someone taken off a meeting's list earlier stays off)."""
        for meeting in self._ws.meetings.upcoming():
            known = self._store.scalar(
                "SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [meeting.id, person_id])
            if not known:
                tx.insert("attendance", {"board_id": self._board_id, "meeting_id": meeting.id,
                                         "person_id": person_id, "status": "invited"})

    def record_contact(self, person_id: str, on: dt.date | None = None) -> Changes:
        """Set the 'last contact' date (today by default)."""
        return self._update(person_id, {"last_contact": to_iso_date(on or today())}, N_("Contact bijgewerkt"))

    def board_members(self) -> list[Person]:
        """The board's own members, by name."""
        return self._select("board_member = 1")

    def find(self, text: str) -> list[Person]:
        """People whose name, role, topics or organisation contain ``text`` (accents ignored)."""
        from .search import fold

        needle = fold(text.strip())
        if not needle:
            return self.all()
        orgs = {o.id: o.name for o in self._ws.organisations.all()}
        found = []
        for person in self.all():
            hay = " ".join(
                [person.name, person.role, person.topics, person.email, orgs.get(person.organisation_id or "", "")]
            )
            if needle in fold(hay):
                found.append(person)
        return found
