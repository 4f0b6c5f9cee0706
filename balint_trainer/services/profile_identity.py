"""Whose bundle is it? One person's identity across machines.

A trainee practising offline exports bundles carrying their laptop profile's
stable uid (``profile.uid``). On import the first rule that applies decides:

1. the uid is a profile here (a bundle from this very database, or a profile
   created by an earlier import, which takes over the bundle's uid) -> ``"uid"``;
2. the uid was matched to a profile before (``profile_aliases``) -> ``"alias"``;
3. the person importing chose a profile (``as_profile_id``: the supervisor's
   match dialog, ``import-attempts --as NAME``) -> ``"chosen"``, remembered;
4. attempts the database already holds name their profile -> ``"attempts"``;
5. ``as_new``, or no profile has the bundle's name: a new profile -> ``"created"``;
6. the profile with the bundle's exact name -> ``"name"``.

Matches made by 3, 4 and 6 are remembered, so renaming either side later never
sends a bundle elsewhere. The stored role must equal the bundle's (checked by
the caller for every rule).
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from balint_trainer.services.bundles import Bundle
from balint_trainer.services.errors import BundleError, NotFound
from balint_trainer.storage import models as m

MatchedBy = Literal["uid", "alias", "chosen", "attempts", "name", "created"]
_UID_CHUNK = 500  # uids per IN (...) query: well under every backend's parameter limit


def known_profile(session: Session, uid: str | None) -> tuple[m.Profile, MatchedBy] | None:
    """The profile this foreign profile uid already stands for here (rules 1 and 2)."""
    if not uid:
        return None
    own = session.scalars(select(m.Profile).where(m.Profile.uid == uid)).first()
    if own is not None:
        return own, "uid"
    alias = session.get(m.ProfileAlias, uid)
    if alias is not None:
        target = session.get(m.Profile, alias.profile_id)
        if target is not None:
            return target, "alias"
    return None


def remember(session: Session, foreign_uid: str | None, profile: m.Profile) -> None:
    """Map ``foreign_uid`` to ``profile`` from now on (nothing to do for its own uid)."""
    if not foreign_uid or foreign_uid == profile.uid:
        return
    alias = session.get(m.ProfileAlias, foreign_uid)
    if alias is None:
        session.add(m.ProfileAlias(foreign_uid=foreign_uid, profile_id=profile.id))
    else:
        alias.profile_id = profile.id
    session.flush()


def bundle_owner(session: Session, source: str, uids: list[str]) -> m.Profile | None:
    """The one profile already holding some of a bundle's attempts (``None``: none is known).

    Attempt uids are stable while profile names are not (either side may rename), so
    known attempts, not the name, decide whose bundle it is. Known attempts spread
    over several profiles are refused: any choice would misfile someone's history.
    """
    held: dict[int, int] = {}
    for start in range(0, len(uids), _UID_CHUNK):
        chunk = uids[start : start + _UID_CHUNK]
        for profile_id, count in session.execute(
            select(m.Attempt.profile_id, func.count())
            .where(m.Attempt.uid.in_(chunk))
            .group_by(m.Attempt.profile_id)
        ):
            held[profile_id] = held.get(profile_id, 0) + count
    if not held:
        return None
    owners = {p.id: p for p in session.scalars(select(m.Profile).where(m.Profile.id.in_(held)))}
    if len(held) > 1:
        names = {pid: owners[pid].name if pid in owners else f"#{pid}" for pid in held}
        listed = ", ".join(f"'{names[pid]}' ({held[pid]})" for pid in sorted(held, key=names.__getitem__))
        raise BundleError(
            "{source}: the bundle's attempts are stored here under more than one profile "
            "(attempts per profile: {listed}); nothing was imported",
            source=source,
            listed=listed,
        )
    (profile_id,) = held
    return owners.get(profile_id)


def resolve_owner(
    session: Session,
    bundle: Bundle,
    source: str,
    *,
    as_profile_id: int | None = None,
    as_new: bool = False,
    cohort: str | None = None,
) -> tuple[m.Profile, MatchedBy]:
    """The profile receiving ``bundle`` and the rule that chose it (see the module docstring).

    ``cohort`` is the bundle's cohort as :meth:`AccountService.create_profile` stores it.
    """
    wanted = bundle.profile
    known = known_profile(session, wanted.uid)
    if known is not None:
        profile, how = known
        if (as_profile_id is not None and as_profile_id != profile.id) or as_new:
            raise BundleError(
                "{source}: this trainee's bundles already go to the profile '{name}' here "
                "(matched before); nothing was imported. Merge the profiles instead.",
                source=source,
                name=profile.name,
            )
        return profile, how
    by_attempts = bundle_owner(session, source, [a.uid for a in bundle.attempts])
    if as_profile_id is not None:
        chosen = session.get(m.Profile, as_profile_id)
        if chosen is None:
            raise NotFound("no profile with id {key}", key=as_profile_id)
        if by_attempts is not None and by_attempts.id != chosen.id:
            raise BundleError(
                "{source}: the bundle's attempts are already stored here under '{name}'; nothing was imported",
                source=source,
                name=by_attempts.name,
            )
        remember(session, wanted.uid, chosen)
        return chosen, "chosen"
    if by_attempts is not None:
        remember(session, wanted.uid, by_attempts)
        return by_attempts, "attempts"
    namesake = session.scalars(select(m.Profile).where(m.Profile.name == wanted.name)).first()
    if namesake is not None and not as_new:
        remember(session, wanted.uid, namesake)
        return namesake, "name"
    if namesake is not None:
        raise BundleError(
            "{source}: a profile named '{name}' exists here already; match the bundle to it, "
            "or rename it first; nothing was imported",
            source=source,
            name=wanted.name,
        )
    # The new profile takes over the bundle's uid: this person has one identity everywhere.
    created = m.Profile(name=wanted.name, role=wanted.role, cohort=cohort)
    if wanted.uid:
        created.uid = wanted.uid
    session.add(created)
    session.flush()
    return created, "created"


def suggestions(session: Session, bundle: Bundle, cohort: str | None) -> list[m.Profile]:
    """Profiles the bundle probably belongs to, best first: the same name ignoring case,
    then the profiles in the bundle's cohort; only profiles of the bundle's role."""
    rows = list(
        session.scalars(
            select(m.Profile)
            .where(m.Profile.role == bundle.profile.role)
            .order_by(m.Profile.name, m.Profile.id)
        )
    )
    wanted = bundle.profile.name.casefold()
    same_name = [p for p in rows if p.name.casefold() == wanted]
    same_cohort = [p for p in rows if cohort is not None and p.cohort == cohort and p not in same_name]
    return same_name + same_cohort
