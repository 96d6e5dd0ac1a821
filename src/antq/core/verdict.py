"""Results: one criterion's result and a unit's verdict, as plain data.

Results hold codes, numbers and message templates, never pre-rendered text, so
they are cheap to build; :meth:`Verdict.explain` and the ``texts`` option of
:meth:`Verdict.to_json` render them in Vietnamese or English on demand.
Both round-trip through JSON unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from typing import Any, ClassVar

import attrs

from antq._serialise import JsonRoundTrip, json_form, json_writer, unstructure
from antq._terminal import escape_controls

# CriterionInfo is defined with the criterion; importing it from here still works.
from antq.core.criterion import CriterionInfo as CriterionInfo
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import JsonValue, Reason
from antq.core.result import missing_in
from antq.core.rule import AboutRule
from antq.core.unit_kinds import UnitKind
from antq.errors import DefinitionError
from antq.i18n.catalog import Msg
from antq.vocabulary import Lang

#: Version of the JSON layout of verdicts; bumped on any incompatible change.
RESULT_SCHEMA_VERSION = 1


@attrs.frozen(kw_only=True)
class CriterionResult(AboutRule, JsonRoundTrip):
    """The outcome of one criterion for one unit, with its reason; its title, citation, kind,
    status and note are its criterion's (``about``)."""

    json_path: ClassVar[str] = "result"

    about: CriterionInfo
    outcome: Outcome
    reason: Reason
    missing: tuple[str, ...] = ()
    #: Its lines already rendered, by language (results are shared between verdicts).
    _lines: dict[str, str] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )
    #: Its JSON text already written, by the languages of its texts (see ``json_text``).
    _json: dict[tuple[Lang, ...], str] | None = attrs.field(
        default=None, init=False, eq=False, repr=False, hash=False
    )

    @property
    def criterion_id(self) -> str:
        return self.about.id

    def explain(self, lang: Lang) -> str:
        """One line: outcome, title, citation (and note) and reason."""
        lines = self._lines
        if lines is None:
            lines = {}
            object.__setattr__(self, "_lines", lines)
        else:
            known = lines.get(lang)
            if known is not None:
                return known
        text = lines[lang] = self._explain(lang)
        return text

    def _explain(self, lang: Lang) -> str:
        if self.reason.memoisable:
            try:
                return _line(self.about, self.outcome, self.reason, lang)
            except TypeError:
                pass  # a criterion whose title or note cannot be hashed: not memoised
        return _render_line(self.about, self.outcome, self.reason, lang)

    def json_text(self, *, texts: tuple[Lang, ...] = ()) -> str:
        """``json.dumps(self.to_json(texts=texts), ensure_ascii=False)``, written once.

        A result is often shared by thousands of verdicts (see
        :class:`antq.core.ResultMemo`), so its text is kept with it.
        """
        written = self._json
        if written is None:
            written = {}
            object.__setattr__(self, "_json", written)
        text = written.get(texts)
        if text is None:
            text = written[texts] = json.dumps(self.to_json(texts=texts), ensure_ascii=False)
        return text


#: How many rendered reason lines are kept (see ``_line``).
LINES_KEPT = 2_048


def _render_line(about: CriterionInfo, outcome: Outcome, reason: Reason, lang: Lang) -> str:
    where = about.citation.render(lang)
    if about.note is not None:
        where = f"{where}; {about.note.render(lang)}"
    return f"[{outcome.label(lang)}] {about.title.render(lang)} ({where}): {reason.render(lang)}"


#: A result's line, memoised: a round repeats the same few thousand lines. Keyed
#: by the criterion, the outcome, the reason (its template and parameters, by
#: value) and the language; bounded, least recently used first out.
_line = lru_cache(maxsize=LINES_KEPT)(_render_line)


#: Builds (eligibility results, criterion results) on demand; see :class:`antq.Verdict`.
ResultsFactory = Callable[[], tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]]]


@attrs.frozen(kw_only=True, eq=False)
class Verdict(JsonRoundTrip):
    """A unit's verdict for one round under one rule set.

    ``eligibility`` holds the scope checks (e.g. small enterprises are outside
    Thông tư 124/2021); when one of them is NOT_APPLICABLE the verdict is
    NOT_APPLICABLE and ``results`` is empty.

    A verdict from the engine is decided at once but builds its criterion
    results, with their reasons, only when they are first read (``results``,
    ``eligibility``, :meth:`explain`, :meth:`to_json`, comparing or pickling
    it), so a batch that needs only the outcomes never pays for the reasons.
    Either ``results`` or ``explanation`` (what builds them) is given; given
    results win.
    """

    json_path: ClassVar[str] = "verdict"

    unit_id: str
    kind: UnitKind
    year: int
    rule_set: str
    instrument: str
    period: Period
    outcome: Outcome
    name: str | None = None
    commune: str | None = None
    #: What is not settled about this round under this rule set (see ``RoundNotice``).
    notices: tuple[Reason, ...] = ()
    _results: tuple[CriterionResult, ...] | None = attrs.field(
        default=None, alias="results", repr=False
    )
    _eligibility: tuple[CriterionResult, ...] | None = attrs.field(
        default=None, alias="eligibility", repr=False
    )
    _explanation: ResultsFactory | None = attrs.field(default=None, alias="explanation", repr=False)

    def __attrs_post_init__(self) -> None:
        if self._results is None:
            if self._explanation is None:
                raise DefinitionError("a verdict needs its results or an explanation to build them")
            return
        # Given results win (as when ``attrs.evolve`` replaces them).
        object.__setattr__(self, "_explanation", None)
        if self._eligibility is None:
            object.__setattr__(self, "_eligibility", ())

    def _built(self) -> tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]]:
        if self._results is None:
            assert self._explanation is not None
            eligibility, results = self._explanation()
            # Cache them; the verdict stays immutable from the outside.
            object.__setattr__(self, "_eligibility", eligibility)
            object.__setattr__(self, "_results", results)
            object.__setattr__(self, "_explanation", None)
        assert self._eligibility is not None and self._results is not None
        return self._eligibility, self._results

    @property
    def results(self) -> tuple[CriterionResult, ...]:
        """The criterion results, in rule-set order (built on first read)."""
        return self._built()[1]

    @property
    def eligibility(self) -> tuple[CriterionResult, ...]:
        """The scope checks' results (built on first read)."""
        return self._built()[0]

    def _key(self) -> tuple[object, ...]:
        return (
            self.unit_id,
            self.kind,
            self.year,
            self.rule_set,
            self.instrument,
            self.period,
            self.outcome,
            self.name,
            self.commune,
            self.notices,
            *self._built(),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled with its results built, so the receiver needs no rule set.
        eligibility, results = self._built()
        fields = {
            "unit_id": self.unit_id,
            "kind": self.kind,
            "year": self.year,
            "rule_set": self.rule_set,
            "instrument": self.instrument,
            "period": self.period,
            "outcome": self.outcome,
            "name": self.name,
            "commune": self.commune,
            "notices": self.notices,
            "results": results,
            "eligibility": eligibility,
        }
        return (_rebuild_verdict, (fields,))

    def all_results(self) -> Iterator[CriterionResult]:
        yield from self.eligibility
        yield from self.results

    def outcomes(self) -> tuple[tuple[str, Outcome, tuple[str, ...]], ...]:
        """(criterion id, outcome, missing inputs) of the scope checks then the criteria.

        What :attr:`results` says of each criterion without its reason: a
        verdict whose results are not built yet decides each criterion again
        (fast) rather than building every reason, and explains only the
        criteria left unknown, for what they miss.
        """
        factory = self._explanation
        quick = getattr(factory, "outcomes", None) if self._results is None else None
        if quick is not None:
            found: tuple[tuple[str, Outcome, tuple[str, ...]], ...] = quick()
            return found
        return tuple((r.criterion_id, r.outcome, r.missing) for r in self.all_results())

    def results_with(
        self, outcomes: Collection[Outcome]
    ) -> tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]]:
        """The scope checks' and the criteria's results whose outcome is one of ``outcomes``.

        A verdict whose results are not built yet builds only these: the others
        are decided again (fast), without their reasons.
        """
        factory = self._explanation
        quick = getattr(factory, "chosen", None) if self._results is None else None
        if quick is not None:
            found: tuple[tuple[CriterionResult, ...], tuple[CriterionResult, ...]] = quick(outcomes)
            return found
        return (
            tuple(r for r in self.eligibility if r.outcome in outcomes),
            tuple(r for r in self.results if r.outcome in outcomes),
        )

    def with_outcome(self, outcome: Outcome) -> tuple[CriterionResult, ...]:
        """The criterion results that came out as ``outcome``."""
        return tuple(r for r in self.all_results() if r.outcome is outcome)

    def shortfall(self) -> tuple[CriterionResult, ...]:
        """The gap to pass: the criteria NOT_MET, each with the reason that says by how much."""
        return self.with_outcome(Outcome.NOT_MET)

    @property
    def missing_inputs(self) -> tuple[str, ...]:
        """Every missing input, once, in criterion order."""
        return missing_in(self.all_results())

    def explain(self, lang: Lang = "vi") -> str:
        """A readable account of the verdict, criterion by criterion."""
        head = (
            Msg("{unit} ({kind}), round {year}: {outcome}")
            .render(lang)
            .format(
                unit=escape_controls(self.name or self.unit_id),  # text from the input
                kind=self.kind.label(lang),
                year=self.year,
                outcome=self.outcome.label(lang).upper(),
            )
        )
        lines = [head, f"  {self.rule_set} · {self.period}"]
        lines += [f"  ! {n.render(lang)}" for n in self.notices]
        lines += [f"  - {r.explain(lang)}" for r in self.all_results()]
        return "\n".join(lines)

    def _json_tail(self, texts: tuple[Lang, ...]) -> dict[str, JsonValue]:
        """The keys of :meth:`to_json` after the results: the notices, if any."""
        if not self.notices:
            return {}
        tail: dict[str, JsonValue] = {"notices": unstructure(self.notices)}
        tail.update(_notice_texts(self, texts))
        return tail

    def json_text(self, *, texts: tuple[Lang, ...] = ()) -> str:
        """``json.dumps(self.to_json(texts=texts), ensure_ascii=False)``, faster.

        The criterion results' texts are written once each (they are shared
        between verdicts) and joined; the keys come in the order of
        :meth:`to_json`.
        """
        parts = [
            json.dumps(_json_head(self), ensure_ascii=False)[:-1],
            ', "eligibility": [',
            ", ".join(r.json_text(texts=texts) for r in self.eligibility),
            '], "results": [',
            ", ".join(r.json_text(texts=texts) for r in self.results),
            "]",
        ]
        tail = self._json_tail(texts)
        if tail:
            parts += [", ", json.dumps(tail, ensure_ascii=False)[1:-1]]
        parts.append("}")
        return "".join(parts)


def _rebuild_verdict(fields: dict[str, Any]) -> Verdict:
    return Verdict(**fields)


def _result_texts(result: CriterionResult, texts: tuple[Lang, ...]) -> dict[str, JsonValue]:
    return {"text": {lang: result.reason.render(lang) for lang in texts}}


def _notice_texts(verdict: Verdict, texts: tuple[Lang, ...]) -> dict[str, JsonValue]:
    if not texts or not verdict.notices:
        return {}
    return {"notice_texts": [{lang: n.render(lang) for lang in texts} for n in verdict.notices]}


json_form(CriterionInfo, rename={"id": "criterion"})
json_form(
    CriterionResult,
    written=(
        "criterion_id",
        "outcome",
        "title",
        "citation",
        "kind",
        "confirmation",
        "reason",
        "missing",
        "note",
    ),
    read=("about", "outcome", "reason", "missing"),
    rename={"criterion_id": "criterion"},
    flatten={"about": CriterionInfo},
    texts=_result_texts,
)

#: The keys of a verdict before its results, in order (``Verdict.json_text`` writes them).
_HEAD = (
    "unit_id",
    "name",
    "commune",
    "kind",
    "year",
    "rule_set",
    "instrument",
    "period",
    "outcome",
)
json_form(
    Verdict,
    written=(*_HEAD, "eligibility", "results", "notices"),
    read=(*_HEAD, "_eligibility", "_results", "notices"),
    rename={"unit_id": "unit", "_eligibility": "eligibility", "_results": "results"},
    omit_empty=("notices",),
    version=("schema", RESULT_SCHEMA_VERSION),
    required=("eligibility", "results"),
    texts=_notice_texts,
)
_json_head = json_writer(
    Verdict, written=_HEAD, rename={"unit_id": "unit"}, version=("schema", RESULT_SCHEMA_VERSION)
)
