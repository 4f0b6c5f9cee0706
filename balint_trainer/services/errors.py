"""Errors the service layer raises; every message is fit to show to a user.

Every error carries an English ``template`` with ``{name}`` placeholders and the
``params`` that fill them, so the GUI can translate the template (Qt context
``"ServiceError"``) and then format it; ``str(exc)`` is the formatted English (the CLI
prints it). Raise them as::

    raise DuplicateName("a profile named '{name}' already exists", name=name)

Without params the template is used as it is (it may then contain braces, e.g. a
message passed on from a library); with params it is formatted by ``str.format``,
so literal braces in it are written ``{{`` and ``}}``. A new template also goes into
:mod:`balint_trainer.services.error_templates` (for the translators; a test checks).
"""

from __future__ import annotations


class ServiceError(Exception):
    """Base class of every error the services raise on purpose."""

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params
        super().__init__(format_template(template, params))


def format_template(template: str, params: dict[str, object]) -> str:
    """``template`` filled with ``params`` (unchanged without params)."""
    return template.format(**params) if params else template


def template_and_params(exc: BaseException) -> tuple[str, dict[str, object]]:
    """What to translate and what to fill it with: a ServiceError's template and params,
    else ``str(exc)`` and no params (so any exception can be shown the same way)."""
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if isinstance(template, str) and isinstance(params, dict):
        return template, dict(params)
    return str(exc), {}


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


class DatabaseClosed(DatabaseUnavailable):
    """The database was closed on purpose (the window closed) while a call waited for it: nothing
    to tell the user, who has left."""


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
