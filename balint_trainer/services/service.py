"""The service layer the GUI and the CLI use; the only code that opens Sessions.

Every public method opens its own short Session (engine and sessionmaker are
thread-safe), so methods may be called from worker threads. Writes commit
before the method returns: once :meth:`TrainerService.record_answer` has
returned, the answer survives the process being killed.
"""

from __future__ import annotations

import contextlib
import getpass
import math
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, case, select, text
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker, undefer

from balint_trainer.core import option_order
from balint_trainer.core.followup import Inheritance, final_state, inherit
from balint_trainer.core.model import NO_INTERVENTION
from balint_trainer.core.option_order import new_seed
from balint_trainer.core.scoring import DecisionScore, ScoringError, score_credits
from balint_trainer.core.scoring import credit as key_credit
from balint_trainer.services import dto, recorded_sessions, review_cards
from balint_trainer.services.errors import (
    AnswerExists,
    BundleError,
    DatabaseCorrupt,
    DatabaseUnavailable,
    DuplicateName,
    InvalidAnswer,
    InvalidScenario,
    NotFound,
    PermissionDenied,
    ServiceError,
)
from balint_trainer.storage import models as m
from balint_trainer.storage.engine import WRITE, redact
from balint_trainer.storage.models import utcnow

if TYPE_CHECKING:
    from balint_trainer.core.analytics import AnswerRow, ItemStats
    from balint_trainer.core.model import Scenario
    from balint_trainer.core.validation import LoadedScenario

T = TypeVar("T")
ROLES = m.ROLES
MODES = m.MODES
CREDIT_TOLERANCE = 1e-9
MAX_TEXT = 20_000
_LOCK_RETRIES = 8


def _is_sqlite_busy(exc: BaseException) -> bool:
    message = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in message or "database is busy" in message


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _clean_name(name: str, what: str = "name") -> str:
    name = (name or "").strip()
    if not name:
        raise ServiceError(f"the {what} must not be empty")
    if len(name) > 200:
        raise ServiceError(f"the {what} is too long (at most 200 characters)")
    return name


def _clean_cohort(cohort: str | None) -> str | None:
    cohort = (cohort or "").strip() or None
    if cohort is not None and len(cohort) > 200:
        raise ServiceError("the cohort name is too long (at most 200 characters)")
    return cohort


def _clean_seed(seed: str) -> str:
    seed = str(seed).strip()
    if not seed or len(seed) > 64:
        raise ServiceError("the option-order seed must have 1 to 64 characters")
    return seed


def _profile_dto(row: m.Profile) -> dto.Profile:
    return dto.Profile(row.id, row.name, row.role, row.cohort, row.db_role, uid=row.uid)


def _version_dto(row: m.ScenarioVersion) -> dto.ScenarioVersion:
    return dto.ScenarioVersion(row.id, row.scenario_id, row.sha256, row.title, row.text, row.registered_at)


def _answer_dto(row: m.AnswerRow) -> dto.Answer:
    return dto.Answer(
        row.decision_id,
        row.option_id,
        row.own_words,
        row.seconds,
        row.credit,
        row.answered_at,
        row.competency,
        tuple(row.shown_order) if row.shown_order else None,
        row.confidence,
        bool(row.timed_out),
    )


def _score(scenario_id: str, answers: list[m.AnswerRow]) -> Any:
    return score_credits(
        scenario_id, [DecisionScore(a.decision_id, a.option_id, a.credit, a.competency) for a in answers]
    )


def _attempt_dto(row: m.Attempt) -> dto.Attempt:
    answers = sorted(row.answers, key=lambda a: a.id)
    return dto.Attempt(
        id=row.id,
        uid=row.uid,
        profile_id=row.profile_id,
        scenario_id=row.version.scenario_id,
        version_id=row.version_id,
        sha256=row.version.sha256,
        mode=row.mode,
        started_at=row.started_at,
        finished_at=row.finished_at,
        # Always derived from the stored answers, so it cannot drift from them.
        total=_score(row.version.scenario_id, answers).total,
        answers=tuple(_answer_dto(a) for a in answers),
        option_seed=row.option_seed,
        initial_state=row.initial_state,
    )


def _annotation_dto(row: m.Annotation) -> dto.Annotation:
    return dto.Annotation(
        row.version_id,
        row.decision_id,
        row.expert_profile_id,
        row.expert.name,
        row.best,
        dict(row.ratings) if row.ratings is not None else None,
        row.note,
        row.updated_at,
    )


class TrainerService:
    def __init__(self, engine: Engine, url: str) -> None:
        self._engine = engine
        self._url = url
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)
        self._scenario_cache: dict[int, Scenario] = {}
        self._cache_lock = threading.Lock()
        self.backup_thread: threading.Thread | None = None  # the latest background backup
        self.auto_backup = False  # back up after each finished attempt (the app turns it on)

    # ------------------------------------------------------------------ backups
    @property
    def database_file(self) -> Path | None:
        """The local SQLite file (None on PostgreSQL or in memory)."""
        from balint_trainer.storage.backup import sqlite_path

        return sqlite_path(self._url)

    def backup_now(self, *, min_interval_s: float = 0) -> Path | None:
        """A rotating backup of the local database (SQLite only); the new file, or None."""
        from balint_trainer.storage.backup import BackupError, make_backup

        path = self.database_file
        if path is None:
            return None
        try:
            return make_backup(path, min_interval_s=min_interval_s)
        except BackupError as exc:
            raise DatabaseUnavailable(str(exc)) from None

    def backup_in_background(self, *, min_interval_s: float = 0) -> None:
        """Start :meth:`backup_now` on a daemon thread (the caller may be the UI thread).
        A failed background backup is not an error of the action that asked for it."""
        if self.database_file is None:
            return

        def work() -> None:
            with contextlib.suppress(ServiceError):
                self.backup_now(min_interval_s=min_interval_s)

        self.backup_thread = threading.Thread(target=work, name="backup", daemon=True)
        self.backup_thread.start()

    # ----------------------------------------------------------------- plumbing
    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return redact(self._url)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> TrainerService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Translate database errors into ServiceErrors with readable messages."""
        try:
            yield
        except ServiceError:
            raise
        except DBAPIError as exc:
            state = _sqlstate(exc)
            if state == "42501":
                raise PermissionDenied(
                    f"the database refused this for the connected account: {str(exc.orig).splitlines()[0]}"
                ) from None
            if isinstance(exc, OperationalError) and not _is_sqlite_busy(exc):
                raise DatabaseUnavailable(
                    f"cannot use the database {self.url}: {str(exc.orig).splitlines()[0]}"
                ) from None
            if self.dialect == "sqlite" and type(exc) is DatabaseError:
                # "database disk image is malformed" and the like: never report such a write as saved.
                raise DatabaseCorrupt(
                    f"the database {self.url} is damaged ({str(exc.orig).splitlines()[0]}); "
                    "restore a backup (File → Restore from backup…)"
                ) from None
            raise

    def _read(self, work: Callable[[Session], T]) -> T:
        with self._errors(), self._read_sessions() as session, session.begin():
            return work(session)

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one write transaction, committed before returning.

        SQLite writers queue on the busy timeout; should one still see
        "database is locked", the whole transaction is retried.
        """
        for attempt in range(_LOCK_RETRIES):
            try:
                with self._errors(), self._write_sessions() as session, session.begin():
                    return work(session)
            except OperationalError as exc:
                if not _is_sqlite_busy(exc) or attempt == _LOCK_RETRIES - 1:
                    raise DatabaseUnavailable(f"the database stayed locked: {exc.orig}") from None
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _scenario(self, version: m.ScenarioVersion) -> Scenario:
        with self._cache_lock:
            cached = self._scenario_cache.get(version.id)
        if cached is not None:
            return cached
        scenario = _version_dto(version).load()
        with self._cache_lock:
            self._scenario_cache[version.id] = scenario
        return scenario

    @staticmethod
    def _get(session: Session, model: type[Any], key: Any, what: str) -> Any:
        row = session.get(model, key)
        if row is None:
            raise NotFound(f"no {what} with id {key}")
        return row

    # ----------------------------------------------------------------- profiles
    def _connected_profile(self, session: Session) -> m.Profile | None:
        """On PostgreSQL, the account whose login role this connection uses (if any)."""
        if self.dialect != "postgresql":
            return None
        role = session.execute(text("SELECT current_user")).scalar_one()
        return session.scalars(select(m.Profile).where(m.Profile.db_role == role)).first()

    def current_account(self) -> dto.Profile | None:
        """The profile of the connected database account (PostgreSQL logins only)."""

        def work(session: Session) -> dto.Profile | None:
            row = self._connected_profile(session)
            return _profile_dto(row) if row else None

        return self._read(work)

    def local_profile(self) -> dto.Profile:
        """The default offline trainee (created on first call, named after the OS user).

        Connected to PostgreSQL as an account's own login role, that account.
        """
        existing = self.current_account() or self._read(
            lambda s: _opt(
                s.scalars(select(m.Profile).where(m.Profile.is_local).order_by(m.Profile.id)).first()
            )
        )
        if existing is not None:
            return existing
        try:
            base = _clean_name(getpass.getuser())
        except (OSError, KeyError, ServiceError):
            base = "trainee"

        def work(session: Session) -> dto.Profile:
            row = session.scalars(select(m.Profile).where(m.Profile.is_local)).first()
            if row is not None:  # created meanwhile by another process
                return _profile_dto(row)
            name, n = base, 1
            while True:
                same = session.scalars(select(m.Profile).where(m.Profile.name == name)).first()
                if same is None:
                    row = m.Profile(name=name, role="trainee", is_local=True)
                    session.add(row)
                    session.flush()
                    return _profile_dto(row)
                if same.role == "trainee" and same.db_role is None:
                    same.is_local = True  # adopt the existing plain trainee of that name
                    return _profile_dto(same)
                n += 1
                name = f"{base} ({n})"

        try:
            return self._write(work)
        except IntegrityError:  # a concurrent first start won the race
            return self._write(work)

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
            return _profile_dto(row)

        try:
            return self._write(work)
        except IntegrityError:
            raise DuplicateName(f"a profile named '{name}' already exists") from None

    @staticmethod
    def _check_profile(name: str, role: str, cohort: str | None) -> tuple[str, str | None]:
        if role not in ROLES:
            raise ServiceError(f"unknown role '{role}' (one of: {', '.join(ROLES)})")
        return _clean_name(name), _clean_cohort(cohort)

    @staticmethod
    def _ensure_free(session: Session, name: str, *, except_id: int | None = None) -> None:
        query = select(m.Profile.id).where(m.Profile.name == name)
        if except_id is not None:
            query = query.where(m.Profile.id != except_id)
        if session.scalars(query).first() is not None:
            raise DuplicateName(f"a profile named '{name}' already exists")

    @staticmethod
    def _may_edit(session: Session, actor_id: int | None, target: m.Profile, *, cohort: bool) -> None:
        """App-level rule for renaming (``cohort=False``) or moving a profile to another cohort.

        Without an actor (the local app, the course admin, the CLI) the change is allowed,
        as for :meth:`create_profile`; on PostgreSQL the database itself still refuses it
        to member accounts (see :mod:`balint_trainer.services.security`).
        """
        if actor_id is None:
            return
        actor = TrainerService._get(session, m.Profile, actor_id, "profile")
        if actor.role == "organiser":
            return
        if actor.role == "supervisor" and target.role == "trainee":
            return
        if cohort:
            if actor.role == "trainee":
                raise PermissionDenied(
                    f"{actor.name} is a trainee; only supervisors and organisers change cohorts"
                )
            raise PermissionDenied(
                f"{actor.name} is a supervisor; only organisers change the cohort of a {target.role}"
            )
        if actor.id == target.id:
            return
        if actor.role == "trainee":
            raise PermissionDenied(f"{actor.name} is a trainee; trainees may rename only their own profile")
        raise PermissionDenied(
            f"{actor.name} is a supervisor; supervisors may rename only themselves and trainees"
        )

    def rename_profile(self, profile_id: int, new_name: str, *, actor_id: int | None = None) -> dto.Profile:
        """Give a profile another name; its id, attempts, password and database login stay.

        ``actor_id`` is who asks: an organiser renames anyone, a supervisor themselves and
        trainees, a trainee only themselves. Names are unique exactly as when created
        (case-sensitive); changing only the case of one's own name is allowed.
        """
        name = _clean_name(new_name)

        def work(session: Session) -> dto.Profile:
            row = self._get(session, m.Profile, profile_id, "profile")
            self._may_edit(session, actor_id, row, cohort=False)
            if row.name != name:
                self._ensure_free(session, name, except_id=row.id)
                row.name = name  # never db_role: the login role keeps its name (and password)
                session.flush()
            return _profile_dto(row)

        try:
            return self._write(work)
        except IntegrityError:  # the name was taken concurrently
            raise DuplicateName(f"a profile named '{name}' already exists") from None

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
        clean = _clean_cohort(cohort)

        def work(session: Session) -> dto.Profile:
            row = self._get(session, m.Profile, profile_id, "profile")
            self._may_edit(session, actor_id, row, cohort=True)
            if row.cohort != clean:
                row.cohort = clean
                session.flush()
            return _profile_dto(row)

        return self._write(work)

    def create_account(
        self, name: str, role: str, password: str, *, cohort: str | None = None
    ) -> dto.Profile:
        """A profile with an argon2id password; on PostgreSQL also its own login role.

        On PostgreSQL the connected account needs CREATEROLE (the course admin).
        See :mod:`balint_trainer.services.security` for what this protects.
        """
        from balint_trainer.services import security

        name, cohort = self._check_profile(name, role, cohort)
        if len(password) < security.MIN_PASSWORD_LENGTH:
            raise ServiceError(f"the password must have at least {security.MIN_PASSWORD_LENGTH} characters")
        password_hash = security.hash_password(password)

        def work(session: Session) -> dto.Profile:
            self._ensure_free(session, name)
            db_role = security.db_role_name(name) if self.dialect == "postgresql" else None
            if db_role is not None:
                # A renamed account keeps its login role, which may be this name's.
                owner = session.scalars(select(m.Profile.name).where(m.Profile.db_role == db_role)).first()
                if owner is not None:
                    raise DuplicateName(
                        f"the database login '{db_role}' for '{name}' belongs to the profile '{owner}' "
                        "(renamed since); choose another name"
                    )
            row = m.Profile(name=name, role=role, cohort=cohort, db_role=db_role)
            session.add(row)
            session.flush()
            session.add(m.Credential(profile_id=row.id, password_hash=password_hash))
            if db_role is not None:
                security.ensure_login_role(session.connection(), db_role, password, role)
            return _profile_dto(row)

        try:
            return self._write(work)
        except IntegrityError:
            raise DuplicateName(f"a profile named '{name}' already exists") from None

    def set_password(self, profile_id: int, password: str) -> None:
        from balint_trainer.services import security

        if len(password) < security.MIN_PASSWORD_LENGTH:
            raise ServiceError(f"the password must have at least {security.MIN_PASSWORD_LENGTH} characters")
        password_hash = security.hash_password(password)

        def work(session: Session) -> None:
            row = self._get(session, m.Profile, profile_id, "profile")
            credential = session.get(m.Credential, profile_id)
            if credential is None:
                session.add(m.Credential(profile_id=profile_id, password_hash=password_hash))
            else:
                credential.password_hash = password_hash
                credential.updated_at = utcnow()
            if row.db_role is not None:
                security.ensure_login_role(session.connection(), row.db_role, password, row.role)

        self._write(work)

    def authenticate(self, name: str, password: str) -> dto.Profile:
        """The profile if the password matches its argon2 hash; PermissionDenied otherwise."""
        from balint_trainer.services import security

        def work(session: Session) -> tuple[dto.Profile, str] | None:
            row = session.scalars(select(m.Profile).where(m.Profile.name == (name or "").strip())).first()
            credential = session.get(m.Credential, row.id) if row is not None else None
            if row is None or credential is None:
                return None
            return _profile_dto(row), credential.password_hash

        found = self._read(work)
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
            return [_profile_dto(p) for p in session.scalars(query)]

        return self._read(work)

    def profile(self, profile_id: int) -> dto.Profile:
        return self._read(lambda s: _profile_dto(self._get(s, m.Profile, profile_id, "profile")))

    def profile_by_name(self, name: str) -> dto.Profile:
        def work(session: Session) -> dto.Profile:
            row = session.scalars(select(m.Profile).where(m.Profile.name == name.strip())).first()
            if row is None:
                raise NotFound(f"no profile named '{name}'")
            return _profile_dto(row)

        return self._read(work)

    def has_password(self) -> set[int]:
        """Ids of the profiles with an app password (on PostgreSQL: those this account may see)."""
        return self._read(lambda s: set(s.scalars(select(m.Credential.profile_id))))

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
            source = self._get(session, m.Profile, source_id, "profile")
            target = self._get(session, m.Profile, target_id, "profile")
            profiles_merge.check(session, source, target)
            report = dto.MergeReport(
                _profile_dto(source), _profile_dto(target), *profiles_merge.counts(session, source)
            )
            if apply:
                profiles_merge.merge(session, source, target)
            return report

        return (self._write if apply else self._read)(work)

    # ------------------------------------------------------- scenario versions
    def register_scenario(self, loaded: LoadedScenario) -> dto.ScenarioVersion:
        """Store this exact scenario file (idempotent on scenario id + SHA-256)."""
        if loaded.scenario is None or not loaded.ok or loaded.text is None:
            first = loaded.errors[0] if loaded.errors else "not a valid scenario"
            raise InvalidScenario(f"{loaded.filename}: cannot register an invalid scenario: {first}")
        scenario, sha256, yaml_text = loaded.scenario, loaded.sha256, loaded.text
        return self._register(scenario.id, sha256, scenario.title, yaml_text)[0]

    def _register(
        self, scenario_id: str, sha256: str, title: str, yaml_text: str
    ) -> tuple[dto.ScenarioVersion, bool]:
        def find(session: Session) -> m.ScenarioVersion | None:
            return session.scalars(
                select(m.ScenarioVersion).where(
                    m.ScenarioVersion.scenario_id == scenario_id, m.ScenarioVersion.sha256 == sha256
                )
            ).first()

        def work(session: Session) -> tuple[dto.ScenarioVersion, bool]:
            row = find(session)
            if row is not None:
                return _trusted(_version_dto(row)), False
            row = m.ScenarioVersion(scenario_id=scenario_id, sha256=sha256, title=title, text=yaml_text)
            session.add(row)
            session.flush()
            return _version_dto(row), True

        existing = self._read(lambda s: _opt_version(find(s)))
        if existing is not None:
            return _trusted(existing), False
        try:
            return self._write(work)
        except IntegrityError:  # registered concurrently (PostgreSQL)
            return self._write(work)

    def scenario_version(self, version_id: int) -> dto.ScenarioVersion:
        return self._read(
            lambda s: _version_dto(self._get(s, m.ScenarioVersion, version_id, "scenario version"))
        )

    def latest_version(self, scenario_id: str) -> dto.ScenarioVersion | None:
        def work(session: Session) -> dto.ScenarioVersion | None:
            row = session.scalars(
                select(m.ScenarioVersion)
                .where(m.ScenarioVersion.scenario_id == scenario_id)
                .order_by(m.ScenarioVersion.registered_at.desc(), m.ScenarioVersion.id.desc())
            ).first()
            return _version_dto(row) if row else None

        return self._read(work)

    def scenario_versions(self, scenario_id: str | None = None) -> list[dto.ScenarioVersion]:
        def work(session: Session) -> list[dto.ScenarioVersion]:
            query = (
                select(m.ScenarioVersion)
                .options(undefer(m.ScenarioVersion.text))
                .order_by(m.ScenarioVersion.scenario_id, m.ScenarioVersion.id)
            )
            if scenario_id is not None:
                query = query.where(m.ScenarioVersion.scenario_id == scenario_id)
            return [_version_dto(v) for v in session.scalars(query)]

        return self._read(work)

    # ------------------------------------------------------ attempts, answers
    def start_attempt(
        self, profile_id: int, version_id: int, mode: str, *, option_seed: str | None = None
    ) -> dto.Attempt:
        """A new attempt with its own option-order seed (``option_seed``: a given one, for tests)."""
        if mode not in MODES:
            raise ServiceError(f"unknown mode '{mode}' (one of: {', '.join(MODES)})")
        seed = new_seed() if option_seed is None else _clean_seed(option_seed)

        def work(session: Session) -> dto.Attempt:
            self._get(session, m.Profile, profile_id, "profile")
            version = self._get(session, m.ScenarioVersion, version_id, "scenario version")
            inherited = self._inheritance(session, profile_id, self._scenario(version))
            row = m.Attempt(
                uid=str(uuid.uuid4()),
                profile_id=profile_id,
                version_id=version_id,
                mode=mode,
                option_seed=seed,
                initial_state=inherited.to_json() if inherited is not None else None,
            )
            session.add(row)
            session.flush()
            session.refresh(row, ["version", "answers"])
            return _attempt_dto(row)

        return self._write(work)

    def _inheritance(self, session: Session, profile_id: int, scenario: Scenario) -> Inheritance | None:
        """A follow-up's start: the final state of this profile's latest finished attempt of the
        earlier meeting (recomputed from its answers), or the defaults; None if not a follow-up."""
        if scenario.follows is None or not scenario.carries:
            return None
        earlier = session.scalars(
            self._attempt_query()
            .where(
                m.Attempt.profile_id == profile_id,
                m.ScenarioVersion.scenario_id == scenario.follows,
                m.Attempt.finished_at.is_not(None),
            )
            .order_by(m.Attempt.finished_at.desc(), m.Attempt.id.desc())
        ).first()
        if earlier is None:
            return Inheritance(inherit(scenario, None))
        try:
            earlier_scenario = self._scenario(earlier.version)
        except Exception:  # a stored version that no longer loads: fall back to the defaults
            return Inheritance(inherit(scenario, None))
        start = Inheritance.from_json(earlier.initial_state)  # the earlier one may be a follow-up too
        final = final_state(earlier_scenario, earlier.answers, start.values if start else None)
        return Inheritance(inherit(scenario, final), earlier.uid)

    def record_answer(
        self,
        attempt_id: int,
        decision_id: str,
        option_id: str,
        *,
        own_words: str | None = None,
        seconds: float | None = None,
        credit: float,
        shown_order: Sequence[str] | None = None,
        confidence: int | None = None,
        timed_out: bool = False,
    ) -> dto.Answer:
        """Store one answer; it is committed (durable) when this returns.

        ``timed_out``: real time ran out (the answer is the key's no-intervention option or
        ``NO_INTERVENTION``, which always counts as timed out).

        The credit must be the key's credit for that option in the attempt's
        scenario version (``core.scoring.credit``); answers are final.
        ``shown_order``: the option ids in the order the trainee saw them (a
        permutation of the decision's options); without it, the order the
        attempt's seed gives is stored.
        """
        if own_words is not None:
            own_words = own_words.strip() or None
            if own_words is not None and len(own_words) > MAX_TEXT:
                raise InvalidAnswer(
                    f"the intervention in your own words is too long (at most {MAX_TEXT:,} characters)"
                )
        if seconds is not None and (not math.isfinite(seconds) or seconds < 0):
            raise InvalidAnswer(f"invalid time taken: {seconds!r}")
        if not isinstance(credit, int | float) or not math.isfinite(credit):
            raise InvalidAnswer(f"invalid credit: {credit!r}")
        if confidence is not None and confidence not in (1, 2, 3):
            raise InvalidAnswer(f"invalid confidence: {confidence!r} (1 unsure, 2 fairly sure, 3 sure)")

        def work(session: Session) -> dto.Answer:
            attempt = self._get(session, m.Attempt, attempt_id, "attempt")
            if attempt.finished_at is not None:
                raise InvalidAnswer(f"attempt {attempt_id} is finished; it takes no more answers")
            scenario = self._scenario(attempt.version)
            try:
                decision = scenario.decision(decision_id)
                expected = key_credit(decision, option_id)
            except KeyError:
                raise InvalidAnswer(f"scenario '{scenario.id}' has no decision '{decision_id}'") from None
            except ScoringError as exc:
                raise InvalidAnswer(str(exc)) from None
            if abs(credit - expected) > CREDIT_TOLERANCE:
                raise InvalidAnswer(
                    f"credit {credit:g} for option '{option_id}' of '{decision_id}' does not match "
                    f"the expert key of this scenario version ({expected:g})"
                )
            if shown_order is None:
                order = list(option_order.shown_order(decision, attempt.option_seed))
            elif option_order.is_permutation(list(shown_order), decision):
                order = list(shown_order)
            else:
                raise InvalidAnswer(
                    f"the order shown for '{decision_id}' ({', '.join(map(str, shown_order))}) is not an "
                    f"order of its options ({', '.join(o.id for o in decision.options)})"
                )
            duplicate = session.scalars(
                select(m.AnswerRow.id).where(
                    m.AnswerRow.attempt_id == attempt_id, m.AnswerRow.decision_id == decision_id
                )
            ).first()
            if duplicate is not None:
                raise AnswerExists(f"decision '{decision_id}' is already answered in attempt {attempt_id}")
            row = m.AnswerRow(
                attempt_id=attempt_id,
                decision_id=decision_id,
                option_id=option_id,
                competency=decision.competency,
                own_words=own_words,
                seconds=seconds,
                credit=float(expected),
                shown_order=order,
                confidence=confidence,
                timed_out=bool(timed_out) or option_id == NO_INTERVENTION,
            )
            session.add(row)
            session.flush()
            # Same transaction: the answer and its spaced-review card are saved together.
            review_cards.on_answer(
                session, attempt.profile_id, scenario.id, decision, float(expected), confidence, seconds
            )
            return _answer_dto(row)

        try:
            return self._write(work)
        except IntegrityError:
            raise AnswerExists(
                f"decision '{decision_id}' is already answered in attempt {attempt_id}"
            ) from None

    def finish_attempt(self, attempt_id: int) -> dto.Attempt:
        """Mark finished and store the total (finishing twice changes nothing)."""

        def work(session: Session) -> dto.Attempt:
            row = self._get(session, m.Attempt, attempt_id, "attempt")
            if row.finished_at is None:
                # Total first: reading answers autoflushes, and one UPDATE sets both columns
                # (on PostgreSQL a member may update only attempts that are still unfinished).
                total = _score(row.version.scenario_id, list(row.answers)).total
                row.finished_at, row.total = utcnow(), total
                session.flush()
            return _attempt_dto(row)

        finished = self._write(work)
        if self.auto_backup:
            self.backup_in_background()  # as Anki does: a finished attempt is worth a copy
        return finished

    @staticmethod
    def _attempt_query() -> Any:
        return select(m.Attempt).join(m.Attempt.version).options(selectinload(m.Attempt.answers))

    def attempt(self, attempt_id: int) -> dto.Attempt:
        def work(session: Session) -> dto.Attempt:
            row = session.scalars(self._attempt_query().where(m.Attempt.id == attempt_id)).first()
            if row is None:
                raise NotFound(f"no attempt with id {attempt_id}")
            return _attempt_dto(row)

        return self._read(work)

    def attempt_by_uid(self, uid: str) -> dto.Attempt | None:
        def work(session: Session) -> dto.Attempt | None:
            row = session.scalars(self._attempt_query().where(m.Attempt.uid == uid)).first()
            return _attempt_dto(row) if row else None

        return self._read(work)

    def resumable_attempt(self, profile_id: int, scenario_id: str) -> dto.Attempt | None:
        """The newest unfinished attempt of this profile at this scenario, with its answers.

        One with answers comes before a newer empty one: starting a scenario stores an
        attempt at once, so "start new, then leave" would otherwise hide the answered
        attempt from every later resume (and the start-up prompt) for good.
        """
        answered = select(m.AnswerRow.id).where(m.AnswerRow.attempt_id == m.Attempt.id).exists()

        def work(session: Session) -> dto.Attempt | None:
            row = session.scalars(
                self._attempt_query()
                .where(
                    m.Attempt.profile_id == profile_id,
                    m.ScenarioVersion.scenario_id == scenario_id,
                    m.Attempt.finished_at.is_(None),
                )
                .order_by(case((answered, 0), else_=1), m.Attempt.started_at.desc(), m.Attempt.id.desc())
            ).first()
            return _attempt_dto(row) if row else None

        return self._read(work)

    def attempts(
        self,
        *,
        profile_id: int | None = None,
        scenario_id: str | None = None,
        finished: bool | None = None,
    ) -> list[dto.Attempt]:
        def work(session: Session) -> list[dto.Attempt]:
            query = self._attempt_query().order_by(m.Attempt.started_at, m.Attempt.id)
            if profile_id is not None:
                query = query.where(m.Attempt.profile_id == profile_id)
            if scenario_id is not None:
                query = query.where(m.ScenarioVersion.scenario_id == scenario_id)
            if finished is True:
                query = query.where(m.Attempt.finished_at.is_not(None))
            elif finished is False:
                query = query.where(m.Attempt.finished_at.is_(None))
            return [_attempt_dto(a) for a in session.scalars(query).unique()]

        return self._read(work)

    def best_scores(self, profile_id: int) -> dict[str, float]:
        best: dict[str, float] = {}
        for attempt in self.attempts(profile_id=profile_id, finished=True):
            if attempt.total is not None:
                best[attempt.scenario_id] = max(attempt.total, best.get(attempt.scenario_id, attempt.total))
        return best

    def progress(self, profile_id: int) -> list[dto.ProgressPoint]:
        def work(session: Session) -> list[dto.ProgressPoint]:
            query = (
                self._attempt_query()
                .where(m.Attempt.profile_id == profile_id, m.Attempt.finished_at.is_not(None))
                .order_by(m.Attempt.finished_at, m.Attempt.id)
            )
            points = []
            for row in session.scalars(query).unique():
                score = _score(row.version.scenario_id, list(row.answers))
                points.append(
                    dto.ProgressPoint(
                        row.id,
                        row.finished_at,
                        row.version.scenario_id,
                        score.total,
                        dict(score.competencies),
                    )
                )
            return points

        return self._read(work)

    # ------------------------------------------- cohort item analysis (supervisor)
    def answer_rows(self, scenario_id: str | None = None, cohort: str | None = None) -> list[AnswerRow]:
        """Every stored answer as a flat AnswerRow (input of core.analytics.item_analysis)."""
        from balint_trainer.services.answer_rows import query_answer_rows

        return self._read(lambda session: query_answer_rows(session, scenario_id, cohort))

    def reliability(self, scenario_id: str | None = None, cohort: str | None = None) -> list[Any]:
        """Cronbach's alpha and item–rest correlations per scenario over finished attempts
        (``core.psychometrics.ScenarioReliability``; items: the latest version's decisions)."""
        from balint_trainer.services.reliability import reliabilities

        def decisions_of(sid: str) -> list[str] | None:
            version = self.latest_version(sid)
            if version is None:
                return None
            try:
                return [d.decision for d in self._scenario_by_dto(version).decisions]
            except ServiceError:
                return None

        return reliabilities(self.answer_rows(scenario_id, cohort), decisions_of)

    def _scenario_by_dto(self, version: dto.ScenarioVersion) -> Scenario:
        with self._cache_lock:
            cached = self._scenario_cache.get(version.id)
        if cached is None:
            cached = version.load()
            with self._cache_lock:
                self._scenario_cache[version.id] = cached
        return cached

    def item_analysis(
        self, scenario_id: str | None = None, cohort: str | None = None, *, finished_only: bool = False
    ) -> list[ItemStats]:
        """Cohort item statistics computed in the database: the same result as
        ``core.analytics.item_analysis(self.answer_rows(scenario_id, cohort))`` (with
        ``finished_only``: over the rows whose ``attempt_total`` is not None), several times faster."""
        from balint_trainer.services.item_analysis import query_item_analysis

        return self._read(
            lambda session: query_item_analysis(session, scenario_id, cohort, finished_only=finished_only)
        )

    # ---------------------------------------------------------------- comments
    def add_comment(
        self, attempt_id: int, author_id: int, text: str, decision_id: str | None = None
    ) -> dto.Comment:
        body = (text or "").strip()
        if not body:
            raise ServiceError("the comment is empty")
        if len(body) > MAX_TEXT:
            raise ServiceError(f"the comment is too long (at most {MAX_TEXT:,} characters)")

        def work(session: Session) -> dto.Comment:
            attempt = self._get(session, m.Attempt, attempt_id, "attempt")
            author = self._get(session, m.Profile, author_id, "profile")
            if author.role not in ("supervisor", "organiser"):
                raise PermissionDenied(
                    f"{author.name} is a {author.role}; only supervisors and organisers comment"
                )
            if decision_id is not None:
                try:
                    self._scenario(attempt.version).decision(decision_id)
                except KeyError:
                    raise NotFound(
                        f"scenario '{attempt.version.scenario_id}' has no decision '{decision_id}'"
                    ) from None
            row = m.Comment(attempt_id=attempt_id, author_id=author_id, decision_id=decision_id, text=body)
            session.add(row)
            session.flush()
            return dto.Comment(
                row.id, attempt_id, decision_id, author_id, author.name, body, row.created_at, uid=row.uid
            )

        return self._write(work)

    def comments(self, attempt_id: int) -> list[dto.Comment]:
        def work(session: Session) -> list[dto.Comment]:
            rows = session.scalars(
                select(m.Comment)
                .where(m.Comment.attempt_id == attempt_id)
                .order_by(m.Comment.created_at, m.Comment.id)
            )
            return [
                dto.Comment(
                    c.id, c.attempt_id, c.decision_id, c.author_id, c.author.name, c.text, c.created_at, uid=c.uid
                )
                for c in rows
            ]

        return self._read(work)

    # ------------------------------------------------------- recorded sessions
    def save_recorded_session(self, trainee_id: int, supervisor_id: int, coded: Any) -> Any:
        """Store a supervisor's coding of a recording (core.recorded_session.RecordedSession)."""
        from balint_trainer.services import recorded_sessions

        return recorded_sessions.save(self, trainee_id, supervisor_id, coded)

    def recorded_sessions(self, trainee_id: int) -> list[Any]:
        from balint_trainer.services import recorded_sessions

        return recorded_sessions.of_trainee(self, trainee_id)

    def update_recorded_session(self, coding_id: int, editor_id: int, coded: Any) -> Any:
        """Edit a coding in place (only its supervisor or an organiser: services.recorded_sessions)."""
        return recorded_sessions.update(self, coding_id, editor_id, coded)

    def delete_recorded_session(self, coding_id: int, editor_id: int) -> None:
        recorded_sessions.delete(self, coding_id, editor_id)

    def unread_comments(self, profile_id: int) -> dto.UnreadComments:
        """Comments on this profile's attempts that it has not read (see services.comment_reads)."""
        from balint_trainer.services.comment_reads import unread_comments

        return self._read(lambda session: unread_comments(session, profile_id))

    def mark_comments_read(self, profile_id: int, attempt_id: int) -> set[int]:
        """Mark every comment on one of the profile's own attempts read; the ids newly marked."""
        from balint_trainer.services.comment_reads import mark_read

        return self._write(lambda session: mark_read(session, profile_id, attempt_id))

    def export_feedback(self, profile_id: int, path: Path) -> int:
        """Write the comments on this trainee's attempts to a feedback file; returns how many."""
        from balint_trainer.services.feedback_files import export_feedback

        return export_feedback(self, profile_id, Path(path))

    def import_feedback(self, path: Path) -> dto.FeedbackImportReport:
        """Import a supervisor's feedback file atomically and idempotently."""
        from balint_trainer.services.feedback_files import import_feedback

        return import_feedback(self, Path(path))

    # -------------------------------------------------------------- annotation
    def save_annotation(
        self,
        version_id: int,
        decision_id: str,
        expert_profile_id: int,
        best: str,
        ratings: dict[str, int] | None,
        note: str | None,
    ) -> dto.Annotation:
        """Insert or replace this expert's annotation of one decision of one version."""
        note = (note or "").strip() or None
        if note is not None and len(note) > MAX_TEXT:
            raise ServiceError(f"the note is too long (at most {MAX_TEXT:,} characters)")

        def work(session: Session) -> dto.Annotation:
            version = self._get(session, m.ScenarioVersion, version_id, "scenario version")
            self._get(session, m.Profile, expert_profile_id, "profile")
            try:
                decision = self._scenario(version).decision(decision_id)
            except KeyError:
                raise NotFound(f"scenario '{version.scenario_id}' has no decision '{decision_id}'") from None
            options = [o.id for o in decision.options]
            if best not in options:
                raise ServiceError(f"'{best}' is not an option of '{decision_id}' ({', '.join(options)})")
            clean: dict[str, int] | None = None
            if ratings:
                clean = {}
                for option_id, value in ratings.items():
                    if option_id not in options:
                        raise ServiceError(f"rating for unknown option '{option_id}'")
                    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                        raise ServiceError(f"rating of '{option_id}' must be a whole number from 1 to 5")
                    clean[option_id] = value
            row = session.scalars(
                select(m.Annotation).where(
                    m.Annotation.version_id == version_id,
                    m.Annotation.decision_id == decision_id,
                    m.Annotation.expert_profile_id == expert_profile_id,
                )
            ).first()
            if row is None:
                row = m.Annotation(
                    version_id=version_id, decision_id=decision_id, expert_profile_id=expert_profile_id
                )
                session.add(row)
            row.best, row.ratings, row.note, row.updated_at = best, clean, note, utcnow()
            session.flush()
            session.refresh(row, ["expert"])
            return _annotation_dto(row)

        try:
            return self._write(work)
        except IntegrityError:  # inserted concurrently: now it is an update
            return self._write(work)

    def annotations(self, version_id: int) -> list[dto.Annotation]:
        def work(session: Session) -> list[dto.Annotation]:
            rows = session.scalars(
                select(m.Annotation)
                .where(m.Annotation.version_id == version_id)
                .order_by(m.Annotation.decision_id, m.Annotation.id)
            )
            return [_annotation_dto(a) for a in rows]

        return self._read(work)

    def export_annotation_request(
        self, loaded: list[LoadedScenario], *, organiser: str, expert: str, path: Path
    ) -> Any:
        """Write a blind annotation request for one expert (see services.annotation_exchange)."""
        from balint_trainer.services.annotation_exchange import export_request

        return export_request(self, loaded, organiser=organiser, expert=expert, path=path)

    def import_annotations(self, path: Path) -> Any:
        """Import one expert's annotation file: atomic, idempotent (services.annotation_exchange)."""
        from balint_trainer.services.annotation_exchange import import_annotations

        return import_annotations(self, path)

    # ----------------------------------------------------------------- bundles
    def export_attempts(self, profile_id: int, path: Path) -> int:
        """Write the profile's attempts (finished or not) to a bundle file; returns how many."""
        from balint_trainer import __version__
        from balint_trainer.services.bundles import Bundle, write_bundle

        def work(session: Session) -> tuple[dict[str, Any], int]:
            profile = self._get(session, m.Profile, profile_id, "profile")
            rows = list(
                session.scalars(
                    self._attempt_query().where(m.Attempt.profile_id == profile_id).order_by(m.Attempt.id)
                ).unique()
            )
            versions = {r.version_id: r.version for r in rows}
            data = {
                "format": "balint-attempts/1",
                "exported_at": utcnow(),
                "app_version": __version__,
                "profile": {
                    "name": profile.name,
                    "role": profile.role,
                    "cohort": profile.cohort,
                    "uid": profile.uid,
                },
                "scenario_versions": [
                    {"scenario_id": v.scenario_id, "sha256": v.sha256, "text": v.text}
                    for v in versions.values()
                ],
                "attempts": [
                    {
                        "uid": r.uid,
                        "scenario_id": r.version.scenario_id,
                        "sha256": r.version.sha256,
                        "mode": r.mode,
                        "option_seed": r.option_seed,
                        **({"initial_state": r.initial_state} if r.initial_state is not None else {}),
                        "started_at": r.started_at,
                        "finished_at": r.finished_at,
                        "answers": [
                            {
                                "decision_id": a.decision_id,
                                "option_id": a.option_id,
                                "own_words": a.own_words,
                                "seconds": a.seconds,
                                "credit": a.credit,
                                "answered_at": a.answered_at,
                                "shown_order": a.shown_order,
                                "confidence": a.confidence,
                                "timed_out": bool(a.timed_out),
                            }
                            for a in sorted(r.answers, key=lambda a: a.id)
                        ],
                    }
                    for r in rows
                ],
                "review_cards": review_cards.export_cards(session, profile_id),
                "recorded_sessions": recorded_sessions.export_bundle(session, profile_id),
            }
            return data, len(rows)

        data, count = self._read(work)
        try:
            write_bundle(Bundle.model_validate(data), Path(path))
        except OSError as exc:
            raise BundleError(f"{path}: cannot write the bundle: {exc.strerror or exc}") from None
        return count

    def bundle_match(self, path: Path) -> dto.BundleMatch:
        """Whose bundle ``path`` is, before importing it: the profile it already goes to
        (``known``), else the profiles it probably belongs to (``suggestions``)."""
        from balint_trainer.services import profile_identity
        from balint_trainer.services.bundles import read_bundle

        bundle = read_bundle(Path(path))
        wanted = bundle.profile
        cohort = _clean_cohort(wanted.cohort)

        def work(session: Session) -> dto.BundleMatch:
            known = profile_identity.known_profile(session, wanted.uid)
            how: str | None = known[1] if known else None
            owner = known[0] if known else None
            if owner is None:
                owner = profile_identity.bundle_owner(session, str(path), [a.uid for a in bundle.attempts])
                how = "attempts" if owner is not None else None
            suggested = profile_identity.suggestions(session, bundle, cohort)
            return dto.BundleMatch(
                path=str(path),
                name=wanted.name,
                role=wanted.role,
                cohort=cohort,
                uid=wanted.uid,
                attempts=len(bundle.attempts),
                known=_opt(owner),
                matched_by=how,
                suggestions=tuple(_profile_dto(p) for p in suggested),
                others=tuple(
                    _profile_dto(p)
                    for p in session.scalars(
                        select(m.Profile).where(m.Profile.role == wanted.role).order_by(m.Profile.name)
                    )
                    if p.id not in {s.id for s in suggested}
                ),
            )

        return self._read(work)

    def import_attempts(
        self, path: Path, *, as_profile_id: int | None = None, as_new: bool = False
    ) -> dto.ImportReport:
        """Import a bundle atomically and idempotently (importing it again adds nothing).

        Attempts are matched on their uid: answers given since an earlier
        import are added and a now-finished attempt is marked finished; a
        bundle contradicting stored answers is refused as a whole.

        Whose bundle it is: see :mod:`balint_trainer.services.profile_identity` (the
        bundle's profile uid, a remembered match, ``as_profile_id`` — the profile the
        person importing chose — known attempts, then the name; ``as_new`` makes a
        new profile). Known attempts held by several profiles are refused. The role
        must agree either way.
        """
        from balint_trainer.services import profile_identity
        from balint_trainer.services.bundles import read_bundle, validate_bundle

        source = str(path)
        checked = validate_bundle(read_bundle(Path(path)), source)
        bundle = checked.bundle

        def work(session: Session) -> dto.ImportReport:
            wanted = bundle.profile
            # The cohort as create_profile stores it: " C1" or "" would be a cohort of its own
            # (row-level security compares cohorts exactly; no supervisor would see the trainee).
            profile, matched_by = profile_identity.resolve_owner(
                session,
                bundle,
                source,
                as_profile_id=as_profile_id,
                as_new=as_new,
                cohort=_clean_cohort(wanted.cohort),
            )
            if profile.role != wanted.role:
                called = "" if profile.name == wanted.name else f" (called '{wanted.name}' in the bundle)"
                raise BundleError(
                    f"{source}: profile '{profile.name}'{called} is a {profile.role} here "
                    f"but a {wanted.role} in the bundle; nothing was imported"
                )
            namesake = None
            if profile.name != wanted.name:
                namesake = session.scalars(
                    select(m.Profile.name).where(m.Profile.name == wanted.name)
                ).first()
            versions: dict[tuple[str, str], m.ScenarioVersion] = {}
            versions_new = 0
            for v in bundle.scenario_versions:
                version_row = session.scalars(
                    select(m.ScenarioVersion).where(
                        m.ScenarioVersion.scenario_id == v.scenario_id, m.ScenarioVersion.sha256 == v.sha256
                    )
                ).first()
                if version_row is None:
                    title = checked.scenarios[(v.scenario_id, v.sha256)].title
                    version_row = m.ScenarioVersion(
                        scenario_id=v.scenario_id, sha256=v.sha256, title=title, text=v.text
                    )
                    session.add(version_row)
                    session.flush()
                    versions_new += 1
                versions[(v.scenario_id, v.sha256)] = version_row

            new = updated = present = answers_new = 0
            for a in bundle.attempts:
                version = versions[(a.scenario_id, a.sha256)]
                row = session.scalars(
                    select(m.Attempt).where(m.Attempt.uid == a.uid).options(selectinload(m.Attempt.answers))
                ).first()
                if row is None:
                    row = m.Attempt(
                        uid=a.uid,
                        profile_id=profile.id,
                        version_id=version.id,
                        mode=a.mode,
                        started_at=a.started_at,
                        option_seed=a.option_seed,
                        initial_state=(
                            a.initial_state.model_dump(by_alias=True) if a.initial_state is not None else None
                        ),
                    )
                    session.add(row)
                    session.flush()
                    is_new, changed = True, True
                else:
                    if row.profile_id != profile.id or row.version_id != version.id or row.mode != a.mode:
                        raise BundleError(
                            f"{source}: attempt {a.uid} is stored here for another profile, "
                            "scenario version or mode; nothing was imported"
                        )
                    if a.option_seed is not None and row.option_seed not in (None, a.option_seed):
                        raise BundleError(
                            f"{source}: attempt {a.uid} is stored here with another option order; "
                            "nothing was imported"
                        )
                    is_new, changed = False, False
                stored = {x.decision_id: x for x in row.answers}
                for ans in a.answers:
                    old = stored.get(ans.decision_id)
                    if old is not None:
                        if old.option_id != ans.option_id:
                            raise BundleError(
                                f"{source}: attempt {a.uid} decision '{ans.decision_id}' is stored with option "
                                f"'{old.option_id}' but the bundle says '{ans.option_id}'; nothing was imported"
                            )
                        continue
                    if row.finished_at is not None:
                        raise BundleError(
                            f"{source}: attempt {a.uid} is finished here but the bundle adds answers to it"
                        )
                    row.answers.append(
                        m.AnswerRow(
                            decision_id=ans.decision_id,
                            option_id=ans.option_id,
                            competency=checked.competencies[(a.scenario_id, a.sha256, ans.decision_id)],
                            own_words=ans.own_words,
                            seconds=ans.seconds,
                            credit=ans.credit,
                            answered_at=ans.answered_at,
                            shown_order=list(ans.shown_order) if ans.shown_order else None,
                            confidence=ans.confidence,
                            timed_out=ans.timed_out,
                        )
                    )
                    answers_new += 1
                    changed = True
                session.flush()
                if a.finished_at is not None and row.finished_at is None:
                    total = _score(version.scenario_id, list(row.answers)).total
                    row.finished_at, row.total = a.finished_at, total
                    changed = True
                if is_new:
                    new += 1
                elif changed:
                    updated += 1
                else:
                    present += 1
            review_cards.import_cards(session, profile.id, bundle.review_cards or [])
            recorded_sessions.import_bundle(session, profile.id, bundle.recorded_sessions or [], source)
            session.flush()
            return dto.ImportReport(
                _profile_dto(profile),
                new,
                updated,
                present,
                answers_new,
                versions_new,
                bundle_name=wanted.name,
                matched_by=matched_by,
                namesake=namesake,
            )

        try:
            return self._write(work)
        except IntegrityError as exc:
            raise BundleError(
                f"{source}: conflicts with stored data ({exc.orig}); nothing was imported"
            ) from None


def _opt(row: m.Profile | None) -> dto.Profile | None:
    return _profile_dto(row) if row is not None else None


def _trusted(version: dto.ScenarioVersion) -> dto.ScenarioVersion:
    """A stored version found by (id, checksum) is reused only if its text has that checksum."""
    if not version.text_matches_hash:
        raise InvalidScenario(
            f"the stored version of '{version.scenario_id}' does not match its checksum (altered in the "
            "database); ask the course administrator to remove it"
        )
    return version


def _opt_version(row: m.ScenarioVersion | None) -> dto.ScenarioVersion | None:
    return _version_dto(row) if row is not None else None
