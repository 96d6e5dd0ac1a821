"""Results: one criterion's result and a unit's verdict, as plain data.

Results hold codes, numbers and message templates, never pre-rendered text, so
they are cheap to build; :meth:`Verdict.explain` and the ``texts`` option of
:meth:`Verdict.to_json` render them in Vietnamese or English on demand.
Both round-trip through JSON unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import attrs

from antq._terminal import escape_controls

# CriterionInfo is defined with the criterion; importing it from here still works.
from antq.core.criterion import CriterionInfo as CriterionInfo
from antq.core.criterion import CriterionKind
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.core.reasons import JsonValue, Reason
from antq.core.unit_kinds import UnitKind
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, label_from_json
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import Lang

#: Version of the JSON layout of verdicts; bumped on any incompatible change.
RESULT_SCHEMA_VERSION = 1


@attrs.frozen(kw_only=True)
class CriterionResult:
    """The outcome of one criterion for one unit, with its reason."""

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

    @property
    def title(self) -> Label:
        return self.about.title

    @property
    def citation(self) -> Citation:
        return self.about.citation

    @property
    def kind(self) -> CriterionKind:
        return self.about.kind

    @property
    def confirmation(self) -> Confirmation:
        return self.about.confirmation

    @property
    def note(self) -> Label | None:
        return self.about.note

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

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, JsonValue]:
        data: dict[str, JsonValue] = {
            "criterion": self.criterion_id,
            "outcome": self.outcome.code,
            "title": dict(self.title.to_json()),
            "citation": dict(self.citation.to_dict()),
            "kind": self.kind.code,
            "confirmation": self.confirmation.code,
            "reason": self.reason.to_json(),
            "missing": list(self.missing),
            "note": None if self.note is None else dict(self.note.to_json()),
        }
        if texts:
            data["text"] = {lang: self.reason.render(lang) for lang in texts}
        return data

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

    @classmethod
    def from_json(cls, data: object, *, path: str = "result") -> CriterionResult:
        obj = _object(data, path)
        missing = obj.get("missing", [])
        if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
            raise InputError(f"{path}.missing", missing, Msg("expected a list of input names"))
        about = CriterionInfo(
            id=_str(obj, "criterion", path),
            title=label_from_json(obj.get("title"), path=f"{path}.title"),
            citation=Citation.from_dict(_object(obj.get("citation"), f"{path}.citation")),
            kind=CriterionKind.from_code(obj.get("kind"), path=f"{path}.kind"),
            confirmation=Confirmation.from_code(
                obj.get("confirmation"), path=f"{path}.confirmation"
            ),
            note=None
            if obj.get("note") is None
            else label_from_json(obj["note"], path=f"{path}.note"),
        )
        return cls(
            about=about,
            outcome=Outcome.from_code(obj.get("outcome"), path=f"{path}.outcome"),
            reason=Reason.from_json(obj.get("reason"), path=f"{path}.reason"),
            missing=tuple(missing),
        )


#: How many rendered reason lines are kept (see ``_line``).
LINES_KEPT = 16_384


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
class Verdict:
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

    def with_outcome(self, outcome: Outcome) -> tuple[CriterionResult, ...]:
        """The criterion results that came out as ``outcome``."""
        return tuple(r for r in self.all_results() if r.outcome is outcome)

    def shortfall(self) -> tuple[CriterionResult, ...]:
        """The gap to pass: the criteria NOT_MET, each with the reason that says by how much."""
        return self.with_outcome(Outcome.NOT_MET)

    @property
    def missing_inputs(self) -> tuple[str, ...]:
        """Every missing input, once, in criterion order."""
        seen: dict[str, None] = {}
        for result in self.all_results():
            seen.update(dict.fromkeys(result.missing))
        return tuple(seen)

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

    def _json_head(self) -> dict[str, JsonValue]:
        """The keys of :meth:`to_json` before the results, in order."""
        return {
            "schema": RESULT_SCHEMA_VERSION,
            "unit": self.unit_id,
            "name": self.name,
            "commune": self.commune,
            "kind": self.kind.code,
            "year": self.year,
            "rule_set": self.rule_set,
            "instrument": self.instrument,
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "outcome": self.outcome.code,
        }

    def _json_tail(self, texts: tuple[Lang, ...]) -> dict[str, JsonValue]:
        """The keys of :meth:`to_json` after the results: the notices, if any."""
        if not self.notices:
            return {}
        tail: dict[str, JsonValue] = {"notices": [n.to_json() for n in self.notices]}
        if texts:
            tail["notice_texts"] = [{lang: n.render(lang) for lang in texts} for n in self.notices]
        return tail

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, JsonValue]:
        """The verdict as JSON-ready data; ``texts`` adds rendered reasons."""
        return {
            **self._json_head(),
            "eligibility": [r.to_json(texts=texts) for r in self.eligibility],
            "results": [r.to_json(texts=texts) for r in self.results],
            **self._json_tail(texts),
        }

    def json_text(self, *, texts: tuple[Lang, ...] = ()) -> str:
        """``json.dumps(self.to_json(texts=texts), ensure_ascii=False)``, faster.

        The criterion results' texts are written once each (they are shared
        between verdicts) and joined; the keys come in the order of
        :meth:`to_json`.
        """
        parts = [
            json.dumps(self._json_head(), ensure_ascii=False)[:-1],
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

    @classmethod
    def from_json(cls, data: object, *, path: str = "verdict") -> Verdict:
        obj = _object(data, path)
        if obj.get("schema") != RESULT_SCHEMA_VERSION:
            raise InputError(
                f"{path}.schema",
                obj.get("schema"),
                Msg("expected {version}"),
                params={"version": RESULT_SCHEMA_VERSION},
            )
        period = _object(obj.get("period"), f"{path}.period")
        year = obj.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise InputError(f"{path}.year", year, Msg("expected a year"))
        return cls(
            unit_id=_str(obj, "unit", path),
            name=_optional_str(obj, "name", path),
            commune=_optional_str(obj, "commune", path),
            kind=UnitKind.from_code(obj.get("kind"), path=f"{path}.kind"),
            year=year,
            rule_set=_str(obj, "rule_set", path),
            instrument=_str(obj, "instrument", path),
            period=Period.parse(f"{_str(period, 'start', path)}/{_str(period, 'end', path)}"),
            outcome=Outcome.from_code(obj.get("outcome"), path=f"{path}.outcome"),
            eligibility=_results(obj.get("eligibility"), f"{path}.eligibility"),
            results=_results(obj.get("results"), f"{path}.results"),
            notices=_notices(obj.get("notices", []), f"{path}.notices"),
        )


def _rebuild_verdict(fields: dict[str, Any]) -> Verdict:
    return Verdict(**fields)


def _object(data: object, path: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(path, data, Msg("expected an object"))
    return data


def _str(obj: dict[str, Any], key: str, path: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise InputError(f"{path}.{key}", value, Msg("expected a string"))
    return value


def _optional_str(obj: dict[str, Any], key: str, path: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{path}.{key}", value, Msg("expected a string or null"))
    return value


def _notices(data: object, path: str) -> tuple[Reason, ...]:
    if not isinstance(data, list):
        raise InputError(path, data, Msg("expected a list"))
    return tuple(Reason.from_json(n, path=f"{path}[{i}]") for i, n in enumerate(data))


def _results(data: object, path: str) -> tuple[CriterionResult, ...]:
    if not isinstance(data, list):
        raise InputError(path, data, Msg("expected a list"))
    return tuple(CriterionResult.from_json(r, path=f"{path}[{i}]") for i, r in enumerate(data))
