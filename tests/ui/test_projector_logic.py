"""The projector's pure rules: what fits, how large, which screen, which phase, which words."""

from __future__ import annotations

from typing import Any

import pytest

from ui.views.projector import (
    MIN_POINT_SIZE,
    choose_screen,
    fit_range,
    head,
    projector_point_size,
    tail,
    wrap,
)
from ui.views.projector_content import AFTER, BEFORE, DURING, phase_for, planned_label
from ui.views.residents import count_to_spin, spin_to_count
from ui.views.room_bar import item_clock_label, status_role, total_clock_label
from wijkapp.meeting_clock import ALMOST, NO_PLAN, ON_TIME, OVER, ClockReading


@pytest.mark.parametrize(
    ("heights", "anchor", "available", "expected"),
    [
        ([], 0, 100, (0, 0)),
        ([10, 10, 10], 1, 100, (0, 3)),  # everything fits
        ([10] * 10, 5, 45, (4, 7)),  # one before, then after, with two markers of 5
        ([10] * 10, 0, 45, (0, 4)),  # at the top: no marker above
        ([10] * 10, 9, 45, (6, 10)),  # at the bottom: filled upwards
        ([50, 10, 10], 1, 5, (1, 2)),  # the anchor shows even when nothing fits
        ([10] * 5, 99, 100, (0, 5)),  # an anchor past the end is the last block
    ],
)
def test_fit_range(heights: list[int], anchor: int, available: int,
                   expected: tuple[int, int]) -> None:
    assert fit_range(heights, anchor, available, 5) == expected


@pytest.mark.parametrize(
    ("height", "percent", "at_least", "at_most"),
    [
        (768, 100, 28, 28),  # the floor at 1024×768
        (614, 100, 28, 28),  # a smaller window never goes below 28 pt
        (1080, 100, 39, 40),  # larger screens, larger letters
        (768, 150, 40, 41),  # the text-size setting counts (capped so 11 lines fit)
        (768, 200, 40, 41),
        (2160, 100, 78, 79),
    ],
)
def test_projector_point_size(height: int, percent: int, at_least: float, at_most: float) -> None:
    size = projector_point_size(height, percent, dpi=96)
    assert size >= MIN_POINT_SIZE
    assert at_least <= size <= at_most


def test_choose_screen_picks_the_largest_other_screen() -> None:
    class Geo:
        def __init__(self, w: int, h: int) -> None:
            self.w, self.h = w, h

        def width(self) -> int:
            return self.w

        def height(self) -> int:
            return self.h

    class Screen:
        def __init__(self, w: int, h: int) -> None:
            self.g = Geo(w, h)

        def geometry(self) -> Geo:
            return self.g

    laptop, beamer, monitor = Screen(1366, 768), Screen(1024, 768), Screen(1920, 1080)
    screens: list[Any] = [laptop, beamer]
    assert choose_screen(screens, laptop) is beamer
    assert choose_screen([laptop, beamer, monitor], laptop) is monitor
    assert choose_screen([laptop], laptop) is None
    assert choose_screen(screens, None) is None


@pytest.mark.parametrize(
    ("status", "step", "phase"),
    [("planned", None, BEFORE), ("planned", "attendance", BEFORE), ("planned", "x", DURING),
     ("held", None, AFTER), ("held", "attendance", AFTER), ("held", "x", DURING),
     ("planned", "carried-over", DURING)],
)
def test_phase_for(status: str, step: str | None, phase: str) -> None:
    class M:
        pass

    meeting: Any = M()
    meeting.status = status
    assert phase_for(meeting, step) == phase


@pytest.mark.parametrize(("minutes", "text"),
                         [(0, "0 min."), (10, "10 min."), (60, "1 uur"), (109, "1 uur 49 min.")])
def test_planned_label(minutes: int, text: str) -> None:
    assert planned_label(minutes) == text


def _reading(item: str | None, spent: float, plan: int | None, status: str) -> ClockReading:
    return ClockReading(item, spent, plan, status, spent, plan, status, True)


@pytest.mark.parametrize(
    ("reading", "item_text", "total_text"),
    [
        (_reading(None, 0, None, NO_PLAN), "Dit punt: —", "Hele vergadering: 0:00"),
        (_reading("a", 125, 10, ON_TIME), "Dit punt: 2:05 van 10 min.",
         "Hele vergadering: 2:05 van 10 min."),
        (_reading("a", 540, 10, ALMOST), "Dit punt: 9:00 van 10 min. — bijna om",
         "Hele vergadering: 9:00 van 10 min."),
        (_reading("a", 3700, 60, OVER), "Dit punt: 1:01:40 van 1 uur — over de tijd",
         "Hele vergadering: 1:01:40 van 1 uur — over de tijd"),
    ],
)
def test_clock_labels(reading: ClockReading, item_text: str, total_text: str) -> None:
    assert item_clock_label(reading) == item_text
    assert total_clock_label(reading) == total_text


def test_status_roles_are_colours_not_sounds() -> None:
    assert [status_role(s) for s in (NO_PLAN, ON_TIME, ALMOST, OVER)] == [
        "clock", "clock", "clock-almost", "clock-over"]


def test_head_and_tail_cut_at_words() -> None:
    text = "woord " * 1000
    assert head(text, 20) == "woord woord woord …"
    assert tail(text + "EINDE", 20).endswith("EINDE") and tail(text, 20).startswith("… ")
    assert head("kort") == "kort" and tail("kort") == "kort"


def test_wrap_keeps_emoji_and_ij_whole(qapp: Any) -> None:
    from PySide6.QtGui import QFont

    font = QFont()
    font.setPointSize(28)
    lines = wrap("😀 Ĳzerstraat 😀 " * 30 + "EINDE", font, 300)
    assert len(lines) > 3
    assert lines[-1].endswith("EINDE")
    assert "".join(lines).count("😀") >= 50  # no emoji lost between lines


def test_residents_spin_mapping() -> None:
    assert spin_to_count(-1) is None and spin_to_count(0) == 0 and spin_to_count(23) == 23
    assert count_to_spin(None) == -1 and count_to_spin(7) == 7
