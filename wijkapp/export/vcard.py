"""Contacts as one .vcf file (vCard 3.0, RFC 2426, UTF-8): people, then organisations.

Written by hand (the format is small) with the RFC's escaping — ``\\`` ``,`` ``;`` and
line breaks — and lines folded at 75 octets without splitting a UTF-8 character.
A tussenvoegsel stays in the family name and a SORT-STRING puts the card under the
main surname ("Fatima el Amrani" under A); Dutch mobile numbers are marked CELL.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..contacts import Organisation, Person
from ..errors import ValidationError
from ..i18n import _
from .formatting import ORGANISATION_KIND_LABELS, xml_safe

if TYPE_CHECKING:
    from ..workspace import Workspace


def escape_value(text: str) -> str:
    """Escape a text value: backslash, comma, semicolon and line breaks."""
    text = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    return (
        text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line at 75 octets (continuation lines start with a space)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    limit = 75
    while data:
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # inside a UTF-8 character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
        limit = 74  # the leading space counts
    return "\r\n ".join(parts)


#: Dutch (and common Arabic, French, Italian, German) name particles: the tussenvoegsels.
TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "onder", "over",
    "uit", "aan", "bij", "d'", "l'", "el", "al", "la", "le", "les", "du", "des", "da", "di",
    "dos", "das", "do", "von", "vom", "zu", "zum", "v.d.", "vd", "v/d", "ben", "bin", "abu",
})
_MOBILE = re.compile(r"^(?:06|\+316|00316)\d{8}$")


def split_name(name: str) -> tuple[str, str, str]:
    """(family, given, main surname) for the N and SORT-STRING properties.

    The first word is the given name; the tussenvoegsel stays with the family name
    ("Fatima el Amrani" → ``("el Amrani", "Fatima", "Amrani")``), so the card reads as the
    name is written while it sorts under the main surname.
    """
    words = name.split()
    if len(words) < 2:
        return name.strip(), "", name.strip()
    given, rest = words[0], words[1:]
    first_main = 0
    while first_main < len(rest) - 1 and rest[first_main].lower() in TUSSENVOEGSELS:
        first_main += 1
    return " ".join(rest), given, " ".join(rest[first_main:])


def is_mobile(phone: str) -> bool:
    """A Dutch mobile number (06…, +31 6…, 0031 6…), written with or without spaces."""
    return bool(_MOBILE.match(re.sub(r"[\s\-().]", "", phone)))


def _card(lines: list[str]) -> str:
    body = [fold(line) for line in ["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"]]
    return "\r\n".join(body) + "\r\n"


def person_card(person: Person, organisation: str) -> str:
    """The vCard of one person."""
    family, given, main = split_name(person.name)
    lines = [
        f"FN:{escape_value(person.name)}",
        f"N:{escape_value(family)};{escape_value(given)};;;",
    ]
    if main != family:
        lines.append(f"SORT-STRING:{escape_value(f'{main} {given}'.strip())}")
    if organisation.strip():
        lines.append(f"ORG:{escape_value(organisation)}")
    if person.role.strip():
        lines.append(f"TITLE:{escape_value(person.role)}")
    if person.phone.strip():
        kind = "CELL,VOICE" if is_mobile(person.phone) else "VOICE"
        lines.append(f"TEL;TYPE={kind}:{escape_value(person.phone)}")
    if person.email.strip():
        lines.append(f"EMAIL;TYPE=INTERNET:{escape_value(person.email)}")
    note = "\n".join(
        part for part in (person.topics.strip() and f"Onderwerpen: {person.topics}",
                          person.notes.strip()) if part
    )
    if note:
        lines.append(f"NOTE:{escape_value(note)}")
    if person.board_member:
        lines.append("CATEGORIES:Bestuur wijkplatform")
    lines.append(f"UID:{person.id}")
    return _card(lines)


def organisation_card(organisation: Organisation) -> str:
    """The vCard of one organisation (shown as a company)."""
    lines = [
        f"FN:{escape_value(organisation.name)}",
        f"N:{escape_value(organisation.name)};;;;",
        f"ORG:{escape_value(organisation.name)}",
        "X-ABSHOWAS:COMPANY",
        f"CATEGORIES:{escape_value(ORGANISATION_KIND_LABELS.get(organisation.kind, 'overig'))}",
    ]
    if organisation.phone.strip():
        kind = "WORK,CELL" if is_mobile(organisation.phone) else "WORK"
        lines.append(f"TEL;TYPE={kind}:{escape_value(organisation.phone)}")
    if organisation.email.strip():
        lines.append(f"EMAIL;TYPE=INTERNET:{escape_value(organisation.email)}")
    if organisation.website.strip():
        lines.append(f"URL:{escape_value(organisation.website)}")
    if organisation.notes.strip():
        lines.append(f"NOTE:{escape_value(organisation.notes)}")
    lines.append(f"UID:{organisation.id}")
    return _card(lines)


def write_vcard(ws: Workspace, out: Path) -> None:
    """Write every person and organisation of the board to ``out`` (UTF-8, CRLF lines)."""
    organisations = ws.organisations.all()
    names = {o.id: o.name for o in organisations}
    cards = [person_card(p, names.get(p.organisation_id or "", "")) for p in ws.contacts.all()]
    cards += [organisation_card(o) for o in organisations]
    if not cards:
        raise ValidationError(_("Er zijn nog geen contacten om te exporteren."))
    out.write_bytes("".join(cards).encode("utf-8"))
