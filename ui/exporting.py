"""Bestand → Exporteren (and, re-exported for the main window, Jaarverslag maken).

:func:`open_export_dialog` shows one clear dialog: 1. what to make (every entry of
``wijkapp.export.FORMATS``, grouped "voor / na de vergadering"), 2. for which meeting or
year, 3. where (the remembered export folder), and the big buttons of
:class:`~ui.export_buttons.ExportButtons` ("PDF maken", "Afdrukken", "Mailen als bijlage").

:func:`make_year_report` lives in :mod:`ui.year_report_dialog`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from wijkapp import export as export_module
from wijkapp.export import FORMATS
from wijkapp.export.csv_export import CSV_KINDS
from wijkapp.i18n import N_, _
from wijkapp.workspace import Workspace

from .export_buttons import (
    ExportButtons,
    ExportRequest,
    FolderChooser,
    GrowingDialog,
    alive,
    heading_label,
)
from .labels import date_label
from .screen_fit import room_on
from .style import set_role
from .year_report_dialog import make_year_report

__all__ = ["ExportButtons", "ExportDialog", "make_year_report", "open_export_dialog"]

#: Formats about one meeting (the core's own list when it has one, plus ours).
MEETING_FORMATS = frozenset({"agenda", "minutes", "summary", "docx"}) | frozenset(
    getattr(export_module, "_NEEDS_MEETING", ())
)
YEAR_FORMATS = frozenset({"decisions", "actions", "csv", "xlsx"})
GROUPS = (
    (N_("Voor de vergadering"), ("agenda", "ics", "presentielijst")),
    (N_("Na de vergadering"), ("minutes", "summary", "docx", "decisions", "actions")),
)
OTHER_GROUP = N_("Adressen en lijsten")
ALL_UPCOMING = "__upcoming__"


def format_groups(formats: dict[str, str]) -> list[tuple[str, list[str]]]:
    """The dialog's groups of formats; formats we do not know yet land in the last group."""
    placed: set[str] = set()
    groups = []
    for title, keys in GROUPS:
        present = [key for key in keys if key in formats]
        placed.update(present)
        groups.append((_(title), present))
    groups.append((_(OTHER_GROUP), [key for key in formats if key not in placed]))
    return [(title, keys) for title, keys in groups if keys]


def meeting_choice_label(starts_at: str, title: str) -> str:
    """``dinsdag 8 december 2026`` plus the title when it is not the usual one."""
    day = date_label(starts_at[:10])
    usual = ("", "Vergadering wijkplatform", _("Vergadering wijkplatform"))
    return day if title.strip() in usual else f"{day} – {title.strip()}"


def default_meeting(ws: Workspace, fmt: str) -> str | None:
    """The meeting an export is most likely about: the next one for an agenda or
    invitation, else the most recent one."""
    if fmt in ("agenda", "ics"):
        upcoming = ws.meetings.upcoming()
        if upcoming:
            return upcoming[0].id
    latest = ws.meetings.latest()
    return latest.id if latest else None


def meeting_in_view(parent: QWidget | None) -> str | None:
    """The meeting the main window shows or has selected (``None`` when there is none)."""
    views = getattr(parent, "views", None)
    meetings = views.get("meetings") if isinstance(views, dict) else None
    if meetings is None:
        return None
    page = getattr(getattr(meetings, "pages", None), "currentIndex", lambda: 0)()
    for index, name in ((1, "editor"), (2, "minutes")):
        if page == index:
            return getattr(getattr(meetings, name, None), "meeting_id", None)
    selected = getattr(meetings, "selected_meeting_id", None)
    return selected() if callable(selected) else None



class ExportDialog(GrowingDialog):
    """Choose what, for which meeting or year, and where; then one big button."""

    def __init__(self, ws: Workspace, fmt: str | None = None, meeting_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(_("Exporteren — Wijkapp"))
        self._chosen_meeting = meeting_id
        self.radios: dict[str, QRadioButton] = {}
        self.kinds = QButtonGroup(self)
        what_box = QGroupBox(_("1. Wat wilt u maken?"))
        what_layout = QVBoxLayout(what_box)
        for number, (title, keys) in enumerate(format_groups(FORMATS)):
            if number:
                what_layout.addSpacing(self.fontMetrics().lineSpacing() // 2)
            what_layout.addWidget(heading_label(title, "subheading"))
            for key in keys:
                radio = QRadioButton(_(FORMATS[key]))
                radio.setAccessibleName(_(FORMATS[key]))
                radio.setProperty("fmt", key)
                self.kinds.addButton(radio)
                self.radios[key] = radio
                what_layout.addWidget(radio)
        what_layout.addStretch(1)

        self.scope_box = QGroupBox(_("2. Van welke vergadering?"))
        scope = QVBoxLayout(self.scope_box)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName(_("Vergadering"))
        self.meeting_combo.activated.connect(lambda _i: self._meeting_chosen())
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(_("Over welk jaar"))
        self.year_label = QLabel(_("Over welk jaar?"))
        self.year_label.setBuddy(self.year_combo)
        self.csv_label = QLabel(_("Welke lijst?"))
        self.csv_combo = QComboBox()
        self.csv_combo.setAccessibleName(_("Welke lijst als CSV"))
        self.csv_label.setBuddy(self.csv_combo)
        for key, words in CSV_KINDS.items():
            self.csv_combo.addItem(_(words).capitalize(), key)
        select = self.csv_combo.findData("actions")
        self.csv_combo.setCurrentIndex(max(select, 0))
        self.scope_note = QLabel()
        self.scope_note.setWordWrap(True)
        set_role(self.scope_note, "hint")
        for widget in (self.meeting_combo, self.csv_label, self.csv_combo, self.year_label,
                       self.year_combo, self.scope_note):
            scope.addWidget(widget)
        self._fill_meetings()
        self._fill_years()

        where_box = QGroupBox(_("3. Waar bewaren?"))
        where = QVBoxLayout(where_box)
        self.folder = FolderChooser()
        where.addWidget(self.folder)

        right = QVBoxLayout()
        right.addWidget(self.scope_box)
        right.addWidget(where_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(what_box, 3)
        columns.addLayout(right, 2)

        make_box = QGroupBox(_("4. Maken"))
        make_box.setProperty("finishing", True)  # stays in sight when the rest scrolls
        make = QVBoxLayout(make_box)
        self.buttons = ExportButtons(ws, "agenda")
        make.addWidget(heading_label(
            _("Afdrukken opent het bestand in uw PDF-programma; kies daar Afdrukken. "
              "Zo werkt het op elke computer."), "hint"))
        make.addWidget(self.buttons)

        self.close_button = QPushButton(_("Sluiten"))
        self.close_button.setAccessibleName(_("Venster sluiten"))
        self.close_button.clicked.connect(lambda _c=False: self.close())
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never clip a button
        layout.addWidget(heading_label(_("Een bestand maken")))
        layout.addWidget(heading_label(_("Kies wat u wilt maken. Klik daarna op een van de "
                                    "grote knoppen onderaan."), "hint"))
        layout.addLayout(columns, 1)
        layout.addWidget(make_box)
        layout.addLayout(bottom)

        for widget in (self.year_combo, self.csv_combo, self.meeting_combo):
            widget.currentIndexChanged.connect(lambda _i: self._update_request())
        self.kinds.buttonToggled.connect(lambda _b, on: self._format_changed() if on else None)
        self.set_format(fmt if fmt in FORMATS else next(iter(FORMATS)))
        self._stack_when_too_wide(columns)

    def _stack_when_too_wide(self, columns: QHBoxLayout) -> None:
        """At large text the choices go one under the other instead of side by side, so
        the dialog scrolls down (ui.screen_fit) but never sideways."""
        screen = self.screen()
        if screen is None:
            return
        self.ensurePolished()
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        wide = columns.minimumSize().width() + margins.left() + margins.right() + bar + 8
        if wide > room_on(screen.availableGeometry()).width():
            columns.setDirection(QBoxLayout.Direction.TopToBottom)

    # -- choices ---------------------------------------------------------------------------
    def _fill_meetings(self) -> None:
        meetings = sorted(self.ws.meetings.all(), key=lambda m: m.starts_at, reverse=True)
        today = dt.date.today().isoformat()
        for meeting in meetings:
            text = meeting_choice_label(meeting.starts_at, meeting.title)
            if meeting.status == "planned" and meeting.starts_at[:10] >= today:
                text += " " + _("(komt nog)")
            self.meeting_combo.addItem(text, meeting.id)

    def _fill_years(self) -> None:
        this_year = dt.date.today().year
        years = {this_year} | {int(m.starts_at[:4]) for m in self.ws.meetings.all()}
        self.year_combo.addItem(_("Alle jaren"), None)
        for year in sorted(years, reverse=True):
            self.year_combo.addItem(str(year), year)

    def format(self) -> str:
        """The chosen format key."""
        checked = self.kinds.checkedButton()
        return str(checked.property("fmt")) if checked else next(iter(FORMATS))

    def set_format(self, fmt: str) -> None:
        """Choose a format (as if its radio button was clicked)."""
        radio = self.radios.get(fmt)
        if radio is not None:
            radio.setChecked(True)
            self._format_changed()

    def set_meeting(self, meeting_id: str | None) -> None:
        """Choose a meeting (``None``: all upcoming, for the agenda file)."""
        self._chosen_meeting = meeting_id
        self._select_meeting(meeting_id)

    def set_year(self, year: int | None) -> None:
        """Choose a year (``None``: all years)."""
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))

    def set_csv_kind(self, kind: str) -> None:
        """Choose which list goes into the CSV file."""
        self.csv_combo.setCurrentIndex(max(self.csv_combo.findData(kind), 0))

    def _meeting_chosen(self) -> None:
        data = self.meeting_combo.currentData()
        self._chosen_meeting = None if data == ALL_UPCOMING else data

    def _select_meeting(self, meeting_id: str | None) -> None:
        index = self.meeting_combo.findData(meeting_id or ALL_UPCOMING)
        if index >= 0:
            self.meeting_combo.setCurrentIndex(index)

    def _format_changed(self) -> None:
        fmt = self.format()
        needs_meeting = fmt in MEETING_FORMATS or fmt == "ics"
        has_upcoming = self.meeting_combo.findData(ALL_UPCOMING) >= 0
        if fmt == "ics" and not has_upcoming:
            self.meeting_combo.insertItem(0, _("Alle komende vergaderingen"), ALL_UPCOMING)
        elif fmt != "ics" and has_upcoming:
            self.meeting_combo.removeItem(self.meeting_combo.findData(ALL_UPCOMING))
        if needs_meeting:
            self._select_meeting(self._chosen_meeting or default_meeting(self.ws, fmt))
        self.meeting_combo.setVisible(needs_meeting)
        self.year_combo.setVisible(fmt in YEAR_FORMATS)
        self.year_label.setVisible(fmt in ("csv", "xlsx"))
        self.csv_label.setVisible(fmt == "csv")
        self.csv_combo.setVisible(fmt == "csv")
        if needs_meeting:
            self.scope_box.setTitle(_("2. Van welke vergadering?"))
            empty = self.meeting_combo.count() == 0
            self.scope_note.setText(_("Er zijn nog geen vergaderingen.") if empty else "")
        elif fmt in YEAR_FORMATS:
            self.scope_box.setTitle(_("2. Welke lijst?") if fmt == "csv" else _("2. Over welk jaar?"))
            self.scope_note.setText(_("Bij ‘Alle jaren’ komt alles erin, ook van vroeger."))
        else:
            self.scope_box.setTitle(_("2. Wat komt erin?"))
            self.scope_note.setText(_("Alle contacten uit Wijkapp.") if fmt == "vcard" else "")
        self.scope_note.setVisible(bool(self.scope_note.text()))
        self._update_request()

    def request(self) -> ExportRequest:
        """What "PDF maken" would export now."""
        fmt = self.format()
        meeting = self.meeting_combo.currentData()
        needs_meeting = fmt in MEETING_FORMATS or fmt == "ics"
        return ExportRequest(
            fmt,
            meeting_id=meeting if needs_meeting and meeting != ALL_UPCOMING else None,
            year=self.year_combo.currentData() if fmt in YEAR_FORMATS else None,
            csv_kind=self.csv_combo.currentData() or "actions",
        )

    def _update_request(self) -> None:
        self.buttons.set_request(self.request())


def open_export_dialog(parent: QWidget | None, ws: Workspace, fmt: str | None = None,
                       meeting_id: str | None = None) -> ExportDialog:
    """Show the export dialog (not blocking) and return it.

    ``fmt`` preselects a format; ``meeting_id`` a meeting (default: the one the main
    window shows or has selected, else the next meeting for an agenda and the latest
    for everything else). A dialog already open for ``parent`` is reused.
    """
    meeting_id = meeting_id or meeting_in_view(parent)
    dialog = getattr(parent, "_export_dialog", None)
    if isinstance(dialog, ExportDialog) and alive(dialog) and dialog.ws is ws:
        if meeting_id:
            dialog.set_meeting(meeting_id)
        if fmt:
            dialog.set_format(fmt)
    else:
        dialog = ExportDialog(ws, fmt, meeting_id, parent)
        if parent is not None:
            parent._export_dialog = dialog  # type: ignore[attr-defined]
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
