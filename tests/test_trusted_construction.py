"""Facts a reader has checked are built without checking them again, with the same result."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq import UnitFacts, UnitKind
from antq.core.periods import Period
from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory
from antq.errors import InputError
from antq.io.batch import read_csv
from antq.safety import default_rulebook
from antq.safety.inputs import OffenceCounts, parse_incident, parse_offence_counts

FLAGS = ("force_majeure", "timely_detected", "mitigated", "reported_immediately")
maybe_text = st.none() | st.text(min_size=0, max_size=4)


@st.composite
def raw_incidents(draw: st.DrawFn) -> dict[str, Any]:
    category = draw(st.sampled_from(IncidentCategory))
    raw: dict[str, Any] = {
        "date": draw(st.dates(date(2020, 1, 1), date(2026, 12, 31))).isoformat(),
        "category": category.code,
    }
    gravity = draw(st.none() | st.sampled_from(CrimeGravity))
    if gravity is not None:
        raw["gravity"] = gravity.code
    for field in ("id", "unit_id", "description"):
        value = draw(maybe_text)
        if value is not None:
            raw[field] = value
    for flag in FLAGS:
        value = draw(st.none() | st.booleans())
        if value is not None:
            raw[flag] = value
    return raw


def _validated(raw: dict[str, Any]) -> Incident:
    return Incident(
        date=date.fromisoformat(raw["date"]),
        category=IncidentCategory.from_code(raw["category"]),
        gravity=None if "gravity" not in raw else CrimeGravity.from_code(raw["gravity"]),
        id=raw.get("id"),
        unit_id=raw.get("unit_id"),
        description=raw.get("description") or "",
        **{flag: raw.get(flag) for flag in FLAGS},
    )


@given(raw_incidents())
def test_a_read_incident_is_the_one_the_validated_constructor_makes(raw: dict[str, Any]) -> None:
    try:
        expected = _validated(raw)
    except InputError as error:
        refused: InputError | None = error
    else:
        refused = None
    if refused is not None:
        # Whatever the constructor refuses, the reader refuses, naming the field at its path.
        with pytest.raises(InputError) as raised:
            parse_incident(raw, "incidents[0]")
        assert raised.value.path == f"incidents[0].{refused.path.rsplit('.', 1)[-1]}"
        assert raised.value.message == refused.message
        return
    read = parse_incident(raw, "incidents[0]")
    assert read == expected and hash(read) == hash(expected)
    assert read.excused() == expected.excused()


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
def test_read_offence_counts_are_the_constructed_ones(a: int, b: int, c: int) -> None:
    read = parse_offence_counts({"crimes": a, "social_evils": b, "other_violations": c}, "x")
    expected = OffenceCounts(crimes=a, social_evils=b, other_violations=c)
    assert read == expected and read.total == expected.total == a + b + c


def test_trusted_facts_equal_constructed_facts() -> None:
    period = Period.parse("2024-11-16/2025-11-15")
    fields: dict[str, Any] = {
        "unit_id": "DN-1",
        "kind": UnitKind.ENTERPRISE,
        "year": 2025,
        "name": "Công ty A",
        "commune": "X0001",
        "province": "Tỉnh B",
        "period": period,
        "values": {"registered_q1": True},
    }
    trusted, built = UnitFacts.trusted(**fields), UnitFacts(**fields, checked=True)
    assert trusted == built and hash(trusted) == hash(built)
    assert trusted.names == built.names == {"registered_q1"}
    assert trusted.checked and trusted.period is period


def _csv(rows: str) -> list[object]:
    header = "id,kind,year,period,name,registered_q1\n"
    return list(read_csv(io.BytesIO((header + rows).encode("utf-8")), default_rulebook()))


def test_the_csv_reader_builds_checked_facts_and_still_reports_what_is_wrong() -> None:
    (good,) = _csv("KDC-1,residential_area,2025,,Thôn A,true\n")
    assert isinstance(good, UnitFacts) and good.checked
    assert good == UnitFacts(
        unit_id="KDC-1",
        kind=UnitKind.RESIDENTIAL_AREA,
        year=2025,
        name="Thôn A",
        values={"registered_q1": True},
    )
    early, late = _csv(
        "KDC-2,residential_area,1999,,,true\n"
        "KDC-3,residential_area,2025,2023-01-01/2023-12-31,,true\n"
    )
    assert isinstance(early, InputError) and "must be a year from 2000 to 2100" in str(early)
    assert isinstance(late, InputError) and "must end in the round's year 2025" in str(late)
