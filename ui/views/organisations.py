"""Organisaties: the municipality, partners, residents' groups (a tab of the contacts screen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from wijkapp.changes import ORGANISATIONS
from wijkapp.contacts import ORGANISATION_KINDS, Organisation
from wijkapp.i18n import N_, _, ngettext
from wijkapp.social_map import question_topic
from wijkapp.workspace import Workspace

from ..labels import Row, email_problem, matches, organisation_kind_label, required_text_problem
from ..operations.base import CoreOp
from ..operations.contacts import add_organisation, delete_organisation, update_organisation
from .record_panel import RecordPanel
from .widgets import select_data, set_text


class OrganisationsPanel(RecordPanel):
    """Organisations list (filtered by the contacts search box) + editor."""

    kind = ORGANISATIONS
    new_title = N_("Nieuwe organisatie")
    item_title = N_("Organisatie")
    empty_text = N_("Kies links een organisatie, of maak een nieuwe.")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Naam"), _("Soort"), _("Mensen")],
                         _("Lijst met organisaties"), _("&Nieuwe organisatie"), parent)
        self.needle = ""
        self.name = self.add_field(_("Naam"), QLineEdit(self))
        self.org_kind = QComboBox(self)
        for kind in ORGANISATION_KINDS:
            self.org_kind.addItem(organisation_kind_label(kind), kind)
        self.add_field(_("Soort"), self.org_kind)
        self.phone = self.add_field(_("Telefoon"), QLineEdit(self))
        self.email = self.add_field(_("E-mail"), QLineEdit(self))
        self.website = self.add_field(_("Website"), QLineEdit(self))
        self.notes = self.add_field(_("Aantekeningen"), QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self._add_social_map()

    def _add_social_map(self) -> None:
        """Sociale kaart: what the organisation offers, for which themes and groups."""
        from .signals import LabelChecks
        from .widgets import heading

        self.form.addRow(heading(_("Sociale kaart: wie helpt bij wat"), self, role="subheading"))
        self.offer = self.add_field(_("Wat biedt de organisatie"), QPlainTextEdit(self))
        self.offer.setTabChangesFocus(True)
        self.offer.setMaximumHeight(self.offer.fontMetrics().lineSpacing() * 5)
        self.theme_checks = self.add_field(_("Helpt bij (thema's)"), LabelChecks(_("Thema's"), self))
        self.group_checks = self.add_field(_("Voor wie (groepen)"), LabelChecks(_("Groepen"), self))
        self.reach = self.add_field(_("Hoe bereikt u ze"), QLineEdit(self))
        self.cost = self.add_field(_("Wat kost het"), QLineEdit(self))
        self.theme_checks.set_labels(self.ws.signals.themes())
        self.group_checks.set_labels(self.ws.signals.groups())

    def manager(self) -> Any:
        return self.ws.organisations

    def records(self) -> list[Organisation]:
        self._people: dict[str, list[str]] = {}
        for person in self.ws.contacts.all():
            if person.organisation_id:
                self._people.setdefault(person.organisation_id, []).append(person.name)
        return [o for o in self.ws.organisations.all()
                if matches(question_topic(self.needle), o.name, organisation_kind_label(o.kind), o.notes,
                           o.offer, o.themes, o.groups,
                           *self._people.get(o.id, []))]

    def row(self, record: Organisation) -> Row:
        people = self._people.get(record.id, [])
        return Row((record.name, organisation_kind_label(record.kind), str(len(people))), False,
                   (record.name.casefold(),))

    def count_text(self, count: int, late: int) -> str:
        return ngettext("{n} organisatie.", "{n} organisaties.", count).format(n=count)

    def load(self, record: Organisation | None) -> None:
        set_text(self.name, record.name if record else "")
        set_text(self.phone, record.phone if record else "")
        set_text(self.email, record.email if record else "")
        set_text(self.website, record.website if record else "")
        set_text(self.notes, record.notes if record else "")
        select_data(self.org_kind, record.kind if record else "other")
        from wijkapp.signals import parse_labels

        set_text(self.offer, record.offer if record else "")
        set_text(self.reach, record.reach if record else "")
        set_text(self.cost, record.cost if record else "")
        self.theme_checks.set_checked(parse_labels(record.themes) if record else [])
        self.group_checks.set_checked(parse_labels(record.groups) if record else [])

    def problem(self) -> str | None:
        return (required_text_problem(self.name.text(), _("de naam"), 300)
                or email_problem(self.email.text()))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "kind": self.org_kind.currentData(),
                "phone": self.phone.text(), "email": self.email.text().strip(),
                "website": self.website.text(), "notes": self.notes.toPlainText(),
                "offer": self.offer.toPlainText(), "themes": self.theme_checks.checked(),
                "groups": self.group_checks.checked(), "reach": self.reach.text(),
                "cost": self.cost.text()}

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        if record_id is None:
            fields = dict(values)
            return add_organisation(self, fields.pop("name"), **fields)
        return update_organisation(self, record_id, **values)

    def delete_op(self, record_id: str) -> CoreOp:
        return delete_organisation(self, record_id)
