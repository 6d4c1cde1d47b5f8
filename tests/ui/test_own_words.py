"""The board's own difficult words: added, stored, used at once by the underlining."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.conftest import wait_for_worker
from ui.plainlang_editor import attach_plain_language
from ui.views.own_words import OwnWordsDialog, clean_pair, pair_text
from wijkapp.export.summary_pdf import board_terms
from wijkapp.workspace import Workspace


@pytest.mark.parametrize(
    ("term", "meaning", "expected"),
    [
        (" buurtkracht ", " mensen die helpen ", ("buurtkracht", "mensen die helpen")),
        ("", "iets", "Vul het moeilijke woord in."),
        ("woord", "  ", "Vul in wat het woord betekent, of een gewoner woord."),
        ("x" * 101, "y", "Het woord of de uitleg is te lang."),
    ],
)
def test_clean_pair(term: str, meaning: str, expected: object) -> None:
    assert clean_pair(term, meaning) == expected


def test_words_are_stored_and_underlined_at_once(
    qtbot: Any, ws: Workspace, app_ctx: Any, shoot: Any
) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    highlighter = attach_plain_language(edit)
    edit.setPlainText("De buurtkracht komt langs.")
    highlighter.analyse_now()
    position = edit.toPlainText().index("buurtkracht") + 2
    assert "iemand die in de buurt helpt" not in highlighter.tooltip_at(position)

    dialog = OwnWordsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.term.setText("buurtkracht")
    dialog.meaning.setText("iemand die in de buurt helpt")
    dialog.add()
    wait_for_worker(qtbot)
    assert board_terms(ws) == [("buurtkracht", "iemand die in de buurt helpt")]
    assert dialog.list.item(0).text() == pair_text("buurtkracht", "iemand die in de buurt helpt")
    assert "iemand die in de buurt helpt" in highlighter.tooltip_at(position)
    shoot(dialog, "gui-own-words-100")

    dialog.term.setText("")
    dialog.meaning.setText("uitleg zonder woord")
    dialog.add()
    assert "Vul het moeilijke woord in" in dialog.message.text()
    assert dialog.meaning.text() == "uitleg zonder woord"  # typed text is kept

    dialog.list.setCurrentRow(0)
    dialog.remove()
    wait_for_worker(qtbot)
    assert board_terms(ws) == []
