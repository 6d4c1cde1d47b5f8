"""No view runs SQL: ``ui/`` goes through the Workspace's managers only (DESIGN.md §3).

``ws.store`` (the core's database layer) is an implementation detail of ``wijkapp``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Attributes only the core's database layer has; reaching for them from ui/ is SQL by hand.
STORE_ATTRIBUTES = {"store", "_store", "db", "conn", "connection", "execute", "executemany",
                    "executescript"}
#: The store's reading methods: only counted when called on a store (``x.store.rows``).
STORE_READERS = {"rows", "scalar", "one"}
DATABASE_MODULES = {"sqlite3", "sqlite_utils", "apsw"}
SQL = re.compile(r"^\s*(select\s.*\sfrom\s|insert\s+(or\s+\w+\s+)?into\s|update\s+\S+\s+set\s"
                 r"|delete\s+from\s|(create|drop)\s+(table|index|trigger|view)\s|alter\s+table\s"
                 r"|pragma\s)", re.I | re.S)


def sql_in(path: Path, root: Path = ROOT) -> list[str]:
    """Every place in ``path`` that talks to the database itself."""
    found = []
    where = path.relative_to(root)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Attribute) and (
                node.attr in STORE_ATTRIBUTES
                or (node.attr in STORE_READERS and isinstance(node.value, ast.Attribute)
                    and node.value.attr in {"store", "_store", "db"})):
            found.append(f"{where}:{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Import):
            found += [f"{where}:{node.lineno}: import {a.name}" for a in node.names
                      if a.name.split(".")[0] in DATABASE_MODULES]
        elif (isinstance(node, ast.ImportFrom)
              and (node.module or "").split(".")[0] in DATABASE_MODULES):
            found.append(f"{where}:{node.lineno}: from {node.module}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
            found.append(f"{where}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_no_sql_in_the_gui() -> None:
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert len(files) >= 60  # the whole GUI was scanned
    assert [hit for path in files for hit in sql_in(path)] == []


PROBE = '''import sqlite3
def refresh(self):
    self.ws.store.one('SELECT * FROM meetings WHERE id = ?', [1])
    self.ws.db.execute('update actions set done = 1')
    self.ws.search.query('speeltuin')  # a manager: fine
    self.model.rows()  # a model's rows: fine
    label = 'Selecteer een vergadering'  # Dutch text, not SQL
    """Drop unsaved changes; update the list from the records."""
'''


def test_the_scan_finds_sql_by_hand(tmp_path: Path) -> None:
    probe = tmp_path / "view.py"
    probe.write_text(PROBE)
    hits = sorted(hit.split(": ", 1)[1] for hit in sql_in(probe, tmp_path))
    assert hits == sorted(["import sqlite3", ".one", ".store", ".execute", ".db",
                           "'SELECT * FROM meetings WHERE id = ?'", "'update actions set done = 1'"])
