"""Domain errors. Each carries one Dutch sentence a volunteer can act on."""

from __future__ import annotations


class WijkappError(Exception):
    """Base class: ``str(error)`` is a complete Dutch sentence for the user."""


class StorageError(WijkappError):
    """The database file cannot be used as asked (see the subclasses)."""


class NotADatabaseError(StorageError):
    """The file exists but is not a Wijkapp/SQLite database; it is left untouched."""


class DamagedDatabaseError(StorageError):
    """The file is a SQLite database that fails its integrity check; it is left untouched."""


class WorkspaceLockedError(StorageError):
    """Another Wijkapp (or another process) has this file open."""


class ReadOnlyError(StorageError):
    """The file or its folder cannot be written."""


class NewerSchemaError(StorageError):
    """The file was made by a newer Wijkapp than this one."""


class DiskError(StorageError):
    """The disk is full or cannot be read or written (not damage: the file may be fine)."""


class DiskFullError(DiskError):
    """The disk is full (told apart by type, not by the words of the message)."""


class WriteFailedError(StorageError):
    """A change could not be saved (disk full, file gone, ...); nothing was half-saved."""


class NotFoundError(WijkappError):
    """A record with this id does not exist (or was deleted)."""


class ValidationError(WijkappError):
    """Input was refused; the message says which field and why."""


class ImportFormatError(WijkappError):
    """An exchange file is not valid; nothing was imported."""
