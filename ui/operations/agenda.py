"""GUI operations on agenda items; each returns a :class:`CoreOp` to ``.run()``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _

from .base import CoreOp


def add_item(parent: QWidget | None, meeting_id: str, title: str, **fields: Any) -> CoreOp:
    """Add a topic before Rondvraag and Sluiting; ``Changes.id`` is the new item."""
    return CoreOp(parent, lambda ws: ws.agenda.add(meeting_id, title, **fields)).with_message(
        _("Agendapunt toegevoegd.")
    )


def update_item(parent: QWidget | None, item_id: str, **fields: Any) -> CoreOp:
    """Change title, kind, presenter, planned_minutes, summary or ``goal_id`` (the goal it serves)."""
    return CoreOp(parent, lambda ws: ws.agenda.update(item_id, **fields)).with_message(
        _("Agendapunt bewaard.")
    )


def move_item(parent: QWidget | None, item_id: str, new_position: int) -> CoreOp:
    """Move an item to a 0-based position."""
    return CoreOp(parent, lambda ws: ws.agenda.move(item_id, new_position)).with_message(
        _("Agendapunt verplaatst.")
    )


def delete_item(parent: QWidget | None, item_id: str) -> CoreOp:
    """Remove an item; Ctrl+Z brings it back."""
    return CoreOp(parent, lambda ws: ws.agenda.delete(item_id)).with_message(
        _("Agendapunt verwijderd. Terugzetten kan met Ctrl+Z of Bewerken › Ongedaan maken.")
    )


def save_notes(parent: QWidget | None, item_id: str, notes: str) -> CoreOp:
    """Save an item's notes (called while typing; no message, no undo step)."""
    return CoreOp(parent, lambda ws: ws.agenda.set_notes(item_id, notes))
