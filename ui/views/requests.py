"""Verzoeken aan de gemeente: requests and signals, their promised answer date, and the answer.

A second tab holds the incoming documents (ingekomen stukken). Late requests (sent, no
answer, promised date passed) are listed first, in red, with the words "te laat".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import AREAS, DOCUMENTS, MEETINGS, PEOPLE, REQUESTS, Changes
from wijkapp.i18n import N_, _, ngettext
from wijkapp.requests import DEFAULT_ANSWER_WEEKS, REQUEST_KINDS, REQUEST_STATUSES, Request
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import (
    Row,
    date_text,
    days_late_text,
    is_late,
    meeting_choice_label,
    request_kind_label,
    request_row,
    request_status_label,
    required_text_problem,
)
from ..live import ANY, Follow
from ..operations.base import CoreOp
from ..operations.requests import delete_request, mark_request_sent, save_request
from ..plainlang_editor import attach_plain_language, board_terms
from ..readability_meter import ReadabilityMeter
from ..warmup import LazyPage, tab_pages
from .incoming import IncomingPanel
from .letter import LetterDialog
from .meeting_widgets import button
from .record_panel import RecordPanel
from .widgets import (
    DateField,
    PersonCombo,
    add_row,
    heading,
    hint,
    refill_combo,
    select_data,
    set_text,
)


def _plain_text(parent: QWidget, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 7)
    return edit


class RequestsPanel(RecordPanel):
    """Requests list + editor."""

    kind = REQUESTS
    new_title = N_("Nieuw verzoek")
    item_title = N_("Verzoek")
    empty_text = N_("Kies links een verzoek, of maak een nieuw verzoek.")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Onderwerp"), _("Stand"), _("Antwoord vóór")],
                         _("Lijst met verzoeken aan de gemeente"), _("&Nieuw verzoek"), parent,
                         keep=(1,))
        self.sent_button = button(
            _("Vandaag &verstuurd"), self.mark_sent,
            tip=_("Zet het verzoek op verstuurd; het antwoord wordt binnen zes weken verwacht"), parent=self)
        self.record_buttons.insertWidget(0, self.sent_button)
        self.letter_button = button(
            _("Brief van de &gemeente…"), self.open_letter,
            tip=_("Plak de brief van de gemeente en zie welke woorden moeilijk zijn"), parent=self)
        self.record_buttons.insertWidget(1, self.letter_button)
        self.deadline = heading("", self, role="subheading")
        self.deadline.setWordWrap(True)
        self.editor_layout.insertWidget(1, self.deadline)
        self.subject = self.add_field(_("Onderwerp"), QLineEdit(self))
        self.subject.setPlaceholderText(_("Bijvoorbeeld: Lantaarnpaal Heideweg doet het niet"))
        self.kind_combo = QComboBox(self)
        for kind in REQUEST_KINDS:
            self.kind_combo.addItem(request_kind_label(kind), kind)
        self.add_field(_("Soort"), self.kind_combo)
        self.area = self.add_field(_("Buurt"), QComboBox(self))
        self.text = self.add_field(_("Wat vraagt of meldt u"), _plain_text(self))
        self.text_meter = ReadabilityMeter(self)
        self.form.addRow(self.text_meter)
        self.text_highlighter = attach_plain_language(self.text, self.text_meter, board_terms(ws))
        self._add_meeting_field()
        self.sent_to = self.add_field(_("Verstuurd aan"), PersonCombo(_("Verstuurd aan"), self))
        self.sent_on = self.add_field(_("Verstuurd op"), DateField(_("Verstuurd op"), self))
        self.answer_due = self.add_field(_("Antwoord beloofd vóór"),
                                         DateField(_("Antwoord beloofd vóór"), self))
        self.answer_due.setToolTip(_("Leeg laten: {n} weken na versturen.").format(
            n=DEFAULT_ANSWER_WEEKS))
        self.status = QComboBox(self)
        for status in REQUEST_STATUSES:
            self.status.addItem(request_status_label(status), status)
        self.add_field(_("Status"), self.status)
        self.answered_on = self.add_field(_("Beantwoord op"), DateField(_("Beantwoord op"), self))
        self.answer = self.add_field(_("Antwoord van de gemeente"), _plain_text(self))
        self.fill_choices()

    def _add_meeting_field(self) -> None:
        """"Besproken in vergadering": a choice of meetings and a button that opens it."""
        self.meeting = QComboBox(self)
        self.meeting.setAccessibleName(_("Besproken in vergadering"))
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting.setMinimumContentsLength(14)
        self.meeting_button = button(
            _("Naar &de vergadering"), self.open_meeting,
            tip=_("Open de gekozen vergadering (agenda en verslag)"), parent=self)
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.meeting, 1)
        layout.addWidget(self.meeting_button)
        row.setFocusProxy(self.meeting)
        add_row(self.form, _("Besproken in vergadering"), row)
        self.fields.append(self.meeting)
        self.meeting.currentIndexChanged.connect(self.saver.touch)
        self.meeting.currentIndexChanged.connect(lambda _i: self._update_meeting_button())

    def _update_meeting_button(self) -> None:
        self.meeting_button.setEnabled(bool(self.meeting.currentData()))

    def open_meeting(self) -> None:
        """"Naar de vergadering": save, then show the chosen meeting in the Vergaderingen view."""
        meeting_id = self.meeting.currentData()
        window = self.window()
        if meeting_id and hasattr(window, "open_record"):
            self.saver.flush()
            window.open_record("meetings", meeting_id)

    def open_letter(self) -> None:
        """"Brief van de gemeente": read a letter, keep it with this request."""
        LetterDialog(self.ws, self, request_id=self.current_id).exec()

    # -- hooks ---------------------------------------------------------------------------------
    def manager(self) -> Any:
        return self.ws.requests

    def records(self) -> list[Request]:
        return self.ws.requests.all()

    def row(self, record: Request) -> Row:
        return request_row(record.subject, record.kind, self._areas.get(record.area_id or "", ""),
                           record.status, record.sent_on, record.answer_due, today())

    def count_text(self, count: int, late: int) -> str:
        return ngettext("{n} verzoek, waarvan {late} te laat.",
                        "{n} verzoeken, waarvan {late} te laat.", count).format(n=count, late=late)

    def fill_choices(self) -> None:
        """Refill the buurt and person choices from the database."""
        self._areas = {a.id: a.name for a in self.ws.areas.all()}
        refill_combo(self.area, _("Hele wijk"), list(self._areas.items()))
        self.sent_to.set_people([(p.id, p.name) for p in self.ws.contacts.all()])
        self.fill_meetings()

    def fill_meetings(self) -> None:
        """Refill the meeting choice: ``Geen``, then the newest meeting first."""
        meetings = sorted(self.ws.meetings.all(), key=lambda m: m.starts_at, reverse=True)
        refill_combo(self.meeting, _("Geen"),
                     [(m.id, meeting_choice_label(m.starts_at, m.title)) for m in meetings])
        self._update_meeting_button()

    def load(self, record: Request | None) -> None:
        self.sent_button.setEnabled(bool(record and record.status == "draft"))
        self._show_deadline(record)
        if record is None:
            for edit in (self.subject, self.text, self.answer):
                set_text(edit, "")
            for field in (self.sent_on, self.answer_due, self.answered_on):
                field.set_value(None)
            self.sent_to.set_selection(None, "")
            for combo in (self.kind_combo, self.area, self.status, self.meeting):
                combo.setCurrentIndex(0)
            self._update_meeting_button()
            return
        set_text(self.subject, record.subject)
        set_text(self.text, record.text)
        self.text_highlighter.analyse_now()
        set_text(self.answer, record.answer_text)
        select_data(self.kind_combo, record.kind)
        select_data(self.area, record.area_id)
        select_data(self.status, record.status)
        select_data(self.meeting, record.meeting_id)
        self._update_meeting_button()
        self.sent_to.set_selection(record.sent_to_id, record.sent_to_name)
        self.sent_on.set_value(record.sent_on)
        self.answer_due.set_value(record.answer_due)
        self.answered_on.set_value(record.answered_on)

    def _show_deadline(self, record: Request | None) -> None:
        text, late = deadline_text(record)
        self.deadline.setText(text)
        self.deadline.setVisible(bool(text))
        self.deadline.setStyleSheet("color: #b00020;" if late else "")
        self.deadline.setAccessibleName(text)

    def problem(self) -> str | None:
        return required_text_problem(self.subject.text(), _("het onderwerp"), 1000)

    def collect(self) -> dict[str, Any]:
        """The editor's fields as core keyword arguments."""
        person_id, name = self.sent_to.selection()
        return {
            "subject": self.subject.text(), "text": self.text.toPlainText(),
            "kind": self.kind_combo.currentData(), "area_id": self.area.currentData(),
            "sent_to_id": person_id, "sent_to_name": name,
            "sent_on": self.sent_on.value(), "answer_due": self.answer_due.value(),
            "answered_on": self.answered_on.value(), "answer_text": self.answer.toPlainText(),
            "meeting_id": self.meeting.currentData(),
        }

    def values(self) -> dict[str, Any]:
        return {**self.collect(), "status": self.status.currentData()}

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        fields = dict(values)
        status = fields.pop("status")
        return save_request(self, record_id, fields, status)

    def delete_op(self, record_id: str) -> CoreOp:
        return delete_request(self, record_id)

    def mark_sent(self) -> None:
        """The selected draft was sent today; the answer is due six weeks later."""
        if self.current_id:
            self.saver.flush()
            mark_request_sent(self, self.current_id, on=self.sent_on.value()).success(
                lambda _c: self.reload_editor()).run()


def deadline_text(record: Request | None) -> tuple[str, bool]:
    """The line above the editor: when the answer is due and whether it is late."""
    if record is None or record.status == "draft":
        return ("", False)
    if record.status in ("answered", "closed"):
        if record.answered_on:
            in_time = record.answered_in_time()
            sentence = (_("Beantwoord op {date} (op tijd).") if in_time
                        else _("Beantwoord op {date} (te laat)."))
            return (sentence.format(date=date_text(record.answered_on)), False)
        return (_("Afgesloten."), False)
    if not record.answer_due:
        return (_("Verstuurd; er is geen antwoorddatum afgesproken."), False)
    if is_late(record.answer_due, True, today()):
        return (_("Antwoord beloofd vóór {date}: {late}.").format(
            date=date_text(record.answer_due), late=days_late_text(record.answer_due, today())),
                True)
    return (_("Antwoord beloofd vóór {date}.").format(date=date_text(record.answer_due)), False)


#: What the two tabs and their choices show.
WATCH = {
    REQUESTS: ANY,
    DOCUMENTS: ANY,
    PEOPLE: ("name", "organisation_id"),
    AREAS: ("name",),
    MEETINGS: ("title", "starts_at"),
}


class RequestsView(QWidget):
    """Two tabs: requests to the municipality, and incoming documents."""

    nav_title = N_("Verzoeken aan de gemeente")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_(self.nav_title), self))
        layout.addWidget(hint(_(
            "Wat het wijkplatform aan de gemeente vroeg of meldde, en wat de gemeente "
            "antwoordde. Te late antwoorden staan bovenaan, in rood."), self))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Verzoeken of ingekomen stukken"))
        self.requests = RequestsPanel(ws, tab_pages(self.tabs))
        self.incoming_page = LazyPage(self._make_incoming, tab_pages(self.tabs))  # made when first needed
        self.tabs.addTab(self.requests, _("Verzoeken en signalen"))
        self.tabs.addTab(self.incoming_page, _("Ingekomen stukken"))
        layout.addWidget(self.tabs, 1)
        self._choices_fresh = True  # the panel filled them as it was made
        self.live = Follow(self, bus, "requests", self.refresh, WATCH, own_edits=True)
        self.live.start()

    def _make_incoming(self, page: QWidget) -> IncomingPanel:
        panel = IncomingPanel(self.ws, page)
        panel.refresh_later()  # filled as it is first shown
        return panel

    @property
    def incoming(self) -> IncomingPanel:
        """The "Ingekomen stukken" tab (made on first use)."""
        return self.incoming_page.content  # type: ignore[return-value]

    def warm_steps(self) -> list[Callable[[], object]]:
        """The second tab is made in a later pause (see ui.warmup)."""
        return [lambda: self.incoming]

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload what the changes touch (requests, documents, people, buurten).

        The tab not shown only notes it is behind and catches up when it is shown.
        """
        fresh, self._choices_fresh = self._choices_fresh, False
        if changes is None and fresh:
            pass  # the first fill: the panel's choices were read a moment ago
        elif changes is None or changes.touches(PEOPLE, AREAS):
            self.requests.fill_choices()
        elif changes.touches(MEETINGS):
            self.requests.fill_meetings()
        panels: list[tuple[QWidget, Any, tuple[str, ...]]] = [
            (self.requests, self.requests, (PEOPLE, AREAS))]
        if self.incoming_page.built:  # else it reads everything as it is made
            panels.append((self.incoming_page, self.incoming, ()))
        for page, panel, kinds in panels:
            if page is self.tabs.currentWidget():
                panel.refresh(changes, kinds)
            else:
                panel.refresh_later(changes, kinds)

    def open_record(self, kind: str, record_id: str) -> None:
        """Open a request (``requests``) or an incoming document (``documents``)."""
        panel = (self.requests if kind == REQUESTS
                 else self.incoming if kind == DOCUMENTS else None)
        if panel is None:
            return
        self.tabs.setCurrentWidget(self.requests if panel is self.requests
                                   else self.incoming_page)
        panel.show_record(record_id)
