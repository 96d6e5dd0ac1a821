"""What each circular declares beside its conditions: judgements, parameters, the wording of reasons."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antq.core.criterion import CriterionKind
from antq.core.outcome import Outcome
from antq.core.periods import Period
from antq.emulation.awards import (
    KNC_TT11,
    KNC_TT20,
    AreaType,
    AwardRules,
    KncCandidate,
    PendingMatter,
    ServicePeriod,
    ServiceRole,
    award_catalogue,
    knc_eligibility,
)
from antq.entities import Sex
from antq.law.confirmation import Confirmation

LAST_TT11 = date(2025, 4, 27)


def _clean(**changes: Any) -> KncCandidate:
    base: dict[str, Any] = {
        "id": "P",
        "service": (),
        "leadership": (),
        "commendations": (),
        "already_awarded": False,
        "cand_service_awards": frozenset(),
        "disqualifications": frozenset(),
        "pending": frozenset[PendingMatter](),
        "discipline": (),
    }
    base.update(changes)
    return KncCandidate(**base)


@pytest.mark.parametrize("rules", [KNC_TT11, KNC_TT20], ids=lambda r: r.id)
def test_the_assessors_judgements_are_marked_as_such(rules: AwardRules[Any]) -> None:
    for _, condition in rules.all_conditions():
        if condition.kind is CriterionKind.JUDGEMENT:
            assert condition.judgements == condition.inputs, condition.id
        else:
            assert condition.judgements == (), condition.id


def test_an_optional_unconfirmed_parameter_does_not_lower_a_confirmed_tt11_rule() -> None:
    # Read only for a team member or someone disciplined: the rules themselves are confirmed.
    statuses = {e.condition.id: e.confirmation for e in award_catalogue()}
    for condition in ("knc21.grassroots.category", "knc21.grassroots.service"):
        assert statuses[condition] is Confirmation.CONFIRMED, condition
    assert statuses["knc21.leader.tenure"] is Confirmation.CONFIRMED
    # TT 20/2025's parameters are read for everyone they concern: they lower the status.
    assert statuses["knc25.leader.commendation"] is Confirmation.UNCONFIRMED
    assert statuses["knc25.team.service"] is Confirmation.UNCONFIRMED


def test_tt11_service_counts_no_day_twice_and_says_nothing_about_it() -> None:
    person = _clean(
        sex=Sex.MALE,
        service=(
            ServicePeriod(
                role=ServiceRole.STREET_GUARD,
                start=date(2008, 1, 1),
                end=date(2020, 12, 31),
                area=AreaType.ISLAND,
            ),
        ),
    )
    answer = knc_eligibility(person, LAST_TT11)
    reason = answer.result("knc21.grassroots.service").reason.render("en")
    assert answer.result("knc21.grassroots.service").outcome is Outcome.NOT_MET
    assert "twice" not in reason and "only 13 years" in reason


def test_a_supplied_restart_reading_is_not_reported_missing() -> None:
    # 13 years of service and the sex unknown: undecided, for want of the sex only.
    person = _clean(
        sex=None,
        discipline=(Period(start=date(2005, 1, 1), end=date(2006, 12, 31)),),
        service=(
            ServicePeriod(
                role=ServiceRole.STREET_GUARD, start=date(2008, 1, 1), end=date(2020, 12, 31)
            ),
        ),
    )
    for reading in ("from_end", "not_restarted"):
        rules = KNC_TT11.with_parameters(knc21_discipline_restart=reading)
        result = knc_eligibility(person, LAST_TT11, rules=rules).result("knc21.grassroots.service")
        assert result.outcome is Outcome.UNKNOWN
        assert result.missing == ("sex",), reading
    unsupplied = knc_eligibility(person, LAST_TT11).result("knc21.grassroots.service")
    assert unsupplied.missing == ("sex", "parameter:knc21_discipline_restart")
