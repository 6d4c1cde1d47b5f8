"""Opening a file that is up to date leaves sqlite-utils (and babel's dates) unimported
(issue 19: start-up), and a file that misses migrations still gets them, through
sqlite-utils."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from wijkapp import schema
from wijkapp.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]

OPEN_AND_LIST_MODULES = """
import sys
from wijkapp.workspace import Workspace
with Workspace(sys.argv[1]) as ws:
    print(ws.store.scalar("PRAGMA recursive_triggers"))
print(" ".join(sorted(m for m in sys.modules
                      if m.split(".")[0] in ("sqlite_utils", "pluggy") or m == "babel.dates")))
"""


def _open_in_fresh_process(path: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", OPEN_AND_LIST_MODULES, str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.splitlines()


def test_opening_an_up_to_date_file_does_not_import_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "bestuur.sqlite"
    Workspace(path).close()  # made (and migrated) here, in this process
    recursive, modules = _open_in_fresh_process(path)
    assert modules == ""
    assert recursive == "1"  # as when the connection went through sqlite-utils' Database


def test_a_new_file_is_made_through_sqlite_utils_with_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.sqlite"
    recursive, modules = _open_in_fresh_process(path)
    assert "sqlite_utils" in modules.split()
    assert recursive == "1"
    with Workspace(path) as ws:
        names = [r["name"] for r in ws.store.rows(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'wijkapp' ORDER BY rowid")]
    assert names == schema.known_migrations()


def test_a_new_migration_is_applied_on_open(tmp_path: Path) -> None:
    path = tmp_path / "ouder.sqlite"
    Workspace(path).close()

    @schema.MIGRATIONS(name="9001_test_added")
    def added(db: object) -> None:
        db.execute("ALTER TABLE people ADD COLUMN nickname TEXT")  # type: ignore[attr-defined]

    try:
        conn = sqlite3.connect(path)
        assert schema.MIGRATIONS.pending_names(conn) == ["9001_test_added"]
        conn.close()
        with Workspace(path) as ws:
            columns = [r["name"] for r in ws.store.rows("PRAGMA table_info(people)")]
            applied = [r["name"] for r in ws.store.rows("SELECT name FROM _sqlite_migrations")]
    finally:
        schema.MIGRATIONS._migrations.pop()
    assert "nickname" in columns
    assert applied[-1] == "9001_test_added"
    assert list(path.parent.glob("*.voor-bijwerken-*.sqlite"))  # backed up before migrating


def test_migration_names_are_unique_and_in_order() -> None:
    names = schema.known_migrations()
    assert len(set(names)) == len(names)
    assert names == sorted(names)
    assert names[0] == "0001_initial"
