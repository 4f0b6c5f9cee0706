"""Every ServiceError template of the service layer, for the translators (no Qt here).

The GUI translates ``exc.template`` in the context ``"ServiceError"`` and then fills in
``exc.params`` (see :func:`balint_trainer.services.errors.template_and_params`); Qt's lupdate
collects the strings below from these ``QT_TRANSLATE_NOOP`` calls. ``tests/test_services_api.py``
fails when a template raised in ``services/`` is missing here, so the list stays complete.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


TEMPLATES = (
    QT_TRANSLATE_NOOP("ServiceError", "invalid database URL {url}: {reason}"),
    QT_TRANSLATE_NOOP("ServiceError", "cannot create the data folder for {url}: {reason}"),
    QT_TRANSLATE_NOOP("ServiceError", "{url}: {reason}"),
    QT_TRANSLATE_NOOP("ServiceError", "cannot open the database {url}: {reason}"),
    QT_TRANSLATE_NOOP("ServiceError", "the database {url} is closed"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{url}: the database schema needs an upgrade that this account may not run ({reason}); ask the course administrator to start the app once",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "the database {url} is damaged ({reason}); nothing was written to it. Restore a backup (File → Restore from backup…, or balint-trainer restore-backup).",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "no profile with id {key}"),
    QT_TRANSLATE_NOOP(
        "ServiceError", "{actor} is a supervisor; supervisors may rename only themselves and trainees"
    ),
    QT_TRANSLATE_NOOP("ServiceError", "the password must have at least {count} characters"),
    QT_TRANSLATE_NOOP("ServiceError", "unknown role '{role}' (one of: {roles})"),
    QT_TRANSLATE_NOOP("ServiceError", "a profile named '{name}' already exists"),
    QT_TRANSLATE_NOOP(
        "ServiceError", "{actor} is a supervisor; only organisers change the cohort of a {role}"
    ),
    QT_TRANSLATE_NOOP("ServiceError", "{actor} is a trainee; trainees may rename only their own profile"),
    QT_TRANSLATE_NOOP("ServiceError", "unknown name or wrong password"),
    QT_TRANSLATE_NOOP("ServiceError", "{actor} is a trainee; only supervisors and organisers change cohorts"),
    QT_TRANSLATE_NOOP("ServiceError", "no profile named '{name}'"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "the database login '{login}' for '{name}' belongs to the profile '{owner}' (renamed since); choose another name",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "the note is too long (at most {limit:,} characters)"),
    QT_TRANSLATE_NOOP("ServiceError", "no scenario version with id {key}"),
    QT_TRANSLATE_NOOP("ServiceError", "'{best}' is not an option of '{decision_id}' ({options})"),
    QT_TRANSLATE_NOOP("ServiceError", "scenario '{scenario_id}' has no decision '{decision_id}'"),
    QT_TRANSLATE_NOOP("ServiceError", "rating for unknown option '{option_id}'"),
    QT_TRANSLATE_NOOP("ServiceError", "rating of '{option_id}' must be a whole number from 1 to 5"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: profile '{name}' is a {role} here but a {bundle_role} in the bundle; nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: profile '{name}' (called '{bundle_name}' in the bundle) is a {role} here but a {bundle_role} in the bundle; nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: attempt {uid} is stored here for another profile, scenario version or mode; nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: attempt {uid} is stored here with another option order; nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError", "{source}: attempt {uid} is finished here but the bundle adds answers to it"
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: attempt {uid} decision '{decision_id}' is stored with option '{stored}' but the bundle says '{given}'; nothing was imported",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "no attempt with id {key}"),
    QT_TRANSLATE_NOOP(
        "ServiceError", "comments are marked read only by the trainee whose attempt they are on"
    ),
    QT_TRANSLATE_NOOP("ServiceError", "the database refused this for the connected account: {reason}"),
    QT_TRANSLATE_NOOP("ServiceError", "cannot use the database {url}: {reason}"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "the database {url} is damaged ({reason}); restore a backup (File → Restore from backup…)",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "the database stayed locked: {reason}"),
    QT_TRANSLATE_NOOP(
        "ServiceError", "{name}: the stored scenario text does not match its checksum; not used"
    ),
    QT_TRANSLATE_NOOP("ServiceError", "{path}: cannot write the bundle: {reason}"),
    QT_TRANSLATE_NOOP(
        "ServiceError", "{source}: conflicts with stored data ({reason}); nothing was imported"
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "the stored version of '{scenario_id}' does not match its checksum (altered in the database); ask the course administrator to remove it",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "the name must not be empty"),
    QT_TRANSLATE_NOOP("ServiceError", "the name is too long (at most 200 characters)"),
    QT_TRANSLATE_NOOP("ServiceError", "the cohort name is too long (at most 200 characters)"),
    QT_TRANSLATE_NOOP("ServiceError", "the option-order seed must have 1 to 64 characters"),
    QT_TRANSLATE_NOOP("ServiceError", "unknown mode '{mode}' (one of: {modes})"),
    QT_TRANSLATE_NOOP("ServiceError", "invalid time taken: {value}"),
    QT_TRANSLATE_NOOP("ServiceError", "invalid credit: {value}"),
    QT_TRANSLATE_NOOP("ServiceError", "invalid confidence: {value} (1 unsure, 2 fairly sure, 3 sure)"),
    QT_TRANSLATE_NOOP(
        "ServiceError", "the intervention in your own words is too long (at most {limit:,} characters)"
    ),
    QT_TRANSLATE_NOOP("ServiceError", "attempt {attempt_id} is finished; it takes no more answers"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "credit {credit:g} for option '{option_id}' of '{decision_id}' does not match the expert key of this scenario version ({expected:g})",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "decision '{decision_id}' is already answered in attempt {attempt_id}"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "the order shown for '{decision_id}' ({shown}) is not an order of its options ({options})",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: the bundle's attempts are stored here under more than one profile (attempts per profile: {listed}); nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: a profile named '{name}' exists here already; match the bundle to it, or rename it first; nothing was imported",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: this trainee's bundles already go to the profile '{name}' here (matched before); nothing was imported. Merge the profiles instead.",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "{source}: the bundle's attempts are already stored here under '{name}'; nothing was imported",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "a profile cannot be merged into itself"),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "'{source}' is a {source_role} and '{target}' a {target_role}; only profiles of the same role can be merged",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceError",
        "both '{source}' and '{target}' annotated the same decisions ({listed}); merging would count one expert twice. Remove one of the two annotations first",
    ),
    QT_TRANSLATE_NOOP("ServiceError", "the comment is empty"),
    QT_TRANSLATE_NOOP("ServiceError", "the comment is too long (at most {limit:,} characters)"),
    QT_TRANSLATE_NOOP("ServiceError", "{author} is a {role}; only supervisors and organisers comment"),
    QT_TRANSLATE_NOOP("ServiceError", "{file}: cannot register an invalid scenario: {problem}"),
    QT_TRANSLATE_NOOP("ServiceError", "database role '{role}' is privileged; choose another account name"),
    QT_TRANSLATE_NOOP("ServiceError", "no coded session with id {key}"),
    QT_TRANSLATE_NOOP("ServiceError", "this is not the recording that was coded (its checksum differs)"),
)
