"""Zoeken: one box over everything, results grouped by kind with the found words in bold.

Typing searches after a short pause; Enter in the box moves to the first result (the list
is seen before anything opens); Enter or a double click on a result emits
``open_requested(kind, record_id)`` (kind is the table name, e.g. ``"requests"``), which
the main window routes to the view that shows that record.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import Changes
from wijkapp.i18n import N_, _, ngettext
from wijkapp.schema import SEARCHABLE
from wijkapp.search import SearchHit
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import search_kind_label, shorten, snippet_html, snippet_plain
from ..live import ANY, Follow
from ..style import ACCENT
from .widgets import heading, hint

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_COLOR = ACCENT


def hit_html(hit: SearchHit) -> str:
    """A result as HTML: the (escaped) title as a dark-blue line, then the snippet with the
    found words in bold. When the words were found in the title itself, the title carries
    the bold words."""
    title = snippet_html(shorten(hit.title, 90))
    snippet = snippet_html(hit.snippet)
    if snippet_plain(hit.snippet).strip() == hit.title.strip() or not snippet:
        return f'<span style="color:{TITLE_COLOR}">{snippet or title}</span>'
    return f'<span style="color:{TITLE_COLOR}">{title}</span><br>{snippet}'


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` text (already escaped) with the item's font."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        html = index.data(HTML_ROLE) or ""
        if option.state & QStyle.StateFlag.State_Selected:
            html = html.replace(f' style="color:{TITLE_COLOR}"', "")  # white on the highlight
        doc.setHtml(html)
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.data(HTML_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     opt.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if not index.data(HTML_ROLE):
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = view.viewport().width() - 40 if isinstance(view, QAbstractItemView) else 600
        opt.rect.setWidth(max(width, 200))
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class _SearchBox(QLineEdit):
    """Down arrow or Enter moves into the results (Enter there opens one)."""

    def __init__(self, view: SearchView) -> None:
        super().__init__(view)
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self._view.focus_results()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter shows the list (the keyboard goes to the first hit); a second Enter
            # there opens it. Opening a hit unseen surprised people.
            self._view.search_now()
            self._view.focus_results()
            return
        super().keyPressEvent(event)


#: Results can change with any record a person typed.
WATCH = dict.fromkeys(SEARCHABLE, ANY)


class SearchView(QWidget):
    """The search screen; see the module docstring."""

    nav_title = N_("Zoeken")
    open_requested = Signal(str, str)

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.hits: list[SearchHit] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_(self.nav_title), self))
        layout.addWidget(hint(_(
            "Zoek in vergaderingen, besluiten, actiepunten, verzoeken, contacten en doelen. "
            "Hoofdletters en accenten maken niet uit. Druk op Enter om te openen."), self))
        row = QHBoxLayout()
        caption = QLabel(_("&Zoek naar:"), self)
        self.box = _SearchBox(self)
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(_("Typ een woord, bijvoorbeeld: speeltuin"))
        self.box.setAccessibleName(_("Zoek in alles"))
        caption.setBuddy(self.box)
        row.addWidget(caption)
        row.addWidget(self.box, 1)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.results = QTreeWidget(self)
        self.results.setHeaderHidden(True)
        self.results.setAccessibleName(_("Zoekresultaten"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.results.itemActivated.connect(lambda item, _c: self._open(item))
        self._show_summary("")
        self.live = Follow(self, bus, "search", self.refresh, WATCH, own_edits=True)

    # -- contract ---------------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Search again when anything changed and there is a search on screen."""
        if self.box.text().strip() and (changes is None or bool(changes)):
            self.search_now()

    def open_record(self, kind: str, record_id: str) -> None:
        """The search screen shows no single record; it focuses the box instead."""
        self.focus_search()

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (for Ctrl+F)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    # -- searching ----------------------------------------------------------------------------
    def search_now(self) -> None:
        """Run the search for the box's text and show the grouped results."""
        self._timer.stop()
        text = self.box.text()
        self.hits = self.ws.search.query(text) if text.strip() else []
        self.results.clear()
        bold = QFont()
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in self.hits:
            group = groups.get(hit.kind)
            if group is None:
                group = QTreeWidgetItem([search_kind_label(hit.kind)])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.results.addTopLevelItem(group)
                groups[hit.kind] = group
            plain = snippet_plain(hit.snippet)
            item = QTreeWidgetItem([f"{shorten(hit.title)} — {plain}"])
            item.setData(0, HTML_ROLE, hit_html(hit))
            item.setData(0, ID_ROLE, hit.id)
            item.setData(0, KIND_ROLE, hit.kind)
            item.setToolTip(0, plain)
            group.addChild(item)
        for kind, group in groups.items():
            group.setText(0, _("{kind} ({n})").format(kind=search_kind_label(kind),
                                                       n=group.childCount()))
        self.results.expandAll()
        self._show_summary(text)

    def _show_summary(self, text: str) -> None:
        if not text.strip():
            self.summary.setText(_("Typ hierboven wat u zoekt."))
        elif not self.hits:
            self.summary.setText(_("Niets gevonden voor “{text}”. Probeer een ander of korter "
                                   "woord.").format(text=text.strip()))
        else:
            self.summary.setText(ngettext(
                "{n} resultaat voor “{text}”. Kies het en druk op Enter.",
                "{n} resultaten voor “{text}”. Kies er een en druk op Enter.", len(self.hits),
            ).format(n=len(self.hits), text=text.strip()))

    def result_items(self) -> list[QTreeWidgetItem]:
        """The result rows (not the group headers), in display order."""
        rows: list[QTreeWidgetItem] = []
        for g in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(g)
            if group is not None:
                rows += [c for i in range(group.childCount()) if (c := group.child(i)) is not None]
        return rows

    def focus_results(self) -> None:
        """Move the keyboard into the results, on the first one when none is chosen."""
        rows = self.result_items()
        if rows and self.results.currentItem() not in rows:
            self.results.setCurrentItem(rows[0])
        self.results.setFocus()

    def open_current(self) -> None:
        """Open the chosen result, or the first one."""
        rows = self.result_items()
        item = self.results.currentItem()
        if item not in rows:
            item = rows[0] if rows else None
        if item is not None:
            self._open(item)

    def _open(self, item: QTreeWidgetItem) -> None:
        kind, record_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if kind and record_id:
            self.open_requested.emit(kind, record_id)
