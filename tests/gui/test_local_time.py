"""Stored UTC times are shown in the local zone and the UI language."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from balint_trainer.gui.local_time import day_month_text, local_datetime, when_text


@pytest.fixture
def tehran(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tehran")  # UTC+03:30, no daylight saving since 2022
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def persian():
    previous = QLocale()
    QLocale.setDefault(QLocale("fa_IR"))
    yield
    QLocale.setDefault(previous)


def test_utc_is_shown_in_the_local_zone(tehran, qapp):
    moment = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)
    local = local_datetime(moment)
    assert (local.date().day(), local.time().hour(), local.time().minute()) == (24, 1, 30)


def test_no_time_is_empty(qapp):
    assert when_text(None) == ""


def test_month_names_follow_the_ui_language(persian, qapp):
    text = day_month_text(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    assert "Nov" not in text
    assert QLocale().monthName(11, QLocale.FormatType.ShortFormat) in text
