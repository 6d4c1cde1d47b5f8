"""Operations on requests to the municipality (verzoeken/signalen) and incoming documents.

Each function returns a not-yet-started :class:`~ui.operations.base.CoreOp`; call ``.run()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from wijkapp.i18n import _

from .base import CoreOp


def save_request(parent: QWidget | None, request_id: str | None, fields: dict[str, Any],
                 status: str | None = None) -> CoreOp:
    """Save the editor's fields and move the status: one core call, one undo step."""
    return CoreOp(parent, lambda ws: ws.requests.save(request_id, fields, status)).with_message(
        _("Verzoek bewaard.")
    )


def mark_request_sent(parent: QWidget | None, request_id: str, on: Any = None) -> CoreOp:
    """Record sending (today by default); the answer is then due six weeks later."""
    return CoreOp(parent, lambda ws: ws.requests.mark_sent(request_id, on=on)).with_message(
        _("Verzoek staat op verstuurd. Het antwoord wordt binnen zes weken verwacht.")
    )


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
