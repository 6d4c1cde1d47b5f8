"""An id belongs to one board: rows never point across boards (issue 11, point 8).

:func:`cross_board_links` finds rows whose board differs from the board of a row they point
to (for ``wijkapp check``); the exchange import uses :func:`parent_links` to refuse files
that would move or reparent our rows into another board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .goals import LINK_KINDS
from .schema import TABLES

if TYPE_CHECKING:
    from .workspace import Workspace


def parent_links(ws: Workspace, table: str) -> dict[str, str]:
    """``{column: parent_table}`` for the foreign keys of ``table`` other than ``board_id``."""
    return {
        r["from"]: r["table"]
        for r in ws.store.rows(f"PRAGMA foreign_key_list([{table}])")
        if r["from"] != "board_id"
    }


def board_of(ws: Workspace, table: str, row_id: str) -> str | None:
    """The board a stored row belongs to (its own id for a board), or ``None`` when absent."""
    column = "id" if table == "boards" else "board_id"
    value = ws.store.scalar(f"SELECT [{column}] FROM [{table}] WHERE id = ?", [row_id])
    return None if value is None else str(value)


def cross_board_links(ws: Workspace) -> list[str]:
    """Dutch sentences, one per kind of link, for rows whose board differs from their parent's.

    Soft-deleted rows are checked too: undo or an import could bring them back.
    """
    problems: list[str] = []
    for table in TABLES:
        if table == "boards":
            continue
        for column, parent in parent_links(ws, table).items():
            parent_board = "p.id" if parent == "boards" else "p.board_id"
            count = ws.store.scalar(
                f"SELECT COUNT(*) FROM [{table}] c JOIN [{parent}] p ON p.id = c.[{column}] "
                f"WHERE c.board_id IS NOT {parent_board}"
            )
            if count:
                problems.append(
                    f"{count} rijen in '{table}' horen bij een ander wijkplatform dan waar "
                    f"'{column}' naar wijst."
                )
    for kind in LINK_KINDS:
        count = ws.store.scalar(
            f"SELECT COUNT(*) FROM goal_links c JOIN [{kind}] p ON p.id = c.target_id "
            "WHERE c.target_kind = ? AND c.board_id IS NOT p.board_id",
            [kind],
        )
        if count:
            problems.append(
                f"{count} koppelingen van doelen wijzen naar '{kind}' van een ander wijkplatform."
            )
    return problems
