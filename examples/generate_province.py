"""Generate a fictional province's facts as CSV, for trying ``antq report`` at full size.

    python examples/generate_province.py OUTDIR [--communes 100] [--seed 2025]
    antq report OUTDIR/units --indicators OUTDIR/indicators.csv --format html --output report.html

The output is deterministic: the same options always give the same bytes. It
is not committed; generate it when you need it. With the defaults it writes

* ``OUTDIR/units/communes.csv``: 100 communes and wards of "Tỉnh Thái Hòa";
* ``OUTDIR/units/residential-areas.csv``: about 1,500 thôn and tổ dân phố
  (written with a UTF-8 byte-order mark, as spreadsheets save it);
* ``OUTDIR/units/agencies.csv``, ``enterprises.csv``, ``schools.csv``;
* ``OUTDIR/indicators.csv``: the province's crime-prevention figures.

Most units meet the standard; some miss a criterion (households not all
registered, a fatal labour accident), some lack a fact (left empty: unknown),
some are outside the circular's scope (small enterprises, primary schools,
armed-forces agencies). A few rows name their commune by name, abbreviated,
without diacritics or in decomposed Unicode (NFD), as real files do.
``--bad-rows N`` makes N residential-area rows invalid, to see how errors are
reported while every other row is kept.

The script uses only the standard library.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import unicodedata
from collections.abc import Sequence
from pathlib import Path

PROVINCE = "Tỉnh Thái Hòa"
FIRST = ("Tân", "Hòa", "An", "Phú", "Bình", "Đông", "Tây", "Nam", "Bắc", "Vĩnh", "Long", "Thuận")
SECOND = ("Phú", "Lợi", "Thạnh", "Hưng", "Khánh", "Lộc", "Đức", "Xuân", "Mỹ", "Sơn", "Hà", "Điền")
TOPICS = "unit_protection;state_secrets;internal_politics;labour_safety;fire_prevention;environment"
SCHOOL_TOPICS = "unit_protection;internal_politics;learners;fire_prevention"

UNIT = ["id", "kind", "year", "name", "commune", "province"]
COMMUNE_FACTS = [
    "party_resolution_q1",
    "security_plan_q1",
    "registered_q1",
    "effective_models",
    "policy_implemented",
    "incidents",
    "offences_current.crimes",
    "offences_current.social_evils",
    "offences_current.other_violations",
    "offences_previous.crimes",
    "offences_previous.social_evils",
    "offences_previous.other_violations",
    "supervised_persons_managed",
    "commune_police_effective",
    "commune_police_disciplined",
]
AREA_FACTS = [
    "party_resolution_q1",
    "registered_q1",
    "households_resident",
    "households_registered",
    "policy_implemented",
    "incidents",
    "offences_current.crimes",
    "offences_current.social_evils",
    "offences_current.other_violations",
    "offences_previous.crimes",
    "offences_previous.social_evils",
    "offences_previous.other_violations",
    "supervised_persons_managed",
    "grassroots_force_grade",
    "grassroots_force_members_disciplined",
]
ORGANISATION_FACTS = [
    "has_party_organisation",
    "party_resolution_q1",
    "security_plan_q1",
    "registered_q1",
    "internal_rules_topics",
    "staff_total",
    "staff_informed",
    "effective_models",
    "policy_implemented",
    "incidents",
    "staff_admin_sanctioned_security_order",
    "staff_social_evil_disciplined_warning_or_above",
    "emulation_eligible",
    "has_security_force",
    "security_force_advanced_collective",
    "security_force_disciplined_warning_or_above",
    "subunits_eligible",
    "subunits_qualifying",
    "individuals_disciplined_warning_or_above",
]
SCHOOL_FACTS = [
    "education_level",
    "has_party_organisation",
    "party_resolution_q1",
    "security_plan_q1",
    "registered_q1",
    "internal_rules_topics",
    "school_members_total",
    "school_members_informed",
    "effective_models",
    "policy_implemented",
    "parent_board_coordination",
    "incidents",
    "members_offending_disciplined_warning_or_above",
    "emulation_eligible",
    "has_security_force",
    "subunits_eligible",
    "subunits_qualifying",
    "individuals_disciplined_warning_or_above",
]

Row = dict[str, object]


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _offences(rng: random.Random, row: Row, *, reduced: bool) -> None:
    previous = [rng.randint(0, 6), rng.randint(0, 3), rng.randint(1, 8)]
    current = list(previous)
    if reduced:
        current[2] -= 1
    else:
        current[2] += rng.randint(0, 2)
    for prefix, values in (("offences_current", current), ("offences_previous", previous)):
        for key, value in zip(("crimes", "social_evils", "other_violations"), values, strict=True):
            row[f"{prefix}.{key}"] = value


def _commune_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    used: set[str] = set()
    pairs = len(FIRST) * len(SECOND)
    while len(names) < count:
        base = f"{rng.choice(FIRST)} {rng.choice(SECOND)}"
        if len(names) >= pairs:  # every pair is taken: number a further series ("Tân Phú 2")
            base += f" {len(names) // pairs + 1}"
        if base in used:
            continue
        used.add(base)
        names.append(("Phường" if rng.random() < 0.2 else "Xã", base))
    return names


def _reference(rng: random.Random, code: str, kind: str, base: str) -> str:
    """How a row names its commune: mostly the code, sometimes a name as people type it."""
    roll = rng.random()
    if roll < 0.90:
        return code
    full = f"{kind} {base}"
    if roll < 0.93:
        return full
    if roll < 0.96:
        return f"{'P.' if kind == 'Phường' else 'X.'} {base}"
    if roll < 0.98:
        return unicodedata.normalize("NFD", full)
    folded = unicodedata.normalize("NFD", full.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def generate(
    communes: int = 100,
    *,
    areas: int = 15,
    agencies: int = 3,
    enterprises: int = 4,
    schools: int = 3,
    year: int = 2025,
    seed: int = 2025,
    bad_rows: int = 0,
) -> dict[str, tuple[list[str], list[Row]]]:
    """The rows of each file, by file name, with their columns."""
    rng = random.Random(seed)
    files: dict[str, tuple[list[str], list[Row]]] = {
        "communes.csv": (UNIT + COMMUNE_FACTS, []),
        "residential-areas.csv": (UNIT + AREA_FACTS, []),
        "agencies.csv": ([*UNIT, "is_armed_forces", *ORGANISATION_FACTS], []),
        "enterprises.csv": ([*UNIT, "enterprise_size", *ORGANISATION_FACTS], []),
        "schools.csv": (UNIT + SCHOOL_FACTS, []),
    }
    bad_left = bad_rows
    for number, (kind, base) in enumerate(_commune_names(rng, communes), start=1):
        code = f"X{number:03d}"
        ward = kind == "Phường"
        commune: Row = {
            "id": code,
            "kind": "commune",
            "year": year,
            "name": f"{kind} {base}",
            "province": PROVINCE,
            "party_resolution_q1": "true",
            "security_plan_q1": "true",
            "registered_q1": "true",
            "effective_models": rng.randint(1, 4),
            "policy_implemented": "true",
            "incidents": "[]",
            "supervised_persons_managed": "true",
            "commune_police_effective": "" if rng.random() < 0.05 else "true",
            "commune_police_disciplined": 0,
        }
        _offences(rng, commune, reduced=rng.random() < 0.9)
        files["communes.csv"][1].append(commune)

        for n in range(1, rng.randint(areas - 5, areas + 5) + 1):
            resident = rng.randint(150, 600)
            registered = resident if rng.random() < 0.85 else resident - rng.randint(1, 8)
            area: Row = {
                "id": f"{code}-KDC{n:02d}",
                "kind": "residential_area",
                "year": year,
                "name": f"{'Tổ dân phố' if ward else 'Thôn'} {n}",
                "commune": _reference(rng, code, kind, base),
                "party_resolution_q1": "true",
                "registered_q1": "true" if rng.random() < 0.98 else "false",
                "households_resident": resident,
                "households_registered": registered,
                "policy_implemented": "true",
                "incidents": "[]",
                "supervised_persons_managed": "true",
                "grassroots_force_grade": ""
                if rng.random() < 0.05
                else rng.choice(("hoan_thanh_tot", "hoan_thanh_tot", "hoan_thanh_xuat_sac")),
                "grassroots_force_members_disciplined": 0,
            }
            if rng.random() < 0.03:
                area["incidents"] = json.dumps(
                    [
                        {
                            "date": f"{year}-03-14",
                            "category": "crime",
                            "gravity": "nghiem_trong",
                            "force_majeure": False,
                            "timely_detected": True,
                            "mitigated": True,
                            "reported_immediately": True,
                            "description": "Cướp tài sản; phát hiện và báo cáo kịp thời",
                        }
                    ],
                    ensure_ascii=False,
                )
            _offences(rng, area, reduced=rng.random() < 0.93)
            if bad_left and n == 1:
                area["households_resident"] = -5
                bad_left -= 1
            files["residential-areas.csv"][1].append(area)

        for n in range(1, agencies + 1):
            staff = rng.randint(10, 80)
            agency: Row = {
                "id": f"{code}-CQ{n}",
                "kind": "agency",
                "year": year,
                "name": (
                    f"Ủy ban nhân dân {kind.lower()} {base}",
                    f"Trạm Y tế {kind.lower()} {base}",
                    f"Ban Chỉ huy quân sự {kind.lower()} {base}",
                )[(n - 1) % 3],
                "commune": code,
                "is_armed_forces": _bool((n - 1) % 3 == 2),
            }
            agency.update(_organisation(rng, staff, security_force=False))
            files["agencies.csv"][1].append(agency)

        for n in range(1, enterprises + 1):
            staff = rng.randint(20, 900)
            enterprise: Row = {
                "id": f"{code}-DN{n}",
                "kind": "enterprise",
                "year": year,
                "name": f"Công ty TNHH {rng.choice(FIRST)} {rng.choice(SECOND)} {n}",
                "commune": code,
                "enterprise_size": rng.choice(("small", "medium", "medium", "large")),
            }
            enterprise.update(_organisation(rng, staff, security_force=True))
            if rng.random() < 0.05:
                enterprise["incidents"] = json.dumps(
                    [
                        {
                            "date": f"{year}-07-02",
                            "category": "fatal_labour_accident",
                            "force_majeure": False,
                        }
                    ]
                )
            files["enterprises.csv"][1].append(enterprise)

        for n in range(1, schools + 1):
            level = ("tieu_hoc", "trung_hoc_co_so", "trung_hoc_pho_thong")[(n - 1) % 3]
            members = rng.randint(200, 1500)
            school: Row = {
                "id": f"{code}-TH{n}",
                "kind": "educational_institution",
                "year": year,
                "name": f"Trường {('Tiểu học', 'THCS', 'THPT')[(n - 1) % 3]} {base}",
                "commune": code,
                "education_level": level,
                "has_party_organisation": "true",
                "party_resolution_q1": "true",
                "security_plan_q1": "true",
                "registered_q1": "true",
                "internal_rules_topics": SCHOOL_TOPICS,
                "school_members_total": members,
                "school_members_informed": members,
                "effective_models": 1,
                "policy_implemented": "true",
                "parent_board_coordination": "" if rng.random() < 0.05 else "true",
                "incidents": "[]",
                "members_offending_disciplined_warning_or_above": 0,
                "emulation_eligible": "true",
                "has_security_force": "false",
                "subunits_eligible": 4,
                "subunits_qualifying": 3,
                "individuals_disciplined_warning_or_above": 0,
            }
            files["schools.csv"][1].append(school)
    return files


def _organisation(rng: random.Random, staff: int, *, security_force: bool) -> Row:
    informed = staff if rng.random() < 0.95 else staff - 1
    row: Row = {
        "has_party_organisation": _bool(rng.random() < 0.7),
        "party_resolution_q1": "true",
        "security_plan_q1": "true",
        "registered_q1": "true",
        "internal_rules_topics": TOPICS,
        "staff_total": staff,
        "staff_informed": informed,
        "effective_models": 1,
        "policy_implemented": "true",
        "incidents": "[]",
        "staff_admin_sanctioned_security_order": 0,
        "staff_social_evil_disciplined_warning_or_above": 0,
        "emulation_eligible": "true",
        "has_security_force": _bool(security_force),
        "subunits_eligible": 5,
        "subunits_qualifying": 4,
        "individuals_disciplined_warning_or_above": 0,
    }
    if security_force:
        row["security_force_advanced_collective"] = "true"
        row["security_force_disciplined_warning_or_above"] = 0
    return row


def indicator_rows(year: int, seed: int) -> list[Row]:
    """The province's crime-prevention figures for the year to 30 September."""
    rng = random.Random(seed + 1)
    period = f"{year - 1}-10-01/{year}-09-30"
    rows: list[Row] = []
    for indicator, low, high, share in (
        ("crime_clearance_public_order", 300, 700, (0.78, 0.95)),
        ("crime_clearance_very_serious", 30, 90, (0.88, 0.99)),
        ("crime_reports_handled", 800, 1600, (0.86, 0.97)),
    ):
        whole = rng.randint(low, high)
        part = round(whole * rng.uniform(*share))
        rows.append(
            {
                "indicator": indicator,
                "unit": PROVINCE,
                "period": period,
                "numerator": part,
                "denominator": whole,
                "source": "Công an tỉnh (số liệu giả định)",
            }
        )
    tips = rng.randint(2000, 4000)
    rows.append(
        {
            "indicator": "public_tips_valuable",
            "unit": PROVINCE,
            "period": period,
            "numerator": tips * 3 // 5,
            "denominator": tips,
            "source": "Công an tỉnh (số liệu giả định)",
        }
    )
    return rows


def write(
    outdir: Path, files: dict[str, tuple[list[str], list[Row]]], indicators: list[Row]
) -> None:
    units = outdir / "units"
    units.mkdir(parents=True, exist_ok=True)
    for name, (columns, rows) in files.items():
        # Spreadsheets save CSV with a byte-order mark; one file here has one too.
        encoding = "utf-8-sig" if name == "residential-areas.csv" else "utf-8"
        with (units / name).open("w", encoding=encoding, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({c: row.get(c, "") for c in columns})
    with (outdir / "indicators.csv").open("w", encoding="utf-8", newline="") as handle:
        columns = ["indicator", "unit", "period", "numerator", "denominator", "source"]
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(indicators)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="directory to write into (created if needed)")
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument(
        "--areas", type=int, default=15, help="residential areas per commune, on average"
    )
    parser.add_argument("--agencies", type=int, default=3, help="agencies per commune")
    parser.add_argument("--enterprises", type=int, default=4, help="enterprises per commune")
    parser.add_argument("--schools", type=int, default=3, help="schools per commune")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--bad-rows", type=int, default=0, help="residential-area rows to spoil")
    args = parser.parse_args(argv)
    if args.communes < 1 or args.areas < 6:
        parser.error("need at least 1 commune and 6 residential areas per commune")
    files = generate(
        args.communes,
        areas=args.areas,
        agencies=args.agencies,
        enterprises=args.enterprises,
        schools=args.schools,
        year=args.year,
        seed=args.seed,
        bad_rows=args.bad_rows,
    )
    write(args.outdir, files, indicator_rows(args.year, args.seed))
    total = sum(len(rows) for _, rows in files.values())
    print(f"{total} units written to {args.outdir / 'units'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
