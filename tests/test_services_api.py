"""The service container satisfies the typed protocols the GUI depends on; errors carry templates."""

from __future__ import annotations

import inspect

import pytest

from balint_trainer.services import DuplicateName, ServiceError, TrainerService, open_service
from balint_trainer.services.accounts import AccountService
from balint_trainer.services.annotations import AnnotationService
from balint_trainer.services.api import (
    ROLE_PROTOCOLS,
    AccountsApi,
    AnnotationsApi,
    ExchangeApi,
    PracticeApi,
    ReviewApi,
    ScenariosApi,
    ServicesApi,
)
from balint_trainer.services.errors import NotFound, template_and_params
from balint_trainer.services.exchange import ExchangeService
from balint_trainer.services.practice import PracticeService
from balint_trainer.services.review import ReviewService
from balint_trainer.services.scenarios import ScenarioStore


def _typed(service: TrainerService) -> ServicesApi:
    # The same assignments as services/service.py's TYPE_CHECKING block, which mypy checks.
    api: ServicesApi = service
    accounts: AccountsApi = service.accounts
    scenarios: ScenariosApi = service.scenarios
    practice: PracticeApi = service.practice
    review: ReviewApi = service.review
    annotations: AnnotationsApi = service.annotations
    exchange: ExchangeApi = service.exchange
    assert all(r is not None for r in (accounts, scenarios, practice, review, annotations, exchange))
    return api


@pytest.fixture
def service():
    with open_service("sqlite://") as svc:
        yield svc


def test_container_satisfies_the_protocols_at_runtime(service: TrainerService) -> None:
    assert isinstance(_typed(service), ServicesApi)
    for role, protocol in ROLE_PROTOCOLS.items():
        assert isinstance(getattr(service, role), protocol), role


@pytest.mark.parametrize(
    ("cls", "protocol"),
    [
        (AccountService, AccountsApi),
        (ScenarioStore, ScenariosApi),
        (PracticeService, PracticeApi),
        (ReviewService, ReviewApi),
        (AnnotationService, AnnotationsApi),
        (ExchangeService, ExchangeApi),
    ],
)
def test_role_classes_match_their_protocols_exactly(cls: type, protocol: type) -> None:
    """Same public methods with the same signatures (isinstance only checks names)."""
    wanted = {n for n in vars(protocol) if not n.startswith("_") and callable(getattr(protocol, n))}
    public = {n for n in vars(cls) if not n.startswith("_") and callable(getattr(cls, n))}
    assert public == wanted
    for name in wanted:
        ours = inspect.signature(getattr(cls, name))
        theirs = inspect.signature(getattr(protocol, name))
        assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == [
            (p.name, p.kind, p.default) for p in theirs.parameters.values()
        ], name


def test_errors_carry_a_translatable_template_and_params(service: TrainerService) -> None:
    service.accounts.create_profile("Ann", "trainee")
    with pytest.raises(DuplicateName) as caught:
        service.accounts.create_profile("Ann", "trainee")
    exc = caught.value
    assert str(exc) == "a profile named 'Ann' already exists"  # what the CLI prints
    assert template_and_params(exc) == ("a profile named '{name}' already exists", {"name": "Ann"})
    with pytest.raises(NotFound) as missing:
        service.practice.attempt(42)
    assert (missing.value.template, missing.value.params) == ("no attempt with id {key}", {"key": 42})
    assert str(missing.value) == "no attempt with id 42"


def test_template_without_params_is_used_as_is_and_other_errors_pass_through() -> None:
    exc = ServiceError("a message from a library with {braces}")
    assert str(exc) == "a message from a library with {braces}"
    assert template_and_params(exc) == ("a message from a library with {braces}", {})
    assert template_and_params(ValueError("plain")) == ("plain", {})
    assert str(ServiceError("at most {limit:,} characters", limit=20000)) == "at most 20,000 characters"
