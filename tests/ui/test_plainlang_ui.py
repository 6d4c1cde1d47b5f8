"""Plain language in the GUI: underlines, tooltips, the meter and the letter dialog."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tests.ui.conftest import wait_for_worker
from tests.ui.followup_data import text_size, track
from ui.plainlang_editor import attach_plain_language, highlighter_of
from ui.plainlang_highlighter import PlainLanguageHighlighter
from ui.readability_meter import ReadabilityMeter, meter_text
from ui.views.letter import LetterDialog
from wijkapp.plainlang import Level, analyse_text

Wavy = QTextCharFormat.UnderlineStyle.WaveUnderline
Dotted = QTextCharFormat.UnderlineStyle.DotLine

EASY = "We maken de speeltuin mooi. Kinderen helpen mee. Het is klaar in mei."
HARD = ("Conform de verordening wordt u verzocht om in het kader van de integrale aanpak een "
        "beschikking aan te vragen ten behoeve van de maatwerkvoorziening.")
LETTER = (
    "Geachte heer, mevrouw,\n\n"
    "Inzake uw verzoek van 14 mei delen wij u mede dat het college conform de geldende "
    "verordening heeft besloten de speelvoorziening niet op te nemen in de begroting.\n\n"
    "Tegen deze beschikking kunt u binnen zes weken bezwaar maken.\n\n"
    "Met vriendelijke groet,\nDe wijkregisseur"
)


_alive: list[QWidget] = []  # qtbot holds widgets weakly; the tests need them to the end


def _editor(qtbot: Any, text: str = "", box: type = QPlainTextEdit
            ) -> tuple[Any, ReadabilityMeter, PlainLanguageHighlighter]:
    """A host widget with a text box and a meter, plain language attached."""
    host = QWidget()
    _alive[:] = [host]
    layout = QVBoxLayout(host)
    edit = box(host)
    meter = ReadabilityMeter(host)
    layout.addWidget(edit)
    layout.addWidget(meter)
    track(qtbot, host)
    highlighter = attach_plain_language(edit, meter)
    host.resize(700, 360)
    host.show()
    if text:
        edit.setPlainText(text)
        highlighter.analyse_now()
    return edit, meter, highlighter


def _styles_at(edit: Any, start: int, end: int) -> set[Any]:
    """The underline styles Qt will really draw for document positions start..end."""
    block = edit.document().findBlock(start)
    styles = set()
    for position in range(start, end):
        local = position - block.position()
        found = QTextCharFormat.UnderlineStyle.NoUnderline
        for fmt_range in block.layout().formats():
            if fmt_range.start <= local < fmt_range.start + fmt_range.length:
                found = fmt_range.format.underlineStyle()
        styles.add(found)
    return styles


def _find(edit: Any, word: str) -> tuple[int, int]:
    cursor = edit.document().find(word)
    assert not cursor.isNull(), word
    return cursor.selectionStart(), cursor.selectionEnd()


def test_jargon_is_underlined_dotted_at_its_offsets(qtbot: Any) -> None:
    edit, _meter, highlighter = _editor(qtbot)
    edit.setPlainText("Het is mooi weer.\nWij praten inzake de buurt, conform de afspraak.")
    qtbot.waitUntil(lambda: highlighter.report is not None, timeout=3000)  # the debounce fires
    for word in ("inzake", "conform"):
        start, end = _find(edit, word)
        assert _styles_at(edit, start, end) == {Dotted}
        assert _styles_at(edit, start - 1, start) != {Dotted}  # not the space before
        assert _styles_at(edit, end, end + 1) != {Dotted}
    start, end = _find(edit, "mooi weer")
    assert _styles_at(edit, start, end) == {QTextCharFormat.UnderlineStyle.NoUnderline}


def test_difficult_sentence_is_wavy_and_easy_one_is_not(qtbot: Any) -> None:
    edit, _meter, _h = _editor(qtbot, f"{EASY}\n\n{HARD}")
    easy_start, easy_end = _find(edit, EASY)
    assert _styles_at(edit, easy_start, easy_end) == {QTextCharFormat.UnderlineStyle.NoUnderline}
    start, _end = _find(edit, "wordt u verzocht")
    assert _styles_at(edit, start, start + 5) == {Wavy}
    word_start, word_end = _find(edit, "maatwerkvoorziening")
    assert _styles_at(edit, word_start, word_end) == {Dotted}  # jargon wins inside the sentence


def test_offsets_stay_right_after_an_emoji(qtbot: Any) -> None:
    edit, _meter, _h = _editor(qtbot, "Feest 🎉🎉 en daarna praten we inzake de ĳsbaan.")
    start, end = _find(edit, "inzake")
    assert _styles_at(edit, start, end) == {Dotted}
    assert _styles_at(edit, start - 1, start) == {QTextCharFormat.UnderlineStyle.NoUnderline}


def test_tooltip_gives_the_plain_alternative(qtbot: Any) -> None:
    edit, _meter, highlighter = _editor(qtbot, f"{EASY}\n\n{HARD}")
    start, _end = _find(edit, "verordening")
    assert highlighter.tooltip_at(start + 2) == (
        "'verordening' is ambtelijke taal. Zeg liever: regels van de gemeente")
    assert highlighter.tooltip_at(_find(edit, "wordt u")[0]).startswith("Moeilijke zin.")
    assert highlighter.tooltip_at(1) == ""  # an easy sentence has no tooltip
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start + 3)
    point = edit.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, edit.viewport().mapToGlobal(point))
    QApplication.sendEvent(edit.viewport(), event)
    assert "Zeg liever: regels" in QToolTip.text()
    QToolTip.hideText()


def test_meter_level_changes_with_the_text(qtbot: Any) -> None:
    edit, meter, highlighter = _editor(qtbot)
    assert meter.level is None and "Nog geen tekst" in meter.text()
    edit.setPlainText(EASY)
    qtbot.waitUntil(lambda: meter.level is not None, timeout=3000)
    assert meter.level == Level.MAKKELIJK
    assert meter.text().startswith("● Makkelijk")
    assert meter.accessibleName().startswith("Leesbaarheid: Makkelijk.")
    edit.setPlainText(HARD)
    qtbot.waitUntil(lambda: meter.level == Level.MOEILIJK, timeout=3000)
    assert meter.text().startswith("▲ Moeilijk") and "Maak de zinnen korter" in meter.toolTip()
    edit.clear()
    qtbot.waitUntil(lambda: meter.level is None, timeout=3000)
    assert highlighter.report is None


@pytest.mark.parametrize(
    ("text", "word"),
    [("", "Nog geen tekst"), (EASY, "Makkelijk"), (HARD, "Moeilijk"),
     ("Wij vragen u om een gesprek over de brief die wij van de gemeente kregen over de "
      "speeltuin en de bankjes in het park bij de school.", "Redelijk")],
)
def test_meter_words_per_level(text: str, word: str) -> None:
    report = analyse_text(text) if text else None
    shown = meter_text(report)
    assert shown.word == word and word in shown.accessible_name


def test_typing_never_analyses_on_the_keystroke(qtbot: Any) -> None:
    edit, _meter, highlighter = _editor(qtbot, f"{HARD}\n\n{EASY}")
    before = highlighter.report
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " Inzake")
    assert highlighter.pending and highlighter.report is before
    # The edited block paints nothing until its text is analysed: never a stale underline.
    start, end = _find(edit, "Inzake")
    assert _styles_at(edit, start, end) == {QTextCharFormat.UnderlineStyle.NoUnderline}
    qtbot.waitUntil(lambda: not highlighter.pending, timeout=3000)
    assert highlighter.report is not before
    assert _styles_at(edit, start, end) == {Dotted}
    # The first paragraph kept its underlines throughout.
    word_start, word_end = _find(edit, "verordening")
    assert _styles_at(edit, word_start, word_end) == {Dotted}


def test_attach_works_on_a_rich_text_box_and_only_once(qtbot: Any) -> None:
    edit, _meter, highlighter = _editor(qtbot, HARD, box=QTextEdit)
    assert highlighter_of(edit) is highlighter
    assert attach_plain_language(edit) is highlighter
    start, end = _find(edit, "verordening")
    assert _styles_at(edit, start, end) == {Dotted}


def _request(ws: Any, status: str = "sent") -> str:
    request_id: str = ws.requests.add("Speelveld in de begroting", "Graag opnemen.").id
    if status == "sent":
        ws.requests.mark_sent(request_id, on=dt.date.today() - dt.timedelta(days=20))
    return request_id


def test_letter_dialog_lists_every_jargon_word_with_its_meaning(qtbot: Any, ws: Any,
                                                                app_ctx: Any) -> None:
    dialog = track(qtbot, LetterDialog(ws, None))
    dialog.set_letter(LETTER)
    rows = dict(dialog.words.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(dialog.words.count()))
    assert rows["Inzake"] == "over"
    assert rows["conform"] == "volgens"
    assert "beschikking" in rows and "verordening" in rows
    assert dialog.words_title.text() == f"Moeilijke woorden ({len(rows)})"
    assert dialog.words.item(0).text() == "Inzake — zeg liever: over"
    lines = [dialog.sentences.item(i).text() for i in range(dialog.sentences.count())]
    assert lines[0] == "● Makkelijk: Geachte heer, mevrouw,"
    assert lines[1].startswith("▲ Moeilijk: Inzake uw verzoek van 14 mei")
    assert lines[1].endswith("in de begroting.")  # the whole sentence, never cut short
    hard = dialog.sentences.item(1)
    dialog._select_sentence(hard)
    assert dialog.edit.textCursor().selectedText().startswith("Inzake uw verzoek")
    assert "Ambtelijke woorden" in hard.toolTip()


def test_letter_is_saved_as_the_answer_to_a_request(qtbot: Any, ws: Any, app_ctx: Any) -> None:
    request_id = _request(ws)
    dialog = track(qtbot, LetterDialog(ws, None, request_id=request_id))
    assert dialog.request_combo.currentData() == request_id
    assert dialog.answer_box.isChecked()
    dialog.set_letter(LETTER)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    wait_for_worker(qtbot)
    saved = ws.requests.get(request_id)
    assert saved.answer_text == LETTER and saved.status == "answered"
    assert saved.answered_on == dt.date.today().isoformat()
    assert "Bewaard bij: Speelveld in de begroting" in dialog.message.text()


def test_letter_kept_with_a_request_without_calling_it_the_answer(qtbot: Any, ws: Any,
                                                                  app_ctx: Any) -> None:
    request_id = _request(ws)
    dialog = track(qtbot, LetterDialog(ws, None, request_id=request_id))
    dialog.answer_box.setChecked(False)
    dialog.set_letter("Wij komen in juni bij u terug.")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    saved = ws.requests.get(request_id)
    assert saved.answer_text == "Wij komen in juni bij u terug." and saved.status == "sent"
    again = track(qtbot, LetterDialog(ws, None, request_id=request_id))
    assert again.edit.toPlainText() == "Wij komen in juni bij u terug."


def test_letter_needs_text_and_a_request(qtbot: Any, ws: Any, app_ctx: Any) -> None:
    request_id = _request(ws)
    dialog = track(qtbot, LetterDialog(ws, None))
    dialog.save()
    assert "plak eerst de brief" in dialog.message.text()
    dialog.set_letter(LETTER)
    dialog.save()
    assert "kies het verzoek" in dialog.message.text()
    wait_for_worker(qtbot)
    assert ws.requests.get(request_id).answer_text == ""


@pytest.mark.parametrize("percent", [100, 150])
def test_screenshots_of_letter_and_highlighting(qtbot: Any, ws: Any, app_ctx: Any, shoot: Any,
                                                percent: int) -> None:
    app = QApplication.instance()
    request_id = _request(ws)
    with text_size(app, percent):
        dialog = track(qtbot, LetterDialog(ws, None, request_id=request_id))
        dialog.resize(1100, 760)
        dialog.show()
        dialog.set_letter(LETTER)
        qtbot.wait(50)
        letter_png = shoot(dialog, f"gui-letter-{percent}")
        edit, _meter, highlighter = _editor(qtbot, f"{EASY}\n\n{HARD}\n\n{LETTER}")
        host = edit.parentWidget()
        host.resize(760, 520)
        qtbot.wait(50)
        highlight_png = shoot(host, f"gui-highlight-{percent}")
        assert highlighter.paint_seconds < 0.5
    assert letter_png.stat().st_size > 10_000 and highlight_png.stat().st_size > 5_000


def test_pure_tooltip_position_mapping_round_trips() -> None:
    from ui.plainlang_highlighter import _Utf16

    units = _Utf16("😀a😀b")
    assert [units.to_qt(i) for i in range(5)] == [0, 2, 3, 5, 6]
    assert [units.to_python(q) for q in (0, 2, 3, 5, 6)] == [0, 1, 2, 3, 4]
    assert QPoint(1, 1) == QPoint(1, 1)


def test_meter_shows_the_score_and_the_words_to_change() -> None:
    shown = meter_text(analyse_text(HARD))
    assert "Score " in shown.hint and "(makkelijk vanaf 70)" in shown.hint
    assert "Verander: Conform, verordening" in shown.hint
    assert "• Conform — Zeg liever: volgens" in shown.tooltip
    assert "Betekent: " in shown.tooltip  # an explanation is marked as one
    easy = meter_text(analyse_text(EASY))
    assert easy.word == "Makkelijk" and "Verander" not in easy.hint


def test_item_summary_editor_shows_the_score_while_typing(qtbot: Any, shoot: Any) -> None:
    from ui.views.meeting_dialogs import AgendaItemDialog

    dialog = AgendaItemDialog()
    qtbot.addWidget(dialog)
    dialog.summary_edit.setPlainText(HARD)
    highlighter_of(dialog.summary_edit).analyse_now()
    hint = dialog.summary_meter.hint_label.text()
    assert "Score " in hint and "Verander: Conform, verordening" in hint
    dialog.summary_edit.setPlainText(EASY)
    highlighter_of(dialog.summary_edit).analyse_now()
    assert "Verander" not in dialog.summary_meter.hint_label.text()
    dialog.summary_edit.setPlainText(HARD)
    highlighter_of(dialog.summary_edit).analyse_now()
    dialog.show()
    dialog.adjustSize()
    shoot(dialog, "gui-item-summary-score")
