"""RecordListModel updates rows in place: inserts, removes, moves and rewrites, never a reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPersistentModelIndex

from ui.models.records import LATE_COLOR, ListRow, RecordListModel


def texts(model: RecordListModel) -> list[str]:
    return [row.text(0) for row in model.rows()]


def watch(model: RecordListModel) -> dict[str, int]:
    counts = {"reset": 0, "inserted": 0, "removed": 0, "changed": 0}
    model.modelReset.connect(lambda: counts.__setitem__("reset", counts["reset"] + 1))
    model.rowsInserted.connect(lambda *_a: counts.__setitem__("inserted", counts["inserted"] + 1))
    model.rowsRemoved.connect(lambda *_a: counts.__setitem__("removed", counts["removed"] + 1))
    model.dataChanged.connect(lambda *_a: counts.__setitem__("changed", counts["changed"] + 1))
    return counts


def test_rows_are_updated_in_place(qapp: Any) -> None:
    model = RecordListModel(["Wat", "Wie"])
    rows = [ListRow(str(n), (f"punt {n}", "Piet")) for n in range(300)]
    model.set_rows(rows)
    assert texts(model)[:2] == ["punt 0", "punt 1"] and model.rowCount() == 300
    kept = QPersistentModelIndex(model.index_of("150"))
    counts = watch(model)
    rows[5] = ListRow("5", ("punt vijf", "Piet"), late=True)  # one row rewritten
    model.set_rows(rows)
    assert counts == {"reset": 0, "inserted": 0, "removed": 0, "changed": counts["changed"]}
    assert counts["changed"] >= 1
    five = model.rows()[5]
    assert five.text(0) == "punt vijf" and five.foreground(1).color() == LATE_COLOR
    assert five.font(0).bold()
    assert kept.isValid() and kept.row() == 150  # other rows are untouched


def test_insert_remove_and_move_without_reset(qapp: Any) -> None:
    model = RecordListModel(["Wat"])
    model.set_rows([ListRow(i, (i,)) for i in "abcde"])
    counts = watch(model)
    kept = QPersistentModelIndex(model.index_of("b"))
    model.set_rows([ListRow(i, (i.upper() if i == "e" else i,)) for i in "ebcx"])
    assert texts(model) == ["E", "b", "c", "x"]
    assert counts["reset"] == 0 and counts["removed"] >= 2 and counts["inserted"] >= 1
    assert kept.isValid() and model.data(kept) == "b"  # a row not moved keeps its index


def test_groups_hold_their_rows(qapp: Any) -> None:
    model = RecordListModel(["Doel", "Stand"])
    groups = [(1, "Urgentie"), (2, "Buurtscan")]
    model.set_rows([ListRow("g1", ("Minder eenzaamheid", "Loopt"), group=1),
                    ListRow("g2", ("Buurtscan afronden", "Bereikt"), group=2)], groups)
    assert model.group_rows() == [0, 1] and model.group_count(0) == 1
    model.set_rows([ListRow("g1", ("Minder eenzaamheid", "Loopt"), group=2),
                    ListRow("g2", ("Buurtscan afronden", "Bereikt"), group=2)], groups)
    assert model.group_count(0) == 0 and model.group_count(1) == 2
    assert texts(model) == ["Minder eenzaamheid", "Buurtscan afronden"]
