"""Contacten: the people and organisations the board knows, searchable by name, organisation
and topic, with the date of the last contact and a "Vandaag gesproken" button.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import ORGANISATIONS, PEOPLE, Changes
from wijkapp.contacts import Person
from wijkapp.i18n import N_, _, ngettext
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import Row, email_problem, last_contact_text, required_text_problem
from ..live import ANY, Follow
from ..operations.base import CoreOp
from ..operations.contacts import add_person, delete_person, record_contact_today, update_person
from ..warmup import LazyPage, tab_pages
from .meeting_widgets import button
from .organisations import OrganisationsPanel
from .person_data import open_person_data_dialog
from .record_panel import RecordPanel
from .widgets import DateField, heading, hint, refill_combo, select_data, set_text


class PeoplePanel(RecordPanel):
    """People list (filtered with ``ws.contacts.find``) + editor."""

    kind = PEOPLE
    new_title = N_("Nieuw contact")
    item_title = N_("Contact")
    empty_text = N_("Kies links een persoon, of maak een nieuw contact.")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Naam en rol"), _("Organisatie"), _("Laatste contact")],
                         _("Lijst met contacten"), _("&Nieuw contact"), parent, keep=(2,))
        self.needle = ""
        self.name = self.add_field(_("Naam"), QLineEdit(self))
        self.role = self.add_field(_("Rol"), QLineEdit(self))
        self.role.setPlaceholderText(_("Bijvoorbeeld: wijkagent"))
        # Right under the name: a new board adds its members here first.
        self.board_member = self.add_field(_("Bestuur"), QCheckBox(_("Lid van het bestuur"), self))
        self.organisation = self.add_field(_("Organisatie"), QComboBox(self))
        self.topics = self.add_field(_("Onderwerpen"), QLineEdit(self))
        self.topics.setPlaceholderText(_("Bijvoorbeeld: verkeer, groen, ouderen"))
        self.phone = self.add_field(_("Telefoon"), QLineEdit(self))
        self.email = self.add_field(_("E-mail"), QLineEdit(self))
        self.last_contact = DateField(_("Laatste contact"), self)
        self.today_button = button(_("&Vandaag gesproken"), self.spoke_today,
                                   tip=_("Zet het laatste contact op vandaag"), parent=self)
        row = QWidget(self)
        row_layout = QVBoxLayout(row)  # stacked: fits a narrow editor at large text sizes
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.last_contact)
        row_layout.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.setFocusProxy(self.last_contact)
        row.setAccessibleName(_("Laatste contact"))
        self.add_field(_("Laatste contact"), row)
        self.last_contact.changed.connect(self.saver.touch)
        self.notes = self.add_field(_("Aantekeningen"), QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self.add_field(_("Persoonsgegevens"), button(
            _("Persoonsgegevens…"), self.open_person_data,
            tip=_("Alles over deze persoon opslaan, of de persoon wissen (AVG)"), parent=self))
        self.fill_choices()

    def open_person_data(self) -> None:
        """What is stored about this person: save it all, or erase the person."""
        if self.current_id:
            open_person_data_dialog(self, self.ws, self.current_id)

    def manager(self) -> Any:
        return self.ws.contacts

    def fill_choices(self) -> None:
        """Refill the organisation choice."""
        self._orgs = {o.id: o.name for o in self.ws.organisations.all()}
        refill_combo(self.organisation, _("Geen organisatie"), list(self._orgs.items()))

    def records(self) -> list[Person]:
        return self.ws.contacts.find(self.needle)

    def row(self, record: Person) -> Row:
        name = f"{record.name}\n{record.role}" if record.role.strip() else record.name
        return Row((name, self._orgs.get(record.organisation_id or "", ""),
                    last_contact_text(record.last_contact, today())), False,
                   (record.name.casefold(),))

    def count_text(self, count: int, late: int) -> str:
        if self.needle.strip():
            return ngettext("{n} contact gevonden met “{text}”.",
                            "{n} contacten gevonden met “{text}”.", count).format(
                                n=count, text=self.needle)
        return ngettext("{n} contact.", "{n} contacten.", count).format(n=count)

    def load(self, record: Person | None) -> None:
        for edit, value in ((self.name, "name"), (self.role, "role"), (self.topics, "topics"),
                            (self.phone, "phone"), (self.email, "email"),
                            (self.notes, "notes")):
            set_text(edit, getattr(record, value) if record else "")
        select_data(self.organisation, record.organisation_id if record else None)
        self.last_contact.set_value(record.last_contact if record else None)
        self.board_member.blockSignals(True)
        self.board_member.setChecked(bool(record and record.board_member))
        self.board_member.blockSignals(False)
        self.today_button.setEnabled(record is not None)

    def problem(self) -> str | None:
        return (required_text_problem(self.name.text(), _("de naam"), 300)
                or email_problem(self.email.text()))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "role": self.role.text(),
                "organisation_id": self.organisation.currentData(),
                "topics": self.topics.text(), "phone": self.phone.text(),
                "email": self.email.text().strip(), "notes": self.notes.toPlainText(),
                "last_contact": self.last_contact.value(),
                "board_member": self.board_member.isChecked()}

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        if record_id is None:
            fields = dict(values)
            return add_person(self, fields.pop("name"), **fields)
        return update_person(self, record_id, **values)

    def delete_op(self, record_id: str) -> CoreOp:
        return delete_person(self, record_id)

    def spoke_today(self) -> None:
        """Set the selected person's last contact to today."""
        if self.current_id:
            self.saver.flush()
            record_contact_today(self, self.current_id).run()


#: What the people and organisations tabs show.
WATCH = {PEOPLE: ANY, ORGANISATIONS: ANY}


class ContactsView(QWidget):
    """A search box over two tabs: people and organisations."""

    nav_title = N_("Contacten")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_(self.nav_title), self))
        layout.addWidget(hint(_("Mensen en organisaties waar het wijkplatform mee werkt."), self))
        search_row = QHBoxLayout()
        caption = QLabel(_("&Zoek:"), self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Naam, organisatie of onderwerp, bijvoorbeeld: verkeer"))
        self.search.setAccessibleName(_("Zoek contacten op naam, organisatie of onderwerp"))
        caption.setBuddy(self.search)
        search_row.addWidget(caption)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Mensen of organisaties"))
        self.people = PeoplePanel(ws, tab_pages(self.tabs))
        # The second tab is made when first needed (ui.warmup), not with the view.
        self.organisations_page = LazyPage(self._make_organisations, tab_pages(self.tabs))
        self.tabs.addTab(self.people, _("Mensen"))
        self.tabs.addTab(self.organisations_page, _("Organisaties"))
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.live = Follow(self, bus, "contacts", self.refresh, WATCH, own_edits=True)
        self.live.start()

    def _make_organisations(self, page: QWidget) -> OrganisationsPanel:
        panel = OrganisationsPanel(self.ws, page)
        panel.needle = self.search.text()
        panel.refresh_later()  # filled as it is first shown
        return panel

    @property
    def organisations(self) -> OrganisationsPanel:
        """The "Organisaties" tab (made on first use)."""
        return self.organisations_page.content  # type: ignore[return-value]

    def warm_steps(self) -> list[Callable[[], object]]:
        """The second tab is made in a later pause (see ui.warmup)."""
        return [lambda: self.organisations]

    def _apply_search(self) -> None:
        self.people.needle = self.search.text()
        self.people.fill()
        if self.organisations_page.built:
            self.organisations.needle = self.search.text()
            self.organisations.fill()

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload people and organisations when they changed."""
        if changes is None or changes.touches(ORGANISATIONS):
            self.people.fill_choices()
        panels: list[tuple[QWidget, Any, tuple[str, ...]]] = [
            (self.people, self.people, (ORGANISATIONS,))]
        if self.organisations_page.built:  # else it reads everything as it is made
            panels.append((self.organisations_page, self.organisations, (PEOPLE,)))
        for page, panel, kinds in panels:  # the tab not shown catches up when shown
            if page is self.tabs.currentWidget():
                panel.refresh(changes, kinds)
            else:
                panel.refresh_later(changes, kinds)

    def open_record(self, kind: str, record_id: str) -> None:
        """Open a person (``people``) or an organisation (``organisations``)."""
        if kind not in (PEOPLE, ORGANISATIONS):
            return
        if self.search.text():
            self.search.clear()
            self._apply_search()
        panel = self.people if kind == PEOPLE else self.organisations
        self.tabs.setCurrentWidget(self.people if kind == PEOPLE else self.organisations_page)
        panel.show_record(record_id)
