"""The database schema, changed only through ``sqlite_utils.Migrations``.

Every content table has a text UUID key, ``created_at``, ``updated_at`` and
``deleted_at`` (soft delete), and ``board_id`` so one file can hold several boards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .migration_list import MigrationList

if TYPE_CHECKING:  # sqlite-utils is imported when migrations run, not at every start
    from sqlite_utils import Database

MIGRATIONS = MigrationList("wijkapp")

#: Bumped with every migration; the exchange format and fixtures name it.
SCHEMA_VERSION = 2

_COMMON = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
"""

TABLES: dict[str, str] = {
    "boards": """
        name TEXT NOT NULL,
        wijk TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        logo_attachment_id TEXT,
        agenda_template TEXT NOT NULL DEFAULT '[]',
        settings TEXT NOT NULL DEFAULT '{}'
    """,
    "areas": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        name TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0
    """,
    "organisations": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'other',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    """,
    "people": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organisation_id TEXT REFERENCES organisations(id),
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        topics TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        last_contact TEXT,
        board_member INTEGER NOT NULL DEFAULT 0
    """,
    "meetings": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        title TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        place TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned',
        chair_id TEXT REFERENCES people(id),
        secretary_id TEXT REFERENCES people(id),
        closed_at TEXT,
        minutes_approved_on TEXT,
        minutes_approved_in TEXT REFERENCES meetings(id),
        notes TEXT NOT NULL DEFAULT ''
    """,
    "attendance": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        meeting_id TEXT NOT NULL REFERENCES meetings(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        status TEXT NOT NULL DEFAULT 'invited',
        note TEXT NOT NULL DEFAULT ''
    """,
    "agenda_items": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        meeting_id TEXT NOT NULL REFERENCES meetings(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'discussing',
        standard TEXT NOT NULL DEFAULT '',
        presenter TEXT NOT NULL DEFAULT '',
        minutes INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        goal_id TEXT REFERENCES goals(id)
    """,
    "decisions": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        meeting_id TEXT NOT NULL REFERENCES meetings(id),
        agenda_item_id TEXT REFERENCES agenda_items(id),
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        text TEXT NOT NULL,
        goal_id TEXT REFERENCES goals(id)
    """,
    "actions": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        meeting_id TEXT REFERENCES meetings(id),
        agenda_item_id TEXT REFERENCES agenda_items(id),
        what TEXT NOT NULL,
        owner_id TEXT REFERENCES people(id),
        owner_name TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        done_on TEXT,
        times_postponed INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        goal_id TEXT REFERENCES goals(id)
    """,
    "action_reviews": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        action_id TEXT NOT NULL REFERENCES actions(id),
        meeting_id TEXT NOT NULL REFERENCES meetings(id),
        outcome TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    """,
    "documents": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        meeting_id TEXT REFERENCES meetings(id),
        received_on TEXT,
        sender TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        handling TEXT NOT NULL DEFAULT '',
        attachment_id TEXT REFERENCES attachments(id)
    """,
    "requests": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        kind TEXT NOT NULL DEFAULT 'request',
        subject TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        area_id TEXT REFERENCES areas(id),
        sent_to_id TEXT REFERENCES people(id),
        sent_to_name TEXT NOT NULL DEFAULT '',
        sent_on TEXT,
        answer_due TEXT,
        answered_on TEXT,
        answer_text TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft',
        meeting_id TEXT REFERENCES meetings(id),
        goal_id TEXT REFERENCES goals(id)
    """,
    "goals": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        area_id TEXT REFERENCES areas(id),
        building_block INTEGER NOT NULL,
        title TEXT NOT NULL,
        how TEXT NOT NULL DEFAULT '',
        who TEXT NOT NULL DEFAULT '',
        due TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'idea',
        evidence TEXT NOT NULL DEFAULT '',
        evaluation TEXT NOT NULL DEFAULT ''
    """,
    "goal_links": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        goal_id TEXT NOT NULL REFERENCES goals(id),
        target_kind TEXT NOT NULL,
        target_id TEXT NOT NULL
    """,
    "attachments": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        owner_kind TEXT NOT NULL DEFAULT '',
        owner_id TEXT,
        filename TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL DEFAULT 'application/octet-stream'
    """,
}

#: Columns of typed text that full-text search covers, per table.
SEARCHABLE: dict[str, tuple[str, ...]] = {
    "meetings": ("title", "place", "notes"),
    "agenda_items": ("title", "notes", "summary", "presenter"),
    "decisions": ("number", "text"),
    "actions": ("what", "owner_name", "notes"),
    "documents": ("subject", "sender", "summary", "handling"),
    "requests": ("subject", "text", "answer_text", "sent_to_name"),
    "people": ("name", "role", "topics", "notes", "email"),
    "organisations": ("name", "notes"),
    "goals": ("title", "how", "who", "evidence", "evaluation"),
}

_INDEXES = [
    "CREATE INDEX idx_areas_board ON areas(board_id)",
    "CREATE INDEX idx_people_board ON people(board_id)",
    "CREATE INDEX idx_organisations_board ON organisations(board_id)",
    "CREATE INDEX idx_meetings_board_start ON meetings(board_id, starts_at)",
    "CREATE INDEX idx_attendance_meeting ON attendance(meeting_id)",
    "CREATE INDEX idx_items_meeting ON agenda_items(meeting_id, position)",
    "CREATE INDEX idx_decisions_meeting ON decisions(meeting_id)",
    "CREATE INDEX idx_decisions_number ON decisions(board_id, year, seq)",
    "CREATE INDEX idx_actions_meeting ON actions(meeting_id)",
    "CREATE INDEX idx_actions_board_status ON actions(board_id, status)",
    "CREATE INDEX idx_action_reviews_action ON action_reviews(action_id)",
    "CREATE INDEX idx_action_reviews_meeting ON action_reviews(meeting_id)",
    "CREATE INDEX idx_documents_board ON documents(board_id)",
    "CREATE INDEX idx_requests_board ON requests(board_id, status)",
    "CREATE INDEX idx_goals_board ON goals(board_id)",
    "CREATE INDEX idx_goal_links_goal ON goal_links(goal_id)",
    "CREATE INDEX idx_attachments_owner ON attachments(owner_id)",
]

FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def create_search_index(db: Database, table: str, columns: tuple[str, ...]) -> None:
    """An external-content FTS5 index on ``table`` with triggers that keep it in step.

    ``board_id`` is indexed too, so a search intersects the board's documents with the
    words instead of filtering every match; prefix indexes of 2 and 3 letters make
    search-as-you-type fast.
    """
    fts = f"{table}_fts"
    cols = ("board_id", *columns)
    col_list = ", ".join(f"[{c}]" for c in cols)
    new_values = ", ".join(f"new.[{c}]" for c in cols)
    old_values = ", ".join(f"old.[{c}]" for c in cols)
    db.execute(
        f"CREATE VIRTUAL TABLE [{fts}] USING fts5({col_list}, content=[{table}], "
        f"tokenize='{FTS_TOKENIZE}', prefix='2 3')"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] (rowid, {col_list}) VALUES (new.rowid, {new_values}); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {col_list}) VALUES ('delete', old.rowid, {old_values}); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_au] AFTER UPDATE OF {col_list} ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {col_list}) VALUES ('delete', old.rowid, {old_values}); "
        f"INSERT INTO [{fts}] (rowid, {col_list}) VALUES (new.rowid, {new_values}); END"
    )


#: The schema as migration 0001 made it; later migrations add to TABLES and SEARCHABLE,
#: so 0001 keeps reading these copies and always builds the same first version.
_V1_TABLES = dict(TABLES)
_V1_SEARCHABLE = dict(SEARCHABLE)


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    for table, columns in _V1_TABLES.items():
        db.execute(f"CREATE TABLE [{table}] ({_COMMON}, {columns})")
    for sql in _INDEXES:
        db.execute(sql)
    for table, searchable in _V1_SEARCHABLE.items():
        create_search_index(db, table, searchable)


# -- 0002: the voice of the wijk (signals, follow-up, sociale kaart, prevention) ------------
VOICE_TABLES: dict[str, str] = {
    "signals": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        heard_on TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        heard_by_id TEXT REFERENCES people(id),
        heard_by_name TEXT NOT NULL DEFAULT '',
        area_id TEXT REFERENCES areas(id),
        words TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        themes TEXT NOT NULL DEFAULT '[]',
        groups TEXT NOT NULL DEFAULT '[]',
        quotable INTEGER NOT NULL DEFAULT 1,
        consent INTEGER NOT NULL DEFAULT 0,
        consent_on TEXT,
        resident_name TEXT NOT NULL DEFAULT '',
        resident_contact TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '',
        outcome_on TEXT
    """,
    "signal_followups": """
        board_id TEXT NOT NULL REFERENCES boards(id),
        signal_id TEXT NOT NULL REFERENCES signals(id),
        kind TEXT NOT NULL,
        target_kind TEXT NOT NULL DEFAULT '',
        target_id TEXT,
        partner_name TEXT NOT NULL DEFAULT '',
        passed_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        answered_on TEXT,
        answer TEXT NOT NULL DEFAULT ''
    """,
}
#: Columns 0002 adds to existing tables: the sociale kaart and the preventive mark.
VOICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "organisations": (
        "offer TEXT NOT NULL DEFAULT ''",
        "themes TEXT NOT NULL DEFAULT '[]'",
        "groups TEXT NOT NULL DEFAULT '[]'",
        "reach TEXT NOT NULL DEFAULT ''",
        "cost TEXT NOT NULL DEFAULT ''",
    ),
    "goals": ("preventive INTEGER NOT NULL DEFAULT 0",),
    "actions": ("preventive INTEGER NOT NULL DEFAULT 0",),
}
VOICE_SEARCHABLE: dict[str, tuple[str, ...]] = {
    "signals": ("subject", "words", "place", "heard_by_name", "outcome", "themes", "groups"),
    "signal_followups": ("partner_name", "note", "answer"),
    "organisations": ("name", "notes", "offer", "themes", "groups", "reach"),
}
_VOICE_INDEXES = [
    "CREATE INDEX idx_signals_board_heard ON signals(board_id, heard_on)",
    "CREATE INDEX idx_signal_followups_signal ON signal_followups(signal_id)",
    "CREATE INDEX idx_signal_followups_target ON signal_followups(target_id)",
]


def drop_search_index(db: Database, table: str) -> None:
    """Remove the FTS5 index of ``table`` and its triggers (to rebuild it with more columns)."""
    for suffix in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{table}_{suffix}]")
    db.execute(f"DROP TABLE IF EXISTS [{table}_fts]")


@MIGRATIONS(name="0002_voice")
def _voice(db: Database) -> None:
    for table, columns in VOICE_TABLES.items():
        db.execute(f"CREATE TABLE [{table}] ({_COMMON}, {columns})")
    for table, added in VOICE_COLUMNS.items():
        for column in added:
            db.execute(f"ALTER TABLE [{table}] ADD COLUMN {column}")
    for sql in _VOICE_INDEXES:
        db.execute(sql)
    for table, searchable in VOICE_SEARCHABLE.items():
        drop_search_index(db, table)
        create_search_index(db, table, searchable)
        db.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES('rebuild')")


TABLES.update(VOICE_TABLES)
SEARCHABLE.update(VOICE_SEARCHABLE)


#: How residents reach the board (issue 15): printed on every resident document.
BOARD_CONTACT_COLUMNS = (
    "contact_person", "contact_email", "contact_phone", "contact_website", "contact_address",
)


@MIGRATIONS(name="0003_board_contact")
def _board_contact(db: Database) -> None:
    for column in BOARD_CONTACT_COLUMNS:
        db.execute(f"ALTER TABLE boards ADD COLUMN [{column}] TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0004_room")
def _room(db: Database) -> None:
    """In the room: the number of residents present, and the minutes spent per agenda item."""
    db.execute("ALTER TABLE meetings ADD COLUMN residents_present INTEGER")
    db.execute("ALTER TABLE agenda_items ADD COLUMN seconds_spent INTEGER")


def migrate(db: Database) -> list[str]:
    """Apply pending migrations; return the names applied."""
    pending = MIGRATIONS.pending(db)
    MIGRATIONS.apply(db)
    return pending


def pending_migrations(db: Database) -> list[str]:
    """Names of migrations not yet applied to ``db``."""
    return MIGRATIONS.pending(db)


def known_migrations() -> list[str]:
    """Every migration this version knows, in order."""
    return MIGRATIONS.names


#: Tables whose rows can name their goal (``goal_id``); see ``wijkapp.goals.POINTING_TABLES``.
_GOAL_POINTERS = ("agenda_items", "decisions", "actions", "requests")


@MIGRATIONS(name="0005_goal_pointer_indexes")
def _goal_pointer_indexes(db: Database) -> None:
    """Find a goal's evidence without reading every agenda item, decision, action and
    request of every board (the goals view and the dashboard ask on every refresh).

    Partial: only the few rows that name a goal are indexed.
    """
    for table in _GOAL_POINTERS:
        db.execute(f"CREATE INDEX IF NOT EXISTS [idx_{table}_goal] ON [{table}](goal_id, board_id) "
                   "WHERE goal_id IS NOT NULL")


@MIGRATIONS(name="0006_sync")
def _sync(db: Database) -> None:
    # Sharing a board between laptops (wijkapp/sync): bookkeeping tables and the
    # triggers that mark every written row for the next sync.
    from .sync.tables import create_sync_tables

    create_sync_tables(db)
