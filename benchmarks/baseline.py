"""The Thông tư 124/2021/TT-BCA criteria as plain hand-written Python over dicts.

This is the yardstick of ``national_round.py``: what a programmer would write
without antq, as straightforward ``if`` statements and integer comparisons over
the dicts that ``json.loads`` gives for one line of antq's JSON Lines format
(``{"id": ..., "kind": ..., "year": ..., "facts": {...}}``). Dates stay ISO
strings (they compare correctly as text), codes stay strings.

It encodes the same reading of the law as antq's rule sets for the 2022+
rounds (residential area Điều 4, commune Điều 5, agency and enterprise Điều 6,
educational institution Điều 7, scope Điều 1 khoản 2), with antq's defaults for
the parameters the law leaves open (offences: a strict decrease of the total;
an empty sub-unit total: unknown), and the same three-valued logic:

* a missing fact makes the criteria that read it ``unknown``, never met;
* a gate (has a Party organisation, has a security force, emulation eligible,
  general education) makes its criterion ``not_applicable`` when false and
  ``unknown`` when missing;
* a unit is ``not_met`` if any criterion is, else ``unknown`` if any is, else
  ``met``; a unit outside the circular's scope is ``not_applicable``, and one
  whose scope is unknown is ``unknown`` whatever its criteria say.

What it leaves out, because the generated data never exercises it: antq's
input validation (types, negative counts, a part larger than its whole, a
whole of zero in a 100% rule are errors in antq), user-supplied parameters,
rule sets of other rounds (TT 23/2012), periods given per unit, and the
commune roll-up. It trusts its input, which antq does not.

Two entry points:

* :func:`outcome` returns the unit's outcome code only ("verdicts only");
* :func:`explain` also builds a reason string for every criterion, in
  Vietnamese with Vietnamese number and date formats, and returns the outcome
  and a text shaped like ``antq.Verdict.explain("vi")`` (one line per
  criterion); :func:`results` returns the per-criterion outcomes, used to
  check criterion by criterion that this module and antq agree.
"""

from __future__ import annotations

from typing import Any

MET, NOT_MET, UNKNOWN, NA = "met", "not_met", "unknown", "not_applicable"

SERIOUS = frozenset({"nghiem_trong", "rat_nghiem_trong", "dac_biet_nghiem_trong"})
GRADE_RANK = {"khong_hoan_thanh": 1, "hoan_thanh": 2, "hoan_thanh_tot": 3, "hoan_thanh_xuat_sac": 4}
HOAN_THANH, HOAN_THANH_TOT = 2, 3
AGENCY_TOPICS = frozenset(
    {
        "unit_protection",
        "state_secrets",
        "internal_politics",
        "labour_safety",
        "fire_prevention",
        "environment",
    }
)
SCHOOL_TOPICS = frozenset({"unit_protection", "internal_politics", "learners", "fire_prevention"})
EXCLUDED_LEVELS = frozenset({"nha_tre", "mam_non", "tieu_hoc"})
GENERAL_LEVELS = frozenset({"tieu_hoc", "trung_hoc_co_so", "trung_hoc_pho_thong", "lien_cap"})
SMALL_SIZES = frozenset({"micro", "small"})

# Điều 4 khoản 3 (a-g): one category each.
SECURITY_EVENTS = (
    ("no-anti-state-activity", frozenset({"anti_state_activity"})),
    ("no-sabotage", frozenset({"sabotage_of_key_targets"})),
    ("no-unlawful-religion", frozenset({"unlawful_religion"})),
    ("no-exploiting-religion", frozenset({"exploiting_religion_ethnicity"})),
    ("no-separatism", frozenset({"separatism"})),
    ("no-prolonged-dispute", frozenset({"prolonged_dispute"})),
    ("no-complaint-incitement", frozenset({"complaint_incitement"})),
)
HOTSPOT = frozenset({"new_order_hotspot"})
SOCIAL_EVIL = frozenset({"new_social_evil_case"})
AREA_ACCIDENTS = frozenset({"serious_fire_explosion", "fatal_labour_accident", "serious_incident"})
ORG_ACCIDENTS = AREA_ACCIDENTS | {"environment_food_safety_violation"}
RELIGION = frozenset({"unlawful_religion"})
EXPLOITING = frozenset({"exploiting_religion_ethnicity"})
INCITEMENT = frozenset({"complaint_incitement"})
STRIKE = frozenset({"unlawful_strike", "unlawful_go_slow"})
SECRETS = frozenset({"state_secret_violation"})
VIOLENCE = frozenset({"school_violence"})


def periods(year: int) -> tuple[tuple[str, str], tuple[str, str]]:
    """Điều 8 khoản 2: (residential areas, every other kind), inclusive ISO bounds."""
    return (f"{year - 1}-11-01", f"{year}-10-31"), (f"{year - 1}-11-16", f"{year}-11-15")


# ----------------------------------------------------------------- verdicts only


def combine(outcomes: list[str]) -> str:
    if NOT_MET in outcomes:
        return NOT_MET
    if UNKNOWN in outcomes:
        return UNKNOWN
    if MET in outcomes:
        return MET
    return NA


def is_true(value: Any) -> str:
    if value is None:
        return UNKNOWN
    return MET if value else NOT_MET


def zero(value: Any) -> str:
    if value is None:
        return UNKNOWN
    return MET if value == 0 else NOT_MET


def at_least(value: Any, minimum: int) -> str:
    if value is None:
        return UNKNOWN
    return MET if value >= minimum else NOT_MET


def all_of(part: Any, whole: Any) -> str:
    if part is None or whole is None:
        return UNKNOWN
    return MET if part == whole else NOT_MET


def share(part: Any, whole: Any, percent: int) -> str:
    if part is None or whole is None or whole == 0:  # an empty whole: parameter unset
        return UNKNOWN
    return MET if 100 * part >= percent * whole else NOT_MET


def grade_at_least(grade: Any, rank: int) -> str:
    if grade is None:
        return UNKNOWN
    return MET if GRADE_RANK[grade] >= rank else NOT_MET


def title_or_grade(title: Any, grade: Any) -> str:
    if title is True:
        return MET
    if grade is not None and GRADE_RANK[grade] >= HOAN_THANH_TOT:
        return MET
    if title is None or grade is None:
        return UNKNOWN
    return NOT_MET


def topics_covered(topics: Any, required: frozenset[str]) -> str:
    if topics is None:
        return UNKNOWN
    return MET if required.issubset(topics) else NOT_MET


def offences_reduced(current: Any, previous: Any) -> str:
    if current is None or previous is None:
        return UNKNOWN
    now = current["crimes"] + current["social_evils"] + current["other_violations"]
    before = previous["crimes"] + previous["social_evils"] + previous["other_violations"]
    if now == 0 and before == 0:
        return MET
    return MET if now < before else NOT_MET


def in_period(incidents: Any, start: str, end: str) -> list[dict[str, Any]] | None:
    if incidents is None:
        return None
    return [i for i in incidents if start <= i["date"] <= end]


def none_of(found: list[dict[str, Any]] | None, categories: frozenset[str]) -> str:
    if found is None:
        return UNKNOWN
    for incident in found:
        if incident["category"] in categories:
            return NOT_MET
    return MET


def excused(incident: dict[str, Any]) -> bool | None:
    """Force majeure, or detected in time AND mitigated AND reported at once (Kleene)."""
    force = incident.get("force_majeure")
    if force is True:
        return True
    timely = incident.get("timely_detected")
    mitigated = incident.get("mitigated")
    reported = incident.get("reported_immediately")
    if timely is True and mitigated is True and reported is True:
        return True
    if force is False and (timely is False or mitigated is False or reported is False):
        return False
    return None


def serious_crimes(found: list[dict[str, Any]] | None) -> str:
    if found is None:
        return UNKNOWN
    unassessed = False
    for incident in found:
        if incident["category"] == "crime" and incident.get("gravity") in SERIOUS:
            ok = excused(incident)
            if ok is False:
                return NOT_MET
            if ok is None:
                unassessed = True
    return UNKNOWN if unassessed else MET


def force_majeure_only(found: list[dict[str, Any]] | None, categories: frozenset[str]) -> str:
    if found is None:
        return UNKNOWN
    unassessed = False
    for incident in found:
        if incident["category"] in categories:
            force = incident.get("force_majeure")
            if force is False:
                return NOT_MET
            if force is None:
                unassessed = True
    return UNKNOWN if unassessed else MET


def _territory(f: dict[str, Any], found: list[dict[str, Any]] | None) -> list[str]:
    """Điều 4 khoản 2-4, also applied by a commune (Điều 5 khoản 2)."""
    return [
        is_true(f.get("policy_implemented")),
        none_of(found, SECURITY_EVENTS[0][1]),
        none_of(found, SECURITY_EVENTS[1][1]),
        none_of(found, SECURITY_EVENTS[2][1]),
        none_of(found, SECURITY_EVENTS[3][1]),
        none_of(found, SECURITY_EVENTS[4][1]),
        none_of(found, SECURITY_EVENTS[5][1]),
        none_of(found, SECURITY_EVENTS[6][1]),
        offences_reduced(f.get("offences_current"), f.get("offences_previous")),
        serious_crimes(found),
        none_of(found, HOTSPOT),
        none_of(found, SOCIAL_EVIL),
        is_true(f.get("supervised_persons_managed")),
        force_majeure_only(found, AREA_ACCIDENTS),
    ]


def residential_area(f: dict[str, Any], start: str, end: str) -> str:
    found = in_period(f.get("incidents"), start, end)
    return combine(
        [
            is_true(f.get("party_resolution_q1")),
            is_true(f.get("registered_q1")),
            all_of(f.get("households_registered"), f.get("households_resident")),
            *_territory(f, found),
            grade_at_least(f.get("grassroots_force_grade"), HOAN_THANH),
            zero(f.get("grassroots_force_members_disciplined")),
        ]
    )


def commune(f: dict[str, Any], start: str, end: str) -> str:
    found = in_period(f.get("incidents"), start, end)
    return combine(
        [
            is_true(f.get("party_resolution_q1")),
            is_true(f.get("security_plan_q1")),
            is_true(f.get("registered_q1")),
            at_least(f.get("effective_models"), 1),
            *_territory(f, found),
            is_true(f.get("commune_police_effective")),
            zero(f.get("commune_police_disciplined")),
            all_of(f.get("units_registered"), f.get("units_total")),
            share(f.get("units_recognised"), f.get("units_total"), 70),
        ]
    )


Gates = tuple[str | None, str | None, str | None, str | None]


def _gates(f: dict[str, Any], *, if_any: bool) -> Gates:
    """(party, force rating, force discipline, emulation) gates: None = applies.

    The force's title or grade applies only where the unit is eligible for
    emulation ratings; its discipline applies either way. Without a force of its
    own: not applicable for a school (Điều 7 khoản 5, "nếu có"), undetermined for
    an agency or enterprise (Điều 6 khoản 4, the default of no_own_security_force).
    """
    party = f.get("has_party_organisation")
    eligible = f.get("emulation_eligible")
    force = f.get("has_security_force")
    party_gate = UNKNOWN if party is None else (None if party else NA)
    no_force = NA if if_any else UNKNOWN
    discipline_gate: str | None = UNKNOWN if force is None else no_force if force is False else None
    if eligible is False or (if_any and force is False):
        rating_gate: str | None = NA
    elif eligible is None or force is None or force is False:
        rating_gate = UNKNOWN
    else:
        rating_gate = None
    emulation_gate = UNKNOWN if eligible is None else (None if eligible else NA)
    return party_gate, rating_gate, discipline_gate, emulation_gate


def organisation(f: dict[str, Any], start: str, end: str) -> str:
    """Điều 6: an agency or enterprise already known to be in scope."""
    found = in_period(f.get("incidents"), start, end)
    party_gate, rating_gate, discipline_gate, emulation_gate = _gates(f, if_any=False)
    return combine(
        [
            party_gate or is_true(f.get("party_resolution_q1")),
            is_true(f.get("security_plan_q1")),
            is_true(f.get("registered_q1")),
            topics_covered(f.get("internal_rules_topics"), AGENCY_TOPICS),
            all_of(f.get("staff_informed"), f.get("staff_total")),
            at_least(f.get("effective_models"), 1),
            is_true(f.get("policy_implemented")),
            none_of(found, RELIGION),
            none_of(found, EXPLOITING),
            none_of(found, INCITEMENT),
            none_of(found, STRIKE),
            serious_crimes(found),
            none_of(found, SECRETS),
            force_majeure_only(found, ORG_ACCIDENTS),
            zero(f.get("staff_admin_sanctioned_security_order")),
            zero(f.get("staff_social_evil_disciplined_warning_or_above")),
            rating_gate
            or title_or_grade(
                f.get("security_force_advanced_collective"), f.get("security_force_grade")
            ),
            discipline_gate or zero(f.get("security_force_disciplined_warning_or_above")),
            emulation_gate or share(f.get("subunits_qualifying"), f.get("subunits_eligible"), 70),
            zero(f.get("individuals_disciplined_warning_or_above")),
        ]
    )


def school(f: dict[str, Any], start: str, end: str) -> str:
    """Điều 7: an educational institution already known to be in scope."""
    found = in_period(f.get("incidents"), start, end)
    party_gate, rating_gate, discipline_gate, emulation_gate = _gates(f, if_any=True)
    level = f.get("education_level")
    return combine(
        [
            party_gate or is_true(f.get("party_resolution_q1")),
            is_true(f.get("security_plan_q1")),
            is_true(f.get("registered_q1")),
            topics_covered(f.get("internal_rules_topics"), SCHOOL_TOPICS),
            all_of(f.get("school_members_informed"), f.get("school_members_total")),
            at_least(f.get("effective_models"), 1),
            is_true(f.get("policy_implemented")),
            UNKNOWN
            if level is None
            else is_true(f.get("parent_board_coordination"))
            if level in GENERAL_LEVELS
            else NA,
            none_of(found, RELIGION),
            none_of(found, EXPLOITING),
            none_of(found, INCITEMENT),
            serious_crimes(found),
            none_of(found, SECRETS),
            force_majeure_only(found, ORG_ACCIDENTS),
            none_of(found, VIOLENCE),
            zero(f.get("members_offending_disciplined_warning_or_above")),
            rating_gate
            or title_or_grade(
                f.get("security_force_advanced_collective"), f.get("security_force_grade")
            ),
            discipline_gate or zero(f.get("security_force_disciplined_warning_or_above")),
            emulation_gate or share(f.get("subunits_qualifying"), f.get("subunits_eligible"), 70),
            zero(f.get("individuals_disciplined_warning_or_above")),
        ]
    )


_PERIODS: dict[int, tuple[tuple[str, str], tuple[str, str]]] = {}


def outcome(unit: dict[str, Any]) -> str:
    """The outcome code of one unit (a dict as in antq's JSON Lines format)."""
    year = unit["year"]
    both = _PERIODS.get(year)
    if both is None:
        both = _PERIODS[year] = periods(year)
    f = unit.get("facts", {})
    kind = unit["kind"]
    if kind == "residential_area":
        return residential_area(f, *both[0])
    start, end = both[1]
    if kind == "commune":
        return commune(f, start, end)
    if kind == "agency":
        armed = f.get("is_armed_forces")
        if armed:
            return NA
        result = organisation(f, start, end)
        return UNKNOWN if armed is None else result
    if kind == "enterprise":
        size = f.get("enterprise_size")
        if size in SMALL_SIZES:
            return NA
        result = organisation(f, start, end)
        return UNKNOWN if size is None else result
    if kind == "educational_institution":
        level = f.get("education_level")
        if level in EXCLUDED_LEVELS:
            return NA
        result = school(f, start, end)
        return UNKNOWN if level is None else result
    raise ValueError(f"unknown kind {kind!r}")


# ----------------------------------------------------------------- with reasons

LABEL_VI = {MET: "đạt", NOT_MET: "chưa đạt", UNKNOWN: "chưa xác định", NA: "không áp dụng"}
KIND_VI = {
    "residential_area": "khu dân cư",
    "commune": "xã, phường, đặc khu",
    "agency": "cơ quan",
    "enterprise": "doanh nghiệp",
    "educational_institution": "cơ sở giáo dục",
}
Result = tuple[str, str]  # (outcome, reason)


def number(n: int) -> str:
    """1064 -> '1.064' (Vietnamese grouping)."""
    return f"{n:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    """Truncated to a tenth, with a decimal comma: 69,9%."""
    tenths = part * 1000 // whole
    return f"{number(tenths // 10)},{tenths % 10}%"


def day(iso: str) -> str:
    """'2025-03-14' -> '14/03/2025'."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def missing(*names: str) -> Result:
    return UNKNOWN, "chưa đủ thông tin: thiếu " + "; ".join(names)


def r_true(f: dict[str, Any], key: str) -> Result:
    value = f.get(key)
    if value is None:
        return missing(key)
    return (MET, f"{key}: có") if value else (NOT_MET, f"{key}: không")


def r_zero(f: dict[str, Any], key: str) -> Result:
    value = f.get(key)
    if value is None:
        return missing(key)
    if value == 0:
        return MET, f"không có: {key}"
    return NOT_MET, f"{number(value)} trường hợp trong khi không được có: {key}"


def r_at_least(f: dict[str, Any], key: str, minimum: int) -> Result:
    value = f.get(key)
    if value is None:
        return missing(key)
    if value >= minimum:
        return MET, f"{number(value)} ≥ {number(minimum)}"
    return NOT_MET, f"{number(value)} < {number(minimum)}: cần thêm {number(minimum - value)}"


def r_all_of(f: dict[str, Any], part_key: str, whole_key: str) -> Result:
    part, whole = f.get(part_key), f.get(whole_key)
    if part is None or whole is None:
        return missing(*(k for k, v in ((part_key, part), (whole_key, whole)) if v is None))
    text = f"{number(part)}/{number(whole)} = {percent(part, whole)}"
    if part == whole:
        return MET, text
    return NOT_MET, f"{text} < 100%: cần thêm {number(whole - part)}"


def r_share(f: dict[str, Any], part_key: str, whole_key: str, threshold: int) -> Result:
    part, whole = f.get(part_key), f.get(whole_key)
    if part is None or whole is None:
        return missing(*(k for k, v in ((part_key, part), (whole_key, whole)) if v is None))
    if whole == 0:
        return UNKNOWN, f"{whole_key} bằng 0 và pháp luật chưa quy định cách xử lý"
    text = f"{number(part)}/{number(whole)} = {percent(part, whole)}"
    if 100 * part >= threshold * whole:
        return MET, f"{text} ≥ {threshold}%"
    gap = -(-threshold * whole // 100) - part
    return NOT_MET, f"{text} < {threshold}%: cần thêm {number(gap)}"


def r_grade(f: dict[str, Any], key: str, rank: int, minimum: str) -> Result:
    grade = f.get(key)
    if grade is None:
        return missing(key)
    if GRADE_RANK[grade] >= rank:
        return MET, f"xếp loại '{grade}', từ '{minimum}' trở lên"
    return NOT_MET, f"xếp loại '{grade}', dưới '{minimum}'"


def r_title_or_grade(f: dict[str, Any]) -> Result:
    title = f.get("security_force_advanced_collective")
    grade = f.get("security_force_grade")
    if title is True:
        return MET, "security_force_advanced_collective: có"
    if grade is not None and GRADE_RANK[grade] >= HOAN_THANH_TOT:
        return MET, f"xếp loại '{grade}', từ 'hoan_thanh_tot' trở lên"
    if title is None or grade is None:
        return missing(
            *(
                k
                for k, v in (
                    ("security_force_advanced_collective", title),
                    ("security_force_grade", grade),
                )
                if v is None
            )
        )
    return NOT_MET, f"không có danh hiệu; xếp loại '{grade}', dưới 'hoan_thanh_tot'"


def r_topics(f: dict[str, Any], required: frozenset[str]) -> Result:
    topics = f.get("internal_rules_topics")
    if topics is None:
        return missing("internal_rules_topics")
    lacking = sorted(required.difference(topics))
    if not lacking:
        return MET, f"đủ {len(required)} nội dung bắt buộc"
    return NOT_MET, f"thiếu {len(lacking)} nội dung bắt buộc: {'; '.join(lacking)}"


def r_offences(f: dict[str, Any]) -> Result:
    current, previous = f.get("offences_current"), f.get("offences_previous")
    if current is None or previous is None:
        return missing(
            *(
                k
                for k, v in (("offences_current", current), ("offences_previous", previous))
                if v is None
            )
        )
    now = current["crimes"] + current["social_evils"] + current["other_violations"]
    before = previous["crimes"] + previous["social_evils"] + previous["other_violations"]
    reading = "giảm thực sự, tính trên tổng số"
    if now == 0 and before == 0:
        return MET, f"không có vi phạm trong cả hai kỳ (cách hiểu: {reading})"
    text = f"{number(now)} trong kỳ so với {number(before)} kỳ trước (cách hiểu: {reading})"
    return (MET, text) if now < before else (NOT_MET, "tổng số: " + text)


def r_none_of(
    found: list[dict[str, Any]] | None, categories: frozenset[str], start: str, end: str
) -> Result:
    if found is None:
        return missing("incidents")
    hits = [i for i in found if i["category"] in categories]
    if not hits:
        return MET, f"không có trong kỳ {day(start)} – {day(end)}"
    dates = ", ".join(day(i["date"]) for i in hits)
    return NOT_MET, f"{len(hits)} vụ trong kỳ {day(start)} – {day(end)}, ngày {dates}"


def r_serious_crimes(found: list[dict[str, Any]] | None) -> Result:
    if found is None:
        return missing("incidents")
    crimes = [i for i in found if i["category"] == "crime" and i.get("gravity") in SERIOUS]
    if not crimes:
        return MET, "không có tội phạm nghiêm trọng trở lên trong kỳ"
    refused = [c for c in crimes if excused(c) is False]
    if refused:
        dates = ", ".join(day(c["date"]) for c in refused)
        return (
            NOT_MET,
            f"{len(refused)} vụ phạm tội nghiêm trọng trở lên không được miễn, ngày {dates}",
        )
    unassessed = [c for c in crimes if excused(c) is None]
    if unassessed:
        dates = ", ".join(day(c["date"]) for c in unassessed)
        return UNKNOWN, f"{len(unassessed)} vụ chưa đánh giá trường hợp loại trừ, ngày {dates}"
    return MET, f"{len(crimes)} vụ phạm tội nghiêm trọng trở lên, đều thuộc trường hợp loại trừ"


def r_force_majeure(found: list[dict[str, Any]] | None, categories: frozenset[str]) -> Result:
    if found is None:
        return missing("incidents")
    hits = [i for i in found if i["category"] in categories]
    if not hits:
        return MET, "không có trong kỳ"
    refused = [i for i in hits if i.get("force_majeure") is False]
    if refused:
        dates = ", ".join(day(i["date"]) for i in refused)
        return NOT_MET, f"{len(refused)} vụ không do bất khả kháng, ngày {dates}"
    unassessed = [i for i in hits if i.get("force_majeure") is None]
    if unassessed:
        dates = ", ".join(day(i["date"]) for i in unassessed)
        return UNKNOWN, f"{len(unassessed)} vụ chưa đánh giá bất khả kháng, ngày {dates}"
    return MET, f"{len(hits)} vụ trong kỳ, đều do bất khả kháng"


def _r_territory(
    p: str, f: dict[str, Any], found: list[dict[str, Any]] | None, start: str, end: str
) -> list[tuple[str, Result]]:
    return [
        (f"{p}.policy", r_true(f, "policy_implemented")),
        *((f"{p}.{slug}", r_none_of(found, cats, start, end)) for slug, cats in SECURITY_EVENTS),
        (f"{p}.offences-reduced", r_offences(f)),
        (f"{p}.no-serious-crime", r_serious_crimes(found)),
        (f"{p}.no-new-hotspot", r_none_of(found, HOTSPOT, start, end)),
        (f"{p}.no-new-social-evil", r_none_of(found, SOCIAL_EVIL, start, end)),
        (f"{p}.supervised-persons", r_true(f, "supervised_persons_managed")),
        (f"{p}.no-serious-accident", r_force_majeure(found, AREA_ACCIDENTS)),
    ]


def _gated(gate: str | None, result: Result, why: str) -> Result:
    if gate is None:
        return result
    if gate == NA:
        return NA, why
    return UNKNOWN, "chưa đủ thông tin để biết tiêu chí có áp dụng không"


def _r_organisation_tail(p: str, f: dict[str, Any], gates: Gates) -> list[tuple[str, Result]]:
    _, rating_gate, discipline_gate, emulation_gate = gates
    no_force = "đơn vị không đủ điều kiện xét thi đua hoặc không có lực lượng bảo vệ"
    return [
        (f"{p}.security-force-rating", _gated(rating_gate, r_title_or_grade(f), no_force)),
        (
            f"{p}.security-force-discipline",
            _gated(
                discipline_gate,
                r_zero(f, "security_force_disciplined_warning_or_above"),
                "đơn vị không có lực lượng bảo vệ",
            ),
        ),
        (
            f"{p}.subunits",
            _gated(
                emulation_gate,
                r_share(f, "subunits_qualifying", "subunits_eligible", 70),
                "đơn vị không đủ điều kiện xét thi đua",
            ),
        ),
        (f"{p}.individual-discipline", r_zero(f, "individuals_disciplined_warning_or_above")),
    ]


def results(unit: dict[str, Any]) -> tuple[str, list[tuple[str, str, str]]]:
    """The outcome and every criterion's (id, outcome, reason), scope check first."""
    year = unit["year"]
    (ra_start, ra_end), (start, end) = periods(year)
    f = unit.get("facts", {})
    kind = unit["kind"]
    found: list[dict[str, Any]] | None
    scope: tuple[str, Result] | None = None
    rows: list[tuple[str, Result]]
    if kind == "residential_area":
        p = "tt124.residential-area"
        found = in_period(f.get("incidents"), ra_start, ra_end)
        rows = [
            (f"{p}.party-resolution", r_true(f, "party_resolution_q1")),
            (f"{p}.registration", r_true(f, "registered_q1")),
            (
                f"{p}.households-registered",
                r_all_of(f, "households_registered", "households_resident"),
            ),
            *_r_territory(p, f, found, ra_start, ra_end),
            (f"{p}.force-rating", r_grade(f, "grassroots_force_grade", HOAN_THANH, "hoan_thanh")),
            (f"{p}.force-discipline", r_zero(f, "grassroots_force_members_disciplined")),
        ]
    elif kind == "commune":
        p = "tt124.commune"
        found = in_period(f.get("incidents"), start, end)
        rows = [
            (f"{p}.party-resolution", r_true(f, "party_resolution_q1")),
            (f"{p}.security-plan", r_true(f, "security_plan_q1")),
            (f"{p}.registration", r_true(f, "registered_q1")),
            (f"{p}.effective-models", r_at_least(f, "effective_models", 1)),
            *_r_territory(p, f, found, start, end),
            (f"{p}.police-effective", r_true(f, "commune_police_effective")),
            (f"{p}.police-discipline", r_zero(f, "commune_police_disciplined")),
            (f"{p}.units-registered", r_all_of(f, "units_registered", "units_total")),
            (f"{p}.units-recognised", r_share(f, "units_recognised", "units_total", 70)),
        ]
    else:
        p = {
            "agency": "tt124.agency",
            "enterprise": "tt124.enterprise",
            "educational_institution": "tt124.educational-institution",
        }[kind]
        if kind == "agency":
            armed = f.get("is_armed_forces")
            scope = (
                f"{p}.scope",
                missing("is_armed_forces")
                if armed is None
                else (NA, "cơ quan, đơn vị thuộc lực lượng vũ trang nằm ngoài phạm vi")
                if armed
                else (MET, "thuộc phạm vi của thông tư"),
            )
        elif kind == "enterprise":
            size = f.get("enterprise_size")
            scope = (
                f"{p}.scope",
                missing("enterprise_size")
                if size is None
                else (NA, f"doanh nghiệp quy mô '{size}' nằm ngoài phạm vi")
                if size in SMALL_SIZES
                else (MET, "thuộc phạm vi của thông tư"),
            )
        else:
            level = f.get("education_level")
            scope = (
                f"{p}.scope",
                missing("education_level")
                if level is None
                else (NA, f"'{level}' nằm ngoài phạm vi")
                if level in EXCLUDED_LEVELS
                else (MET, "thuộc phạm vi của thông tư"),
            )
        if scope[1][0] == NA:
            return NA, [(scope[0], NA, scope[1][1])]
        found = in_period(f.get("incidents"), start, end)
        gates = _gates(f, if_any=kind == "educational_institution")
        party_gate = gates[0]
        head = [
            (
                f"{p}.party-resolution",
                _gated(
                    party_gate,
                    r_true(f, "party_resolution_q1"),
                    "đơn vị không có tổ chức Đảng",
                ),
            ),
            (f"{p}.security-plan", r_true(f, "security_plan_q1")),
            (f"{p}.registration", r_true(f, "registered_q1")),
        ]
        if kind == "educational_institution":
            level = f.get("education_level")
            rows = [
                *head,
                (f"{p}.internal-rules", r_topics(f, SCHOOL_TOPICS)),
                (
                    f"{p}.members-informed",
                    r_all_of(f, "school_members_informed", "school_members_total"),
                ),
                (f"{p}.effective-models", r_at_least(f, "effective_models", 1)),
                (f"{p}.policy", r_true(f, "policy_implemented")),
                (
                    f"{p}.parent-board",
                    missing("education_level")
                    if level is None
                    else r_true(f, "parent_board_coordination")
                    if level in GENERAL_LEVELS
                    else (NA, "chỉ áp dụng với cơ sở giáo dục phổ thông"),
                ),
                (f"{p}.no-unlawful-religion", r_none_of(found, RELIGION, start, end)),
                (f"{p}.no-exploiting-religion", r_none_of(found, EXPLOITING, start, end)),
                (f"{p}.no-complaint-incitement", r_none_of(found, INCITEMENT, start, end)),
                (f"{p}.no-serious-crime", r_serious_crimes(found)),
                (f"{p}.no-state-secret-violation", r_none_of(found, SECRETS, start, end)),
                (f"{p}.no-serious-accident", r_force_majeure(found, ORG_ACCIDENTS)),
                (f"{p}.no-school-violence", r_none_of(found, VIOLENCE, start, end)),
                (
                    f"{p}.no-offending-members",
                    r_zero(f, "members_offending_disciplined_warning_or_above"),
                ),
                *_r_organisation_tail(p, f, gates),
            ]
        else:
            rows = [
                *head,
                (f"{p}.internal-rules", r_topics(f, AGENCY_TOPICS)),
                (f"{p}.staff-informed", r_all_of(f, "staff_informed", "staff_total")),
                (f"{p}.effective-models", r_at_least(f, "effective_models", 1)),
                (f"{p}.policy", r_true(f, "policy_implemented")),
                (f"{p}.no-unlawful-religion", r_none_of(found, RELIGION, start, end)),
                (f"{p}.no-exploiting-religion", r_none_of(found, EXPLOITING, start, end)),
                (f"{p}.no-complaint-incitement", r_none_of(found, INCITEMENT, start, end)),
                (f"{p}.no-unlawful-strike", r_none_of(found, STRIKE, start, end)),
                (f"{p}.no-serious-crime", r_serious_crimes(found)),
                (f"{p}.no-state-secret-violation", r_none_of(found, SECRETS, start, end)),
                (f"{p}.no-serious-accident", r_force_majeure(found, ORG_ACCIDENTS)),
                (
                    f"{p}.no-staff-admin-penalty",
                    r_zero(f, "staff_admin_sanctioned_security_order"),
                ),
                (
                    f"{p}.no-staff-social-evil",
                    r_zero(f, "staff_social_evil_disciplined_warning_or_above"),
                ),
                *_r_organisation_tail(p, f, gates),
            ]
    if scope is not None:
        rows.insert(0, scope)
    out = [(cid, result[0], result[1]) for cid, result in rows]
    criteria = [o for cid, o, _ in out if scope is None or cid != scope[0]]
    verdict = combine(criteria)
    if scope is not None and scope[1][0] == UNKNOWN:
        verdict = UNKNOWN
    return verdict, out


# Titles (Vietnamese, as the circular words them) and citations, for the explanation.
TITLES = {
    "scope": "Thuộc đối tượng áp dụng của Thông tư",
    "party-resolution": "Tổ chức Đảng có nghị quyết về công tác bảo đảm an ninh, trật tự trong Quý I",
    "security-plan": "Có kế hoạch bảo đảm an ninh, trật tự trong Quý I",
    "registration": "Đăng ký phấn đấu đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong Quý I",
    "households-registered": "100% hộ gia đình đang cư trú tại khu dân cư đăng ký tham gia",
    "effective-models": "Có ít nhất 01 mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả",
    "internal-rules": "Trong Quý I có nội quy, quy định bảo đảm đủ nội dung theo quy định",
    "staff-informed": "100% cán bộ, công chức, viên chức và người lao động được phổ biến nội quy, quy định",
    "members-informed": "100% cán bộ, giáo viên, người học được phổ biến nội quy, quy định",
    "policy": "Thực hiện đầy đủ chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về an ninh, trật tự",
    "parent-board": "Phối hợp với Ban đại diện cha mẹ học sinh quản lý học sinh",
    "no-anti-state-activity": "Không có hoạt động chống Đảng, chống chính quyền, phá hoại khối đại đoàn kết toàn dân tộc",
    "no-sabotage": "Không có hoạt động phá hoại các mục tiêu, công trình trọng điểm",
    "no-unlawful-religion": "Không có hoạt động tuyên truyền, phát triển tín ngưỡng, tôn giáo trái pháp luật",
    "no-exploiting-religion": "Không có hoạt động lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu kiện gây phức tạp",
    "no-separatism": "Không có hoạt động ly khai, đòi tự trị",
    "no-prolonged-dispute": "Không có mâu thuẫn, tranh chấp phức tạp, kéo dài trong nội bộ Nhân dân",
    "no-complaint-incitement": "Không có hoạt động kích động, lôi kéo tụ tập đông người khiếu kiện, gây rối trật tự",
    "offences-reduced": "Tội phạm, tệ nạn xã hội và vi phạm pháp luật khác được kiềm chế, kéo giảm so với năm trước",
    "no-serious-crime": "Không để xảy ra tội phạm nghiêm trọng trở lên, trừ trường hợp bất khả kháng hoặc được phát hiện kịp thời",
    "no-new-hotspot": "Không phát sinh tụ điểm phức tạp về trật tự xã hội",
    "no-new-social-evil": "Không phát sinh người mắc tệ nạn xã hội",
    "supervised-persons": "Quản lý, giáo dục, giúp đỡ có hiệu quả các đối tượng thuộc diện quản lý cư trú",
    "no-serious-accident": "Không để xảy ra cháy, nổ nghiêm trọng, tai nạn lao động chết người, sự cố nghiêm trọng, trừ trường hợp bất khả kháng",
    "no-unlawful-strike": "Không xảy ra đình công, lãn công trái pháp luật",
    "no-state-secret-violation": "Không có vi phạm quy định về bảo vệ bí mật Nhà nước",
    "no-staff-admin-penalty": "Không có cán bộ, người lao động bị xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự",
    "no-staff-social-evil": "Không có cán bộ, người lao động mắc tệ nạn xã hội bị kỷ luật từ cảnh cáo trở lên",
    "no-school-violence": "Không để xảy ra bạo lực học đường",
    "no-offending-members": "Không có cán bộ, giáo viên, người học phạm tội, mắc tệ nạn xã hội bị kỷ luật từ cảnh cáo trở lên",
    "force-rating": "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở được xếp loại “Hoàn thành nhiệm vụ” trở lên",
    "force-discipline": "Không có thành viên lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở bị xử lý kỷ luật",
    "police-effective": "Công an cấp xã nắm chắc tình hình, tham mưu kịp thời, thực hiện hiệu quả công tác",
    "police-discipline": "Không có cán bộ, chiến sĩ Công an cấp xã vi phạm bị xử lý kỷ luật",
    "units-registered": "100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký",
    "units-recognised": "Có từ 70% trở lên số đơn vị trên địa bàn đạt tiêu chuẩn",
    "security-force-rating": "Lực lượng bảo vệ đạt “Tập thể lao động tiên tiến” hoặc xếp loại “Hoàn thành tốt nhiệm vụ” trở lên",
    "security-force-discipline": "Không có thành viên lực lượng bảo vệ bị kỷ luật từ cảnh cáo trở lên",
    "subunits": "Có từ 70% trở lên số đầu mối trực thuộc đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ”",
    "individual-discipline": "Không có cá nhân của đơn vị bị xử lý kỷ luật từ hình thức cảnh cáo trở lên",
}
_POINTS = ["a", "b", "c", "d", "đ", "e", "g"]
_AREA_CLAUSES = {
    "party-resolution": "4.1",
    "registration": "4.1",
    "households-registered": "4.1",
    "policy": "4.2",
    **{slug: f"4.3.{_POINTS[n]}" for n, (slug, _) in enumerate(SECURITY_EVENTS)},
    "offences-reduced": "4.4.a",
    "no-serious-crime": "4.4.b",
    "no-new-hotspot": "4.4.c",
    "no-new-social-evil": "4.4.c",
    "supervised-persons": "4.4.c",
    "no-serious-accident": "4.4.d",
    "force-rating": "4.5",
    "force-discipline": "4.5",
}
_ORG_CLAUSES = {
    "scope": "1.2.b",
    "party-resolution": "6.1",
    "security-plan": "6.1",
    "registration": "6.1",
    "internal-rules": "6.1",
    "staff-informed": "6.1",
    "effective-models": "6.1",
    "policy": "6.2",
    "no-unlawful-religion": "6.3.a",
    "no-exploiting-religion": "6.3.b",
    "no-complaint-incitement": "6.3.c",
    "no-unlawful-strike": "6.3.d",
    "no-serious-crime": "6.3.đ",
    "no-state-secret-violation": "6.3.e",
    "no-serious-accident": "6.3.g",
    "no-staff-admin-penalty": "6.3.h",
    "no-staff-social-evil": "6.3.h",
    "security-force-rating": "6.4",
    "security-force-discipline": "6.4",
    "subunits": "6.5",
    "individual-discipline": "6.5",
}


def _cite(code: str) -> str:
    parts = code.split(".")
    text = f"Điều {parts[0]} khoản {parts[1]}" + (f" điểm {parts[2]}" if len(parts) > 2 else "")
    return text + " Thông tư 124/2021/TT-BCA"


def _school_clause(slug: str) -> str:
    if slug in ("no-school-violence", "no-offending-members"):
        return "7.4"
    if slug in ("policy", "parent-board"):
        return "7.2"
    if slug.startswith("security-force"):
        return "7.5"
    if slug in ("subunits", "individual-discipline"):
        return "7.6"
    if slug == "scope":
        return "1.2.b"
    return "7.3" if _ORG_CLAUSES.get(slug, "").startswith("6.3") else "7.1"


CITATIONS: dict[str, str] = {}
for _slug, _code in _AREA_CLAUSES.items():
    CITATIONS[f"tt124.residential-area.{_slug}"] = _cite(_code)
    _commune = "5.2" if _code[:3] in ("4.2", "4.3", "4.4") else None
    if _commune:
        CITATIONS[f"tt124.commune.{_slug}"] = f"{_cite(_commune)}; áp dụng {_cite(_code)}"
for _slug in ("party-resolution", "security-plan", "registration", "effective-models"):
    CITATIONS[f"tt124.commune.{_slug}"] = _cite("5.1")
for _slug in ("police-effective", "police-discipline"):
    CITATIONS[f"tt124.commune.{_slug}"] = _cite("5.3")
for _slug in ("units-registered", "units-recognised"):
    CITATIONS[f"tt124.commune.{_slug}"] = _cite("5.4")
for _slug, _code in _ORG_CLAUSES.items():
    CITATIONS[f"tt124.agency.{_slug}"] = CITATIONS[f"tt124.enterprise.{_slug}"] = _cite(_code)
for _slug in (
    *_ORG_CLAUSES,
    "members-informed",
    "parent-board",
    "no-school-violence",
    "no-offending-members",
):
    _code = _school_clause(_slug)
    _text = _cite(_code)
    if _code == "7.3":
        _text += f"; áp dụng {_cite(_ORG_CLAUSES[_slug])}"
    CITATIONS[f"tt124.educational-institution.{_slug}"] = _text


def explain(unit: dict[str, Any]) -> tuple[str, str]:
    """The outcome and a Vietnamese account of every criterion, one line each."""
    verdict, rows = results(unit)
    kind = unit["kind"]
    name = unit.get("name") or unit["id"]
    lines = [f"{name} ({KIND_VI[kind]}), vòng {unit['year']}: {LABEL_VI[verdict].upper()}"]
    lines += [
        f"  - [{LABEL_VI[o]}] {TITLES[cid.rsplit('.', 1)[1]]} ({CITATIONS[cid]}): {reason}"
        for cid, o, reason in rows
    ]
    return verdict, "\n".join(lines)
