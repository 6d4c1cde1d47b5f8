"""Operations on contacts: people and organisations.

Each function returns a not-yet-started :class:`~ui.operations.base.CoreOp`; call ``.run()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _

from .base import CoreOp


def add_person(parent: QWidget | None, name: str, **fields: Any) -> CoreOp:
    """Add a person; ``Changes.id`` is the new person's id."""
    return CoreOp(parent, lambda ws: ws.contacts.add(name, **fields)).with_message(
        _("Contact bewaard.")
    )


def update_person(parent: QWidget | None, person_id: str, **fields: Any) -> CoreOp:
    """Change a person's name, role, organisation, phone, e-mail, topics or notes."""
    return CoreOp(parent, lambda ws: ws.contacts.update(person_id, **fields)).with_message(
        _("Contact bewaard.")
    )


def record_contact_today(parent: QWidget | None, person_id: str) -> CoreOp:
    """Set "laatste contact" to today."""
    return CoreOp(parent, lambda ws: ws.contacts.record_contact(person_id)).with_message(
        _("Laatste contact staat op vandaag.")
    )


def delete_person(parent: QWidget | None, person_id: str) -> CoreOp:
    """Remove a person (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.contacts.delete(person_id)).with_message(
        _("Contact verwijderd. Ongedaan maken kan met Ctrl+Z.")
    )


def add_organisation(parent: QWidget | None, name: str, **fields: Any) -> CoreOp:
    """Add an organisation; ``Changes.id`` is its id."""
    return CoreOp(parent, lambda ws: ws.organisations.add(name, **fields)).with_message(
        _("Organisatie bewaard.")
    )


def update_organisation(parent: QWidget | None, organisation_id: str, **fields: Any) -> CoreOp:
    """Change an organisation's details."""
    return CoreOp(
        parent, lambda ws: ws.organisations.update(organisation_id, **fields)
    ).with_message(_("Organisatie bewaard."))


def delete_organisation(parent: QWidget | None, organisation_id: str) -> CoreOp:
    """Remove an organisation (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.organisations.delete(organisation_id)).with_message(
        _("Organisatie verwijderd. Ongedaan maken kan met Ctrl+Z.")
    )
