"""Shortcuts in minutes mode for the two things a note-taker does most under an item.

"Volgend punt" / "Vorig punt" are Ctrl+PgDown / Ctrl+PgUp (the room bar's keys, shared with
the projector). The keys only act while minutes mode is on screen, and only when the button
they stand for can be pressed (an item is shown, not "Wie is er?").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from wijkapp.i18n import N_

DECISION_KEYS = "Ctrl+Shift+B"
ACTION_KEYS = "Ctrl+Shift+A"

#: (keys, what they do) for Help → Sneltoetsen, group "Notuleren".
MINUTES_KEYS: tuple[tuple[str, str], ...] = (
    (DECISION_KEYS, N_("besluit toevoegen")),
    (ACTION_KEYS, N_("actiepunt toevoegen")),
)


def press_when_possible(button: QAbstractButton) -> None:
    """Click ``button`` as the mouse would, when it is shown and enabled."""
    if button.isVisible() and button.isEnabled():
        button.click()


def install_minutes_keys(view: QWidget, decision: QAbstractButton,
                         action: QAbstractButton) -> list[QShortcut]:
    """Bind the keys above on ``view`` (minutes mode) to its two buttons."""
    made = []
    for keys, target in ((DECISION_KEYS, decision), (ACTION_KEYS, action)):
        shortcut = QShortcut(QKeySequence(keys), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda b=target: press_when_possible(b))
        made.append(shortcut)
    return made
