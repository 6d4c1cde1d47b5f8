"""The two steps after the welcome: who is on the board, and the first meeting.

A new board is walked through name → members → first meeting (see :mod:`ui.first_run`).
Each step can be skipped ("Later doen"): the board exists already, and both can be done
later under Contacten and Vergaderingen. Nothing typed is lost: a name still in the field
when "Verder" is pressed is added like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from wijkapp.i18n import N_, _
from wijkapp.timeutil import now

from .operations.contacts import add_person
from .operations.meetings import create_meeting
from .views.meeting_widgets import button, date_time_edit, label, read_qdatetime

#: Roles offered for a board member (a board may type its own).
BOARD_ROLES = (N_("Voorzitter"), N_("Secretaris"), N_("Penningmeester"), N_("Lid"))
#: The first meeting is proposed this many days ahead, at this hour.
FIRST_MEETING_DAYS = 14
FIRST_MEETING_HOUR = 19


def step_title(step: int, text: str) -> str:
    """"Stap 2 van 3 — …" above each page."""
    return _("Stap {step} van 3 — {text}").format(step=step, text=text)


def proposed_first_meeting(moment: dt.datetime | None = None) -> dt.datetime:
    """Two weeks from now at 19:30, moved off the weekend."""
    start = (moment or now()) + dt.timedelta(days=FIRST_MEETING_DAYS)
    while start.weekday() >= 5:
        start += dt.timedelta(days=1)
    return start.replace(hour=FIRST_MEETING_HOUR, minute=30, second=0, microsecond=0)


def _button_row(skip: QWidget, go: QWidget) -> QWidget:
    """The row under a step: "Later doen" on the left, the way on at the right. The dialog
    shows it below its pages, so it stays in sight when the page scrolls (ui.screen_fit)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(skip)
    layout.addStretch(1)
    layout.addWidget(go)
    return row


class MembersPage(QWidget):
    """Step 2: add the board members one by one (name, role, e-mail)."""

    def __init__(self, done: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._done = done
        self._busy = False
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Naam van het bestuurslid"))
        self.name_edit.setPlaceholderText(_("Bijvoorbeeld: Ans Janssen"))
        self.role_combo = QComboBox()
        self.role_combo.setEditable(True)
        self.role_combo.setAccessibleName(_("Rol in het bestuur"))
        for role in BOARD_ROLES:
            self.role_combo.addItem(_(role))
        line = self.role_combo.lineEdit()
        if line is not None:
            line.setAccessibleName(_("Rol in het bestuur"))
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(_("E-mailadres (mag leeg blijven)"))
        self.add_button = button(_("Toevoegen"), self.add_member,
                                 name=_("Bestuurslid toevoegen"))
        self.members = QListWidget()
        self.members.setAccessibleName(_("Bestuursleden die al zijn toegevoegd"))
        self.members.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.members.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.error = label("", "error")
        self.error.hide()
        self.skip_button = button(_("Later doen"), self._done,
                                  name=_("Bestuursleden later toevoegen"))
        self.next_button = button(_("Verder"), self.finish, role="big",
                                  name=_("Verder naar de eerste vergadering"))
        for edit in (self.name_edit, self.email_edit):
            edit.returnPressed.connect(self.add_member)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(_("Naam:"), self.name_edit)
        form.addRow(_("Rol:"), self.role_combo)
        form.addRow(_("E-mail:"), self.email_edit)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        self.bottom = _button_row(self.skip_button, self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(step_title(2, _("Wie zitten er in het bestuur?")), "heading"))
        layout.addWidget(label(_(
            "Vul de bestuursleden één voor één in en klik op Toevoegen (of druk op Enter). "
            "Zij komen bij Contacten en worden uitgenodigd voor de vergaderingen."), "hint"))
        layout.addLayout(form)
        layout.addLayout(add_row)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.error)
        #: Tab order, set by the dialog once the buttons share its window.
        self.tab_order = ((self.name_edit, self.role_combo), (self.role_combo, self.email_edit),
                          (self.email_edit, self.add_button), (self.add_button, self.next_button),
                          (self.next_button, self.skip_button))

    def added(self) -> list[str]:
        """The lines of the list ("Ans Janssen — Voorzitter")."""
        return [self.members.item(row).text() for row in range(self.members.count())]

    def add_member(self, then: Callable[[], None] | None = None) -> None:
        """Add the person in the fields as a board member; ``then`` runs after it is saved."""
        name = self.name_edit.text().strip()
        if not name:
            if then is not None:
                then()
                return
            self._show_error(_("Vul eerst de naam van het bestuurslid in."))
            self.name_edit.setFocus()
            return
        if self._busy:
            return
        role = self.role_combo.currentText().strip()
        email = self.email_edit.text().strip()
        self._set_busy(True)

        def saved(_changes: object) -> None:
            self._set_busy(False)
            self.members.addItem(f"{name} — {role}" if role else name)
            self.members.scrollToBottom()
            self.name_edit.clear()
            self.email_edit.clear()
            self.role_combo.setCurrentIndex(self.role_combo.findText(_("Lid")))
            self.error.hide()
            self.name_edit.setFocus()
            if then is not None:
                then()

        def refused(_error: BaseException) -> None:
            self._set_busy(False)  # the fields keep what was typed; CoreOp said why
            self.name_edit.setFocus()

        add_person(self, name, role=role, email=email, board_member=1).success(
            saved).failure(refused).run()

    def finish(self) -> None:
        """"Verder": a name still in the field is added first, then on to the meeting."""
        self.add_member(then=self._done)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.add_button, self.next_button, self.skip_button):
            widget.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class FirstMeetingPage(QWidget):
    """Step 3: plan the first meeting (date, time, place) with the standard agenda."""

    def __init__(self, done: Callable[[str | None], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._done = done
        self.when_edit = date_time_edit(proposed_first_meeting(), _("Datum en tijd"))
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(_("Plaats van de vergadering"))
        self.place_edit.setPlaceholderText(_("Bijvoorbeeld: Buurthuis De Kroon"))
        self.place_edit.returnPressed.connect(self.plan)
        self.skip_button = button(_("Later doen"), lambda: self._done(None),
                                  name=_("De eerste vergadering later plannen"))
        self.plan_button = button(_("Vergadering plannen"), self.plan, role="big")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(_("Datum en tijd:"), self.when_edit)
        form.addRow(_("Plaats:"), self.place_edit)
        self.bottom = _button_row(self.skip_button, self.plan_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(step_title(3, _("De eerste vergadering")), "heading"))
        layout.addWidget(label(_(
            "Wanneer vergadert het bestuur? De vaste agenda en de bestuursleden komen er "
            "vanzelf in. U kunt alles later nog veranderen."), "hint"))
        layout.addLayout(form)
        layout.addStretch(1)
        #: Tab order, set by the dialog once the buttons share its window.
        self.tab_order = ((self.when_edit, self.place_edit), (self.place_edit, self.plan_button),
                          (self.plan_button, self.skip_button))

    def plan(self) -> None:
        """Plan the meeting; the walk-through ends on it."""
        self.plan_button.setEnabled(False)
        create_meeting(self, read_qdatetime(self.when_edit), place=self.place_edit.text().strip()
                       ).success(lambda changes: self._done(changes.id)).failure(
            lambda _e: self.plan_button.setEnabled(True)).run()
