"""The commune roll-up (Thông tư 124/2021 Điều 5 khoản 4; Thông tư 23/2012 Điều 6 khoản 4)."""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq.core import evaluate
from antq.core.criterion import CriterionKind
from antq.core.facts import UnitFacts
from antq.core.inputs import count
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import CriterionInfo, CriterionResult, Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Text
from antq.io.facts import unit_facts_from_dict
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.safety import default_rulebook
from antq.safety.rollup import (
    ROLLUP_RULES,
    RollupInputs,
    UnitCounts,
    apply_counts,
    commune_counts,
    evaluate_commune,
)
from antq.safety.tt124_2021 import article_5_commune as tt124_commune
from antq.safety.windows import assessment_period

MET, NOT_MET, UNKNOWN, NA = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)
RA, COMMUNE, AGENCY, ENTERPRISE, SCHOOL = (
    UnitKind.RESIDENTIAL_AREA,
    UnitKind.COMMUNE,
    UnitKind.AGENCY,
    UnitKind.ENTERPRISE,
    UnitKind.EDUCATIONAL_INSTITUTION,
)
TT124, TT23 = "124/2021/TT-BCA", "23/2012/TT-BCA"
YEAR = 2024
X = "X1"
PREFIX = {
    RA: "residential-area",
    AGENCY: "agency",
    ENTERPRISE: "enterprise",
    SCHOOL: "education",
    COMMUNE: "commune",
}
REGISTERED = "tt124.commune.units-registered"
RECOGNISED = "tt124.commune.units-recognised"


# --- synthetic verdicts ---------------------------------------------------------------------


def _result(criterion_id: str, outcome: Outcome, instrument: str = TT124) -> CriterionResult:
    return CriterionResult(
        about=CriterionInfo(
            id=criterion_id,
            title=Text(vi=criterion_id, en=criterion_id),
            citation=cite(instrument),
            kind=CriterionKind.BOOLEAN,
            confirmation=Confirmation.CONFIRMED,
        ),
        outcome=outcome,
        reason=Reason(template=Text(vi="-", en="-")),
    )


def unit(
    unit_id: str,
    outcome: Outcome = MET,
    *,
    kind: UnitKind = RA,
    registration: Outcome | None = None,
    scope: Outcome | None = None,
    commune: str | None = X,
    year: int = YEAR,
    instrument: str = TT124,
) -> Verdict:
    """A verdict as the engine makes it, reduced to what the roll-up reads.

    ``registration`` defaults to MET unless the verdict is NOT_APPLICABLE.
    ``scope`` adds an eligibility result (NOT_APPLICABLE makes the verdict so).
    """
    if registration is NOT_MET and scope is not UNKNOWN:
        assert outcome is NOT_MET, "the engine fails a unit whose registration failed"
    prefix = f"{'tt124' if instrument == TT124 else 'tt23'}.{PREFIX[kind]}"
    eligibility = () if scope is None else (_result(f"{prefix}.in-scope", scope, instrument),)
    results: tuple[CriterionResult, ...] = ()
    if outcome is not NA:
        registration = MET if registration is None else registration
        results = (
            _result(f"{prefix}.registration", registration, instrument),
            _result(f"{prefix}.other", outcome if registration is MET else NOT_MET, instrument),
        )
    return Verdict(
        unit_id=unit_id,
        kind=kind,
        year=year,
        rule_set=prefix,
        instrument=instrument,
        period=assessment_period(kind, year, instrument=instrument),
        outcome=outcome,
        results=results,
        eligibility=eligibility,
        commune=commune,
    )


def units(
    met: int, not_met: int = 0, unknown: int = 0, *, start: int = 0, **kw: Any
) -> list[Verdict]:
    """``met`` recognised, ``not_met`` not recognised and ``unknown`` undecided units."""
    outcomes = [MET] * met + [NOT_MET] * not_met + [UNKNOWN] * unknown
    return [unit(f"U{start + n:03}", o, **kw) for n, o in enumerate(outcomes)]


def mixed(recognised: int, total: int = 25, organisations: int = 5) -> list[Verdict]:
    """``total`` units, the last ``organisations`` of them agencies, enterprises or schools."""
    kinds = itertools.cycle((AGENCY, ENTERPRISE, SCHOOL))
    out = []
    for n in range(total):
        kind = RA if n < total - organisations else next(kinds)
        out.append(unit(f"U{n:03}", MET if n < recognised else NOT_MET, kind=kind))
    return out


# --- real facts -----------------------------------------------------------------------------


def _offences(c: int, s: int, o: int) -> dict[str, int]:
    return {"crimes": c, "social_evils": s, "other_violations": o}


def commune_raw(**overrides: Any) -> dict[str, Any]:
    facts = {
        "party_resolution_q1": True,
        "security_plan_q1": True,
        "registered_q1": True,
        "effective_models": 1,
        "policy_implemented": True,
        "incidents": [],
        "offences_current": _offences(3, 2, 5),
        "offences_previous": _offences(4, 2, 5),
        "supervised_persons_managed": True,
        "commune_police_effective": True,
        "commune_police_disciplined": 0,
    }
    facts.update(overrides)
    return facts


def residential_raw(**overrides: Any) -> dict[str, Any]:
    facts = {
        "party_resolution_q1": True,
        "registered_q1": True,
        "households_resident": 120,
        "households_registered": 120,
        "policy_implemented": True,
        "incidents": [],
        "offences_current": _offences(1, 1, 2),
        "offences_previous": _offences(2, 1, 2),
        "supervised_persons_managed": True,
        "grassroots_force_grade": "hoan_thanh",
        "grassroots_force_members_disciplined": 0,
    }
    facts.update(overrides)
    return facts


def enterprise_raw(**overrides: Any) -> dict[str, Any]:
    facts = {
        "enterprise_size": "medium",
        "has_party_organisation": True,
        "party_resolution_q1": True,
        "security_plan_q1": True,
        "registered_q1": True,
        "internal_rules_topics": [
            "unit_protection",
            "state_secrets",
            "internal_politics",
            "labour_safety",
            "fire_prevention",
            "environment",
        ],
        "staff_total": 50,
        "staff_informed": 50,
        "effective_models": 1,
        "policy_implemented": True,
        "incidents": [],
        "staff_admin_sanctioned_security_order": 0,
        "staff_social_evil_disciplined_warning_or_above": 0,
        "emulation_eligible": True,
        "has_security_force": True,
        "security_force_advanced_collective": True,
        "security_force_grade": "hoan_thanh_tot",
        "security_force_disciplined_warning_or_above": 0,
        "subunits_eligible": 10,
        "subunits_qualifying": 7,
        "individuals_disciplined_warning_or_above": 0,
    }
    facts.update(overrides)
    return {k: v for k, v in facts.items() if v is not None}


def facts(
    unit_id: str, kind: UnitKind, raw: dict[str, Any], *, commune: str | None = X
) -> UnitFacts:
    document: dict[str, Any] = {"id": unit_id, "kind": kind.code, "year": YEAR, "facts": raw}
    if commune is not None:
        document["commune"] = commune
    return unit_facts_from_dict(document, unit_id, default_rulebook().inputs(kind))


def commune_facts(**overrides: Any) -> UnitFacts:
    return facts(X, COMMUNE, commune_raw(**overrides), commune=None)


def outcome_of(verdict: Verdict, criterion_id: str) -> Outcome:
    (found,) = [r for r in verdict.all_results() if r.criterion_id == criterion_id]
    return found.outcome


def rolled(verdicts: list[Verdict]) -> Verdict:
    return evaluate_commune(commune_facts(), verdicts, tt124_commune.RULE_SET).verdict


# --- the worked examples --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recognised", "total", "expected"),
    [
        (17, 25, NOT_MET),  # 68%
        (18, 25, MET),  # 72%
        (16, 25, NOT_MET),  # 64%
        (21, 30, MET),  # exactly 70%
        (20, 30, NOT_MET),  # 66.7%
    ],
)
def test_worked_examples_of_the_seventy_percent_share(
    recognised: int, total: int, expected: Outcome
) -> None:
    verdicts = mixed(recognised, total)
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert (counts.total, counts.recognised_min, counts.recognised_max) == (
        total,
        recognised,
        recognised,
    )
    assert counts.exact
    verdict = rolled(verdicts)
    assert outcome_of(verdict, RECOGNISED) is expected
    assert outcome_of(verdict, REGISTERED) is MET
    assert verdict.outcome is expected


def test_every_kind_under_the_commune_counts_under_tt124() -> None:
    # 20 residential areas + 5 agencies, enterprises and institutions (the spec's TT 124 vector).
    counts = commune_counts(mixed(18), commune_id=X, instrument=TT124)
    assert counts.total == 25
    assert counts.not_counted == ()


def test_one_unregistered_unit_fails_whatever_the_ratio() -> None:
    verdicts = [*units(24), unit("LATE", NOT_MET, registration=NOT_MET)]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert (counts.registered_min, counts.registered_max) == (24, 24)
    assert counts.not_registered == ("LATE",)
    verdict = rolled(verdicts)
    assert outcome_of(verdict, REGISTERED) is NOT_MET
    assert outcome_of(verdict, RECOGNISED) is MET  # 24/25 = 96%
    assert verdict.outcome is NOT_MET


# --- bounds -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("met", "unknown", "value", "expected"),
    [
        (17, 2, None, UNKNOWN),  # 17..19 of 25: 68% .. 76%
        (18, 3, 18, MET),  # 18 already passes
        (10, 2, 12, NOT_MET),  # even 12/25 = 48% fails
        (16, 1, 17, NOT_MET),  # even 17/25 fails
        (17, 1, None, UNKNOWN),  # 17 or 18
    ],
)
def test_unknown_verdicts_bound_the_recognised_count(
    met: int, unknown: int, value: int | None, expected: Outcome
) -> None:
    verdicts = units(met, 25 - met - unknown, unknown)
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert (counts.recognised_min, counts.recognised_max) == (met, met + unknown)
    assert len(counts.recognition_unknown) == unknown
    assert not counts.exact
    assert counts.recognised_value() == value
    written = apply_counts(commune_facts(), counts)
    assert written.values.get("units_recognised") == value
    assert written.values["units_total"] == 25
    verdict = evaluate(written, tt124_commune.RULE_SET)
    assert outcome_of(verdict, RECOGNISED) is expected
    if expected is UNKNOWN:
        assert "units_recognised" in verdict.missing_inputs
        assert verdict.outcome is UNKNOWN


def test_unknown_registration_leaves_the_hundred_percent_rule_unknown() -> None:
    verdicts = [*units(24), unit("Q", UNKNOWN, registration=UNKNOWN)]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert (counts.registered_min, counts.registered_max) == (24, 25)
    assert counts.registration_unknown == ("Q",)
    assert counts.registered_value() is None
    verdict = rolled(verdicts)
    assert outcome_of(verdict, REGISTERED) is UNKNOWN
    assert outcome_of(verdict, RECOGNISED) is MET  # 24 of 25 already passes
    assert verdict.outcome is UNKNOWN


def test_a_known_unregistered_unit_decides_despite_other_unknowns() -> None:
    verdicts = [
        *units(23),
        unit("Q", UNKNOWN, registration=UNKNOWN),
        unit("N", NOT_MET, registration=NOT_MET),
    ]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert (counts.registered_min, counts.registered_max) == (23, 24)
    assert counts.registered_value() == 24  # the upper bound already fails 100%
    assert outcome_of(rolled(verdicts), REGISTERED) is NOT_MET


def _completions(statuses: list[Outcome]) -> list[int]:
    """Every recognised count the unknown verdicts could turn into."""
    met = statuses.count(MET)
    unknown = statuses.count(UNKNOWN)
    return [met + k for k in range(unknown + 1)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([MET, NOT_MET, UNKNOWN]), min_size=1, max_size=40))
def test_a_decided_share_holds_for_every_completion_and_unknown_means_both_possible(
    statuses: list[Outcome],
) -> None:
    verdicts = [unit(f"U{n}", s) for n, s in enumerate(statuses)]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    verdict = evaluate(apply_counts(commune_facts(), counts), tt124_commune.RULE_SET)
    outcome = outcome_of(verdict, RECOGNISED)
    passes = {100 * r >= 70 * len(statuses) for r in _completions(statuses)}
    expected = MET if passes == {True} else NOT_MET if passes == {False} else UNKNOWN
    assert outcome is expected


# --- what is counted ------------------------------------------------------------------------------


def test_units_outside_the_circular_are_left_out_of_the_total() -> None:
    in_scope = units(18, 7)
    outside = [unit(f"SME{n}", NA, kind=ENTERPRISE, scope=NA) for n in range(5)]  # 18/30 would fail
    counts = commune_counts([*in_scope, *outside], commune_id=X, instrument=TT124)
    assert counts.total == 25
    assert counts.excluded == tuple(f"SME{n}" for n in range(5))
    assert outcome_of(rolled([*in_scope, *outside]), RECOGNISED) is MET
    assert "antq's reading" in counts.explain("en")


def test_real_verdicts_micro_enterprise_excluded_and_unknown_size_kept_as_unknown() -> None:
    book = default_rulebook()
    verdicts = [evaluate(facts(f"KDC{n}", RA, residential_raw()), book) for n in range(18)]
    verdicts += [
        evaluate(facts(f"KDC-F{n}", RA, residential_raw(policy_implemented=False)), book)
        for n in range(6)
    ]
    verdicts.append(
        evaluate(facts("DN-MICRO", ENTERPRISE, enterprise_raw(enterprise_size="micro")), book)
    )
    verdicts.append(
        evaluate(facts("DN-SIZE?", ENTERPRISE, enterprise_raw(enterprise_size=None)), book)
    )
    assert verdicts[-2].outcome is NA
    assert verdicts[-1].outcome is UNKNOWN
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert counts.excluded == ("DN-MICRO",)
    assert counts.scope_unknown == ("DN-SIZE?",)
    assert counts.total == 25
    assert (counts.recognised_min, counts.recognised_max) == (18, 19)
    assert (counts.registered_min, counts.registered_max) == (25, 25)
    result = evaluate_commune(commune_facts(), verdicts, book)
    assert result.verdict.outcome is MET  # 18 of 25 passes even if the enterprise is in scope
    assert result.verdict.rule_set == "tt124.commune"


def test_a_scope_unknown_unit_keeps_a_close_share_unknown() -> None:
    # 17 recognised of 24 in scope (70.8%) passes without it, 17 of 25 (68%) fails with it.
    verdicts = [
        *units(17, 7),
        unit("MAYBE", UNKNOWN, kind=ENTERPRISE, scope=UNKNOWN, registration=NOT_MET),
    ]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert counts.scope_unknown == ("MAYBE",)
    assert counts.registration_unknown == ("MAYBE",)  # not "not registered": it may be out of scope
    assert counts.not_registered == ()
    assert "in the total although their scope is unknown: MAYBE" in counts.explain("en")
    verdict = rolled(verdicts)
    assert outcome_of(verdict, RECOGNISED) is UNKNOWN
    assert outcome_of(verdict, REGISTERED) is UNKNOWN


def test_other_communes_and_the_communes_own_verdict_are_ignored() -> None:
    verdicts = [
        *units(18, 7),
        *units(0, 10, start=100, commune="Y2"),
        *units(3, start=200, commune=None),
        unit(X, NOT_MET, kind=COMMUNE, commune=X),
    ]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert counts.total == 25
    assert counts.recognised_min == 18


def test_verdicts_of_another_round_are_rejected() -> None:
    verdicts = [*units(18, 6), unit("OLD", MET, year=YEAR - 1)]
    with pytest.raises(InputError, match="different rounds") as error:
        commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert error.value.path == "verdicts[24].year"
    with pytest.raises(InputError, match="different rounds"):
        commune_counts(units(18, 7), commune_id=X, instrument=TT124, year=YEAR + 1)
    # Another commune's verdicts of another year are simply not read.
    commune_counts(
        [*units(18, 7), unit("Y", year=2020, commune="Y2")], commune_id=X, instrument=TT124
    )


def test_evaluate_commune_rejects_units_of_another_round_than_the_commune() -> None:
    with pytest.raises(InputError, match="different rounds"):
        evaluate_commune(commune_facts(), units(18, 7, year=YEAR - 1), tt124_commune.RULE_SET)


def test_mixing_instruments_and_counting_a_unit_twice_are_errors() -> None:
    with pytest.raises(InputError, match="under 124/2021/TT-BCA") as error:
        commune_counts(
            [*units(18, 6), unit("T23", instrument=TT23)], commune_id=X, instrument=TT124
        )
    assert error.value.path == "verdicts[24].instrument"
    with pytest.raises(InputError, match="appears twice"):
        commune_counts([*units(18, 7), unit("U000")], commune_id=X, instrument=TT124)
    with pytest.raises(InputError, match="no commune roll-up"):
        commune_counts(units(18, 7), commune_id=X, instrument="48/2025/TT-BCA")
    with pytest.raises(InputError, match="expected a Verdict"):
        commune_counts([object()], commune_id=X, instrument=TT124)  # type: ignore[list-item]


def test_a_tt124_verdict_without_a_registration_criterion_is_an_input_error() -> None:
    bare = attrs.evolve(unit("B"), results=(_result("tt124.residential-area.other", MET),))
    with pytest.raises(InputError, match="no registration criterion"):
        commune_counts([bare], commune_id=X, instrument=TT124)


@pytest.mark.parametrize(
    "verdicts",
    [
        [],
        [unit(f"SME{n}", NA, kind=ENTERPRISE, scope=NA) for n in range(3)],
        units(5, commune="Y2"),
    ],
    ids=["no-verdicts", "all-outside-scope", "only-other-communes"],
)
def test_a_commune_with_no_unit_in_scope_is_an_error_not_a_pass(verdicts: list[Verdict]) -> None:
    with pytest.raises(InputError, match="no unit under this commune is in scope"):
        commune_counts(verdicts, commune_id=X, instrument=TT124)


def test_counts_are_validated() -> None:
    with pytest.raises(InputError, match="must be > 0"):
        UnitCounts(
            commune_id=X, year=YEAR, instrument=TT23, total=0, recognised_min=0, recognised_max=0
        )
    with pytest.raises(InputError, match="recognised_min <= recognised_max"):
        UnitCounts(
            commune_id=X, year=YEAR, instrument=TT23, total=5, recognised_min=3, recognised_max=2
        )
    with pytest.raises(InputError, match="requires registered counts"):
        UnitCounts(
            commune_id=X, year=YEAR, instrument=TT124, total=5, recognised_min=3, recognised_max=3
        )
    with pytest.raises(InputError, match="has no registered counts"):
        UnitCounts(
            commune_id=X,
            year=YEAR,
            instrument=TT23,
            total=5,
            recognised_min=3,
            recognised_max=3,
            registered_min=5,
            registered_max=5,
        )
    with pytest.raises(InputError, match="registered_min <= registered_max <= total"):
        UnitCounts(
            commune_id=X,
            year=YEAR,
            instrument=TT124,
            total=5,
            recognised_min=3,
            recognised_max=3,
            registered_min=5,
            registered_max=6,
        )


# --- order does not matter ------------------------------------------------------------------------

_UNIT = st.tuples(
    st.sampled_from([RA, AGENCY, ENTERPRISE, SCHOOL]),
    st.sampled_from([MET, NOT_MET, UNKNOWN, NA]),
    st.sampled_from([MET, NOT_MET, UNKNOWN]),
    st.sampled_from(["X1", "Y2"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_UNIT, min_size=1, max_size=30), st.randoms(use_true_random=False))
def test_the_order_of_the_verdicts_does_not_matter(
    specs: list[tuple[UnitKind, Outcome, Outcome, str]], rnd: Any
) -> None:
    verdicts = []
    for n, (kind, outcome, registration, commune) in enumerate(specs):
        if outcome is NA:
            verdicts.append(unit(f"U{n}", NA, kind=kind, scope=NA, commune=commune))
        else:
            if outcome is MET:
                registration = MET  # a MET verdict has its registration met
            elif registration is NOT_MET:
                outcome = NOT_MET  # and a failed registration fails the verdict
            verdicts.append(
                unit(f"U{n}", outcome, kind=kind, registration=registration, commune=commune)
            )
    shuffled = list(verdicts)
    rnd.shuffle(shuffled)

    def run(items: list[Verdict]) -> UnitCounts | str:
        try:
            return commune_counts(items, commune_id=X, instrument=TT124)
        except InputError as error:
            return error.message

    first, second = run(verdicts), run(shuffled)
    assert first == second
    if isinstance(first, UnitCounts) and isinstance(second, UnitCounts):
        a = apply_counts(commune_facts(), first)
        b = apply_counts(commune_facts(), second)
        assert dict(a.values) == dict(b.values)


# --- apply_counts, evaluate_commune -----------------------------------------------------------------


def test_the_roll_up_wins_over_the_callers_values_and_says_they_differ() -> None:
    stale = commune_facts(units_total=3, units_registered=3, units_recognised=3)
    result = evaluate_commune(stale, units(17, 6, 2), tt124_commune.RULE_SET)
    assert result.facts.values["unit_outcomes"] is result.counts
    assert result.counts.total == 25
    assert result.counts.recognised_min == 17
    (recognised,) = [r for r in result.verdict.results if r.criterion_id.endswith(RECOGNISED)]
    assert recognised.outcome is UNKNOWN  # 17 to 19 of 25: 68% to 76%
    assert recognised.reason.render("en") == (
        "17 recognised, 2 unknown, 6 not of 25: between 68% and 76%, 70% needed:"
        " 1 more of the unknown must be recognised; the commune states 3 of 3, its units give these"
    )


def test_apply_counts_checks_it_is_the_same_commune_and_round() -> None:
    counts = commune_counts(units(18, 7), commune_id=X, instrument=TT124)
    with pytest.raises(InputError, match="expected a commune"):
        apply_counts(facts("KDC", RA, residential_raw()), counts)
    with pytest.raises(InputError, match="counts are of commune"):
        apply_counts(attrs.evolve(commune_facts(), unit_id="Z9"), counts)
    with pytest.raises(InputError, match="counts are of round"):
        apply_counts(attrs.evolve(commune_facts(), year=YEAR + 1), counts)


def test_explain_shows_ranges_and_causes() -> None:
    verdicts = [*units(17, 5, 2), unit("N", NOT_MET, registration=NOT_MET)]
    text = commune_counts(verdicts, commune_id=X, instrument=TT124).explain("en")
    assert "X1, round 2024: 25 unit(s) counted under Article 5(4), Circular 124/2021/TT-BCA" in text
    assert "recognised: 17 to 19 (2 unit(s) with an unknown verdict)" in text
    assert "registered: 24" in text
    assert "not registered: N" in text


# --- Thông tư 23/2012 -------------------------------------------------------------------------------


def test_tt23_counts_residential_areas_only_and_has_no_registration_rule() -> None:
    verdicts = [
        *units(18, 7, instrument=TT23),
        *[unit(f"CQ{n}", NOT_MET, kind=AGENCY, instrument=TT23) for n in range(10)],
    ]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT23)
    assert counts.total == 25
    assert counts.recognised_min == counts.recognised_max == 18
    assert counts.registered_min is None and counts.registered_max is None
    assert len(counts.not_counted) == 10
    assert ROLLUP_RULES[TT23].citation == cite(TT23, 6, 4)
    assert "registered:" not in counts.explain("en")


def test_tt23_apply_counts_with_inputs_supplied_through_the_hook() -> None:
    counts = commune_counts(units(17, 8, instrument=TT23), commune_id=X, instrument=TT23)
    total = count("test_areas_total", Text(vi="số khu dân cư", en="residential areas"))
    recognised = count("test_areas_recognised", Text(vi="số khu đạt", en="recognised"))
    written = apply_counts(
        UnitFacts(unit_id=X, kind=COMMUNE, year=YEAR),
        counts,
        inputs=RollupInputs(total=total, recognised=recognised),
    )
    assert dict(written.values) == {"test_areas_total": 25, "test_areas_recognised": 17}
    if ROLLUP_RULES[TT23].inputs is None:
        with pytest.raises(DefinitionError, match="pass inputs="):
            apply_counts(UnitFacts(unit_id=X, kind=COMMUNE, year=YEAR), counts)
