"""Fixtures for the report tests (the data itself lives in samples.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.reports import samples


@pytest.fixture
def report() -> dict[str, Any]:
    """A nightly run with every kind of item the report shows."""
    return samples.sample_report()


@pytest.fixture
def history() -> list[dict[str, Any]]:
    """Three earlier runs, oldest first."""
    return samples.sample_history()


@pytest.fixture
def package() -> dict[str, Any]:
    """An access package for a person found in ActiveCampaign and in the register."""
    return samples.sample_package()


@pytest.fixture
def empty_package() -> dict[str, Any]:
    """An access package for an address nobody knows."""
    return samples.sample_empty_package()
