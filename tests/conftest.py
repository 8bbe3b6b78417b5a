"""Suite-wide fixtures: the checks see one fixed day, so findings about past dates do not change with the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

FIXED_TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setattr("coprod_cli.checks.current_date", lambda: FIXED_TODAY)
    return FIXED_TODAY
