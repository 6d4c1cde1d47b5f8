"""Plain-language budgets: the report of a 2,000-word text, and typing in a 5,000-word note.

``python -m bench.run --module bench.plainlang --db ANY.sqlite`` (the file is not read; the
texts are generated from ``bench/text.py``, seeded). Typing is measured in a real
``QPlainTextEdit`` (offscreen) with the highlighter attached: for each keystroke, the time
spent inside ``highlightBlock`` calls that the keystroke triggers, without the debounced
analysis (which runs after a 250 ms pause, off the keystroke path; its time is in the note).
"""

from __future__ import annotations

import os
import statistics
from pathlib import Path

from bench import Result, median_ms, register
from bench.text import TextMaker

WORDS_REPORT = 2000
WORDS_NOTE = 5000


def note(words: int, seed: int = 5) -> str:
    """Generated Dutch minutes of about ``words`` words, in paragraphs."""
    maker = TextMaker(seed)
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(maker.notes(maker.subject()))
    return "\n\n".join(paragraphs)


@register("leesbaarheid 2.000 woorden", budget_ms=50)
def readability_report(_db: Path, repeat: int) -> Result:
    """Median of ``analyse_text`` on 2,000 words; the raw floor is tokenizing alone."""
    from wijkapp.plainlang import analyse_text, tokenize

    text = " ".join(note(WORDS_REPORT).split()[:WORDS_REPORT])
    app = median_ms(lambda: analyse_text(text), repeat)
    raw = median_ms(lambda: tokenize(text), repeat)
    return Result("leesbaarheid 2.000 woorden", app, raw, 50, "floor: alleen woorden splitsen")


@register("typen in notitie van 5.000 woorden", budget_ms=16)
def typing_in_long_note(_db: Path, repeat: int) -> Result:
    """Highlighter time per keystroke (median; the worst keystroke is in the note)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from ui.plainlang_editor import attach_plain_language

    app = QApplication.instance() or QApplication([])
    edit = QPlainTextEdit()
    edit.resize(900, 700)
    edit.show()
    highlighter = attach_plain_language(edit)
    edit.setPlainText(note(WORDS_NOTE))
    highlighter.analyse_now()
    analysis_ms = highlighter.last_analysis_seconds * 1000
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().characterCount() // 2)
    edit.setTextCursor(cursor)
    per_key: list[float] = []
    keys = ["Inzake de verordening wordt conform besloten. "[i % 46] for i in range(max(50, repeat * 5))]
    keys[10] = "\n"  # a new paragraph in the middle of the note
    for key in keys:
        highlighter.paint_seconds = 0.0
        if key == "\n":
            QTest.keyClick(edit, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(edit, key)
        app.processEvents()  # the repaint; the 250 ms analysis timer does not fire here
        per_key.append(highlighter.paint_seconds * 1000)
    worst = max(per_key)
    highlighter.analyse_now()
    after_pause_ms = highlighter.last_analysis_seconds * 1000
    edit.close()
    return Result(
        "typen in notitie van 5.000 woorden", statistics.median(per_key), None, 16,
        f"mediaan {statistics.median(per_key) * 1000:.0f} µs, slechtste toets {worst:.3f} ms "
        f"over {len(per_key)} toetsen; na een pauze: analyse {analysis_ms:.0f} ms "
        f"(eerste), {after_pause_ms:.0f} ms (daarna)",
    )


WORDS_LINEAR = 80_000


@register("leesbaarheid 80.000 woorden zonder leestekens", budget_ms=2000)
def readability_without_punctuation(_db: Path, repeat: int) -> Result:
    """One 80,000-word "sentence" (no full stop anywhere): analysis time must grow linearly.

    The floor is tokenizing the same text; the note gives the time for half the text, so
    the table shows at a glance that twice the words take about twice the time.
    """
    from wijkapp.plainlang import analyse_text, tokenize

    words = [word.strip(".,!?;:") for word in note(WORDS_LINEAR, seed=9).split()]
    text = " ".join(words[:WORDS_LINEAR])
    half = " ".join(words[: WORDS_LINEAR // 2])
    runs = max(1, min(repeat, 3))
    app = median_ms(lambda: analyse_text(text), runs)
    half_ms = median_ms(lambda: analyse_text(half), runs)
    raw = median_ms(lambda: tokenize(text), runs)
    return Result(
        "leesbaarheid 80.000 woorden zonder leestekens", app, raw, 2000,
        f"40.000 woorden: {half_ms:.0f} ms; verhouding 80k/40k = {app / max(half_ms, 0.001):.1f} "
        "(lineair is 2)",
    )
