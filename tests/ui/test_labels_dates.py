"""ui.labels, part one: dates, times and the core's codes in Dutch (table-driven)."""

from __future__ import annotations

import datetime as dt

import pytest

from ui.labels import (
    action_row_label,
    agenda_total_label,
    attendance_label,
    date_label,
    date_time_label,
    is_overdue,
    kind_label,
    meeting_row_label,
    meeting_status_label,
    minutes_label,
    notes_counter_label,
    parse_buurten,
    postponed_label,
    redo_text,
    review_label,
    short_date_label,
    time_label,
    undo_text,
    window_title,
)
from ui.models.agenda import drop_position, step_position
from ui.preferences import Preferences, clamp_text_size
from ui.views.meeting_dialogs import required_problem
from ui.views.meetings import suggest_next_meeting
from wijkapp.timeutil import TZ


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ), "donderdag 3 december 2026, 19:30"),
        ("2026-12-03T19:30:00+01:00", "donderdag 3 december 2026, 19:30"),
        (dt.datetime(2026, 7, 1, 9, 5), "woensdag 1 juli 2026, 09:05"),
        ("2026-07-01T07:05:00+00:00", "woensdag 1 juli 2026, 09:05"),  # shown in Amsterdam time
        (None, ""),
        ("", ""),
    ],
)
def test_date_time_label_is_dutch(value: object, expected: str) -> None:
    assert date_time_label(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "long", "short"),
    [
        ("2026-12-03", "donderdag 3 december 2026", "3 dec 2026"),
        (dt.date(2027, 1, 1), "vrijdag 1 januari 2027", "1 jan 2027"),
        (None, "", ""),
    ],
)
def test_date_labels(value: object, long: str, short: str) -> None:
    assert date_label(value) == long  # type: ignore[arg-type]
    assert short_date_label(value).replace(".", "") == short  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("function", "code", "expected"),
    [
        (kind_label, "informing", "ter informatie"),
        (kind_label, "discussing", "ter bespreking"),
        (kind_label, "deciding", "ter besluitvorming"),
        (meeting_status_label, "planned", "gepland"),
        (meeting_status_label, "held", "gehouden"),
        (meeting_status_label, "cancelled", "afgelast"),
        (attendance_label, "present", "aanwezig"),
        (attendance_label, "absent_notice", "afwezig met bericht"),
        (attendance_label, "absent", "afwezig"),
        (attendance_label, "invited", "uitgenodigd"),
        (review_label, "postponed", "uitgesteld"),
        (review_label, "kept", "blijft staan"),
        (kind_label, "unknown", "unknown"),
    ],
)
def test_code_labels(function: object, code: str, expected: str) -> None:
    assert function(code) == expected  # type: ignore[operator]


@pytest.mark.parametrize(
    ("times", "expected"), [(0, ""), (1, "1× uitgesteld"), (2, "2× uitgesteld"), (-1, "")]
)
def test_postponed_label(times: int, expected: str) -> None:
    assert postponed_label(times) == expected


def test_small_labels() -> None:
    assert minutes_label(None) == ""
    assert minutes_label(10) == "10 min."
    assert time_label("2026-12-03T19:30:00+01:00") == "19:30"
    assert notes_counter_label("x" * 10_000) == "Bewaard · 10.000 tekens"
    assert window_title("Wijkplatform Zuid") == "Wijkplatform Zuid — Wijkapp"
    assert window_title(None) == "Wijkapp"
    assert undo_text("Agendapunt verwijderd") == "Ongedaan maken: Agendapunt verwijderd"
    assert undo_text(None) == "Ongedaan maken"
    assert redo_text("Agendapunt verwijderd") == "Opnieuw: Agendapunt verwijderd"


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        ([5, 2, 10], "3 punten, samen 17 minuten"),
        ([60], "1 punt, samen 1 uur"),
        ([30, 39, None], "3 punten, samen 1 uur en 9 minuten"),
        ([], "0 punten, samen 0 minuten"),
    ],
)
def test_agenda_total_label(minutes: list[int | None], expected: str) -> None:
    assert agenda_total_label(minutes) == expected


def test_meeting_row_label_names_a_status_that_is_not_planned() -> None:
    start = "2026-12-03T19:30:00+01:00"
    assert meeting_row_label("Vergadering", start, "Buurthuis", "planned") == (
        "donderdag 3 december 2026, 19:30 · Vergadering · Buurthuis"
    )
    assert meeting_row_label("V", start, "", "cancelled").endswith("· V (afgelast)")


def test_action_row_label() -> None:
    assert action_row_label("Bankje repareren ", "Piet", "2026-12-03", 2).replace(".", "") == (
        "Bankje repareren — Piet — klaar op 3 dec 2026 — 2× uitgesteld"
    )
    assert action_row_label("<b>&amp;", "", None, 0) == "<b>&amp;"


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        ("2026-01-01", "open", True),
        ("2026-01-02", "open", False),
        ("2026-01-01", "done", False),
        (None, "open", False),
    ],
)
def test_is_overdue(due: str | None, status: str, expected: bool) -> None:
    assert is_overdue(due, status, dt.date(2026, 1, 2)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lindenheuvel\nKrawinkel", ["Lindenheuvel", "Krawinkel"]),
        ("Lindenheuvel, Krawinkel; Ommenderveld", ["Lindenheuvel", "Krawinkel", "Ommenderveld"]),
        ("  IJsselmonde  \n\nijsselmonde\n", ["IJsselmonde"]),
        ("Oud  Geleen", ["Oud Geleen"]),
        ("", []),
    ],
)
def test_parse_buurten(text: str, expected: list[str]) -> None:
    assert parse_buurten(text) == expected


@pytest.mark.parametrize(
    ("source", "drop", "count", "expected"),
    [
        (0, 2, 5, 1),  # dropped before row 2: lands on position 1
        (0, 5, 5, 4),  # after the last row
        (0, -1, 5, 4),  # on empty space: to the end
        (4, 0, 5, 0),  # to the top
        (2, 2, 5, None),  # onto itself: nothing moves
        (2, 3, 5, None),  # just below itself: nothing moves
        (3, 1, 5, 1),
    ],
)
def test_drop_position(source: int, drop: int, count: int, expected: int | None) -> None:
    assert drop_position(source, drop, count) == expected


@pytest.mark.parametrize(
    ("row", "delta", "count", "expected"),
    [(0, -1, 3, None), (0, 1, 3, 1), (2, 1, 3, None), (2, -1, 3, 1), (-1, 1, 3, None)],
)
def test_step_position(row: int, delta: int, count: int, expected: int | None) -> None:
    assert step_position(row, delta, count) == expected


@pytest.mark.parametrize(
    ("last", "now", "expected"),
    [
        (None, dt.datetime(2026, 3, 1, 10, tzinfo=TZ), dt.datetime(2026, 3, 29, 19, 30, tzinfo=TZ)),
        (
            dt.datetime(2026, 3, 5, 19, 30, tzinfo=TZ),
            dt.datetime(2026, 3, 6, tzinfo=TZ),
            dt.datetime(2026, 4, 2, 19, 30, tzinfo=TZ),
        ),
        (  # last meeting long ago: same weekday, after today
            dt.datetime(2025, 1, 2, 20, 0, tzinfo=TZ),
            dt.datetime(2026, 3, 6, tzinfo=TZ),
            dt.datetime(2026, 3, 12, 20, 0, tzinfo=TZ),
        ),
    ],
)
def test_suggest_next_meeting(
    last: dt.datetime | None, now: dt.datetime, expected: dt.datetime
) -> None:
    assert suggest_next_meeting(last, now) == expected


@pytest.mark.parametrize(
    ("data", "size", "language"),
    [
        ({}, 100, "nl"),
        ({"text_size": 150, "language": "en"}, 150, "en"),
        ({"text_size": 500, "language": "fr"}, 200, "nl"),
        ({"text_size": "groot", "language": None}, 100, "nl"),
        ({"text_size": True}, 100, "nl"),
    ],
)
def test_preferences_are_clamped(data: dict[str, object], size: int, language: str) -> None:
    prefs = Preferences.from_dict(data)
    assert (prefs.text_size, prefs.language) == (size, language)
    assert clamp_text_size(50) == 100


@pytest.mark.parametrize(
    ("text", "ok"), [("", False), ("   \n", False), ("Speeltuin", True), ("ĳ 😀", True)]
)
def test_required_problem(text: str, ok: bool) -> None:
    problem = required_problem(text, "de titel")
    assert (problem is None) is ok
    if not ok:
        assert problem == "Vul de titel in."
