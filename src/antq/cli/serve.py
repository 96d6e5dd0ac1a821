"""``antq serve``: run the web API (:mod:`antq.serve`) with uvicorn (the ``serve`` extra)."""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from antq.cli._exit import EXIT_OK
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.serve.settings import ENVIRONMENT_VARIABLE, ServeSettings, ServeUnavailable

__all__ = ["register", "run", "settings_from_args"]


def register(commands: Any) -> argparse.ArgumentParser:
    """Add ``serve`` to the sub-commands of the ``antq`` parser; returns its parser."""
    defaults = ServeSettings()
    parser: argparse.ArgumentParser = commands.add_parser(
        "serve",
        help="serve the evaluations as a web API (needs the extra antq[serve])",
        description=(
            "Serve antq's evaluations over HTTP, with an OpenAPI document at /openapi.json and"
            " an interactive page at /docs. Stateless: add worker processes or machines to"
            " serve more."
        ),
    )
    parser.add_argument(
        "--host", default=defaults.host, help="address to listen on (default: %(default)s)"
    )
    parser.add_argument("--port", type=int, default=defaults.port, help="default: %(default)s")
    parser.add_argument(
        "--workers", type=int, default=defaults.workers, help="worker processes (default: 1)"
    )
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        default=defaults.max_body_bytes,
        help="largest request body accepted (default: %(default)s)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=defaults.time_limit,
        help="seconds a request may take (default: %(default)s)",
    )
    parser.add_argument(
        "--max-concurrent",
        type=int,
        default=defaults.max_concurrent,
        help="evaluations at once in each worker (default: %(default)s)",
    )
    parser.add_argument(
        "--max-waiting",
        type=int,
        default=defaults.max_waiting,
        help="evaluations waiting in each worker before 503 (default: %(default)s)",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxies trusted for X-Forwarded-For (default: %(default)s)",
    )
    parser.add_argument("--no-access-log", action="store_true", help="write no access log")
    parser.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages of this origin call the API from a browser (CORS; repeatable)",
    )
    return parser


def settings_from_args(args: argparse.Namespace) -> ServeSettings:
    """The settings given on the command line."""
    return ServeSettings(
        host=args.host,
        port=args.port,
        workers=args.workers,
        max_body_bytes=args.max_body_bytes,
        time_limit=args.time_limit,
        max_concurrent=args.max_concurrent,
        max_waiting=args.max_waiting,
        access_log=not args.no_access_log,
        allow_origins=tuple(args.allow_origin),
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Serve until stopped (Ctrl-C or SIGTERM); returns the exit code."""
    settings = settings_from_args(args)
    if not 0 <= settings.port <= 65535:
        raise InputError("--port", settings.port, Msg("expected 0 to 65535"))
    # Imported when the command runs, so that the parser alone starts fast.
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError as error:
        raise ServeUnavailable.missing(error) from None
    # The worker processes read the settings from the environment they inherit.
    os.environ[ENVIRONMENT_VARIABLE] = settings.environment_text()
    err.write(
        f"antq: serving on http://{settings.host}:{settings.port}"
        f" with {settings.workers} worker(s); the API is described at /docs\n"
    )
    err.flush()
    uvicorn.run(
        "antq.serve.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        access_log=False,
        log_level="warning",
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        server_header=False,
    )
    return EXIT_OK
