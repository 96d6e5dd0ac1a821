"""Provincial extensions: a province's own criteria and its optional grading.

Thông tư 124/2021/TT-BCA Điều 8 khoản 1 makes the result binary, đạt or chưa
đạt, judged on the circular's criteria **and any others the provincial
People's Committee sets**. A :class:`ProvincialExtension` adds those criteria
to antq's rule sets without forking them: :meth:`ProvincialExtension.apply`
returns a new rule set (``tt124.commune+quang-nam``) whose verdicts include
the province's criteria in the usual three-valued logic.

Some provinces also grade units xuất sắc / khá / trung bình (excellent, good,
average) in their own yearly assessment; Quảng Nam did so for 2024. That
grading is **not** in Thông tư 124/2021. A :class:`GradingLayer` describes it
as data: bands tried in order, the first whose requirements hold wins. A
requirement is one of three plain records, never code:

* :class:`VerdictMet`: the verdict is MET (every grade already needs that);
* :class:`AllMet`: each listed criterion is MET;
* :class:`AtLeastMet`: at least ``minimum`` of the listed criteria are MET.

A NOT_APPLICABLE criterion does not count as MET. Only a MET verdict is
graded; NOT_MET, UNKNOWN and NOT_APPLICABLE verdicts get no grade, with the
reason. Since every criterion of a MET verdict is met, what sets one safe unit
above another are the layer's own *grading criteria*, evaluated from the
unit's facts for the grade only (:attr:`GradingLayer.criteria`).
:meth:`GradingLayer.from_dict` reads the bands from JSON or TOML data.

>>> layer = GradingLayer.from_dict({
...     "bands": [
...         {"grade": "xuat_sac", "requires": [{"all_met": ["tt124.commune.effective-models"]}]},
...         {"grade": "trung_binh", "requires": []},
...     ]
... })
>>> [band.grade.label("vi") for band in layer.bands]
['xuất sắc', 'trung bình']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from antq._serialise import json_form, structure, unstructure
from antq.core.criterion import Context, Criterion
from antq.core.engine import evaluate_criterion
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Reason
from antq.core.ruleset import RuleSet
from antq.core.verdict import CriterionResult, Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "BASIS",
    "AllMet",
    "AtLeastMet",
    "BandCheck",
    "Grade",
    "GradeBand",
    "GradeResult",
    "GradingLayer",
    "ProvincialExtension",
    "Requirement",
    "VerdictMet",
]

#: The legal basis of provincial criteria: Thông tư 124/2021/TT-BCA Điều 8 khoản 1.
BASIS: Citation = cite("124/2021/TT-BCA", 8, 1)

_CRITERION_ID = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")
_PROVINCE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

_NOT_IN_LAW = Msg(
    "this grading is a provincial layer: Circular 124/2021 itself only says met or not met (Article 8(1))"
)


class Grade(CodedEnum):
    """A provincial grade of a unit recognised as safe (not part of Thông tư 124/2021)."""

    XUAT_SAC = ("xuat_sac", "xuất sắc", "excellent")
    KHA = ("kha", "khá", "good")
    TRUNG_BINH = ("trung_binh", "trung bình", "average")


# --- requirements: plain data ------------------------------------------------------------


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise DefinitionError(f"expected a list of criterion ids, got the string {value!r}")
    return tuple(value)


def _check_ids(owner: str, ids: tuple[str, ...]) -> None:
    if not ids:
        raise DefinitionError(f"{owner} lists no criterion")
    for criterion_id in ids:
        if not isinstance(criterion_id, str) or not _CRITERION_ID.match(criterion_id):
            raise DefinitionError(f"{owner}: {criterion_id!r} is not a criterion id")
    if len(set(ids)) != len(ids):
        raise DefinitionError(f"{owner} lists a criterion twice: {list(ids)}")


@attrs.frozen(kw_only=True)
class VerdictMet:
    """The verdict must be MET."""

    def criterion_ids(self) -> tuple[str, ...]:
        return ()


@attrs.frozen(kw_only=True)
class AllMet:
    """Every listed criterion must be MET."""

    criteria: tuple[str, ...] = attrs.field(converter=_ids)

    def __attrs_post_init__(self) -> None:
        _check_ids("AllMet", self.criteria)

    def criterion_ids(self) -> tuple[str, ...]:
        return self.criteria


@attrs.frozen(kw_only=True)
class AtLeastMet:
    """At least ``minimum`` of the listed criteria must be MET."""

    criteria: tuple[str, ...] = attrs.field(converter=_ids)
    minimum: int

    def __attrs_post_init__(self) -> None:
        _check_ids("AtLeastMet", self.criteria)
        if (
            isinstance(self.minimum, bool)
            or not isinstance(self.minimum, int)
            or not 1 <= self.minimum <= len(self.criteria)
        ):
            raise DefinitionError(
                f"AtLeastMet: minimum {self.minimum!r} must be from 1 to {len(self.criteria)}"
            )

    def criterion_ids(self) -> tuple[str, ...]:
        return self.criteria


Requirement: TypeAlias = VerdictMet | AllMet | AtLeastMet
_REQUIREMENT_TYPES = (VerdictMet, AllMet, AtLeastMet)


def _requirements(value: Iterable[Requirement]) -> tuple[Requirement, ...]:
    return tuple(value)


def _bands(value: Iterable[GradeBand]) -> tuple[GradeBand, ...]:
    return tuple(value)


def _criteria(value: Iterable[Criterion]) -> tuple[Criterion, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class GradeBand:
    """A grade and what it requires, all of it; no requirement means any MET verdict."""

    grade: Grade
    requires: tuple[Requirement, ...] = attrs.field(default=(), converter=_requirements)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.grade, Grade):
            raise DefinitionError(f"band grade must be a Grade, got {self.grade!r}")
        for requirement in self.requires:
            if not isinstance(requirement, _REQUIREMENT_TYPES):
                raise DefinitionError(
                    f"band {self.grade.code}: a requirement must be VerdictMet, AllMet or"
                    f" AtLeastMet, got {requirement!r}"
                )

    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for r in self.requires for i in r.criterion_ids()))


# --- results ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BandCheck:
    """Whether one band's requirements hold (MET, NOT_MET or UNKNOWN), one reason each."""

    grade: Grade
    outcome: Outcome
    reasons: tuple[Reason, ...]

    @property
    def matched(self) -> bool:
        return self.outcome is Outcome.MET

    def explain(self, lang: Lang = "vi") -> str:
        template = {
            Outcome.MET: Msg("{grade}: requirements met"),
            Outcome.NOT_MET: Msg("{grade}: not reached"),
        }.get(self.outcome, Msg("{grade}: not yet known"))
        head = Reason(template=template, params={"grade": self.grade}).render(lang)
        return f"{head} — " + "; ".join(r.render(lang) for r in self.reasons)


@attrs.frozen(kw_only=True)
class GradeResult:
    """The grade of one verdict, or why there is none.

    ``checks`` holds the bands tried, in order: the higher ones that were not
    reached and the one that decided (empty when the verdict is not MET).
    ``results`` are the layer's own grading criteria, evaluated for this unit;
    ``missing`` the inputs whose absence left the grade undecided.
    """

    unit_id: str
    year: int
    rule_set: str
    outcome: Outcome
    grade: Grade | None
    checks: tuple[BandCheck, ...]
    reason: Reason
    results: tuple[CriterionResult, ...] = ()
    missing: tuple[str, ...] = ()
    province: str | None = None
    source: Label | None = None

    def explain(self, lang: Lang = "vi") -> str:
        """The grade and, band by band, why it was or was not reached."""
        head = f"{self.unit_id} ({self.year}): {self.reason.render(lang)}"
        lines = [head, *(f"  - {check.explain(lang)}" for check in self.checks)]
        note = _NOT_IN_LAW.render(lang)
        if self.source is not None:
            note += f" — {self.source.render(lang)}"
        lines.append(f"  ({note})")
        return "\n".join(lines)


def _titles(results: Iterable[CriterionResult]) -> Text:
    chosen = list(results)
    return Text(
        vi="; ".join(f"{r.title.render('vi')} ({r.outcome.label('vi')})" for r in chosen),
        en="; ".join(f"{r.title.render('en')} ({r.outcome.label('en')})" for r in chosen),
    )


def _check(
    requirement: Requirement, verdict: Verdict, by_id: Mapping[str, CriterionResult]
) -> tuple[Outcome, Reason]:
    """One requirement, in three-valued logic: NOT_APPLICABLE is not MET, UNKNOWN is open."""
    if isinstance(requirement, VerdictMet):
        if verdict.outcome is Outcome.MET:
            return Outcome.MET, Reason(template=Msg("the verdict is met"))
        return Outcome.NOT_MET, Reason(template=Msg("the verdict is not met"))
    results = [by_id[i] for i in requirement.criteria]
    met = [r for r in results if r.outcome is Outcome.MET]
    open_ = [r for r in results if r.outcome is Outcome.UNKNOWN]
    short = [r for r in results if r.outcome in (Outcome.NOT_MET, Outcome.NOT_APPLICABLE)]
    params: dict[str, Param] = {"count": len(results), "met": len(met)}
    if isinstance(requirement, AllMet):
        if short:
            params.update(missing=len(short), criteria=_titles(short))
            template = Msg("{missing} of {count} listed criteria not met: {criteria}")
            return Outcome.NOT_MET, Reason(template=template, params=params)
        if open_:
            params.update(unknown=len(open_), criteria=_titles(open_))
            template = Msg("{unknown} of {count} listed criteria not yet known: {criteria}")
            return Outcome.UNKNOWN, Reason(template=template, params=params)
        return Outcome.MET, Reason(template=Msg("all {count} listed criteria met"), params=params)
    params["minimum"] = requirement.minimum
    if len(met) >= requirement.minimum:
        template = Msg("{met} of {count} listed criteria met, at least {minimum} required")
        return Outcome.MET, Reason(template=template, params=params)
    if len(met) + len(open_) < requirement.minimum:
        params["criteria"] = _titles([*short, *open_])
        template = Msg(
            "{met} of {count} listed criteria met, at least {minimum} required; not met: {criteria}"
        )
        return Outcome.NOT_MET, Reason(template=template, params=params)
    params.update(unknown=len(open_), criteria=_titles(open_))
    template = Msg(
        "{met} of {count} listed criteria met and {unknown} not yet known, at least {minimum} required: {criteria}"
    )
    return Outcome.UNKNOWN, Reason(template=template, params=params)


def _band_outcome(outcomes: Iterable[Outcome]) -> Outcome:
    found = list(outcomes)
    if Outcome.NOT_MET in found:
        return Outcome.NOT_MET
    return Outcome.UNKNOWN if Outcome.UNKNOWN in found else Outcome.MET


# --- the layer ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class GradingLayer:
    """A province's grading of safe units, as ordered bands (first match wins).

    Every criterion of a MET verdict is MET (or not applicable), so bands that
    read only the verdict cannot tell one safe unit from another. ``criteria``
    are the layer's own **grading criteria**: ordinary criteria evaluated from
    the unit's facts for the grade alone, never part of the verdict, so failing
    one lowers the grade but does not make the unit unsafe. A band may read the
    verdict's criteria and these.

    Bands are tried in order. The first whose requirements all hold gives the
    grade; a band that is NOT_MET passes on to the next; a band that is
    UNKNOWN (a grading criterion lacks an input) stops there with no grade,
    because a lower grade would be a guess.

    ``source`` says where the grading comes from (a provincial decision, say);
    it is the province's text, shown with every result.
    """

    bands: tuple[GradeBand, ...] = attrs.field(converter=_bands)
    criteria: tuple[Criterion, ...] = attrs.field(default=(), converter=_criteria)
    source: Label | None = None

    def __attrs_post_init__(self) -> None:
        if not self.bands:
            raise DefinitionError("a grading layer needs at least one band")
        for band in self.bands:
            if not isinstance(band, GradeBand):
                raise DefinitionError(f"expected a GradeBand, got {band!r}")
        grades = [b.grade.code for b in self.bands]
        duplicates = sorted({g for g in grades if grades.count(g) > 1})
        if duplicates:
            raise DefinitionError(f"a grading layer repeats grades {duplicates}")
        ids = []
        for criterion in self.criteria:
            if not isinstance(criterion, Criterion):
                raise DefinitionError(f"grading criterion {criterion!r} is not a Criterion")
            ids.append(criterion.id)
        if len(set(ids)) != len(ids):
            raise DefinitionError(f"a grading layer repeats criterion ids {ids}")

    def criterion_ids(self) -> tuple[str, ...]:
        """Every criterion id the bands read, once, in band order."""
        return tuple(dict.fromkeys(i for band in self.bands for i in band.criterion_ids()))

    def check_against(self, rule_set: RuleSet) -> None:
        """Raise :class:`~antq.errors.DefinitionError` if a band reads a criterion that neither
        ``rule_set`` nor the layer has, or a grading criterion reuses a rule-set id."""
        known = {c.id for c in rule_set.all_criteria()}
        own = {c.id for c in self.criteria}
        clash = sorted(known & own)
        if clash:
            raise DefinitionError(
                f"grading criteria {clash} have the ids of criteria of rule set {rule_set.id!r}"
            )
        unknown = [i for i in self.criterion_ids() if i not in known | own]
        if unknown:
            raise DefinitionError(
                f"the grading reads criteria that rule set {rule_set.id!r} does not have: {unknown}"
            )

    def _grading_results(
        self, verdict: Verdict, facts: UnitFacts | None
    ) -> tuple[CriterionResult, ...]:
        if not self.criteria:
            return ()
        if facts is None:
            raise InputError(
                f"{verdict.unit_id}.facts",
                None,
                Msg("the grading has criteria of its own: pass the unit's facts to grade it"),
            )
        if (facts.unit_id, facts.year) != (verdict.unit_id, verdict.year):
            raise InputError(
                f"{facts.unit_id}.unit_id",
                f"{facts.unit_id} ({facts.year})",
                Msg("the facts are not those of the verdict's unit {unit_id} ({year})"),
                params={"unit_id": verdict.unit_id, "year": verdict.year},
            )
        parameters = {p.name: p.default for c in self.criteria for p in c.parameters}
        context = Context(facts=facts, period=verdict.period, parameters=parameters)
        return tuple(evaluate_criterion(c, context) for c in self.criteria)

    def grade(
        self, verdict: Verdict, facts: UnitFacts | None = None, *, province: str | None = None
    ) -> GradeResult:
        """Grade ``verdict``: the first band whose requirements all hold, if it is MET.

        ``facts`` (the unit's facts) are needed when the layer has grading
        criteria of its own.
        """

        def result(
            grade: Grade | None,
            checks: Iterable[BandCheck],
            reason: Reason,
            results: tuple[CriterionResult, ...] = (),
            missing: tuple[str, ...] = (),
        ) -> GradeResult:
            return GradeResult(
                unit_id=verdict.unit_id,
                year=verdict.year,
                rule_set=verdict.rule_set,
                outcome=verdict.outcome,
                grade=grade,
                checks=tuple(checks),
                reason=reason,
                results=results,
                missing=missing,
                province=province,
                source=self.source,
            )

        if verdict.outcome is not Outcome.MET:
            return result(None, (), Reason(template=_NO_GRADE[verdict.outcome]))
        own = self._grading_results(verdict, facts)
        by_id = {r.criterion_id: r for r in (*verdict.all_results(), *own)}
        absent = [i for i in self.criterion_ids() if i not in by_id]
        if absent:
            raise InputError(
                f"{verdict.unit_id}.results",
                absent,
                Msg("the grading reads criteria that the verdict (rule set {rule_set}) lacks"),
                params={"rule_set": verdict.rule_set},
            )
        checks = []
        for position, band in enumerate(self.bands, start=1):
            found = [_check(r, verdict, by_id) for r in band.requires]
            outcome = _band_outcome(o for o, _ in found)
            reasons = tuple(reason for _, reason in found) or (
                Reason(template=Msg("no further requirement beyond being recognised as safe")),
            )
            checks.append(BandCheck(grade=band.grade, outcome=outcome, reasons=reasons))
            if outcome is Outcome.MET:
                reason = Reason(
                    template=Msg("graded {grade} (band {band} of {bands})"),
                    params={"grade": band.grade, "band": position, "bands": len(self.bands)},
                )
                return result(band.grade, checks, reason, own)
            if outcome is Outcome.UNKNOWN:
                wanted = set(band.criterion_ids())
                missing = tuple(
                    dict.fromkeys(m for r in own if r.criterion_id in wanted for m in r.missing)
                )
                reason = Reason(
                    template=Msg(
                        "no grade yet: whether the unit reaches {grade} is unknown until the missing information is given"
                    ),
                    params={"grade": band.grade},
                )
                return result(None, checks, reason, own, missing)
        reason = Reason(template=Msg("no grade: the requirements of no band are met"))
        return result(None, checks, reason, own)

    # -- data form --------------------------------------------------------------------------

    @classmethod
    def from_dict(
        cls, data: object, *, path: str = "grading", criteria: Iterable[Criterion] = ()
    ) -> GradingLayer:
        """Read a layer from JSON/TOML data; nothing in it is executed.

        ``{"bands": [{"grade": "xuat_sac", "requires": [...]}, ...], "source": {"vi": ..., "en": ...}}``
        where a requirement is ``{"verdict": "met"}``, ``{"all_met": [ids]}`` or
        ``{"at_least": n, "of": [ids]}``. Grading criteria, being code-backed
        checks, are passed in ``criteria``, not read from data. Bad shapes raise
        :class:`~antq.errors.InputError` naming the path; a well-formed but inconsistent
        layer (a grade twice, an impossible minimum) raises
        :class:`~antq.errors.DefinitionError`.
        """
        layer = structure(data, cls, path)
        return attrs.evolve(layer, criteria=criteria) if criteria else layer

    def to_dict(self) -> dict[str, Any]:
        """The bands as JSON-ready data (the inverse of :meth:`from_dict`, without
        the grading criteria)."""
        return unstructure(self)  # type: ignore[no-any-return]


_NO_GRADE: Mapping[Outcome, Msg] = {
    Outcome.NOT_MET: Msg(
        "no grade: the verdict is not met, and only a unit recognised as safe is graded"
    ),
    Outcome.UNKNOWN: Msg(
        "no grade yet: the verdict is unknown until the missing information is given"
    ),
    Outcome.NOT_APPLICABLE: Msg("no grade: the unit is outside the circular's scope"),
}


def _object(data: object, path: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(path, data, Msg("expected an object"))
    extra = sorted(set(data) - allowed)
    if extra:
        raise InputError(
            f"{path}.{extra[0]}",
            data[extra[0]],
            Msg("unknown key; allowed: {allowed}"),
            params={"allowed": ", ".join(sorted(allowed))},
        )
    return data


def _id_list(raw: object, path: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
        raise InputError(path, raw, Msg("expected a list of criterion ids"))
    return tuple(raw)


def _requirement(raw: object, path: str) -> Requirement:
    obj = _object(raw, path, {"verdict", "all_met", "at_least", "of"})
    keys = set(obj)
    if keys == {"verdict"}:
        if obj["verdict"] != Outcome.MET.code:
            raise InputError(f"{path}.verdict", obj["verdict"], Msg("only 'met' can be required"))
        return VerdictMet()
    if keys == {"all_met"}:
        return AllMet(criteria=_id_list(obj["all_met"], f"{path}.all_met"))
    if keys == {"at_least", "of"}:
        minimum = obj["at_least"]
        if isinstance(minimum, bool) or not isinstance(minimum, int):
            raise InputError(f"{path}.at_least", minimum, Msg("expected a whole number"))
        return AtLeastMet(criteria=_id_list(obj["of"], f"{path}.of"), minimum=minimum)
    raise InputError(
        path,
        raw,
        Msg('expected {"verdict": "met"}, {"all_met": [...]} or {"at_least": n, "of": [...]}'),
    )


def _requirement_to_dict(requirement: Requirement) -> dict[str, Any]:
    if isinstance(requirement, VerdictMet):
        return {"verdict": Outcome.MET.code}
    if isinstance(requirement, AllMet):
        return {"all_met": list(requirement.criteria)}
    return {"at_least": requirement.minimum, "of": list(requirement.criteria)}


def _requirements_json(requirements: tuple[Requirement, ...]) -> list[dict[str, Any]]:
    return [_requirement_to_dict(r) for r in requirements]


def _requirements_from_json(raw: object) -> tuple[Requirement, ...]:
    if not isinstance(raw, list):
        raise InputError("", raw, Msg("expected a list of requirements"))
    return tuple(_requirement(r, f"[{n}]") for n, r in enumerate(raw))


# The data form of a layer: its bands and source (its grading criteria are code).
json_form(
    GradeBand,
    codecs={"requires": (_requirements_json, _requirements_from_json)},
    strict=True,
)
json_form(
    GradingLayer,
    written=("bands", "source"),
    omit_empty=("source",),
    required=("bands",),
    strict=True,
)


# --- the extension -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ProvincialExtension:
    """A province's additions to antq's rule sets (Điều 8 khoản 1), declared as data.

    ``province`` is a slug (``"quang-nam"``): it names the extended rule set
    (``tt124.commune+quang-nam``) and prefixes each extra criterion's id
    (``quang-nam.camera-network``), which keeps them apart from antq's ids.
    Extra criteria are ordinary :class:`~antq.core.criterion.Criterion` objects
    with their own inputs, a small check and a citation (Điều 8 khoản 1, or the
    province's own decision); their titles are the province's
    :class:`~antq.i18n.catalog.Text`. They bind: failing one makes the unit
    not safe. Criteria that only raise or lower the grade belong to the
    grading layer (:attr:`GradingLayer.criteria`); their ids take the same prefix.
    """

    province: str
    extra_criteria: tuple[Criterion, ...] = attrs.field(default=(), converter=_criteria)
    grading: GradingLayer | None = None
    title: Label | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.province, str) or not _PROVINCE.match(self.province):
            raise DefinitionError(
                f"province {self.province!r} must be a lowercase slug such as 'quang-nam'"
            )
        if not self.extra_criteria and self.grading is None:
            raise DefinitionError(f"extension {self.province!r} adds neither criteria nor grading")
        ids = []
        grading = self.grading.criteria if self.grading is not None else ()
        for criterion in (*self.extra_criteria, *grading):
            if not isinstance(criterion, Criterion):
                raise DefinitionError(
                    f"extension {self.province!r}: {criterion!r} is not a Criterion"
                )
            if not criterion.id.startswith(f"{self.province}."):
                raise DefinitionError(
                    f"extension {self.province!r}: criterion id {criterion.id!r} must start with"
                    f" '{self.province}.'"
                )
            ids.append(criterion.id)
        if len(set(ids)) != len(ids):
            raise DefinitionError(f"extension {self.province!r} repeats criterion ids {ids}")

    @property
    def suffix(self) -> str:
        return f"+{self.province}"

    def rule_set_id(self, base: RuleSet) -> str:
        """The id of ``base`` extended by this province."""
        return f"{base.id}{self.suffix}"

    def apply(self, rule_set: RuleSet) -> RuleSet:
        """``rule_set`` with the province's criteria appended; the grading is checked
        against it (every criterion id a band reads must exist)."""
        if rule_set.id.endswith(self.suffix):
            raise DefinitionError(f"rule set {rule_set.id!r} already has this extension")
        extended = rule_set.extended(
            id=self.rule_set_id(rule_set), criteria=self.extra_criteria, title=self.title
        )
        if self.grading is not None:
            self.grading.check_against(extended)
        return extended

    def grade(self, verdict: Verdict, facts: UnitFacts | None = None) -> GradeResult:
        """Grade a verdict reached under a rule set this extension produced.

        ``facts`` are the unit's facts, needed when the grading has criteria of its own.
        """
        if self.grading is None:
            raise DefinitionError(f"extension {self.province!r} has no grading layer")
        if not verdict.rule_set.endswith(self.suffix):
            raise InputError(
                f"{verdict.unit_id}.rule_set",
                verdict.rule_set,
                Msg(
                    "not evaluated under the {province} extension (rule set id ending in {suffix}): its criteria would be missing"
                ),
                params={"province": repr(self.province), "suffix": repr(self.suffix)},
            )
        return self.grading.grade(verdict, facts, province=self.province)
