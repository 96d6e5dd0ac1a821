"""Cases as data: what a round must decide, written in TOML and checked by antq.

A province (or any project reusing antq's rules) can state "this unit must be
NOT_MET because of Điều 4 khoản 4 điểm b" without writing Python. A case file
holds the units of one or more small rounds and what each unit's verdict must
be; :func:`load_cases` reads it, :func:`run_case` decides the round as
:func:`antq.evaluate_round` does and lists every difference, with the reason
antq gave. The ``antq.pytest_plugin`` module collects case files in pytest.

The format (``antq_cases = 1`` marks the file)::

    antq_cases = 1

    # Facts every unit of a kind starts from, in every case of this file.
    [defaults.residential_area]
    households_resident = 120
    households_registered = 120

    [[case]]
    name = "one household not registered fails Điều 4 khoản 1"
    units = [{ kind = "residential_area", id = "KDC-1", year = 2024,
               facts = { households_registered = 119 } }]
    # unset = ["..."] on a unit removes a default fact (TOML has no null).

    [case.expect.KDC-1]
    outcome = "not_met"
    criteria = { households-registered = "not_met" }   # short or full criterion ids
    missing = []                                        # the missing inputs, exactly
    reasons = { households-registered = "119/120" }     # text the reason (English) contains

A case may also expect input errors (``errors = ["text the error contains"]``);
without it, any input error is a difference.

>>> case = Case(
...     name="a unit with no facts is unknown",
...     units=({"kind": "residential_area", "id": "KDC-1", "year": 2024, "facts": {}},),
...     expect={"KDC-1": Expected(outcome=Outcome.UNKNOWN)},
... )
>>> run_case(case).passed
True
>>> wrong = attrs.evolve(case, expect={"KDC-1": Expected(outcome=Outcome.MET)})
>>> print(run_case(wrong).differences[0].split(":")[0])
KDC-1

Units may be built in Python too, without a dict, by the facts builders
(:data:`residential_area`, :data:`commune`..., the typed facts classes;
:data:`knc_candidate`... for award candidates):

>>> area = residential_area(households_resident=120, households_registered=119)
>>> built = Case(name="built", units=(area.unit("KDC-2", 2024),), expect={"KDC-2": Expected(
...     criteria={"households-registered": Outcome.NOT_MET})})
>>> run_case(built).passed
True
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.ruleset import RuleBook
from antq.core.verdict import Verdict
from antq.emulation.awards.typed_facts import (
    BangKhenCandidateFacts,
    CollectiveCandidateFacts,
    KncCandidateFacts,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io.facts import load_document, read_facts
from antq.safety.round import evaluate_round
from antq.safety.typed_facts import (
    AgencyFacts,
    CommuneFacts,
    EducationalInstitutionFacts,
    EnterpriseFacts,
    ResidentialAreaFacts,
)
from antq.vocabulary import Lang

__all__ = [
    "CASES_VERSION",
    "Case",
    "CaseResult",
    "Expected",
    "agency",
    "bang_khen_candidate",
    "collective_candidate",
    "commune",
    "educational_institution",
    "enterprise",
    "knc_candidate",
    "load_cases",
    "residential_area",
    "run_case",
    "run_cases",
]

#: The version of the case format that ``antq_cases`` names.
CASES_VERSION = 1

# Facts builders: the typed facts classes by the names of what they describe, so that a test
# writes ``residential_area(households_resident=120).unit("KDC-1", 2025)``, checked by mypy.
residential_area = ResidentialAreaFacts
commune = CommuneFacts
agency = AgencyFacts
enterprise = EnterpriseFacts
educational_institution = EducationalInstitutionFacts
knc_candidate = KncCandidateFacts
bang_khen_candidate = BangKhenCandidateFacts
collective_candidate = CollectiveCandidateFacts


@attrs.frozen(kw_only=True)
class Expected:
    """What one unit's verdict must be; what is left None (or empty) is not checked."""

    outcome: Outcome | None = None
    #: Criterion id (full, or short: the part after the rule set's id) -> outcome.
    criteria: Mapping[str, Outcome] = attrs.field(factory=dict)
    #: The unit's missing inputs, exactly (None: not checked).
    missing: tuple[str, ...] | None = None
    #: Criterion id -> a text its reason (in English) must contain.
    reasons: Mapping[str, str] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Case:
    """A small round and what antq must decide for its units."""

    name: str
    #: Unit objects as in a facts document, or units built in Python (:data:`residential_area`...).
    units: tuple[Mapping[str, Any] | UnitFacts, ...]
    expect: Mapping[str, Expected]
    #: Texts the round's input errors must contain, one each (None: no error allowed).
    errors: tuple[str, ...] | None = None
    source: str = ""


@attrs.frozen(kw_only=True)
class CaseResult:
    """A case run: the differences found, each with the reason antq gave."""

    case: Case
    differences: tuple[str, ...]
    verdicts: Mapping[str, Verdict] = attrs.field(factory=dict, repr=False)

    @property
    def passed(self) -> bool:
        return not self.differences

    def report(self) -> str:
        """The case's name, then one line per difference (empty when it passed)."""
        head = f"{self.case.source}: {self.case.name}" if self.case.source else self.case.name
        return "\n".join([head, *(f"  - {line}" for line in self.differences)])


# -- reading ----------------------------------------------------------------------------------


def _fail(source: str, path: str, value: object, message: Msg) -> InputError:
    return InputError(f"{source}:{path}" if source else path, value, message)


def _outcome(raw: object, source: str, path: str) -> Outcome:
    try:
        return Outcome.from_code(raw, path=path)
    except InputError:
        raise _fail(
            source, path, raw, Msg("expected an outcome: met, not_met, unknown or not_applicable")
        ) from None


def _strings(raw: object, source: str, path: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise _fail(source, path, raw, Msg("expected a list of texts"))
    return tuple(raw)


def _table(raw: object, source: str, path: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise _fail(source, path, raw, Msg("expected a table"))
    return raw


def _expected(raw: object, source: str, path: str) -> Expected:
    table = _table(raw, source, path)
    unknown = sorted(set(table) - {"outcome", "criteria", "missing", "reasons"})
    if unknown:
        raise _fail(source, f"{path}.{unknown[0]}", unknown[0], Msg("not a key of an expectation"))
    criteria = _table(table.get("criteria", {}), source, f"{path}.criteria")
    reasons = _table(table.get("reasons", {}), source, f"{path}.reasons")
    for name, text in reasons.items():
        if not isinstance(text, str):
            raise _fail(source, f"{path}.reasons.{name}", text, Msg("expected a text"))
    return Expected(
        outcome=_outcome(table["outcome"], source, f"{path}.outcome")
        if "outcome" in table
        else None,
        criteria={
            str(name): _outcome(value, source, f"{path}.criteria.{name}")
            for name, value in criteria.items()
        },
        missing=_strings(table["missing"], source, f"{path}.missing")
        if "missing" in table
        else None,
        reasons={str(name): str(text) for name, text in reasons.items()},
    )


def _unit(raw: object, defaults: Mapping[str, Any], source: str, path: str) -> Mapping[str, Any]:
    """The unit object of a facts document: its kind's defaults, then its own facts."""
    unit = dict(_table(raw, source, path))
    unset = _strings(unit.pop("unset", []), source, f"{path}.unset")
    kind = unit.get("kind")
    facts = copy.deepcopy(dict(defaults.get(kind, {}))) if isinstance(kind, str) else {}
    facts.update(_table(unit.get("facts", {}), source, f"{path}.facts"))
    for name in unset:
        facts.pop(name, None)
    unit["facts"] = facts
    return unit


def cases_from_data(document: object, source: str = "") -> tuple[Case, ...]:
    """The cases of an already-parsed case document (see the module's documentation)."""
    table = _table(document, source, "$")
    if table.get("antq_cases") != CASES_VERSION:
        raise _fail(
            source,
            "antq_cases",
            table.get("antq_cases"),
            Msg("expected antq_cases = 1 (a case file)"),
        )
    defaults = _table(table.get("defaults", {}), source, "defaults")
    for kind, facts in defaults.items():
        _table(facts, source, f"defaults.{kind}")
    raw_cases = table.get("case")
    if not isinstance(raw_cases, list) or not raw_cases:
        raise _fail(source, "case", raw_cases, Msg("expected one [[case]] or more"))
    cases: list[Case] = []
    for number, raw in enumerate(raw_cases):
        path = f"case[{number}]"
        case = _table(raw, source, path)
        name = case.get("name")
        if not isinstance(name, str) or not name:
            raise _fail(source, f"{path}.name", name, Msg("expected the case's name"))
        units = case.get("units")
        if not isinstance(units, list) or not units:
            raise _fail(source, f"{path}.units", units, Msg("expected a list of units"))
        expect = _table(case.get("expect"), source, f"{path}.expect")
        cases.append(
            Case(
                name=name,
                units=tuple(
                    _unit(unit, defaults, source, f"{path}.units[{n}]")
                    for n, unit in enumerate(units)
                ),
                expect={
                    str(unit_id): _expected(value, source, f"{path}.expect.{unit_id}")
                    for unit_id, value in expect.items()
                },
                errors=_strings(case["errors"], source, f"{path}.errors")
                if "errors" in case
                else None,
                source=source,
            )
        )
    return tuple(cases)


def load_cases(path: str | Path) -> tuple[Case, ...]:
    """The cases of a TOML (or JSON) case file; a malformed file is an ``InputError``."""
    return cases_from_data(load_document(Path(path)), str(path))


# -- running ----------------------------------------------------------------------------------


def _criterion(verdict: Verdict, name: str) -> Any:
    for result in verdict.all_results():
        full = result.criterion_id
        if name in (full, full.removeprefix(f"{verdict.rule_set}.")):
            return result
    return None


def _say(template: Msg, lang: Lang, **params: object) -> str:
    return template.render(lang).format(**params)


def _compare(unit_id: str, verdict: Verdict, expected: Expected, lang: Lang = "en") -> list[str]:
    found: list[str] = []
    if expected.outcome is not None and verdict.outcome is not expected.outcome:
        failing = [
            f"{r.criterion_id}: {r.outcome.code} ({r.reason.render(lang)})"
            for r in verdict.results
            if r.outcome is not Outcome.MET and r.outcome is not Outcome.NOT_APPLICABLE
        ]
        found.append(
            _say(
                _OUTCOME,
                lang,
                unit=unit_id,
                outcome=verdict.outcome.code,
                expected=expected.outcome.code,
            )
            + (_say(_BECAUSE, lang, reasons="; ".join(failing)) if failing else "")
        )
    for name, outcome in expected.criteria.items():
        result = _criterion(verdict, name)
        if result is None:
            found.append(
                _say(_NO_CRITERION, lang, unit=unit_id, name=repr(name), rule_set=verdict.rule_set)
            )
        elif result.outcome is not outcome:
            found.append(
                _say(
                    _CRITERION,
                    lang,
                    unit=unit_id,
                    criterion=result.criterion_id,
                    outcome=result.outcome.code,
                    expected=outcome.code,
                    reason=result.reason.render(lang),
                )
            )
    for name, text in expected.reasons.items():
        result = _criterion(verdict, name)
        if result is None:
            found.append(
                _say(_NO_CRITERION, lang, unit=unit_id, name=repr(name), rule_set=verdict.rule_set)
            )
            continue
        reason = result.reason.render("en")  # the case names the English text
        if text not in reason:
            found.append(
                _say(
                    _REASON,
                    lang,
                    unit=unit_id,
                    criterion=result.criterion_id,
                    reason=repr(reason),
                    text=repr(text),
                )
            )
    if expected.missing is not None and set(verdict.missing_inputs) != set(expected.missing):
        found.append(
            _say(
                _MISSING,
                lang,
                unit=unit_id,
                missing=sorted(verdict.missing_inputs),
                expected=sorted(expected.missing),
            )
        )
    return found


_OUTCOME = Msg("{unit}: outcome {outcome}, expected {expected}")
_BECAUSE = Msg("; because {reasons}")
_NO_CRITERION = Msg("{unit}: no criterion {name} in rule set {rule_set}")
_CRITERION = Msg("{unit}: {criterion} {outcome}, expected {expected} ({reason})")
_REASON = Msg("{unit}: {criterion} says {reason}, expected {text} in it")
_MISSING = Msg("{unit}: missing inputs {missing}, expected {expected}")
_INPUT_ERROR = Msg("input error: {error}")
_NO_ERROR = Msg("no input error contains {text} (errors: {errors})")
_NO_VERDICT = Msg("{unit}: no verdict (no unit of the case has this id)")


def run_case(case: Case, book: RuleBook | None = None, *, lang: Lang = "en") -> CaseResult:
    """Decide the case's round as :func:`antq.evaluate_round` does and compare.

    The differences are written in ``lang``, antq's reasons with them.
    """
    given = [u for u in case.units if isinstance(u, UnitFacts)]
    raw = [copy.deepcopy(dict(u)) for u in case.units if not isinstance(u, UnitFacts)]
    document = read_facts({"units": raw}, book)
    result = evaluate_round([*document.errors, *given, *document.units], book)
    verdicts: dict[str, Verdict] = {u.verdict.unit_id: u.verdict for u in result.units}
    differences: list[str] = []
    messages = [str(error) for error in result.errors]
    if case.errors is None:
        differences += [_say(_INPUT_ERROR, lang, error=e.render(lang)) for e in result.errors]
    else:
        for wanted in case.errors:
            if not any(wanted in message for message in messages):
                differences.append(_say(_NO_ERROR, lang, text=repr(wanted), errors=messages))
    for unit_id, expected in case.expect.items():
        verdict = verdicts.get(unit_id)
        if verdict is None:
            differences.append(_say(_NO_VERDICT, lang, unit=unit_id))
            continue
        differences += _compare(unit_id, verdict, expected, lang)
    return CaseResult(case=case, differences=tuple(differences), verdicts=verdicts)


def run_cases(
    paths: Iterable[str | Path], book: RuleBook | None = None, *, lang: Lang = "en"
) -> list[CaseResult]:
    """Every case of every file (a directory: its ``*.toml`` files, sorted), told in ``lang``."""
    results: list[CaseResult] = []
    for each in paths:
        path = Path(each)
        files = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
        for file in files:
            results += [run_case(case, book, lang=lang) for case in load_cases(file)]
    return results
