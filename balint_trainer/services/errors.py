"""Errors the service layer raises; every message is fit to show to a user."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class of every error the services raise on purpose."""


class NotFound(ServiceError):
    pass


class AnswerExists(ServiceError):
    """The decision was already answered in this attempt (answers are final)."""


class InvalidAnswer(ServiceError):
    """The answer does not fit the attempt's scenario version (or the attempt is finished)."""


class InvalidScenario(ServiceError):
    pass


class DuplicateName(ServiceError):
    pass


class PermissionDenied(ServiceError):
    """Wrong password, or the database refused the operation for the connected role."""


class BundleError(ServiceError):
    """An attempt bundle that cannot be imported; nothing was written."""


class DatabaseUnavailable(ServiceError):
    pass


class DatabaseCorrupt(DatabaseUnavailable):
    """SQLite reported a damaged file ("database disk image is malformed"); nothing more is written
    to it. A backup can be restored (:mod:`balint_trainer.storage.backup`)."""


class NewerDatabase(DatabaseUnavailable):
    """The database was written by a newer version of the app; it was not touched."""


class TamperedVersion(InvalidScenario, ValueError):
    """A stored scenario version whose text does not hash to its checksum, or does not parse:
    it is never used for scoring (a ValueError too, for callers that caught the old error)."""


class MergeRefused(ServiceError):
    """Two profiles that cannot be merged (other roles, clashing annotations); nothing changed."""
