"""Attachments: files stored next to the database, named by their SHA-256 hash."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .base import Manager, clean_text
from .changes import Changes
from .errors import NotFoundError, ValidationError, WriteFailedError
from .i18n import _
from .private_files import make_private_folder

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: object) -> bool:
    """True only for exactly 64 lowercase hexadecimal characters (never a path)."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


@dataclass(frozen=True)
class Attachment:
    """A stored file belonging to a record (``owner_kind`` table, ``owner_id``)."""

    id: str
    board_id: str
    owner_kind: str
    owner_id: str | None
    filename: str
    sha256: str
    size: int
    media_type: str
    created_at: str
    updated_at: str


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Attachments(Manager[Attachment]):
    """Files attached to records of the current board."""

    table = "attachments"
    record = Attachment
    label = "Bijlage"
    order_by = "created_at"

    @property
    def folder(self) -> Path:
        """The folder beside the database that holds the files."""
        db = self._ws.path
        return db.with_name(db.stem + "-bijlagen")

    def path_of(self, attachment: Attachment) -> Path:
        """Where the attachment's bytes live: always inside :attr:`folder`.

        Raises :class:`ValidationError` when the stored hash is not a hash (``../``, an
        absolute path) or the file resolves outside the folder (a link planted there).
        """
        path = self.file_for(attachment.sha256)
        if path is None:
            raise ValidationError(
                _("Deze bijlage verwijst naar een bestand buiten de map met bijlagen en wordt "
                "niet gebruikt.")
            )
        return path

    def file_for(self, sha256: object) -> Path | None:
        """The stored file of a hash inside :attr:`folder`, or ``None`` when that is impossible."""
        if not is_sha256(sha256):
            return None
        assert isinstance(sha256, str)
        folder = self.folder.resolve()
        path = (folder / sha256[:2] / sha256).resolve()
        return path if path.is_relative_to(folder) else None

    def add(self, source: Path | str, owner_kind: str = "", owner_id: str | None = None) -> Changes:
        """Copy a file into the store (once per content) and record it."""
        source = Path(source)
        if not source.is_file():
            raise NotFoundError(_("Het bestand '{source}' is niet gevonden.").format(source=source))
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("Dit bestand is groter dan 200 MB; kies een kleiner bestand."))
        filename = clean_text(source.name, "De bestandsnaam", required=True, limit=500)
        sha = file_sha256(source)
        target = self.folder / sha[:2] / sha
        if not target.exists():
            try:
                make_private_folder(self.folder)
                target.parent.mkdir(exist_ok=True, mode=0o700)
                with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as tmp:
                    with open(source, "rb") as handle:
                        shutil.copyfileobj(handle, tmp)
                    tmp.flush()
                    os.fsync(tmp.fileno())
                os.replace(tmp.name, target)
            except OSError as error:
                raise WriteFailedError(
                    _("De bijlage is niet opgeslagen ({reason}). Controleer of er ruimte is.").format(reason=error.strerror)
                ) from None
            if file_sha256(target) != sha:
                target.unlink(missing_ok=True)
                raise WriteFailedError(_("De bijlage is niet goed gekopieerd; probeer het opnieuw."))
        media = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        with self._store.write("Bijlage toegevoegd") as tx:
            tx.insert(
                self.table,
                {
                    "board_id": self._board_id,
                    "owner_kind": owner_kind,
                    "owner_id": owner_id,
                    "filename": filename,
                    "sha256": sha,
                    "size": size,
                    "media_type": media,
                },
            )
        return tx.changes()

    def for_owner(self, owner_id: str) -> list[Attachment]:
        """Attachments of one record."""
        return self._select("owner_id = ?", [owner_id])

    def verify(self, attachment: Attachment) -> bool:
        """True when the stored file exists and still has its hash."""
        path = self.file_for(attachment.sha256)
        return path is not None and path.is_file() and file_sha256(path) == attachment.sha256
