"""Buurtagenda: the goals per buurt, grouped by the seven bouwstenen, with their status.

The editor holds wat / hoe / wie / wanneer, the bouwsteen, the buurt, the status
(idee · loopt · bereikt · niet bereikt · gestopt), the evidence and the evaluation.
The "Bewijs" section lists the decisions, actions, requests, documents and agenda items
linked to the goal; "Bewijs koppelen…" adds one, "Ontkoppelen" takes one off.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import (
    ACTIONS,
    AGENDA_ITEMS,
    AREAS,
    DECISIONS,
    DOCUMENTS,
    GOAL_LINKS,
    GOALS,
    MEETINGS,
    REQUESTS,
    Changes,
)
from wijkapp.goals import BUILDING_BLOCKS, GOAL_STATUSES, Goal
from wijkapp.i18n import N_, _, ngettext
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import Row, building_block_label, goal_row, goal_status_label, required_text_problem
from ..live import ANY, Except, Follow, touches
from ..operations.base import CoreOp
from ..operations.goals import (
    add_goal,
    delete_goal,
    link_evidence,
    unlink_evidence,
    update_goal,
)
from .evidence import EvidenceDialog, linked_evidence
from .meeting_widgets import button
from .record_panel import ID_ROLE, RecordPanel
from .widgets import add_row, form, heading, hint, refill_combo, select_data, set_text

_WHOLE_WIJK = "__wijk__"

#: Where each evidence row keeps its (kind, record id).
TARGET_ROLE = ID_ROLE + 1


def _text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 6)
    return edit


class GoalsPanel(RecordPanel):
    """Goals grouped under the seven bouwstenen + editor."""

    kind = GOALS
    new_title = N_("Nieuw doel")
    item_title = N_("Doel")
    empty_text = N_("Kies links een doel, of maak een nieuw doel.")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Doel"), _("Stand"), _("Buurt")],
                         _("Doelen van de buurtagenda, per bouwsteen"), _("&Nieuw doel"), parent,
                         keep=(1,))
        self.area_filter: Any = None
        self.title = self.add_field(_("Wat willen we bereiken"), QLineEdit(self))
        self.block = QComboBox(self)
        for number in BUILDING_BLOCKS:
            self.block.addItem(building_block_label(number), number)
        self.add_field(_("Bouwsteen"), self.block)
        self.area = self.add_field(_("Buurt"), QComboBox(self))
        self.status = QComboBox(self)
        for status in GOAL_STATUSES:
            self.status.addItem(goal_status_label(status), status)
        self.add_field(_("Stand"), self.status)
        self.how = self.add_field(_("Hoe"), _text_box(self, _("Wat gaan we daarvoor doen?")))
        self.who = self.add_field(_("Wie"), QLineEdit(self))
        self.due = self.add_field(_("Wanneer"), QLineEdit(self))
        self.due.setPlaceholderText(_("Bijvoorbeeld: voor de zomer van 2027"))
        self.preventive = self.add_field(_("Preventie"), QCheckBox(
            _("Preventief: dit doel voorkomt problemen"), self))
        self._add_evidence_section()
        self.evaluation = self.add_field(_("Evaluatie"), _text_box(
            self, _("Wat vindt het bestuur ervan terugkijkend?")))
        self.fill_choices()

    def _add_evidence_section(self) -> None:
        """"Bewijs": the linked records, two buttons, and the evidence in the board's words."""
        section = QWidget(self)
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.addWidget(heading(_("Bewijs"), section, role="subheading"))
        layout.addWidget(hint(_("Besluiten, actiepunten, verzoeken en stukken die bij dit doel "
                                "horen. Dubbelklik om te openen."), section))
        self.evidence_list = QListWidget(section)
        self.evidence_list.setAccessibleName(_("Gekoppeld bewijs"))
        self.evidence_list.setWordWrap(True)
        self.evidence_list.setAlternatingRowColors(True)
        self.evidence_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.evidence_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.evidence_list)
        self.evidence_empty = hint("", section)
        layout.addWidget(self.evidence_empty)
        buttons = QVBoxLayout()  # one above the other: side by side widens the editor at 150 %
        self.link_button = button(
            _("Bewijs &koppelen…"), self.link_evidence,
            tip=_("Kies een besluit, actiepunt, verzoek, stuk of agendapunt dat bij dit doel hoort"),
            parent=section)
        self.unlink_button = button(
            _("&Ontkoppelen"), self.unlink_evidence,
            tip=_("Haal het gekozen bewijs weg bij dit doel; het stuk zelf blijft bestaan"),
            parent=section)
        for widget in (self.link_button, self.unlink_button):
            buttons.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        words: QFormLayout = form()
        self.evidence = _text_box(
            self, _("Wat laat zien dat het gelukt is (verslag, foto, cijfers)?"))
        add_row(words, _("Bewijs in eigen woorden"), self.evidence)
        self.fields.append(self.evidence)
        self.evidence.textChanged.connect(self.saver.touch)
        layout.addLayout(words)
        self.form.addRow(section)
        self.evidence_list.currentRowChanged.connect(lambda _r: self._update_evidence_buttons())
        self.evidence_list.itemActivated.connect(self.open_evidence)
        self._evidence_ids: set[tuple[str, str]] = set()

    def manager(self) -> Any:
        return self.ws.goals

    # -- evidence ------------------------------------------------------------------------------
    def fill_evidence(self) -> None:
        """Show the current goal's linked evidence, keeping the chosen row."""
        item = self.evidence_list.currentItem()
        chosen = item.data(ID_ROLE) if item else None
        found = linked_evidence(self.ws, self.current_id) if self.current_id else []
        self._evidence_ids = {(e.kind, e.target_id) for e in found}
        self.evidence_list.blockSignals(True)
        self.evidence_list.clear()
        for evidence in found:
            row = QListWidgetItem(evidence.label)
            row.setData(ID_ROLE, evidence.link_id)
            row.setData(TARGET_ROLE, (evidence.kind, evidence.target_id))
            row.setToolTip(evidence.label if evidence.link_id else _(
                "{label} — hoort bij dit doel omdat het zelf naar het doel verwijst; "
                "ontkoppelen doet u bij het item zelf."
            ).format(label=evidence.label))
            self.evidence_list.addItem(row)
            if evidence.link_id == chosen:
                self.evidence_list.setCurrentItem(row)
        self.evidence_list.blockSignals(False)
        self.evidence_list.setVisible(bool(found))
        self._fit_evidence_list()
        if not self.current_id:
            empty = _("Bewijs koppelen kan zodra het doel bewaard is.") if self.creating else ""
        elif not found:
            empty = _("Nog geen bewijs gekoppeld.")
        else:
            empty = ""
        self.evidence_empty.setText(empty)
        self.evidence_empty.setVisible(bool(empty))
        self._update_evidence_buttons()

    def _fit_evidence_list(self) -> None:
        """As tall as its rows (2 to 14 lines): the editor scrolls, not a small inner list."""
        view = self.evidence_list
        metrics = view.fontMetrics()
        lines = metrics.lineSpacing()
        width = max(view.width() - 2 * view.frameWidth()
                    - view.verticalScrollBar().sizeHint().width() - 12, 80)
        box = QRect(0, 0, width, 100 * lines)
        rows = sum(metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, view.item(r).text()).height()
                   + 6 for r in range(view.count()))
        view.setFixedHeight(min(max(rows + 2 * view.frameWidth() + 4, lines * 2), lines * 14))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Rows wrap differently at another width; refit the evidence list."""
        super().resizeEvent(event)
        self._fit_evidence_list()

    def _update_evidence_buttons(self) -> None:
        self.link_button.setEnabled(bool(self.current_id) and not self.creating)
        chosen = self.evidence_list.currentItem()
        self.unlink_button.setEnabled(bool(self.current_id) and not self.creating
                                      and chosen is not None and bool(chosen.data(ID_ROLE)))

    def link_evidence(self) -> None:
        """"Bewijs koppelen…": pick a record in a dialog and link it to the goal."""
        goal_id = self.current_id
        if not goal_id or self.creating:
            return
        self.saver.flush()
        dialog = EvidenceDialog(self.ws, self.title.text(), set(self._evidence_ids), self)
        if dialog.exec() == EvidenceDialog.DialogCode.Accepted:
            kind, target_id = dialog.choice()
            link_evidence(self, goal_id, kind, target_id).success(
                lambda _c: self.fill_evidence()).run()

    def unlink_evidence(self) -> None:
        """"Ontkoppelen": take the chosen evidence off the goal (Ctrl+Z brings it back)."""
        item = self.evidence_list.currentItem()
        if item is None or not self.current_id:
            return
        unlink_evidence(self, item.data(ID_ROLE)).success(lambda _c: self.fill_evidence()).run()

    def open_evidence(self, item: QListWidgetItem) -> None:
        """Show a linked record in its own screen (through the main window)."""
        kind, target_id = item.data(TARGET_ROLE)
        window = self.window()
        if hasattr(window, "open_record"):
            self.saver.flush()
            window.open_record(kind, target_id)

    def fill_choices(self) -> None:
        """Refill the buurt choice."""
        self._areas = {a.id: a.name for a in self.ws.areas.all()}
        refill_combo(self.area, _("Hele wijk"), list(self._areas.items()))

    def records(self) -> list[Goal]:
        goals = self.ws.goals.all()
        if self.area_filter == _WHOLE_WIJK:
            return [g for g in goals if not g.area_id]
        if self.area_filter:
            return [g for g in goals if g.area_id == self.area_filter]
        return goals

    def row(self, record: Goal) -> Row:
        return goal_row(record.title, record.status, self._areas.get(record.area_id or "", ""))

    def groups(self) -> list[tuple[Any, str]]:
        return [(number, building_block_label(number)) for number in BUILDING_BLOCKS]

    def group_of(self, record: Goal) -> Any:
        return record.building_block

    def count_text(self, count: int, late: int) -> str:
        return ngettext("{n} doel.", "{n} doelen.", count).format(n=count)

    def load(self, record: Goal | None) -> None:
        for edit, name in ((self.title, "title"), (self.how, "how"), (self.who, "who"),
                           (self.due, "due"), (self.evidence, "evidence"),
                           (self.evaluation, "evaluation")):
            set_text(edit, getattr(record, name) if record else "")
        self.preventive.setChecked(bool(record and record.preventive))
        if record is None:
            if not self.creating:
                select_data(self.block, 1)
            select_data(self.area, self.area_filter if self.area_filter != _WHOLE_WIJK else None)
            select_data(self.status, "idea")
            self.fill_evidence()
            return
        select_data(self.block, record.building_block)
        select_data(self.area, record.area_id)
        select_data(self.status, record.status)
        self.fill_evidence()

    def start_new(self, focus: bool = True) -> None:
        """A new goal under the bouwsteen of the chosen group or goal."""
        chosen = self.current_row_id()
        record = self.get(chosen) if chosen else None
        block = record.building_block if record else None
        super().start_new(focus)
        if block:
            select_data(self.block, block)

    def problem(self) -> str | None:
        return required_text_problem(self.title.text(), _("wat u wilt bereiken"), 1000)

    def values(self) -> dict[str, Any]:
        return {"title": self.title.text(), "building_block": self.block.currentData(),
                "area_id": self.area.currentData(), "how": self.how.toPlainText(),
                "who": self.who.text(), "due": self.due.text(),
                "status": self.status.currentData(), "evidence": self.evidence.toPlainText(),
                "evaluation": self.evaluation.toPlainText(),
                "preventive": self.preventive.isChecked()}

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        if record_id is None:
            fields = dict(values)
            return add_goal(self, fields.pop("title"), fields.pop("building_block"), **fields)
        return update_goal(self, record_id, **values)

    def delete_op(self, record_id: str) -> CoreOp:
        return delete_goal(self, record_id)


#: What the goals, their buurten and their evidence show (a note or the text of a record
#: is not in the evidence list; its title, state and link to a goal are).
EVIDENCE_WATCH = {
    AGENDA_ITEMS: Except("notes", "summary", "presenter", "minutes", "kind"),
    DECISIONS: ANY,
    ACTIONS: Except("notes", "owner_name", "owner_id"),
    REQUESTS: Except("text", "answer_text"),
    DOCUMENTS: Except("summary", "handling"),
}
WATCH = {GOALS: ANY, GOAL_LINKS: ANY, AREAS: ANY, MEETINGS: ("title", "starts_at"),
         **EVIDENCE_WATCH}


class GoalsView(QWidget):
    """A buurt filter over the goals panel."""

    nav_title = N_("Buurtagenda")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_(self.nav_title), self))
        layout.addWidget(hint(_("De doelen van de buurt, geordend langs de zeven bouwstenen "
                                "van de buurtagenda."), self))
        row = QHBoxLayout()
        caption = QLabel(_("&Buurt:"), self)
        self.area_filter = QComboBox(self)
        self.area_filter.setAccessibleName(_("Toon doelen van buurt"))
        caption.setBuddy(self.area_filter)
        row.addWidget(caption)
        row.addWidget(self.area_filter)
        row.addStretch(1)
        layout.addLayout(row)
        self.panel = GoalsPanel(ws, self)
        layout.addWidget(self.panel, 1)
        self._fill_filter()
        self.area_filter.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.live = Follow(self, bus, "goals", self.refresh, WATCH, own_edits=True)
        self.live.start()

    def _fill_filter(self) -> None:
        entries = [(_WHOLE_WIJK, _("Alleen de hele wijk"))]
        entries += [(a.id, a.name) for a in self.ws.areas.all()]
        refill_combo(self.area_filter, _("Alle buurten"), entries)

    def _filter_changed(self) -> None:
        self.panel.area_filter = self.area_filter.currentData()
        self.panel.fill()

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload when goals or buurten changed."""
        if changes is None or changes.touches(AREAS):
            self._fill_filter()
            self.panel.fill_choices()
        self.panel.refresh(changes, ("areas",))
        if changes is None or changes.touches(GOALS, GOAL_LINKS, MEETINGS) or touches(
                changes, EVIDENCE_WATCH):
            self.panel.fill_evidence()  # labels show states ("klaar") and removed records

    def open_record(self, kind: str, record_id: str) -> None:
        """Open a goal (``goals``), showing all buurten."""
        if kind != "goals":
            return
        if self.area_filter.currentIndex() != 0:
            self.area_filter.setCurrentIndex(0)
        self.panel.show_record(record_id)
