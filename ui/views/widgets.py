"""Small shared widgets for the follow-up views: date field, person picker, forms, autosave.

Fonts are never set in points or pixels here: headings and messages get a stylesheet
``role`` (see :mod:`ui.style`), so the main window's text size setting scales everything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QLocale,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from wijkapp.i18n import _, language
from wijkapp.timeutil import maybe_date

from ..style import OVERDUE, set_role

#: Dark red that stays readable on white (7:1); always paired with the words "te laat".
LATE_COLOR = QColor(OVERDUE)
_EMPTY = QDate(1900, 1, 1)


def locale() -> QLocale:
    """The Qt locale of the UI language (Dutch by default)."""
    lang = QLocale.Language.English if language() == "en" else QLocale.Language.Dutch
    return QLocale(lang, QLocale.Country.Netherlands)


def leave_on_tab(edit: QWidget, event: QKeyEvent) -> bool:
    """Tab and Shift+Tab leave a date field at once (``True`` when done).

    Qt lets Tab walk the day, month and year first, and an empty field ("geen datum") kept
    Tab for ever: a keyboard trap. The parts are reached with ← and →.
    """
    if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or \
            event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return False
    forward = event.key() == Qt.Key.Key_Tab and not (
        event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    QWidget.focusNextPrevChild(edit, forward)
    event.accept()
    return True


class TabLeavesDateTimeEdit(QDateTimeEdit):
    """A date-and-time field Tab leaves at once (see :func:`leave_on_tab`)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not leave_on_tab(self, event):
            super().keyPressEvent(event)


class _DateEdit(QDateEdit):
    """A QDateEdit that starts at today when the empty field is typed in, and whose
    calendar opens on this month without choosing a date by itself."""

    def _wake(self) -> None:
        if self.date() == self.minimumDate():
            self.setDate(QDate.currentDate())

    def calendar(self) -> Any:
        """The calendar popup, made (Dutch, with a grid) the first time it is needed:
        making it for every date field of a screen cost a few ms each."""
        calendar = self.calendarWidget()
        if not calendar.property("_wijkapp_ready"):
            calendar.setLocale(self.locale())
            calendar.setGridVisible(True)
            calendar.setProperty("_wijkapp_ready", True)
        return calendar

    def _show_this_month(self) -> None:
        """An empty field's calendar shows this month, nothing chosen: closing it without
        a click leaves the field empty."""
        self.calendar()
        if self.date() == self.minimumDate():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.calendar()
        super().mousePressEvent(event)
        self._show_this_month()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if leave_on_tab(self, event):
            return
        key = event.key()
        opens = key == Qt.Key.Key_F4 or (
            key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if not opens and (key in (Qt.Key.Key_Up, Qt.Key.Key_Down) or event.text().isdigit()):
            self._wake()  # the user steps or types a date: start from today
        if opens:
            self.calendar()
        super().keyPressEvent(event)
        if opens:
            self._show_this_month()


class DateField(QWidget):
    """A Dutch date field ("3 december 2026") with a calendar and a "Geen datum" button.

    ``value()`` is a :class:`datetime.date` or ``None``; ``changed`` fires on every
    change the user makes (not on :meth:`set_value`).
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = _DateEdit(self)
        self.edit.setLocale(locale())
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMMM yyyy")
        self.edit.setMinimumDate(_EMPTY)
        self.edit.setSpecialValueText(_("geen datum"))
        self.edit.setDate(_EMPTY)
        self.edit.setAccessibleName(label)
        self.clear_button = QPushButton(_("Geen datum"), self)
        self.clear_button.setAccessibleName(_("{label}: geen datum").format(label=label))
        self.clear_button.setToolTip(_("Maak de datum leeg"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self._quiet = False
        self.edit.dateChanged.connect(self._user_changed)
        self.clear_button.clicked.connect(self._clear)

    def value(self) -> dt.date | None:
        """The chosen date, or ``None`` for "geen datum"."""
        date = self.edit.date()
        if date == self.edit.minimumDate():
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | str | None) -> None:
        """Show ``value`` (date, ISO text or ``None``) without emitting ``changed``."""
        day = maybe_date(value[:10]) if isinstance(value, str) else value
        self._quiet = True
        try:
            self.edit.setDate(QDate(day.year, day.month, day.day) if day else _EMPTY)
        finally:
            self._quiet = False

    def _clear(self) -> None:
        self.edit.setDate(_EMPTY)

    def _user_changed(self) -> None:
        if not self._quiet:
            self.changed.emit()


class PersonCombo(QComboBox):
    """Pick a known person or type a free name (e.g. "Afdeling Wijkzaken").

    ``selection()`` is ``(person_id, name)``: a known person's id, or ``None`` with the
    typed name.
    """

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(label)
        edit = self.lineEdit()
        assert edit is not None  # an editable combo has one
        edit.setAccessibleName(label)  # the text inside is what gets the focus
        edit.setPlaceholderText(_("Kies een persoon of typ een naam"))
        self.setMinimumContentsLength(12)  # wider names show when there is room

    def set_people(self, people: list[tuple[str, str]]) -> None:
        """Fill the list with ``(person_id, name)`` pairs, keeping the typed text."""
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for person_id, name in people:
            self.addItem(name, person_id)
        self.setEditText(text)
        self.blockSignals(False)

    def selection(self) -> tuple[str | None, str]:
        """``(person_id or None, name as shown)``."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and index > 0:
            return self.itemData(index), self.itemText(index)
        return None, text

    def set_selection(self, person_id: str | None, name: str) -> None:
        """Show a person (by id when known) or a free name, without emitting signals."""
        self.blockSignals(True)
        index = self.findData(person_id) if person_id else -1
        if index > 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0)
            self.setEditText(name)
        self.blockSignals(False)


def heading(text: str, parent: QWidget | None = None, role: str = "heading") -> QLabel:
    """A heading label (size and colour come from the stylesheet role)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont()
    font.setBold(True)  # only the weight is set, so the size still follows the app font
    label.setFont(font)
    label.setAccessibleName(text)
    set_role(label, role)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapping explanatory line in muted text."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_role(label, "hint")
    return label


def message_label(parent: QWidget | None = None) -> QLabel:
    """A label for inline Dutch messages under an editor (wraps; read by screen readers)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(_("Melding"))
    return label


def show_problem(label: QLabel, text: str | None, calm: str | None = None) -> None:
    """Show ``text`` in bold red after "Let op:", or the calm line when ``text`` is ``None``."""
    if text:
        label.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;")
        label.setText(_("Let op: {text}").format(text=text))
        set_role(label, "error")
    else:
        label.setStyleSheet("")
        label.setText(calm if calm is not None else _("Wat u typt, wordt vanzelf bewaard."))
        set_role(label, "hint")
    label.setAccessibleDescription(label.text())


def form(parent: QWidget | None = None) -> QFormLayout:
    """A form with each label above its field (fits narrow editors at large text sizes)."""
    layout = QFormLayout(parent)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return layout


def add_row(layout: QFormLayout, label: str, field: QWidget) -> QLabel:
    """Add ``label: field`` with the label as buddy and as the field's accessible name."""
    caption = QLabel(label + ":")
    caption.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(label)
    layout.addRow(caption, field)
    return caption


def list_view(model: QAbstractItemModel, name: str, parent: QWidget | None = None,
              keep: tuple[int, ...] = ()) -> QTreeView:
    """Like :func:`list_tree`, over an item model (``ui/models/``) that updates in place."""
    tree = QTreeView(parent)
    tree.setModel(model)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setAccessibleName(name)
    tree.setAllColumnsShowFocus(True)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Column widths follow the first rows, not every one of hundreds (a frame, not ten).
    tree.header().setResizeContentsPrecision(COLUMN_FIT_ROWS)
    tree.setProperty("least_width", 0)
    _ColumnFitter(tree, keep)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setItemDelegate(WrappingDelegate(tree))
    return tree


#: A row of a list is at most this many lines high; longer texts end in "…".
ROW_LINES = 4


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for text wrapped at the column's width.

    Qt measures a wrapping cell as one long line (only its own line breaks count), so
    "Gemeente bellen over de lantaarnpaal" in a narrow column read "Gemeente bellen over…".
    Here a cell is measured at the width of its column, up to :data:`ROW_LINES` lines.
    """

    #: Measured cells kept at most (then the memory starts again).
    KEEP = 20_000

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree
        # Qt asks again for every cell at every layout of the list (a show, a resize, a
        # scroll bar that appears); measuring a wrapped cell is the costly part, so each
        # (cell, width, font) is measured once until the rows change.
        self._sizes: dict[tuple[int, int, int, int, str], QSize] = {}
        model = tree.model()
        if model is not None:
            for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved,
                           model.modelReset, model.dataChanged, model.layoutChanged,
                           model.columnsInserted, model.columnsRemoved):
                signal.connect(self._forget)

    def _forget(self, *_args: Any) -> None:
        self._sizes.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        tree = self._tree
        width = tree.header().sectionSize(index.column())
        parent = index.parent()
        if index.column() == 0 and parent.isValid():
            width -= tree.indentation()
        if width <= 0:
            return super().sizeHint(option, index)
        key = (index.row(), index.column(), parent.row(), width, option.font.key())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= self.KEEP:
                self._sizes.clear()
            size = self._sizes[key] = self._measure(option, index, width)
        return QSize(size)

    def _measure(self, option: QStyleOptionViewItem, index: Any, width: int) -> QSize:
        tree = self._tree
        measured = QStyleOptionViewItem(option)
        self.initStyleOption(measured, index)
        measured.rect = QRect(0, 0, width, 100_000)
        style = tree.style()
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, measured, QSize(),
                                      tree)
        most = QFontMetrics(measured.font).lineSpacing() * ROW_LINES + 8
        # The width a cell wants is its unwrapped one (the columns are fitted to that).
        return QSize(super().sizeHint(option, index).width(), min(size.height(), most))


#: How many rows :class:`_ColumnFitter` measures to fit the columns (two screens full;
#: measuring 150 wrapped rows took a frame of its own on every show).
COLUMN_FIT_ROWS = 60


def column_widths(wanted: list[int], available: int, first_share: float = 0.4,
                  keep: tuple[int, ...] = (), least: list[int] | None = None) -> list[int]:
    """Widths for columns that want ``wanted`` pixels in ``available`` pixels.

    The first column (the record's title) gets what is left but at least ``first_share``
    of the width. Without ``least``, columns in ``keep`` (e.g. the one saying "te laat")
    get what they want and the others shrink in proportion. With ``least`` (each column's
    longest word: "Yusuf Kaya" may wrap, never read "Yus…") the title gives up room down
    to 30 % of the width first, then every other column in proportion to what it has
    above its longest word, the kept ones half as readily. So no column goes out of sight
    behind a sideways scrollbar while there is any way to show them all.
    """
    if not wanted:
        return []
    if sum(wanted) <= available:
        return [available - sum(wanted[1:]), *wanted[1:]]
    if least:
        title = min(max(int(available * 0.3), least[0]), wanted[0])
        widths = [title, *wanted[1:]]
        _shrink(widths, sum(widths) - available, list(range(1, len(widths))), least,
                keep=keep)
        widths[0] = max(available - sum(widths[1:]), title)
        return widths
    kept = sum(w for c, w in enumerate(wanted) if c in keep and c)
    others = sum(w for c, w in enumerate(wanted) if c not in keep and c)
    first = max(int(available * first_share), available - kept - others)
    rest = max(available - first - kept, 0)
    scale = min(rest / others, 1.0) if others else 0
    return [first, *(w if c in keep else int(w * scale) for c, w in enumerate(wanted) if c)]


def _shrink(widths: list[int], over: int, columns: list[int], least: list[int],
            keep: tuple[int, ...] = ()) -> None:
    """Take ``over`` pixels from ``columns``, in proportion to what each has above its
    ``least`` width (columns in ``keep`` count half), never below it."""
    while over > 0:
        slack = {c: max(widths[c] - least[c], 0) for c in columns}
        weight = {c: room / 2 if c in keep else room for c, room in slack.items()}
        total = sum(weight.values())
        if not total:
            return
        taken = 0
        for column, room in slack.items():
            give = min(room, max(int(over * weight[column] / total + 0.999), 0))
            widths[column] -= give
            taken += give
        if not taken:
            return
        over -= taken


#: Where a line of a cell may break: spaces, and after a hyphen ("Hendriks-|Peters").
_BREAKS = re.compile(r"\s+|(?<=-)")


def longest_words(tree: QTreeView, pad: int, rows: int = COLUMN_FIT_ROWS) -> list[int]:
    """Per column, the width of its longest word (bold, as late rows are) in the first
    ``rows`` rows, plus ``pad``. (A header may end in "…" at 200 %; a cell may not.)"""
    model = tree.model()
    bold = QFont(tree.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    widths = []
    for column in range(model.columnCount()):
        texts = [str(model.index(row, column).data() or "")
                  for row in range(min(model.rowCount(), rows))]
        widest = max((metrics.horizontalAdvance(word) for text in texts
                      for word in _BREAKS.split(text) if word), default=0)
        widths.append(widest + pad)
    return widths


class _ColumnFitter(QObject):
    """Keeps a tree's columns fitted to its width (see :func:`column_widths`)."""

    #: A hidden tree whose rows were filled measures them this much later (ms).
    MEASURE_LATER_MS = 60

    def __init__(self, tree: QTreeView, keep: tuple[int, ...]) -> None:
        super().__init__(tree)
        self._tree = tree
        self.keep = keep
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        #: What the columns were last fitted to: (width, font, row texts changed count).
        self._fitted: tuple[int, str, int] | None = None
        #: The rows' measures (wanted widths, longest words) for (font, changes count):
        #: they do not depend on the width, which changes several times as a view shows.
        self._measured: tuple[tuple[str, int], list[int], list[int]] | None = None
        self._edits = 0
        tree.viewport().installEventFilter(self)
        model = tree.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.dataChanged, model.layoutChanged):
            signal.connect(self._model_changed)

    def _model_changed(self, *_args: Any) -> None:
        self._edits += 1
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        """Fit the columns now; skipped while the tree is hidden (it fits when shown) and
        when neither its width, its font nor its rows changed since the last fit."""
        tree, header = self._tree, self._tree.header()
        if not tree.isVisible():
            if tree.window().isVisible():  # rows filled ahead of a first show (ui.warmup):
                # measured in a pause of their own, not on top of what filled them
                QTimer.singleShot(self.MEASURE_LATER_MS, self, self._measure_hidden)
            return
        state = (tree.viewport().width(), tree.font().key(), self._edits)
        if state == self._fitted:
            return
        self._fitted = state
        wanted, least = self._measures(state[1:])
        widths = column_widths(wanted, tree.viewport().width() - 2, keep=self.keep,
                               least=least)
        if widths != [header.sectionSize(c) for c in range(len(widths))]:
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
            tree.doItemsLayout()  # rows wrap anew at the new widths (WrappingDelegate)

    def _measure_hidden(self) -> None:
        tree = self._tree
        if not tree.isVisible() and tree.window().isVisible():
            self._measures((tree.font().key(), self._edits))

    def _measures(self, key: tuple[str, int]) -> tuple[list[int], list[int]]:
        if self._measured is None or self._measured[0] != key:
            tree, header = self._tree, self._tree.header()
            pad = tree.fontMetrics().horizontalAdvance("MM")
            wanted = [max(tree.sizeHintForColumn(c), header.sectionSizeHint(c)) + pad
                      for c in range(header.count())]
            self._measured = (key, wanted,
                              longest_words(tree, tree.fontMetrics().horizontalAdvance("M")))
            # What the list needs so that no word is cut (RecordPanel.arrange reads it).
            tree.setProperty("least_width", sum(self._measured[2]))
        return self._measured[1], self._measured[2]


def refill_combo(combo: QComboBox, first: str | None, entries: list[tuple[Any, str]]) -> None:
    """Refill a combo with ``(data, text)`` entries, keeping the chosen entry if it remains.

    Nothing happens when the entries are the ones it shows already (refilling hundreds of
    meetings after every change of a person would cost a frame for nothing).
    """
    wanted = (first, list(entries))
    if getattr(combo, "_wijkapp_entries", None) == wanted and combo.count() == len(entries) + (
            first is not None):
        return
    combo._wijkapp_entries = wanted  # type: ignore[attr-defined]
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for key, text in entries:
        combo.addItem(text, key)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select_data(combo: QComboBox, data: Any) -> None:
    """Choose the entry holding ``data`` (the first entry when absent), quietly."""
    combo.blockSignals(True)
    combo.setCurrentIndex(max(combo.findData(data), 0) if data is not None else 0)
    combo.blockSignals(False)


def set_text(widget: Any, text: str) -> None:
    """Set a line or plain-text edit only when different (keeps the cursor while typing)."""
    current = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
    if current != text:
        widget.blockSignals(True)
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(text)
        else:
            widget.setText(text)
            widget.setCursorPosition(0)  # show the start of a long text, not its end
        widget.blockSignals(False)
