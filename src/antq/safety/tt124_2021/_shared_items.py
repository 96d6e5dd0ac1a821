"""Criteria shared by agencies, enterprises and educational institutions
(Thông tư 124/2021/TT-BCA, Điều 6 and Điều 7, which repeats much of Điều 6), and the
movement-model item that the commune's Điều 5 has too."""

from __future__ import annotations

from typing import Any

import attrs

from antq.core.criterion import (
    Check,
    Context,
    Criterion,
    CriterionKind,
    Finding,
    GateAnswer,
    Parameter,
    finding,
    undecided,
)
from antq.core.inputs import Input
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.entities.grades import TaskGrade
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.safety import inputs as i
from antq.safety._items import fact_item
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
from antq.safety.inputs import EMPTY_SUBUNITS
from antq.safety.tt124_2021._common import applies, c124

#: Điều 6 khoản 5 and Điều 7 khoản 6: share of sub-units that must qualify.
SUBUNIT_SHARE_PERCENT = 70


NO_PARTY = Msg("the unit has no Party organisation, so this item does not apply")
NOT_ELIGIBLE = Msg("the unit is not eligible for emulation ratings, so this item does not apply")
NO_FORCE = Msg("the unit has no security force of its own, so this item does not apply")


def effective_models(prefix: str, citation: Citation) -> Criterion:
    """Khoản 1 of Điều 5, 6 and 7 alike: at least one movement model works effectively."""
    return Criterion(
        id=f"{prefix}.effective-models",
        title=Msg("At least one movement model works effectively"),
        citation=citation,
        kind=CriterionKind.THRESHOLD,
        inputs=(i.EFFECTIVE_MODELS,),
        check=AtLeast(i.EFFECTIVE_MODELS, 1),
        note=Msg(
            "whether a model is effective is the assessor's judgement; count only those judged effective"
        ),
    )


def planning(prefix: str, article: int) -> list[Criterion]:
    """Khoản 1 items common to Điều 6 and Điều 7 (resolution, plan, registration, models)."""
    return [
        fact_item(
            f"{prefix}.party-resolution",
            Msg(
                "Where there is a Party organisation, it passed a resolution on security work (stated as done in Quarter I; antq does not check the date)"
            ),
            c124(article, 1),
            IsTrue(i.PARTY_RESOLUTION_Q1),
            gate_inputs=(i.HAS_PARTY_ORGANISATION,),
            applies_when=WhenTrue(i.HAS_PARTY_ORGANISATION, NO_PARTY),
        ),
        fact_item(
            f"{prefix}.security-plan",
            Msg(
                "A security-and-order plan was made (stated as done in Quarter I; antq does not check the date)"
            ),
            c124(article, 1),
            IsTrue(i.SECURITY_PLAN_Q1),
        ),
        fact_item(
            f"{prefix}.registration",
            Msg(
                "The unit registered to strive for the standard (stated as done in Quarter I; antq does not check the date)"
            ),
            c124(article, 1),
            IsTrue(i.REGISTERED_Q1),
        ),
        effective_models(prefix, c124(article, 1)),
        fact_item(
            f"{prefix}.policy",
            Msg("Policy, coordination plans with the police and local rules are fully carried out"),
            c124(article, 2),
            IsTrue(i.POLICY_IMPLEMENTED),
            kind=CriterionKind.JUDGEMENT,
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


#: Addendum 2026-12 §3.3: Điều 6 khoản 4, unlike Điều 7 khoản 5, has no "(nếu có)", so
#: the text does not say what an agency or enterprise without a security force of its own
#: gives. The user chooses; until then the items are UNKNOWN for such a unit.
NO_OWN_SECURITY_FORCE: Parameter[str] = Parameter(
    name="no_own_security_force",
    label=Msg(
        "how Article 6(4) is decided for an agency or enterprise without a security force of its own"
    ),
    default="undetermined",
    choices=("undetermined", "not_applicable", "not_met"),
    confirmation=Confirmation.UNCONFIRMED,
    citation=c124(6, 4),
)

_NO_FORCE_NOT_APPLICABLE = Msg(
    "the unit has no security force of its own: not applicable, the reading chosen with the"
    " parameter no_own_security_force (Article 6(4), unlike Article 7(5), has no 'if any';"
    " not confirmed)"
)
_NO_FORCE_NOT_MET = Msg(
    "the unit has no security force of its own: not met, the reading chosen with the"
    " parameter no_own_security_force (Article 6(4), unlike Article 7(5), has no 'if any';"
    " not confirmed)"
)
_NO_FORCE_UNDETERMINED = Msg(
    "the unit has no security force of its own and Article 6(4), unlike Article 7(5), has no"
    " 'if any': undetermined until a reading is chosen with the parameter"
    " no_own_security_force (not_applicable or not_met; not confirmed)"
)


@attrs.frozen
class OwnForceGate:
    """Điều 6 khoản 4 for agencies and enterprises: when the item applies.

    With ``eligible_only`` (the title or grade sub-item) a unit not eligible for
    emulation ratings is not assessed (the parenthesis of the clause). A unit
    without a security force of its own is not assessed only when the user chose
    ``no_own_security_force=not_applicable``; otherwise :class:`OwnForceCheck`
    decides it.
    """

    eligible_only: bool
    _not_eligible: Reason = attrs.field(init=False, eq=False, repr=False)
    _no_force: Reason = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_not_eligible", Reason(template=NOT_ELIGIBLE))
        object.__setattr__(self, "_no_force", Reason(template=_NO_FORCE_NOT_APPLICABLE))

    def __call__(self, context: Context) -> GateAnswer:
        undecided = False
        if self.eligible_only:
            eligible = context.get(i.EMULATION_ELIGIBLE)
            if eligible is False:
                return self._not_eligible
            undecided = eligible is None
        has_force = context.get(i.HAS_SECURITY_FORCE)
        if has_force is False:
            if context.parameters.get(NO_OWN_SECURITY_FORCE.name) == "not_applicable":
                return self._no_force
        elif has_force is None:
            undecided = True
        return Outcome.UNKNOWN if undecided else None


@attrs.frozen
class OwnForceCheck:
    """A security-force item of Điều 6 khoản 4, or the reading chosen without a force.

    ``required`` are the inputs ``check`` needs when the unit has a force (they
    are optional inputs of the criterion, since a unit without one has none).
    """

    check: Any
    required: tuple[Input[Any], ...] = ()

    def decide(self, context: Context) -> Outcome:
        if context.values[i.HAS_SECURITY_FORCE.name] is False:
            chosen = context.parameters[NO_OWN_SECURITY_FORCE.name]
            return Outcome.NOT_MET if chosen == "not_met" else Outcome.UNKNOWN
        if any(inp.name not in context.values for inp in self.required):
            return Outcome.UNKNOWN
        outcome: Outcome = self.check.decide(context)
        return outcome

    def __call__(self, context: Context) -> Finding:
        if context.values[i.HAS_SECURITY_FORCE.name] is False:
            if context.parameters[NO_OWN_SECURITY_FORCE.name] == "not_met":
                return finding(Outcome.NOT_MET, _NO_FORCE_NOT_MET)
            return undecided(_NO_FORCE_UNDETERMINED, (f"parameter:{NO_OWN_SECURITY_FORCE.name}",))
        absent = [inp for inp in self.required if inp.name not in context.values]
        if absent:
            return undecided(
                Msg("not enough information: missing {inputs}"),
                tuple(inp.name for inp in absent),
                inputs=Text(
                    vi="; ".join(inp.label.render("vi") for inp in absent),
                    en="; ".join(inp.label.render("en") for inp in absent),
                ),
            )
        found: Finding = self.check(context)
        return found


_RATING_TITLE = Msg(
    "The unit's security force earned 'Tập thể lao động tiên tiến' or was rated 'completed tasks well' or higher"
)
_DISCIPLINE_TITLE = Msg(
    "No member of the unit's security force was disciplined with a warning or heavier"
)
_DISCIPLINE_ALWAYS = Msg(
    "the eligibility parenthesis qualifies only the title or grade: this item applies whether or not the unit is eligible for emulation ratings"
)


def security_force(prefix: str, citation: Citation, *, if_any: bool) -> list[Criterion]:
    """The unit's own security force (Điều 6 khoản 4; Điều 7 khoản 5), as the text reads.

    The parenthesis "(đối với những nơi đủ điều kiện bình xét danh hiệu thi đua)"
    follows the title or grade requirement only: a unit not eligible for emulation
    ratings is not assessed on the title or grade, but the no-discipline sub-item
    applies to it all the same (addendum 2026-12 §3.3).

    Điều 7 khoản 5 says "nếu có" (if any), so an institution without a force of
    its own is not assessed on either sub-item (confirmed). Điều 6 khoản 4 has no
    "if any": for an agency or enterprise without a force the outcome is the
    reading chosen with the parameter ``no_own_security_force`` (UNKNOWN until
    chosen; not confirmed).
    """
    rating = Criterion(
        id=f"{prefix}.security-force-rating",
        title=_RATING_TITLE,
        citation=citation,
        kind=CriterionKind.JUDGEMENT,
        inputs=(),
        optional_inputs=(i.SECURITY_FORCE_ADVANCED, i.SECURITY_FORCE_GRADE),
        check=TitleOrGrade(
            i.SECURITY_FORCE_ADVANCED, i.SECURITY_FORCE_GRADE, TaskGrade.HOAN_THANH_TOT
        ),
        gate_inputs=(i.EMULATION_ELIGIBLE, i.HAS_SECURITY_FORCE),
        applies_when=WhenAllTrue(
            ((i.EMULATION_ELIGIBLE, NOT_ELIGIBLE), (i.HAS_SECURITY_FORCE, NO_FORCE))
        ),
        note=Msg(
            "the clause says 'if any': an institution without a security force of its own is not assessed on this item"
        ),
    )
    discipline = fact_item(
        f"{prefix}.security-force-discipline",
        _DISCIPLINE_TITLE,
        citation,
        NoneCounted(i.SECURITY_FORCE_DISCIPLINED),
        gate_inputs=(i.HAS_SECURITY_FORCE,),
        applies_when=WhenTrue(i.HAS_SECURITY_FORCE, NO_FORCE),
        note=_DISCIPLINE_ALWAYS,
    )
    if if_any:
        return [rating, discipline]
    # Without "if any": the same items, with the reading chosen for a unit without a force.
    note = Msg(
        "no 'if any' in the clause: without a security force of its own, the parameter no_own_security_force decides (not confirmed)"
    )
    return [
        attrs.evolve(
            rating,
            check=OwnForceCheck(rating.check),
            parameters=(NO_OWN_SECURITY_FORCE,),
            applies_when=OwnForceGate(eligible_only=True),
            confirmation=Confirmation.PARTIAL,
            note=note,
        ),
        attrs.evolve(
            discipline,
            inputs=(),
            optional_inputs=(i.SECURITY_FORCE_DISCIPLINED,),
            check=OwnForceCheck(discipline.check, (i.SECURITY_FORCE_DISCIPLINED,)),
            parameters=(NO_OWN_SECURITY_FORCE,),
            applies_when=OwnForceGate(eligible_only=False),
            confirmation=Confirmation.PARTIAL,
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
        fact_item(
            f"{prefix}.individual-discipline",
            Msg("No individual of the unit was disciplined with a warning or heavier"),
            citation,
            NoneCounted(i.INDIVIDUALS_DISCIPLINED),
        ),
    ]
