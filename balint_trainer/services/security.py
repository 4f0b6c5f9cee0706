"""Accounts and confidentiality on a shared PostgreSQL database.

What the database enforces (migration ``0002_postgres_rls``):

* Every account created with :meth:`AccountService.create_account` on
  PostgreSQL gets its own LOGIN role (``profiles.db_role``, e.g.
  ``bt_u_alice``) that is a member of ``bt_trainee``, ``bt_supervisor`` or
  ``bt_organiser`` (all members of ``bt_member``). People connect with that
  role, e.g. ``postgresql+psycopg://bt_u_alice:PASSWORD@host/course``
  (:func:`login_url` builds it); PostgreSQL checks the password itself
  (SCRAM-SHA-256 with a default ``pg_hba.conf``).
* Row-level security on ``attempts``, ``answers``, ``comments`` and
  ``credentials``: a member sees only rows of the profile whose ``db_role`` is
  ``current_user``; a supervisor also sees the attempts, answers and comments
  of the trainees in their cohort and may comment on them; nobody else's.
  This holds for raw SQL too, not just for this app.
* A profile keeps its login role for good: renaming it
  (:meth:`AccountService.rename_profile`) changes ``profiles.name`` only, so
  the login, its password and every policy keep working. The policies read
  ``profiles.cohort`` on each query, so moving a trainee to another cohort
  (:meth:`AccountService.set_profile_cohort`) moves what supervisors see at once.
* ``scenario_versions`` (migration ``0005_integrity``): a CHECK constraint makes
  ``sha256`` the SHA-256 of the stored text (with or without a UTF-8 byte-order
  mark) for every row written since, whoever writes it; members may insert
  versions but never update them. Rows older than the constraint are checked
  by every reader (:attr:`ScenarioVersion.text_matches_hash`): a row whose text
  does not hash to its checksum is never reused for a registration nor scored.
* ``annotations`` (migration ``0005_integrity``): row-level security. An expert
  (supervisor or organiser) inserts and updates only rows whose
  ``expert_profile_id`` is their own profile and reads only those, so the
  annotation stays blind even to raw SQL; organisers read every annotation (to
  see agreement and merge keys, which happens in files, not in the database);
  trainees read none.
* ``comment_reads`` (migration ``0007_comment_reads``): row-level security. A
  trainee reads the comments on their own attempts through ``comments_select`` and
  marks one read only for themselves and only if it is on one of their own attempts;
  read marks are private (nobody else reads them) and can be neither updated nor
  deleted by members.
* ``lrs_queue`` (migration ``0009_lrs_queue``): the statements waiting for the
  course's LRS. Trainees may not read or write it at all; their answers and
  finished attempts still queue statements, through triggers running
  ``SECURITY DEFINER`` functions owned by the tables' owner. Supervisors and
  organisers have SELECT and UPDATE of the sending state only (no INSERT or
  DELETE), under row-level security: rows of the attempts they may see (a
  supervisor: their cohort's). The LRS password is never in the database
  (system keyring, or memory only: ``gui/supervision/lrs.py``).
* ``recorded_sessions`` (migration ``0011_recorded_sessions``): row-level
  security. A supervisor inserts codings only under their own profile and only
  for trainees of their cohort, and reads those; a trainee reads their own.
  Since ``0014_recorded_edit`` the coding supervisor may update a coding's content
  (moments, ratings, note, duration) and delete it, an organiser may read, update and
  delete any coding, and nobody else may do either (no column of identity — trainee,
  supervisor, checksum, uid — is updatable). Only the recording's SHA-256, duration
  and file name are stored, never the recording.
* ``review_cards`` (migration ``0010_review_cards``): row-level security. A member reads,
  inserts and updates only their own spaced-review cards; supervisors see their
  trainees' answers (and confidence), not their schedules.
* Members cannot change profiles, roles or cohorts, cannot update or delete
  answers (append-only), and may update only ``finished_at``/``total`` of
  their own unfinished attempts: a finished attempt can be neither reopened
  nor given more answers.
* Roles are cluster-wide: the same person in two course databases on one
  server has one login role (and one password); creating the account again
  in another database resets that password.
* The owner of the tables (the account that ran the migrations, e.g. the
  course organiser's admin role) is not subject to RLS and sees everything;
  it creates accounts, imports attempt bundles and upgrades the schema.
  ``profile_aliases`` (migration ``0006_profile_aliases``: which profile a
  trainee's laptop profile uid was matched to) is used only by bundle import
  and profile merging, so members have no privilege on it at all; merging
  profiles (:meth:`AccountService.merge_profiles`) updates ``attempts.profile_id``
  and deletes a profile, which members may not do either.

What only the app enforces:

* The argon2id hash in ``credentials`` protects the app's own login
  (:meth:`AccountService.authenticate`), which also works on SQLite where
  several people share one computer; on SQLite nothing is enforced by the
  database — whoever can read the file can read everything in it.
* The credit stored with an answer is checked against the scenario version by
  the service (and again on bundle import); a trainee writing raw SQL as
  themselves could store a wrong credit for their own answer. Reports that
  matter can recompute credits from the stored scenario text.
* Local backups (:mod:`balint_trainer.storage.backup`) are plain copies of the
  SQLite file, readable by whoever can read the data folder.
"""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from balint_trainer.services.errors import PermissionDenied

GROUP_FOR_ROLE = {"trainee": "bt_trainee", "supervisor": "bt_supervisor", "organiser": "bt_organiser"}
MIN_PASSWORD_LENGTH = 8


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return bool(_hasher().check_needs_rehash(stored_hash))


def db_role_name(profile_name: str) -> str:
    """The PostgreSQL login role of an account: ``bt_u_`` + a readable, unique slug of the name."""
    slug = re.sub(r"[^a-z0-9_]+", "_", profile_name.lower()).strip("_")[:40]
    if slug != profile_name or not slug:
        # Lossy: keep different names apart ("Ana R." vs "ana_r").
        slug = f"{slug}_{hashlib.sha256(profile_name.encode('utf-8')).hexdigest()[:8]}".lstrip("_")
    return f"bt_u_{slug}"


def login_url(base_url: str, profile_name: str, password: str) -> str:
    """The URL a person uses to connect to a shared database as themselves.

    ``profile_name`` is the name the account was created with; after a rename
    use ``Profile.db_role`` as the user name instead."""
    url = make_url(base_url).set(username=db_role_name(profile_name), password=password)
    return url.render_as_string(hide_password=False)


def ensure_login_role(connection: Connection, role: str, password: str, app_role: str) -> None:
    """Create (or re-password) the login role and put it in its group (needs CREATEROLE)."""
    exists = connection.execute(
        text("SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = :r"), {"r": role}
    ).first()
    if exists is not None and exists[0]:
        # Never re-password a privileged role that happens to have an account's name.
        raise PermissionDenied("database role '{role}' is privileged; choose another account name", role=role)
    verb = "ALTER" if exists else "CREATE"
    # DDL takes no bind parameters; format() quotes the identifier and the literal safely.
    statement = connection.execute(
        text(f"SELECT format('{verb} ROLE %I LOGIN PASSWORD %L', CAST(:r AS text), CAST(:p AS text))"),
        {"r": role, "p": password},
    ).scalar_one()
    connection.exec_driver_sql(statement)
    for group in GROUP_FOR_ROLE.values():
        if group != GROUP_FOR_ROLE[app_role]:
            grant = connection.execute(
                text("SELECT format('REVOKE %I FROM %I', CAST(:g AS text), CAST(:r AS text))"),
                {"g": group, "r": role},
            ).scalar_one()
            connection.exec_driver_sql(grant)
    grant = connection.execute(
        text("SELECT format('GRANT %I TO %I', CAST(:g AS text), CAST(:r AS text))"),
        {"g": GROUP_FOR_ROLE[app_role], "r": role},
    ).scalar_one()
    connection.exec_driver_sql(grant)
