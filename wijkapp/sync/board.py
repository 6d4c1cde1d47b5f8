"""Sharing one board between its laptops: the service the GUI and the CLI call.

``BoardSync(ws)`` works on the workspace's current board. ``share`` starts sharing into a
folder, ``join`` builds a new local board from a folder or a received file, ``sync``
exchanges, ``status`` tells who is up to date, ``conflicts``/``restore_mine`` serve the
"Wijzigingen van anderen" panel, ``take_numbering`` makes this laptop number decisions.
"""

from __future__ import annotations

import base64
import hashlib
import json
import platform
import socket
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError
from ..i18n import _, ngettext
from ..schema import known_migrations
from ..timeutil import now_iso
from . import files as sf
from .engine import Engine, SyncReport

if TYPE_CHECKING:
    from ..workspace import Workspace

#: The schema a file was made with: the number of migrations its Wijkapp knew.
SCHEMA = len(known_migrations())
#: A file carries this laptop's last steps, so colleagues need not unpack the whole state.
RECENT_STEPS = 8
RECENT_BYTES = 512_000


@dataclass
class Laptop:
    """One laptop of the board as this laptop last saw it."""

    laptop_id: str
    name: str
    made_at: str | None
    me: bool = False
    numbers_decisions: bool = False
    erasures: set[str] = field(default_factory=set)


@dataclass
class Conflict:
    """A notice in "Wijzigingen van anderen"."""

    id: int
    made_at: str
    kind: str
    table: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    by_laptop: str


@dataclass
class SyncStatus:
    """Everything the sharing screen and ``wijkapp sync --status`` show."""

    shared: bool
    board_id: str | None = None
    folder: Path | None = None
    laptop_id: str = ""
    laptop_name: str = ""
    last_sync: str | None = None
    laptops: list[Laptop] = field(default_factory=list)
    open_conflicts: int = 0
    erasures: dict[str, int] = field(default_factory=dict)  # person id → laptops that have it
    numbering_laptop: str | None = None

    def erasure_line(self, person_id: str) -> str:
        """"gewist op 6 van 7 laptops"."""
        return ngettext("gewist op {done} van {total} laptop", "gewist op {done} van {total} laptops",
                        len(self.laptops)).format(done=self.erasures.get(person_id, 0),
                                                  total=len(self.laptops))


def _fingerprint(path: Path) -> str:
    """This machine and this file's place: a copied database gets another one."""
    try:
        place = str(path.resolve())
    except OSError:
        place = str(path)
    raw = f"{uuid.getnode()}|{socket.gethostname()}|{place}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


class BoardSync:
    """Shares the workspace's board through a folder of encrypted ``.wijksync`` files."""

    def __init__(self, ws: Workspace, *, client_ids: Any = None) -> None:
        self.ws = ws
        self.store = ws.store
        self.laptop_id = self._identity()
        self.engine = Engine(ws, self.laptop_id, client_ids=client_ids)
        self._key: sf.BoardKey | None = None
        self._guard = threading.Lock()

    # -- local settings ---------------------------------------------------------------------
    def _get(self, key: str) -> Any:
        return self.store.scalar("SELECT value FROM sync_state WHERE key = ?", [key])

    def _set(self, **values: Any) -> None:
        with self.store.write(None) as tx:
            for key, value in values.items():
                if value is None:
                    tx.execute("DELETE FROM sync_state WHERE key = ?", [key])
                else:
                    tx.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", [key, value])

    def _identity(self) -> str:
        """This laptop's id; a copied or moved database file gets a new one."""
        current = _fingerprint(self.ws.path)
        laptop = self._get("laptop_id")
        if laptop and self._get("fingerprint") == current:
            return str(laptop)
        new = uuid.uuid4().hex[:12]
        self._set(laptop_id=new, fingerprint=current, previous_laptop_id=laptop)
        return new

    @property
    def board_id(self) -> str | None:
        """The shared board, or ``None`` when this file shares nothing."""
        value = self._get("shared")
        return str(value) if value else None

    @property
    def is_shared(self) -> bool:
        return self.board_id is not None

    @property
    def has_unsent_erasures(self) -> bool:
        """An erasure (AVG) is recorded here but not yet in the shared state."""
        return bool(self.store.scalar("SELECT 1 FROM sync_erasures WHERE in_doc = 0 LIMIT 1"))

    @property
    def folder(self) -> Path | None:
        value = self._get("folder")
        return Path(value) if value else None

    @property
    def laptop_name(self) -> str:
        return str(self._get("laptop_name") or platform.node() or "deze laptop")

    def set_folder(self, folder: Path | None) -> None:
        self._set(folder=str(folder) if folder else None)

    def _board_key(self) -> sf.BoardKey:
        if self._key is None:
            stored = self._get("key")
            if not stored:
                raise sf.SyncError(_("Dit bestuur is hier nog niet gedeeld. Kies eerst 'Delen met het bestuur'."))
            self._key = sf.BoardKey.from_state(str(stored))
        return self._key

    # -- start ------------------------------------------------------------------------------
    def share(self, folder: Path, passphrase: str, laptop_name: str | None = None,
              *, key: sf.BoardKey | None = None) -> SyncReport:
        """Start sharing the current board in ``folder``; this laptop numbers decisions."""
        board = self.ws.board_id
        if self.is_shared and self.board_id != board:
            raise sf.SyncError(_("Dit bestand deelt al een ander wijkplatform."))
        folder = Path(folder).resolve()
        if not folder.is_dir():
            raise sf.SyncError(_("De map '{folder}' bestaat niet (of is nu niet bereikbaar).").format(folder=folder))
        if folder == self.ws.path.resolve().parent or folder in self.ws.path.resolve().parents:
            raise sf.SyncError(
                _("Kies een andere map: het Wijkapp-bestand zelf staat in deze map, en dat mag "
                "nooit gedeeld worden. Wijkapp zet alleen deelbestanden in de gedeelde map."))
        existing = sf.candidate_files(folder, board)
        if key is None:
            sf.check_passphrase(passphrase)
            if existing:  # the board is shared here already: use its key
                salt, cost = sf.salt_of(existing[0].read_bytes())
                key = sf.derive_key(passphrase, salt, cost)
                sf.decode(existing[0].read_bytes(), key)  # a wrong passphrase stops here
            else:
                key = sf.derive_key(passphrase)
        self._key = key
        self._set(shared=board, folder=str(folder), key=key.to_state(),
                  laptop_name=laptop_name or self._get("laptop_name"),
                  numbering=None if existing else self.laptop_id, shared_at=now_iso())
        return self.sync()

    def join(self, source: Path, passphrase: str, laptop_name: str | None = None,
             *, key: sf.BoardKey | None = None) -> SyncReport:
        """Build this (empty) file's board from a shared folder or a received file."""
        if self.ws.has_board:
            raise sf.SyncError(
                _("Dit Wijkapp-bestand heeft al een wijkplatform. Aansluiten bij een bestuur kan "
                "alleen in een nieuw, leeg bestand.")
            )
        source = Path(source)
        folder, board, sample = self._find_board(source)
        if key is None:
            salt, cost = sf.salt_of(sample.read_bytes())
            key = sf.derive_key(passphrase, salt, cost)
        sf.decode(sample.read_bytes(), key)  # wrong passphrase or damaged: nothing changed
        self._key = key
        self._set(shared=board, folder=str(folder.resolve()) if folder else None, key=key.to_state(),
                  laptop_name=laptop_name or self._get("laptop_name"), shared_at=now_iso())
        try:
            report = self.sync(files=[] if folder else [source], joining=True)
        except BaseException:
            self._set(shared=None, key=None, folder=None)
            raise
        if not self.ws.has_board or self.ws.board_id != board:
            self.ws.use_board(board)
        return report

    def _find_board(self, source: Path) -> tuple[Path | None, str, Path]:
        if source.is_file():
            header = sf.read_header(source.read_bytes())
            return None, str(header.get("board_id")), source
        if not source.is_dir():
            raise sf.SyncError(_("'{source}' bestaat niet (of is nu niet bereikbaar).").format(source=source))
        boards: dict[str, Path] = {}
        for place, root in [(source, source.parent)] + [(p, source) for p in sorted(source.iterdir()) if p.is_dir()]:
            for path in sf.candidate_files(root, place.name):
                try:
                    boards.setdefault(str(sf.read_header(path.read_bytes()).get("board_id")), path)
                except (OSError, sf.SyncFileError):
                    continue
        if not boards:
            raise sf.SyncError(_("In '{source}' staat geen gedeeld wijkplatform.").format(source=source))
        if len(boards) > 1:
            raise sf.SyncError(_("In deze map staan meerdere wijkplatforms; kies de map van één wijkplatform."))
        board, sample = next(iter(boards.items()))
        return sample.parent.parent, board, sample

    # -- exchange ---------------------------------------------------------------------------
    def read_files(self, folder: Path | None, files: list[Path]) -> tuple[list[sf.SyncFile], list[str], int]:
        """The colleagues' files worth merging, the problems met, and how many were skipped."""
        board = self.board_id or ""
        key = self._board_key()
        known = {r["digest"] for r in self.store.rows(
            "SELECT digest FROM sync_peers WHERE board_id = ?", [board]) if r["digest"]}
        paths = list(files)
        if folder is not None:
            paths = sf.candidate_files(folder, board) + paths
        own = f"{self.laptop_id}{sf.SUFFIX}"
        result: list[sf.SyncFile] = []
        problems: list[str] = []
        skipped = 0
        seen: set[str] = set()
        for path in paths:
            if path.name == own and folder is not None and path.parent == sf.board_folder(folder, board):
                continue
            try:
                data = path.read_bytes()
                digest = hashlib.sha256(data).hexdigest()
                if digest in known or digest in seen:
                    skipped += 1
                    continue
                peer = sf.decode(data, key)
                if peer.header.get("board_id") != board:
                    raise sf.SyncFileError(_("Dit bestand hoort bij een ander wijkplatform."))
                if int(peer.header.get("schema", 0)) > SCHEMA:
                    raise sf.NewerFormatError(
                        _("Dit bestand is gemaakt met een nieuwere Wijkapp. Werk Wijkapp bij om het te lezen."))
                if peer.laptop_id == self.laptop_id:
                    skipped += 1
                    continue
            except sf.SyncFileError as error:
                problems.append(f"{path.name}: {error}")
                continue
            except (OSError, ValueError) as error:
                problems.append(f"{path.name}: kon niet worden gelezen ({error}).")
                continue
            peer.path = path
            seen.add(digest)
            result.append(peer)
        return result, problems, skipped

    def sync(self, folder: Path | None = None, files: list[Path] | None = None, *,
             publish: bool = True, joining: bool = False) -> SyncReport:
        """Exchange with the colleagues: merge their files, write ours. Never raises for a bad file."""
        board = self.board_id
        if board is None:
            raise sf.SyncError(_("Dit bestuur is hier nog niet gedeeld. Kies eerst 'Delen met het bestuur'."))
        with self._guard:
            folder = Path(folder) if folder else self.folder
            reachable = folder is not None and folder.is_dir()
            peers, problems, skipped = self.read_files(folder if reachable else None, list(files or []))
            numbering = self._get("numbering_pending")
            report, doc = self.engine.sync(board, peers, joining=joining,
                                           pending_numbering=str(numbering) if numbering else None)
            if numbering:
                self._set(numbering_pending=None)
            report.problems.extend(problems)
            report.files_skipped += skipped
            if folder is not None and not reachable:
                report.problems.append(f"De map '{folder}' is nu niet bereikbaar; later opnieuw.")
            if report.erasures_new:
                self._set(**{f"recent:{board}": None})  # old steps may hold erased data
            if reachable and folder is not None:
                self._exchange_attachments(folder, report)
            if publish and reachable and folder is not None:
                target = self.own_file(folder)
                # Also when nothing changed in this sync: the file in THIS folder may be older
                # than what came in through another folder, a stick or an e-mail.
                if (report.rows_written or report.local_fields or report.files_merged
                        or sf.published_state(target) != report.state):
                    sf.write_atomic(target, self._file_bytes(report))
                    report.published = target
            self._set(last_attempt=now_iso(), last_ok=now_iso() if reachable or files else None)
            return report

    def _exchange_attachments(self, folder: Path, report: SyncReport) -> None:
        """Attachments travel by their sha256 name: write ours once, fetch what we lack."""
        board = self.board_id or ""
        place = sf.board_folder(folder, board) / "bijlagen"
        local = self.ws.attachments.folder
        key = self._board_key()
        for row in self.store.rows("SELECT DISTINCT sha256 FROM attachments WHERE board_id = ? "
                                   "AND deleted_at IS NULL", [board]):
            sha = str(row["sha256"])
            mine, shared = local / sha[:2] / sha, place / sha
            try:
                if mine.is_file() and not shared.exists():
                    sf.write_atomic(shared, sf.seal_attachment(key, sha, mine.read_bytes()))
                elif shared.is_file() and not mine.exists():
                    sf.write_atomic(mine, sf.open_attachment(key, sha, shared.read_bytes()))
            except sf.SyncFileError as error:
                report.problems.append(str(error))
            except OSError as error:
                report.problems.append(f"Bijlage {sha[:8]}: {error.strerror or error}.")

    def own_file(self, folder: Path) -> Path:
        return sf.board_folder(folder, self.board_id or "") / f"{self.laptop_id}{sf.SUFFIX}"

    def _file_bytes(self, report: SyncReport) -> bytes:
        """Our file: the whole state plus the steps since our last few files."""
        board = self.board_id or ""
        key = f"recent:{board}"
        recent = [(base64.b64decode(b), base64.b64decode(u)) for b, u in json.loads(self._get(key) or "[]")]
        last = self._get(f"published:{board}")
        if last is not None and bytes(last) != report.state:
            recent.append((bytes(last), self.engine.step_since(board, bytes(last))))
        while recent and (len(recent) > RECENT_STEPS or sum(len(u) for _, u in recent) > RECENT_BYTES):
            recent.pop(0)
        self._set(**{key: json.dumps([[base64.b64encode(b).decode(), base64.b64encode(u).decode()]
                                      for b, u in recent]),
                     f"published:{board}": report.state})
        header = {"board_id": board, "laptop_id": self.laptop_id, "schema": SCHEMA}
        meta = {"laptop_name": self.laptop_name, "made_at": now_iso(),
                "erasures": sorted(r["person_id"] for r in self.store.rows(
                    "SELECT person_id FROM sync_erasures WHERE board_id = ? AND in_doc = 1", [board]))}
        return sf.encode(self._board_key(), header, meta, b"", recent, state=report.state,
                         packed=report.packed)

    def save_for_mail(self, target: Path) -> Path:
        """Write this laptop's file to ``target`` (to attach to an e-mail)."""
        target = Path(target)
        if target.suffix != sf.SUFFIX:
            target = target.with_name(target.name + sf.SUFFIX)
        report = self.sync(publish=False)
        sf.write_atomic(target, self._file_bytes(report))
        return target

    # -- status and notices -------------------------------------------------------------------
    def status(self) -> SyncStatus:
        board = self.board_id
        if board is None:
            return SyncStatus(False, laptop_id=self.laptop_id, laptop_name=self.laptop_name)
        numbering = self.numbering_laptop()
        erasures = {r["person_id"] for r in self.store.rows(
            "SELECT person_id FROM sync_erasures WHERE board_id = ?", [board])}
        me = Laptop(self.laptop_id, self.laptop_name, self._get("last_sync"), True,
                    numbering == self.laptop_id, set(erasures))
        laptops = [me]
        for row in self.store.rows("SELECT * FROM sync_peers WHERE board_id = ? ORDER BY name, laptop_id", [board]):
            laptops.append(Laptop(row["laptop_id"], row["name"] or row["laptop_id"], row["made_at"],
                                  False, numbering == row["laptop_id"], set(json.loads(row["erasures"]))))
        return SyncStatus(
            True, board, self.folder, self.laptop_id, self.laptop_name, self._get("last_sync"), laptops,
            len(self.conflicts()),
            {pid: sum(1 for lap in laptops if pid in lap.erasures) for pid in sorted(erasures)},
            numbering,
        )

    def conflicts(self, *, include_done: bool = False) -> list[Conflict]:
        rows = self.store.rows(
            "SELECT * FROM sync_conflicts WHERE board_id = ? " + ("" if include_done else "AND done = 0 ")
            + "ORDER BY id DESC", [self.board_id or ""])
        return [Conflict(r["id"], r["made_at"], r["kind"], r["tbl"], r["row_id"], r["field"],
                         json.loads(r["mine"]) if r["mine"] is not None else None,
                         json.loads(r["theirs"]) if r["theirs"] is not None else None, r["by_laptop"])
                for r in rows]

    def dismiss(self, conflict_id: int) -> None:
        with self.store.write(None) as tx:
            tx.execute("UPDATE sync_conflicts SET done = 1 WHERE id = ?", [conflict_id])

    def restore_mine(self, conflict_id: int) -> Any:
        """Put this laptop's value back (an ordinary, undoable edit that wins knowingly)."""
        found = [c for c in self.conflicts() if c.id == conflict_id]
        if not found or found[0].kind != "overwritten":
            raise NotFoundError(_("Deze melding bestaat niet (meer)."))
        conflict = found[0]
        if self.store.row(conflict.table, conflict.row_id) is None:
            raise NotFoundError(_("Dit onderdeel bestaat niet meer."))
        with self.store.write("Mijn waarde teruggezet") as tx:
            tx.update(conflict.table, conflict.row_id, {conflict.field: conflict.mine})
            tx.execute("UPDATE sync_conflicts SET done = 1 WHERE id = ?", [conflict_id])
        return tx.changes()

    def laptop_label(self, laptop_id: str) -> str:
        if laptop_id == self.laptop_id:
            return self.laptop_name
        name = self.store.scalar("SELECT name FROM sync_peers WHERE laptop_id = ?", [laptop_id])
        return str(name or "een andere laptop")

    # -- decision numbers -----------------------------------------------------------------------
    def numbering_laptop(self) -> str | None:
        value = self._get("numbering")
        return str(value) if value else None

    def take_numbering(self) -> None:
        """This laptop numbers decisions from now on (the explicit hand-over step)."""
        self._set(numbering=self.laptop_id, numbering_pending=self.laptop_id)
