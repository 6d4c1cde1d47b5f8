"""The Vergaderingen view: the list (upcoming first, then held), the editor and minutes mode.

One stacked widget holds three pages so the secretary never juggles windows:
list → "Openen" → editor → "Notuleren" → minutes → "Vergadering sluiten" → list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import MEETINGS, Changes
from wijkapp.errors import NotFoundError
from wijkapp.i18n import N_, _
from wijkapp.meetings import Meeting
from wijkapp.timeutil import TZ, now
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import meeting_row_label
from ..live import Follow
from ..operations import meetings as meeting_ops
from .meeting_editor import MeetingEditor
from .meeting_widgets import CurrentPageStack, button, label
from .minutes import MinutesView

#: What the list shows of a meeting (agenda items, decisions and so on are not in it).
LIST_WATCH = {MEETINGS: ("title", "starts_at", "place", "status")}
LIST_PAGE, EDITOR_PAGE, MINUTES_PAGE = 0, 1, 2
#: Rows of the meetings list laid out per pause of the event loop (more than a screenful).
BATCH_ROWS = 40


def suggest_next_meeting(last: dt.datetime | None, current: dt.datetime) -> dt.datetime:
    """Four weeks after the last meeting (same weekday and time), but after today.

    Without an earlier meeting: four weeks from today at 19:30.
    """
    if last is None:
        day = current.date() + dt.timedelta(weeks=4)
        return dt.datetime(day.year, day.month, day.day, 19, 30, tzinfo=TZ)
    candidate = last.astimezone(TZ) + dt.timedelta(weeks=4)
    while candidate.date() <= current.date():
        candidate += dt.timedelta(weeks=1)
    return candidate


def list_sections(upcoming: list[Meeting], past: list[Meeting]) -> list[tuple[str, list[Meeting]]]:
    """The list's sections in order, with their Dutch headings (empty sections dropped)."""
    sections = [(_("Komende vergaderingen"), upcoming), (_("Eerdere vergaderingen"), past)]
    return [(title, meetings) for title, meetings in sections if meetings]


class MeetingsView(QWidget):
    """Vergaderingen: plan, prepare and minute meetings."""

    nav_title = N_("Vergaderingen")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bus = bus
        self.pages = CurrentPageStack()
        self.list_page = self._build_list()
        self.pages.addWidget(self.list_page)
        # The editor and minutes mode are made when first needed (or in a pause after the
        # start, see warm_steps): together they took 100 ms, before the list could show.
        self._editor: MeetingEditor | None = None
        self._minutes: MinutesView | None = None
        self.pages.addWidget(QWidget())  # EDITOR_PAGE until the editor is made
        self.pages.addWidget(QWidget())  # MINUTES_PAGE until minutes mode is made
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        # The list follows meetings only while its page is shown; the editor and minutes
        # mode follow the data themselves.
        self.live = Follow(self.list_page, bus, "meetings", self.refresh, LIST_WATCH,
                           own_edits=True)
        self.live.start()

    @property
    def editor(self) -> MeetingEditor:
        """The meeting editor (made on first use)."""
        if self._editor is None:
            editor = self._editor = MeetingEditor(self.ws, self.bus, self.pages, side_later=True)
            editor.back_requested.connect(self.show_list)
            editor.minutes_requested.connect(self.start_minutes)
            self._put_page(EDITOR_PAGE, editor)
        return self._editor

    @property
    def minutes(self) -> MinutesView:
        """Minutes mode (made on first use)."""
        if self._minutes is None:
            minutes = self._minutes = MinutesView(self.ws, self.bus, self.pages)
            minutes.back_requested.connect(self._back_from_minutes)
            minutes.meeting_closed.connect(lambda _mid: self.show_list())
            self._put_page(MINUTES_PAGE, minutes)
        return self._minutes

    def _put_page(self, index: int, page: QWidget) -> None:
        stand_in = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if stand_in is not None:
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()

    def warm_steps(self) -> list[Callable[[], object]]:
        """What :class:`ui.warmup.ViewWarmer` may make in later pauses, one step each."""
        return [lambda: self.editor, lambda: self.minutes]

    def _build_list(self) -> QWidget:
        page = QWidget()
        self.new_button = button(
            _("Nieuwe vergadering"),
            self.new_meeting,
            role="big",
            tip=_("Maakt een vergadering met de vaste agenda; daarna kunt u alles aanpassen."),
        )
        top = QHBoxLayout()
        top.addWidget(label(_("Vergaderingen"), "heading"), 1)
        top.addWidget(self.new_button)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Lijst met vergaderingen"))
        self.list.setWordWrap(True)
        # Twenty years of wrapped rows are laid out a screenful at a time, in the event
        # loop's pauses, not all at once as the list first shows.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(BATCH_ROWS)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.open_button = button(_("Openen"), self.open_selected, role="primary")
        self.notulen_button = button(_("Notuleren"), self._minute_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(
            label(_("Kies een vergadering en klik op Openen, of dubbelklik erop."), "hint"), 1
        )
        bottom.addWidget(self.notulen_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        return page

    # -- list -------------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Reload the list (called by :attr:`live` for changes to meetings it shows)."""
        self._load_list()

    def _load_list(self) -> None:
        keep = self.selected_meeting_id()
        rows = self._list_rows()
        if [self.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.list.count())] == [row[1] for row in rows]:
            # The same meetings in the same order (an edit of a title, a place, a status):
            # the rows change in place; the list keeps its scroll place and selection.
            for row, (text, _id, _title) in enumerate(rows):
                item = self.list.item(row)
                if item.text() != text:
                    item.setText(text)
            return
        self.list.clear()
        for text, meeting_id, title in rows:
            entry = QListWidgetItem(text)
            if meeting_id is None:  # a section title, or the line for an empty board
                entry.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                entry.setData(Qt.ItemDataRole.UserRole, meeting_id)
            if title:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.list.addItem(entry)
        if keep:
            self.select_meeting(keep)
        else:
            self._select_first()

    def _list_rows(self) -> list[tuple[str, str | None, bool]]:
        """(text, meeting id or ``None``, is a section title) per row of the list."""
        if not self.ws.has_board:
            return []
        rows: list[tuple[str, str | None, bool]] = []
        sections = list_sections(self.ws.meetings.upcoming(), self.ws.meetings.past())
        for title, meetings in sections:
            rows.append((title, None, True))
            rows += [(meeting_row_label(meeting.title, meeting.starts_at, meeting.place,
                                        meeting.status), meeting.id, False)
                     for meeting in meetings]
        return rows or [(_("Nog geen vergaderingen. Klik op ‘Nieuwe vergadering’."), None, False)]

    def _select_first(self) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole):
                self._select_row(row)
                return

    def select_meeting(self, meeting_id: str) -> None:
        """Select a meeting in the list."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == meeting_id:
                self._select_row(row)
                return

    def _select_row(self, row: int) -> None:
        """Select (and scroll to) ``row``. The list lays out its rows a batch at a time,
        and Qt scrolls only to a row it has laid out: a row beyond the first batch gets
        the whole list laid out at once, as before batches."""
        mode = (QListView.LayoutMode.Batched if row < BATCH_ROWS
                else QListView.LayoutMode.SinglePass)
        if self.list.layoutMode() != mode:
            self.list.setLayoutMode(mode)
        self.list.setCurrentRow(row)

    def selected_meeting_id(self) -> str | None:
        """The id of the selected meeting in the list."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # -- navigation -----------------------------------------------------------------------
    def show_list(self) -> None:
        """Back to the list."""
        self._flush_pages()
        self.pages.setCurrentIndex(LIST_PAGE)  # the list catches up on changes as it shows
        self.list.setFocus()

    def open_meeting(self, meeting_id: str, select_item: str | None = None) -> None:
        """Show the editor of a meeting."""
        if self._minutes is not None:
            self._minutes.flush()
        self.editor.load(meeting_id, select_item)
        self.pages.setCurrentIndex(EDITOR_PAGE)
        self.editor.title_edit.setFocus()

    def open_selected(self) -> None:
        """Open the meeting selected in the list."""
        meeting_id = self.selected_meeting_id()
        if meeting_id:
            self.open_meeting(meeting_id)

    def _minute_selected(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id:
            self.start_minutes(meeting_id)

    def start_minutes(self, meeting_id: str, select_item: str | None = None) -> None:
        """Switch to minutes mode for a meeting."""
        if self._editor is not None:
            self._editor.flush()
        self.minutes.load(meeting_id, select_item)
        self.pages.setCurrentIndex(MINUTES_PAGE)
        self.minutes.steps.setFocus()

    def _back_from_minutes(self) -> None:
        if self.minutes.meeting_id:
            self.open_meeting(self.minutes.meeting_id)
        else:
            self.show_list()

    def new_meeting(self) -> None:
        """Plan the next meeting from the template and open it in the editor."""
        latest = self.ws.meetings.latest()
        starts = suggest_next_meeting(latest.start if latest else None, now())
        place = latest.place if latest else ""
        meeting_ops.create_meeting(self, starts, place=place).success(
            lambda changes: self.open_meeting(changes.id) if changes.id else None
        ).run()

    def flush(self) -> None:
        """Save anything typed but not yet saved (called before the window closes)."""
        self._flush_pages()
        if self._minutes is not None:
            self._minutes.room.flush()  # the chair's clock

    def _flush_pages(self) -> None:
        for page in (self._editor, self._minutes):
            if page is not None:
                page.flush()

    # -- the view contract ---------------------------------------------------------------------
    def open_record(self, kind: str, record_id: str) -> None:
        """Open a meeting, or the meeting of an agenda item or decision with it selected."""
        try:
            if kind == "meetings":
                self.open_meeting(self.ws.meetings.get(record_id).id)
            elif kind == "agenda_items":
                item = self.ws.agenda.get(record_id)
                self.open_meeting(item.meeting_id, select_item=item.id)
            elif kind == "decisions":
                decision = self.ws.decisions.get(record_id)
                self.open_meeting(decision.meeting_id, select_item=decision.agenda_item_id)
        except NotFoundError:
            self.show_list()

    def current_page(self) -> int:
        """``LIST_PAGE``, ``EDITOR_PAGE`` or ``MINUTES_PAGE``."""
        return self.pages.currentIndex()
