"""A provincial extension (Thông tư 124/2021 Điều 8 khoản 1) and an optional grading layer."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from antq.core import evaluate
from antq.core.criterion import Context, Criterion, CriterionKind, Finding, finding
from antq.core.facts import UnitFacts
from antq.core.inputs import Input, boolean, count
from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Text
from antq.io.facts import unit_facts_from_dict
from antq.law.citation import cite
from antq.safety import default_rulebook
from antq.safety import inputs as i
from antq.safety.checks import AtLeast
from antq.safety.grading import (
    BASIS,
    AllMet,
    AtLeastMet,
    Grade,
    GradeBand,
    GradingLayer,
    ProvincialExtension,
    VerdictMet,
)
from antq.safety.tt124_2021 import article_5_commune as commune

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
BASE = commune.RULE_SET

# --- the province's own criterion: a new input, a small check, a citation --------------------------

CAMERAS = boolean(
    "quang_nam_camera_network",
    Text(
        vi="xã có hệ thống camera an ninh kết nối với Công an xã",
        en="the commune has a security-camera network linked to the commune police",
    ),
)


@attrs.frozen
class HasCameraNetwork:
    """The province's check: the camera network exists."""

    def __call__(self, context: Context) -> Finding:
        if context[CAMERAS]:
            return finding(MET, Text(vi="đã có hệ thống camera", en="camera network in place"))
        return finding(NOT_MET, Text(vi="chưa có hệ thống camera", en="no camera network"))


CAMERA_CRITERION = Criterion(
    id="quang-nam.camera-network",
    title=Text(
        vi="Có hệ thống camera an ninh kết nối với Công an xã",
        en="A security-camera network is linked to the commune police",
    ),
    citation=cite("124/2021/TT-BCA", 8, 1),
    kind=CriterionKind.BOOLEAN,
    inputs=(CAMERAS,),
    check=HasCameraNetwork(),
    note=Text(
        vi="tiêu chí do UBND tỉnh bổ sung",
        en="criterion added by the provincial People's Committee",
    ),
)

# --- grading criteria: they set the grade, never the verdict -----------------------------------------

COMMENDATIONS = count(
    "quang_nam_commendations",
    Text(vi="số lần được UBND tỉnh khen thưởng trong năm", en="provincial commendations this year"),
)
THREE_MODELS = Criterion(
    id="quang-nam.three-models",
    title=Text(vi="Có ít nhất 3 mô hình hoạt động hiệu quả", en="At least three effective models"),
    citation=BASIS,
    kind=CriterionKind.THRESHOLD,
    inputs=(i.EFFECTIVE_MODELS,),
    check=AtLeast(i.EFFECTIVE_MODELS, 3),
)
COMMENDED = Criterion(
    id="quang-nam.commended",
    title=Text(vi="Được UBND tỉnh khen thưởng", en="Commended by the province"),
    citation=BASIS,
    kind=CriterionKind.THRESHOLD,
    inputs=(COMMENDATIONS,),
    check=AtLeast(COMMENDATIONS, 1),
)
GRADING_IDS = ("quang-nam.three-models", "quang-nam.commended")

GRADING = GradingLayer(
    bands=(
        GradeBand(
            grade=Grade.XUAT_SAC,
            requires=(
                VerdictMet(),
                AllMet(criteria=(*GRADING_IDS, "quang-nam.camera-network")),
            ),
        ),
        GradeBand(grade=Grade.KHA, requires=(AtLeastMet(criteria=GRADING_IDS, minimum=1),)),
        GradeBand(grade=Grade.TRUNG_BINH),
    ),
    criteria=(THREE_MODELS, COMMENDED),
    source=Text(vi="Quảng Nam, đánh giá năm 2024", en="Quảng Nam, 2024 assessment"),
)

QUANG_NAM = ProvincialExtension(
    province="quang-nam", extra_criteria=(CAMERA_CRITERION,), grading=GRADING
)
EXTENDED = QUANG_NAM.apply(BASE)


def _offences(c: int, s: int, o: int) -> dict[str, int]:
    return {"crimes": c, "social_evils": s, "other_violations": o}


def commune_facts(**overrides: Any) -> UnitFacts:
    """A commune meeting every TT 124 criterion and the province's camera criterion."""
    raw: dict[str, Any] = {
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
        "units_total": 25,
        "units_registered": 25,
        "units_recognised": 18,
        "quang_nam_camera_network": True,
        "quang_nam_commendations": 0,
    }
    raw.update(overrides)
    inputs: dict[str, Input[Any]] = {inp.name: inp for inp in EXTENDED.inputs()}
    inputs[COMMENDATIONS.name] = COMMENDATIONS
    document = {"id": "XA-TAM-KY", "kind": "commune", "year": 2024, "facts": raw}
    return unit_facts_from_dict(document, "units[0]", inputs)


def verdict(**overrides: Any) -> Verdict:
    return evaluate(commune_facts(**overrides), EXTENDED)


# --- the extended rule set -------------------------------------------------------------------------


def test_apply_returns_a_new_rule_set_with_the_provinces_criterion() -> None:
    assert EXTENDED.id == "tt124.commune+quang-nam"
    assert EXTENDED.instrument == BASE.instrument
    assert EXTENDED.criteria[:-1] == BASE.criteria
    assert EXTENDED.criteria[-1] is CAMERA_CRITERION
    assert CAMERA_CRITERION not in BASE.criteria  # the base is untouched
    assert CAMERAS in EXTENDED.inputs()
    assert COMMENDATIONS not in EXTENDED.inputs()  # grading-only input
    assert QUANG_NAM.rule_set_id(BASE) == EXTENDED.id


@pytest.mark.parametrize(
    ("value", "criterion", "whole"),
    [(True, MET, MET), (False, NOT_MET, NOT_MET), (None, UNKNOWN, UNKNOWN)],
)
def test_the_provincial_criterion_propagates_into_the_verdict(
    value: bool | None, criterion: Outcome, whole: Outcome
) -> None:
    found = verdict(quang_nam_camera_network=value)
    (result,) = [r for r in found.results if r.criterion_id == "quang-nam.camera-network"]
    assert result.outcome is criterion
    assert result.citation == cite("124/2021/TT-BCA", 8, 1)
    assert found.outcome is whole
    assert found.rule_set == "tt124.commune+quang-nam"
    if value is None:
        assert found.missing_inputs == ("quang_nam_camera_network",)
    if value is False:
        assert "no camera network" in found.explain("en")
        assert "chưa có hệ thống camera" in found.explain("vi")


def test_the_base_rule_set_ignores_the_provincial_fact() -> None:
    facts = commune_facts(quang_nam_camera_network=False)
    assert evaluate(facts, BASE).outcome is MET


def test_the_extension_can_replace_the_rule_set_in_a_rule_book() -> None:
    book = default_rulebook().replace(EXTENDED, replacing=BASE.id)
    assert evaluate(commune_facts(quang_nam_camera_network=False), book).outcome is NOT_MET
    assert book.select(UnitKind.COMMUNE, 2024).id == "tt124.commune+quang-nam"


# --- grading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("models", "commendations", "grade", "reached"),
    [
        (3, 1, Grade.XUAT_SAC, ["xuất sắc"]),
        (1, 2, Grade.KHA, ["xuất sắc", "khá"]),
        (4, 0, Grade.KHA, ["xuất sắc", "khá"]),
        (1, 0, Grade.TRUNG_BINH, ["xuất sắc", "khá", "trung bình"]),
    ],
)
def test_met_verdicts_are_graded_into_the_three_bands(
    models: int, commendations: int, grade: Grade, reached: list[str]
) -> None:
    facts = commune_facts(effective_models=models, quang_nam_commendations=commendations)
    found = evaluate(facts, EXTENDED)
    assert found.outcome is MET
    result = QUANG_NAM.grade(found, facts)
    assert result.grade is grade
    assert [c.grade.label("vi") for c in result.checks] == reached
    assert [c.matched for c in result.checks] == [False] * (len(reached) - 1) + [True]
    assert result.province == "quang-nam"
    assert {r.criterion_id for r in result.results} == set(GRADING_IDS)
    text = result.explain("en")
    assert f"graded {grade.label('en')}" in text
    assert "provincial layer" in text and "Quảng Nam, 2024 assessment" in text
    assert grade.label("vi") in result.explain("vi")


def test_the_explanation_says_why_higher_bands_were_not_reached() -> None:
    facts = commune_facts(effective_models=1, quang_nam_commendations=1)
    text = QUANG_NAM.grade(evaluate(facts, EXTENDED), facts).explain("en")
    lines = text.splitlines()
    assert lines[1].startswith("  - excellent: not reached — the verdict is met; 1 of 3 listed")
    assert "At least three effective models (not met)" in lines[1]
    assert lines[2].startswith("  - good: requirements met — 1 of 2 listed criteria met")


@pytest.mark.parametrize(
    ("overrides", "outcome", "why"),
    [
        ({"quang_nam_camera_network": False}, NOT_MET, "the verdict is not met"),
        ({"commune_police_effective": None}, UNKNOWN, "the verdict is unknown"),
    ],
)
def test_only_a_met_verdict_is_graded(
    overrides: dict[str, Any], outcome: Outcome, why: str
) -> None:
    facts = commune_facts(effective_models=5, quang_nam_commendations=3, **overrides)
    found = evaluate(facts, EXTENDED)
    assert found.outcome is outcome
    result = QUANG_NAM.grade(found, facts)
    assert result.grade is None
    assert result.checks == ()
    assert why in result.explain("en")


def test_a_missing_grading_fact_leaves_the_grade_undecided_not_lower() -> None:
    facts = commune_facts(effective_models=1, quang_nam_commendations=None)
    found = evaluate(facts, EXTENDED)
    assert found.outcome is MET  # the grading input does not touch the verdict
    result = QUANG_NAM.grade(found, facts)
    assert result.grade is None
    assert [(c.grade, c.outcome) for c in result.checks] == [
        (Grade.XUAT_SAC, NOT_MET),
        (Grade.KHA, UNKNOWN),
    ]
    assert result.missing == ("quang_nam_commendations",)
    assert "whether the unit reaches good is unknown" in result.explain("en")
    # With three models, xuất sắc still needs the commendation: undecided at the top band.
    facts = commune_facts(effective_models=3, quang_nam_commendations=None)
    top = QUANG_NAM.grade(evaluate(facts, EXTENDED), facts)
    assert [(c.grade, c.outcome) for c in top.checks] == [(Grade.XUAT_SAC, UNKNOWN)]
    assert (
        "excellent: not yet known — the verdict is met; 1 of 3 listed criteria not yet known"
        in (top.explain("en"))
    )


def test_a_unit_outside_the_circular_gets_no_grade() -> None:
    outside = attrs.evolve(verdict(), outcome=Outcome.NOT_APPLICABLE, results=())
    result = QUANG_NAM.grade(outside)
    assert result.grade is None
    assert "outside the circular's scope" in result.explain("en")


def test_grading_checks_where_the_verdict_and_facts_come_from() -> None:
    facts = commune_facts()
    with pytest.raises(InputError, match="not evaluated under the 'quang-nam' extension"):
        QUANG_NAM.grade(evaluate(facts, BASE), facts)
    with pytest.raises(InputError, match="pass the unit's facts"):
        QUANG_NAM.grade(evaluate(facts, EXTENDED))
    other = attrs.evolve(facts, unit_id="XA-KHAC")
    with pytest.raises(InputError, match="not those of the verdict's unit"):
        QUANG_NAM.grade(evaluate(facts, EXTENDED), other)
    lacking = GradingLayer(
        bands=(GradeBand(grade=Grade.KHA, requires=(AllMet(criteria=("x.y",)),)),)
    )
    with pytest.raises(InputError, match="lacks"):
        lacking.grade(evaluate(facts, EXTENDED))


def test_a_layer_reading_only_the_verdict_needs_no_facts() -> None:
    layer = GradingLayer(
        bands=(
            GradeBand(grade=Grade.KHA, requires=(AllMet(criteria=("quang-nam.camera-network",)),)),
        )
    )
    ext = ProvincialExtension(
        province="quang-nam", extra_criteria=(CAMERA_CRITERION,), grading=layer
    )
    assert ext.grade(evaluate(commune_facts(), ext.apply(BASE))).grade is Grade.KHA


# --- definition errors -------------------------------------------------------------------------------


def test_a_band_reading_an_unknown_criterion_is_a_definition_error() -> None:
    layer = GradingLayer(
        bands=(GradeBand(grade=Grade.XUAT_SAC, requires=(AllMet(criteria=("quang-nam.typo",)),)),)
    )
    extension = ProvincialExtension(province="quang-nam", grading=layer)
    with pytest.raises(DefinitionError, match=r"does not have: \['quang-nam.typo'\]"):
        extension.apply(BASE)


def test_duplicate_grades_are_a_definition_error() -> None:
    with pytest.raises(DefinitionError, match=r"repeats grades \['kha'\]"):
        GradingLayer(bands=(GradeBand(grade=Grade.KHA), GradeBand(grade=Grade.KHA)))


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: GradingLayer(bands=()), "at least one band"),
        (lambda: AtLeastMet(criteria=("a.b",), minimum=2), "minimum 2 must be from 1 to 1"),
        (lambda: AtLeastMet(criteria=("a.b",), minimum=0), "minimum 0"),
        (lambda: AllMet(criteria=()), "lists no criterion"),
        (lambda: AllMet(criteria="a.b"), "got the string"),
        (lambda: AllMet(criteria=("a.b", "a.b")), "twice"),
        (lambda: AllMet(criteria=("Not An Id",)), "is not a criterion id"),
        (
            lambda: GradeBand(grade=Grade.KHA, requires=(lambda verdict: True,)),  # type: ignore[arg-type]
            "a requirement must be VerdictMet, AllMet or AtLeastMet",
        ),
        (lambda: GradeBand(grade="kha"), "must be a Grade"),  # type: ignore[arg-type]
        (lambda: ProvincialExtension(province="Quảng Nam", grading=GRADING), "lowercase slug"),
        (lambda: ProvincialExtension(province="quang-nam"), "adds neither"),
        (
            lambda: ProvincialExtension(province="da-nang", extra_criteria=(CAMERA_CRITERION,)),
            "must start with 'da-nang.'",
        ),
        (
            lambda: ProvincialExtension(
                province="quang-nam", extra_criteria=(CAMERA_CRITERION, CAMERA_CRITERION)
            ),
            "repeats criterion ids",
        ),
        (lambda: QUANG_NAM.apply(EXTENDED), "already has this extension"),
        (
            lambda: ProvincialExtension(
                province="quang-nam", extra_criteria=(THREE_MODELS,), grading=GRADING
            ),
            "repeats criterion ids",
        ),
        (
            lambda: GradingLayer(
                bands=(GradeBand(grade=Grade.KHA),),
                criteria=(attrs.evolve(THREE_MODELS, id="tt124.commune.effective-models"),),
            ).check_against(BASE),
            "have the ids of criteria of rule set",
        ),
        (
            lambda: ProvincialExtension(
                province="quang-nam", extra_criteria=(CAMERA_CRITERION,)
            ).grade(evaluate(commune_facts(), EXTENDED)),
            "has no grading layer",
        ),
    ],
)
def test_definition_errors(build: Any, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        build()


# --- the data form ------------------------------------------------------------------------------------


def test_bands_round_trip_through_plain_data() -> None:
    data = GRADING.to_dict()
    assert data["bands"][0] == {
        "grade": "xuat_sac",
        "requires": [
            {"verdict": "met"},
            {
                "all_met": [
                    "quang-nam.three-models",
                    "quang-nam.commended",
                    "quang-nam.camera-network",
                ]
            },
        ],
    }
    assert data["bands"][1]["requires"] == [
        {"at_least": 1, "of": ["quang-nam.three-models", "quang-nam.commended"]}
    ]
    again = GradingLayer.from_dict(data, criteria=GRADING.criteria)
    assert again == GRADING


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ([], "grading"),
        ({"bands": "xuat_sac"}, "grading.bands"),
        ({"bands": [{"grade": "gioi"}]}, "grading.bands[0].grade"),
        (
            {"bands": [{"grade": "kha", "requires": [{"python": "__import__('os')"}]}]},
            "grading.bands[0].requires[0].python",
        ),
        (
            {"bands": [{"grade": "kha", "requires": [{"all_met": "a.b"}]}]},
            "grading.bands[0].requires[0].all_met",
        ),
        (
            {"bands": [{"grade": "kha", "requires": [{"at_least": "2", "of": ["a.b"]}]}]},
            "grading.bands[0].requires[0].at_least",
        ),
        (
            {"bands": [{"grade": "kha", "requires": [{"verdict": "unknown"}]}]},
            "grading.bands[0].requires[0].verdict",
        ),
        (
            {"bands": [{"grade": "kha", "requires": [{"all_met": ["a.b"], "of": ["a.b"]}]}]},
            "grading.bands[0].requires[0]",
        ),
        ({"bands": [], "extra": 1}, "grading.extra"),
    ],
)
def test_bad_data_is_an_input_error_naming_the_path(data: object, path: str) -> None:
    with pytest.raises(InputError) as error:
        GradingLayer.from_dict(data)
    assert error.value.path == path


def test_grade_vocabulary() -> None:
    assert [(g.code, g.label_vi) for g in Grade] == [
        ("xuat_sac", "xuất sắc"),
        ("kha", "khá"),
        ("trung_binh", "trung bình"),
    ]
    assert Grade.from_code("kha") is Grade.KHA
    assert cite("124/2021/TT-BCA", 8, 1) == BASIS
