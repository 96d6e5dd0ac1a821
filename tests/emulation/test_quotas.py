"""Quotas: exact rounding of percentage caps, deterministic ranking, who missed out and why."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antq import InputError, UnitKind
from antq.emulation import (
    Candidate,
    Cap,
    MissingScore,
    PlacementStatus,
    Rounding,
    ScoringFacts,
    apply_percent,
    candidates_from_scores,
    load_sheet,
    score,
    select,
)

from . import EXAMPLE_SHEET


@pytest.mark.parametrize(
    ("percent", "base", "rounding", "expected"),
    [
        (20, 10, Rounding.FLOOR, 2),
        (20, 14, Rounding.FLOOR, 2),  # 2.8
        (20, 15, Rounding.FLOOR, 3),
        (20, 4, Rounding.FLOOR, 0),  # 0.8
        (20, 4, Rounding.CEIL, 1),
        (20, 10, Rounding.CEIL, 2),
        (20, 11, Rounding.CEIL, 3),  # 2.2
        (20, 12, Rounding.HALF_UP, 2),  # 2.4
        (20, 13, Rounding.HALF_UP, 3),  # 2.6
        (Fraction(25, 2), 4, Rounding.HALF_UP, 1),  # 0.5 goes up
        (Decimal("12.5"), 4, Rounding.FLOOR, 0),
        (15, 0, Rounding.CEIL, 0),
        (100, 7, Rounding.FLOOR, 7),
    ],
)
def test_apply_percent(
    percent: int | Fraction | Decimal, base: int, rounding: Rounding, expected: int
) -> None:
    assert apply_percent(percent, base, rounding) == expected


def test_apply_percent_refuses_inexact_or_out_of_range() -> None:
    for bad in (20.0, True, -1, 101, "20"):
        with pytest.raises(InputError):
            apply_percent(bad, 10)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        apply_percent(20, -3)


def test_cap_forms() -> None:
    assert Cap(count=3).resolve(10) == 3
    assert Cap(count=3).resolve(2) == 2  # never more places than candidates
    assert Cap(percent=20).resolve(12) == 2  # of the candidates
    assert Cap(percent=20, base=30).resolve(12) == 6
    assert Cap(percent=20, base=4).resolve(12) == 0
    assert Cap(percent=20, base=4, minimum=1).resolve(12) == 1  # "at most 20 percent, at least one"
    for bad in (
        {},
        {"count": 1, "percent": 20},
        {"count": -1},
        {"count": 2, "base": 3},
        {"percent": 20.5},
    ):
        with pytest.raises(InputError):
            Cap(**bad)  # type: ignore[arg-type]


def test_ranking_by_score_then_priority_then_id() -> None:
    pool = [
        Candidate(id="D", score=80),
        Candidate(id="B", score=90),
        Candidate(id="A", score=90),
        Candidate(id="C", score=90, priority=2),
        Candidate(id="E", score=Fraction(177, 2)),
    ]
    result = select(pool, Cap(count=2))
    assert [p.candidate.id for p in result.placements] == ["C", "A", "B", "E", "D"]
    assert [p.rank for p in result.placements] == [1, 2, 3, 4, 5]
    assert [p.candidate.id for p in result.recipients] == ["C", "A"]
    b, e, d = (result.placement(x) for x in "BED")
    assert (b.status, b.behind, b.lost_on) == (PlacementStatus.NOT_SELECTED, 0, "id")
    assert "the order of ids decided" in b.reason.render("en")
    assert (e.behind, e.lost_on) == (Fraction(3, 2), None)
    assert e.reason.render("en") == "rank 4: outside the 2 place(s), 1.5 points behind rank 2"
    assert e.reason.render("vi").find("1,5") >= 0
    assert d.behind == 10
    tied = select(pool, Cap(count=1)).placement("A")
    assert tied.lost_on == "priority" and "lower in priority" in tied.reason.render("en")


def test_unknown_scores_are_never_ranked_as_known() -> None:
    pool = [Candidate(id=c, score=s) for c, s in (("A", 95), ("B", 90), ("C", 85), ("D", 80))]
    pool.append(Candidate(id="U", score=None))
    result = select(pool, Cap(count=3))
    status = {p.candidate.id: p.status for p in result.placements}
    assert status == {
        "A": PlacementStatus.SELECTED,
        "B": PlacementStatus.SELECTED,
        "C": PlacementStatus.UNDECIDED,  # U might overtake it
        "D": PlacementStatus.NOT_SELECTED,
        "U": PlacementStatus.UNDECIDED,
    }
    assert len(result.undecided) == 2
    assert select(pool, Cap(count=5)).undecided == ()  # everyone fits
    assert select(pool, Cap(count=0)).recipients == ()
    assert select(pool, Cap(count=0)).placement("U").status is PlacementStatus.NOT_SELECTED
    lowest = select(pool, Cap(count=4), missing=MissingScore.LOWEST)
    assert [p.candidate.id for p in lowest.recipients] == ["A", "B", "C", "D"]
    assert lowest.placement("U").status is PlacementStatus.NOT_SELECTED
    assert lowest.placement("U").behind is None


def test_a_missing_score_ranked_last_is_never_said_to_be_points_behind() -> None:
    pool = [
        Candidate(id="A", score=90),
        Candidate(id="B", score=None),
        Candidate(id="C", score=80),
        Candidate(id="D", score=None),
    ]
    result = select(pool, Cap(count=1), missing=MissingScore.LOWEST)
    assert [p.candidate.id for p in result.placements] == ["A", "C", "B", "D"]
    assert result.placement("C").reason.render("en") == (
        "rank 2: outside the 1 place(s), 10 points behind rank 1"
    )
    for unknown in ("B", "D"):
        placement = result.placement(unknown)
        assert placement.behind is None and placement.lost_on is None
        assert "points behind" not in placement.reason.render("en")
    assert result.placement("B").reason.render("en") == (
        "rank 3: score unknown, so ranked after every known score; outside the 1 place(s)"
    )
    # An unknown score that does get a place (more places than known scores) is selected.
    roomy = select(pool, Cap(count=3), missing=MissingScore.LOWEST)
    assert [p.candidate.id for p in roomy.recipients] == ["A", "C", "B"]
    assert "score unknown" in roomy.placement("D").reason.render("en")


def test_bad_candidates() -> None:
    with pytest.raises(InputError, match="duplicate"):
        select([Candidate(id="A", score=1), Candidate(id="A", score=2)], Cap(count=1))
    with pytest.raises(InputError, match="exact number"):
        Candidate(id="A", score=1.5)
    with pytest.raises(InputError):
        Candidate(id="", score=1)
    with pytest.raises(InputError, match="must be from"):
        Candidate(id="A", score=10**5000)
    third = select(
        [Candidate(id="A", score=1), Candidate(id="B", score=Fraction(2, 3))], Cap(count=1)
    )
    assert third.placement("B").reason.render("en").endswith("≈0.33 points behind rank 1")
    assert third.to_json()["placements"][1]["behind"] == "1/3"


def test_candidates_from_scores_and_explain() -> None:
    sheet = load_sheet(EXAMPLE_SHEET)
    facts = [
        ScoringFacts(unit_id=u, kind=UnitKind.COMMUNE, year=2025, name=f"Xã {u}", values=v)
        for u, v in (
            ("A", {"policy_points": 5}),
            ("B", {"policy_points": 9}),
        )
    ]
    results = [score(sheet, f) for f in facts]
    candidates = candidates_from_scores(results, priorities={"B": 3})
    assert [(c.id, c.score, c.priority) for c in candidates] == [("A", None, 0), ("B", None, 3)]
    selection = select(candidates, Cap(count=1))
    assert {p.status for p in selection.placements} == {PlacementStatus.UNDECIDED}
    text = selection.explain("en")
    assert text.startswith("0 of 2 selected (cap 1)")
    data = selection.to_json(texts=("en",))
    assert data["places"] == 1 and data["placements"][0]["score"] is None
    assert data["cap"] == {
        "count": 1,
        "percent": None,
        "base": None,
        "rounding": "floor",
        "minimum": 0,
    }


# --- properties ---------------------------------------------------------------------------

CANDIDATES = st.lists(
    st.builds(
        Candidate,
        id=st.text(alphabet="abcdef", min_size=1, max_size=3),
        score=st.one_of(st.none(), st.integers(0, 20).map(lambda q: Fraction(q, 2))),
        priority=st.integers(-2, 2),
    ),
    max_size=12,
    unique_by=lambda c: c.id,
)
CAPS = st.one_of(
    st.builds(Cap, count=st.integers(0, 15)),
    st.builds(
        Cap,
        percent=st.integers(0, 100),
        base=st.one_of(st.none(), st.integers(0, 30)),
        rounding=st.sampled_from(Rounding),
        minimum=st.integers(0, 3),
    ),
)


@settings(max_examples=200, deadline=None)
@given(CANDIDATES, CAPS, st.randoms(use_true_random=False), st.sampled_from(MissingScore))
def test_selection_is_independent_of_input_order_and_within_the_cap(
    pool: list[Candidate], cap: Cap, rnd: object, missing: MissingScore
) -> None:
    shuffled = list(pool)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = select(pool, cap, missing=missing), select(shuffled, cap, missing=missing)
    assert first == second
    assert len(first.recipients) <= first.places <= len(pool)
    assert len(first.placements) == len(pool)
    # A recipient never has a lower known score than someone left out.
    chosen = [p.candidate.score for p in first.recipients if p.candidate.score is not None]
    left = [p.candidate.score for p in first.left_out if p.candidate.score is not None]
    if chosen and left:
        assert min(chosen) >= max(left)
    # Recipients + undecided can always fill the places when enough candidates exist.
    assert len(first.recipients) + len(first.undecided) >= min(first.places, len(pool))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 100), st.integers(0, 500))
def test_floor_is_the_largest_whole_number_within_the_percentage(percent: int, base: int) -> None:
    n = apply_percent(percent, base, Rounding.FLOOR)
    assert 100 * n <= percent * base < 100 * (n + 1)
    c = apply_percent(percent, base, Rounding.CEIL)
    assert 100 * (c - 1) < percent * base <= 100 * c
    h = apply_percent(percent, base, Rounding.HALF_UP)
    assert n <= h <= c and 2 * abs(100 * h - percent * base) <= 100
