"""The first-run welcome: name the board, its wijk and buurten — or look at the demo first.

Shown when the database holds no board. A new board is then walked through its members
and its first meeting (:mod:`ui.first_steps`). Accepting means the workspace now has a
board; ``first_meeting_id`` is the meeting planned on the way, if any.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import Changes
from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from .first_steps import FirstMeetingPage, MembersPage
from .labels import parse_buurten
from .operations.base import CoreOp
from .operations.meetings import create_board
from .screen_fit import fit_dialog
from .views.meeting_dialogs import required_problem
from .views.meeting_widgets import button, label


def make_demo(ws: Workspace) -> Changes:
    """Fill the workspace with the demo board (imported lazily; runs on the worker)."""
    from wijkapp.demo import create_demo

    result = create_demo(ws)
    return result if isinstance(result, Changes) else Changes(frozenset({"boards"}))


class FirstRunDialog(QDialog):
    """Welcome. ``exec()`` returns Accepted once a board exists."""

    def __init__(
        self, ws: Workspace, offer_demo: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.first_meeting_id: str | None = None
        self.setWindowTitle(_("Welkom bij Wijkapp"))
        self.setMinimumWidth(640)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Naam van het wijkplatform"))
        self.name_edit.setPlaceholderText(_("Bijvoorbeeld: Wijkplatform Geleen-Zuid"))
        self.wijk_edit = QLineEdit()
        self.wijk_edit.setAccessibleName(_("Naam van de wijk"))
        self.wijk_edit.setPlaceholderText(_("Bijvoorbeeld: Geleen-Zuid"))
        self.buurten_edit = QPlainTextEdit()
        self.buurten_edit.setAccessibleName(_("Buurten, één per regel"))
        self.buurten_edit.setPlaceholderText(_("Lindenheuvel\nKrawinkel\nOmmenderveld"))
        self.buurten_edit.setTabChangesFocus(True)
        self.buurten_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.error = label("", "error")
        self.error.hide()
        self.start_button = button(_("Beginnen"), self.start, role="big")
        self.start_button.setDefault(True)
        self.demo_button = button(
            _("Eerst de demo bekijken"),
            self.open_demo,
            tip=_("Een verzonnen wijkplatform met een jaar aan vergaderingen, om rond te kijken."),
        )
        self.demo_button.setVisible(offer_demo)
        self.join_button = button(
            _("Aansluiten bij een bestuur"),
            self.open_join,
            tip=_("Het bestuur deelt Wijkapp al: haal het wijkplatform uit de gedeelde map of "
                  "uit een ontvangen bestand."),
        )

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above fields
        form.addRow(_("Naam van het wijkplatform:"), self.name_edit)
        form.addRow(_("Wijk:"), self.wijk_edit)
        form.addRow(_("Buurten (één per regel):"), self.buurten_edit)
        welcome_buttons = QWidget()
        buttons = QHBoxLayout(welcome_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.join_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        welcome = QWidget()
        layout = QVBoxLayout(welcome)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(_("Welkom bij Wijkapp"), "heading"))
        layout.addWidget(
            label(
                _(
                    "Wijkapp is het geheugen van uw wijkplatform: vergaderingen, besluiten, "
                    "actiepunten en contacten, allemaal op deze computer. Alles wat u typt, "
                    "wordt meteen bewaard."
                )
            )
        )
        layout.addWidget(
            label(_("Vul eerst drie dingen in. U kunt ze later nog veranderen."), "hint")
        )
        layout.addLayout(form)
        layout.addWidget(self.error)

        self.members_page = MembersPage(self._to_meeting)
        self.meeting_page = FirstMeetingPage(self._finish)
        # One step shows at a time (hidden ones take no room, not even in the wrapped text's
        # height, as a stacked widget's would); each step's buttons sit below all pages,
        # outside what may scroll at large text (ui.screen_fit).
        self.pages = [welcome, self.members_page, self.meeting_page]
        self.button_rows = [welcome_buttons, self.members_page.bottom, self.meeting_page.bottom]
        outer = QVBoxLayout(self)
        for page in self.pages:
            outer.addWidget(page, 1)
        for row in self.button_rows:
            outer.addWidget(row)
        self._show_step(1)
        # Tab goes name → wijk → buurten → Beginnen, then the other ways in.
        for first, second in ((self.name_edit, self.wijk_edit),
                              (self.wijk_edit, self.buurten_edit),
                              (self.buurten_edit, self.start_button),
                              (self.start_button, self.demo_button),
                              (self.demo_button, self.join_button),
                              *self.members_page.tab_order, *self.meeting_page.tab_order):
            QWidget.setTabOrder(first, second)
        self.name_edit.setFocus()

    def step(self) -> int:
        """1 for the welcome, 2 for the members, 3 for the first meeting."""
        return self._step

    def current_page(self) -> QWidget:
        """The page of the step shown."""
        return self.pages[self._step - 1]

    def _show_step(self, step: int) -> None:
        self._step = step
        for number, (page, row) in enumerate(zip(self.pages, self.button_rows, strict=True), start=1):
            page.setVisible(number == step)
            row.setVisible(number == step)
        if self.isVisible():  # the window takes the size of the new step (or scrolls)
            layout = self.layout()
            if layout is not None:
                layout.activate()
            width = self.width()
            self.adjustSize()
            self.resize(max(width, self.width()), self.height())  # as wide as it was
            fit_dialog(self)

    def _to_members(self) -> None:
        self._show_step(2)
        self.setWindowTitle(_("Het bestuur — Wijkapp"))
        self.members_page.name_edit.setFocus()

    def _to_meeting(self) -> None:
        self._show_step(3)
        self.setWindowTitle(_("De eerste vergadering — Wijkapp"))
        self.meeting_page.when_edit.setFocus()

    def _finish(self, meeting_id: str | None) -> None:
        self.first_meeting_id = meeting_id
        self.accept()

    def reject(self) -> None:
        """Escape or the window's cross: after the board is made this ends the walk-through
        (the board stays); before, it closes the welcome without a board."""
        if self.ws.has_board:
            self.accept()
        else:
            super().reject()

    def problem(self) -> str | None:
        """A Dutch sentence when the board cannot be made yet."""
        return required_problem(self.name_edit.text(), _("de naam van het wijkplatform"))

    def start(self) -> None:
        """Make the board and close the welcome."""
        problem = self.problem()
        if problem:
            self._show_error(problem)
            self.name_edit.setFocus()
            return
        self._busy(True)
        create_board(
            self,
            self.name_edit.text().strip(),
            self.wijk_edit.text().strip(),
            parse_buurten(self.buurten_edit.toPlainText()),
        ).success(lambda _c: self._to_members()).failure(lambda _e: self._busy(False)).run()

    def open_demo(self) -> None:
        """Fill the file with the demo board (it takes a moment) and close the welcome."""
        self._busy(True)
        self.error.setText(_("Even geduld: de demo wordt gemaakt…"))
        self.error.show()
        CoreOp(self, make_demo).with_message(_("De demo is klaar. Kijk gerust rond.")).success(
            lambda _c: self.accept()
        ).failure(lambda _e: self._busy(False)).run()

    def open_join(self) -> None:
        """The board is shared already: join it instead of making a new one."""
        from .sharing import JoinDialog

        if JoinDialog(self.ws, self).exec() == QDialog.DialogCode.Accepted:
            self.accept()

    def _busy(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
