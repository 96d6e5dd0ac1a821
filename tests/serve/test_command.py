"""``antq serve`` on the command line: its options, its settings and a missing extra."""

from __future__ import annotations

import io
import json
import sys
import types
from typing import Any

import pytest

from antq.cli import EXIT_INPUT, EXIT_OK, main
from antq.errors import InputError
from antq.serve import ServeSettings, ServeUnavailable, create_app
from antq.serve.settings import ENVIRONMENT_VARIABLE


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(list(argv), out=io.StringIO(), err=err)
    return code, err.getvalue()


@pytest.fixture
def uvicorn_run(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """uvicorn.run replaced by a recorder, so that nothing listens."""
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("uvicorn")
    fake.run = lambda app, **options: calls.append({"app": app, **options})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "uvicorn", fake)
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    return calls


def test_the_defaults_listen_on_the_loopback_address(uvicorn_run: list[dict[str, Any]]) -> None:
    code, err = run("serve")
    assert code == EXIT_OK
    (call,) = uvicorn_run
    assert call["host"] == "127.0.0.1"
    assert call["port"] == 8000
    assert call["workers"] == 1
    assert call["factory"] is True
    assert call["app"] == "antq.serve.app:app_from_environment"
    assert call["access_log"] is False  # antq writes its own, as JSON lines
    assert "serving on http://127.0.0.1:8000" in err


def test_the_options_reach_the_worker_processes(
    uvicorn_run: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _ = run(
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "9000",
        "--workers",
        "4",
        "--time-limit",
        "5",
        "--max-body-bytes",
        "1000",
        "--max-concurrent",
        "3",
        "--max-waiting",
        "7",
        "--no-access-log",
        "--forwarded-allow-ips",
        "10.0.0.1",
        "--allow-origin",
        "https://a.example",
        "--allow-origin",
        "https://b.example",
    )
    assert code == EXIT_OK
    (call,) = uvicorn_run
    assert (call["host"], call["workers"], call["forwarded_allow_ips"]) == (
        "0.0.0.0",
        4,
        "10.0.0.1",
    )
    import os

    settings = ServeSettings.from_environment()
    assert settings == ServeSettings(
        host="0.0.0.0",
        port=9000,
        workers=4,
        time_limit=5,
        max_body_bytes=1000,
        max_concurrent=3,
        max_waiting=7,
        access_log=False,
        allow_origins=("https://a.example", "https://b.example"),
    )
    assert json.loads(os.environ[ENVIRONMENT_VARIABLE])["workers"] == 4


@pytest.mark.parametrize(
    ("option", "value", "path"),
    [
        ("--port", "70000", "--port"),
        ("--workers", "0", "--workers"),
        ("--time-limit", "-1", "--time-limit"),
        ("--max-body-bytes", "0", "--max-body-bytes"),
    ],
)
def test_bad_options(uvicorn_run: list[dict[str, Any]], option: str, value: str, path: str) -> None:
    code, err = run("serve", option, value)
    assert code == EXIT_INPUT
    assert err.startswith(f"antq: {path}: ")
    assert uvicorn_run == []


def test_a_missing_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    code, err = run("serve")
    assert code == EXIT_INPUT
    assert "pip install 'antq[serve]'" in err
    assert "uvicorn is missing" in err
    monkeypatch.setitem(sys.modules, "antq.serve.app", None)
    with pytest.raises(ServeUnavailable, match=r"antq\[serve\]"):
        create_app()


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    assert ServeSettings.from_environment() == ServeSettings()
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "[1]")
    with pytest.raises(InputError, match=ENVIRONMENT_VARIABLE):
        ServeSettings.from_environment()
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, ServeSettings(time_limit=2.5).environment_text())
    from antq.serve.app import app_from_environment

    assert app_from_environment() is not None
    with pytest.raises(InputError, match="--max-waiting"):
        ServeSettings(max_waiting=True)
