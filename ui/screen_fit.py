"""Every dialog fits the screen it opens on, or scrolls; its finishing buttons stay in sight.

At 150-200 % text on a 1366 × 768 laptop a dialog may need more room than the screen has
(the export dialog needed 1571 × 1158 px at 200 %), and Qt then simply puts the buttons
off-screen. One app-wide event filter (:func:`install`, done by ``apply_style``) looks at
every dialog as it is shown: when it cannot fit, its body moves into a scroll area while
the row(s) of buttons at the bottom (and any part marked ``finishing``) stay outside it, so "Bewaren", "PDF maken" or
"Sluiten" are always visible; then the dialog is sized and placed inside the screen.
Dialogs that fit are left exactly as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import delete

from wijkapp.i18n import _

from . import wheel_guard
from .one_paint import scroll_body

#: Room for the window frame the system draws around a dialog (title bar, borders).
FRAME = QSize(16, 40)
#: The buttons kept below the scroll area take at most this share of the screen's height.
KEPT_SHARE = 0.6
SCROLL_NAME = "fitScroll"
#: Messages longer than this many characters are shown wider (see widen_long_message).
LONG_MESSAGE = 150
#: What makes a row part of the body rather than of the buttons below it.
FIELDS = (QAbstractScrollArea, QLineEdit, QComboBox, QAbstractSpinBox, QGroupBox)


def room_on(available: QRect) -> QSize:
    """The largest inner size a dialog may have on a screen area (its frame left out)."""
    return QSize(available.width() - FRAME.width(), available.height() - FRAME.height())


def needed_size(dialog: QWidget, width: int | None = None) -> QSize:
    """The smallest size ``dialog`` can show all of its content at, at ``width`` if given."""
    hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        at = max(hint.width(), width or 0)
        hint.setHeight(max(hint.height(), layout.totalHeightForWidth(at)))
    return hint


def _widgets_of(item: QLayoutItem | None) -> list[QWidget]:
    """The widgets an item of a layout holds (itself, or those of its sub-layout)."""
    if item is None:
        return []
    widget = item.widget()
    if widget is not None:
        return [widget]
    sub = item.layout()
    if sub is None:
        return []
    return [w for i in range(sub.count()) for w in _widgets_of(sub.itemAt(i))]


def _is_plain(item: QLayoutItem) -> bool:
    """``True`` for a row of buttons or text (no fields to type in, no lists), or for a part
    the dialog marked with the property ``finishing`` (the export dialog's "4. Maken")."""
    widgets = _widgets_of(item)
    if any(widget.property("finishing") for widget in widgets):
        return True
    for widget in widgets:
        for part in [widget, *widget.findChildren(QWidget)]:
            if isinstance(part, FIELDS):
                return False
    return True


def _item_height(item: QLayoutItem) -> int:
    return max(item.minimumSize().height(), item.sizeHint().height())


def wrap_in_scroll(dialog: QDialog, room: QSize) -> QScrollArea | None:
    """Move all but the bottom button rows of ``dialog`` into a scroll area; ``None`` when
    its layout is not a vertical box (then the whole layout scrolls, buttons included)."""
    layout = dialog.layout()
    if layout is None:
        return None
    had_focus = dialog.focusWidget()  # moving the rows into the body would lose it
    body = QWidget()
    body.setObjectName("fitBody")
    scroll = QScrollArea(dialog)
    scroll.setObjectName(SCROLL_NAME)
    scroll.setAccessibleName(_("Inhoud van het venster (schuift)"))
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    if not isinstance(layout, QBoxLayout) or layout.direction() != QBoxLayout.Direction.TopToBottom:
        # Another kind of layout: hand it to the body whole, behind a new outer layout.
        QWidget().setLayout(layout)  # detaches it from the dialog
        body.setLayout(layout)
        scroll_body(scroll, body)
        outer = QVBoxLayout(dialog)
        outer.addWidget(scroll)
        scroll.show()  # made during the Show event: Qt would leave it hidden
        _give_focus_back(had_focus)
        return scroll
    kept, kept_height = 0, 0
    for index in range(layout.count() - 1, -1, -1):
        item = layout.itemAt(index)
        if item is None or not _is_plain(item):
            break
        height = _item_height(item)
        if kept and kept_height + height > room.height() * KEPT_SHARE:
            break
        kept, kept_height = kept + 1, kept_height + height
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    body_layout.setSpacing(layout.spacing())
    moved = layout.count() - kept
    for _index in range(moved):
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item is None:
            break
        widget, sub, spacer = item.widget(), item.layout(), item.spacerItem()
        if widget is not None:
            # The taken item must go first: Qt links a widget to the first layout item made
            # for it and forgets the link when that item goes, so the new item would never
            # hear that the widget grew (its height-for-width kept the old one, and a result
            # line of "Vergadering gesloten" lay over the row under it).
            delete(item)
            body_layout.addWidget(widget, stretch)
        elif sub is not None:
            sub.setParent(None)
            body_layout.addLayout(sub, stretch)
        elif spacer is not None:
            body_layout.addItem(spacer)
    scroll_body(scroll, body)
    # As wide as the body and its scrollbar (within the screen): no sideways scrolling
    # for the width the scrollbar takes.
    margins = layout.contentsMargins()
    scroll.setMinimumWidth(min(body.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width(),
                               room.width() - margins.left() - margins.right()))
    layout.insertWidget(0, scroll, 1)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
    scroll.show()  # made during the Show event: Qt would leave it hidden (an empty dialog)
    _give_focus_back(had_focus)
    return scroll


def _give_focus_back(widget: QWidget | None) -> None:
    """The field that had the focus keeps it (typing goes on where it was)."""
    if widget is not None:
        widget.setFocus()


def fit_dialog(dialog: QDialog, available: QRect | None = None) -> None:
    """Size and place ``dialog`` inside ``available`` (its screen's free area by default),
    wrapping its body in a scroll area first when it could not fit otherwise."""
    if available is None:
        screen = dialog.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
    room = room_on(available)
    need = needed_size(dialog, min(dialog.width(), room.width()))
    if (need.width() > room.width() or need.height() > room.height()) \
            and dialog.findChild(QScrollArea, SCROLL_NAME) is None:
        wrap_in_scroll(dialog, room)
        layout = dialog.layout()
        if layout is not None:
            layout.activate()
    minimum = dialog.minimumSize()
    dialog.setMinimumSize(min(minimum.width(), room.width()), min(minimum.height(), room.height()))
    wanted = dialog.size().expandedTo(dialog.sizeHint()).expandedTo(
        needed_size(dialog, min(dialog.width(), room.width())))
    dialog.resize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))
    frame = dialog.frameGeometry()
    x = min(max(frame.x(), available.left()), available.right() + 1 - frame.width())
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - frame.height())
    dialog.move(max(x, available.left()), max(y, available.top()))


def widen_long_message(box: QMessageBox) -> None:
    """A long message reads ~60 characters a line instead of Qt's narrow column, so at
    150-200 % its buttons are not pushed below the screen ("Dit bestand is al geopend…")."""
    text = box.findChild(QLabel, "qt_msgbox_label")
    screen = box.screen()
    if text is None or screen is None or len(text.text()) < LONG_MESSAGE:
        return
    room = room_on(screen.availableGeometry())
    text.setMinimumWidth(min(int(room.width() * 0.6), text.fontMetrics().averageCharWidth() * 60))


def _too_big(dialog: QDialog) -> bool:
    screen = dialog.screen()
    if screen is None:
        return False
    room = room_on(screen.availableGeometry())
    return dialog.width() > room.width() or dialog.height() > room.height()


#: What the app-wide filter looks at: dialogs, and the fields of ui.wheel_guard.
_WATCHED = (QDialog, *wheel_guard.FIELDS)


class ScreenFit(QObject):
    """The app-wide filter: fits each dialog as it is shown, and again when it grows past
    the screen (see the module's docstring); it also keeps the mouse wheel from changing a
    field (:mod:`ui.wheel_guard`)."""

    _busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Every event of the app passes here: leave all but dialogs and wheel-guarded fields
        # at once (reading the event's type first made each of thousands of events per
        # screen cost a Python enum).
        if not isinstance(watched, _WATCHED):
            return False
        if isinstance(watched, wheel_guard.FIELDS):
            return wheel_guard.guard(watched, event)  # the wheel scrolls, never edits
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Resize) or self._busy:
            return False
        if kind == QEvent.Type.Show and isinstance(watched, QMessageBox):
            widen_long_message(watched)
            return False
        if (isinstance(watched, QDialog) and watched.isWindow()
                and not isinstance(watched, (QMessageBox, QFileDialog))):
            if kind == QEvent.Type.Resize and not (watched.isVisible() and _too_big(watched)):
                return False  # a dialog that grows later (a report came in) is fitted again
            self._busy = True
            try:
                fit_dialog(watched)
            finally:
                self._busy = False
        return False


@contextmanager
def paused() -> Iterator[None]:
    """Leave the app-wide filter out while hidden widgets are built (ui.warmup).

    Every event of the app passes the filter, and PySide makes a Python object for each
    Qt object an event goes to: building a follow-up screen sent thousands of events to
    objects Python had never seen (a third of the building time). Nothing can open a
    dialog during such a build; the fields made meanwhile get the wheel guard's focus
    rule from :func:`ui.wheel_guard.prepare` afterwards.
    """
    app = QApplication.instance()
    screen_fit = getattr(app, "_wijkapp_screen_fit", None)
    if app is None or screen_fit is None:
        yield
        return
    app.removeEventFilter(screen_fit)
    try:
        yield
    finally:
        app.installEventFilter(screen_fit)


def install(app: QApplication) -> None:
    """Fit every dialog of ``app`` to its screen from now on (installing twice is harmless)."""
    if getattr(app, "_wijkapp_screen_fit", None) is None:
        screen_fit = ScreenFit(app)
        app.installEventFilter(screen_fit)
        app._wijkapp_screen_fit = screen_fit  # type: ignore[attr-defined]
