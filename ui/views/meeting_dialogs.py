"""Dialogs of the meeting screens: an agenda item, a decision, an action; the goal choice.

Each dialog only collects and checks input (with pure validators); the caller runs the
operation. A refused field shows a Dutch sentence in the dialog and keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wijkapp.agenda import AgendaItem
from wijkapp.boards import AGENDA_KINDS
from wijkapp.contacts import Person
from wijkapp.goals import Goal
from wijkapp.i18n import _
from wijkapp.timeutil import today

from ..labels import goal_choice_label, kind_label
from ..plainlang_editor import attach_plain_language
from ..readability_meter import ReadabilityMeter
from ..typed_text import KeepsTypedText
from .meeting_widgets import button, date_edit, label, read_qdate


def required_problem(text: str, what: str) -> str | None:
    """``None`` when ``text`` has content, else a Dutch sentence naming the field."""
    return None if text.strip() else _("Vul {what} in.").format(what=what)


class GoalCombo(QComboBox):
    """"Hoort bij doel (buurtagenda)": ``Geen`` or a goal, ordered by bouwsteen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Hoort bij doel (buurtagenda)"))
        self.setToolTip(_("Het doel van de buurtagenda waar dit aan bijdraagt"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)  # long goal titles must not widen the form
        self.set_goals([])

    def set_goals(self, goals: list[Goal]) -> None:
        """Fill with ``Geen`` and ``goals`` (a line between bouwstenen), keeping the choice."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(_("Geen"), None)
        block = None
        for goal in sorted(goals, key=lambda g: (g.building_block, g.title.casefold())):
            if goal.building_block != block:
                self.insertSeparator(self.count())
                block = goal.building_block
            text = goal_choice_label(goal.building_block, goal.title)
            self.addItem(text, goal.id)
            self.setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.view().setMinimumWidth(min(self.view().sizeHintForColumn(0) + 24, 640))
        self.set_goal_id(chosen)
        self.blockSignals(False)

    def goal_id(self) -> str | None:
        """The chosen goal's id, or ``None`` for ``Geen``."""
        return self.currentData()

    def set_goal_id(self, goal_id: str | None) -> None:
        """Show ``goal_id`` (``Geen`` when absent) without emitting signals."""
        blocked = self.blockSignals(True)
        self.setCurrentIndex(max(self.findData(goal_id), 0) if goal_id else 0)
        self.blockSignals(blocked)


class _Dialog(KeepsTypedText, QDialog):
    """Common frame: a heading, a form, an error line and Bewaren/Annuleren buttons.

    It opens with the cursor in its first field; Tab goes through the fields, then
    Bewaren, then Annuleren; Annuleren, Escape and the close button ask before typed
    text is thrown away (:class:`~ui.typed_text.KeepsTypedText`).
    """

    def __init__(self, title: str, save_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.error = label("", "error")
        self.error.hide()
        self.save_button = button(save_text, self._try_accept, role="primary")
        self.save_button.setDefault(True)
        self.cancel_button = button(_("Annuleren"), self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "heading"))
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """First show: remember the fields, focus the first one, order Tab; make room for
        wrapped rows (Qt's window minimum ignores height-for-width)."""
        if self._typed_start is None:
            self.keep_typed_text(self.cancel_button)
            fields = self.fields()
            chain = [*fields, self.save_button, self.cancel_button]
            for before, after in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(before, after)
            if fields:
                fields[0].setFocus(Qt.FocusReason.OtherFocusReason)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.setMinimumHeight(needed)
                self.resize(self.width(), needed)
        super().showEvent(event)

    def fields(self) -> list[QWidget]:
        """The input fields in the order of the form (for focus and Tab)."""
        found: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is None:
                continue
            own = item.widget()
            widgets = [own] if own is not None else []
            inner = item.layout()
            if inner is not None:
                for i in range(inner.count()):
                    entry = inner.itemAt(i)
                    widget = entry.widget() if entry is not None else None
                    if widget is not None:
                        widgets.append(widget)
            found += [w for w in widgets
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.isHidden()]
        return found

    def problem(self) -> str | None:
        """A Dutch sentence when the input cannot be saved; ``None`` when it can."""
        return None

    def _try_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        self.text_saved()
        self.accept()


class AgendaItemDialog(_Dialog):
    """Title, kind, presenter, minutes and summary of one agenda item."""

    def __init__(self, item: AgendaItem | None = None, parent: QWidget | None = None,
                 goals: list[Goal] | None = None) -> None:
        title = _("Agendapunt wijzigen") if item else _("Nieuw agendapunt")
        super().__init__(title, _("Bewaren"), parent)
        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setAccessibleName(_("Titel van het agendapunt"))
        self.title_edit.setPlaceholderText(_("Bijvoorbeeld: Speeltuin Lindenheuvel"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Soort agendapunt"))
        for kind in AGENDA_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        current_kind = item.kind if item else "discussing"
        self.kind_combo.setCurrentIndex(AGENDA_KINDS.index(current_kind))
        self.presenter_edit = QLineEdit(item.presenter if item else "")
        self.presenter_edit.setAccessibleName(_("Wie leidt dit punt in"))
        self.planned_minutes_spin = QSpinBox()
        self.planned_minutes_spin.setRange(0, 600)
        self.planned_minutes_spin.setSuffix(_(" minuten"))
        self.planned_minutes_spin.setSpecialValueText(_("geen tijd opgegeven"))
        self.planned_minutes_spin.setValue((item.planned_minutes or 0) if item else 10)
        self.planned_minutes_spin.setAccessibleName(_("Hoeveel minuten"))
        self.summary_edit = QPlainTextEdit(item.summary if item else "")
        self.summary_edit.setAccessibleName(_("Korte uitleg voor bewoners"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.summary_meter = ReadabilityMeter(self)
        attach_plain_language(self.summary_edit, self.summary_meter)
        self.form.addRow(_("Titel:"), self.title_edit)
        self.form.addRow(_("Soort:"), self.kind_combo)
        self.form.addRow(_("Wie leidt het in:"), self.presenter_edit)
        self.form.addRow(_("Tijd:"), self.planned_minutes_spin)
        self.form.addRow(_("Korte uitleg:"), self.summary_edit)
        self.form.addRow("", self.summary_meter)
        self.goal_combo = GoalCombo()
        self._with_goal = goals is not None  # without goals, values() leaves goal_id alone
        if goals is not None:
            self.goal_combo.set_goals(goals)
            self.goal_combo.set_goal_id(item.goal_id if item else None)
            self.form.insertRow(4, _("Hoort bij doel (buurtagenda):"), self.goal_combo)

    def problem(self) -> str | None:
        return required_problem(self.title_edit.text(), _("de titel van het agendapunt"))

    def values(self) -> dict[str, Any]:
        """The fields for ``ws.agenda.add``/``update``."""
        planned = self.planned_minutes_spin.value()
        values = {
            "title": self.title_edit.text().strip(),
            "kind": self.kind_combo.currentData(),
            "presenter": self.presenter_edit.text().strip(),
            "planned_minutes": planned or None,
            "summary": self.summary_edit.toPlainText(),
        }
        if self._with_goal:
            values["goal_id"] = self.goal_combo.goal_id()
        return values


class DecisionDialog(_Dialog):
    """What the meeting decided, in one or a few sentences."""

    def __init__(self, item_title: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Besluit toevoegen"), _("Besluit opslaan"), parent)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(_("Wat is besloten"))
        self.text_edit.setPlaceholderText(_("Bijvoorbeeld: Het wijkplatform vraagt de gemeente …"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.form.addRow(label(_("Bij agendapunt: {title}").format(title=item_title), "hint"))
        self.form.addRow(_("Wat is besloten:"), self.text_edit)
        self.text_edit.setFocus()

    def problem(self) -> str | None:
        return required_problem(self.text_edit.toPlainText(), _("wat er besloten is"))

    def text(self) -> str:
        """The decision as typed (outer blank lines removed)."""
        return self.text_edit.toPlainText().strip()


class ActionDialog(_Dialog):
    """Wie doet wat, en wanneer is het klaar."""

    def __init__(self, people: list[Person], parent: QWidget | None = None,
                 goals: list[Goal] | None = None) -> None:
        super().__init__(_("Actiepunt toevoegen"), _("Actiepunt opslaan"), parent)
        self.what_edit = QLineEdit()
        self.what_edit.setAccessibleName(_("Wat moet er gebeuren"))
        self.what_edit.setPlaceholderText(_("Bijvoorbeeld: Wethouder uitnodigen"))
        self.owner_combo = QComboBox()
        self.owner_combo.setAccessibleName(_("Wie doet het"))
        self.owner_combo.addItem(_("— nog niemand —"), None)
        for person in people:
            self.owner_combo.addItem(person.name, person.id)
        self.due_edit = date_edit(today() + dt.timedelta(weeks=4), _("Klaar op"))
        self.no_date = QCheckBox(_("Geen datum"))
        self.no_date.setAccessibleName(_("Geen datum"))
        self.no_date.toggled.connect(lambda on: self.due_edit.setEnabled(not on))
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit, 1)
        due_row.addWidget(self.no_date)
        self.form.addRow(_("Wat moet er gebeuren:"), self.what_edit)
        self.form.addRow(_("Wie doet het:"), self.owner_combo)
        self.form.addRow(_("Klaar op:"), due_row)
        self.goal_combo = GoalCombo()
        self.goal_combo.set_goals(goals or [])
        self.form.addRow(_("Hoort bij doel (buurtagenda):"), self.goal_combo)
        self.what_edit.setFocus()

    def problem(self) -> str | None:
        return required_problem(self.what_edit.text(), _("wat er moet gebeuren"))

    def values(self) -> dict[str, Any]:
        """``what``, ``owner_id``, ``due_date`` and ``goal_id`` for ``add_action``."""
        return {
            "what": self.what_edit.text().strip(),
            "owner_id": self.owner_combo.currentData(),
            "due_date": None if self.no_date.isChecked() else read_qdate(self.due_edit),
            "goal_id": self.goal_combo.goal_id(),
        }
