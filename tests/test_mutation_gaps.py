"""Wrong answers that no other test caught, found by planting bugs (scripts/mutation.py).

Each test here was written against a mutant that survived the rest of the suite:
the comment above it names the change it kills. They assert the exact outcome and,
for errors, the exact message meant.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import attrs
import pytest

from antq import InputError, Outcome, UnitKind
from antq.core.criterion import Context
from antq.core.facts import UnitFacts
from antq.core.periods import AnnualWindow, Period, add_months, add_years
from antq.core.reasons import Reason
from antq.emulation import (
    ClassStatus,
    ItemStatus,
    MovementClass,
    ScoreResult,
    ScoreStatus,
    ScoringFacts,
    VetoOutcome,
    score,
    sheet_from_dict,
)
from antq.emulation.awards import (
    AreaType,
    Commendation,
    CommendationLevel,
    LeaderPosition,
    LeadershipPeriod,
    ServicePeriod,
    ServiceRole,
    count_service,
    knc_eligibility,
)
from antq.emulation.awards.knc import ServiceCount
from antq.entities import Sex
from antq.entities.grades import EmulationTitle, TaskGrade
from antq.errors import DefinitionError
from antq.i18n.catalog import Text
from antq.i18n.formatting import (
    MAX_NUMBER_LENGTH,
    format_number,
    format_percent,
    format_scaled,
    parse_date,
    parse_number,
)
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.safety import default_rulebook
from antq.safety import inputs as i
from antq.safety.checks import AllOf, AtLeast, ShareAtLeast, TitleOrGrade
from antq.safety.inputs import InternalRulesTopic
from antq.safety.rollup import RollupInputs, RollupRule, UnitCounts, commune_counts
from antq.safety.tt23_2012 import inputs as tt23_inputs
from antq.safety.tt23_2012._common import ShareAtLeastParameter, TitleAtLeast
from antq.safety.tt23_2012.article_7_organisations import SUBUNIT_SHARE as _THRESHOLD
from antq.safety.tt124_2021 import article_4_residential_area as residential_area
from antq.safety.tt124_2021 import article_6_organisations as tt124_organisations
from antq.safety.tt124_2021 import article_7_education as tt124_education
from antq.safety.unit_counts import UnitsRecognised, UnitsRegistered
from tests.emulation import FULL, small
from tests.emulation.awards.test_knc import FIRST_TT20, LAST_TT11, leader, span, team_member
from tests.emulation.awards.test_knc import clean as clean_candidate
from tests.safety.builders import (
    AGENCY,
    AGENCY_TOPICS,
    COMMUNE,
    PERIOD_2024,
    RA,
    crime,
    facts_of,
    incident,
    offences,
    result_of,
    verdict_of,
)
from tests.safety.test_rollup import (
    RECOGNISED,
    TT23,
    TT124,
    YEAR,
    X,
    outcome_of,
    rolled,
    unit,
    units,
)

MET, NOT_MET, UNKNOWN, NA = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)


# --- scoring: two vetoes, nested groups, floors ---------------------------------------------


def _two_vetoes() -> dict[str, Any]:
    """The small sheet with a second veto, capping lower (trung bình) than the first (khá)."""
    data = small()
    data["inputs"]["calm"] = {"type": "outcome", "vi": "Yên bình", "en": "Calm"}
    data["vetoes"].append(
        {
            "id": "not-calm",
            "text": {"vi": "Chưa yên bình", "en": "Not calm"},
            "input": "calm",
            "applies_if": ["not_met"],
            "cap": "trung_binh",
        }
    )
    return data


TWO_VETOES = sheet_from_dict(_two_vetoes())
#: Full marks, neither veto applying.
FULL2: dict[str, object] = {**FULL, "calm": "met"}


def _score(values: dict[str, object], data: dict[str, Any] | None = None) -> ScoreResult:
    sheet = TWO_VETOES if data is None else sheet_from_dict(data)
    return score(sheet, ScoringFacts(unit_id="X", kind=UnitKind.COMMUNE, year=2025, values=values))


# Kills min() -> max() over the caps in _classify, and == cap -> != cap in the binding list.
@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_when_two_vetoes_apply_the_tightest_cap_wins(order: str) -> None:
    data = _two_vetoes()
    if order == "reversed":
        data["vetoes"].reverse()
    result = _score({**FULL2, "safe": "not_met", "calm": "not_met"}, data)
    assert result.total == 20
    assert [v.outcome for v in result.classification.vetoes] == [VetoOutcome.APPLIES] * 2
    assert result.classification.banded is MovementClass.XUAT_SAC
    assert result.movement_class is MovementClass.TRUNG_BINH
    assert result.classification.reason.render("en") == (
        "total 20: excellent by the points, but at most average because of: not-calm"
    )
    nxt = result.classification.next
    assert nxt is not None and nxt.target is None and nxt.points_needed is None
    assert nxt.reason.render("en") == (
        "at most average because of not-calm: more points cannot raise the class"
    )


def test_two_vetoes_with_the_same_cap_are_both_named() -> None:
    data = _two_vetoes()
    data["vetoes"][1]["cap"] = "kha"
    result = _score({**FULL2, "safe": "not_met", "calm": "not_met"}, data)
    assert result.movement_class is MovementClass.KHA
    assert result.classification.reason.render("en") == (
        "total 20: excellent by the points, but at most good because of: not-safe, not-calm"
    )


def test_the_looser_veto_alone_caps_at_its_own_level() -> None:
    looser = _score({**FULL2, "safe": "not_met"})
    assert looser.movement_class is MovementClass.KHA
    tighter = _score({**FULL2, "calm": "not_met"})
    assert tighter.movement_class is MovementClass.TRUNG_BINH


# Kills the bounded-total branch taking the wrong cap: 16-20 is xuất sắc or khá by the
# points, but the tightest veto makes it trung bình either way.
def test_two_vetoes_cap_a_bounded_total() -> None:
    result = _score({**FULL2, "given": None, "safe": "not_met", "calm": "not_met"})
    assert (result.low, result.high) == (16, 20)
    assert result.movement_class is MovementClass.TRUNG_BINH
    assert result.classification.reason.render("en") == (
        "total between 16 and 20, at most average because of: not-calm"
    )


# Kills "cap < current" -> "<=" for an undecided veto: a veto that cannot lower the class
# below what the points give must not leave the class open.
def test_an_undecided_veto_capping_at_the_class_itself_does_not_open_it() -> None:
    # 14.5 points is khá; the undecided not-safe veto caps at khá: no change either way.
    result = _score({**FULL2, "flag": False, "given": "2.5", "safe": None})
    assert result.total == Fraction(29, 2)
    assert result.classification.status is ClassStatus.CLASSIFIED
    assert result.movement_class is MovementClass.KHA
    # The undecided veto does cap the next class (xuất sắc) if it applies: named as a proviso.
    nxt = result.classification.next
    assert nxt is not None and nxt.target is MovementClass.XUAT_SAC
    assert nxt.points_needed == Fraction(7, 2)
    assert "provided that not-safe" in nxt.reason.render("en")


# Kills "rank > cap" -> ">=" in _next_class: with the cap at the next class itself, the
# next class is still reachable by points.
def test_a_cap_at_the_next_class_leaves_it_reachable() -> None:
    # 10 points: trung bình; not-safe caps at khá, which is the next class up.
    result = _score({**FULL2, "flag": False, "events": 2, "given": 1, "safe": "not_met"})
    assert result.total == 10 and result.movement_class is MovementClass.TRUNG_BINH
    nxt = result.classification.next
    assert nxt is not None
    assert (nxt.target, nxt.points_needed) == (MovementClass.KHA, 4)
    assert nxt.reason.render("en") == "4 more points needed for good (at least 14)"


# Kills "index + 1" -> "index" / "index - 1" / "index + 2" in _score_item: a group is blocked
# by its own unconfirmed sub-items only, the first of them included.
def _nested(first_unconfirmed: bool, earlier_unconfirmed: bool) -> dict[str, Any]:
    data = _two_vetoes()
    group = data["items"][0]
    if first_unconfirmed:
        group["items"][0]["rule"] = {"type": "unconfirmed"}
        del data["inputs"]["flag"]
    if earlier_unconfirmed:
        data["items"].insert(
            0,
            {
                "id": "0",
                "text": {"vi": "Chưa rõ", "en": "Unconfirmed"},
                "max_points": 4,
                "rule": {"type": "unconfirmed"},
            },
        )
        data["total"] = 24
    return data


def test_a_group_is_blocked_by_its_first_sub_item() -> None:
    values = {k: v for k, v in FULL2.items() if k != "flag"}
    result = _score(values, _nested(first_unconfirmed=True, earlier_unconfirmed=False))
    assert result.status is ScoreStatus.BLOCKED
    assert result.blocking == ("1.1",)
    assert result.item("1").status is ItemStatus.BLOCKED
    assert result.item("1").reason.render("en") == (
        "sub-items 1.1 are not confirmed and must be filled before this item can be scored"
    )


def test_a_group_is_not_blocked_by_an_item_before_it() -> None:
    result = _score(FULL2, _nested(first_unconfirmed=False, earlier_unconfirmed=True))
    assert result.status is ScoreStatus.BLOCKED
    assert result.blocking == ("0",)
    group = result.item("1")
    assert group.status is ItemStatus.SCORED
    assert group.points == 8


# Kills "raw >= floor" -> ">" and "count == 0" -> "== -1" in _per_occurrence: landing
# exactly on the floor is not "raised to the floor", and no occurrence is said so.
def test_a_deduction_landing_exactly_on_the_floor_is_not_raised() -> None:
    data = _two_vetoes()
    data["items"][2]["rule"]["floor"] = "1"  # 4 - 2 x 1.5 = 1, the floor itself
    on_floor = _score({**FULL2, "events": 2}, data).item("3")
    raised = _score({**FULL2, "events": 3}, data).item("3")  # 4 - 4.5 < 1: raised
    assert on_floor.points == raised.points == 1
    assert on_floor.reason.render("en") == "2 occurrence(s), minus 1.5 each: 1 of 4 points"
    assert raised.reason.render("en") == (
        "3 occurrence(s), minus 1.5 each, but not below 1: 1 of 4 points"
    )
    none = _score(FULL2, data).item("3")
    assert none.points == 4
    assert none.reason.render("en") == _score(FULL2).item("3").reason.render("en")
    assert "1.5" not in none.reason.render("en")


# Kills the child depth moved ("depth + 1" -> "+ 2").
def test_sub_items_are_one_level_down() -> None:
    result = _score(FULL2)
    assert [(r.item_id, r.depth) for r in result.items] == [
        ("1", 0),
        ("1.1", 1),
        ("1.2", 1),
        ("2", 0),
        ("3", 0),
        ("4", 0),
    ]


# Kills the lower bound of a share over an empty whole moved from 0.
def test_a_share_of_an_empty_whole_is_open_from_zero() -> None:
    result = _score({**FULL2, "part": 0, "whole": 0})
    item = result.item("2")
    assert item.status is ItemStatus.UNKNOWN
    assert (item.low, item.high) == (0, 4)
    assert (result.low, result.high) == (12, 20)


# Kills "cap < target" -> "<=" for an undecided veto in _next_class: a veto capping at the
# next class itself does not stand in its way.
def test_an_undecided_veto_capping_at_the_next_class_is_no_proviso() -> None:
    result = _score({**FULL2, "flag": False, "events": 2, "given": 1, "safe": None})
    assert result.total == 10 and result.movement_class is MovementClass.TRUNG_BINH
    nxt = result.classification.next
    assert nxt is not None and nxt.target is MovementClass.KHA
    assert nxt.reason.render("en") == "4 more points needed for good (at least 14)"


# Kills the band read for "below every band" (bands[-1] moved): the lowest band is named.
def test_below_every_band_names_the_lowest_band() -> None:
    result = _score({**FULL2, "flag": False, "events": 2, "given": "0.5"})
    assert result.classification.status is ClassStatus.BELOW_BANDS
    assert result.classification.reason.render("en") == (
        "total 9.5 is below 10, the minimum for average: no class"
    )


# Kills "assessor_input is not None" -> "is None" in check_values: the assessor's points
# of a threshold item are checked against its maximum.
def test_the_assessor_points_of_a_threshold_item_are_checked() -> None:
    data = _two_vetoes()
    data["inputs"]["given2"] = {"type": "points", "vi": "Điểm", "en": "Points", "judgement": True}
    data["items"][0]["items"][1]["rule"].update(otherwise="assessor", assessor_input="given2")
    with pytest.raises(InputError) as caught:
        _score({**FULL2, "given2": 5}, data)
    assert caught.value.path == "X.values.given2"
    assert _score({**FULL2, "given2": 3}, data).total == 20


# Kills "r.depth == 0" -> "!=" and the start of the sum in score(): only top-level items
# make the total and the missing list.
def test_the_total_counts_top_level_items_once() -> None:
    result = _score({**FULL2, "flag": None})
    assert result.status is ScoreStatus.INCOMPLETE
    assert (result.low, result.high) == (16, 20)
    assert result.missing == ("flag",)
    top_level = _score({**FULL2, "given": None})  # item 4, a leaf at the top
    assert top_level.missing == ("given",)
    assert (top_level.low, top_level.high) == (16, 20)


# Kills "date(year, 12, 31) < valid_from" -> "<=" and the 31 moved in score(): a sheet signed
# on the last day of a rating year scores that year; one signed the day after does not.
def test_a_sheet_signed_on_the_last_day_of_the_year_scores_that_year() -> None:
    on_the_day = {**_two_vetoes(), "valid_from": "2025-12-31"}
    assert _score(FULL2, on_the_day).unit_id == "X"
    next_day = {**_two_vetoes(), "valid_from": "2026-01-01"}
    with pytest.raises(InputError) as caught:
        _score(FULL2, next_day)
    assert caught.value.path == "X.year"


# --- checks: incidents on the bounds of the period ------------------------------------------

# Kills "start <= date <= end" -> "date < end" (and "start < date") in the decide() of
# ExcusedOnlyByForceMajeure, SeriousCrimesExcused and NoIncidents, and in in_period(): an
# event on the last day of the period counts, one the day after does not.


def _bounds(kind: UnitKind) -> list[tuple[str, bool]]:
    """(day, inside the 2024 period) for the days on and next to both bounds."""
    start, end = PERIOD_2024[kind]
    one = timedelta(days=1)
    return [
        ((start - one).isoformat(), False),
        (start.isoformat(), True),
        (end.isoformat(), True),
        ((end + one).isoformat(), False),
    ]


BOUNDS = [
    pytest.param(kind, day, inside, id=f"{kind.code}-{day}")
    for kind in (RA, COMMUNE, AGENCY)
    for day, inside in _bounds(kind)
]


@pytest.mark.parametrize(("kind", "day", "inside"), BOUNDS)
def test_force_majeure_check_on_the_bounds_of_the_period(
    kind: UnitKind, day: str, inside: bool
) -> None:
    refused = incident("serious_fire_explosion", day, force_majeure=False)
    result = result_of(verdict_of(kind, incidents=[refused]), "no-serious-accident")
    shown = date.fromisoformat(day).strftime("%d/%m/%Y")
    if inside:
        assert result.outcome is NOT_MET
        assert result.reason.render("en") == f"1 not due to force majeure, on {shown}"
    else:
        assert result.outcome is MET
        assert result.reason.render("en").startswith("none in the period")
    unassessed = incident("serious_fire_explosion", day, id="E-1")
    result = result_of(verdict_of(kind, incidents=[unassessed]), "no-serious-accident")
    assert result.outcome is (UNKNOWN if inside else MET)
    assert result.missing == (("incidents[E-1].force_majeure",) if inside else ())


@pytest.mark.parametrize(("kind", "day", "inside"), BOUNDS)
def test_serious_crime_check_on_the_bounds_of_the_period(
    kind: UnitKind, day: str, inside: bool
) -> None:
    refused = crime("rat_nghiem_trong", day, force_majeure=False, timely_detected=False)
    result = result_of(verdict_of(kind, incidents=[refused]), "no-serious-crime")
    assert result.outcome is (NOT_MET if inside else MET)
    if not inside:
        assert result.reason.render("en").startswith(
            "no crime of serious gravity or above in the period"
        )


@pytest.mark.parametrize(("kind", "day", "inside"), BOUNDS)
def test_no_incident_check_on_the_bounds_of_the_period(
    kind: UnitKind, day: str, inside: bool
) -> None:
    event = incident("unlawful_religion", day)
    result = result_of(verdict_of(kind, incidents=[event]), "no-unlawful-religion")
    assert result.outcome is (NOT_MET if inside else MET)


# --- roll-up: bounds exactly on 70%, TT 23 with unknown units, exact errors -------------------

# The bound tests elsewhere use 25 units, where 70% cannot occur. These kill, in
# UnitCounts.recognised_value: ">=" -> ">" on the lower bound, "<" -> "<=" on the upper,
# and either 100 moved by one.


@pytest.mark.parametrize(
    ("met", "unknown", "not_met", "value", "expected"),
    [
        (7, 2, 1, 7, MET),  # 7..9 of 10: the lower bound is exactly 70%
        (6, 1, 3, None, UNKNOWN),  # 6..7 of 10: the upper bound is exactly 70%
        (6, 0, 4, 6, NOT_MET),  # 60%, exact
        (70, 5, 26, None, UNKNOWN),  # 70..75 of 101: 69.3% .. 74.3%
        (69, 0, 32, 69, NOT_MET),  # 69 of 101 = 68.3%, exact
        (64, 5, 30, 69, NOT_MET),  # 64..69 of 99: even 69 = 69.7% fails
        (70, 5, 25, 70, MET),  # 70..75 of 100: the lower bound is exactly 70%
    ],
)
def test_a_roll_up_bound_exactly_on_seventy_percent(
    met: int, unknown: int, not_met: int, value: int | None, expected: Outcome
) -> None:
    verdicts = units(met, not_met, unknown)
    counts = commune_counts(verdicts, commune_id=X, instrument=TT124)
    assert counts.total == met + unknown + not_met
    assert (counts.recognised_min, counts.recognised_max) == (met, met + unknown)
    assert counts.recognised_value() == value
    verdict = rolled(verdicts)
    assert outcome_of(verdict, RECOGNISED) is expected


# Kills, in commune_counts, the TT 23 branch losing units of unknown outcome (they must
# widen the bounds, with no registration count since TT 23 has no such rule).
def test_a_tt23_roll_up_with_units_of_unknown_outcome() -> None:
    verdicts = [
        *units(13, 4, 3, instrument=TT23),
        unit("CQ1", UNKNOWN, kind=AGENCY, instrument=TT23),  # not counted by TT 23
    ]
    counts = commune_counts(verdicts, commune_id=X, instrument=TT23)
    assert counts.total == 20
    assert (counts.recognised_min, counts.recognised_max) == (13, 16)  # 65% .. 80%
    assert counts.recognition_unknown == ("U017", "U018", "U019")
    assert counts.not_counted == ("CQ1",)
    assert counts.registered_min is None and counts.registered_max is None
    assert counts.registration_unknown == () and counts.not_registered == ()
    assert not counts.exact
    assert counts.recognised_value() is None
    assert counts.registered_value() is None
    text = counts.explain("en")
    assert "recognised: 13 to 16 (3 unit(s) with an unknown verdict)" in text
    assert "registered:" not in text


def test_a_tt23_roll_up_decided_by_its_lower_bound() -> None:
    counts = commune_counts(units(15, 4, 2, instrument=TT23), commune_id=X, instrument=TT23)
    assert (counts.total, counts.recognised_min, counts.recognised_max) == (21, 15, 17)
    assert counts.recognised_value() == 15  # 15/21 = 71.4% already passes
    assert counts.exact is False


# Kills "registered_min is not None or registered_max is not None" -> "and" in
# UnitCounts and _check_bounds, and the bounds moved by one: each gives its own error.
@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"total": 0}, "UnitCounts.total", "must be > 0"),
        ({"total": -1}, "UnitCounts.total", "must be > 0"),
        ({"recognised_min": -1}, "UnitCounts.recognised_min", "need 0 <= recognised_min"),
        ({"recognised_max": 6}, "UnitCounts.recognised_min", "recognised_max <= total (5)"),
        ({"registered_max": None}, "UnitCounts.registered_min", "need 0 <= registered_min"),
        ({"registered_min": None}, "UnitCounts.registered_min", "need 0 <= registered_min"),
        ({"registered_min": -1}, "UnitCounts.registered_min", "need 0 <= registered_min"),
        ({"registered_max": 6}, "UnitCounts.registered_min", "registered_max <= total (5)"),
    ],
)
def test_each_bad_count_has_its_own_error(changes: dict[str, Any], path: str, message: str) -> None:
    fields: dict[str, Any] = {
        "commune_id": X,
        "year": YEAR,
        "instrument": TT124,
        "total": 5,
        "recognised_min": 3,
        "recognised_max": 4,
        "registered_min": 4,
        "registered_max": 5,
    }
    fields.update(changes)
    with pytest.raises(InputError) as caught:
        UnitCounts(**fields)
    assert caught.value.path == path
    assert message in caught.value.message


def test_the_bounds_may_touch_zero_and_the_total() -> None:
    counts = UnitCounts(
        commune_id=X,
        year=YEAR,
        instrument=TT124,
        total=5,
        recognised_min=0,
        recognised_max=5,
        registered_min=0,
        registered_max=5,
    )
    assert counts.recognised_value() is None and counts.registered_value() is None
    only_min = UnitCounts(
        commune_id=X, year=YEAR, instrument=TT23, total=1, recognised_min=1, recognised_max=1
    )
    assert only_min.exact and only_min.recognised_value() == 1


# Kills "self.lost is None" -> "is not None" in UnitCounts.registered_value and the lost
# line of explain() ("  " + ... -> "-"): an exact count stands only while no unit is lost,
# and the loss is said.
def test_an_exact_registration_stands_only_while_no_unit_is_lost() -> None:
    fields: dict[str, Any] = {
        "commune_id": X,
        "year": YEAR,
        "instrument": TT124,
        "total": 5,
        "recognised_min": 4,
        "recognised_max": 4,
        "registered_min": 5,
        "registered_max": 5,
    }
    whole = UnitCounts(**fields)
    assert whole.registered_value() == 5 and whole.recognised_value() == 4
    lost = Reason(template=Text(vi="mất một đơn vị", en="one unit could not be read"))
    partial = UnitCounts(**fields, lost=lost)
    assert partial.registered_value() is None and partial.recognised_value() is None
    assert "  one unit could not be read" in partial.explain("en").splitlines()
    assert "could not be read" not in whole.explain("en")


# Kills "and" -> "or" in rollup._decided: a verdict explained by a caller's own
# factory (not the engine's, with both a rule set and a context) is read from its results.
@pytest.mark.parametrize("has", ["rule_set", "context"])
def test_a_registration_read_from_a_callers_own_explanation(has: str) -> None:
    from antq.core.verdict import Verdict
    from antq.safety import rollup

    made = unit("U-1", NOT_MET, registration=NOT_MET)
    rule_set = default_rulebook().get("tt124.residential-area")
    context = _context(RA)

    class Factory:
        """Builds the results when asked; carries only one of what the engine's carries."""

        def __init__(self) -> None:
            setattr(self, has, rule_set if has == "rule_set" else context)

        def __call__(self) -> Any:
            return made.eligibility, made.results

    verdict = attrs.evolve(made, results=None, explanation=Factory())
    assert isinstance(verdict, Verdict)
    assert rollup._decided(verdict, scope=False) is NOT_MET


# Kills the 100 of the share forms moved by one: a 100% rule reads 100 as data.
def test_the_hundred_percent_rules_as_data() -> None:
    assert AllOf(i.HOUSEHOLDS_REGISTERED, i.HOUSEHOLDS_RESIDENT).describe() == {
        "form": "share_at_least",
        "part": "households_registered",
        "whole": "households_resident",
        "percent": 100,
        "if_whole_is_zero": "error",
    }
    assert UnitsRegistered(i.UNITS_REGISTERED, i.UNITS_TOTAL).describe() == {
        "form": "units_share_at_least",
        "counts": "registered",
        "percent": 100,
        "stated": {"part": "units_registered", "whole": "units_total"},
    }


# Kills "not isinstance(...) or not commune_id.strip()" -> "and": a blank id is refused.
@pytest.mark.parametrize("commune_id", ["", "   "])
def test_a_blank_commune_id_is_refused(commune_id: str) -> None:
    with pytest.raises(InputError) as caught:
        commune_counts(units(1), commune_id=commune_id, instrument=TT124)
    assert caught.value.path == "commune_id"
    assert caught.value.message == "must be a non-empty string"


# Kills each check of RollupRule.__attrs_post_init__: a rule made wrongly is refused with
# its own message, and the edges (1% and 100%) are allowed.
def _rule(**changes: Any) -> RollupRule:
    fields: dict[str, Any] = {
        "instrument": "T",
        "counted_kinds": frozenset({RA}),
        "registration_required": False,
        "share_percent": 70,
        "citation": cite(TT23, 6, 4),
        "inputs": None,
    }
    fields.update(changes)
    return RollupRule(**fields)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"counted_kinds": frozenset()}, "counted kinds must be unit kinds under a commune"),
        ({"counted_kinds": frozenset({RA, COMMUNE})}, "counted kinds must be unit kinds"),
        ({"share_percent": 0}, "share must be 1-100%"),
        ({"share_percent": 101}, "share must be 1-100%"),
        (
            {
                "inputs": RollupInputs(
                    total=i.UNITS_TOTAL,
                    recognised=i.UNITS_RECOGNISED,
                    registered=i.UNITS_REGISTERED,
                )
            },
            "a registered-count input is needed exactly when registration is required",
        ),
        (
            {
                "registration_required": True,
                "inputs": RollupInputs(total=i.UNITS_TOTAL, recognised=i.UNITS_RECOGNISED),
            },
            "a registered-count input is needed exactly when registration is required",
        ),
    ],
)
def test_a_wrong_roll_up_rule_is_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(DefinitionError) as caught:
        _rule(**changes)
    assert str(caught.value) == f"roll-up of T: {message}" or message in str(caught.value)
    assert str(caught.value).startswith("roll-up of T: ")


@pytest.mark.parametrize("share", [1, 100])
def test_a_roll_up_rule_at_the_edges_is_allowed(share: int) -> None:
    assert _rule(share_percent=share).share_percent == share
    both = _rule(
        registration_required=True,
        inputs=RollupInputs(
            total=i.UNITS_TOTAL, recognised=i.UNITS_RECOGNISED, registered=i.UNITS_REGISTERED
        ),
    )
    assert both.registration_required
    assert _rule(registration_required=True).inputs is None  # inputs unknown: not checked


# --- KNC: a commendation dated on the proposal day -------------------------------------------

# Kills "c.on <= ctx.on" -> "<" in _check_commendation: a commendation given on the day
# of the proposal counts; one given the day after does not.


@pytest.mark.parametrize(
    ("on", "condition"),
    [(LAST_TT11, "knc21.leader.commendation"), (FIRST_TT20, "knc25.leader.commendation")],
)
def test_a_commendation_dated_on_the_proposal_day_counts(on: date, condition: str) -> None:
    def commended(day: date) -> Outcome:
        person = leader(
            "2010-01-01", commendations=(Commendation(level=CommendationLevel.STATE, on=day),)
        )
        return knc_eligibility(person, on).result(condition).outcome

    assert commended(on) is MET
    assert commended(on + timedelta(days=1)) is NOT_MET
    assert commended(on - timedelta(days=1)) is MET


# --- checks: the gap to pass, what is named, what is noted -----------------------------------


def _context(kind: UnitKind, **overrides: Any) -> Context:
    facts = facts_of(kind, **overrides)
    rule_set = default_rulebook().select(facts.kind, facts.year)
    return Context(
        facts=facts,
        period=rule_set.period_for(facts.year),
        parameters=rule_set.resolved_parameters(),
    )


# Kills "whole - part" -> "+" (AllOf) and "minimum - value" -> "+" (AtLeast) in the gap.
def test_the_gap_to_pass_is_the_difference() -> None:
    short = result_of(verdict_of(RA, households_registered=118), "households-registered")
    assert short.outcome is NOT_MET
    assert short.reason.render("en") == "118/120 = 98.3% < 100%: 2 more needed"
    context = _context(COMMUNE, effective_models=1)
    found = AtLeast(i.EFFECTIVE_MODELS, 3)(context)
    assert found.outcome is NOT_MET
    assert found.reason.render("en") == "1 < 3: 2 more needed"
    assert AtLeast(i.EFFECTIVE_MODELS, 3).decide(context) is NOT_MET
    assert AtLeast(i.EFFECTIVE_MODELS, 1)(context).reason.render("en") == "1 ≥ 1"


# Kills the 100 of "100 * part >= threshold * whole" and of the gap moved by one: 69 of 99
# is 69.6% shown (fails 70%), and the gap is rounded up from threshold x whole / 100.
@pytest.mark.parametrize(
    ("part", "whole", "outcome", "reason"),
    [
        (69, 99, NOT_MET, "69/99 = 69.7% < 70%: 1 more needed"),
        (50, 99, NOT_MET, "50/99 = 50.5% < 70%: 20 more needed"),
        (5, 10, NOT_MET, "5/10 = 50% < 70%: 2 more needed"),
        (70, 100, MET, "70/100 = 70% ≥ 70%"),
    ],
)
def test_share_at_least_on_and_near_the_threshold(
    part: int, whole: int, outcome: Outcome, reason: str
) -> None:
    context = _context(COMMUNE, units_recognised=part, units_total=whole, units_registered=whole)
    check = ShareAtLeast(i.UNITS_RECOGNISED, i.UNITS_TOTAL, 70)
    assert check.decide(context) is outcome
    found = check(context)
    assert (found.outcome, found.reason.render("en")) == (outcome, reason)


# Kills the value reported for an empty total: the error names 0, the value given.
def test_an_empty_total_is_refused_with_its_value() -> None:
    context = _context(COMMUNE, units_recognised=0, units_total=0, units_registered=0)
    check = ShareAtLeast(i.UNITS_RECOGNISED, i.UNITS_TOTAL, 70)
    for call in (check, check.decide):
        with pytest.raises(InputError) as caught:
            call(context)
        assert caught.value.value == 0
        assert caught.value.message == "must be > 0: a share of an empty total is undefined"


# Kills "and" -> "or" in in_period(): the count and dates name only this category's events
# inside the period.
def test_the_events_named_are_of_the_category_and_in_the_period() -> None:
    events = [
        incident("unlawful_religion", "2024-03-02"),
        incident("separatism", "2024-03-03"),  # another category, inside
        incident("unlawful_religion", "2022-01-05"),  # this category, outside
    ]
    result = result_of(verdict_of(RA, incidents=events), "no-unlawful-religion")
    assert result.outcome is NOT_MET
    assert result.reason.render("en") == (
        "1 in the period 01/11/2023 – 31/10/2024, on 02/03/2024;"
        " not counted, dated outside the period: 05/01/2022"
    )


# Kills the filters of noting_outside(): only this category's events outside the period
# are noted, and only serious crimes for the serious-crime item.
def test_events_outside_the_period_are_noted_for_their_own_criterion_only() -> None:
    verdict = verdict_of(RA, incidents=[incident("separatism", "2022-01-05")])
    assert result_of(verdict, "no-separatism").reason.render("en") == (
        "none in the period 01/11/2023 – 31/10/2024;"
        " not counted, dated outside the period: 05/01/2022"
    )
    assert result_of(verdict, "no-unlawful-religion").reason.render("en") == (
        "none in the period 01/11/2023 – 31/10/2024"
    )
    light = verdict_of(RA, incidents=[crime("it_nghiem_trong", "2022-01-05")])
    assert result_of(light, "no-serious-crime").reason.render("en") == (
        "no crime of serious gravity or above in the period"
    )
    grave = verdict_of(RA, incidents=[crime("rat_nghiem_trong", "2022-01-05")])
    assert result_of(grave, "no-serious-crime").reason.render("en") == (
        "no crime of serious gravity or above in the period;"
        " not counted, dated outside the period: 05/01/2022"
    )


# Kills only_serious=True -> False in SeriousCrimesExcused.__call__: with a serious crime
# in the period, a lesser crime dated outside it is not noted (it is not this item's).
def test_a_lesser_crime_outside_the_period_is_not_noted_for_the_serious_crime_item() -> None:
    events = [
        crime("rat_nghiem_trong", "2024-03-02", force_majeure=True),
        crime("it_nghiem_trong", "2022-01-05"),
    ]
    result = result_of(verdict_of(RA, incidents=events), "no-serious-crime")
    assert result.outcome is MET
    assert result.reason.render("en") == (
        "1 crime(s) of serious gravity or above, each excused (force majeure, or detected"
        " in time, mitigated and reported at once)"
    )


# Kills the early "both periods are zero" branch of OffencesReduced.__call__ moved away.
def test_no_offences_in_either_period_is_said_so() -> None:
    zero = {"crimes": 0, "social_evils": 0, "other_violations": 0}
    result = result_of(
        verdict_of(RA, offences_current=zero, offences_previous=zero), "offences-reduced"
    )
    assert result.outcome is MET
    assert result.reason.render("en") == (
        "no offences in this period or the previous one (0/0): treated as met by default"
        " (parameter prev_year_both_zero); not confirmed by the legal text"
    )


# Kills "or" -> "and" in TitleOrGrade.decide and the label of the missing input: a title
# unknown with a grade below the minimum is undecided, and names the title.
def test_title_unknown_and_grade_too_low_is_undecided() -> None:
    changes = {"security_force_advanced_collective": None, "security_force_grade": "hoan_thanh"}
    context = _context(AGENCY, **changes)
    check = TitleOrGrade(
        i.SECURITY_FORCE_ADVANCED, i.SECURITY_FORCE_GRADE, TaskGrade.HOAN_THANH_TOT
    )
    assert check.decide(context) is UNKNOWN
    found = check(context)
    assert found.outcome is UNKNOWN
    assert found.missing == ("security_force_advanced_collective",)
    label = i.SECURITY_FORCE_ADVANCED.label.render("en")
    assert found.reason.render("en") == f"not enough information: missing {label}"


# Kills the conditions of TopicsCovered's list: only the required topics not covered.
def test_the_topics_not_covered_are_named() -> None:
    topics = [t for t in AGENCY_TOPICS if t != "state_secrets"]
    result = result_of(verdict_of(AGENCY, internal_rules_topics=topics), "internal-rules")
    assert result.outcome is NOT_MET
    lacking = InternalRulesTopic.from_code("state_secrets").label_en
    assert result.reason.render("en") == f"1 required topic(s) not covered: {lacking}"


# Kills the bounds of the TT 23 threshold parameter: 1-100 are whole percentages.
@pytest.mark.parametrize(("threshold", "ok"), [(0, False), (1, True), (100, True), (101, False)])
def test_the_tt23_share_parameter_is_a_whole_percentage(threshold: int, ok: bool) -> None:
    check = ShareAtLeastParameter(i.UNITS_RECOGNISED, i.UNITS_TOTAL, _THRESHOLD)
    context = _context(COMMUNE, units_recognised=70, units_total=100, units_registered=100)
    context = attrs.evolve(context, parameters={**context.parameters, _THRESHOLD.name: threshold})
    if ok:
        assert check.decide(context) is (MET if threshold <= 70 else NOT_MET)
    else:
        with pytest.raises(InputError) as caught:
            check.decide(context)
        assert caught.value.path == f"parameters.{_THRESHOLD.name}"
        assert caught.value.message == "expected a whole percentage 1-100"


# Kills best[0] -> best[-1] in TitleAtLeast: the first qualifying title is the one named.
def test_the_first_qualifying_title_is_named() -> None:
    titles = (
        EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN,
        EmulationTitle.TAP_THE_LAO_DONG_XUAT_SAC,
    )
    facts = UnitFacts(
        unit_id="X", kind=COMMUNE, year=2012, values={"commune_police_titles": titles}
    )
    context = Context(facts=facts, period=Period.year(2012), parameters={})
    check = TitleAtLeast(tt23_inputs.COMMUNE_POLICE_TITLES, EmulationTitle.DON_VI_TIEN_TIEN)
    found = check(context)
    assert found.outcome is MET
    first = EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN.label_en
    minimum = EmulationTitle.DON_VI_TIEN_TIEN.label_en
    assert found.reason.render("en") == f"earned '{first}', at least '{minimum}'"


# --- KNC: days on the bounds, the best commendation, empty counts -----------------------------


# Kills "start <= end" -> "<" in ServicePeriod.served and LeadershipPeriod.served, and
# min() -> max() of the end: a period starting on the day counts one day, and a period
# is cut at the day.
def test_a_period_served_up_to_the_day() -> None:
    day = date(2025, 6, 1)
    guard = ServicePeriod(role=ServiceRole.TEAM_MEMBER, start=day, end=None, area=AreaType.ORDINARY)
    assert guard.served(day) == Period(start=day, end=day)
    assert guard.served(day - timedelta(days=1)) is None
    later = LeadershipPeriod(
        position=LeaderPosition.GOVERNMENT, start=date(2010, 1, 1), end=date(2030, 1, 1)
    )
    assert later.served(day) == Period(start=date(2010, 1, 1), end=day)
    same_day = LeadershipPeriod(position=LeaderPosition.GOVERNMENT, start=day, end=None)
    assert same_day.served(day) == Period(start=day, end=day)
    assert same_day.served(day - timedelta(days=1)) is None


# Kills "p.start <= ctx.on" -> "<" in the category checks: a role taken up on the
# proposal day puts the person in the category.
def test_a_role_taken_up_on_the_proposal_day_counts_for_the_category() -> None:
    on = date(2025, 6, 1)
    member = clean_candidate(
        service=(ServicePeriod(role=ServiceRole.TEAM_MEMBER, start=on, area=AreaType.ORDINARY),)
    )
    assert knc_eligibility(member, on).result("knc25.team.category").outcome is MET
    guard = clean_candidate(
        service=(
            ServicePeriod(role=ServiceRole.PART_TIME_COMMUNE_POLICE, start=LAST_TT11, area=None),
        )
    )
    answer = knc_eligibility(guard, LAST_TT11)
    assert answer.result("knc21.grassroots.category").outcome is MET
    head = clean_candidate(
        leadership=(LeadershipPeriod(position=LeaderPosition.GOVERNMENT, start=LAST_TT11),)
    )
    assert knc_eligibility(head, LAST_TT11).result("knc21.leader.category").outcome is MET
    tomorrow = LAST_TT11 + timedelta(days=1)
    late = clean_candidate(
        leadership=(LeadershipPeriod(position=LeaderPosition.GOVERNMENT, start=tomorrow),)
    )
    assert knc_eligibility(late, LAST_TT11).result("knc21.leader.category").outcome is NOT_MET


# Kills max() -> min() over the commendations: the highest one decides, in any order.
@pytest.mark.parametrize("reverse", [False, True])
def test_the_highest_commendation_decides(reverse: bool) -> None:
    given = [
        Commendation(level=CommendationLevel.COMMUNE, on=date(2019, 1, 1)),
        Commendation(level=CommendationLevel.STATE, on=date(2020, 1, 1)),
    ]
    if reverse:
        given.reverse()
    person = leader("2010-01-01", commendations=tuple(given))
    result = knc_eligibility(person, LAST_TT11).result("knc21.leader.commendation")
    assert result.outcome is MET
    assert CommendationLevel.STATE.label_en in result.reason.render("en")


# Kills the zeros of an empty count moved by one, and "w > 0" -> ">=".
def test_no_service_counts_nothing() -> None:
    nothing = ServiceCount(months=0, days=0, doubled_days=0)
    assert count_service([]) == nothing
    span = Period(start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert count_service([(span, 0)]) == nothing


# Kills "months > 0" -> "> 1" and the day bounds of a run: less than a month across a
# month boundary is 0 months, a single day is one day.
def test_short_spans_count_days_not_months() -> None:
    short = count_service([(Period(start=date(2020, 1, 20), end=date(2020, 2, 5)), 1)])
    assert (short.months, short.days, short.doubled_days) == (0, 17, 0)
    one = count_service([(Period(start=date(2020, 3, 1), end=date(2020, 3, 1)), 2)])
    assert (one.months, one.days, one.doubled_days) == (0, 1, 1)
    month = count_service([(Period(start=date(2020, 1, 20), end=date(2020, 2, 19)), 1)])
    assert (month.months, month.days) == (1, 31)
    adjacent = count_service(
        [
            (Period(start=date(2020, 1, 1), end=date(2020, 1, 31)), 1),
            (Period(start=date(2020, 2, 1), end=date(2020, 2, 29)), 1),
        ]
    )
    assert (adjacent.months, adjacent.days) == (2, 60)


# Kills the months first guessed for a run ending on 31/12/9999 moved down (the year of the
# day after it), and the day after the calendar read as no later than the run's end
# (after + 1 -> after - 1 or after): the count is exact to the last day of the calendar, and
# so are the days left over (17 here, which with 20 more make a pooled month of 31 days).
def test_service_up_to_the_last_day_of_the_calendar() -> None:
    last = date.max
    late_start = Period(start=date(9999, 1, 15), end=last)
    alone = count_service([(late_start, 1)])
    assert (alone.months, alone.days) == (11, 351)  # to 14/12/9999, and 17 days
    twenty = Period(start=date(2000, 1, 1), end=date(2000, 1, 20))
    assert count_service([(late_start, 1), (twenty, 1)]).months == 12
    short = Period(start=date(2000, 1, 1), end=date(2000, 1, 29))  # 29 days: no month
    year = count_service([(Period(start=date(9999, 1, 1), end=last), 1), (short, 1)])
    assert (year.months, year.days) == (12, 365 + 29)


# Kills the merging of touching runs of the same weight moved to another run (runs[-1] ->
# runs[0], and runs[-1][1] -> [0]): February 2021 given in two halves, after a day of
# double-weighted service, is one whole month, not 28 + 2 pooled days.
def test_touching_spans_of_the_same_weight_make_one_run() -> None:
    halves = [
        (Period(start=date(2021, 2, 1), end=date(2021, 2, 14)), 1),
        (Period(start=date(2021, 2, 15), end=date(2021, 2, 28)), 1),
    ]
    assert count_service(halves) == ServiceCount(months=1, days=28, doubled_days=0)
    one_day = (Period(start=date(2021, 1, 5), end=date(2021, 1, 5)), 2)
    assert count_service([one_day, *halves]) == ServiceCount(months=1, days=29, doubled_days=1)


# Kills "start > period.end" -> ">=" in _clip: a restart on a period's last day keeps that day.
def test_a_restart_on_the_last_day_of_a_period_keeps_that_day() -> None:
    from antq.emulation.awards.knc.service import _clip

    period = Period(start=date(2020, 1, 1), end=date(2020, 1, 31))
    assert _clip(period, date(2020, 1, 31)) == Period(
        start=date(2020, 1, 31), end=date(2020, 1, 31)
    )
    assert _clip(period, date(2020, 2, 1)) is None
    assert _clip(period, date(2020, 1, 1)) == period


# Kills "counted is None" -> "is not None" for team service under TT 11: once the parameter
# is set, only what is still open (the restart after discipline) is named as missing.
def test_team_service_counted_under_tt11_is_not_named_missing() -> None:
    from tests.emulation.awards.test_knc import KNC_TT11, serve

    person = clean_candidate(
        sex=Sex.MALE,
        service=(
            serve(ServiceRole.STREET_GUARD, "2005-01-01", "2024-06-30"),
            serve(ServiceRole.TEAM_MEMBER, "2024-07-01"),
        ),
        discipline=(span("2012-01-01", "2012-12-31"),),
    )
    for choice in ("counted", "not_counted"):
        rules = KNC_TT11.with_parameters(knc21_team_service=choice)
        result = knc_eligibility(person, LAST_TT11, rules=rules).result("knc21.grassroots.service")
        assert result.outcome is UNKNOWN
        assert result.missing == ("parameter:knc21_discipline_restart",)


# --- periods: the last years of the calendar, touching spans, one-day windows ---------------


# Kills, in _shift, the month arithmetic moved by one and "<= MAXYEAR" -> "<": the year
# check is exact at both ends of the calendar.
def test_shifts_reach_the_last_month_of_the_calendar() -> None:
    assert add_months(date(9999, 11, 30), 1) == date(9999, 12, 30)
    assert add_months(date(9999, 1, 1), 11) == date(9999, 12, 1)
    assert add_years(date(9998, 12, 1), 1) == date(9999, 12, 1)
    assert add_months(date(1, 2, 1), -1) == date(1, 1, 1)


@pytest.mark.parametrize(
    ("shift", "path", "message"),
    [
        (lambda: add_years(date(9999, 1, 1), 1), "years", "9999-01-01 +1 year(s)"),
        (lambda: add_months(date(9999, 12, 1), 1), "months", "9999-12-01 +1 month(s)"),
        (lambda: add_months(date(1, 1, 1), -1), "months", "0001-01-01 -1 month(s)"),
    ],
)
def test_shifts_past_the_calendar_are_input_errors(shift: Any, path: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        shift()
    assert caught.value.path == path
    assert caught.value.message == f"{message} leaves the years 1–9999"


# Kills "> 1" -> "> 0" days between spans: touching periods make one span.
def test_touching_periods_make_one_span() -> None:
    span = Period.span(Period.year(2018), Period.half(2019, 1))
    assert str(span) == "2018-01-01/2019-06-30"
    assert Period.span(Period.half(2019, 2), Period.half(2019, 1)) == Period.year(2019)


# Kills the first day of Period.month moved.
def test_a_month_starts_on_its_first_day() -> None:
    assert str(Period.month(2024, 2)) == "2024-02-01/2024-02-29"
    assert str(Period.quarter(2024, 4)) == "2024-10-01/2024-12-31"


# Kills "start > end" -> ">=": a window of one day within one year is allowed.
def test_a_one_day_annual_window() -> None:
    window = AnnualWindow(
        start_month=5, start_day=1, end_month=5, end_day=1, starts_in_previous_year=False
    )
    assert str(window.period_for(2024)) == "2024-05-01/2024-05-01"


# Kills eq=False -> True on the window's cache: using a window does not change equality.
def test_a_used_window_equals_an_unused_one() -> None:
    def make() -> AnnualWindow:
        return AnnualWindow(
            start_month=11, start_day=16, end_month=11, end_day=15, starts_in_previous_year=True
        )

    used, fresh = make(), make()
    used.period_for(2024)
    assert used == fresh and hash(used) == hash(fresh)


# --- formatting: signs, exact decimals, date errors ------------------------------------------


# Kills "scaled < 0" -> "< -1" (_render) and "< 0" -> "< 1" / "< -1" (_round_half_up).
def test_small_negative_values_keep_their_sign() -> None:
    assert format_scaled(-1, 1) == "-0,1"
    assert format_scaled(-10, 1, "en") == "-1.0"
    assert format_number(Fraction(-1, 2), decimals=0) == "-1"
    assert format_number(Fraction(1, 2), decimals=0) == "1"
    assert format_number(Fraction(-1, 4), "en", decimals=1) == "-0.3"


# Kills each constant of _terminating_decimals: the exact number of digits of 2^a 5^b.
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(1, 8), "0.125"),
        (Fraction(3, 20), "0.15"),
        (Fraction(1, 16), "0.0625"),
        (Fraction(1, 5), "0.2"),
        (Fraction(1, 125), "0.008"),
        (Fraction(7, 2), "3.5"),
        (Fraction(4, 1), "4"),
    ],
)
def test_fractions_are_written_with_exactly_their_digits(value: Fraction, text: str) -> None:
    assert format_number(value, "en") == text


def test_a_fraction_with_no_finite_expansion_needs_decimals() -> None:
    with pytest.raises(InputError) as caught:
        format_number(Fraction(1, 6), "en")
    assert caught.value.message == "has no finite decimal expansion; pass decimals= to round it"


# Kills "or" -> "and" in the type checks of _ratio and format_scaled.
@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: format_percent(True, 2), "numerator must be an int, not bool"),
        (lambda: format_percent(1.5, 2), "numerator must be an int, not float"),
        (lambda: format_percent(1, 2.0), "denominator must be an int, not float"),
        (lambda: format_scaled(True, 1), "scaled must be an int, not bool"),
        (lambda: format_scaled(1.5, 1), "scaled must be an int, not float"),
    ],
)
def test_wrong_types_are_named(call: Any, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        call()
    assert str(caught.value) == message


# Kills the bounds of _make_date: each invalid date gets its own reason.
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("30/02/0001", "day 30 does not exist in 02/0001"),
        ("01/01/0000", "year 0000 is out of range"),
        ("01/13/2024", "month 13 is not 1-12"),
        ("01/00/2024", "month 0 is not 1-12"),
    ],
)
def test_each_invalid_date_has_its_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, path="when")
    assert caught.value.path == "when"
    assert caught.value.message == f"{text!r} is not a valid date: {reason}"


# Kills "> MAX_NUMBER_LENGTH" -> ">=" and the language named in the error.
def test_number_length_limit_and_style_errors() -> None:
    assert parse_number("1" * MAX_NUMBER_LENGTH) == int("1" * MAX_NUMBER_LENGTH)
    with pytest.raises(InputError, match="at most 64 characters"):
        parse_number("1" * (MAX_NUMBER_LENGTH + 1))
    with pytest.raises(InputError) as vi:
        parse_number("1,2,3", "vi")
    assert vi.value.message.startswith("not a number in Vietnamese style")
    with pytest.raises(InputError) as en:
        parse_number("1.2.3", "en")
    assert en.value.message.startswith("not a number in English style")


# --- rule sets: how sure antq is of a reading ------------------------------------------------


# Kills if_any=True <-> False in the education and organisation rule sets: "nếu có" is in
# Điều 7 khoản 5 (confirmed), only antq's reading for Điều 6 khoản 4 (partial).
@pytest.mark.parametrize(
    ("rule_set", "confirmation"),
    [
        (tt124_education.RULE_SET, Confirmation.CONFIRMED),
        (tt124_organisations.AGENCY, Confirmation.PARTIAL),
        (tt124_organisations.ENTERPRISE, Confirmation.PARTIAL),
    ],
)
def test_the_security_force_items_say_how_sure_the_reading_is(
    rule_set: Any, confirmation: Confirmation
) -> None:
    found = {c.id: c for c in rule_set.all_criteria()}
    for item in ("security-force-rating", "security-force-discipline"):
        assert found[f"{rule_set.id}.{item}"].confirmation is confirmation


# Kills the day added to or taken from the discipline dates in the TT 20 reason.
def test_the_discipline_dates_are_the_end_and_the_day_after() -> None:
    ended = team_member(
        "2010-01-01", sex=Sex.FEMALE, discipline=(span("2014-06-01", "2015-05-31"),)
    )
    result = knc_eligibility(ended, date(2025, 5, 31)).result("knc25.discipline")
    assert result.reason.render("en") == (
        "the last discipline period ended on 31/05/2015: qualifying time counts from 01/06/2015"
    )
    running = team_member("2000-01-01", discipline=(span("2025-01-01", "2025-12-31"),))
    result = knc_eligibility(running, date(2025, 6, 1)).result("knc25.discipline")
    assert result.reason.render("en") == (
        "a discipline period runs until 31/12/2025: qualifying time counts only from 01/01/2026"
    )


# Kills the upper weight of service in an area of unknown type moved from 2 (it may be a
# border or island area, counted twice, and no more).
def test_service_in_an_area_of_unknown_type_counts_once_to_twice() -> None:
    person = clean_candidate(
        service=(
            ServicePeriod(
                role=ServiceRole.STREET_GUARD,
                start=date(2015, 1, 1),
                end=date(2024, 6, 30),
                area=None,
            ),
            ServicePeriod(
                role=ServiceRole.TEAM_MEMBER, start=date(2024, 7, 1), area=AreaType.ORDINARY
            ),
        )
    )
    result = knc_eligibility(person, date(2025, 6, 1)).result("knc25.team.service")
    assert result.outcome is UNKNOWN
    assert result.missing == ("service[0].area",)
    assert result.reason.render("en") == (
        "between 10 years 5 months and 19 years 11 months counted up to 01/06/2025;"
        " 15 years (male) required; cannot decide without service[0].area"
    )


# Kills "or '-'" -> "and '-'" in _decide: the inputs that would decide are named.
def test_an_open_count_names_what_would_decide_it() -> None:
    person = leader("2000-01-01", discipline=None)
    result = knc_eligibility(person, date(2025, 6, 1)).result("knc25.leader.tenure")
    assert result.outcome is UNKNOWN
    assert result.missing == ("discipline",)
    assert result.reason.render("en") == (
        "between 0 months and 25 years 5 months counted up to 01/06/2025; 10 years required;"
        " cannot decide without discipline"
    )


# Kills the template choice of _decide: an exact count short of the threshold says "only".
def test_an_exact_count_short_of_the_threshold_says_only() -> None:
    result = knc_eligibility(leader("2022-01-01"), LAST_TT11).result("knc21.leader.tenure")
    assert result.outcome is NOT_MET
    assert result.reason.render("en") == (
        "only 3 years 3 months counted up to 27/04/2025; 5 years required"
    )


# Kills "or" -> "and" in _tenure_bounds: a position TT 20 does not list adds no tenure.
def test_a_position_outside_the_list_adds_no_tenure() -> None:
    person = clean_candidate(
        leadership=(
            LeadershipPeriod(
                position=LeaderPosition.EDUCATION_HEAD_NON_PUBLIC,
                start=date(2000, 1, 1),
                end=date(2019, 12, 31),
                phong_ban_or_above=True,
            ),
            LeadershipPeriod(
                position=LeaderPosition.GOVERNMENT,
                start=date(2020, 1, 1),
                phong_ban_or_above=True,
            ),
        ),
        commendations=(Commendation(level=CommendationLevel.STATE, on=date(2015, 8, 19)),),
    )
    result = knc_eligibility(person, date(2025, 6, 1)).result("knc25.leader.tenure")
    assert result.outcome is NOT_MET
    assert result.reason.render("en").startswith("only 5 years 5 months counted up to")


# Kills the merge of consecutive runs comparing with the first run (runs[0]) instead of
# the last: each run keeps its own weight, and adjacent runs of one weight are one run.
def test_runs_of_different_weights_keep_their_weights() -> None:
    spans = [
        (Period(start=date(2020, 1, 1), end=date(2020, 1, 31)), 1),
        (Period(start=date(2020, 2, 1), end=date(2020, 2, 29)), 2),
        (Period(start=date(2020, 3, 1), end=date(2020, 3, 31)), 1),
    ]
    assert count_service(spans) == ServiceCount(months=4, days=91, doubled_days=29)
    merged = [
        (Period(start=date(2020, 1, 1), end=date(2020, 1, 18)), 1),  # 18 days over
        (Period(start=date(2020, 3, 10), end=date(2020, 3, 31)), 1),
        (Period(start=date(2020, 4, 1), end=date(2020, 4, 20)), 1),  # one run with March
    ]
    assert count_service(merged) == ServiceCount(months=1, days=60, doubled_days=0)


# Kills "months > 0" -> "> 1" in _whole_months: less than a month is days, even when the
# calendar months differ (10/02 - 05/03: 25 days, plus 4 days elsewhere = 29 < 31).
def test_less_than_a_month_across_a_month_end_pools_as_days() -> None:
    spans = [
        (Period(start=date(2020, 2, 10), end=date(2020, 3, 5)), 1),
        (Period(start=date(2021, 3, 1), end=date(2021, 3, 4)), 1),
    ]
    assert count_service(spans) == ServiceCount(months=0, days=29, doubled_days=0)


# --- periods: the bounds of quarter and month numbers -----------------------------------


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: Period.quarter(2024, 0), "quarter"),
        (lambda: Period.quarter(2024, 5), "quarter"),
        (lambda: Period.month(2024, 0), "month"),
        (lambda: Period.month(2024, 13), "month"),
    ],
)
def test_quarter_and_month_numbers_out_of_range(make: Any, path: str) -> None:
    with pytest.raises(InputError) as caught:
        make()
    assert caught.value.path == path


def test_the_first_quarter_and_month() -> None:
    assert str(Period.quarter(2024, 1)) == "2024-01-01/2024-03-31"
    assert str(Period.month(2024, 1)) == "2024-01-01/2024-01-31"
    assert str(Period.month(2024, 12)) == "2024-12-01/2024-12-31"


# --- a few more, found by the full run ---------------------------------------------------------


# Kills failing[0] -> failing[-1] in OffencesReduced: the first category not reduced is named.
def test_the_first_category_not_reduced_is_named() -> None:
    rules = residential_area.RULE_SET.with_parameters(offence_scope="per_category")
    verdict = verdict_of(
        RA, rules=rules, offences_current=offences(3, 2, 2), offences_previous=offences(2, 1, 2)
    )
    result = result_of(verdict, "offences-reduced")
    assert result.outcome is NOT_MET
    assert result.reason.render("en") == (
        "crime: 3 this period against 2 before (read as: a strict decrease in each category)"
    )


# Kills "grade is not None" -> "is None" in TitleOrGrade: without the title, a good
# enough grade passes and is named.
def test_a_good_enough_grade_passes_without_the_title() -> None:
    verdict = verdict_of(
        AGENCY, security_force_advanced_collective=False, security_force_grade="hoan_thanh_tot"
    )
    result = result_of(verdict, "security-force-rating")
    assert result.outcome is MET
    assert result.reason.render("en") == (
        "rated 'completed tasks well', at least 'completed tasks well'"
    )


# Kills "or" -> "and" in _decide's template choice: an uncertain count short of the
# threshold says "at most", not "only".
def test_an_uncertain_count_short_of_the_threshold_says_at_most() -> None:
    person = clean_candidate(
        service=(ServicePeriod(role=ServiceRole.TEAM_MEMBER, start=date(2024, 7, 1), area=None),)
    )
    result = knc_eligibility(person, date(2025, 6, 1)).result("knc25.team.service")
    assert result.outcome is NOT_MET
    assert result.reason.render("en") == (
        "at most 1 year 10 months counted up to 01/06/2025, even with every unknown in favour;"
        " 15 years (male) required"
    )


# Kills, in UnitsRecognised (the commune's count of recognised units), the gap moved by
# one (the 100 of the rounding up) and the units "not" recognised counted wrongly.
@pytest.mark.parametrize(
    ("total", "low", "high", "reason"),
    [
        (10, 5, 5, "5 recognised, 5 not of 10: 50% < 70%: 2 more needed"),
        (99, 50, 50, "50 recognised, 49 not of 99: 50.5% < 70%: 20 more needed"),
        (10, 4, 6, "4 recognised, 4 not of 10: at most 60% < 70%: at least 3 more needed"),
    ],
)
def test_the_units_recognised_reason_counts_and_gap(
    total: int, low: int, high: int, reason: str
) -> None:
    counts = UnitCounts(
        commune_id=X,
        year=YEAR,
        instrument=TT124,
        total=total,
        recognised_min=low,
        recognised_max=high,
        registered_min=total,
        registered_max=total,
    )
    facts = UnitFacts(unit_id=X, kind=COMMUNE, year=YEAR, values={"unit_outcomes": counts})
    context = Context(facts=facts, period=Period.year(YEAR), parameters={})
    found = UnitsRecognised(i.UNITS_RECOGNISED, i.UNITS_TOTAL, 70)(context)
    assert found.outcome is NOT_MET
    assert found.reason.render("en") == reason


# -- which incidents an incident check can be changed by (a round keeps only those) ----------


def test_each_incident_check_reads_exactly_its_incidents() -> None:
    from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory
    from antq.safety.checks import ExcusedOnlyByForceMajeure, NoIncidents, SeriousCrimesExcused

    day = date(2025, 3, 1)
    fire = Incident(date=day, category=IncidentCategory.SERIOUS_FIRE_EXPLOSION)
    hotspot = Incident(date=day, category=IncidentCategory.NEW_ORDER_HOTSPOT)
    minor = Incident(
        date=day, category=IncidentCategory.CRIME, gravity=CrimeGravity.IT_NGHIEM_TRONG
    )
    serious = Incident(date=day, category=IncidentCategory.CRIME, gravity=CrimeGravity.NGHIEM_TRONG)
    hotspots = NoIncidents(frozenset({IncidentCategory.NEW_ORDER_HOTSPOT}))
    fires = ExcusedOnlyByForceMajeure(frozenset({IncidentCategory.SERIOUS_FIRE_EXPLOSION}))
    crimes = SeriousCrimesExcused()
    assert [hotspots.reads_incident(x) for x in (hotspot, fire, serious)] == [True, False, False]
    assert [fires.reads_incident(x) for x in (fire, hotspot, serious)] == [True, False, False]
    assert [crimes.reads_incident(x) for x in (serious, minor, fire)] == [True, False, False]
