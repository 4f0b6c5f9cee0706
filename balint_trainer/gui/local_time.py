"""Stored times (UTC) shown in the user's time zone and the UI language's format."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale


def local_datetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()


def local_date(moment: datetime) -> QDate:
    return local_datetime(moment).date()


def when_text(moment: datetime | None) -> str:
    """Date and time, short locale format ("" for no time)."""
    if moment is None:
        return ""
    return QLocale().toString(local_datetime(moment), QLocale.FormatType.ShortFormat)


def day_month_text(moment: datetime) -> str:
    """Day and abbreviated month name in the UI language, for chart axes."""
    return QLocale().toString(local_date(moment), "d MMM")
