"""How residents reach the board: e-mail, phone, website, address and a contact person.

Stored as five text columns on ``boards`` (migration ``0003_board_contact``). Every
resident document prints :func:`contact_sentences` (the "Vragen of ideeën?" block); the
app shows the same sentences, so what residents read and what the board sees agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .base import clean_text
from .errors import ValidationError
from .i18n import _

__all__ = ["BoardContact", "CONTACT_FIELDS", "clean_contact", "contact_sentences"]

#: Field name -> Dutch label, in the order the settings screen shows them.
CONTACT_FIELDS: dict[str, str] = {
    "contact_person": "Contactpersoon",
    "contact_email": "E-mailadres",
    "contact_phone": "Telefoonnummer",
    "contact_website": "Website",
    "contact_address": "Adres",
}
_LIMIT = 300
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE_RE = re.compile(r"\+?[\d\s().\-/]{6,30}")
_WEBSITE_RE = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.IGNORECASE)


@dataclass(frozen=True)
class BoardContact:
    """The board's contact details; each field may be empty."""

    person: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""

    @classmethod
    def from_board(cls, board: Any) -> BoardContact:
        """Read the five ``contact_*`` attributes of a board record (missing ones stay empty)."""
        return cls(*(str(getattr(board, name, "") or "").strip() for name in CONTACT_FIELDS))

    @property
    def empty(self) -> bool:
        """True when the board filled in none of the details."""
        return not any((self.person, self.email, self.phone, self.website, self.address))

    def as_dict(self) -> dict[str, str]:
        """The details as ``{"person": ..., "email": ..., ...}`` (for templates and JSON)."""
        return {"person": self.person, "email": self.email, "phone": self.phone,
                "website": self.website, "address": self.address}


def clean_contact(fields: dict[str, Any]) -> dict[str, str]:
    """Validate typed contact details; a Dutch :class:`ValidationError` names the bad one.

    Keys are ``contact_*`` column names; values are trimmed. Empty is always allowed.
    """
    cleaned: dict[str, str] = {}
    for name, value in fields.items():
        if name not in CONTACT_FIELDS:
            raise ValidationError(_("Onbekend veld: {name}.").format(name=name))
        label = CONTACT_FIELDS[name]
        text = " ".join(clean_text(value, label, limit=_LIMIT).split())
        if text and name == "contact_email" and not _EMAIL_RE.fullmatch(text):
            raise ValidationError(_("'{text}' is geen e-mailadres. Een goed voorbeeld: info@wijk.nl.").format(text=text))
        if text and name == "contact_phone" and (
            not _PHONE_RE.fullmatch(text) or sum(c.isdigit() for c in text) < 5
        ):
            raise ValidationError(
                _("'{text}' is geen telefoonnummer. Gebruik alleen cijfers en spaties.").format(text=text))
        if text and name == "contact_website" and not _WEBSITE_RE.fullmatch(text):
            raise ValidationError(_("'{text}' is geen website. Een goed voorbeeld: www.wijk.nl.").format(text=text))
        cleaned[name] = text
    return cleaned


def contact_sentences(contact: BoardContact) -> tuple[str, ...]:
    """Short sentences that tell residents how to reach the board (never empty).

    ``("Bel Jo Smeets: 046 123 45 67.", "Of mail naar info@wijk.nl.", ...)``.
    """
    lines: list[str] = []
    first_name = contact.person.split()[0] if contact.person else ""
    if contact.phone:
        who = f" {contact.person}" if contact.person else " ons"
        lines.append(f"Bel{who}: {contact.phone}.")
    elif contact.person:
        lines.append(f"Vraag het aan {contact.person}.")
    if contact.email:
        lines.append(f"{'Of mail' if lines else 'Mail'} naar {contact.email}.")
    if contact.website:
        lines.append(f"Kijk ook op {contact.website}.")
    if contact.address:
        lines.append(f"Ons adres is {contact.address}.")
    if contact.person and contact.phone and not contact.email and first_name:
        lines.append(f"{first_name} helpt u graag.")
    if not lines:
        lines.append("Kom gerust naar ons volgende overleg. Daar kunt u alles vragen.")
    return tuple(lines)
