"""Stem van de wijk: the register of what residents said, and the follow-up of each signal.

Two tabs: the register (list + editor that saves by itself) and "Tellen en vertellen"
(:mod:`ui.views.voice_overview`). A signal is anonymous unless the consent box is ticked;
only then can a name or contact detail be typed. Passing a signal on (to the municipality,
a partner, the agenda or the buurtagenda) is one undo step in the core.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import (
    AREAS,
    BOARDS,
    ORGANISATIONS,
    PEOPLE,
    REQUESTS,
    SIGNAL_FOLLOWUPS,
    SIGNALS,
    Changes,
)
from wijkapp.i18n import N_, _, ngettext
from wijkapp.signals import Signal as SignalRecord
from wijkapp.social_map import helpers_for_signal
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import Row
from ..live import ANY, Follow
from ..operations.base import CoreOp
from ..operations.signals import (
    delete_signal,
    erase_resident,
    pass_on_signal,
    record_followup_answer,
    save_signal,
)
from ..warmup import LazyPage, tab_pages
from .backups import ask_yes_no
from .meeting_widgets import button
from .record_panel import RecordPanel
from .signal_labels import consent_problem, followup_line, signal_row, words_problem
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

#: ``ask(parent, title, label) -> str | None`` for a line of text; tests answer without a dialog.
AskText = Callable[[QWidget, str, str], str | None]


def ask_multiline(parent: QWidget, title: str, label: str) -> str | None:
    """A dialog for a few lines of text; ``None`` when cancelled."""
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok and text.strip() else None


def ask_line(parent: QWidget, title: str, label: str) -> str | None:
    """A dialog for one line of text; ``None`` when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text.strip() if ok and text.strip() else None


class LabelChecks(QListWidget):
    """A list of words to tick (themes or groups); ``changed`` fires when a tick changes.

    Words a signal has that are not (any longer) on the board's list stay shown and ticked.
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self._labels: list[str] = []

    def set_labels(self, labels: list[str]) -> None:
        """The board's words, keeping what is ticked."""
        ticked = self.checked()
        self._labels = list(labels)
        self._rebuild(ticked)

    def _rebuild(self, ticked: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        folded = {t.casefold() for t in ticked}
        words = self._labels + [t for t in ticked if t.casefold() not in
                                {w.casefold() for w in self._labels}]
        for word in words:
            item = QListWidgetItem(word, self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if word.casefold() in folded
                               else Qt.CheckState.Unchecked)
        rows = min(max(len(words), 1), 5)
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4
                            if words else self.fontMetrics().height() * 2)
        self.blockSignals(False)

    def set_checked(self, words: list[str]) -> None:
        """Tick exactly ``words`` (without emitting ``changed``)."""
        self._rebuild(words)

    def checked(self) -> list[str]:
        """The ticked words, in list order."""
        return [self.item(i).text() for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]


def _plain(parent: QWidget, lines: int = 4, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * (lines + 3))
    return edit


class SignalsPanel(RecordPanel):
    """The register: signals list + editor, with follow-up and the outcome."""

    kind = SIGNALS
    new_title = N_("Nieuw signaal")
    item_title = N_("Signaal")
    empty_text = N_("Kies links een signaal, of leg vast wat een bewoner zei.")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Wat er gezegd is"), _("Gehoord op"), _("Stand")],
                         _("Lijst met signalen van bewoners"), _("&Nieuw signaal"), parent,
                         keep=(1, 2))
        self.ask_text: AskText = ask_multiline
        self.ask_name: AskText = ask_line
        # Signals from before last year stay out of the list unless asked for (those still
        # waiting for follow-up always show): the register of many years stays short and quick.
        self.show_all = QCheckBox(_("Ook oudere signalen"), self)
        self.show_all.setAccessibleName(_("Ook signalen van voor vorig jaar tonen"))
        self.show_all.toggled.connect(lambda _on: self.fill())
        self.buttons.addWidget(self.show_all)
        self.words = self.add_field(_("Wat zei de bewoner"),
                                    _plain(self, 4, _("Bijvoorbeeld: Sinds mijn man dood is, "
                                                      "praat ik soms een week met niemand.")))
        self.subject = self.add_field(_("Onderwerp (kort)"), QLineEdit(self))
        self.heard_on = self.add_field(_("Gehoord op"), DateField(_("Gehoord op"), self))
        self.place = self.add_field(_("Waar"), QLineEdit(self))
        self.place.setPlaceholderText(_("Bijvoorbeeld: koffieochtend in het buurthuis"))
        self.heard_by = self.add_field(_("Gehoord door"), PersonCombo(_("Gehoord door"), self))
        self.area = self.add_field(_("Buurt"), QComboBox(self))
        self.theme_checks = self.add_field(_("Thema's"), LabelChecks(_("Thema's"), self))
        self.group_checks = self.add_field(_("Over wie gaat het (groepen)"),
                                           LabelChecks(_("Groepen"), self))
        self.quotable = self.add_check(_("Mag geciteerd worden (zonder naam)"))
        self.consent = self.add_check(_("Toestemming voor naam of contact"))
        self.consent.toggled.connect(lambda _on: self._consent_fields())
        self.resident_name = self.add_field(_("Naam van de bewoner"), QLineEdit(self))
        self.resident_contact = self.add_field(_("Telefoon of e-mail van de bewoner"),
                                               QLineEdit(self))
        self.erase_button = button(_("Naam en contact &wissen…"), self.erase_resident,
                                   tip=_("Wist de naam en het contact van de bewoner voorgoed"),
                                   parent=self, role="danger")
        self.form.addRow(self.erase_button)
        self._build_followup()
        self.outcome = self.add_field(_("Wij deden"), _plain(
            self, 3, _("Wat deed het wijkplatform ermee? Dit komt in \"U zei, wij deden\".")))
        self.outcome_line = hint("", self)
        self.form.addRow(self.outcome_line)
        self.fill_choices()

    def add_check(self, text: str) -> QCheckBox:
        """A tick box on its own row (its text is its label); saved by itself."""
        box = QCheckBox(text, self)
        box.setAccessibleName(text)
        self.form.addRow(box)
        self.fields.append(box)
        box.toggled.connect(self.saver.touch)
        return box

    # -- follow-up ----------------------------------------------------------------------------
    def _build_followup(self) -> None:
        self.form.addRow(heading(_("Opvolging"), self, role="subheading"))
        self.followup_list = QListWidget(self)
        self.followup_list.setAccessibleName(_("Opvolging van dit signaal"))
        self.followup_list.setWordWrap(True)
        self.followup_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.form.addRow(self.followup_list)
        row = QWidget(self)
        layout = QGridLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.to_city = button(_("Naar de &gemeente"), lambda: self.pass_on("request"),
                              tip=_("Maak er een verzoek aan de gemeente van (zonder naam)"), parent=row)
        self.refer = button(_("&Doorverwijzen naar…"), self.show_referral_menu,
                            tip=_("Naar een partner: wijkverpleging, sociaal werk, Knooppunt…"), parent=row)
        self.to_agenda = button(_("Op de &agenda"), lambda: self.pass_on("agenda_item"),
                                tip=_("Zet het op de agenda van de volgende vergadering"), parent=row)
        self.to_goal = button(_("Naar de &buurtagenda"), lambda: self.pass_on("goal"),
                              tip=_("Maak er een doel van (bouwsteen Verhalen ophalen)"), parent=row)
        for index, widget in enumerate((self.to_city, self.refer, self.to_agenda, self.to_goal)):
            layout.addWidget(widget, index, 0)  # one column: fits beside the list at 150 %
        self.form.addRow(row)
        self.answer_button = button(_("Antwoord &vastleggen…"), self.record_answer,
                                    tip=_("Het antwoord op de gekozen opvolging"), parent=self)
        self.form.addRow(self.answer_button)
        self.followup_buttons = [self.to_city, self.refer, self.to_agenda, self.to_goal,
                                 self.answer_button]

    def _saved_first(self, then: Callable[[str], None]) -> None:
        """Save what is typed, then act on the (now existing) signal.

        A signal typed just now may still be on its way to the database: wait for its save
        (milliseconds) so the follow-up has the signal's id.
        """
        self.saver.flush()
        if self.creating and self.saver.busy:
            from PySide6.QtWidgets import QApplication

            from ..operations.base import worker_pool

            worker_pool().waitForDone(5000)
            QApplication.processEvents()
        if self.current_id:
            then(self.current_id)
        elif self.creating:
            self.message.setText(self.problem() or _("Schrijf eerst op wat de bewoner zei."))

    def pass_on(self, kind: str, **options: Any) -> None:
        """Pass the current signal on; the list of follow-ups shows it at once."""
        self._saved_first(lambda signal_id: pass_on_signal(self, signal_id, kind, **options)
                          .success(lambda _c: self.reload_editor()).run())

    def referral_choices(self) -> list[tuple[str, str]]:
        """``(organisation id, name)``: partners for the signal's themes first, then the rest."""
        record = self.get(self.current_id) if self.current_id else None
        best = helpers_for_signal(self.ws, record.theme_list, record.group_list) if record else []
        rest = [o for o in self.ws.organisations.all() if o not in best]
        return [(o.id, o.name) for o in best + rest]

    def show_referral_menu(self) -> None:
        """"Doorverwijzen naar…": the sociale kaart's partners, or another name."""
        menu = QMenu(self)
        for organisation_id, name in self.referral_choices():
            menu.addAction(name, partial(self.pass_on, "referral", to_id=organisation_id))
        menu.addSeparator()
        menu.addAction(_("Andere organisatie of persoon…"), self.refer_to_other)
        menu.exec(self.refer.mapToGlobal(self.refer.rect().bottomLeft()))

    def refer_to_other(self) -> None:
        """Refer to a partner typed by name."""
        name = self.ask_name(self, _("Doorverwijzen"), _("Naar wie verwijst u door?"))
        if name:
            self.pass_on("referral", to_name=name)

    def record_answer(self) -> None:
        """Record the answer on the chosen follow-up (or the only one)."""
        item = self.followup_list.currentItem() or (
            self.followup_list.item(0) if self.followup_list.count() == 1 else None)
        followup_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not followup_id:
            self.message.setText(_("Kies eerst de opvolging waarop het antwoord kwam."))
            return
        answer = self.ask_text(self, _("Antwoord vastleggen"), _("Wat was het antwoord?"))
        if answer:
            record_followup_answer(self, followup_id, answer).success(
                lambda _c: self.reload_editor()).run()

    def erase_resident(self) -> None:
        """Ask plainly, then erase the resident's name and contact for good."""
        if not self.current_id:
            return
        if ask_yes_no(self, _("Naam en contact wissen"), _(
                "Wilt u de naam en het contact van de bewoner wissen? De woorden blijven "
                "staan, zonder naam. Dit kunt u niet ongedaan maken."), _("Ja, wissen")):
            self.saver.forget()
            erase_resident(self, self.current_id).success(lambda _c: self.reload_editor()).run()

    # -- hooks -------------------------------------------------------------------------------
    def manager(self) -> Any:
        return self.ws.signals

    def records(self) -> list[SignalRecord]:
        self._statuses = self.ws.signals.statuses()
        self._forgotten = {s.id for s in self.ws.signals.forgotten()}
        signals = self.ws.signals.all()
        if self.show_all.isChecked():
            return signals
        since = f"{today().year - 1}-01-01"
        return [s for s in signals if s.heard_on >= since or s.id == self.current_id
                or s.id in self._forgotten]

    def row(self, record: SignalRecord) -> Row:
        return signal_row(record, self._statuses.get(record.id, "new"), record.id in self._forgotten)

    def count_text(self, count: int, late: int) -> str:
        return ngettext("{n} signaal, waarvan {late} wacht op opvolging.",
                        "{n} signalen, waarvan {late} wachten op opvolging.", count
                        ).format(n=count, late=late)

    def fill_choices(self) -> None:
        """Refill buurten, board members, themes and groups from the database."""
        self._areas = {a.id: a.name for a in self.ws.areas.all()}
        refill_combo(self.area, _("Hele wijk"), list(self._areas.items()))
        members = self.ws.contacts.board_members() or self.ws.contacts.all()
        self.heard_by.set_people([(p.id, p.name) for p in members])
        self.theme_checks.set_labels(self.ws.signals.themes())
        self.group_checks.set_labels(self.ws.signals.groups())

    def load(self, record: SignalRecord | None) -> None:
        self.followup_list.clear()
        if record is None:
            for edit in (self.words, self.subject, self.place, self.resident_name,
                         self.resident_contact, self.outcome):
                set_text(edit, "")
            self.heard_on.set_value(today() if self.creating else None)
            self.heard_by.set_selection(None, "")
            self.area.setCurrentIndex(0)
            self.theme_checks.set_checked([])
            self.group_checks.set_checked([])
            self.quotable.setChecked(True)
            self.consent.setChecked(False)
            self.outcome_line.setText("")
            self._consent_fields()
            for widget in self.followup_buttons:
                widget.setEnabled(self.creating)
            return
        set_text(self.words, record.words)
        set_text(self.subject, record.subject)
        set_text(self.place, record.place)
        set_text(self.resident_name, record.resident_name)
        set_text(self.resident_contact, record.resident_contact)
        set_text(self.outcome, record.outcome)
        self.heard_on.set_value(record.heard_on)
        self.heard_by.set_selection(record.heard_by_id, record.heard_by_name)
        select_data(self.area, record.area_id)
        self.theme_checks.set_checked(record.theme_list)
        self.group_checks.set_checked(record.group_list)
        self.quotable.setChecked(bool(record.quotable))
        self.consent.setChecked(bool(record.consent))
        from ..labels import date_text

        self.outcome_line.setText(_("Vastgelegd op {date}. Dit komt in \"U zei, wij deden\".").format(
            date=date_text(record.outcome_on)) if record.outcome_on else "")
        for view in self.ws.signals.followups(record.id):
            item = QListWidgetItem(followup_line(view), self.followup_list)
            item.setData(Qt.ItemDataRole.UserRole, view.followup.id)
        if not self.followup_list.count():
            self.followup_list.addItem(_("Nog niet doorgegeven."))
        self._consent_fields()
        for widget in self.followup_buttons:
            widget.setEnabled(True)
        self.answer_button.setEnabled(self.followup_list.count() > 0
                                      and bool(self.followup_list.item(0).data(Qt.ItemDataRole.UserRole)))

    def _consent_fields(self) -> None:
        on = self.consent.isChecked()
        has = bool(self.resident_name.text().strip() or self.resident_contact.text().strip())
        active = self.current_id is not None or self.creating
        for widget in (self.resident_name, self.resident_contact):
            widget.setEnabled(active and (on or bool(widget.text().strip())))
        self.erase_button.setVisible(bool(self.current_id) and has)

    def problem(self) -> str | None:
        return words_problem(self.words.toPlainText()) or consent_problem(
            self.consent.isChecked(), self.resident_name.text(), self.resident_contact.text())

    def values(self) -> dict[str, Any]:
        """The editor's fields as core keyword arguments."""
        person_id, name = self.heard_by.selection()
        return {
            "words": self.words.toPlainText(), "subject": self.subject.text(),
            "heard_on": self.heard_on.value() or today(), "place": self.place.text(),
            "heard_by_id": person_id, "heard_by_name": name, "area_id": self.area.currentData(),
            "themes": self.theme_checks.checked(), "groups": self.group_checks.checked(),
            "quotable": self.quotable.isChecked(), "consent": self.consent.isChecked(),
            "resident_name": self.resident_name.text(),
            "resident_contact": self.resident_contact.text(),
            "outcome": self.outcome.toPlainText(),
        }

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        return save_signal(self, record_id, values)

    def delete_op(self, record_id: str) -> CoreOp:
        return delete_signal(self, record_id)


#: What the register and Tellen en vertellen show (see ui.live.Follow).
WATCH = {SIGNALS: ANY, SIGNAL_FOLLOWUPS: ANY, REQUESTS: ANY, PEOPLE: ANY, AREAS: ANY,
         BOARDS: ANY, ORGANISATIONS: ANY}


class SignalsView(QWidget):
    """Stem van de wijk: the register and Tellen en vertellen."""

    nav_title = N_("Stem van de wijk")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_(self.nav_title), self))
        intro = QHBoxLayout()  # the explanation with the board's own words beside it
        intro.addWidget(hint(_(
            "Wat bewoners zeggen, in hun eigen woorden. Zonder naam, tenzij de bewoner "
            "toestemming gaf. Geef het door en schrijf op wat ermee gebeurde."), self), 1)
        layout.addLayout(intro)
        self.lists_button = button(_("Thema's en &groepen…"), self.edit_lists,
                                   tip=_("De eigen woorden van het wijkplatform"), parent=self)
        intro.addWidget(self.lists_button, 0, Qt.AlignmentFlag.AlignTop)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Register of tellen en vertellen"))
        self.register = SignalsPanel(ws, tab_pages(self.tabs))
        # The second tab is made when first needed (ui.warmup), not with the view.
        self.overview_page = LazyPage(self._make_overview, tab_pages(self.tabs))
        self.tabs.addTab(self.register, _("Signalen en verhalen"))
        self.tabs.addTab(self.overview_page, _("Tellen en vertellen"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout.addWidget(self.tabs, 1)
        self._choices_fresh = True  # the register filled them as it was made
        # Filled as it is first shown; the register lists its own edits (rows only).
        self.live = Follow(self, bus, "signals", self.refresh, WATCH, own_edits=True)
        self.live.start()

    def edit_lists(self) -> None:
        """The board's themes, groups and follow-up weeks."""
        from .voice_lists import VoiceListsDialog

        VoiceListsDialog(self.ws, self).exec()

    def _make_overview(self, page: QWidget) -> QWidget:
        from .voice_overview import VoiceOverview

        overview = VoiceOverview(self.ws, page)
        overview.refresh_later()  # counted as it is first shown
        return overview

    @property
    def overview(self) -> Any:
        """Tellen en vertellen (made on first use)."""
        return self.overview_page.content

    def warm_steps(self) -> list[Callable[[], object]]:
        """The second tab is made in a later pause (see ui.warmup)."""
        return [lambda: self.overview]

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.overview_page:
            self.overview.catch_up()

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload what the changes touch; the hidden tab catches up when shown."""
        fresh, self._choices_fresh = self._choices_fresh, False
        if changes is None and fresh:
            pass  # the first fill: the register read its choices a moment ago
        elif changes is None or changes.touches(PEOPLE, AREAS, BOARDS):
            self.register.fill_choices()
        kinds = (SIGNAL_FOLLOWUPS, REQUESTS, PEOPLE, AREAS, BOARDS)
        built = self.overview_page.built  # else it counts everything as it is made
        if self.tabs.currentWidget() is self.register:
            self.register.refresh(changes, kinds)
            if built:
                self.overview.refresh_later(changes)
        else:
            self.register.refresh_later(changes, kinds)
            if built:
                self.overview.refresh(changes)

    def open_record(self, kind: str, record_id: str) -> None:
        """Open a signal from a search hit or the Stand van zaken."""
        if kind == SIGNALS:
            self.tabs.setCurrentWidget(self.register)
            self.register.show_record(record_id)


__all__ = ["LabelChecks", "SignalsPanel", "SignalsView", "add_row"]
