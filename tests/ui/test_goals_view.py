"""Buurtagenda: goals grouped by the seven bouwstenen, status, editor, buurt filter."""

from __future__ import annotations

from tests.ui.followup_data import capture_warnings, fill, save_now, screenshots, track
from ui.views.goals import GoalsView


def make(qtbot, ws, bus):
    view = GoalsView(ws, bus)
    return track(qtbot, view)


def groups(view):
    view.panel.items()  # catches up first
    model = view.panel.model
    out = {}
    for g in range(model.rowCount()):
        group = model.item(g, 0)
        out[group.text()] = [(group.child(i, 0).text(), group.child(i, 1).text())
                             for i in range(group.rowCount())]
    return out


def test_goals_are_grouped_by_the_seven_bouwstenen_with_status(qtbot, ws, bus, app_ctx):
    fill(ws)
    view = make(qtbot, ws, bus)
    shown = groups(view)
    assert list(shown) == [
        "1. Urgentie (1)", "2. Buurtscan (1)", "3. Partijen samenbrengen (1)",
        "4. Verhalen ophalen (1)", "5. Tellen en vertellen: nog geen doelen", "6. Verbinden met beleid (1)",
        "7. De buurtagenda opstellen: nog geen doelen"]
    assert shown["1. Urgentie (1)"] == [("Minder eenzaamheid onder ouderen", "Loopt")]
    assert shown["2. Buurtscan (1)"] == [("Buurtscan Krawinkel afronden", "Bereikt")]
    assert shown["6. Verbinden met beleid (1)"][0][1] == "Niet bereikt"
    assert shown["4. Verhalen ophalen (1)"][0][1] == "Gestopt"


def test_buurt_filter(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.area_filter.setCurrentIndex(view.area_filter.findData(board.areas["Krawinkel"]))
    assert [t for rows in groups(view).values() for t, _s in rows] == [
        "Buurtscan Krawinkel afronden"]
    view.area_filter.setCurrentIndex(1)  # only the whole wijk
    assert [t for rows in groups(view).values() for t, _s in rows] == [
        "Verhalen van bewoners ophalen bij de markt"]


def test_editor_saves_status_evidence_and_moves_bouwsteen(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    panel = view.panel
    goal_id = board.goals["partijen"]
    panel.select(goal_id)
    assert panel.title.text() == "Coördinatie speeltuin met ZOwonen en gemeente"
    panel.status.setCurrentIndex(panel.status.findData("achieved"))
    panel.evidence.setPlainText("Afspraken vastgelegd; <b>&amp; ĳ 🎉")
    panel.evaluation.setPlainText("e" * 10_000)
    panel.block.setCurrentIndex(panel.block.findData(5))
    save_now(panel, qtbot)
    goal = ws.goals.get(goal_id)
    assert (goal.status, goal.building_block) == ("achieved", 5)
    assert goal.evidence == "Afspraken vastgelegd; <b>&amp; ĳ 🎉"
    assert goal.evaluation == "e" * 10_000
    shown = groups(view)
    assert shown["5. Tellen en vertellen (1)"] == [
        ("Coördinatie speeltuin met ZOwonen en gemeente", "Bereikt")]
    assert panel.current_id == goal_id


def test_new_goal_under_the_chosen_bouwsteen_and_empty_title(qtbot, ws, bus, app_ctx,
                                                             monkeypatch):
    shown = capture_warnings(monkeypatch)
    board = fill(ws)
    view = make(qtbot, ws, bus)
    panel = view.panel
    panel.select(board.goals["beleid"])
    panel.start_new()
    assert panel.block.currentData() == 6
    panel.who.setText("Harrie")
    save_now(panel, qtbot)
    assert "Vul wat u wilt bereiken in." in panel.message.text()
    assert panel.who.text() == "Harrie"
    panel.title.setText("Wijkbudget voor de schoolroute aanvragen")
    save_now(panel, qtbot)
    goal = next(g for g in ws.goals.all() if g.title.startswith("Wijkbudget"))
    assert (goal.building_block, goal.who, goal.status) == (6, "Harrie", "idea")
    assert shown == []


def test_open_record_clears_the_filter(qtbot, ws, bus, app_ctx):
    board = fill(ws)
    view = make(qtbot, ws, bus)
    view.area_filter.setCurrentIndex(view.area_filter.findData(board.areas["Krawinkel"]))
    view.open_record("goals", board.goals["eenzaam"])
    assert view.area_filter.currentIndex() == 0
    assert view.panel.current_id == board.goals["eenzaam"]
    assert view.nav_title == "Buurtagenda"


def test_screenshots(qtbot, ws, bus, app_ctx, shoot, qapp):
    board = fill(ws)

    def prepare(view):
        view.panel.select(board.goals["eenzaam"])

    def check(view):
        assert view.panel.current_id == board.goals["eenzaam"]

    paths = screenshots(lambda: GoalsView(ws, bus), qtbot, qapp, shoot, "gui-goals", prepare,
                        check)
    assert len(paths) == 2
