"""Persoonsgegevens (AVG): everything stored about a person, and erasing a person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .changes import Changes
from .timeutil import now_iso

if TYPE_CHECKING:
    from .workspace import Workspace

ERASED_NAME = "verwijderd"

#: Where a person is referenced: (table, column holding the person's id).
_REFERENCES = (
    ("attendance", "person_id"),
    ("actions", "owner_id"),
    ("requests", "sent_to_id"),
    ("meetings", "chair_id"),
    ("meetings", "secretary_id"),
)


def person_data(ws: Workspace, person_id: str) -> dict[str, Any]:
    """Every row that is about this person, as a JSON-ready dict (for an AVG request)."""
    person = ws.store.row("people", person_id)
    if person is None:
        from .errors import NotFoundError

        raise NotFoundError("Dit contact bestaat niet (meer).")
    data: dict[str, Any] = {
        "format": "wijkapp-persoonsgegevens",
        "made_at": now_iso(),
        "person": person,
        "organisation": ws.store.row("organisations", person["organisation_id"])
        if person["organisation_id"] else None,
    }
    for table, column in _REFERENCES:
        rows = ws.store.rows(f"SELECT * FROM [{table}] WHERE [{column}] = ?", [person_id])
        data.setdefault(table, []).extend(rows)
    return data


def erase_person(ws: Workspace, person_id: str) -> Changes:
    """Replace the person's name by "verwijderd" and remove their contact data.

    Links (attendance, actions they own) stay so the minutes still add up, but show
    "verwijderd". Not an undo step: the old data must not linger in memory. Backups made
    earlier still hold the data until they are thinned away.
    """
    ws.contacts.get(person_id)
    board_id = ws.store.scalar("SELECT board_id FROM people WHERE id = ?", [person_id])
    cleared = {
        "name": ERASED_NAME, "role": "", "phone": "", "email": "", "topics": "", "notes": "",
        "last_contact": None, "organisation_id": None,
    }
    with ws.store.write(None) as tx:
        tx.update("people", person_id, cleared)
        for row in ws.store.rows("SELECT id FROM actions WHERE owner_id = ?", [person_id]):
            tx.update("actions", row["id"], {"owner_name": ERASED_NAME})
        for row in ws.store.rows("SELECT id FROM requests WHERE sent_to_id = ?", [person_id]):
            tx.update("requests", row["id"], {"sent_to_name": ERASED_NAME})
        for row in ws.store.rows("SELECT id FROM attendance WHERE person_id = ?", [person_id]):
            tx.update("attendance", row["id"], {"note": ""})
        # Registered so the erasure travels to the board's other laptops (wijkapp/sync).
        tx.execute(
            "INSERT OR IGNORE INTO sync_erasures (person_id, board_id, erased_at) VALUES (?, ?, ?)",
            [person_id, board_id, now_iso()],
        )
    # Undo steps that still hold the old rows are dropped as well.
    ws.store.clear_history()
    # Squeeze the old words out of the search index and the write-ahead log too.
    with ws.store.lock:
        for table in ("people", "actions", "requests"):
            ws.store.conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES('optimize')")
        ws.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return tx.changes()
