"""Service errors in the Persian UI: every template is translated and shown with its parameters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from balint_trainer import i18n

pytestmark = pytest.mark.gui


@pytest.fixture
def persian(qapp):
    installed = i18n.install(qapp, "fa")
    yield installed
    i18n.uninstall(qapp, installed)


def test_every_service_error_template_has_a_persian_translation_with_the_same_fields(persian) -> None:
    from balint_trainer.services.error_templates import TEMPLATES

    fields = re.compile(r"\{[^{}]*\}")
    for template in TEMPLATES:
        translated = QCoreApplication.translate("ServiceError", template)
        assert translated and (translated != template or fields.sub("", template).strip(" :") == ""), template
        assert sorted(fields.findall(translated)) == sorted(fields.findall(template)), template


def test_a_duplicate_profile_name_is_shown_in_persian_with_the_name_filled_in(persian, tmp_path: Path) -> None:
    from balint_trainer.gui.worker import error_text
    from balint_trainer.services import open_service
    from balint_trainer.services.errors import DuplicateName

    service = open_service(f"sqlite:///{tmp_path / 'fa.db'}")
    try:
        service.accounts.create_profile("Sue", "supervisor")
        with pytest.raises(DuplicateName) as caught:
            service.accounts.create_profile("Sue", "trainee")
    finally:
        service.close()
    text = error_text(caught.value)
    assert text == "نمایه‌ای به نام «Sue» از پیش وجود دارد"
    assert str(caught.value) == "a profile named 'Sue' already exists"  # the CLI keeps English


def test_a_role_named_in_a_service_error_is_translated_too(persian) -> None:
    from balint_trainer.gui.worker import error_text
    from balint_trainer.services.errors import PermissionDenied

    template = "{author} is a {role}; only supervisors and organisers comment"
    text = error_text(PermissionDenied(template, author="Ann", role="trainee"))
    assert "Ann" in text and "کارآموز" in text and "trainee" not in text


def test_english_service_errors_read_as_before(qapp) -> None:
    from balint_trainer.gui.worker import error_text
    from balint_trainer.services.errors import PermissionDenied

    template = "{author} is a {role}; only supervisors and organisers comment"
    text = error_text(PermissionDenied(template, author="Ann", role="trainee"))
    assert text == "Ann is a trainee; only supervisors and organisers comment"
