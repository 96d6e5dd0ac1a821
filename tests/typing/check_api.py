"""Type-checked by mypy --strict in CI, never executed: locks the public typed API.

Each assignment states the type a caller can rely on; a change that breaks one
of them is a breaking change of antq's API.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import antq
from antq import emulation
from antq.emulation import awards
from antq.i18n import formatting


def _check_public_api() -> None:
    facts: antq.UnitFacts = antq.UnitFacts(
        unit_id="KDC-1",
        kind=antq.UnitKind.RESIDENTIAL_AREA,
        year=2025,
        values={"registered_q1": True},
    )
    verdict: antq.Verdict = antq.evaluate(facts)
    outcome: antq.Outcome = verdict.outcome
    code: str = outcome.code
    label: str = outcome.label("vi")
    text: str = verdict.explain("en")
    missing: tuple[str, ...] = verdict.missing_inputs
    result: antq.CriterionResult = verdict.results[0]
    citation: antq.Citation = result.citation
    rendered: str = citation.render("en")
    reason: str = result.reason.render("vi")
    data: dict[str, object] = dict(verdict.to_json(texts=("vi",)))
    again: antq.Verdict = antq.Verdict.from_json(data)

    book: antq.RuleBook = antq.default_rulebook()
    rule_set: antq.RuleSet = book.select(antq.UnitKind.COMMUNE, 2025)
    tuned: antq.RuleSet = rule_set.with_parameters(offence_comparison="not_increased")
    pinned: antq.Verdict = antq.evaluate(facts, book.get("tt124.residential-area"))
    inputs: dict[str, tuple[str, ...]] = dict(antq.needed_inputs(tuned))
    many: list[antq.Verdict] = list(antq.evaluate_many([facts], book))

    document: antq.FactsDocument = antq.read_facts_file("examples/commune-2025.json")
    errors: tuple[antq.InputError, ...] = document.errors
    schema: dict[str, object] = antq.facts_schema()
    entries: list[antq.CatalogueEntry] = list(antq.criteria_catalogue(as_of=date(2025, 11, 15)))

    period: antq.Period = antq.assessment_period(antq.UnitKind.COMMUNE, 2025)
    inside: bool = date(2025, 11, 15) in period
    later: date = antq.add_months(date(2025, 1, 31), 1, policy=antq.MonthEndPolicy.CLAMP)
    q1: antq.Period = antq.quarter_one(2025)
    cited: antq.Citation = antq.cite("124/2021/TT-BCA", 5, 4)
    instrument: antq.Instrument = antq.get_instrument("124/2021/TT-BCA")
    effective: date | None = instrument.effective

    incident: antq.Incident = antq.Incident(
        date=date(2025, 3, 14),
        category=antq.IncidentCategory.CRIME,
        gravity=antq.CrimeGravity.NGHIEM_TRONG,
    )
    excused: bool | None = incident.excused()
    number: str = formatting.format_number(1064, "vi")
    percent: str = formatting.format_percent(17, 25, "vi")

    del (code, label, text, missing, rendered, reason, again, pinned, inputs, many, errors, schema)
    del (entries, inside, later, q1, cited, effective, excused, number, percent)


def _check_emulation_api() -> None:
    """Scoring sheets, scores, team ratings, quotas and award eligibility (``antq.emulation``)."""
    sheet: emulation.ScoringSheet = emulation.shipped_sheet("qd510.agency")
    example: emulation.ScoringSheet = emulation.load_sheet("examples/example-sheet.toml")
    unfilled: tuple[emulation.SheetItem, ...] = sheet.unfilled()
    units: tuple[emulation.ScoringFacts, ...] = emulation.read_scores_file(
        "examples/scores-2025.json", example
    ).units
    scored: emulation.ScoreResult = emulation.score(example, units[0])
    total: Fraction | None = scored.total
    klass: emulation.MovementClass | None = scored.movement_class
    nxt: emulation.NextClass | None = scored.classification.next
    again: emulation.ScoreResult = emulation.ScoreResult.from_json(scored.to_json())
    items: list[emulation.SheetCatalogueEntry] = list(emulation.sheet_catalogue())

    chosen: emulation.Selection = emulation.select(
        emulation.candidates_from_scores([scored]),
        emulation.Cap(percent=20, rounding=emulation.Rounding.FLOOR),
    )
    recipients: tuple[emulation.Placement, ...] = chosen.recipients

    team = emulation.TeamProposal(
        team_id="T1",
        commune="X1",
        proposed=antq.TaskGrade.HOAN_THANH_TOT,
        active_from=date(2024, 7, 1),
        under_complaint=False,
    )
    ratings: tuple[emulation.CommuneTeamRating, ...] = emulation.rate_teams([team], year=2025)
    allowed: int | None = ratings[0].allowed
    rules: tuple[emulation.TeamRuleEntry, ...] = emulation.team_catalogue()

    person = awards.KncCandidate(id="P1", sex=antq.Sex.FEMALE)
    answer: awards.Eligibility = awards.knc_eligibility(person, date(2025, 4, 28))
    outcome: antq.Outcome = answer.outcome
    pinned: awards.Eligibility = awards.knc_eligibility(
        person,
        date(2025, 4, 28),
        rules=awards.KNC_TT20.with_parameters(knc25_commendation_level="any"),
    )
    who: awards.Eligibility = awards.awarding_authorities(
        awards.AwardForm.GIAY_KHEN, date(2025, 7, 1)
    )
    conditions: tuple[awards.ConditionEntry, ...] = awards.award_catalogue()

    del (unfilled, total, klass, nxt, again, items, recipients, allowed, rules)
    del (outcome, pinned, who, conditions)
