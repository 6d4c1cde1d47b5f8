"""Small widget helpers shared by the meeting screens: labelled buttons, Dutch date pickers.

Every helper sets an ``accessibleName`` so screen readers and tests find controls by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, QLocale, QSize, Qt, QTime
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from wijkapp.i18n import language
from wijkapp.timeutil import TZ

from ..style import set_role
from .widgets import TabLeavesDateTimeEdit


def ui_locale() -> QLocale:
    """Dutch (Netherlands) unless the UI language is English."""
    if language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def button(
    text: str,
    on_click: Callable[[], object] | None = None,
    *,
    role: str = "",
    name: str | None = None,
    tip: str = "",
    parent: QWidget | None = None,
) -> QPushButton:
    """A push button with words, an accessible name and an optional stylesheet role."""
    widget = QPushButton(text, parent)
    widget.setAccessibleName(name or text.replace("&", ""))
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
    if role:
        set_role(widget, role)
    if on_click is not None:
        widget.clicked.connect(lambda _checked=False: on_click())
    return widget


def label(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    """A word-wrapping label with a stylesheet role."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if role:
        set_role(widget, role)
    return widget


class DateTimeField(TabLeavesDateTimeEdit):
    """A date-and-time field whose calendar popup is made (in the field's language, the
    week from its first day) as it first opens: making it with every field cost
    ≈ 5 ms of building a screen."""

    def popup_calendar(self) -> QCalendarWidget:
        """The popup's calendar, made and set up now when it is not there yet."""
        calendar = self.calendarWidget()
        if not calendar.property("_wijkapp_ready"):
            calendar.setLocale(self.locale())
            calendar.setFirstDayOfWeek(self.locale().firstDayOfWeek())
            calendar.setProperty("_wijkapp_ready", True)
        return calendar

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.popup_calendar()  # a click on the arrow opens it
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_F4 or (key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                                    and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.popup_calendar()  # F4 and Alt+↓ open it
        super().keyPressEvent(event)


def date_time_edit(value: dt.datetime, name: str, parent: QWidget | None = None) -> QDateTimeEdit:
    """A date-and-time field with a Dutch calendar popup (made as it first opens)."""
    edit = DateTimeField(parent)
    edit.setLocale(ui_locale())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dddd d MMMM yyyy  HH:mm")
    edit.setAccessibleName(name)
    set_qdatetime(edit, value)
    return edit


def date_edit(value: dt.date, name: str, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a Dutch calendar popup."""
    edit = QDateEdit(parent)
    edit.setLocale(ui_locale())
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(ui_locale())
    edit.calendarWidget().setFirstDayOfWeek(ui_locale().firstDayOfWeek())
    edit.setDisplayFormat("dddd d MMMM yyyy")
    edit.setAccessibleName(name)
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def set_qdatetime(edit: QDateTimeEdit, value: dt.datetime) -> None:
    """Show an aware datetime in Amsterdam wall-clock time."""
    local = value.astimezone(TZ) if value.tzinfo else value
    edit.setDateTime(
        QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    )


def read_qdatetime(edit: QDateTimeEdit) -> dt.datetime:
    """The field's wall-clock value as an aware Amsterdam datetime."""
    qdt = edit.dateTime()
    day, time = qdt.date(), qdt.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=TZ)


def read_qdate(edit: QDateEdit) -> dt.date:
    """The field's date."""
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


class CurrentPageStack(QStackedWidget):
    """A stacked widget that asks only for the room its *current* page needs.

    A plain :class:`QStackedWidget` is as wide as its widest page, hidden or not, so one
    wide screen (minutes mode, the action list) would make every other screen too wide
    for a laptop. Here the size hints follow the shown page and are re-announced on
    every page switch; the window grows only if the page shown needs it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The current page's size hint (the stack's own when it is empty)."""
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The current page's minimum size hint (the stack's own when it is empty)."""
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()
