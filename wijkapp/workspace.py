"""The one door into the core: a :class:`Workspace` owns the database file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from .actions import Actions
from .agenda import AgendaItems
from .attachments import Attachments
from .boards import Areas, Board, Boards
from .changes import Changes
from .contacts import Contacts, Organisations
from .database_file import (
    mark_closed,
    needs_full_check,
    open_database,
    quick_check,
    read_state,
    write_state,
)
from .decisions import Decisions
from .documents import Documents
from .errors import DamagedDatabaseError, NotFoundError, StorageError
from .goals import Goals
from .i18n import _
from .meetings import Meetings
from .paths import default_db_path
from .requests import Requests
from .schema import SCHEMA_VERSION, SEARCHABLE, TABLES
from .search import Search
from .signals import Signals
from .transactions import Store


class Workspace:
    """An open Wijkapp database and one manager per concept.

    ``Workspace(path)`` opens (or creates) the file; use it as a context manager or
    call :meth:`close`. Raises a :class:`~wijkapp.errors.StorageError` with a Dutch
    sentence when the file cannot be used; a damaged file is never written.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else default_db_path()
        self._closed = False
        #: True when opening trusted a light check: :meth:`verify_in_full` should follow.
        self.needs_full_verify = self.path.exists() and not needs_full_check(self.path)
        conn, self._lock = open_database(self.path)
        self.store = Store(conn)
        self.store.path = self.path
        self.store.on_first_change = lambda: write_state(self.path, changed_since_backup=True)
        # Changes saved in an earlier session and not yet backed up still count.
        self.store.changed_since_backup = bool(read_state(self.path).get("changed_since_backup", True))
        self._board_id: str | None = None
        self.boards = Boards(self)
        self.areas = Areas(self)
        self.organisations = Organisations(self)
        self.contacts = Contacts(self)
        self.meetings = Meetings(self)
        self.agenda = AgendaItems(self)
        self.decisions = Decisions(self)
        self.actions = Actions(self)
        self.documents = Documents(self)
        self.requests = Requests(self)
        self.goals = Goals(self)
        self.attachments = Attachments(self)
        self.search = Search(self)
        self.signals = Signals(self)
        boards = self.store.rows(
            "SELECT id FROM boards WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
        )
        if boards:
            self._board_id = boards[0]["id"]
        # trustb (issue 11): an erased person who came back (an older backup) is erased again;
        # the UI/CLI shows privacy.erasure_notice(self.erasures_reapplied).
        from .privacy import reapply_erasures

        self.erasures_reapplied: list[str] = reapply_erasures(self)

    # -- lifetime ---------------------------------------------------------------------
    def close(self) -> None:
        """Checkpoint and close the file, and release the lock (a second call does nothing)."""
        if self._closed:
            return
        self._closed = True
        with self.store.lock:
            try:
                self.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # noqa: BLE001 - closing must not fail on a busy checkpoint
                pass
            self.store.conn.close()
        write_state(self.path, changed_since_backup=self.store.changed_since_backup)
        if self.store.refuse_writes:
            write_state(self.path, full_check=None)  # damaged: check it whole next time
        else:
            mark_closed(self.path)
        self._lock.release()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran."""
        return self._closed

    def save_point(self) -> None:
        """Make everything saved so far durable in the main file (the session is ending).

        Not a close: the user may cancel logging out and go on working.
        """
        with self.store.lock:
            try:
                self.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # noqa: BLE001 - best effort; the WAL is durable anyway
                pass

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- the current board ----------------------------------------------------------------
    @property
    def has_board(self) -> bool:
        """True once the file holds a board."""
        return self._board_id is not None

    @property
    def board_id(self) -> str:
        """The id of the board the managers work on."""
        if self._board_id is None:
            raise NotFoundError(_("Er is nog geen wijkplatform; maak er eerst een."))
        return self._board_id

    @property
    def board(self) -> Board:
        """The current board."""
        return self.boards.get(self.board_id)

    def use_board(self, board_id: str) -> None:
        """Switch the managers to another board in this file."""
        self.boards.get(board_id)
        self._board_id = board_id

    # -- undo ---------------------------------------------------------------------------
    def undo(self) -> Changes:
        """Undo the last named step (e.g. "Agendapunt verwijderd")."""
        return self.store.undo()

    def redo(self) -> Changes:
        """Redo the last undone step."""
        return self.store.redo()

    @property
    def undo_name(self) -> str | None:
        """The name of the step :meth:`undo` would reverse (in the UI language), or ``None``."""
        name = self.store.undo_name()
        return _(name) if name else None

    @property
    def redo_name(self) -> str | None:
        """The name of the step :meth:`redo` would repeat (in the UI language), or ``None``."""
        name = self.store.redo_name()
        return _(name) if name else None

    # -- health ---------------------------------------------------------------------------
    def verify_in_full(self) -> str | None:
        """Read the whole file once (``quick_check``, on a connection of its own).

        Run in the background after opening: the light check at start trusts size and
        time, which bit rot does not change. On damage every later write is refused (so
        the damage is not spread) and the Dutch sentence is returned; ``None`` when healthy.
        A full or failing disk is not damage: then nothing is refused.
        """
        try:
            quick_check(self.path)
        except DamagedDatabaseError:
            sentence = _(
                "'{file}' blijkt beschadigd. Wijkapp bewaart vanaf nu niets meer in "
                "dit bestand, zodat de schade niet groter wordt. Zet een reservekopie terug "
                "(Bestand → Reservekopieën); wat u nog niet bewaard had, kunt u eerst "
                "kopiëren."
            ).format(file=self.path.name)
            self.store.refuse_writes = sentence
            return sentence
        except StorageError:
            return None
        write_state(self.path, full_check=dt.date.today().isoformat())
        return None

    def check(self) -> dict[str, Any]:
        """Integrity and schema report; ``report["healthy"]`` is the verdict."""
        store = self.store
        problems: list[str] = []
        integrity = [r["integrity_check"] for r in store.rows("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append("De database is beschadigd: " + "; ".join(integrity[:5]))
        fk = store.rows("PRAGMA foreign_key_check")
        if fk:
            problems.append(f"{len(fk)} verwijzingen wijzen naar iets dat niet bestaat.")
        for table in SEARCHABLE:
            try:
                with store.lock:
                    store.conn.execute(
                        f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES('integrity-check')"
                    )
            except Exception as error:  # noqa: BLE001 - reported, not raised
                problems.append(f"De zoekindex van {table} klopt niet ({error}).")
        missing = 0
        for row in store.rows("SELECT * FROM attachments WHERE deleted_at IS NULL"):
            file = self.attachments.file_for(row["sha256"])  # never a path outside the folder
            if file is None or not file.is_file():
                missing += 1
        if missing:
            problems.append(f"{missing} bijlagen ontbreken in de map naast de database.")
        from .board_bounds import cross_board_links  # issue 11 point 8 (trustb)

        problems.extend(cross_board_links(self))
        counts = {
            table: store.scalar(f"SELECT COUNT(*) FROM [{table}] WHERE deleted_at IS NULL")
            for table in TABLES
        }
        applied = [
            r["name"]
            for r in store.rows(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'wijkapp' ORDER BY id"
            )
        ]
        from .backups import list_backups
        from .database_file import location_warning

        backups = list_backups(self.path)
        warnings = [w for w in [location_warning(self.path)] if w]
        return {
            "path": str(self.path),
            "sqlite_version": sqlite3.sqlite_version,
            "schema_version": SCHEMA_VERSION,
            "newest_backup": backups[0].taken_at.isoformat(timespec="seconds") if backups else None,
            "backup_count": len(backups),
            "warnings": warnings,
            "migrations": applied,
            "journal_mode": store.scalar("PRAGMA journal_mode"),
            "integrity": integrity,
            "counts": counts,
            "problems": problems,
            "healthy": not problems,
        }

    def settings(self) -> dict[str, Any]:
        """The current board's settings (a JSON object stored with the board)."""
        return dict(json.loads(self.board.settings or "{}"))

    def set_setting(self, key: str, value: Any) -> Changes:
        """Store one setting of the current board (not an undo step)."""
        settings = self.settings()
        settings[key] = value
        with self.store.write(None) as tx:
            tx.update("boards", self.board_id, {"settings": json.dumps(settings, ensure_ascii=False)})
        return tx.changes()
