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


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in an English locale unless it sets its own.

    The command line writes its help and its input errors in the language of
    ``--lang``, else of the locale (``antq.cli.language.cli_lang``), and a locale
    such as ``C.UTF-8`` means Vietnamese. The tests that read those messages
    in English give no ``--lang``: this makes their language the same on every
    machine. Tests of the Vietnamese command line pass ``--lang vi`` or set
    ``LANG`` themselves.
    """
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
