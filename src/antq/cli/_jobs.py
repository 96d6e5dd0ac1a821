"""``--jobs N``: the units of a round decided in N worker processes, the round kept here.

The parent reads the input and runs the round as with one process: it checks
ids, places units under their communes, decides every commune once from all
its units and writes the output in the input's order. Only the units that are
not communes are sent, in chunks, to a pool of worker processes (started with
``spawn``, so it works the same on every platform), which decide each with the
same rules and send back what the output needs:

* the verdict, without the results nobody will read: none for a unit that
  met the standard, the failing ones (and what the roll-up reads) for the
  others, every result when the output lists them all (``keep="all"``);
* for ``antq evaluate``, the unit's output already written in its format
  (``render``), which the parent writes in its place.

Chunks are sent ahead while earlier ones are decided, and read back in order,
so the output is that of one process, byte for byte.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from antq.core import engine
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import AntqError
from antq.safety.rollup import REGISTRATION_SUFFIX
from antq.vocabulary import Lang

__all__ = ["CHUNK", "Rendered", "WorkerDecider"]

#: Units sent to a worker at a time.
CHUNK = 256

_FAILING = (Outcome.NOT_MET, Outcome.UNKNOWN)

# What a worker was given when it started (see ``_start``).
_RULES: tuple[RuleBook, RuleSet | None] | None = None
_OUTPUT: tuple[str, str | None, Lang] = ("none", None, "vi")


def _start(book: RuleBook, pinned: RuleSet | None, keep: str, fmt: str | None, lang: Lang) -> None:
    global _RULES, _OUTPUT
    _RULES = (book, pinned)
    _OUTPUT = (keep, fmt, lang)


def _kept(result: CriterionResult) -> bool:
    # What the annex, the near misses and the roll-up read of a unit that did not pass.
    return (
        result.outcome in _FAILING
        or bool(result.missing)
        or result.criterion_id.endswith(REGISTRATION_SUFFIX)
    )


def _slim(verdict: Verdict, keep: str) -> Verdict:
    if keep == "all":
        return verdict
    if verdict.outcome is Outcome.MET:
        return attrs.evolve(verdict, eligibility=(), results=())
    return attrs.evolve(
        verdict,
        eligibility=verdict.eligibility,
        results=tuple(r for r in verdict.results if _kept(r)),
    )


def render(verdict: Verdict, fmt: str, lang: Lang) -> str:
    """One verdict as ``antq evaluate --format fmt`` writes it (JSON: without its separator)."""
    # Imported here: the writers are only needed when the output is written in a worker.
    from antq.io.batch import VERDICT_COLUMNS, csv_cell, verdict_row

    if fmt == "text":
        return verdict.explain(lang) + "\n\n"
    if fmt == "json":
        return verdict.json_text(texts=(lang,))
    row = verdict_row(verdict)
    if fmt == "jsonl":
        return json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([csv_cell(row[c]) for c in VERDICT_COLUMNS])
    return buffer.getvalue()


def _decide(units: list[UnitFacts]) -> list[tuple[Verdict, str | None] | None]:
    """Decide a chunk in a worker: (verdict as sent back, its output) or None (decide it here)."""
    assert _RULES is not None, "the worker was not started with its rules"
    book, pinned = _RULES
    keep, fmt, lang = _OUTPUT
    found: list[tuple[Verdict, str | None] | None] = []
    for facts in units:
        rules: RuleBook | RuleSet = (
            pinned if pinned is not None and pinned.kind is facts.kind else book
        )
        try:
            verdict = engine.evaluate(facts, rules)
        except AntqError:
            found.append(None)  # the parent decides it again and reports the error as always
            continue
        found.append((_slim(verdict, keep), None if fmt is None else render(verdict, fmt, lang)))
    return found


class Rendered:
    """The outputs the workers wrote, by verdict, until the parent writes them."""

    def __init__(self) -> None:
        self._texts: dict[int, tuple[Verdict, str]] = {}

    def put(self, verdict: Verdict, text: str) -> None:
        self._texts[id(verdict)] = (verdict, text)

    def take(self, verdict: Verdict) -> str | None:
        """The output written for ``verdict`` (None: none was, write it here)."""
        found = self._texts.pop(id(verdict), None)
        # Kept with the verdict itself, so that an id reused by another object cannot match.
        return found[1] if found is not None and found[0] is verdict else None


@attrs.define
class WorkerDecider:
    """Decides a round's units in ``jobs`` worker processes (a round's ``decider``).

    ``keep`` is what each verdict brings back ("outcome": what a report or
    streamed output reads; "all": every result); ``fmt`` and ``lang``, when
    given, make the workers write each unit's ``antq evaluate`` output, kept in
    ``rendered`` for the parent's writer.
    """

    jobs: int
    book: RuleBook
    pinned: RuleSet | None = None
    keep: str = "outcome"
    fmt: str | None = None
    lang: Lang = "vi"
    rendered: Rendered = attrs.field(factory=Rendered)

    def __call__(self, items: Iterable[Any]) -> Iterator[tuple[Any, Verdict | None]]:
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=context,
            initializer=_start,
            initargs=(self.book, self.pinned, self.keep, self.fmt, self.lang),
        ) as pool:
            pending: deque[tuple[list[Any], concurrent.futures.Future[Any] | None]] = deque()
            chunk: list[Any] = []
            sent = 0
            for item in items:
                chunk.append(item)
                if isinstance(item, UnitFacts) and item.kind is not UnitKind.COMMUNE:
                    sent += 1
                if sent >= CHUNK:
                    pending.append(self._send(pool, chunk))
                    chunk, sent = [], 0
                    # Enough chunks ahead to keep every worker busy; the rest waits unread.
                    while len(pending) > 2 * self.jobs:
                        yield from self._back(*pending.popleft())
            if chunk:
                pending.append(self._send(pool, chunk))
            while pending:
                yield from self._back(*pending.popleft())

    def _send(
        self, pool: concurrent.futures.ProcessPoolExecutor, chunk: list[Any]
    ) -> tuple[list[Any], concurrent.futures.Future[Any] | None]:
        units = [i for i in chunk if isinstance(i, UnitFacts) and i.kind is not UnitKind.COMMUNE]
        return chunk, pool.submit(_decide, units) if units else None

    def _back(
        self, chunk: list[Any], future: concurrent.futures.Future[Any] | None
    ) -> Iterator[tuple[Any, Verdict | None]]:
        decided = iter(future.result() if future is not None else ())
        for item in chunk:
            if not isinstance(item, UnitFacts) or item.kind is UnitKind.COMMUNE:
                yield item, None
                continue
            answer = next(decided)
            if answer is None:
                yield item, None
                continue
            verdict, text = answer
            if text is not None:
                self.rendered.put(verdict, text)
            yield item, verdict
