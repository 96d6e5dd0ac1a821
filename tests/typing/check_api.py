"""Type-checked by mypy --strict in CI: locks the public typed API.

Each assignment states the type a caller can rely on; a change that breaks one
of them is a breaking change of antq's API. Every name in ``antq.__all__`` is
used here as ``antq.<name>``, and tests/test_public_api.py checks that and runs
these functions, so the examples are valid at run time too.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from fractions import Fraction

import antq
from antq import emulation, entities
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
    located: antq.CriterionResult = antq.CriterionResult.from_json(
        result.to_json(texts=("en",)), path="results[0]"
    )
    kept: antq.Reason = antq.Reason.from_json(result.reason.to_json())
    assert located == result and kept == result.reason

    book: antq.RuleBook = antq.default_rulebook()
    rule_set: antq.RuleSet = book.select(antq.UnitKind.COMMUNE, 2025)
    tuned: antq.RuleSet = rule_set.with_parameters(offence_comparison="not_increased")
    pinned: antq.Verdict = antq.evaluate(facts, book.get("tt124.residential-area"))
    inputs: dict[str, tuple[str, ...]] = dict(antq.needed_inputs(tuned))
    round_: antq.Round = antq.Round.from_path("examples/commune-2025.json", book)
    outcome_of_round: antq.RoundResult = round_.evaluate(keep_units=False)
    communes: tuple[antq.CommuneResult, ...] = outcome_of_round.communes
    decided: antq.RoundResult = antq.evaluate_round([facts], book, on_verdict=print)
    streamed: antq.RoundResult = antq.evaluate_round(
        [facts], book, on_verdict=print, keep_units=False, keep_communes=False
    )
    summary: tuple[tuple[str, antq.Outcome, tuple[str, ...]], ...] = pinned.outcomes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        many: list[antq.Verdict] = list(antq.evaluate_many([facts], book))
    rolled: antq.UnitCounts | None = communes[0].counts if communes else None

    document: antq.FactsDocument = antq.read_facts_file("examples/commune-2025.json")
    errors: tuple[antq.InputError, ...] = document.errors
    schema: dict[str, object] = antq.facts_schema()
    entries: list[antq.CatalogueEntry] = list(antq.criteria_catalogue(as_of=date(2025, 11, 15)))
    listed: tuple[antq.RuleEntry, ...] = antq.rule_catalogue(section="sheets")
    one: antq.RuleEntry = entries[0].entry()
    family: antq.RuleFamily = listed[0].family
    shown: str = one.render("en")
    explained: list[str] = [antq.explain(one, "vi"), antq.explain(verdict, "en")]

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

    del (code, label, text, missing, rendered, reason, again, pinned, inputs, errors, schema)
    del (decided, rolled, many, streamed, summary)
    del (listed, family, shown, explained)
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
    ratings: tuple[emulation.CommuneTeamRating, ...] = emulation.rate_teams([team], year=2026)
    allowed: int | None = ratings[0].allowed
    rules: tuple[emulation.TeamRule, ...] = emulation.team_catalogue(as_of=date(2026, 1, 1))
    seven: emulation.ExcellentTeamChecklist = emulation.excellent_team_checklist(
        emulation.ExcellentTeamFacts(tasks_assigned=10, tasks_done=10)
    )
    checked: antq.Outcome = seven.outcome

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
    # Every family's catalogue items are entries of the one catalogue type.
    unified: list[antq.RuleEntry] = [
        conditions[0].entry(),
        items[0].entry(),
        rules[0].entry(),
    ]

    del (unfilled, total, klass, nxt, again, items, recipients, allowed, rules, checked)
    # A verdict, an eligibility answer, a score and a team rating are results of one family.
    team_rating: emulation.TeamResult = ratings[0].teams[0]
    facts = antq.UnitFacts(unit_id="KDC-1", kind=antq.UnitKind.RESIDENTIAL_AREA, year=2025)
    family: list[antq.Result] = [antq.evaluate(facts), answer, scored, team_rating]
    parts: list[antq.RuleResult] = [r for result in family for r in result.all_results()]
    gaps: list[antq.RuleResult] = [r for result in family for r in result.shortfall()]
    texts: list[str] = [antq.explain(result, "en") for result in family]
    missing: list[tuple[str, ...]] = [result.missing_inputs for result in family]

    del (outcome, pinned, who, conditions, unified, parts, gaps, texts, missing)


def _check_errors_and_vocabularies() -> None:
    error: antq.AntqError = antq.InputError("units[0].year", 1850, "must be >= 1900")
    path: str = antq.InputError("units[0].year", 1850, "must be >= 1900").path
    errors: antq.InputErrors = antq.InputErrors([antq.InputError("a", 1, "bad")])
    each: tuple[antq.InputError, ...] = errors.errors
    ambiguous: antq.AntqError = antq.AmbiguousDateError("31/03 + 1 month")
    definition: antq.AntqError = antq.DefinitionError("bad rule")
    citation_error: antq.DefinitionError = antq.CitationError("unknown instrument")
    not_found: antq.AntqError = antq.RuleSetNotFound("no rule set")
    misuse: TypeError = antq.UsageError("evaluate() needs antq.UnitFacts, not dict")

    langs: tuple[antq.Lang, ...] = antq.LANGS
    version: str = antq.__version__
    member: antq.CodedEnum = antq.Confirmation.from_code("unconfirmed")
    codes: str = antq.Confirmation.UNCONFIRMED.code
    kind: antq.CriterionKind = antq.CriterionKind.THRESHOLD
    input_kind: antq.InputKind = antq.InputKind.COUNT
    topic: antq.InternalRulesTopic = antq.InternalRulesTopic.STATE_SECRETS
    del (error, path, each, ambiguous, definition, citation_error, not_found, misuse)
    del (langs, version, member, codes, kind, input_kind, topic)


def _check_entities() -> None:
    reform: date = antq.TWO_TIER_REFORM_DATE
    force_law: date = antq.FORCE_LAW_EFFECTIVE
    province = entities.AdministrativeUnit(
        code="01", name="Hà Nội", unit_type=antq.AdminUnitType.THANH_PHO_TRUC_THUOC_TW
    )
    ward = entities.AdministrativeUnit(
        code="00070",
        name="Phường Hoàn Kiếm",
        unit_type=antq.AdminUnitType.PHUONG,
        parent_code="01",
        valid_from=reform,
        predecessors=("00037", "00040"),
    )
    level: antq.AdminLevel = ward.level
    exists: bool = ward.is_valid_on(date(2025, 7, 1)) and province.is_valid_on(date(2020, 1, 1))
    area = entities.ResidentialArea(
        id="TDP-1",
        name="Tổ dân phố 1",
        kind=antq.ResidentialKind.TO_DAN_PHO,
        commune_code="00070",
        local_name=antq.LocalName.KHU_PHO,
        households=120,
    )
    canonical: antq.ResidentialKind | None = antq.LocalName.TIEU_KHU.canonical_kind
    agency = entities.Agency(id="CQ-1", name="UBND phường", is_armed_forces=False)
    enterprise = entities.Enterprise(id="DN-1", name="Công ty A", size=antq.EnterpriseSize.MICRO)
    excluded: bool | None = enterprise.excluded_from_tt124
    school = entities.EducationalInstitution(
        id="TH-1", name="Trường Tiểu học A", level=antq.EducationLevel.TIEU_HOC
    )
    school_excluded: bool = school.excluded_from_tt124 or agency.excluded_from_tt124
    model = entities.MassModel(
        id="M-1",
        name="Camera an ninh",
        host_type=antq.HostType.RESIDENTIAL_AREA,
        category=antq.ModelCategory.RESIDENTIAL_SELF_MANAGEMENT,
        status=antq.ModelStatus.ACTIVE,
    )
    site = entities.ModelSite(id="S-1", model_id=model.id, host_id=area.id, effective=True)
    team = antq.SecurityOrderTeam(
        id="T-1", commune_code="00070", area_ids=(area.id,), established_on=force_law
    )
    member = antq.TeamMembership(
        person_id="P-1", team_id=team.id, role=antq.TeamRole.TO_TRUONG, start=force_law
    )
    active: bool = member.is_active_on(date(2025, 1, 1))
    legacy = entities.StreetGuardTeam(id="BVDP-1", commune_code="00070", valid_to=date(2024, 6, 30))
    person = entities.Person(id="P-1", full_name="Nguyễn Văn A", sex=antq.Sex.MALE)
    grade: antq.TaskGrade = antq.TaskGrade.HOAN_THANH_TOT
    title: antq.EmulationTitle = antq.EmulationTitle.TAP_THE_LAO_DONG_TIEN_TIEN
    discipline: antq.DisciplineForm = antq.DisciplineForm.CANH_CAO
    incident = antq.Incident(
        date=date(2025, 3, 14),
        category=antq.IncidentCategory.CRIME,
        gravity=antq.CrimeGravity.RAT_NGHIEM_TRONG,
        force_majeure=False,
        timely_detected=True,
        mitigated=True,
        reported_immediately=True,
    )
    inside: tuple[antq.Incident, ...] = antq.incidents_in(
        [incident], date(2024, 11, 16), date(2025, 11, 15)
    )
    del (level, exists, canonical, excluded, school_excluded, site, active, legacy, person)
    del (grade, title, discipline, inside)


def _check_periods_and_law() -> None:
    window: antq.AnnualWindow = antq.ASSESSMENT_WINDOWS["124/2021/TT-BCA"][antq.UnitKind.COMMUNE]
    commune_2025: antq.Period = window.period_for(2025)
    custom = antq.AnnualWindow(
        start_month=11, start_day=15, end_month=11, end_day=14, starts_in_previous_year=True
    )
    report: antq.Period = antq.Period.span(antq.Period.year(2018), antq.Period.half(2019, 1))
    previous: antq.Period = report.previous_of_equal_length()
    school_year: antq.Period = antq.school_year_period(date(2019, 5, 31), date(2020, 5, 31))
    leap: date = antq.add_years(date(2024, 2, 29), 1, policy=antq.MonthEndPolicy.CLAMP)
    instruments: Mapping[str, antq.Instrument] = antq.INSTRUMENTS
    kind: antq.InstrumentKind = instruments["124/2021/TT-BCA"].kind
    local: antq.Citation = antq.Citation.parse("Điều 3 Quyết định 514/QĐ-UBND (Bắc Ninh)")
    del (commune_2025, custom, previous, school_year, leap, kind, local)


class _AlwaysMet:
    def __call__(self, context: antq.Context) -> antq.Finding:
        seen: antq.UnitFacts = context.facts
        del seen
        return antq.finding(antq.Outcome.MET, antq.Text(vi="đạt", en="met"))


def _always_applies(context: antq.Context) -> antq.Reason | antq.Outcome | None:
    return None


def _check_rule_building() -> None:
    flag: antq.Input[bool] = antq.Input(
        name="province_flag",
        label=antq.Msg("a province's own flag"),
        kind=antq.InputKind.BOOLEAN,
        parse=lambda value, path: bool(value),
        schema={"type": "boolean"},
    )
    limit: antq.Parameter[int] = antq.Parameter(
        name="province_limit",
        label=antq.Text(vi="ngưỡng", en="limit"),
        default=None,
        confirmation=antq.Confirmation.UNCONFIRMED,
    )
    check: antq.Check = _AlwaysMet()
    gate: antq.Gate = _always_applies
    criterion = antq.Criterion(
        id="province.extra",
        title=antq.Text(vi="Tiêu chí của tỉnh", en="Province's own criterion"),
        citation=antq.cite("124/2021/TT-BCA", 8, 1),
        kind=antq.CriterionKind.BOOLEAN,
        inputs=(flag,),
        parameters=(limit,),
        check=check,
        applies_when=gate,
        confirmation=antq.Confirmation.UNCONFIRMED,
    )
    rule: antq.Rule = criterion  # every family's rule is a Rule
    assert rule.info == antq.CriterionInfo.of(rule)
    info: antq.CriterionInfo = antq.CriterionInfo(
        id=criterion.id,
        title=criterion.title,
        citation=criterion.citation,
        kind=criterion.kind,
        confirmation=criterion.confirmation,
    )
    base: antq.RuleSet = antq.default_rulebook().get("tt124.commune")
    extended: antq.RuleSet = base.extended(id="province.commune", criteria=[criterion])
    verdict: antq.Verdict = antq.evaluate(
        antq.UnitFacts(unit_id="X", kind=antq.UnitKind.COMMUNE, year=2025), extended
    )
    overall: antq.Outcome = antq.combine(result.outcome for result in verdict.results)
    decided: antq.Outcome = antq.decide(
        antq.UnitFacts(unit_id="X", kind=antq.UnitKind.COMMUNE, year=2025), extended
    )
    assert decided is verdict.outcome
    share = antq.Percent(numerator=17, denominator=25)
    reason = antq.Reason(
        template=antq.Msg("{part}/{whole} = {percent}"),
        params={"part": 17, "whole": 25, "percent": share},
    )
    reason_vi: str = reason.render("vi")
    counts = antq.OffenceCounts(crimes=3, social_evils=1, other_violations=0)
    total: int = counts.total
    read: antq.FactsDocument = antq.read_facts({"antq_facts": 1, "units": []})
    streamed: Iterator[antq.CatalogueEntry] = antq.criteria_catalogue()
    when: datetime = formatting.parse_datetime("16:46 03/03/2011")
    del (info, overall, reason_vi, total, read, streamed, when)


def _check_typed_award_facts() -> None:
    """The typed award candidates: an attribute per key of their question; a misspelt one is an error."""
    medal = awards.KncCandidateFacts(
        id="P-01",
        proposed_on=date(2025, 8, 1),
        sex=antq.Sex.FEMALE,
        rated_well_throughout=True,
        pending=frozenset(),
    )
    subject: awards.KncCandidate = medal.subject()
    answer: awards.Eligibility = medal.eligibility()
    record = awards.BangKhenCandidateFacts(id="BK-01", considered_on=date(2025, 11, 30))
    collective = awards.CollectiveCandidateFacts(
        id="TT-01", considered_on=date(2025, 11, 30), members=40, tasks_excellent=True
    )
    entity: awards.CollectiveFacts = collective.subject()
    both: tuple[awards.Eligibility, ...] = (record.eligibility(), collective.eligibility())
    try:
        awards.KncCandidateFacts(id="P", proposed_on=date(2025, 8, 1), servce=())  # type: ignore[call-arg]
    except TypeError:
        pass
    else:
        raise AssertionError("a misspelt key is refused when the class is called, too")
    wrong = awards.CollectiveCandidateFacts(id="T", considered_on=date(2025, 1, 1), members="40")  # type: ignore[arg-type]
    del (subject, answer, entity, both, wrong)


def _check_typed_facts() -> None:
    """The typed facts classes: an attribute per declared input; a misspelt one is an error."""
    area = antq.ResidentialAreaFacts(
        households_resident=120,
        households_registered=119,
        grassroots_force_grade=antq.TaskGrade.HOAN_THANH,
        offences_current=antq.OffenceCounts(crimes=1, social_evils=0, other_violations=2),
        incidents=(),
    )
    unit: antq.UnitFacts = area.unit("KDC-1", 2024, commune="XA-1")
    registered: int | None = area.households_registered
    commune = antq.CommuneFacts(units_total=25, units_recognised=18, registered_q1=True)
    agency = antq.AgencyFacts(staff_total=50, staff_informed=50)
    enterprise = antq.EnterpriseFacts(enterprise_size=antq.EnterpriseSize.MEDIUM)
    school = antq.EducationalInstitutionFacts(
        education_level=antq.EducationLevel.TRUNG_HOC_PHO_THONG
    )
    assert antq.evaluate(unit).outcome is antq.Outcome.NOT_MET  # 119 of 120 households
    try:
        antq.ResidentialAreaFacts(households_registred=119)  # type: ignore[call-arg]
    except TypeError:
        pass
    else:
        raise AssertionError("a misspelt input name is refused when the class is called, too")
    wrong = antq.ResidentialAreaFacts(households_registered="119")  # type: ignore[arg-type]
    del (registered, commune, agency, enterprise, school, wrong)
