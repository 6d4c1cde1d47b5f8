"""Goal links in the GUI: the "Bewijs koppelen" dialog and the "Hoort bij doel" choice.

The dialog only picks a record (kind, then a searchable list); the caller runs
:func:`~ui.operations.goals.link_evidence`. The record lists are read here, on the GUI
thread, as every view reads; writes go through operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wijkapp.goals import LINK_KINDS
from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from ..labels import (
    EVIDENCE_GROUP_LABELS,
    evidence_label,
    matches,
    meeting_label,
)
from .meeting_dialogs import _Dialog
from .meeting_widgets import label

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Evidence:
    """One linked piece of evidence as the goal editor lists it."""

    link_id: str
    kind: str
    target_id: str
    label: str
    exists: bool


def _manager(ws: Workspace, kind: str) -> Any:
    return {"decisions": ws.decisions, "actions": ws.actions, "requests": ws.requests,
            "documents": ws.documents, "agenda_items": ws.agenda}[kind]


def _meeting_days(ws: Workspace) -> dict[str, str]:
    return {m.id: meeting_label(m.starts_at) for m in ws.meetings.all()}


def linked_evidence(ws: Workspace, goal_id: str) -> list[Evidence]:
    """The goal's evidence with readable labels, oldest link first."""
    found = []
    days: dict[str, str] | None = None
    for link in ws.goals.evidence(goal_id):
        manager = _manager(ws, link.target_kind)
        record = manager.get(link.target_id) if manager.exists(link.target_id) else None
        day = ""
        if record is not None and link.target_kind == "agenda_items":
            days = days if days is not None else _meeting_days(ws)
            day = days.get(record.meeting_id, "")
        found.append(Evidence(link.id, link.target_kind, link.target_id,
                              evidence_label(link.target_kind, record, day), record is not None))
    return found


def evidence_choices(ws: Workspace, kind: str) -> list[tuple[str, str]]:
    """``[(id, label)]`` of the records of ``kind`` one could link, newest first.

    Agenda items leave out the fixed items of the template (Opening, Rondvraag, …).
    """
    records = list(_manager(ws, kind).all())
    days: dict[str, str] = {}
    if kind == "decisions":
        records.sort(key=lambda d: (d.year, d.seq), reverse=True)
    elif kind == "documents":
        records.sort(key=lambda d: d.received_on or d.created_at[:10], reverse=True)
    elif kind == "actions":
        records.sort(key=lambda a: a.created_at, reverse=True)
    elif kind == "agenda_items":
        starts = {m.id: m.starts_at for m in ws.meetings.all()}
        days = _meeting_days(ws)
        records = [r for r in records if not r.standard]
        records.sort(key=lambda r: (starts.get(r.meeting_id, ""), -r.position), reverse=True)
    return [(r.id, evidence_label(kind, r, days.get(getattr(r, "meeting_id", None) or "", "")))
            for r in records]


class EvidenceDialog(_Dialog):
    """Pick the kind of evidence, then the record (type a few letters to find it)."""

    def __init__(self, ws: Workspace, goal_title: str, linked: set[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Bewijs koppelen"), _("&Koppelen"), parent)
        self.ws = ws
        self.linked = linked
        self._choices: list[tuple[str, str]] = []
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Soort bewijs"))
        for kind in LINK_KINDS:
            self.kind_combo.addItem(_(EVIDENCE_GROUP_LABELS[kind]), kind)
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(_("Zoeken in de lijst"))
        self.search_edit.setPlaceholderText(_("Typ een paar letters om te zoeken"))
        self.search_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Kies wat bij dit doel hoort"))
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.count = label("", "hint")
        self.form.addRow(_("&Soort:"), self.kind_combo)
        self.form.addRow(_("&Zoeken:"), self.search_edit)
        # outside the form: wrapping rows inside a QFormLayout get too little height
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, label(_("Bij doel: {title}").format(title=goal_title), "hint"))
        layout.insertWidget(3, self.list, 1)
        layout.insertWidget(4, self.count)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._load_kind())
        self.search_edit.textChanged.connect(lambda _t: self._filter())
        self.list.itemActivated.connect(lambda _item: self._try_accept())
        self.search_edit.returnPressed.connect(self._first_or_accept)
        self._load_kind()
        self.kind_combo.setFocus()

    def _load_kind(self) -> None:
        self._choices = evidence_choices(self.ws, self.kind())
        self._filter()

    def _filter(self) -> None:
        needle = self.search_edit.text()
        self.list.clear()
        shown = 0
        for record_id, text in self._choices:
            if not matches(needle, text):
                continue
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, record_id)
            item.setToolTip(text)
            if (self.kind(), record_id) in self.linked:
                item.setText(_("{label} – al gekoppeld").format(label=text))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            shown += 1
        if not self._choices:
            self.count.setText(_("Hier is nog niets van vastgelegd."))
        elif not shown:
            self.count.setText(_("Niets gevonden. Probeer een ander woord."))
        else:
            self.count.setText(_("{n} in de lijst.").format(n=shown))

    def _first_or_accept(self) -> None:
        """Enter in the search box: choose the first free match, or link the chosen one."""
        if self.list.currentItem() is None:
            for row in range(self.list.count()):
                if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                    self.list.setCurrentRow(row)
                    break
            self.list.setFocus()
            return
        self._try_accept()

    def kind(self) -> str:
        """The chosen kind (``decisions``, ``actions``, …)."""
        return str(self.kind_combo.currentData())

    def choose(self, kind: str, record_id: str) -> bool:
        """Select ``record_id`` of ``kind`` (as a user would); ``False`` when not listed."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == record_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def problem(self) -> str | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return _("Kies eerst in de lijst wat u wilt koppelen.")
        return None

    def choice(self) -> tuple[str, str]:
        """``(kind, record id)`` of the chosen record."""
        return self.kind(), str(self.list.currentItem().data(ID_ROLE))
