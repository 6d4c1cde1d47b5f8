"""Operations on requests to the municipality (verzoeken/signalen) and incoming documents.

Each function returns a not-yet-started :class:`~ui.operations.base.CoreOp`; call ``.run()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.changes import Changes
from wijkapp.i18n import _

from .base import CoreOp

#: Fields :func:`save_request` writes with a plain update; status moves go through the core.
_PLAIN = ("kind", "subject", "text", "area_id", "sent_to_id", "sent_to_name", "sent_on",
          "answer_due", "answered_on", "answer_text", "meeting_id")


def add_request(parent: QWidget | None, subject: str, text: str = "", **fields: Any) -> CoreOp:
    """Write a new request as a concept; ``Changes.id`` is its id."""
    return CoreOp(parent, lambda ws: ws.requests.add(subject, text, **fields)).with_message(
        _("Verzoek bewaard.")
    )


def save_request(parent: QWidget | None, request_id: str | None, fields: dict[str, Any],
                 status: str | None = None) -> CoreOp:
    """Save the editor's fields (``request_id`` ``None``: a new concept), then move the status.

    Moving to ``sent`` uses the core's ``mark_sent`` so an empty promised answer date
    becomes six weeks after sending; ``answered`` records the answer (today when no date).
    """

    def op(ws: Any) -> Changes:
        nonlocal request_id
        plain = {k: v for k, v in fields.items() if k in _PLAIN}
        if request_id is None:
            changes = ws.requests.add(**plain)
            request_id = changes.id
            current = ws.requests.get(request_id)
        else:
            current = ws.requests.get(request_id)
            changes = ws.requests.update(request_id, **plain)
        if status and status != current.status:
            after = ws.requests.get(request_id)
            if status == "sent" and current.status == "draft":
                changes = changes.merged(ws.requests.mark_sent(
                    request_id, on=after.sent_on or None, answer_due=after.answer_due or None))
            elif status == "answered":
                changes = changes.merged(ws.requests.record_answer(
                    request_id, after.answer_text, on=after.answered_on or None))
            elif status == "closed":
                changes = changes.merged(ws.requests.close(request_id))
            else:
                changes = changes.merged(ws.requests.set_status(request_id, status))
        return changes

    return CoreOp(parent, op).with_message(_("Verzoek bewaard."))


def mark_request_sent(parent: QWidget | None, request_id: str, on: Any = None) -> CoreOp:
    """Record sending (today by default); the answer is then due six weeks later."""
    return CoreOp(parent, lambda ws: ws.requests.mark_sent(request_id, on=on)).with_message(
        _("Verzoek staat op verstuurd. Het antwoord wordt binnen zes weken verwacht.")
    )


def record_request_answer(parent: QWidget | None, request_id: str, text: str,
                          on: Any = None) -> CoreOp:
    """Record the municipality's answer (today by default)."""
    return CoreOp(
        parent, lambda ws: ws.requests.record_answer(request_id, text, on=on)
    ).with_message(_("Antwoord vastgelegd."))


def delete_request(parent: QWidget | None, request_id: str) -> CoreOp:
    """Remove a request (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.requests.delete(request_id)).with_message(
        _("Verzoek verwijderd. Ongedaan maken kan met Ctrl+Z.")
    )


def add_document(parent: QWidget | None, subject: str, **fields: Any) -> CoreOp:
    """Register an incoming document (ingekomen stuk); ``Changes.id`` is its id."""
    return CoreOp(parent, lambda ws: ws.documents.add(subject, **fields)).with_message(
        _("Ingekomen stuk bewaard.")
    )


def update_document(parent: QWidget | None, document_id: str, **fields: Any) -> CoreOp:
    """Change an incoming document's details."""
    return CoreOp(parent, lambda ws: ws.documents.update(document_id, **fields)).with_message(
        _("Ingekomen stuk bewaard.")
    )


def delete_document(parent: QWidget | None, document_id: str) -> CoreOp:
    """Remove an incoming document (undo with Ctrl+Z)."""
    return CoreOp(parent, lambda ws: ws.documents.delete(document_id)).with_message(
        _("Ingekomen stuk verwijderd. Ongedaan maken kan met Ctrl+Z.")
    )
