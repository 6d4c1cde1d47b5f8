"""Table-driven tests of the Qt-free words the follow-up views show."""

from __future__ import annotations

import datetime as dt

import pytest

from ui import labels
from wijkapp.search import HIT_END, HIT_START

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-12-03", "3 dec 2026"),
    (dt.date(2027, 3, 1), "1 mrt 2027"),
    (None, ""),
    ("", ""),
])
def test_date_text(value, expected):
    assert labels.date_text(value).replace(".", "") == expected


@pytest.mark.parametrize(("due", "expected"), [
    ("2026-12-02", "te laat (1 dag)"),
    ("2026-11-21", "te laat (12 dagen)"),
    ("2026-12-03", ""),
    ("2026-12-04", ""),
    (None, ""),
])
def test_days_late_text(due, expected):
    assert labels.days_late_text(due, TODAY) == expected


@pytest.mark.parametrize(("due", "still_open", "late"), [
    ("2026-12-02", True, True),
    ("2026-12-02", False, False),
    ("2026-12-03", True, False),
    (None, True, False),
])
def test_is_late(due, still_open, late):
    assert labels.is_late(due, still_open, TODAY) is late


@pytest.mark.parametrize(("times", "expected"), [(0, ""), (1, "1× uitgesteld"),
                                                 (2, "2× uitgesteld")])
def test_postponed_text(times, expected):
    assert labels.postponed_text(times) == expected


def test_late_action_row_says_te_laat_and_sorts_first():
    late = labels.action_row("Bellen", "Ellen", "2026-11-20", "open", 2, "", TODAY)
    soon = labels.action_row("Offerte", "Harrie", "2026-12-10", "open", 0, "5 nov 2026", TODAY)
    undated = labels.action_row("Website", "", None, "open", 0, "", TODAY)
    done = labels.action_row("Zaal", "Jo", "2026-11-01", "done", 0, "", TODAY)
    assert late.late and "te laat (13 dagen)" in late.cells[3]
    assert "2× uitgesteld" in late.cells[3]
    assert not done.late and done.cells[3] == "klaar"
    assert undated.cells[1] == "niemand" and undated.cells[2] == "geen datum"
    assert undated.cells[4] == "—"
    assert late.cells[3] == "te laat (13 dagen)\n2× uitgesteld"
    order = sorted([done, undated, soon, late], key=lambda r: r.sort_key)
    assert [r.cells[0] for r in order] == ["Bellen", "Offerte", "Website", "Zaal"]


@pytest.mark.parametrize(("status", "due", "expected", "late"), [
    ("sent", "2026-11-30", "Verstuurd\nte laat (3 dagen)", True),
    ("sent", "2026-12-30", "Verstuurd", False),
    ("draft", None, "Concept", False),
    ("answered", "2026-11-01", "Beantwoord", False),
    ("closed", "2026-11-01", "Afgesloten", False),
])
def test_request_row_state(status, due, expected, late):
    row = labels.request_row("Lantaarn", "signal", "", status, "2026-10-01", due, TODAY)
    assert row.cells[1] == expected
    assert row.late is late
    assert len(row.cells) == 3


def test_late_requests_sort_before_waiting_drafts_and_answered():
    rows = [labels.request_row(s, "request", "", st, None, d, TODAY) for s, st, d in [
        ("beantwoord", "answered", None), ("concept", "draft", None),
        ("wacht", "sent", "2027-01-01"), ("te laat", "sent", "2026-11-01")]]
    order = [r.cells[0] for r in sorted(rows, key=lambda r: r.sort_key)]
    assert order == ["te laat", "wacht", "concept", "beantwoord"]


@pytest.mark.parametrize(("snippet", "expected"), [
    (f"de {HIT_START}speeltuin{HIT_END} bij", "de <b>speeltuin</b> bij"),
    (f"<b>&amp; {HIT_START}AT&T{HIT_END}", "&lt;b&gt;&amp;amp; <b>AT&amp;T</b>"),
    ('zei "ja"\nnee', 'zei "ja" nee'),
    ("ĳs 🎉", "ĳs 🎉"),
])
def test_snippet_html_escapes_user_text_and_bolds_hits(snippet, expected):
    assert labels.snippet_html(snippet) == expected


def test_snippet_plain_drops_marks():
    assert labels.snippet_plain(f"a {HIT_START}b{HIT_END}") == "a b"


@pytest.mark.parametrize(("value", "limit", "expected"), [
    ("", 10, "Vul het onderwerp in."),
    ("   ", 10, "Vul het onderwerp in."),
    ("Lantaarn", 10, None),
    ("x" * 11, 10, "Het onderwerp is te lang: 11 tekens, hoogstens 10."),
    ("x" * 10_000, 1000, "Het onderwerp is te lang: 10.000 tekens, hoogstens 1.000."),
])
def test_required_text_problem(value, limit, expected):
    assert labels.required_text_problem(value, "het onderwerp", limit) == expected


@pytest.mark.parametrize(("block", "expected"), [
    (1, "1. Urgentie"), (5, "5. Tellen en vertellen"), (7, "7. De buurtagenda opstellen"),
    (9, "Bouwsteen 9"),
])
def test_building_block_label(block, expected):
    assert labels.building_block_label(block) == expected


@pytest.mark.parametrize(("table", "key", "expected"), [
    (labels.goal_status_label, "not_achieved", "Niet bereikt"),
    (labels.goal_status_label, "running", "Loopt"),
    (labels.request_status_label, "draft", "Concept"),
    (labels.request_kind_label, "signal", "Signaal"),
    (labels.organisation_kind_label, "municipality", "Gemeente"),
    (labels.search_kind_label, "people", "Contacten"),
    (labels.goal_status_label, "onbekend", "onbekend"),
])
def test_dutch_labels(table, key, expected):
    assert table(key) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-12-03", "vandaag"), ("2026-12-02", "gisteren"), (None, "nog niet"),
    ("2026-11-01", "1 nov 2026"),
])
def test_last_contact_text(value, expected):
    assert labels.last_contact_text(value, TODAY).replace(".", "") == expected


@pytest.mark.parametrize(("value", "ok"), [
    ("", True), ("jan@voorbeeld.nl", True), ("jan", False), ("jan@", False),
    ("jan @x.nl", False),
])
def test_email_problem(value, ok):
    assert (labels.email_problem(value) is None) is ok


@pytest.mark.parametrize(("needle", "fields", "found"), [
    ("coordinator", ("wijkcoördinator",), True),
    ("POLITIE", ("Jos", "Politie Limburg"), True),
    ("ijs", ("ĳsbaan",), True),
    ("", ("x",), True),
    ("groen", ("verkeer",), False),
])
def test_matches_ignores_case_and_accents(needle, fields, found):
    assert labels.matches(needle, *fields) is found


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Kort", 10, "Kort"),
    ("Een heel lange zin over de speeltuin", 20, "Een heel lange zin…"),
    ("eerste\ntweede", 50, "eerste"),
    ("", 10, ""),
])
def test_shorten(text, limit, expected):
    assert labels.shorten(text, limit) == expected


@pytest.mark.parametrize(("starts", "title", "expected"), [
    ("2026-03-12T19:30:00+01:00", "Vergadering wijkplatform", "12 mrt 2026"),
    ("2026-03-12T19:30:00+01:00", "Jaarvergadering", "12 mrt 2026 – Jaarvergadering"),
])
def test_meeting_label(starts, title, expected):
    assert labels.meeting_label(starts, title).replace(".", "") == expected


@pytest.mark.parametrize(("wanted", "available", "keep", "expected"), [
    ([100, 50, 50], 400, (), [300, 50, 50]),
    ([300, 200, 100], 400, (), [160, 160, 80]),
    ([300, 200, 100], 400, (2,), [160, 140, 100]),
    ([], 100, (), []),
])
def test_column_widths_keep_the_te_laat_column_whole(wanted, available, keep, expected):
    from ui.views.widgets import column_widths

    assert column_widths(wanted, available, keep=keep) == expected


def test_kept_columns_wrap_at_a_word_rather_than_push_a_column_out_of_sight():
    """Actiepunten at 150 %: Wat, Wie, Klaar vóór, Stand (kept), Vergadering. The kept
    columns give up room down to their longest word before the row gets wider than the
    list; with room to spare they stay whole."""
    from ui.views.widgets import column_widths

    wanted, least = [600, 150, 200, 290, 220], [150, 120, 120, 110, 190]
    widths = column_widths(wanted, 1100, keep=(2, 3), least=least)
    assert sum(widths) <= 1100
    assert all(width >= word for width, word in zip(widths, least, strict=True))
    assert widths[2] < 200 or widths[3] < 290
    roomy = column_widths(wanted, 1400, keep=(2, 3), least=least)
    assert roomy[2:4] == [200, 290]


@pytest.mark.parametrize(("count", "expected"), [
    (0, "1. Urgentie: nog geen doelen"), (1, "1. Urgentie (1)"), (12, "1. Urgentie (12)")])
def test_group_header(count, expected):
    assert labels.group_header("1. Urgentie", count) == expected


def test_goal_row_reads_status_in_dutch():
    row = labels.goal_row("Minder eenzaamheid", "not_achieved", "")
    assert row.cells == ("Minder eenzaamheid", "Niet bereikt", "hele wijk")
