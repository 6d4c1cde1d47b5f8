"""The board (wijkplatform), its wijk and buurten, and its agenda template."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .base import Manager, clean_text, from_row, text
from .board_contact import CONTACT_FIELDS, BoardContact, clean_contact
from .changes import Changes
from .errors import NotFoundError, ValidationError
from .i18n import N_, _

AGENDA_KINDS = ("informing", "discussing", "deciding")

#: The Dutch standard agenda. ``standard`` marks the fixed items; "topic" is where
#: the meeting's own subjects go (before Rondvraag and Sluiting).
STANDARD_AGENDA: list[dict[str, Any]] = [
    {"title": "Opening en mededelingen van de voorzitter", "standard": "opening", "kind": "informing", "minutes": 5},
    {"title": "Vaststellen van de agenda", "standard": "agenda", "kind": "deciding", "minutes": 2},
    {"title": "Verslag van de vorige vergadering", "standard": "previous_minutes", "kind": "deciding", "minutes": 10},
    {"title": "Ingekomen stukken", "standard": "incoming", "kind": "informing", "minutes": 10},
    {"title": "Mededelingen", "standard": "announcements", "kind": "informing", "minutes": 10},
    {"title": "Actiepunten van vorige vergaderingen", "standard": "actions", "kind": "discussing", "minutes": 10},
    {"title": "Rondvraag", "standard": "questions", "kind": "informing", "minutes": 10},
    {"title": "Sluiting", "standard": "closing", "kind": "informing", "minutes": 2},
]

#: Standard items that stay at the end; new topics are inserted before them.
TRAILING_STANDARD = ("questions", "closing")


@dataclass(frozen=True)
class Board:
    """A wijkplatform: its name, wijk and municipality."""

    id: str
    name: str
    wijk: str
    municipality: str
    agenda_template: str
    settings: str
    logo_attachment_id: str | None
    created_at: str
    updated_at: str
    contact_person: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_website: str = ""
    contact_address: str = ""

    @property
    def contact(self) -> BoardContact:
        """How residents reach the board (see :mod:`wijkapp.board_contact`)."""
        return BoardContact.from_board(self)

    def template(self) -> list[dict[str, Any]]:
        """The agenda template as a list of item dicts."""
        return list(json.loads(self.agenda_template or "[]")) or [dict(i) for i in STANDARD_AGENDA]


@dataclass(frozen=True)
class Area:
    """A buurt of the board's wijk."""

    id: str
    board_id: str
    name: str
    position: int
    created_at: str
    updated_at: str


class Boards:
    """The boards in this file; the workspace works on one at a time."""

    def __init__(self, workspace: Any) -> None:
        self._ws = workspace
        self._store = workspace.store

    def all(self) -> list[Board]:
        """Every live board, by name."""
        rows = self._store.rows("SELECT * FROM boards WHERE deleted_at IS NULL ORDER BY name")
        return [from_row(Board, r) for r in rows]

    def get(self, board_id: str) -> Board:
        """One board by id."""
        row = self._store.one("SELECT * FROM boards WHERE id = ? AND deleted_at IS NULL", [board_id])
        if row is None:
            raise NotFoundError(_("Dit wijkplatform bestaat niet (meer)."))
        return from_row(Board, row)

    def create(
        self,
        name: str,
        wijk: str = "",
        buurten: list[str] | None = None,
        municipality: str = "",
    ) -> Changes:
        """Make a board with its buurten and the standard agenda template; it becomes current."""
        name = text(N_("De naam van het wijkplatform"), required=True, limit=200, strip=True)(name)
        wijk = text(N_("De wijk"), limit=200, strip=True)(wijk)
        municipality = text(N_("De gemeente"), limit=200, strip=True)(municipality)
        with self._store.write("Wijkplatform gemaakt") as tx:
            board_id = tx.insert(
                "boards",
                {
                    "name": name,
                    "wijk": wijk,
                    "municipality": municipality,
                    "agenda_template": json.dumps(STANDARD_AGENDA, ensure_ascii=False),
                    "settings": "{}",
                },
            )
            for position, buurt in enumerate(buurten or []):
                buurt = text(N_("De naam van de buurt"), limit=200, strip=True)(buurt)
                if buurt:
                    tx.insert("areas", {"board_id": board_id, "name": buurt, "position": position})
        self._ws.use_board(board_id)
        return tx.changes()

    def update(self, board_id: str, **fields: Any) -> Changes:
        """Change name, wijk or municipality."""
        allowed = {"name", "wijk", "municipality", "logo_attachment_id"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValidationError(_("Onbekend veld: {fields}.").format(fields=', '.join(sorted(unknown))))
        if "name" in fields:
            fields["name"] = text(N_("De naam"), required=True, limit=200, strip=True)(fields["name"])
        self.get(board_id)
        with self._store.write("Wijkplatform gewijzigd") as tx:
            tx.update("boards", board_id, fields)
        return tx.changes()

    def set_contact(self, board_id: str, **fields: Any) -> Changes:
        """Change the contact details (``contact_person``, ``contact_email``, ``contact_phone``,
        ``contact_website``, ``contact_address``); one undo step. Empty clears a field."""
        return self.set_details(board_id, **fields)

    def set_details(self, board_id: str, **fields: Any) -> Changes:
        """Change name, wijk, municipality and contact details together: one undo step.

        Only fields that really change are written; nothing changed gives empty
        :class:`Changes`. A bad value raises a Dutch :class:`ValidationError` and
        changes nothing.
        """
        general = {k: fields.pop(k) for k in ("name", "wijk", "municipality") if k in fields}
        cleaned: dict[str, str] = clean_contact(fields)
        if "name" in general:
            cleaned["name"] = clean_text(
                general["name"], "De naam van het wijkplatform", required=True, limit=200).strip()
        for key, label in (("wijk", "De wijk"), ("municipality", "De gemeente")):
            if key in general:
                cleaned[key] = clean_text(general[key], label, limit=200).strip()
        board = self.get(board_id)
        changed = {k: v for k, v in cleaned.items() if getattr(board, k) != v}
        if not changed:
            return Changes()
        step = (N_("Contactgegevens gewijzigd") if set(changed) <= set(CONTACT_FIELDS)
                else N_("Gegevens van het wijkplatform gewijzigd"))
        with self._store.write(step) as tx:
            tx.update("boards", board_id, changed)
        return tx.changes()

    def set_template(self, board_id: str, items: list[dict[str, Any]]) -> Changes:
        """Replace the board's agenda template (each item: title, kind, standard, minutes)."""
        cleaned = []
        for item in items:
            title = clean_text(item.get("title"), "De titel van het agendapunt", required=True, limit=500)
            kind = item.get("kind", "discussing")
            if kind not in AGENDA_KINDS:
                raise ValidationError(_("Soort agendapunt '{kind}' bestaat niet.").format(kind=kind))
            minutes = item.get("minutes")
            if minutes is not None and (not isinstance(minutes, int) or minutes < 0):
                raise ValidationError(_("Het aantal minuten moet een heel getal zijn."))
            cleaned.append(
                {"title": title, "kind": kind, "standard": str(item.get("standard", "")), "minutes": minutes}
            )
        self.get(board_id)
        with self._store.write("Agendasjabloon gewijzigd") as tx:
            tx.update("boards", board_id, {"agenda_template": json.dumps(cleaned, ensure_ascii=False)})
        return tx.changes()


class Areas(Manager[Area]):
    """The buurten of the current board."""

    table = "areas"
    record = Area
    label = "Buurt"
    order_by = "position, name"

    def add(self, name: str) -> Changes:
        """Add a buurt at the end."""
        name = text(N_("De naam van de buurt"), required=True, limit=200, strip=True)(name)
        position = self._store.scalar(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM areas WHERE board_id = ?", [self._board_id]
        )
        with self._store.write("Buurt toegevoegd") as tx:
            tx.insert("areas", {"board_id": self._board_id, "name": name, "position": position})
        return tx.changes()

    def rename(self, area_id: str, name: str) -> Changes:
        """Give a buurt another name."""
        name = text(N_("De naam van de buurt"), required=True, limit=200, strip=True)(name)
        return self._update(area_id, {"name": name}, N_("Buurt hernoemd"))
