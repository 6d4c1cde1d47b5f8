"""Beeld → Taal applies at once, without a restart, and loses nothing.

Every editor's typing is saved first (the same path as closing the window). Then the
language and Qt's own translator switch, the window's menus, navigation and bars are
built again in the new language, and every view is built anew, so each of its words
comes from ``_`` again. The open view, the open meeting (editor or minutes mode, with its
agenda item) and the chosen record of a list come back as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPushButton, QWidget
from shiboken6 import isValid

from wijkapp.changes import ACTIONS, GOALS, PEOPLE, REQUESTS, SIGNALS
from wijkapp.i18n import _, language, set_language

from . import preferences

if TYPE_CHECKING:
    from .main_window import MainWindow

#: The record kind a view's own ``current_id`` is about (list panels carry their ``kind``).
KIND_OF_VIEW = {"actions": ACTIONS, "goals": GOALS, "signals": SIGNALS,
                "requests": REQUESTS, "contacts": PEOPLE}


@dataclass(frozen=True)
class Place:
    """Where the user is: the view, and what is open in it."""

    view: str
    page: int | None = None  # meetings: list, editor or minutes
    meeting_id: str | None = None
    item_id: str | None = None
    record: tuple[str, str] | None = None  # (kind, id) chosen in a list
    query: str = ""  # what is typed in the view's search box
    projector: bool = False  # the presentatiescherm (beamer) was open
    blank: bool = False  # ... and black


def _room(view: Any) -> Any:
    """The room bar of the meetings view (clock and presentatiescherm), or ``None``."""
    return getattr(getattr(view, "minutes", None), "room", None)


def _open_projector(view: Any) -> Any:
    projector = getattr(_room(view), "projector", None)
    return projector if projector is not None and isValid(projector) else None


#: The search box of a view, by attribute name (Zoeken, Contacten).
SEARCH_BOXES = ("box", "search")


def _query(view: QWidget) -> str:
    for name in SEARCH_BOXES:
        box = getattr(view, name, None)
        if isinstance(box, QLineEdit):
            return box.text()
    return ""


def where_am_i(window: MainWindow) -> Place:
    """The open view and what is open in it."""
    key = window.view_specs[max(window.nav.currentRow(), 0)].key
    view: Any = dict.get(window.views, key)  # not built yet: nothing is open in it
    if view is None:
        return Place(key)
    query = _query(view)
    if key == "meetings" and hasattr(view, "current_page"):
        from .views.meetings import EDITOR_PAGE, MINUTES_PAGE

        page = view.current_page()
        if page == MINUTES_PAGE:
            projector = _open_projector(view)
            return Place(key, page, view.minutes.meeting_id, view.minutes.item_id,
                         projector=projector is not None,
                         blank=bool(projector is not None and projector.blank))
        if page == EDITOR_PAGE:
            return Place(key, page, view.editor.meeting_id)
        return Place(key, page)
    for widget in [view, *view.findChildren(QWidget)]:
        record_id = getattr(widget, "current_id", None)
        if not isinstance(record_id, str) or not record_id:
            continue
        if widget is not view and not widget.isVisibleTo(view):
            continue
        kind = getattr(widget, "kind", "") or KIND_OF_VIEW.get(key, "")
        if kind:
            return Place(key, record=(kind, record_id), query=query)
    return Place(key, query=query)


def go_back_to(window: MainWindow, place: Place) -> None:
    """Show ``place`` again in the freshly built views."""
    view: Any = window.show_view(place.view)
    if place.query:
        for name in SEARCH_BOXES:
            box = getattr(view, name, None)
            if isinstance(box, QLineEdit):
                box.setText(place.query)
                break
    if place.meeting_id and place.view == "meetings":
        from .views.meetings import MINUTES_PAGE

        if place.page == MINUTES_PAGE:
            view.start_minutes(place.meeting_id, place.item_id)
            room = _room(view)
            if place.projector and room is not None:  # the room keeps reading, now in English
                room.show_projector()
                if place.blank:
                    room.toggle_blank()
        else:
            view.open_meeting(place.meeting_id)
    elif place.record is not None and hasattr(view, "open_record"):
        view.open_record(*place.record)


def _drop_menus(window: MainWindow) -> None:
    """Remove the old menus and their actions, shortcuts included (no double Ctrl+Z)."""
    bar = window.menuBar()
    for menu in bar.findChildren(QMenu):
        for action in menu.actions():
            if action.parent() is window:
                action.setShortcut(QKeySequence())
                window.removeAction(action)
                action.deleteLater()
    for group in window.findChildren(QActionGroup):
        if group.parent() is window:
            group.deleteLater()
    bar.clear()
    for menu in bar.findChildren(QMenu):
        menu.deleteLater()


def _rebuild_views(window: MainWindow) -> None:
    """Throw the built views away; they are built again (in the new language) when shown."""
    for key in list(dict.keys(window.views)):
        widget = dict.pop(window.views, key)
        widget.hide()
        widget.setParent(None)  # type: ignore[call-overload]
        widget.deleteLater()


def retranslate_window(window: MainWindow) -> None:
    """Menus, navigation, bars and title in the current language."""
    views = window.view_specs
    _drop_menus(window)
    window._build_menus()
    for row, spec in enumerate(views):
        window.nav.item(row).setText(_(spec.title))
    window.nav.setAccessibleName(_("Onderdelen van Wijkapp"))
    window.fit_nav_width()
    reminder = window.reminder
    reminder.setAccessibleName(_("Herinnering"))
    reminder.go.setText(_("Bekijken"))
    reminder.go.setAccessibleName(_("Herinnering bekijken"))
    for button in reminder.findChildren(QPushButton):
        if button is not reminder.go:  # the one that closes the bar
            button.setText(_("Sluiten"))
            button.setAccessibleName(_("Herinnering sluiten"))
    bar = getattr(window, "sync_bar", None)  # sharing: how up to date the board is
    if bar is not None:
        bar.text.setAccessibleName(_("Stand van het delen"))
        for widget, text, tip in ((bar.conflicts_button, _("Bekijken"),
                                   _("Wijzigingen van anderen bekijken")),
                                  (bar.now_button, _("Nu bijwerken"), "")):
            widget.setText(text)
            widget.setAccessibleName(text)
            widget.setToolTip(tip)
            widget.setAccessibleDescription(tip)
        bar.refresh()
    from .guide import GuideDialog

    for guide_window in window.findChildren(GuideDialog):  # an open guide follows
        guide_window.retranslate()
    window.update_title()
    window.update_undo_actions()


def _open_windows(window: MainWindow) -> list[Callable[[], object]]:
    """Close the export, overview and shortcut windows that are open; return how to open
    each again as it was (the export window with its choices, the overview with its
    files), in the new language.

    An export window that is still making a file stays as it is: closing it would lose
    the result line of the file being made.
    """
    from .exporting import ExportDialog, open_export_dialog
    from .shortcuts import ShortcutsDialog, open_shortcuts_dialog
    from .views.overview import OverviewWindow

    again: list[Callable[[], object]] = []
    for dialog in window.findChildren(ExportDialog):
        if not isValid(dialog) or not dialog.isVisible() or dialog.buttons.busy:
            continue
        request, where = dialog.request(), dialog.geometry()

        def reopen(request: Any = request, where: Any = where) -> None:
            reopened = open_export_dialog(window, window.ws, request.fmt, request.meeting_id)
            if request.year is not None:
                reopened.set_year(request.year)
            reopened.set_csv_kind(request.csv_kind)
            reopened.setGeometry(where)

        dialog.close()
        dialog.deleteLater()
        if getattr(window, "_export_dialog", None) is dialog:
            window._export_dialog = None  # type: ignore[attr-defined]  # a new one opens
        again.append(reopen)
    for overview in window.findChildren(OverviewWindow):
        if isValid(overview) and overview.isVisible():
            paths, where = list(overview.paths), overview.geometry()

            def compare_again(paths: list[Any] = paths, where: Any = where) -> None:
                again_window = OverviewWindow(window)
                again_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                if paths:
                    again_window.load(paths)
                again_window.setGeometry(where)
                again_window.show()

            overview.close()
            overview.deleteLater()
            again.append(compare_again)
    for shortcuts in window.findChildren(ShortcutsDialog):
        if isValid(shortcuts) and shortcuts.isVisible():
            shortcuts.close()
            again.append(lambda: open_shortcuts_dialog(window))
    return again


def switch_language(window: MainWindow, code: str) -> None:
    """Save everything, switch to ``code`` (``nl``/``en``) and show the window in it."""
    from .translators import install_translators

    if code == language():
        return  # the window already speaks it
    window.save_everything()
    place = where_am_i(window)
    window.prefs.language = code
    preferences.save(window.prefs)
    set_language(code)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_translators(app, code)
    if place.projector:  # it belongs to the old room bar: close it, a new one opens after
        _room(dict.get(window.views, "meetings")).close_projector()
    reopen = _open_windows(window)
    window.setUpdatesEnabled(False)
    try:
        retranslate_window(window)
        _rebuild_views(window)
        go_back_to(window, place)
    finally:
        window.setUpdatesEnabled(True)
    for open_again in reopen:
        open_again()
    window.show_status(_("De taal is nu Nederlands.") if code == "nl"
                       else _("De taal is nu Engels."))
