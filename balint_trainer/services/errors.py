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
