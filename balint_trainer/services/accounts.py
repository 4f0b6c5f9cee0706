"""Profiles and accounts (``service.accounts``): who uses the app, passwords, renames, merges."""

from __future__ import annotations

import getpass

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.services import dto
from balint_trainer.services.database import Database
from balint_trainer.services.errors import DuplicateName, NotFound, PermissionDenied, ServiceError
from balint_trainer.services.mapping import clean_cohort, clean_name, opt_profile, profile_dto
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow

ROLES = m.ROLES
_TAKEN = "a profile named '{name}' already exists"


class AccountService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _connected_profile(self, session: Session) -> m.Profile | None:
        """On PostgreSQL, the account whose login role this connection uses (if any)."""
        if self._db.dialect != "postgresql":
            return None
        role = session.execute(text("SELECT current_user")).scalar_one()
        return session.scalars(select(m.Profile).where(m.Profile.db_role == role)).first()

    def current_account(self) -> dto.Profile | None:
        """The profile of the connected database account (PostgreSQL logins only)."""
        return self._db._read(lambda session: opt_profile(self._connected_profile(session)))

    def local_profile(self) -> dto.Profile:
        """The default offline trainee (created on first call, named after the OS user).

        Connected to PostgreSQL as an account's own login role, that account.
        """
        existing = self.current_account() or self._db._read(
            lambda s: opt_profile(
                s.scalars(select(m.Profile).where(m.Profile.is_local).order_by(m.Profile.id)).first()
            )
        )
        if existing is not None:
            return existing
        try:
            base = clean_name(getpass.getuser())
        except (OSError, KeyError, ServiceError):
            base = "trainee"

        def work(session: Session) -> dto.Profile:
            row = session.scalars(select(m.Profile).where(m.Profile.is_local)).first()
            if row is not None:  # created meanwhile by another process
                return profile_dto(row)
            name, n = base, 1
            while True:
                same = session.scalars(select(m.Profile).where(m.Profile.name == name)).first()
                if same is None:
                    row = m.Profile(name=name, role="trainee", is_local=True)
                    session.add(row)
                    session.flush()
                    return profile_dto(row)
                if same.role == "trainee" and same.db_role is None:
                    same.is_local = True  # adopt the existing plain trainee of that name
                    return profile_dto(same)
                n += 1
                name = f"{base} ({n})"

        try:
            return self._db._write(work)
        except IntegrityError:  # a concurrent first start won the race
            return self._db._write(work)

    def create_profile(
        self,
        name: str,
        role: str,
        *,
        cohort: str | None = None,
        password: str | None = None,
    ) -> dto.Profile:
        if password is not None:
            return self.create_account(name, role, password, cohort=cohort)
        name, cohort = self._check_profile(name, role, cohort)

        def work(session: Session) -> dto.Profile:
            self._ensure_free(session, name)
            row = m.Profile(name=name, role=role, cohort=cohort)
            session.add(row)
            session.flush()
            return profile_dto(row)

        try:
            return self._db._write(work)
        except IntegrityError:
            raise DuplicateName(_TAKEN, name=name) from None

    @staticmethod
    def _check_profile(name: str, role: str, cohort: str | None) -> tuple[str, str | None]:
        if role not in ROLES:
            raise ServiceError("unknown role '{role}' (one of: {roles})", role=role, roles=", ".join(ROLES))
        return clean_name(name), clean_cohort(cohort)

    @staticmethod
    def _ensure_free(session: Session, name: str, *, except_id: int | None = None) -> None:
        query = select(m.Profile.id).where(m.Profile.name == name)
        if except_id is not None:
            query = query.where(m.Profile.id != except_id)
        if session.scalars(query).first() is not None:
            raise DuplicateName(_TAKEN, name=name)

    @staticmethod
    def _may_edit(session: Session, actor_id: int | None, target: m.Profile, *, cohort: bool) -> None:
        """App-level rule for renaming (``cohort=False``) or moving a profile to another cohort.

        Without an actor (the local app, the course admin, the CLI) the change is allowed,
        as for :meth:`create_profile`; on PostgreSQL the database itself still refuses it
        to member accounts (see :mod:`balint_trainer.services.security`).
        """
        if actor_id is None:
            return
        actor = Database._get(session, m.Profile, actor_id, "profile")
        if actor.role == "organiser":
            return
        if actor.role == "supervisor" and target.role == "trainee":
            return
        if cohort:
            if actor.role == "trainee":
                raise PermissionDenied(
                    "{actor} is a trainee; only supervisors and organisers change cohorts", actor=actor.name
                )
            raise PermissionDenied(
                "{actor} is a supervisor; only organisers change the cohort of a {role}",
                actor=actor.name,
                role=target.role,
            )
        if actor.id == target.id:
            return
        if actor.role == "trainee":
            raise PermissionDenied(
                "{actor} is a trainee; trainees may rename only their own profile", actor=actor.name
            )
        raise PermissionDenied(
            "{actor} is a supervisor; supervisors may rename only themselves and trainees", actor=actor.name
        )

    def rename_profile(self, profile_id: int, new_name: str, *, actor_id: int | None = None) -> dto.Profile:
        """Give a profile another name; its id, attempts, password and database login stay.

        ``actor_id`` is who asks: an organiser renames anyone, a supervisor themselves and
        trainees, a trainee only themselves. Names are unique exactly as when created
        (case-sensitive); changing only the case of one's own name is allowed.
        """
        name = clean_name(new_name)

        def work(session: Session) -> dto.Profile:
            row = self._db._get(session, m.Profile, profile_id, "profile")
            self._may_edit(session, actor_id, row, cohort=False)
            if row.name != name:
                self._ensure_free(session, name, except_id=row.id)
                row.name = name  # never db_role: the login role keeps its name (and password)
                session.flush()
            return profile_dto(row)

        try:
            return self._db._write(work)
        except IntegrityError:  # the name was taken concurrently
            raise DuplicateName(_TAKEN, name=name) from None

    def set_profile_cohort(
        self, profile_id: int, cohort: str | None, *, actor_id: int | None = None
    ) -> dto.Profile:
        """Move a profile to another cohort (``None`` or blank: no cohort).

        On PostgreSQL row-level security reads ``profiles.cohort`` on every query: from
        the next query on, the supervisors of the new cohort see a moved trainee's
        attempts, answers and comments and those of the old cohort no longer do; a
        moved supervisor sees the trainees of the new cohort. ``actor_id``: organisers
        move anyone, supervisors move trainees, trainees nobody (not even themselves).
        """
        clean = clean_cohort(cohort)

        def work(session: Session) -> dto.Profile:
            row = self._db._get(session, m.Profile, profile_id, "profile")
            self._may_edit(session, actor_id, row, cohort=True)
            if row.cohort != clean:
                row.cohort = clean
                session.flush()
            return profile_dto(row)

        return self._db._write(work)

    def create_account(
        self, name: str, role: str, password: str, *, cohort: str | None = None
    ) -> dto.Profile:
        """A profile with an argon2id password; on PostgreSQL also its own login role.

        On PostgreSQL the connected account needs CREATEROLE (the course admin).
        See :mod:`balint_trainer.services.security` for what this protects.
        """
        from balint_trainer.services import security

        name, cohort = self._check_profile(name, role, cohort)
        _check_password(password)
        password_hash = security.hash_password(password)

        def work(session: Session) -> dto.Profile:
            self._ensure_free(session, name)
            db_role = security.db_role_name(name) if self._db.dialect == "postgresql" else None
            if db_role is not None:
                # A renamed account keeps its login role, which may be this name's.
                owner = session.scalars(select(m.Profile.name).where(m.Profile.db_role == db_role)).first()
                if owner is not None:
                    raise DuplicateName(
                        "the database login '{login}' for '{name}' belongs to the profile '{owner}' "
                        "(renamed since); choose another name",
                        login=db_role,
                        name=name,
                        owner=owner,
                    )
            row = m.Profile(name=name, role=role, cohort=cohort, db_role=db_role)
            session.add(row)
            session.flush()
            session.add(m.Credential(profile_id=row.id, password_hash=password_hash))
            if db_role is not None:
                security.ensure_login_role(session.connection(), db_role, password, role)
            return profile_dto(row)

        try:
            return self._db._write(work)
        except IntegrityError:
            raise DuplicateName(_TAKEN, name=name) from None

    def set_password(self, profile_id: int, password: str) -> None:
        from balint_trainer.services import security

        _check_password(password)
        password_hash = security.hash_password(password)

        def work(session: Session) -> None:
            row = self._db._get(session, m.Profile, profile_id, "profile")
            credential = session.get(m.Credential, profile_id)
            if credential is None:
                session.add(m.Credential(profile_id=profile_id, password_hash=password_hash))
            else:
                credential.password_hash = password_hash
                credential.updated_at = utcnow()
            if row.db_role is not None:
                security.ensure_login_role(session.connection(), row.db_role, password, row.role)

        self._db._write(work)

    def authenticate(self, name: str, password: str) -> dto.Profile:
        """The profile if the password matches its argon2 hash; PermissionDenied otherwise."""
        from balint_trainer.services import security

        def work(session: Session) -> tuple[dto.Profile, str] | None:
            row = session.scalars(select(m.Profile).where(m.Profile.name == (name or "").strip())).first()
            credential = session.get(m.Credential, row.id) if row is not None else None
            if row is None or credential is None:
                return None
            return profile_dto(row), credential.password_hash

        found = self._db._read(work)
        if found is None:
            security.hash_password(password)  # same cost as a real check: names do not leak by timing
            raise PermissionDenied("unknown name or wrong password")
        profile, stored = found
        if not security.verify_password(stored, password):
            raise PermissionDenied("unknown name or wrong password")
        return profile

    def profiles(self, role: str | None = None, cohort: str | None = None) -> list[dto.Profile]:
        def work(session: Session) -> list[dto.Profile]:
            query = select(m.Profile).order_by(m.Profile.name, m.Profile.id)
            if role is not None:
                query = query.where(m.Profile.role == role)
            if cohort is not None:
                query = query.where(m.Profile.cohort == cohort)
            return [profile_dto(p) for p in session.scalars(query)]

        return self._db._read(work)

    def profile(self, profile_id: int) -> dto.Profile:
        return self._db._read(lambda s: profile_dto(self._db._get(s, m.Profile, profile_id, "profile")))

    def profile_by_name(self, name: str) -> dto.Profile:
        def work(session: Session) -> dto.Profile:
            row = session.scalars(select(m.Profile).where(m.Profile.name == name.strip())).first()
            if row is None:
                raise NotFound("no profile named '{name}'", name=name)
            return profile_dto(row)

        return self._db._read(work)

    def has_password(self) -> set[int]:
        """Ids of the profiles with an app password (on PostgreSQL: those this account may see)."""
        return self._db._read(lambda s: set(s.scalars(select(m.Credential.profile_id))))

    def merge_preview(self, source_id: int, target_id: int) -> dto.MergeReport:
        """What :meth:`merge_profiles` would move; MergeRefused if it would be refused."""
        return self._merge(source_id, target_id, apply=False)

    def merge_profiles(self, source_id: int, target_id: int) -> dto.MergeReport:
        """Move every attempt, comment (written and received), annotation and remembered bundle
        match of one profile to another of the same role, then remove the first (one transaction).

        Refused (MergeRefused) across roles and when both annotated one decision; on
        PostgreSQL only the table owner may (PermissionDenied for member accounts).
        See :mod:`balint_trainer.services.profiles_merge`.
        """
        return self._merge(source_id, target_id, apply=True)

    def _merge(self, source_id: int, target_id: int, *, apply: bool) -> dto.MergeReport:
        from balint_trainer.services import profiles_merge

        def work(session: Session) -> dto.MergeReport:
            source = self._db._get(session, m.Profile, source_id, "profile")
            target = self._db._get(session, m.Profile, target_id, "profile")
            profiles_merge.check(session, source, target)
            report = dto.MergeReport(
                profile_dto(source), profile_dto(target), *profiles_merge.counts(session, source)
            )
            if apply:
                profiles_merge.merge(session, source, target)
            return report

        return (self._db._write if apply else self._db._read)(work)


def _check_password(password: str) -> None:
    from balint_trainer.services import security

    if len(password) < security.MIN_PASSWORD_LENGTH:
        raise ServiceError(
            "the password must have at least {count} characters", count=security.MIN_PASSWORD_LENGTH
        )
