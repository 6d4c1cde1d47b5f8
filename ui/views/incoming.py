"""Ingekomen stukken: letters and mails the board received (a tab of the requests screen)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from wijkapp.changes import DOCUMENTS
from wijkapp.documents import Document
from wijkapp.i18n import N_, _, language, ngettext
from wijkapp.workspace import Workspace

from ..labels import Row, date_text, required_text_problem
from ..operations.base import CoreOp
from ..operations.requests import add_document, delete_document, update_document
from .record_panel import RecordPanel
from .widgets import DateField, set_text


@lru_cache(maxsize=8192)
def _received_text(day: str, lang: str) -> str:
    """``date_text`` of an ISO day, remembered per language (a board gets many per week)."""
    return date_text(day) or "—"


class IncomingPanel(RecordPanel):
    """Incoming documents list + editor (newest first)."""

    kind = DOCUMENTS
    new_title = N_("Nieuw ingekomen stuk")
    item_title = N_("Ingekomen stuk")
    empty_text = N_("Kies links een stuk, of voeg een nieuw ingekomen stuk toe.")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Ontvangen"), _("Onderwerp"), _("Van")],
                         _("Lijst met ingekomen stukken"), _("&Nieuw ingekomen stuk"), parent)
        self.subject = self.add_field(_("Onderwerp"), QLineEdit(self))
        self.sender_edit = self.add_field(_("Van wie"), QLineEdit(self))
        self.received = self.add_field(_("Ontvangen op"), DateField(_("Ontvangen op"), self))
        self.summary = self.add_field(_("Waar gaat het over"), QPlainTextEdit(self))
        self.handling = self.add_field(_("Wat doen we ermee"), QPlainTextEdit(self))
        for edit in (self.summary, self.handling):
            edit.setTabChangesFocus(True)

    def manager(self) -> Any:
        return self.ws.documents

    def records(self) -> list[Document]:
        return self.ws.documents.all()

    def row(self, record: Document) -> Row:
        day = record.received_on or ""
        return Row((_received_text(day, language()), record.subject, record.sender), False,
                   (day == "", "".join(chr(0x10FFFF - ord(c)) for c in day)))

    def count_text(self, count: int, late: int) -> str:
        return ngettext("{n} ingekomen stuk.", "{n} ingekomen stukken.", count).format(n=count)

    def load(self, record: Document | None) -> None:
        set_text(self.subject, record.subject if record else "")
        set_text(self.sender_edit, record.sender if record else "")
        set_text(self.summary, record.summary if record else "")
        set_text(self.handling, record.handling if record else "")
        self.received.set_value(record.received_on if record else None)

    def problem(self) -> str | None:
        return required_text_problem(self.subject.text(), _("het onderwerp"), 1000)

    def values(self) -> dict[str, Any]:
        return {"subject": self.subject.text(), "sender": self.sender_edit.text(),
                "received_on": self.received.value(), "summary": self.summary.toPlainText(),
                "handling": self.handling.toPlainText()}

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        if record_id is None:
            fields = dict(values)
            return add_document(self, fields.pop("subject"), **fields)
        return update_document(self, record_id, **values)

    def delete_op(self, record_id: str) -> CoreOp:
        return delete_document(self, record_id)
