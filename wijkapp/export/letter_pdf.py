"""Letters from the board as tagged PDFs; first of all the request to the municipality.

Typeset by ``resources/typst/letter.typ`` (house style, Dutch letter conventions).
:func:`letter_data` builds any letter; :func:`request_letter_pdf` the letter that goes
with a verzoek or signaal: addressed to whom it is sent, "Betreft" its subject, its text
as the body, the promised answer date, and the chair's and secretary's names under it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError, ValidationError
from ..i18n import _
from ..timeutil import maybe_date
from . import formatting as fmt
from .content import board_logo
from .typst_render import page_data, render_pdf

if TYPE_CHECKING:
    from ..workspace import Workspace


def letter_data(board_name: str, *, addressee: list[str], sender: list[str], place: str,
                day: dt.date, subject: str, body: str, salutation: str = "Geachte heer, mevrouw,",
                after: list[str] | None = None, closing: str = "Met vriendelijke groet,",
                signature: list[str] | None = None, reference: str = "",
                logo: Path | None = None) -> dict[str, Any]:
    """What ``letter.typ`` prints (every string is user text or our own Dutch words)."""
    place_date = f"{place.strip()}, {fmt.long_date(day).split(' ', 1)[1]}" if place.strip() \
        else fmt.long_date(day).split(" ", 1)[1]
    return {
        "page": page_data(board_name, logo=logo, footer=f"Brief: {subject}"),
        "addressee": [line for line in addressee if line.strip()] or ["Gemeente"],
        "sender": [line for line in sender if line.strip()],
        "place_date": place_date,
        "subject": subject,
        "reference": reference,
        "salutation": salutation,
        "body": body,
        "after": after or [],
        "closing": closing,
        "signature": signature or [board_name],
    }


def request_letter_data(ws: Workspace, request_id: str, today: dt.date) -> dict[str, Any]:
    """The letter of one request (verzoek or signaal) to the municipality."""
    try:
        request = ws.requests.get(request_id)
    except NotFoundError:
        raise ValidationError(_("Dit verzoek bestaat niet (meer); kies een ander.")) from None
    if not request.text.strip():
        raise ValidationError(_("Schrijf eerst de tekst van het verzoek; de brief is nog leeg."))
    board = ws.board
    municipality = board.municipality.strip()
    fallback = f"Gemeente {municipality}" if municipality else "De gemeente"
    addressee = [request.sent_to_name.strip() or fallback]
    if request.sent_to_id and ws.contacts.exists(request.sent_to_id):
        person = ws.contacts.get(request.sent_to_id)
        organisations = {o.id: o.name for o in ws.organisations.all()}
        organisation = organisations.get(person.organisation_id or "", "")
        addressee = [person.name, organisation or fallback]
    sent = maybe_date(request.sent_on) or today
    due = maybe_date(request.answer_due)
    kind = fmt.REQUEST_KIND_LABELS.get(request.kind, "verzoek")
    after = [f"Wij horen graag vóór {fmt.long_date(due).split(' ', 1)[1]} van u."] if due else []
    people = {p.id: p for p in ws.contacts.all()}
    signers = []
    latest = ws.meetings.latest()
    for role, meeting_field in (("voorzitter", "chair_id"), ("secretaris", "secretary_id")):
        signer = people.get(getattr(latest, meeting_field, None) or "") if latest else None
        if signer is not None:
            signers.append(f"{signer.name}, {role}")
    return letter_data(
        board.name,
        addressee=addressee,
        sender=[board.name, f"wijk {board.wijk}" if board.wijk.strip() else "",
                municipality],
        place=municipality,
        day=sent,
        subject=request.subject,
        reference=f"Ons {kind} van {fmt.long_date(sent)}",
        body=request.text,
        after=after,
        signature=[f"Namens {board.name}", *signers],
        logo=board_logo(ws),
    )


def request_letter_pdf(ws: Workspace, request_id: str, today: dt.date) -> bytes:
    """The letter of one request as PDF bytes."""
    data = request_letter_data(ws, request_id, today)
    return render_pdf("letter", data, title=f"Brief: {data['subject']}", author=ws.board.name,
                      subject=data["reference"])


def write_request_letter(ws: Workspace, request_id: str, out: Path, today: dt.date) -> None:
    """Write the letter of one request to ``out``."""
    Path(out).write_bytes(request_letter_pdf(ws, request_id, today))
