"""The ASGI application of ``antq serve`` (needs Starlette: the ``serve`` extra).

Every answer is the text of the matching command line, made by the same
functions: ``POST /rounds/evaluate`` is ``antq evaluate --format json``,
``GET /rules`` is ``antq rules --format json`` and so on. What the command
line prints on its standard error, and its exit code, become an HTTP status
and an error document here (see ``docs/web-api.rst``).

Limits, each in :class:`~antq.serve.settings.ServeSettings`: the request body
(413), the time to send it (408), the time to evaluate it (503), and the
evaluations run at once and waiting in each worker process (503 when full).
No answer carries a stack trace: an unexpected error is a 500 whose body says
only that, and the trace goes to the server's log.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import io
import json
import logging
import os
import re
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from antq import __version__
from antq.catalogue.rule_form import rule_form_schema
from antq.cli.awards import awards_json
from antq.cli.evaluate import book_with_parameters, evaluate_to, write_results_json
from antq.cli.rules import rule_entries, rules_json
from antq.cli.score import score_document, scores_json
from antq.cli.teams import teams_json
from antq.core.facts import UnitFacts
from antq.core.ruleset import RuleBook
from antq.emulation.awards.questions import answer_questions, award_parameters, read_awards
from antq.emulation.scoring import read_scores
from antq.emulation.sheets import apply_override, sheet_from_dict, shipped_sheet
from antq.emulation.team_reader import rate_section, read_teams_document
from antq.errors import AntqError, InputError
from antq.errors import Message as ErrorMessage
from antq.i18n.catalog import Msg
from antq.io.batch import SourceReadError, UnitReadError, read_bytes
from antq.io.facts import decode_utf8, parse_text
from antq.io.schema import facts_schema
from antq.law.registry import all_instruments
from antq.results import error_rows, evaluate_each, json_text
from antq.safety import default_rulebook
from antq.serve.openapi import openapi_document
from antq.serve.page import PAGE
from antq.serve.settings import ServeSettings
from antq.vocabulary import Lang

__all__ = [
    "ERROR_FORMAT_VERSION",
    "ROUND_MEDIA_TYPES",
    "Problem",
    "app_from_environment",
    "build_app",
    "round_json",
]

T = TypeVar("T")

#: Version of the error document (its key ``antq_error``).
ERROR_FORMAT_VERSION = 1
#: The media types of a round's body and the batch format of each.
ROUND_MEDIA_TYPES: Mapping[str, str] = {
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/csv": "csv",
    "application/toml": "toml",
}
#: The media types of a scores or awards document.
DOCUMENT_MEDIA_TYPES: Mapping[str, str] = {"application/json": ".json", "application/toml": ".toml"}

_TITLES = {
    400: "malformed request",
    404: "not found",
    405: "method not allowed",
    408: "the request body took too long to arrive",
    413: "request body too large",
    415: "unsupported media type",
    422: "invalid input",
    500: "internal error",
    503: "service unavailable",
}
_JSON = "application/json"

access_logger = logging.getLogger("antq.serve.access")
error_logger = logging.getLogger("antq.serve")


class Problem(Exception):
    """An answer other than 200: the HTTP status and the error rows of its body."""

    def __init__(self, status: int, errors: Sequence[InputError], *, retry: bool = False) -> None:
        self.status = status
        self.errors = tuple(errors)
        self.retry = retry
        super().__init__(status, *(str(e) for e in errors))

    def response(self) -> Response:
        payload = {
            "antq_error": ERROR_FORMAT_VERSION,
            "status": self.status,
            "title": _TITLES.get(self.status, "error"),
            "errors": error_rows(self.errors),
        }
        headers = {"Retry-After": "1"} if self.retry else None
        return _json(json_text(payload), self.status, headers)


def _json(text: str, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(text.encode("utf-8"), status_code=status, media_type=_JSON, headers=headers)


def _deprecation(notices: Sequence[ErrorMessage]) -> Mapping[str, str] | None:
    """``Deprecation: true`` (RFC 9745) when the body was a document in a deprecated layout."""
    return {"Deprecation": "true"} if notices else None


def _query_error(error: InputError) -> InputError:
    """An error of the command line's options, named as the query parameter it came from."""
    path = error.path
    if path.startswith("--"):
        path = "query." + path[2:].replace("-", "_")
    return InputError(path, error.value, error.message)


# --------------------------------------------------------------------------- evaluation


def round_json(
    items: Iterable[UnitFacts | InputError], book: RuleBook, rule_set: str | None, lang: Lang
) -> str:
    """The answer of ``POST /rounds/evaluate``: ``antq evaluate --format json``, by its own code."""

    out = io.StringIO()
    evaluate_to(items, book, rule_set=rule_set, fmt="json", out=out, lang=lang)
    return out.getvalue()


def units_json(
    items: Iterable[UnitFacts | InputError], book: RuleBook, rule_set: str | None, lang: Lang
) -> str:
    """The answer of ``POST /units/evaluate``: each unit on its own, in the same JSON."""

    pinned = book.get(rule_set) if rule_set else None
    results = evaluate_each(items, book, pinned=pinned)
    out = io.StringIO()
    write_results_json(results.verdicts, results.errors, out, lang)
    return out.getvalue()


class _Pool:
    """Runs evaluations on a few threads, a bounded number waiting, each within a time limit.

    Only the event loop's thread changes ``pending``.
    """

    def __init__(self, settings: ServeSettings) -> None:
        self.executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=settings.max_concurrent, thread_name_prefix="antq-evaluate"
        )
        self.capacity = settings.max_concurrent + settings.max_waiting
        self.pending = 0

    def _finished(self, _: object) -> None:
        self.pending -= 1

    async def run(self, work: Callable[[], T], deadline: float) -> T:
        if self.pending >= self.capacity:
            raise Problem(
                503,
                [InputError("request", None, Msg("the service is busy; try again in a moment"))],
                retry=True,
            )
        loop = asyncio.get_running_loop()
        self.pending += 1
        future = self.executor.submit(work)
        # The slot is freed when the work ends, not when its caller stops waiting.
        future.add_done_callback(lambda f: loop.call_soon_threadsafe(self._finished, f))
        try:
            async with asyncio.timeout_at(deadline):
                return await asyncio.wrap_future(future)
        except TimeoutError:
            # A cancel succeeds only when the work had not started: it waited for a turn.
            message = ErrorMessage(
                Msg("no evaluation slot became free within the time limit")
                if future.cancel()
                else Msg("the evaluation took longer than the time limit")
            )
            raise Problem(503, [InputError("request", None, message)], retry=True) from None


# --------------------------------------------------------------------------- requests


def _lang(request: Request) -> Lang:
    """``lang`` of the query, else the first of vi and en that ``Accept-Language`` prefers."""
    asked = request.query_params.get("lang")
    if asked is not None:
        if asked not in ("vi", "en"):
            raise Problem(422, [InputError("query.lang", asked, Msg("expected vi or en"))])
        return "vi" if asked == "vi" else "en"
    best: tuple[float, Lang] = (0.0, "vi")
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, rest = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("vi", "en"):
            continue
        weight = 1.0
        name, _, value = rest.strip().partition("=")
        if name.strip() == "q":
            try:
                weight = float(value)
            except ValueError:
                weight = 0.0
        if weight > best[0]:
            best = (weight, "vi" if primary == "vi" else "en")
    return best[1]


def _only(request: Request, allowed: Iterable[str]) -> None:
    """Refuse a query parameter the endpoint does not know (a typo must not pass silently)."""
    known = set(allowed)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        choices = ", ".join(sorted(known)) or "none"
        message = ErrorMessage(
            Msg("unknown query parameter; allowed: {allowed}"), {"allowed": choices}
        )
        raise Problem(422, [InputError(f"query.{unknown[0]}", unknown[0], message)])


def _single(request: Request, name: str) -> str | None:
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise Problem(422, [InputError(f"query.{name}", values, Msg("give it once"))])
    return values[0] if values else None


def _choice(request: Request, name: str, choices: Sequence[str], default: str) -> str:
    value = _single(request, name)
    if value is None:
        return default
    if value not in choices:
        raise Problem(
            422,
            [
                InputError(
                    f"query.{name}",
                    value,
                    Msg("expected one of: {allowed}"),
                    params={"allowed": ", ".join(choices)},
                )
            ],
        )
    return value


def _media_type(request: Request, known: Mapping[str, str]) -> str:
    header = request.headers.get("content-type", "")
    media = header.split(";")[0].strip().lower()
    if media not in known:
        message = ErrorMessage(
            Msg("expected a Content-Type of: {allowed}"), {"allowed": ", ".join(known)}
        )
        raise Problem(415, [InputError("header.content-type", header or None, message)])
    return known[media]


async def _body(request: Request, settings: ServeSettings, deadline: float) -> bytes:
    """The request body, refused when over the size limit or too slow to arrive."""
    limit = settings.max_body_bytes
    too_large = ErrorMessage(
        Msg("the body is larger than the limit of {limit} bytes"), {"limit": limit}
    )
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > limit:
        raise Problem(413, [InputError("body", int(declared), too_large)])
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout_at(deadline):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise Problem(413, [InputError("body", size, too_large)])
                chunks.append(chunk)
    except TimeoutError:
        message = ErrorMessage(
            Msg("the body did not arrive within the time limit ({seconds} s)"),
            {"seconds": format(settings.time_limit, "g")},
        )
        raise Problem(408, [InputError("body", size, message)]) from None
    except ClientDisconnect:
        message = ErrorMessage(Msg("the connection closed before the body ended"))
        raise Problem(400, [InputError("body", size, message)]) from None
    return b"".join(chunks)


def _watched(
    items: Iterable[UnitFacts | InputError], found: list[InputError]
) -> Iterator[UnitFacts | InputError]:
    """``items``, keeping aside the errors about the whole document (not about one unit)."""
    for item in items:
        # A file-level error (malformed JSON that stops the body...) is about the document.
        if isinstance(item, InputError) and (
            not isinstance(item, UnitReadError) or isinstance(item, SourceReadError)
        ):
            found.append(item)
        yield item


def _document_problem(errors: Sequence[InputError]) -> Problem:
    """400 for a body that cannot be parsed, 422 for one of the wrong shape."""
    unreadable = any(
        isinstance(e, SourceReadError) or e.message.startswith(("malformed", "not UTF-8"))
        for e in errors
    )
    return Problem(400 if unreadable else 422, errors)


def _rules(request: Request, book: RuleBook) -> tuple[RuleBook, str | None]:
    """The rule book with the request's ``param`` values, and the pinned ``rule_set``."""

    rule_set = _single(request, "rule_set")
    try:
        book = book_with_parameters(book, request.query_params.getlist("param"))
        if rule_set is not None:
            book.get(rule_set)
    except InputError as error:
        raise Problem(422, [_query_error(error)]) from None
    except AntqError as error:  # no such rule set
        raise Problem(422, [InputError("query.rule_set", rule_set, str(error))]) from None
    return book, rule_set


# --------------------------------------------------------------------------- the application


class _Service:
    """The endpoints, with the settings and the evaluation pool they share."""

    def __init__(self, settings: ServeSettings) -> None:

        self.settings = settings
        self.pool = _Pool(settings)
        self.book = default_rulebook()

    def deadline(self) -> float:
        return asyncio.get_running_loop().time() + self.settings.time_limit

    # ---- evaluation

    async def rounds(self, request: Request) -> Response:
        _only(request, ("lang", "rule_set", "param", "format"))
        lang = _lang(request)
        book, rule_set = _rules(request, self.book)
        fmt = _single(request, "format")
        if fmt is None:
            fmt = _media_type(request, ROUND_MEDIA_TYPES)
        elif fmt not in ROUND_MEDIA_TYPES.values():
            choices = ", ".join(sorted(set(ROUND_MEDIA_TYPES.values())))
            raise Problem(
                422,
                [
                    InputError(
                        "query.format",
                        fmt,
                        Msg("expected one of: {allowed}"),
                        params={"allowed": choices},
                    )
                ],
            )
        deadline = self.deadline()
        data = await _body(request, self.settings, deadline)

        notices: list[ErrorMessage] = []

        def work() -> str:
            problems: list[InputError] = []
            items = read_bytes(data, fmt, book, notices=notices)
            text = round_json(_watched(items, problems), book, rule_set, lang)
            if problems:
                raise _document_problem(problems)
            return text

        text = await self.pool.run(work, deadline)
        return _json(text, headers=_deprecation(notices))

    async def units(self, request: Request) -> Response:
        _only(request, ("lang", "rule_set", "param"))
        lang = _lang(request)
        book, rule_set = _rules(request, self.book)
        _media_type(request, {_JSON: "json"})
        deadline = self.deadline()
        data = await _body(request, self.settings, deadline)

        notices: list[ErrorMessage] = []

        def work() -> str:
            problems: list[InputError] = []
            items = read_bytes(data, "json", book, notices=notices)
            text = units_json(_watched(items, problems), book, rule_set, lang)
            if problems:
                raise _document_problem(problems)
            return text

        text = await self.pool.run(work, deadline)
        return _json(text, headers=_deprecation(notices))

    async def _document(self, request: Request, deadline: float) -> dict[str, Any]:

        suffix = _media_type(request, DOCUMENT_MEDIA_TYPES)
        data = await _body(request, self.settings, deadline)
        try:
            document = parse_text(decode_utf8(data, "body"), "body", suffix)
        except InputError as error:
            raise _document_problem([error]) from None
        if not isinstance(document, dict):
            message = ErrorMessage(Msg("expected a document object"))
            raise Problem(422, [InputError("body", type(document).__name__, message)])
        return document

    async def scores(self, request: Request) -> Response:

        _only(request, ("lang", "sheet"))
        lang = _lang(request)
        reference = _single(request, "sheet")
        deadline = self.deadline()
        document = await self._document(request, deadline)
        sheet, scores = _sheet_and_scores(reference, document)

        notices: list[ErrorMessage] = []

        def work() -> str:
            read = read_scores(scores, sheet)
            notices.extend(read.notices)
            results, errors = score_document(sheet, read)
            return scores_json(sheet, results, errors, lang, notices=read.notices)

        text = await self.pool.run(work, deadline)
        return _json(text, headers=_deprecation(notices))

    async def awards(self, request: Request) -> Response:

        _only(request, ("lang", "param"))
        lang = _lang(request)
        try:
            params = award_parameters(request.query_params.getlist("param"))
        except InputError as error:
            raise Problem(422, [_query_error(error)]) from None
        deadline = self.deadline()
        document = await self._document(request, deadline)

        notices: list[ErrorMessage] = []

        def work() -> str:
            read = read_awards(document)
            notices.extend(read.notices)
            answers, errors = answer_questions(read, params)
            return awards_json(answers, errors, lang, notices=read.notices)

        text = await self.pool.run(work, deadline)
        return _json(text, headers=_deprecation(notices))

    async def teams(self, request: Request) -> Response:
        _only(request, ("lang",))
        lang = _lang(request)
        deadline = self.deadline()
        document = await self._document(request, deadline)

        def work() -> str:
            rated = rate_section(read_teams_document(document))
            return teams_json(rated.ratings, rated.errors, lang)

        return _json(await self.pool.run(work, deadline))

    # ---- descriptions

    async def rules(self, request: Request) -> Response:
        _only(request, ("as_of", "kind", "section", "lang", "format"))
        lang = _lang(request)
        as_of_text = _single(request, "as_of")
        as_of = None
        if as_of_text is not None:
            try:
                as_of = date.fromisoformat(as_of_text)
            except ValueError:
                message = ErrorMessage(Msg("expected a date as YYYY-MM-DD"))
                raise Problem(422, [InputError("query.as_of", as_of_text, message)]) from None
        kind = _single(request, "kind")
        section = _choice(request, "section", ("all", "safety", "awards", "sheets", "teams"), "all")
        fmt = _choice(request, "format", ("json", "text"), "json")

        def work() -> str:
            try:
                return _rules_text(as_of, kind, section, fmt, lang)
            except InputError as error:
                raise Problem(422, [_query_error(error)]) from None

        text = await self.pool.run(work, self.deadline())
        if fmt == "text":
            return Response(text, media_type="text/plain; charset=utf-8")
        return _json(text)

    async def schema(self, request: Request) -> Response:
        _only(request, ("of",))
        of = _choice(request, "of", ("facts", "rule-form"), "facts")
        return _json(_schema_text(of))

    async def instruments(self, request: Request) -> Response:
        _only(request, ())
        return _json(_instruments_text())

    async def health(self, request: Request) -> Response:

        _only(request, ())
        return _json(json_text({"status": "ok", "antq": __version__}))

    async def openapi(self, request: Request) -> Response:

        _only(request, ())
        return _json(json_text(openapi_document(self.settings)))

    async def page(self, request: Request) -> Response:

        return Response(PAGE, media_type="text/html; charset=utf-8")


#: The keys of a scoring request that brings its own sheet.
SCORE_REQUEST_KEYS = ("antq_score_request", "sheet", "overrides", "scores")


def _sheet_and_scores(reference: str | None, document: dict[str, Any]) -> tuple[Any, object]:
    """The sheet and the scores document of ``POST /scores``.

    With ``?sheet=ID`` the body is a scores document scored on that shipped
    sheet. Without it the body brings its sheet: ``{"antq_score_request": 1,
    "sheet": {...}, "overrides": [{...}], "scores": {...}}``, the sheet and the
    overrides in the layout of their TOML files.
    """

    if reference is not None:
        try:
            return shipped_sheet(reference), document
        except AntqError as error:
            raise Problem(422, [InputError("query.sheet", reference, str(error))]) from None
    if document.get("antq_score_request") != 1:
        message = ErrorMessage(
            Msg("name a shipped sheet with ?sheet=ID, or send a request with its own sheet")
        )
        value = document.get("antq_score_request")
        raise Problem(422, [InputError("body.antq_score_request", value, message)])
    unknown = sorted(set(document) - set(SCORE_REQUEST_KEYS))
    if unknown:
        message = ErrorMessage(
            Msg("unknown key; allowed: {allowed}"), {"allowed": ", ".join(SCORE_REQUEST_KEYS)}
        )
        raise Problem(422, [InputError(f"body.{unknown[0]}", document[unknown[0]], message)])
    overrides = document.get("overrides", [])
    if not isinstance(overrides, list):
        raise Problem(422, [InputError("body.overrides", overrides, Msg("expected a list"))])
    try:
        sheet = sheet_from_dict(document.get("sheet"), source="body.sheet")
        for index, override in enumerate(overrides):
            sheet = apply_override(sheet, override, source=f"body.overrides[{index}]")
    except InputError as error:
        raise Problem(422, [error]) from None
    return sheet, document.get("scores")


@functools.lru_cache(maxsize=64)
def _rules_text(as_of: date | None, kind: str | None, section: str, fmt: str, lang: Lang) -> str:

    entries = rule_entries(as_of=as_of, kind=kind, section=section)
    if fmt == "json":
        return rules_json(entries)
    return "\n\n".join(e.render(lang) for e in entries) + "\n"


@functools.lru_cache(maxsize=2)
def _schema_text(of: str) -> str:

    return json_text(facts_schema() if of == "facts" else rule_form_schema())


@functools.lru_cache(maxsize=1)
def _instruments_text() -> str:

    return json_text(
        {"antq_instruments": 1, "instruments": [i.to_json() for i in all_instruments()]}
    )


Endpoint = Callable[[Request], Awaitable[Response]]


def _guarded(endpoint: Endpoint) -> Endpoint:
    """``endpoint`` with every failure turned into an error document, never a stack trace."""

    @functools.wraps(endpoint)
    async def guarded(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Problem as problem:
            return problem.response()
        except Exception:
            error_logger.exception("unexpected error in %s %s", request.method, request.url.path)
            error = InputError(
                "request", None, Msg("an unexpected error in antq; it has been logged")
            )
            return Problem(500, [error]).response()

    return guarded


async def _http_error(request: Request, error: Exception) -> Response:
    status = error.status_code if isinstance(error, HTTPException) else 500
    where = f"{request.method} {request.url.path}"
    message = ErrorMessage(
        Msg("no such endpoint") if status == 404 else Msg("this endpoint does not take this method")
    )
    return Problem(status, [InputError("request", where, message)]).response()


_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _request_id(scope: Scope) -> str:
    """The ``X-Request-Id`` a proxy gave the request, when well formed; else a new one."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            text: str = bytes(value).decode("latin-1")
            if _REQUEST_ID.fullmatch(text):
                return text
    return uuid.uuid4().hex[:16]


class AccessLog:
    """Writes one JSON line per request to the logger ``antq.serve.access``.

    Each line has the time, the client, the method, the path, the status, the
    bytes sent, the duration in milliseconds, the request id, which the answer
    carries in its header ``X-Request-Id``, and the worker process's id.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = _request_id(scope)
        status, sent = 500, 0

        async def sending(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (b"x-request-id", request_id.encode("ascii")),
                ]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = scope.get("client")
            access_logger.info(
                json.dumps(
                    {
                        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                        "client": client[0] if client else None,
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "status": status,
                        "bytes": sent,
                        "ms": round(1000 * (time.perf_counter() - started), 1),
                        "request_id": request_id,
                        "pid": os.getpid(),
                    }
                )
            )


class _StandardError(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time of each record."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _: object) -> None:
        pass


def _configure_logging(settings: ServeSettings) -> None:
    """JSON lines of the access log, and errors, to the standard error."""
    for logger, level in ((access_logger, logging.INFO), (error_logger, logging.WARNING)):
        if not logger.handlers:
            handler = _StandardError()
            handler.setFormatter(logging.Formatter("%(message)s"))
            logger.addHandler(handler)
            logger.propagate = False
        logger.setLevel(level)
    access_logger.disabled = not settings.access_log


def build_app(settings: ServeSettings) -> Starlette:
    """The application (see :func:`antq.serve.create_app`, which checks the extra first)."""
    # Imported when the app is built with these settings (they are optional).
    from starlette.middleware import Middleware

    _configure_logging(settings)
    service = _Service(settings)
    routes = [
        Route("/rounds/evaluate", _guarded(service.rounds), methods=["POST"]),
        Route("/units/evaluate", _guarded(service.units), methods=["POST"]),
        Route("/scores", _guarded(service.scores), methods=["POST"]),
        Route("/awards", _guarded(service.awards), methods=["POST"]),
        Route("/teams", _guarded(service.teams), methods=["POST"]),
        Route("/rules", _guarded(service.rules), methods=["GET"]),
        Route("/schema", _guarded(service.schema), methods=["GET"]),
        Route("/instruments", _guarded(service.instruments), methods=["GET"]),
        Route("/health", _guarded(service.health), methods=["GET"]),
        Route("/openapi.json", _guarded(service.openapi), methods=["GET"]),
        Route("/docs", _guarded(service.page), methods=["GET"]),
    ]
    middleware = [Middleware(AccessLog)]
    if settings.allow_origins:
        # Imported when the app is built with these settings (they are optional).
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.allow_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept-Language", "X-Request-Id"],
                expose_headers=["X-Request-Id"],
                max_age=600,
            )
        )
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: _http_error},
    )


def app_from_environment() -> Starlette:
    """The application with the settings ``antq serve`` passes to its worker processes."""
    return build_app(ServeSettings.from_environment())
