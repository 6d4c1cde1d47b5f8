"""The ``.wijksync`` file: one laptop's whole board state, encrypted with the board key.

Layout: ``WIJKSYNC`` · format byte · header length (4 bytes) · header JSON · sealed body.
The header is plain but authenticated (ids, format, the key's salt and cost, a key check and
the state vector; no personal data). Two sealed parts follow (XChaCha20-Poly1305, libsodium via
PyNaCl): a small one (meta and the last steps) and the whole state. The key comes from the board
passphrase through Argon2id with the board's salt.

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

from nacl.bindings import (
    crypto_aead_xchacha20poly1305_ietf_decrypt,
    crypto_aead_xchacha20poly1305_ietf_encrypt,
)
from nacl.exceptions import CryptoError
from nacl.pwhash import argon2id

from ..errors import WijkappError
from ..i18n import _

MAGIC = b"WIJKSYNC"
FORMAT_VERSION = 1
SUFFIX = ".wijksync"
#: Argon2id cost (operations, memory): 64 MB and about 0.2 s on a laptop, to slow down guessing.
DEFAULT_COST = (argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)
#: For tests and benchmarks only: the smallest cost Argon2id allows.
QUICK_COST = (argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)
#: A file cannot ask for more than this (a file from outside must not exhaust the laptop).
MAX_COST = (10, 1024 * 1024 * 1024)
MIN_PASSPHRASE = 8
NONCE = 24


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
    cost: tuple[int, int] = DEFAULT_COST

    @property
    def check(self) -> str:
        """A short value that tells a wrong passphrase from a damaged file."""
        return hmac.new(self.key, b"wijkapp-sleutelcontrole", hashlib.sha256).hexdigest()[:16]

    def to_state(self) -> str:
        """Kept in the local database so a sync needs no passphrase."""
        return json.dumps({"salt": _b64(self.salt), "key": _b64(self.key), "cost": list(self.cost)})

    @classmethod
    def from_state(cls, text: str) -> BoardKey:
        data = json.loads(text)
        return cls(_unb64(data["salt"]), _unb64(data["key"]), (int(data["cost"][0]), int(data["cost"][1])))


def check_passphrase(passphrase: str) -> str:
    """Refuse a passphrase that is too short to protect personal data."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise SyncError(
            _("Kies een wachtwoord van minstens {least} tekens. Een zin van een paar "
            "woorden is goed te onthouden en moeilijk te raden.").format(least=MIN_PASSPHRASE)
        )
    return passphrase


def derive_key(passphrase: str, salt: bytes | None = None,
               cost: tuple[int, int] = DEFAULT_COST) -> BoardKey:
    """The board key from a passphrase (a new random salt when sharing starts)."""
    salt = salt or secrets.token_bytes(argon2id.SALTBYTES)
    ops, mem = cost
    if not (QUICK_COST[0] <= ops <= MAX_COST[0] and QUICK_COST[1] <= mem <= MAX_COST[1]):
        raise SyncFileError(_("Dit deelbestand vraagt een onmogelijke sleutel; het is beschadigd."))
    key = argon2id.kdf(32, passphrase.encode("utf-8"), salt, opslimit=ops, memlimit=mem)
    return BoardKey(salt, key, (ops, mem))


def _seal(key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
    return bytes(crypto_aead_xchacha20poly1305_ietf_encrypt(data, aad, nonce, key))


def _open(key: bytes, nonce: bytes, data: bytes, aad: bytes) -> bytes:
    return bytes(crypto_aead_xchacha20poly1305_ietf_decrypt(data, aad, nonce, key))


@dataclass
class SyncFile:
    """A colleague's file, opened and checked; its big part is unpacked only when needed."""

    header: dict[str, Any]
    meta: dict[str, Any]
    recent: list[tuple[dict[int, int], bytes]]
    packed_full: bytes
    digest: str = ""
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def laptop_id(self) -> str:
        return str(self.header.get("laptop_id", ""))

    @property
    def state(self) -> dict[int, int]:
        """What the writer had: its Yjs state vector."""
        return decode_state_vector(_unb64(str(self.header.get("sv", ""))))

    @property
    def update(self) -> bytes:
        """The writer's whole state (a Yjs update)."""
        return zlib.decompress(self.packed_full)

    def updates_for(self, have: dict[int, int]) -> list[bytes]:
        """What a reader that has ``have`` must apply: nothing, the recent steps, or all."""
        if covers(have, self.state):
            # Nothing new: every change of ours writes at least one register (updated_at) in
            # the same Yjs transaction as its text deletions, and any update holding that
            # register holds those deletions too.
            return []
        for index, (before, _update) in enumerate(self.recent):
            if covers(have, before):
                return [update for _before, update in self.recent[index:]]
        return [self.update]


def decode_state_vector(data: bytes) -> dict[int, int]:
    """A Yjs (lib0) state vector: client id → number of its items known."""
    pos = 0

    def varuint() -> int:
        nonlocal pos
        value = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value

    if not data:
        return {}
    count = varuint()
    return {varuint(): varuint() for _index in range(count)}


def covers(have: dict[int, int], need: dict[int, int]) -> bool:
    """True when a document with state ``have`` holds everything of ``need``."""
    return all(have.get(client, 0) >= clock for client, clock in need.items())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def encode(key: BoardKey, header: dict[str, Any], meta: dict[str, Any], update: bytes,
           recent: list[tuple[bytes, bytes]] | None = None, *, state: bytes = b"",
           packed: bytes | None = None) -> bytes:
    """Seal one laptop's state into the bytes of a ``.wijksync`` file.

    Two sealed parts: a small one (meta and the last few steps, each with the state it
    starts from) and the whole state, zlib-packed (``packed`` when the caller has it).
    A colleague who merged this laptop's earlier file applies only the steps.
    """
    nonces = [secrets.token_bytes(NONCE), secrets.token_bytes(NONCE)]
    small_plain = json.dumps({
        "meta": meta,
        "recent": [[_b64(before), _b64(zlib.compress(step, 6))] for before, step in (recent or [])],
    }, sort_keys=True, ensure_ascii=False).encode("utf-8")
    big_plain = packed if packed is not None else zlib.compress(update, 1)
    head = dict(header)
    head.update({"format": "wijksync", "version": FORMAT_VERSION, "salt": _b64(key.salt),
                 "kdf": "argon2id", "cost": list(key.cost), "check": key.check,
                 "nonces": [_b64(n) for n in nonces],
                 "sv": _b64(state), "sizes": [len(small_plain) + 16, len(big_plain) + 16]})
    head_bytes = json.dumps(head, sort_keys=True).encode("utf-8")
    prefix = MAGIC + bytes([FORMAT_VERSION]) + struct.pack(">I", len(head_bytes)) + head_bytes
    return (prefix + _seal(key.key, nonces[0], small_plain, prefix + b"small")
            + _seal(key.key, nonces[1], big_plain, prefix + b"full"))


def read_header(data: bytes) -> dict[str, Any]:
    """The plain header of a file, checked for shape; :class:`SyncFileError` otherwise."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 5:
        raise SyncFileError(_("Dit is geen deelbestand van Wijkapp."))
    version = data[len(MAGIC)]
    if version > FORMAT_VERSION:
        raise NewerFormatError(
            _("Dit bestand is gemaakt met een nieuwere Wijkapp. Werk Wijkapp bij om het te lezen.")
        )
    (size,) = struct.unpack(">I", data[len(MAGIC) + 1:len(MAGIC) + 5])
    start = len(MAGIC) + 5
    incomplete = SyncFileError(_("Dit bestand is niet compleet (misschien nog niet helemaal gekopieerd)."))
    if size > 1_000_000 or len(data) < start + size:
        raise incomplete
    try:
        header = json.loads(data[start:start + size].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SyncFileError(_("Dit deelbestand is beschadigd.")) from None
    if not isinstance(header, dict) or header.get("format") != "wijksync":
        raise SyncFileError(_("Dit is geen deelbestand van Wijkapp."))
    if int(header.get("version", 0)) > FORMAT_VERSION:
        raise NewerFormatError(
            _("Dit bestand is gemaakt met een nieuwere Wijkapp. Werk Wijkapp bij om het te lezen.")
        )
    sizes = header.get("sizes")
    if not (isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(n, int) for n in sizes)):
        raise SyncFileError(_("Dit deelbestand is beschadigd."))
    if len(data) != start + size + sum(sizes):
        raise incomplete
    header["_end"] = start + size
    return header


def decode(data: bytes, key: BoardKey) -> SyncFile:
    """Open a file with the board key; a Dutch :class:`SyncFileError` when it cannot be used.

    Both sealed parts are checked (a tampered or half-copied file is refused whole); the big
    one is unpacked only when a reader needs it.
    """
    header = read_header(data)
    end = header.pop("_end")
    if header.get("check") != key.check or header.get("salt") != _b64(key.salt):
        raise WrongPassphraseError(
            _("Dit bestand is op slot gezet met een ander wachtwoord. Vraag het wachtwoord "
            "van het bestuur na; er is niets veranderd.")
        )
    prefix = data[:end]
    small_size, _large_size = header["sizes"]
    try:
        nonces = [_unb64(str(n)) for n in header.get("nonces", [])]
        small = _open(key.key, nonces[0], data[end:end + small_size], prefix + b"small")
        packed = _open(key.key, nonces[1], data[end + small_size:], prefix + b"full")
        body = json.loads(small.decode("utf-8"))
        recent = [(decode_state_vector(_unb64(before)), zlib.decompress(_unb64(step)))
                  for before, step in body.get("recent", [])]
        _vector = decode_state_vector(_unb64(str(header.get("sv", ""))))
    except (CryptoError, ValueError, IndexError, TypeError, zlib.error):
        raise SyncFileError(
            _("Dit bestand is beschadigd, veranderd of nog niet helemaal gekopieerd. "
            "Er is niets van overgenomen.")
        ) from None
    return SyncFile(header, dict(body.get("meta", {})), recent, packed, hashlib.sha256(data).hexdigest())


def published_state(path: Path) -> bytes | None:
    """The state vector in the header of a file (read without the rest); ``None`` if unusable."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(len(MAGIC) + 5)
            if not start.startswith(MAGIC) or len(start) < len(MAGIC) + 5:
                return None
            (size,) = struct.unpack(">I", start[len(MAGIC) + 1:])
            header = json.loads(handle.read(min(size, 1_000_000)).decode("utf-8"))
        return _unb64(str(header.get("sv", "")))
    except (OSError, ValueError):
        return None


def salt_of(data: bytes) -> tuple[bytes, tuple[int, int]]:
    """The salt and Argon2id cost a file was sealed with (to derive the key at join)."""
    header = read_header(data)
    cost = header.get("cost")
    if not (isinstance(cost, list) and len(cost) == 2 and all(isinstance(c, int) for c in cost)):
        raise SyncFileError(_("Dit deelbestand is beschadigd."))
    return _unb64(str(header.get("salt", ""))), (cost[0], cost[1])


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


ATTACHMENT_MAGIC = b"WIJKBIJL"


def seal_attachment(key: BoardKey, sha: str, data: bytes) -> bytes:
    """An attachment's bytes, encrypted for the shared folder (named by its sha256)."""
    nonce = secrets.token_bytes(NONCE)
    return ATTACHMENT_MAGIC + nonce + _seal(key.key, nonce, data, b"bijlage:" + sha.encode())


def open_attachment(key: BoardKey, sha: str, sealed: bytes) -> bytes:
    """The bytes of a sealed attachment, checked against its sha256; SyncFileError otherwise."""
    try:
        if not sealed.startswith(ATTACHMENT_MAGIC):
            raise ValueError("magic")
        nonce = sealed[len(ATTACHMENT_MAGIC):len(ATTACHMENT_MAGIC) + NONCE]
        data = _open(key.key, nonce, sealed[len(ATTACHMENT_MAGIC) + NONCE:], b"bijlage:" + sha.encode())
    except (CryptoError, ValueError):
        raise SyncFileError(_("Een bijlage in de gedeelde map is beschadigd of nog niet helemaal gekopieerd.")) from None
    if hashlib.sha256(data).hexdigest() != sha:
        raise SyncFileError(_("Een bijlage in de gedeelde map klopt niet met haar naam."))
    return data
