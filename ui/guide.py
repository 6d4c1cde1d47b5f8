"""Help → Handleiding and Help → Hoe doe ik…?: the shipped guide, readable in the app.

One window (not modal, so it can stay open next to the work) shows a Markdown page of
``resources/guide`` in the app's own font and text size. Links between pages stay inside
the window; "Terug" goes back, "Alle taken" shows the "Hoe doe ik…?" list, Esc or
"Sluiten" closes it. Keyboard: Tab reaches the links, Enter follows one, Alt+← goes back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from wijkapp import guide
from wijkapp.i18n import _

from .screen_fit import room_on


class GuideDialog(QDialog):
    """The guide window, opened on ``page`` (a name from :data:`wijkapp.guide.PAGES`)."""

    def __init__(self, parent: QWidget | None = None, page: str = guide.INDEX) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.page = ""
        self._history: list[str] = []
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.tasks_button = QPushButton()
        self.tasks_button.clicked.connect(lambda: self.show_page(guide.INDEX))
        self.manual_button = QPushButton()
        self.manual_button.clicked.connect(lambda: self.show_page(guide.MANUAL))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.tasks_button)
        row.addWidget(self.manual_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        for keys in ("Alt+Left", "Backspace"):
            QShortcut(QKeySequence(keys), self, self.back)
        self.show_page(page)
        self._size_to_screen()
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """Every word in the UI language; the page shown again in it (after Beeld → Taal)."""
        self.setAccessibleName(_("Hulp bij Wijkapp"))
        self.browser.setAccessibleName(_("Tekst van de hulp"))
        self.browser.setAccessibleDescription(
            _("Met Tab gaat u naar een link, met Enter opent u hem."))
        for widget, text, name in (
            (self.back_button, _("← Terug"), _("Terug naar de vorige bladzijde")),
            (self.tasks_button, _("Alle taken"), _("Naar de lijst Hoe doe ik")),
            (self.manual_button, _("Handleiding"), _("Naar de handleiding")),
            (self.close_button, _("Sluiten"), _("Hulp sluiten")),
        ):
            widget.setText(text)
            widget.setAccessibleName(name)
        if self.page:
            self.show_page(self.page, remember=False)

    def _size_to_screen(self) -> None:
        """About 70 characters wide and most of the screen tall, never larger than it."""
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * 72 + 60
        height = metrics.lineSpacing() * 30
        screen = self.screen() if self.screen() is not None else None
        if screen is not None:
            room = room_on(screen.availableGeometry())
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    def show_page(self, name: str, remember: bool = True) -> None:
        """Show page ``name`` in the UI language; an unknown page shows the task list."""
        try:
            text = guide.read_page(name)
        except (FileNotFoundError, OSError):
            name, text = guide.INDEX, guide.read_page(guide.INDEX)
        if remember and self.page and self.page != name:
            self._history.append(self.page)
        self.page = name
        self.browser.setMarkdown(text)
        underline_links(self.browser.document())
        self.browser.verticalScrollBar().setValue(0)
        title = guide.page_title(text)
        self.setWindowTitle(_("{title} — Wijkapp").format(title=title) if title else "Wijkapp")
        self.back_button.setEnabled(bool(self._history))

    def back(self) -> None:
        """Go back to the page shown before (if any)."""
        if self._history:
            self.show_page(self._history.pop(), remember=False)
            self.back_button.setEnabled(bool(self._history))

    def _follow(self, url: QUrl) -> None:
        target = guide.link_target(url.toString())
        if target is not None:
            self.show_page(target)
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


def underline_links(document: QTextDocument) -> None:
    """Underline every link, not only colour it: easier to see for people with weak eyes."""
    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(underline)
            it += 1
        block = block.next()


def open_guide(parent: QWidget | None, page: str = guide.INDEX) -> GuideDialog:
    """Show the guide on ``page``; one guide window at a time (an open one is reused)."""
    if parent is not None:
        for child in parent.findChildren(GuideDialog):
            if child.isVisible():
                child.show_page(page)
                child.raise_()
                child.activateWindow()
                return child
    dialog = GuideDialog(parent, page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
