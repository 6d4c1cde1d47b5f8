""""Persoonsgegevens" for one contact (AVG): save everything about them, or erase them.

Saving writes the JSON of :func:`wijkapp.privacy.person_data`; erasing calls
:func:`wijkapp.privacy.erase_person` after a confirmation that says plainly what stays
behind (old backups, until they are thinned away: at most about a year). Both run as
operations on the worker; the change is broadcast so the contacts view refreshes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from wijkapp.errors import WijkappError
from wijkapp.i18n import _, ngettext
from wijkapp.privacy import (
    ERASED_NAME,
    NamePlace,
    erase_person,
    find_name,
    person_data,
)
from wijkapp.safe_output import write_text_atomic
from wijkapp.workspace import Workspace

from ..operations.base import CoreOp
from .backups import Confirm, Tell, ask_yes_no, fit_to_text, show_info
from .meeting_widgets import button, label

#: ``choose_file(parent, suggested) -> Path | None``; tests return a path in tmp_path.
ChooseFile = Callable[[QWidget | None, Path], Path | None]


def choose_save_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """The "Opslaan als" dialog for a JSON file; ``None`` when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Gegevens opslaan"), str(suggested), _("JSON-bestand (*.json)"))
    return Path(name) if name else None


def export_file_name(name: str) -> str:
    """``persoonsgegevens-Jan-de-Vries.json`` (safe on every system)."""
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-") or "contact"
    return f"persoonsgegevens-{'-'.join(p for p in safe.split('-') if p)}.json"


#: How many places of the name the dialog lists (the rest is counted).
SHOWN_PLACES = 6


def places_text(places: list[NamePlace]) -> str:
    """The places where the name still stands in free text, as a short Dutch list."""
    if not places:
        return ""
    lines = [ngettext("De naam is ook getypt in {n} tekst:", "De naam is ook getypt in {n} teksten:",
                      len(places)).format(n=len(places))]
    lines += [f"• {place.label}: {place.snippet}" for place in places[:SHOWN_PLACES]]
    rest = len(places) - SHOWN_PLACES
    if rest > 0:
        lines.append(ngettext("en nog {n} andere tekst", "en nog {n} andere teksten",
                              rest).format(n=rest))
    return "\n".join(lines)


def where_text(data: dict[str, Any]) -> str:
    """Where the person appears, e.g. ``Staat bij 2 actiepunten en 3 aanwezigheidslijsten.``"""
    def count(table: str) -> int:
        return len(data.get(table) or [])

    parts = [text.format(n=n) for n, text in (
        (count("attendance"), ngettext(
            "{n} aanwezigheidslijst", "{n} aanwezigheidslijsten", count("attendance"))),
        (count("actions"), ngettext("{n} actiepunt", "{n} actiepunten", count("actions"))),
        (count("requests"), ngettext(
            "{n} verzoek aan de gemeente", "{n} verzoeken aan de gemeente", count("requests"))),
        (count("meetings"), ngettext(
            "{n} vergadering als voorzitter of notulist",
            "{n} vergaderingen als voorzitter of notulist", count("meetings"))),
    ) if n]
    if not parts:
        return _("Deze persoon staat verder nergens in.")
    listed = parts[0] if len(parts) == 1 else _("{some} en {last}").format(
        some=", ".join(parts[:-1]), last=parts[-1])
    return _("Staat bij {where}.").format(where=listed)


class PersonDataDialog(QDialog):
    """The "Persoonsgegevens" dialog for ``person_id``.

    ``choose_file``, ``confirm`` and ``tell`` replace the modal dialogs in tests.
    """

    def __init__(
        self,
        parent: QWidget | None,
        ws: Workspace,
        person_id: str,
        *,
        choose_file: ChooseFile = choose_save_file,
        confirm: Confirm = ask_yes_no,
        tell: Tell = show_info,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.person_id = person_id
        self._choose_file = choose_file
        self._confirm = confirm
        self._tell = tell
        self.saved_to: Path | None = None
        self.setWindowTitle(_("Persoonsgegevens"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.title = label("", "heading")
        layout.addWidget(self.title)
        layout.addWidget(label(_(
            "Iemand mag vragen wat Wijkapp over hem of haar bewaart, en mag vragen om dat te "
            "wissen (de AVG). Hier kunt u allebei doen."), "hint"))
        self.summary = label("")
        self.summary.setAccessibleName(_("Wat er over deze persoon is bewaard"))
        layout.addWidget(self.summary)
        self.places_label = label("")
        self.places_label.setAccessibleName(_("Waar de naam nog meer staat"))
        layout.addWidget(self.places_label)
        self.replace_in_text = QCheckBox(
            _("Vervang de naam in die teksten ook door '{erased}'").format(erased=ERASED_NAME), self)
        self.replace_in_text.setChecked(True)
        layout.addWidget(self.replace_in_text)
        self.places: list[NamePlace] = []
        self.status = label("", "hint")
        self.status.setAccessibleName(_("Melding"))
        layout.addWidget(self.status)
        self.save_button = button(_("Alles over deze persoon opslaan…"), self.save,
                                  role="primary")
        self.erase_button = button(_("Persoon wissen…"), self.erase, role="danger",
                                   name=_("Deze persoon wissen"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(12)
        for row, (action, why) in enumerate((
            (self.save_button, _("Maakt één bestand met alles wat Wijkapp over deze persoon "
                                 "weet. Dat bestand kunt u aan de persoon geven.")),
            (self.erase_button, _("Wist de naam en de contactgegevens. U krijgt eerst nog een "
                                  "vraag.")),
        )):
            grid.addWidget(action, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(why, "hint"), row, 1)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        close = button(_("Sluiten"), self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Size the dialog for its text once the stylesheet fonts apply."""
        super().showEvent(event)
        fit_to_text(self, chars=76)

    def refresh(self) -> None:
        """Show the person's name and where they appear."""
        data = person_data(self.ws, self.person_id)
        person = data["person"]
        self.name = person["name"]
        self.title.setText(_("Persoonsgegevens van {name}").format(name=self.name))
        lines = [where_text(data)]
        contact = [v for v in (person.get("phone"), person.get("email")) if v]
        if contact:
            lines.insert(0, _("Contactgegevens: {data}").format(data=", ".join(contact)))
        self.summary.setText("\n".join(lines))
        self.erase_button.setEnabled(self.name != ERASED_NAME)
        self.places = find_name(self.ws, self.name, self.person_id)
        self.places_label.setText(places_text(self.places))
        self.places_label.setVisible(bool(self.places))
        self.replace_in_text.setVisible(bool(self.places))

    def save(self) -> None:
        """Ask where, then write everything stored about the person as JSON."""
        target = self._choose_file(self, Path.home() / export_file_name(self.name))
        if target is None:
            return
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")

        def write(data: dict[str, Any]) -> None:
            try:
                write_text_atomic(target, json.dumps(data, ensure_ascii=False, indent=2,
                                                     default=str), self.ws.path)
            except WijkappError as error:
                self._tell(self, _("Opslaan niet gelukt"), str(error))
                return
            self.saved_to = target
            self.status.setText(_("Opgeslagen in {file}").format(file=target))

        CoreOp(self, lambda ws: person_data(ws, self.person_id)).success(write).run()

    def erase(self) -> None:
        """Ask plainly, then erase the person's name and contact data."""
        question = _(
            "Wilt u {name} wissen?\n\n"
            "De naam wordt vervangen door '{erased}'. Wijkapp wist het telefoonnummer, het "
            "e-mailadres, de onderwerpen en de notities. Verslagen en actiepunten blijven staan, "
            "maar tonen '{erased}'. Dit kunt u niet ongedaan maken.\n\n"
            "Let op: oude reservekopieën bevatten de gegevens nog. Wijkapp ruimt die vanzelf "
            "op; dat duurt hooguit ongeveer een jaar."
        ).format(name=self.name, erased=ERASED_NAME)
        places = self.places if self.replace_in_text.isChecked() else []
        if places:
            question += "\n\n" + ngettext(
                "In {n} tekst (verslag, besluit, notitie) wordt de naam ook vervangen door "
                "'{erased}'.",
                "In {n} teksten (verslagen, besluiten, notities) wordt de naam ook vervangen "
                "door '{erased}'.", len(places)).format(n=len(places), erased=ERASED_NAME)
        if not self._confirm(self, _("Persoon wissen"), question, _("Ja, wissen")):
            return
        name = self.name

        def done(_changes: object) -> None:
            self.refresh()
            self.status.setText(_("De gegevens van {name} zijn gewist.").format(name=name))

        person_id = self.person_id
        CoreOp(self, lambda ws: erase_person(ws, person_id, places)).with_message(
            _("Persoon gewist")).success(done).run()


def open_person_data_dialog(
    parent: QWidget | None, ws: Workspace, person_id: str, **options: Any
) -> PersonDataDialog:
    """Show "Persoonsgegevens" for one contact (modal) and return the dialog after it closes."""
    dialog = PersonDataDialog(parent, ws, person_id, **options)
    dialog.exec()
    return dialog
