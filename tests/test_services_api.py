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


def _raised_templates() -> set[str]:
    """The constant templates every ServiceError raised in services/ is built from."""
    import ast
    from pathlib import Path

    import balint_trainer.services as package
    from balint_trainer.services import errors

    names = {n for n, v in vars(errors).items() if isinstance(v, type) and issubclass(v, ServiceError)}
    found: set[str] = set()
    for path in Path(package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants: dict[str, set[str]] = {}  # name -> every string constant assigned to it
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                        constants.setdefault(target.id, set()).add(node.value.value)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            if isinstance(node.func, ast.Name) and node.func.id in names:
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
                elif isinstance(first, ast.Name):
                    found.update(constants.get(first.id, ()))
            if isinstance(node.func, ast.Attribute) and node.func.attr == "_get" and len(node.args) == 4:
                what = node.args[3]
                if isinstance(what, ast.Constant):
                    found.add(f"no {what.value} with id {{key}}")  # Database._get's one sentence per kind
    return found - {"{reason}"}  # a message passed on as it is


def test_every_raised_template_is_listed_for_the_translators() -> None:
    from balint_trainer.services.error_templates import TEMPLATES

    raised = _raised_templates()
    assert len(raised) > 40
    assert raised <= set(TEMPLATES), sorted(raised - set(TEMPLATES))


def test_role_of_names_the_role_of_a_flat_method() -> None:
    from balint_trainer.services.api import role_of

    assert [role_of(n) for n in ("record_answer", "profiles", "item_analysis", "annotations", "bundle_match")] == [
        "practice",
        "accounts",
        "review",
        "annotations",
        "exchange",
    ]
    with pytest.raises(KeyError):
        role_of("close")
