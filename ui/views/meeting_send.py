"""Sending things out from the meeting screens.

* :class:`SendAgendaBox` — "Agenda versturen" in the meeting editor: the invitation with
  agenda (PDF maken / Afdrukken / Mailen als bijlage) and the agenda file (.ics).
* :class:`AfterCloseDialog` — shown when minutes mode closes a meeting: "Verslag maken"
  (PDF, or Word to finish there) and "Actiepuntenlijst versturen".

Both are built from :class:`ui.export_buttons.ExportButtons`, so files are written off
the GUI thread and errors are Dutch message boxes.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from ..export_buttons import ExportButtons, GrowingDialog
from .meeting_widgets import label


class SendAgendaBox(QGroupBox):
    """"Agenda versturen": the invitation PDF three ways, and the agenda file to mail."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(_("Agenda versturen"), parent)
        self.setAccessibleName(_("Agenda versturen"))
        self.agenda = ExportButtons(ws, "agenda", what=_("uitnodiging met agenda"), wrap=True)
        self.calendar = ExportButtons(
            ws, "ics", modes=("mail",),
            captions={"mail": _("Agenda-afspraak mailen")}, what=_("agenda-afspraak (.ics)"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Klaar met voorbereiden? Maak de uitnodiging met agenda en "
                                 "stuur die naar de genodigden."), "hint"))
        layout.addWidget(self.agenda)
        layout.addWidget(label(_("Extra: een agenda-afspraak (.ics). Wie die opent, heeft de "
                                 "vergadering meteen in de agenda van Outlook of de "
                                 "telefoon."), "hint"))
        layout.addWidget(self.calendar)

    def set_meeting(self, meeting_id: str | None) -> None:
        """Send out this meeting's agenda."""
        self.agenda.set_meeting(meeting_id)
        self.calendar.set_meeting(meeting_id)


class AfterCloseDialog(GrowingDialog):
    """After "Vergadering sluiten": make the verslag and send out the action list."""

    def __init__(self, ws: Workspace, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Vergadering gesloten — Wijkapp"))
        self.minutes = ExportButtons(ws, "minutes", meeting_id, what=_("verslag"))
        self.word = ExportButtons(ws, "docx", meeting_id, modes=("save",),
                                  captions={"save": _("Word-bestand maken")},
                                  what=_("verslag in Word"))
        self.action_list = ExportButtons(ws, "actions", what=_("actiepuntenlijst"))
        minutes_box = QGroupBox(_("Verslag maken"))
        minutes_layout = QVBoxLayout(minutes_box)
        minutes_layout.addWidget(label(_("Het verslag komt als concept in de PDF, tot het in de "
                                         "volgende vergadering is vastgesteld."), "hint"))
        minutes_layout.addWidget(self.minutes)
        minutes_layout.addWidget(label(_("Wilt u het verslag liever in Word afmaken?"), "hint"))
        minutes_layout.addWidget(self.word)
        actions_box = QGroupBox(_("Actiepuntenlijst versturen"))
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(label(_("Alle actiepunten: wie doet wat en wanneer. Te late "
                                         "punten staan bovenaan."), "hint"))
        actions_layout.addWidget(self.action_list)
        self.done_button = QPushButton(_("Klaar"))
        self.done_button.setAccessibleName(_("Klaar, venster sluiten"))
        self.done_button.clicked.connect(lambda _c=False: self.accept())
        bottom = QHBoxLayout()
        bottom.addWidget(label(_("U kunt dit later ook doen via Bestand → Exporteren."), "hint"),
                         1)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never clip a button
        layout.addWidget(label(_("De vergadering is gesloten"), "heading"))
        layout.addWidget(label(_("Wat wilt u nu doen?"), "subheading"))
        layout.addWidget(minutes_box)
        layout.addWidget(actions_box)
        layout.addLayout(bottom)
