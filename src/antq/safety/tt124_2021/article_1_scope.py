"""Thông tư 124/2021/TT-BCA, Điều 1 khoản 2: who is outside the circular.

Armed-forces agencies and units, small and micro enterprises, and primary
schools, pre-schools and crèches are not assessed under it: for them the
verdict is NOT_APPLICABLE. Each kind's scope criterion is the eligibility
check of its rule set (Điều 6 and Điều 7).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from antq.core.criterion import Context, Criterion, CriterionKind, FastCheck, Finding, finding
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.i18n.catalog import Msg
from antq.safety import inputs as i
from antq.safety.tt124_2021._common import c124


@attrs.frozen
class AgencyInScope:
    """Điều 1 khoản 2 điểm b: armed-forces agencies and units are excluded."""

    def decide(self, context: Context) -> Outcome:
        return Outcome.NOT_APPLICABLE if context[i.IS_ARMED_FORCES] else Outcome.MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = i.IS_ARMED_FORCES.name
        met, excluded = Outcome.MET, Outcome.NOT_APPLICABLE

        def agency_in_scope(values: Mapping[str, Any], period: Period) -> Outcome:
            return excluded if values[name] else met

        return agency_in_scope

    def __call__(self, context: Context) -> Finding:
        if self.decide(context) is Outcome.NOT_APPLICABLE:
            return finding(
                Outcome.NOT_APPLICABLE,
                Msg("agencies and units of the armed forces are outside the circular"),
            )
        return finding(Outcome.MET, Msg("within the circular's scope"))


@attrs.frozen
class EnterpriseInScope:
    """Điều 1 khoản 2 điểm b: small and micro enterprises are excluded."""

    def decide(self, context: Context) -> Outcome:
        small = context[i.ENTERPRISE_SIZE].small_or_micro
        return Outcome.NOT_APPLICABLE if small else Outcome.MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = i.ENTERPRISE_SIZE.name
        met, excluded = Outcome.MET, Outcome.NOT_APPLICABLE

        def enterprise_in_scope(values: Mapping[str, Any], period: Period) -> Outcome:
            return excluded if values[name].small_or_micro else met

        return enterprise_in_scope

    def __call__(self, context: Context) -> Finding:
        size = context[i.ENTERPRISE_SIZE]
        if self.decide(context) is Outcome.NOT_APPLICABLE:
            return finding(
                Outcome.NOT_APPLICABLE,
                Msg("a {size} enterprise is outside the circular"),
                size=size,
            )
        return finding(Outcome.MET, Msg("within the circular's scope"))


@attrs.frozen
class InstitutionInScope:
    """Điều 1 khoản 2 điểm b: primary schools, pre-schools and crèches are excluded."""

    def decide(self, context: Context) -> Outcome:
        excluded = context[i.EDUCATION_LEVEL].excluded_from_tt124
        return Outcome.NOT_APPLICABLE if excluded else Outcome.MET

    def compile(self, parameters: Mapping[str, object]) -> FastCheck:
        name = i.EDUCATION_LEVEL.name
        met, outside = Outcome.MET, Outcome.NOT_APPLICABLE

        def institution_in_scope(values: Mapping[str, Any], period: Period) -> Outcome:
            return outside if values[name].excluded_from_tt124 else met

        return institution_in_scope

    def __call__(self, context: Context) -> Finding:
        level = context[i.EDUCATION_LEVEL]
        if self.decide(context) is Outcome.NOT_APPLICABLE:
            return finding(
                Outcome.NOT_APPLICABLE, Msg("a {level} is outside the circular"), level=level
            )
        return finding(Outcome.MET, Msg("within the circular's scope"))


AGENCY_SCOPE = Criterion(
    id="tt124.agency.scope",
    title=Msg("The agency is within the circular's scope (not an armed-forces agency or unit)"),
    citation=c124(1, 2, "b"),
    kind=CriterionKind.BOOLEAN,
    inputs=(i.IS_ARMED_FORCES,),
    check=AgencyInScope(),
)
ENTERPRISE_SCOPE = Criterion(
    id="tt124.enterprise.scope",
    title=Msg("The enterprise is within the circular's scope (not a small or micro enterprise)"),
    citation=c124(1, 2, "b"),
    kind=CriterionKind.BOOLEAN,
    inputs=(i.ENTERPRISE_SIZE,),
    check=EnterpriseInScope(),
    note=Msg(
        "the size class comes from the law on small and medium enterprises; antq takes it as given"
    ),
)

INSTITUTION_SCOPE = Criterion(
    id="tt124.educational-institution.scope",
    title=Msg(
        "The institution is within the circular's scope (not a primary school, pre-school or crèche)"
    ),
    citation=c124(1, 2, "b"),
    kind=CriterionKind.BOOLEAN,
    inputs=(i.EDUCATION_LEVEL,),
    check=InstitutionInScope(),
)
