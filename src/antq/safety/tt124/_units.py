"""Criteria shared by agencies, enterprises and educational institutions
(Thông tư 124/2021/TT-BCA, Điều 6 and Điều 7, which repeats much of Điều 6)."""

from __future__ import annotations

from antq.confirmation import Confirmation
from antq.core.criterion import Check, Criterion, CriterionKind
from antq.entities.grades import TaskGrade
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Msg
from antq.law.citation import Citation
from antq.safety import inputs as i
from antq.safety.checks import (
    AtLeast,
    ExcusedOnlyByForceMajeure,
    IsTrue,
    NoIncidents,
    NoneCounted,
    SeriousCrimesExcused,
    ShareAtLeast,
    TitleOrGrade,
)
from antq.safety.gates import WhenAllTrue, WhenTrue
from antq.safety.tt124._common import EMPTY_SUBUNITS, applies, c124

#: Điều 6 khoản 5 and Điều 7 khoản 6: share of sub-units that must qualify.
SUBUNIT_SHARE_PERCENT = 70


NO_PARTY = Msg("the unit has no Party organisation, so this item does not apply")
NOT_ELIGIBLE = Msg("the unit is not eligible for emulation ratings, so this item does not apply")
NO_FORCE = Msg("the unit has no security force of its own, so this item does not apply")


def planning(prefix: str, article: int) -> list[Criterion]:
    """Khoản 1 items common to Điều 6 and Điều 7 (resolution, plan, registration, models)."""
    return [
        Criterion(
            id=f"{prefix}.party-resolution",
            title=Msg(
                "Where there is a Party organisation, it passed a resolution on security work (stated as done in Quarter I; antq does not check the date)"
            ),
            citation=c124(article, 1),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.PARTY_RESOLUTION_Q1,),
            check=IsTrue(i.PARTY_RESOLUTION_Q1),
            gate_inputs=(i.HAS_PARTY_ORGANISATION,),
            applies_when=WhenTrue(i.HAS_PARTY_ORGANISATION, NO_PARTY),
        ),
        Criterion(
            id=f"{prefix}.security-plan",
            title=Msg(
                "A security-and-order plan was made (stated as done in Quarter I; antq does not check the date)"
            ),
            citation=c124(article, 1),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.SECURITY_PLAN_Q1,),
            check=IsTrue(i.SECURITY_PLAN_Q1),
        ),
        Criterion(
            id=f"{prefix}.registration",
            title=Msg(
                "The unit registered to strive for the standard (stated as done in Quarter I; antq does not check the date)"
            ),
            citation=c124(article, 1),
            kind=CriterionKind.BOOLEAN,
            inputs=(i.REGISTERED_Q1,),
            check=IsTrue(i.REGISTERED_Q1),
        ),
        Criterion(
            id=f"{prefix}.effective-models",
            title=Msg("At least one movement model works effectively"),
            citation=c124(article, 1),
            kind=CriterionKind.THRESHOLD,
            inputs=(i.EFFECTIVE_MODELS,),
            check=AtLeast(i.EFFECTIVE_MODELS, 1),
            note=Msg(
                "whether a model is effective is the assessor's judgement; count only those judged effective"
            ),
        ),
        Criterion(
            id=f"{prefix}.policy",
            title=Msg(
                "Policy, coordination plans with the police and local rules are fully carried out"
            ),
            citation=c124(article, 2),
            kind=CriterionKind.JUDGEMENT,
            inputs=(i.POLICY_IMPLEMENTED,),
            check=IsTrue(i.POLICY_IMPLEMENTED),
        ),
    ]


def incident_items(prefix: str, cited_as: Citation | None, points: str) -> list[Criterion]:
    """Điều 6 khoản 3 items; Điều 7 khoản 3 applies the subset in ``points``.

    ``cited_as`` is None for Điều 6 itself (each item cites its point), or the
    citing clause for Điều 7 (each item then notes the Điều 6 point applied).
    """
    table: list[tuple[str, str, Msg, Check]] = [
        (
            "a",
            "no-unlawful-religion",
            Msg("No propagation or growth of unlawful beliefs or religions"),
            NoIncidents(frozenset({Cat.UNLAWFUL_RELIGION})),
        ),
        (
            "b",
            "no-exploiting-religion",
            Msg(
                "No exploiting of belief, religion, ethnicity, disputes or complaints to cause complications"
            ),
            NoIncidents(frozenset({Cat.EXPLOITING_RELIGION_ETHNICITY})),
        ),
        (
            "c",
            "no-complaint-incitement",
            Msg(
                "No inciting of crowds to complain or disturb order, and no use of complaints against the State or the officials handling them"
            ),
            NoIncidents(frozenset({Cat.COMPLAINT_INCITEMENT})),
        ),
        (
            "d",
            "no-unlawful-strike",
            Msg("No unlawful strike or go-slow"),
            NoIncidents(frozenset({Cat.UNLAWFUL_STRIKE, Cat.UNLAWFUL_GO_SLOW})),
        ),
        (
            "đ",
            "no-serious-crime",
            Msg(
                "No crime of serious gravity or above, unless force majeure or detected in time, mitigated and reported at once"
            ),
            SeriousCrimesExcused(),
        ),
        (
            "e",
            "no-state-secret-violation",
            Msg("No violation of the rules on protecting State secrets"),
            NoIncidents(frozenset({Cat.STATE_SECRET_VIOLATION})),
        ),
        (
            "g",
            "no-serious-accident",
            Msg(
                "No serious fire or explosion, fatal labour accident, serious incident or serious environmental or food-safety violation, except by force majeure"
            ),
            ExcusedOnlyByForceMajeure(
                frozenset(
                    {
                        Cat.SERIOUS_FIRE_EXPLOSION,
                        Cat.FATAL_LABOUR_ACCIDENT,
                        Cat.SERIOUS_INCIDENT,
                        Cat.ENVIRONMENT_FOOD_SAFETY_VIOLATION,
                    }
                )
            ),
        ),
    ]
    out = []
    for point, slug, title, check in table:
        if point not in points:
            continue
        own = c124(6, 3, point)
        out.append(
            Criterion(
                id=f"{prefix}.{slug}",
                title=title,
                citation=own if cited_as is None else cited_as,
                kind=CriterionKind.BOOLEAN,
                inputs=(i.INCIDENTS,),
                check=check,
                note=None if cited_as is None else applies(own),
            )
        )
    return out


def security_force(prefix: str, citation: Citation, *, if_any: bool) -> list[Criterion]:
    """The unit's own security force (Điều 6 khoản 4; Điều 7 khoản 5).

    Điều 7 khoản 5 says "nếu có" (if any), so an institution without a force of
    its own is not assessed on it (confirmed). Điều 6 khoản 4 does not say so:
    the same treatment of an agency or enterprise is antq's reading (PARTIAL).
    """
    gate = WhenAllTrue(((i.EMULATION_ELIGIBLE, NOT_ELIGIBLE), (i.HAS_SECURITY_FORCE, NO_FORCE)))
    if if_any:
        confirmation = Confirmation.CONFIRMED
        note = Msg(
            "the clause says 'if any': an institution without a security force of its own is not assessed on this item"
        )
    else:
        confirmation = Confirmation.PARTIAL
        note = Msg(
            "not applicable without a security force of its own: antq's reading, not confirmed in the text"
        )
    return [
        Criterion(
            id=f"{prefix}.security-force-rating",
            title=Msg(
                "The unit's security force earned 'Tập thể lao động tiên tiến' or was rated 'completed tasks well' or higher"
            ),
            citation=citation,
            kind=CriterionKind.JUDGEMENT,
            inputs=(),
            optional_inputs=(i.SECURITY_FORCE_ADVANCED, i.SECURITY_FORCE_GRADE),
            check=TitleOrGrade(
                i.SECURITY_FORCE_ADVANCED, i.SECURITY_FORCE_GRADE, TaskGrade.HOAN_THANH_TOT
            ),
            gate_inputs=(i.EMULATION_ELIGIBLE, i.HAS_SECURITY_FORCE),
            applies_when=gate,
            confirmation=confirmation,
            note=note,
        ),
        Criterion(
            id=f"{prefix}.security-force-discipline",
            title=Msg(
                "No member of the unit's security force was disciplined with a warning or heavier"
            ),
            citation=citation,
            kind=CriterionKind.BOOLEAN,
            inputs=(i.SECURITY_FORCE_DISCIPLINED,),
            check=NoneCounted(i.SECURITY_FORCE_DISCIPLINED),
            gate_inputs=(i.EMULATION_ELIGIBLE, i.HAS_SECURITY_FORCE),
            applies_when=gate,
            confirmation=confirmation,
            note=note,
        ),
    ]


def subunits(prefix: str, citation: Citation) -> list[Criterion]:
    """Sub-units and individual discipline (Điều 6 khoản 5; Điều 7 khoản 6)."""
    return [
        Criterion(
            id=f"{prefix}.subunits",
            title=Msg(
                "Sub-units that earned 'Tập thể lao động tiên tiến' or were rated 'completed tasks well' or higher: at least 70 percent"
            ),
            citation=citation,
            kind=CriterionKind.THRESHOLD,
            inputs=(i.SUBUNITS_QUALIFYING, i.SUBUNITS_ELIGIBLE),
            check=ShareAtLeast(
                i.SUBUNITS_QUALIFYING,
                i.SUBUNITS_ELIGIBLE,
                SUBUNIT_SHARE_PERCENT,
                if_empty=EMPTY_SUBUNITS,
            ),
            parameters=(EMPTY_SUBUNITS,),
            gate_inputs=(i.EMULATION_ELIGIBLE,),
            applies_when=WhenTrue(i.EMULATION_ELIGIBLE, NOT_ELIGIBLE),
            note=Msg(
                "the denominator is read as the sub-units eligible for rating (not confirmed)"
            ),
        ),
        Criterion(
            id=f"{prefix}.individual-discipline",
            title=Msg("No individual of the unit was disciplined with a warning or heavier"),
            citation=citation,
            kind=CriterionKind.BOOLEAN,
            inputs=(i.INDIVIDUALS_DISCIPLINED,),
            check=NoneCounted(i.INDIVIDUALS_DISCIPLINED),
        ),
    ]
