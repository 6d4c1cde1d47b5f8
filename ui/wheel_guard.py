"""The mouse wheel scrolls the page; it never changes a date, a number or a choice.

Qt lets the wheel change a date field, a number field or a drop-down list under the mouse,
and gives it the focus on the way. A secretary scrolling down the meeting page with the
wheel moved the meeting from Tuesday 12 to Monday 11 January as the date field passed
under the pointer, and Wijkapp saved it at once. Here such a field takes the focus only
from a click or Tab, and a turn of the wheel over it goes to the page it sits in, which
scrolls. The keyboard (arrows, Page Up/Down) and the calendar and list that open from
the field still change it.

The app's one application-wide event filter (:class:`ui.screen_fit.ScreenFit`) calls
:func:`guard` for the events of these fields: a second filter would cost every event of
the app another call into Python.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QTabBar, QWidget

#: The fields whose value the wheel would change (date and time fields are spin boxes), and
#: tab bars, where the wheel would switch from "Personen" to "Organisaties" mid-scroll.
FIELDS = (QAbstractSpinBox, QComboBox, QTabBar)


def guard(field: QWidget, event: QEvent) -> bool:
    """Handle ``event`` for a field of :data:`FIELDS`; ``True`` when it is taken away."""
    kind = event.type()
    if kind == QEvent.Type.Polish:
        if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click or Tab, not the wheel
        return False
    if kind != QEvent.Type.Wheel:
        return False
    page = scroll_area_of(field)
    if page is not None:
        QCoreApplication.sendEvent(page.viewport(), event.clone())  # the page scrolls
    return True  # the field never sees it


def prepare(root: QWidget) -> None:
    """Give the fields in ``root`` the guard's focus rule now (made while the app-wide
    filter was paused, see :func:`ui.screen_fit.paused`)."""
    for kind in FIELDS:
        for field in root.findChildren(kind):
            if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area ``widget`` sits in (``None`` outside any)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, FIELDS):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


__all__ = ["FIELDS", "guard", "prepare", "scroll_area_of"]
