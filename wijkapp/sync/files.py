"""The ``.wijksync`` file: one laptop's whole board state, encrypted with the board key.

Layout: ``WIJKSYNC`` · format byte · header length (4 bytes) · header JSON · sealed body.
The header is plain but authenticated (ids, format, the key's salt and a key check; no
personal data). The body is AES-256-GCM over ``meta length · meta JSON · zlib(Yjs update)``.
The key comes from the board passphrase through scrypt with the board's salt.

Each laptop writes only its own file, through a temporary file, fsync and rename, so a
reader sees all of it or none of it. A file that is half-copied, tampered with, from another
board, made with another passphrase or by a newer Wijkapp is refused with a Dutch sentence;
a sync skips it and goes on.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import WijkappError

MAGIC = b"WIJKSYNC"
FORMAT_VERSION = 1
SUFFIX = ".wijksync"
#: scrypt cost (2**15 × 8 × 128 bytes = 32 MB, about 0.1 s): slows down guessing.
SCRYPT_N = 2**15
MIN_PASSPHRASE = 8


class SyncError(WijkappError):
    """Sharing could not do what was asked; the message says why and what to do."""


class SyncFileError(SyncError):
    """A colleague's file that cannot be used; nothing of it was merged."""


class WrongPassphraseError(SyncFileError):
    """The file was locked with another passphrase."""


class NewerFormatError(SyncFileError):
    """The file was made by a newer Wijkapp."""


@dataclass(frozen=True)
class BoardKey:
    """The key that locks a board's files, derived from its passphrase."""

    salt: bytes
    key: bytes
    n: int = SCRYPT_N

    @property
    def check(self) -> str:
        """A short value that tells a wrong passphrase from a damaged file."""
        return hmac.new(self.key, b"wijkapp-sleutelcontrole", hashlib.sha256).hexdigest()[:16]

    def to_state(self) -> str:
        """Kept in the local database so a sync needs no passphrase."""
        return json.dumps({"salt": _b64(self.salt), "key": _b64(self.key), "n": self.n})

    @classmethod
    def from_state(cls, text: str) -> BoardKey:
        data = json.loads(text)
        return cls(_unb64(data["salt"]), _unb64(data["key"]), int(data["n"]))


def check_passphrase(passphrase: str) -> str:
    """Refuse a passphrase that is too short to protect personal data."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise SyncError(
            f"Kies een wachtwoord van minstens {MIN_PASSPHRASE} tekens. Een zin van een paar "
            "woorden is goed te onthouden en moeilijk te raden."
        )
    return passphrase


def derive_key(passphrase: str, salt: bytes | None = None, n: int = SCRYPT_N) -> BoardKey:
    """The board key from a passphrase (a new random salt when sharing starts)."""
    salt = salt or secrets.token_bytes(16)
    kdf = Scrypt(salt=salt, length=32, n=n, r=8, p=1)
    return BoardKey(salt, kdf.derive(passphrase.encode("utf-8")), n)


@dataclass
class SyncFile:
    """A decoded colleague's file."""

    header: dict[str, Any]
    meta: dict[str, Any]
    update: bytes
    digest: str = ""
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def laptop_id(self) -> str:
        return str(self.header.get("laptop_id", ""))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def encode(key: BoardKey, header: dict[str, Any], meta: dict[str, Any], update: bytes) -> bytes:
    """Seal one laptop's state into the bytes of a ``.wijksync`` file."""
    nonce = secrets.token_bytes(12)
    head = dict(header)
    head.update({"format": "wijksync", "version": FORMAT_VERSION, "salt": _b64(key.salt),
                 "n": key.n, "check": key.check, "nonce": _b64(nonce)})
    head_bytes = json.dumps(head, sort_keys=True).encode("utf-8")
    meta_bytes = json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8")
    plain = struct.pack(">I", len(meta_bytes)) + meta_bytes + zlib.compress(update, 6)
    prefix = MAGIC + bytes([FORMAT_VERSION]) + struct.pack(">I", len(head_bytes)) + head_bytes
    return prefix + AESGCM(key.key).encrypt(nonce, plain, prefix)


def read_header(data: bytes) -> dict[str, Any]:
    """The plain header of a file, checked for shape; :class:`SyncFileError` otherwise."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 5:
        raise SyncFileError("Dit is geen deelbestand van Wijkapp.")
    version = data[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise NewerFormatError(
            "Dit bestand is gemaakt met een nieuwere Wijkapp. Werk Wijkapp bij om het te lezen."
        )
    (size,) = struct.unpack(">I", data[len(MAGIC) + 1:len(MAGIC) + 5])
    start = len(MAGIC) + 5
    if size > 1_000_000 or len(data) < start + size:
        raise SyncFileError(
            "Dit bestand is niet compleet (misschien nog niet helemaal gekopieerd)."
        )
    try:
        header = json.loads(data[start:start + size].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SyncFileError("Dit deelbestand is beschadigd.") from None
    if not isinstance(header, dict) or header.get("format") != "wijksync":
        raise SyncFileError("Dit is geen deelbestand van Wijkapp.")
    if int(header.get("version", 0)) > FORMAT_VERSION:
        raise NewerFormatError(
            "Dit bestand is gemaakt met een nieuwere Wijkapp. Werk Wijkapp bij om het te lezen."
        )
    header["_end"] = start + size
    return header


def decode(data: bytes, key: BoardKey) -> SyncFile:
    """Open a file with the board key; a Dutch :class:`SyncFileError` when it cannot be used."""
    header = read_header(data)
    end = header.pop("_end")
    if header.get("check") != key.check or header.get("salt") != _b64(key.salt):
        raise WrongPassphraseError(
            "Dit bestand is op slot gezet met een ander wachtwoord. Vraag het wachtwoord "
            "van het bestuur na; er is niets veranderd."
        )
    nonce = _unb64(str(header.get("nonce", "")))
    try:
        plain = AESGCM(key.key).decrypt(nonce, data[end:], data[:end])
    except (InvalidTag, ValueError):
        raise SyncFileError(
            "Dit bestand is beschadigd, veranderd of nog niet helemaal gekopieerd. "
            "Er is niets van overgenomen."
        ) from None
    (size,) = struct.unpack(">I", plain[:4])
    meta = json.loads(plain[4:4 + size].decode("utf-8"))
    update = zlib.decompress(plain[4 + size:])
    return SyncFile(header, meta, update, hashlib.sha256(data).hexdigest())


def salt_of(data: bytes) -> tuple[bytes, int]:
    """The salt and scrypt cost a file was sealed with (to derive the key at join)."""
    header = read_header(data)
    return _unb64(str(header.get("salt", ""))), int(header.get("n", SCRYPT_N))


def write_atomic(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, fsync, rename: readers see all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable where the system allows it
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def board_folder(folder: Path, board_id: str) -> Path:
    """Where a board's files live inside a shared folder."""
    return Path(folder) / board_id


def candidate_files(folder: Path, board_id: str) -> list[Path]:
    """Every file in the board's folder that may be a colleague's state.

    Besides ``<laptop>.wijksync`` this takes the copies a sync service makes
    ("abc (conflicted copy).wijksync", "abc-PC.wijksync"); temporary files are left alone.
    """
    place = board_folder(folder, board_id)
    try:
        names = sorted(place.iterdir())
    except OSError:
        return []
    return [p for p in names if p.suffix == SUFFIX and not p.name.startswith((".", "~"))
            and p.is_file()]
