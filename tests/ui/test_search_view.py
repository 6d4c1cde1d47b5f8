"""Zoeken: grouped by kind with Dutch headers, accents folded, odd input safe, opening records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.followup_data import fill, screenshots, track
from ui.views.search import HTML_ROLE, SearchView


def make(qtbot, ws, bus):
    view = SearchView(ws, bus)
    return track(qtbot, view)


def headers(view):
    tree = view.results
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def run(view, text):
    view.box.setText(text)
    view.search_now()


def test_results_are_grouped_by_kind_with_dutch_headers(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    run(view, "speeltuin")
    assert headers(view) == ["Verzoeken aan de gemeente (1)", "Contacten (1)",
                             "Buurtagenda (1)"]
    assert [(h.kind, h.id) for h in view.hits] == [
        ("requests", board.requests["prullenbak"]), ("people", board.people["Harrie Coenen"]),
        ("goals", board.goals["partijen"])]
    html = view.result_items()[1].data(0, HTML_ROLE)
    assert "<b>speeltuinen</b>" in html and "Harrie Coenen" in html
    assert "3 resultaten" in view.summary.text()


def test_accents_do_not_matter(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    run(view, "coordinatie")
    assert ("goals", board.goals["partijen"]) in [(h.kind, h.id) for h in view.hits]
    assert "<b>Coördinatie</b>" in view.result_items()[0].data(0, HTML_ROLE)


def test_search_as_you_type(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    qtbot.keyClicks(view.box, "lantaarn")
    qtbot.waitUntil(lambda: len(view.hits) >= 2, timeout=3000)
    assert "Actiepunten (1)" in headers(view)
    assert "Verzoeken aan de gemeente (1)" in headers(view)


def test_odd_input_does_not_crash(qtbot, ws, bus, app_ctx):
    fill(ws)
    ws.requests.add("Bellen met AT&T over <b>&amp; \"glasvezel\"")
    view = make(qtbot, ws, bus)
    for text in ('AT&T', '"', '*', 'NOT', '(', ')', 'a OR', '-', "'", "🎉", "ĳ" * 300,
                 "x" * 10_000, "<b>&amp;", "NEAR(a b)", "   "):
        run(view, text)
        assert view.summary.text()
    run(view, "AT&T")
    assert [h.kind for h in view.hits] == ["requests"]
    html = view.result_items()[0].data(0, HTML_ROLE)
    assert "&lt;b&gt;&amp;amp;" in html and "<b>&amp;" not in html.replace("<b>AT", "")
    run(view, "zzzqqq")
    assert view.hits == [] and "Niets gevonden" in view.summary.text()


def test_enter_and_double_click_open_the_record(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.show()
    run(view, "Buurtscan")
    view.box.setFocus()
    opened_early: list[tuple[str, str]] = []
    view.open_requested.connect(lambda kind, rid: opened_early.append((kind, rid)))
    # Enter in the box shows the list first: the first hit is chosen, nothing opens yet.
    qtbot.keyClick(view.box, Qt.Key.Key_Return)
    assert opened_early == []
    assert view.results.currentItem() is view.result_items()[0]
    assert view.window().focusWidget() is view.results
    with qtbot.waitSignal(view.open_requested, timeout=1000) as signal:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert signal.args == ["goals", board.goals["scan"]]
    run(view, "speeltuin")
    qtbot.keyClick(view.box, Qt.Key.Key_Down)
    assert view.results.hasFocus() or view.results.currentItem() is view.result_items()[0]
    view.results.setCurrentItem(view.result_items()[1])
    with qtbot.waitSignal(view.open_requested, timeout=1000) as signal:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert signal.args == ["people", board.people["Harrie Coenen"]]
    item = view.result_items()[2]
    rect = view.results.visualItemRect(item)
    opened = []
    view.open_requested.connect(lambda kind, record_id: opened.append((kind, record_id)))
    qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("goals", board.goals["partijen"])]


def test_focus_search_selects_the_text(qtbot, ws, bus, app_ctx):
    view = make(qtbot, ws, bus)
    view.show()
    view.box.setText("speeltuin")
    view.focus_search()
    assert view.box.hasFocus() or qtbot.waitUntil(view.box.hasFocus, timeout=1000) is None
    assert view.box.selectedText() == "speeltuin"
    assert view.box.accessibleName() and view.results.accessibleName()
    assert view.nav_title == "Zoeken"


def test_changes_elsewhere_refresh_the_results(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    run(view, "barbecue")
    before = len(view.hits)
    bus.emit_changes(ws.goals.add("Barbecue voor de hele straat", 3), None)
    assert len(view.hits) == before + 1


def test_screenshots(qtbot, ws, bus, app_ctx, shoot, qapp):
    fill(ws)
    meeting = ws.meetings.all()[1].id
    ws.agenda.add(meeting, "Speeltuin Lindenheuvel: stand van zaken")
    ws.decisions.add(meeting, "Het wijkplatform steunt de aanvraag voor een nieuwe speeltuin "
                              "aan de Heideweg en vraagt de gemeente om een planning.")

    def prepare(view):
        run(view, "speeltuin")
        view.results.setCurrentItem(view.result_items()[0])

    def check(view):
        assert view.box.text() == "speeltuin"
        assert view.results.currentItem() is view.result_items()[0]
        assert len(view.result_items()) >= 2  # the agenda item and the decision

    paths = screenshots(lambda: SearchView(ws, bus), qtbot, qapp, shoot, "gui-search", prepare,
                        check)
    assert len(paths) == 2
