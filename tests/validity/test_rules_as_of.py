"""`antq rules --as-of D` lists exactly the rules in force on D (issue 12, rule R1)."""

from __future__ import annotations

import io
import json

import pytest

from antq.cli import EXIT_INPUT, EXIT_OK, main

TT23 = {f"tt23.{k}" for k in ("residential-area", "commune", "agency", "enterprise", "school")}
TT124 = {
    f"tt124.{k}"
    for k in ("residential-area", "commune", "agency", "enterprise", "educational-institution")
}
LAW06 = {"law06.art27", "law06.art74-1-d", "law06.art80"}


def listed(day: str) -> set[str]:
    out = io.StringIO()
    assert main(["rules", "--as-of", day, "--format", "json"], out=out) == EXIT_OK
    return {e.get("rule_set") or e["sheet"] for e in json.loads(out.getvalue())}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # 2011: no safe-standard rule existed (TT 23 was signed on 27/04/2012); the award
        # authority of Law 15/2003 did.
        ("2011-11-30", {"law15.authority"}),
        ("2019-11-15", TT23),
        ("2021-11-15", TT23 | {"knc.tt11-2021"}),
        ("2022-11-15", TT124 | {"knc.tt11-2021", "qd510.agency"}),
        ("2025-11-15", TT124 | {"knc.tt20-2025", "qd510.agency"} | LAW06),
        ("2026-11-14", TT124 | {"knc.tt20-2025", "qd510.agency", "hd01.teams"} | LAW06),
    ],
)
def test_exactly_the_rules_in_force(day: str, expected: set[str]) -> None:
    assert listed(day) == expected


@pytest.mark.parametrize(
    ("before", "on", "rule_set"),
    [
        ("2012-04-26", "2012-04-27", "tt23.commune"),
        ("2022-02-09", "2022-02-10", "tt124.commune"),
        ("2022-01-19", "2022-01-20", "qd510.agency"),
        ("2025-12-31", "2026-01-01", "hd01.teams"),
        ("2004-06-30", "2004-07-01", "law15.authority"),
        ("2014-05-31", "2014-06-01", "law15-2013.authority"),
    ],
)
def test_both_sides_of_each_bound(before: str, on: str, rule_set: str) -> None:
    assert rule_set in listed(on)
    out, err = io.StringIO(), io.StringIO()
    code = main(["rules", "--as-of", before, "--format", "json"], out=out, err=err)
    if code == EXIT_OK:
        assert rule_set not in {e.get("rule_set") or e["sheet"] for e in json.loads(out.getvalue())}
    else:
        assert code == EXIT_INPUT


def test_a_date_outside_every_bound_names_the_dates_antq_covers() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["rules", "--as-of", "2004-06-30"], out=out, err=err) == EXIT_INPUT
    message = err.getvalue()
    assert "safety from 2012-04-27 to no end date" in message
    assert "awards from 2004-07-01 to no end date" in message
    assert out.getvalue() == ""


def test_a_2025_round_lists_tt124_as_unconfirmed() -> None:
    out = io.StringIO()
    assert (
        main(["rules", "--section", "safety", "--as-of", "2025-11-15", "--format", "json"], out=out)
        == 0
    )
    entries = json.loads(out.getvalue())
    assert {e["confirmation"] for e in entries} == {"unconfirmed"}
    commune = [e for e in entries if e["rule_set"] == "tt124.commune"]
    assert {n["id"] for n in commune[0]["notices"]} == {"tt124.tt48-2025", "tt124.dac-khu"}
    out = io.StringIO()
    assert (
        main(["rules", "--section", "safety", "--as-of", "2024-11-15", "--format", "json"], out=out)
        == 0
    )
    assert "confirmed" in {e["confirmation"] for e in json.loads(out.getvalue())}


def test_coverage_by_part_and_kind() -> None:
    from antq.catalogue.coverage import bounds, coverage

    assert coverage("all", "commune").endswith("safety from 2012-04-27 to no end date")
    with pytest.raises(ValueError, match="unknown part"):
        bounds("nothing")
    err = io.StringIO()
    code = main(
        ["rules", "--kind", "educational_institution", "--as-of", "2011-05-31"],
        out=io.StringIO(),
        err=err,
    )
    assert code == EXIT_INPUT
    assert "safety from 2012-04-27 to no end date" in err.getvalue()
