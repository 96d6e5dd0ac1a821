"""The settings of ``antq serve``: limits that make the service safe by default."""

from __future__ import annotations

import json
import os
from typing import Any

import attrs

from antq._serialise import json_form, structure, unstructure
from antq.errors import AntqError, InputError
from antq.i18n.catalog import Msg

__all__ = ["ENVIRONMENT_VARIABLE", "ServeSettings", "ServeUnavailable"]

#: The environment variable that carries the settings to uvicorn's worker processes.
ENVIRONMENT_VARIABLE = "ANTQ_SERVE_SETTINGS"


class ServeUnavailable(AntqError):
    """The web API's optional dependencies are not installed."""

    @classmethod
    def missing(cls, error: ImportError) -> ServeUnavailable:
        name = error.name or "starlette"
        return cls(
            f"antq serve needs the optional packages of the 'serve' extra ({name} is missing):"
            " pip install 'antq[serve]'"
        )


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InputError(f"--{attribute.name.replace('_', '-')}", value, Msg("must be above 0"))


@attrs.frozen(kw_only=True)
class ServeSettings:
    """How the service runs; every limit has a safe default.

    >>> ServeSettings().host
    '127.0.0.1'
    >>> ServeSettings.from_environment_text(ServeSettings(time_limit=2).environment_text()).time_limit
    2
    """

    #: The address to listen on: the loopback address unless told otherwise.
    host: str = "127.0.0.1"
    port: int = 8000
    #: Worker processes (each with its own Python interpreter).
    workers: int = attrs.field(default=1, validator=_positive)
    #: The largest request body accepted, in bytes (larger: HTTP 413).
    max_body_bytes: int = attrs.field(default=16 * 1024 * 1024, validator=_positive)
    #: Seconds a request may take, reading its body and evaluating it (longer: 408 or 503).
    time_limit: float = attrs.field(default=30.0, validator=_positive)
    #: Evaluations run at once in one worker process; others wait their turn.
    max_concurrent: int = attrs.field(default=2, validator=_positive)
    #: Evaluations that may wait for a turn in one worker; beyond that: HTTP 503 at once.
    max_waiting: int = attrs.field(default=16, validator=_positive)
    #: Write one JSON line per request to the standard error.
    access_log: bool = True
    #: Web origins whose pages may call the API from a browser (CORS); none by default.
    allow_origins: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    def environment_text(self) -> str:
        """The settings as the JSON text of ``ANTQ_SERVE_SETTINGS`` (how the workers receive them)."""
        return json.dumps(unstructure(self))

    @classmethod
    def from_environment_text(cls, text: str) -> ServeSettings:
        """Settings from :meth:`environment_text`; a bad value is named by its key under ``ANTQ_SERVE_SETTINGS``."""
        return structure(json.loads(text), cls, ENVIRONMENT_VARIABLE)

    @classmethod
    def from_environment(cls) -> ServeSettings:
        """The settings in ``ANTQ_SERVE_SETTINGS``, or the defaults when it is not set."""
        text = os.environ.get(ENVIRONMENT_VARIABLE)
        return cls.from_environment_text(text) if text else cls()


# Unknown keys are refused: a setting misspelt in the environment is not silently dropped.
json_form(ServeSettings, strict=True)
