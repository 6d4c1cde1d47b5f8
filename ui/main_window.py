"""The main window: navigation on the left, one view at a time, menus, status bar.

Views are imported by name and built the first time they are shown, so start-up stays
fast; a view that fails to import fails loudly (no placeholder hides a broken build).
Every view follows one contract: ``XView(ws, bus, parent)``, ``nav_title``,
``refresh(changes)`` and ``open_record(kind, record_id)``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import BOARDS, Changes
from wijkapp.i18n import LANGUAGES, N_, _
from wijkapp.workspace import Workspace

from . import one_paint, preferences, safety
from .autosave import AutoSaver, flush_all_editors
from .bus import ChangeBus
from .labels import redo_text, undo_text, window_title
from .operations.base import CoreOp, wait_for_workers
from .preferences import TEXT_SIZES, Preferences
from .style import apply_style, set_role
from .views.meeting_widgets import CurrentPageStack
from .warmup import ViewWarmer, run_in_turns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ViewSpec:
    """One entry of the navigation: key, fallback title, module and class."""

    key: str
    title: str
    module: str
    cls: str


VIEWS = (
    ViewSpec("meetings", N_("Vergaderingen"), "ui.views.meetings", "MeetingsView"),
    ViewSpec("actions", N_("Actiepunten"), "ui.views.actions", "ActionsView"),
    ViewSpec("requests", N_("Verzoeken aan de gemeente"), "ui.views.requests", "RequestsView"),
    ViewSpec("contacts", N_("Contacten"), "ui.views.contacts", "ContactsView"),
    ViewSpec("goals", N_("Buurtagenda"), "ui.views.goals", "GoalsView"),
    ViewSpec("signals", N_("Stem van de wijk"), "ui.views.signals", "SignalsView"),
    ViewSpec("dashboard", N_("Stand van zaken"), "ui.views.dashboard", "DashboardView"),
    ViewSpec("search", N_("Zoeken"), "ui.views.search", "SearchView"),
)

#: Which view opens a search hit of each kind (table name).
ROUTES = {
    "meetings": "meetings",
    "agenda_items": "meetings",
    "decisions": "meetings",
    "actions": "actions",
    "requests": "requests",
    "documents": "requests",
    "people": "contacts",
    "organisations": "contacts",
    "goals": "goals",
    "signals": "signals",
}


def nav_width(nav: QListWidget) -> int:
    """The navigation's width in pixels for its current font: narrow enough for a laptop.

    A title longer than about 16 average characters ("Verzoeken aan de gemeente") wraps
    onto a second line instead of widening the whole window; no single word is ever cut.
    Includes the item padding and the focus frame from the stylesheet.
    """
    metrics = nav.fontMetrics()
    titles = [nav.item(row).text() for row in range(nav.count())]
    widest_word = max((metrics.horizontalAdvance(word) for t in titles for word in t.split()),
                      default=0)
    widest_title = max((metrics.horizontalAdvance(t) for t in titles), default=0)
    text = min(widest_title, max(widest_word, metrics.averageCharWidth() * 16))
    return text + 2 * metrics.averageCharWidth() + 24


def initial_size(available: QSize) -> QSize:
    """The window's first size: 1280 × 800, on a laptop screen its whole width (less a
    frame's 16 px), and never more than the screen offers."""
    width = available.width() - 16 if available.width() <= 1440 else 1280
    return QSize(width, min(800, available.height()))


class ReminderBar(QFrame):
    """A dismissible note above the page: what needs attention, and a button to see it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._target: str | None = None
        set_role(self, "reminder")
        self.setAccessibleName(_("Herinnering"))
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.go = QPushButton(_("Bekijken"))
        self.go.setAccessibleName(_("Herinnering bekijken"))
        self.go.clicked.connect(self._go)
        close = QPushButton(_("Sluiten"))
        close.setAccessibleName(_("Herinnering sluiten"))
        close.clicked.connect(self.hide)
        row.addWidget(self.text, 1)
        row.addWidget(self.go)
        row.addWidget(close)
        self.setStyleSheet(
            "QFrame { background: #fff4d6; border: 1px solid #e0b44c; border-radius: 6px; }"
            " QLabel { border: none; font-weight: bold; }"
        )
        self.hide()

    def show_text(self, text: str, view_key: str | None) -> None:
        """Show ``text``; "Bekijken" opens ``view_key`` (hidden when there is none)."""
        self.text.setText(text)
        self._target = view_key
        self.go.setVisible(view_key is not None)
        self.show()

    def _go(self) -> None:
        if self._target:
            self._window.show_view(self._target)
        self.hide()


class _Views(dict[str, QWidget]):
    """The built views by key; asking for one not built yet builds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __missing__(self, key: str) -> QWidget:
        return self._window.view(key)


class FirstPaint(QObject):
    """Calls ``then()`` just after ``window`` (or a widget in it) first paints; or after
    ``FALLBACK_MS`` when it never does (a window started hidden)."""

    FALLBACK_MS = 1500

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (not self._done and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self._window):
            self._done = True
            QTimer.singleShot(0, self, self._fire)  # after this paint has finished
        return False

    def _fire(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._done = True
        self._then()


class MainWindow(QMainWindow):
    """The app window over one open workspace."""

    view_specs = VIEWS  #: the navigation's screens (ui.language_switch must not import us)

    def fit_nav_width(self) -> None:
        """The navigation as wide as its words need (after a change of language)."""
        self.nav.setFixedWidth(nav_width(self.nav))

    def __init__(
        self,
        ws: Workspace,
        bus: ChangeBus,
        prefs: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bus = bus
        self.prefs = prefs or Preferences()
        self.views: dict[str, QWidget] = _Views(self)
        self.nav = QListWidget()
        set_role(self.nav, "nav")
        self.nav.setAccessibleName(_("Onderdelen van Wijkapp"))
        self.stack = CurrentPageStack()
        self._page_of: dict[str, QWidget] = {}
        self._scroll_of: dict[str, QScrollArea] = {}
        for spec in VIEWS:
            entry = QListWidgetItem(_(spec.title))
            entry.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(entry)
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            # At very large text sizes a page may need more room than a laptop screen has:
            # then it scrolls, instead of pushing the window past the screen's edge.
            page = QScrollArea()
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the page, not onto it
            one_paint.scroll_body(page, holder)
            self.stack.addWidget(page)
            self._page_of[spec.key] = holder
            self._scroll_of[spec.key] = page
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFixedWidth(nav_width(self.nav))
        self.nav.currentRowChanged.connect(self._nav_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        self.reminder = ReminderBar(self)
        right.addWidget(self.reminder)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        one_paint.install(self)  # a switch of screen lays out fully, then paints once
        self._build_menus()
        self.statusBar().showMessage(_("Welkom. Alles wat u typt, wordt meteen bewaard."))
        bus.changed.connect(self._on_changed)
        self.update_title()
        self.update_undo_actions()
        self.resize(initial_size(self.screen().availableGeometry().size()))
        # The window shows first; its first view, the start-up backup and reminders follow
        # after the first paint (see after_first_paint), so it appears at once.
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(0)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self._scroll_of[VIEWS[0].key])
        self._painted = False
        self._closed = False
        self._after_paint: list[Callable[[], None]] = [self._build_current_view]
        self._paint_watch = FirstPaint(self, self._first_paint_done)
        # Automatic backups: at start (when changed), every 30 minutes of editing, on close.
        self.backups = safety.BackupScheduler(ws, self)
        self.after_first_paint(self.backups.start)
        # The views not opened yet are built in the pauses after the first paint, one at a
        # time, so opening one later does not freeze the window (ui/warmup.py).
        self.warmer = ViewWarmer(self, [spec.key for spec in VIEWS], self.view,
                                 lambda key: key in self.views, lambda: not self._closed)
        self.after_first_paint(self.warmer.start)
        # Sharing with the board's other laptops: its status bar and background sync come
        # after the first paint (importing the sync engine alone took ≈ 100 ms of start-up).
        self.sharing: Any = None  # a ui.sharing.SyncController once installed
        self.after_first_paint(self._install_sharing)

    # -- start-up ---------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        """True once the window painted and its start-up work (first view, backup) began."""
        return self._painted and not self._after_paint  # (begun one per turn: run_in_turns)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has painted itself (at once when it has)."""
        if self._painted:
            callback()
        else:
            self._after_paint.append(callback)

    def _first_paint_done(self) -> None:
        if self._painted or self._closed:  # closed before it ever painted: nothing to fill
            return
        self._painted = True
        run_in_turns(self, self._after_paint, lambda: not self._closed)  # answers in between

    def _install_sharing(self) -> None:
        from . import sharing  # after the first paint; an import failure is loud

        self.sharing = sharing.install(self)

    def _build_current_view(self) -> None:
        self._nav_changed(self.nav.currentRow())

    # -- views --------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view for a navigation key, built on first use."""
        if key in self.views:
            return self.views[key]
        spec = next(s for s in VIEWS if s.key == key)
        #: Every view follows one contract: ``XView(ws, bus, parent)``.
        cls: Callable[[Workspace, ChangeBus, QWidget], QWidget] = getattr(
            importlib.import_module(spec.module), spec.cls)
        # Built inside its (hidden) page, so the view knows it is not on screen yet and
        # fills itself as it is shown (ui.live.Follow.start).
        page = self._page_of[key]
        widget = cls(self.ws, self.bus, page)
        if key == "search" and hasattr(widget, "open_requested"):
            widget.open_requested.connect(self.open_record)  # type: ignore[attr-defined]
        layout = page.layout()
        assert layout is not None  # every page is made with its layout
        layout.addWidget(widget)
        self.views[key] = widget
        if page.isVisible():
            widget.show()  # now, not when the layout gets to it: it fills itself as it shows
        return widget

    def show_view(self, key: str) -> QWidget:
        """Switch to a view (and select it in the navigation)."""
        row = next(i for i, s in enumerate(VIEWS) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self.view(key)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = VIEWS[row].key
        self.view(key)
        self.stack.setCurrentWidget(self._scroll_of[key])
        self.statusBar().clearMessage()

    def open_record(self, kind: str, record_id: str) -> None:
        """Show a search hit in the view that owns its kind."""
        key = ROUTES.get(kind)
        if key is None:
            return
        target = self.show_view(key)
        if hasattr(target, "open_record"):
            target.open_record(kind, record_id)

    def focus_search(self) -> None:
        """Ctrl+F: show the search view and put the cursor in its box."""
        target = self.show_view("search")
        if hasattr(target, "focus_search"):
            target.focus_search()

    # -- menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], keys: str | None = None) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&Bestand"))
        file_menu.addAction(self._action(_("Exporteren…"), self.show_export, "Ctrl+E"))
        file_menu.addAction(self._action(_("Jaarverslag maken…"), self.make_year_report))
        file_menu.addAction(self._action(_("Wijkplatforms vergelijken…"), self.show_overview))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Reservekopieën…"), self.show_backups))
        file_menu.addAction(self._action(_("Delen met het bestuur…"), self.show_sharing))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Afsluiten"), self.close, "Ctrl+Q"))

        edit = bar.addMenu(_("Be&werken"))
        self.undo_action = self._action(undo_text(None), self.undo, "Ctrl+Z")
        self.redo_action = self._action(redo_text(None), self.redo, "Ctrl+Y")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self._action(_("Zoeken"), self.focus_search, "Ctrl+F"))
        edit.addSeparator()
        edit.addAction(self._action(_("Eigen moeilijke woorden…"), self.show_own_words))
        edit.addAction(self._action(_("Gegevens van het wijkplatform…"), self.show_board_settings))

        view_menu = bar.addMenu(_("Bee&ld"))
        size_menu = view_menu.addMenu(_("Tekstgrootte"))
        self.size_group = QActionGroup(self)
        self.size_actions: dict[int, QAction] = {}
        for percent in TEXT_SIZES:
            action = self._action(f"{percent} %", partial(self.set_text_size, percent))
            action.setCheckable(True)
            action.setChecked(percent == self.prefs.text_size)
            self.size_group.addAction(action)
            size_menu.addAction(action)
            self.size_actions[percent] = action
        size_menu.addSeparator()
        size_menu.addAction(self._action(_("Groter"), lambda: self.step_text_size(25), "Ctrl++"))
        size_menu.addAction(self._action(_("Kleiner"), lambda: self.step_text_size(-25), "Ctrl+-"))
        language_menu = view_menu.addMenu(_("Taal"))
        language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self._action(name, partial(self.set_language, code))
            action.setCheckable(True)
            action.setChecked(code == self.prefs.language)
            language_group.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("Handleiding"), self.show_manual, "F1"))
        help_menu.addAction(self._action(_("Hoe doe ik…?"), self.show_how_to))
        help_menu.addAction(self._action(_("Sneltoetsen"), self.show_shortcuts))
        help_menu.addAction(self._action(_("Over Wijkapp"), self.show_about))

    def show_overview(self) -> None:
        """Bestand → Wijkplatforms vergelijken: the overview of several year summaries."""
        from .views.overview import OverviewWindow

        window = OverviewWindow(self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    def show_reminder(self, text: str, view_key: str | None = None) -> None:
        """A calm bar above the page (e.g. overdue requests) with a button to go there."""
        self.reminder.show_text(text, view_key)

    def show_damage(self, sentence: str) -> None:
        """The file turned out damaged after opening: say so and offer the backups screen.

        The core already refuses every write (the damage must not spread); what is on
        screen stays, so the user can still copy unsaved text.
        """
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Het bestand is beschadigd"))
        box.setText(sentence)
        restore = box.addButton(_("Reservekopieën bekijken…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        self.show_status(_("Het bestand is beschadigd; Wijkapp bewaart niets meer."))
        if box.clickedButton() is restore:
            self.show_backups()

    # -- undo ------------------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the core's last named step."""
        name = self.ws.undo_name
        if not name:
            self.show_status(_("Er is niets om ongedaan te maken."))
            return
        CoreOp(self, lambda ws: ws.undo()).with_message(
            _("Ongedaan gemaakt: {step}").format(step=name)
        ).success(lambda _c: self.update_undo_actions()).run()

    def redo(self) -> None:
        """Redo the last undone step."""
        name = self.ws.redo_name
        if not name:
            self.show_status(_("Er is niets om opnieuw te doen."))
            return
        CoreOp(self, lambda ws: ws.redo()).with_message(
            _("Opnieuw gedaan: {step}").format(step=name)
        ).success(lambda _c: self.update_undo_actions()).run()

    def update_undo_actions(self) -> None:
        """Name the next undo/redo step in the Edit menu."""
        undo_name, redo_name = self.ws.undo_name, self.ws.redo_name
        self.undo_action.setText(undo_text(undo_name))
        self.undo_action.setEnabled(bool(undo_name))
        self.redo_action.setText(redo_text(redo_name))
        self.redo_action.setEnabled(bool(redo_name))

    def _on_changed(self, changes: Changes, _source: object) -> None:
        self.update_undo_actions()
        if changes.touches(BOARDS):
            self.update_title()

    # -- settings ---------------------------------------------------------------------------
    def set_text_size(self, percent: int) -> None:
        """Scale the whole app's text (100-200 %) and remember it."""
        percent = preferences.clamp_text_size(percent)
        self.prefs.text_size = percent
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, percent)
        if percent in self.size_actions:
            self.size_actions[percent].setChecked(True)
        self.nav.setFixedWidth(nav_width(self.nav))
        preferences.save(self.prefs)
        self.show_status(_("Tekstgrootte: {percent} %").format(percent=percent))

    def step_text_size(self, delta: int) -> None:
        """Ctrl++ / Ctrl+-: one step bigger or smaller."""
        self.set_text_size(self.prefs.text_size + delta)

    def set_language(self, code: str) -> None:
        """Beeld → Taal: save everything, then show the window in the new language at once."""
        from .language_switch import switch_language

        switch_language(self, code)

    # -- misc -------------------------------------------------------------------------------
    def update_title(self) -> None:
        """``<board> — Wijkapp``."""
        self.setWindowTitle(window_title(self.ws.board.name if self.ws.has_board else None))

    def show_status(self, text: str) -> None:
        """A short message in the status bar (kept for 10 seconds)."""
        self.statusBar().showMessage(text, 10_000)

    def show_manual(self) -> None:
        """Help → Handleiding (F1): the user guide, in the app and offline."""
        from wijkapp.guide import MANUAL

        from .guide import open_guide

        open_guide(self, MANUAL)

    def show_how_to(self) -> None:
        """Help → Hoe doe ik…?: the list of tasks, each a page of numbered steps."""
        from wijkapp.guide import INDEX

        from .guide import open_guide

        open_guide(self, INDEX)

    def show_shortcuts(self) -> None:
        """Help → Sneltoetsen: a table of every keyboard shortcut."""
        from .shortcuts import open_shortcuts_dialog

        open_shortcuts_dialog(self)

    def show_about(self) -> None:
        """Help → Over: name, version, where the data lives and how healthy it is."""
        safety.show_about(self, self.ws)

    def show_own_words(self) -> None:
        """Bewerken → Eigen moeilijke woorden: the board's own jargon list."""
        from .views.own_words import open_own_words_dialog

        open_own_words_dialog(self, self.ws)

    def show_board_settings(self) -> None:
        """Bewerken → Gegevens van het wijkplatform: name, wijk and contact details."""
        from .views.board_settings import open_board_settings

        open_board_settings(self, self.ws)

    def show_backups(self) -> None:
        """Bestand → Reservekopieën: list, make and restore backups."""
        safety.open_backups_dialog(self, self.ws)

    def show_sharing(self) -> None:
        """Bestand → Delen met het bestuur."""
        from . import sharing

        if self.sharing is None:  # asked for before the first paint installed it
            self._install_sharing()
        sharing.open_sharing(self, self.sharing)

    def show_export(self, fmt: str | None = None) -> None:
        """Bestand → Exporteren: agenda, verslag, lijsten, Word, agenda-afspraak, adressen."""
        from . import exporting  # on first use: it brings the document machinery

        exporting.open_export_dialog(self, self.ws, fmt=fmt)

    def make_year_report(self) -> None:
        """Bestand → Jaarverslag maken (in the background, with a progress bar)."""
        from . import exporting

        exporting.make_year_report(self, self.ws)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save anything typed, then wait for the saves to finish."""
        self._closed = True
        self.save_everything()
        if self.sharing is not None:  # installed after the first paint
            self.sharing.on_close()  # a last exchange, after every word is saved
        self.backups.on_close()
        super().closeEvent(event)

    def save_everything(self) -> None:
        """Send every editor's unsaved typing to the disk and wait until it is there."""
        for _round in range(5):  # a new record's later edits are sent once its id is back
            for view in self.views.values():
                flush = getattr(view, "flush", None)
                if callable(flush):
                    flush()
            flush_all_editors(self)
            wait_for_workers(10_000)
            QApplication.processEvents()
            if not any(s.pending and not s.dirty for s in self.findChildren(AutoSaver)):
                break
