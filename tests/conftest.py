"""Settings for the whole test suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from antq.core.engine import confirm_explanations


@pytest.fixture(autouse=True, scope="session")
def _confirm_explanations() -> Iterator[None]:
    """Every explanation built in the tests is confirmed against the fast decision.

    Normal runs skip this second decision; here any check whose explanation and
    ``decide`` method disagree fails the test that explains it.
    """
    previous = confirm_explanations(True)
    yield
    confirm_explanations(previous)
