"""Look and feel: large readable type, calm colours, a clear keyboard focus, red for overdue.

Everything scales with the text-size preference (100-200 %): :func:`apply_style` sets the
application font and one stylesheet whose sizes are computed from it, so layouts stay
fluid. Widgets never set their own font sizes; they set a ``role`` property
(``heading``, ``subheading``, ``hint``, ``error``, ``primary``, ``big``, ``nav``) instead.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

BASE_POINT_SIZE = 12  # at 100 %; the issue asks for at least 11 pt

INK = "#1b1b1b"
MUTED = "#4a4a4a"
PAPER = "#faf8f3"
PANEL = "#ffffff"
LINE = "#8a8a8a"
ACCENT = "#1f4e79"  # dark blue, 9:1 on white
ACCENT_LIGHT = "#dbe7f3"
FOCUS = "#d97706"  # amber ring, visible on white and on blue
OVERDUE = "#b00020"  # red for overdue (7:1 on white)
OK = "#1e6b34"


def point_size(percent: int) -> int:
    """The base font size in points for a text-size percentage."""
    return max(BASE_POINT_SIZE, round(BASE_POINT_SIZE * percent / 100))


def stylesheet(percent: int) -> str:
    """The app stylesheet for a text size; all sizes follow ``percent``."""
    base = point_size(percent)
    big = round(base * 1.25)
    heading = round(base * 1.6)
    sub = round(base * 1.25)
    pad = max(6, round(base * 0.55))
    return f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {PAPER}; }}
QLabel[role="heading"] {{ font-size: {heading}pt; font-weight: bold; color: {ACCENT}; }}
QLabel[role="subheading"] {{ font-size: {sub}pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {OVERDUE}; font-weight: bold; }}
QLabel[role="ok"] {{ color: {OK}; }}
QPushButton {{
    background: {PANEL}; border: 2px solid {LINE}; border-radius: 6px;
    padding: {pad}px {pad * 2}px; min-height: {round(base * 1.9)}px;
}}
QPushButton:hover {{ background: {ACCENT_LIGHT}; }}
QPushButton:pressed {{ background: #c3d6ea; }}
QPushButton:disabled {{ color: #8a8a8a; border-color: #c8c8c8; background: #f0f0f0; }}
QPushButton[role="primary"], QPushButton[role="big"] {{
    background: {ACCENT}; color: white; border-color: {ACCENT}; font-weight: bold;
}}
QPushButton[role="primary"]:hover, QPushButton[role="big"]:hover {{ background: #2a6299; }}
QPushButton[role="big"] {{ font-size: {big}pt; padding: {pad * 2}px {pad * 3}px; }}
QPushButton[role="danger"] {{ color: {OVERDUE}; border-color: {OVERDUE}; }}
QPushButton[role="primary"]:disabled, QPushButton[role="big"]:disabled {{
    color: #8a8a8a; border-color: #c8c8c8; background: #f0f0f0;
}}
QPushButton:focus, QPushButton[role="primary"]:focus, QPushButton[role="big"]:focus,
QPushButton[role="danger"]:focus {{ border: 3px solid {FOCUS}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDateTimeEdit, QDateEdit, QComboBox {{
    background: {PANEL}; border: 2px solid {LINE}; border-radius: 4px; padding: {pad // 2}px;
    selection-background-color: {ACCENT}; selection-color: white;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QDateTimeEdit:focus,
QDateEdit:focus, QComboBox:focus {{ border: 3px solid {FOCUS}; }}
QListWidget, QListView, QTableView, QTreeView {{
    background: {PANEL}; border: 2px solid {LINE}; border-radius: 4px;
    selection-background-color: {ACCENT}; selection-color: white;
    alternate-background-color: #f3f1ec;
}}
QListWidget:focus, QListView:focus, QTableView:focus, QTreeView:focus, QScrollArea:focus {{
    border: 3px solid {FOCUS};
}}
QListWidget::item, QListView::item {{ padding: {pad}px; }}
QListWidget[role="nav"] {{ background: #eef2f6; border: none; border-right: 2px solid {LINE}; }}
QListWidget[role="nav"]::item {{ padding: {pad + 4}px {pad}px; border-radius: 4px; }}
QListWidget[role="nav"]::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget[role="nav"]:focus {{ border: 3px solid {FOCUS}; }}
QHeaderView::section {{
    background: #e9e6df; padding: {pad // 2}px; border: none;
    border-bottom: 2px solid {LINE}; font-weight: bold;
}}
QCheckBox, QRadioButton {{ spacing: {pad}px; padding: 2px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {base + 6}px; height: {base + 6}px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {FOCUS}; border-radius: 4px; }}
QGroupBox {{ font-weight: bold; border: 2px solid #c8c4bb; border-radius: 6px;
    margin-top: {base + 8}px; padding-top: {pad}px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QStatusBar {{ background: #eef2f6; border-top: 1px solid {LINE}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {ACCENT}; color: white; }}
QToolTip {{ background: #fffbe6; color: {INK}; border: 1px solid {LINE}; }}
QCalendarWidget QWidget#qt_calendar_navigationbar {{
    background: #e9e6df; border-bottom: 2px solid {LINE};
}}
QCalendarWidget QToolButton {{
    color: {INK}; background: transparent; border: none; font-weight: bold;
    padding: {pad // 2}px {pad}px;
}}
QCalendarWidget QToolButton:hover {{ background: {ACCENT_LIGHT}; }}
QCalendarWidget QToolButton::menu-indicator {{ image: none; }}
QCalendarWidget QTableView {{ border: none; border-radius: 0; }}
"""


def palette() -> QPalette:
    """A light, high-contrast palette for the Fusion style."""
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(PAPER))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    pal.setColor(QPalette.ColorRole.Base, QColor(PANEL))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f1ec"))
    pal.setColor(QPalette.ColorRole.Text, QColor(INK))
    pal.setColor(QPalette.ColorRole.Button, QColor(PANEL))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(INK))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b6b6b"))
    pal.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    return pal


def apply_style(app: QApplication, percent: int) -> None:
    """Set Fusion, the palette, the scaled font and the stylesheet on the whole app."""
    # Each of these re-polishes every widget of the app: only what differs is set, so
    # choosing the size already shown (or a test putting 100 % back) costs nothing.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    wanted = palette()
    if app.palette() != wanted:
        app.setPalette(wanted)
    font = QFont(app.font())
    font.setPointSize(point_size(percent))
    if app.font() != font:
        app.setFont(font)
    sheet = stylesheet(percent)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    from .screen_fit import install  # every dialog fits the screen or scrolls

    install(app)


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give a widget a stylesheet role (``heading``, ``primary``, ...) and re-polish it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget
