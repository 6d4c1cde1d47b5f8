"""Released migrations are frozen: editing one in place fails here (0001 was edited once).

Each migration is run in order on a fresh database; after each, the schema it left
(every CREATE statement in ``sqlite_master``) is hashed and compared with the hash taken
when it was released. A change to the schema goes into a NEW migration at the end.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from wijkapp import schema

#: The schema after each released migration (sha256 of its sqlite_master), in order.
#: Add a line when a migration is released; never change one.
FROZEN = {
    "0001_initial": "40f6959aca4097a8b9ab5bb739508ed13eab14d7035e8942e7597d9504899c77",
    "0002_voice": "63b737bdecbb49718ddf7c754ad89f89a0564cbc03da94985dcd5c00314e6234",
    "0003_board_contact": "b9b0f48ba2ae44c82f1f67ba8d6e6ebf525046ddc4832192d857dc3ab35aafa9",
    "0004_room": "0429c6c5670ebcd5efe6c317e2c53e31cd5a4d7313a48c20ddd19be9b82a4a5f",
    "0005_goal_pointer_indexes": "b61f2a4e30a34b132510cf6172bed269b26b4930b45992a218132e67853ee90c",
    "0006_sync": "329cb0ef71915ed73dc3a25c71adb4fe64d9ba5ea3ddf54fc453f8bd02b227ca",
}


def schema_hashes(folder: Path) -> dict[str, str]:
    """Run every known migration in order; the schema hash after each one."""
    db = Database(folder / "frozen.sqlite")
    hashes = {}
    for migration in schema.MIGRATIONS._migrations:
        with db.conn:
            migration.fn(db)
        rows = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        hashes[migration.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    db.close()
    return hashes


def test_released_migrations_are_not_edited(tmp_path: Path) -> None:
    hashes = schema_hashes(tmp_path)
    assert list(hashes)[: len(FROZEN)] == list(FROZEN)  # none removed, renamed or reordered
    assert {name: hashes[name] for name in FROZEN} == FROZEN


def test_a_changed_migration_is_noticed(tmp_path: Path, monkeypatch) -> None:
    first = schema.MIGRATIONS._migrations[0]
    original = first.fn

    def edited(db: Database) -> None:
        original(db)
        db.execute("CREATE INDEX idx_sneaky ON meetings(title)")

    monkeypatch.setattr(first, "fn", edited)
    assert schema_hashes(tmp_path)["0001_initial"] != FROZEN["0001_initial"]


def test_the_schema_version_counts_the_released_fixtures() -> None:
    fixtures = sorted(Path(__file__).parent.glob("fixtures/schema-*.sqlite"))
    assert fixtures and fixtures[-1].name == f"schema-{schema.SCHEMA_VERSION}.sqlite"
