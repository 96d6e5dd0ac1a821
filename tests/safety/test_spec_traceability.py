"""Each criterion of safe-standard.md, point by point, against the criterion that encodes it.

The tables below are the spec read item by item (§3.1, §3.4-§3.7 for Thông tư
124/2021/TT-BCA; §5.1-§5.2 for Thông tư 23/2012/TT-BCA): for each item, the
criterion id, the provision it must cite, how it decides (BOOL -> ``boolean``,
NUM -> ``threshold``, QUAL and QUAL->ordinal -> ``judgement``) and its
confirmation status. A criterion added, dropped, re-cited or re-classified
without updating the table fails here.
"""

from __future__ import annotations

import pytest

from antq.core.criterion import CriterionKind
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.safety import tt23_2012 as tt23
from antq.safety import tt124_2021 as tt124

BOOL, NUM, QUAL = CriterionKind.BOOLEAN, CriterionKind.THRESHOLD, CriterionKind.JUDGEMENT
C, P, U = Confirmation.CONFIRMED, Confirmation.PARTIAL, Confirmation.UNCONFIRMED

Row = tuple[str, str, CriterionKind, Confirmation, str | None]


def _territory(prefix: str, cited: str | None) -> list[Row]:
    """Điều 4 khoản 2-4; a commune cites Điều 5 khoản 2 and notes the Điều 4 point."""

    def row(slug: str, own: str, kind: CriterionKind) -> Row:
        return (f"{prefix}.{slug}", cited or own, kind, C, own if cited else None)

    return [
        row("policy", "4(2)", QUAL),
        row("no-anti-state-activity", "4(3)(a)", BOOL),
        row("no-sabotage", "4(3)(b)", BOOL),
        row("no-unlawful-religion", "4(3)(c)", BOOL),
        row("no-exploiting-religion", "4(3)(d)", BOOL),
        row("no-separatism", "4(3)(đ)", BOOL),
        row("no-prolonged-dispute", "4(3)(e)", BOOL),
        row("no-complaint-incitement", "4(3)(g)", BOOL),
        row("offences-reduced", "4(4)(a)", NUM),
        row("no-serious-crime", "4(4)(b)", BOOL),
        row("no-new-hotspot", "4(4)(c)", BOOL),
        row("no-new-social-evil", "4(4)(c)", BOOL),
        row("supervised-persons", "4(4)(c)", QUAL),
        row("no-serious-accident", "4(4)(d)", BOOL),
    ]


def _organisation(prefix: str) -> list[Row]:
    """Điều 1 khoản 2 điểm b and Điều 6 (§3.6): an agency or an enterprise."""
    return [
        (f"{prefix}.scope", "1(2)(b)", BOOL, C, None),
        (f"{prefix}.party-resolution", "6(1)", BOOL, C, None),
        (f"{prefix}.security-plan", "6(1)", BOOL, C, None),
        (f"{prefix}.registration", "6(1)", BOOL, C, None),
        (f"{prefix}.internal-rules", "6(1)", BOOL, C, None),
        (f"{prefix}.staff-informed", "6(1)", NUM, C, None),
        (f"{prefix}.effective-models", "6(1)", NUM, C, None),
        (f"{prefix}.policy", "6(2)", QUAL, C, None),
        (f"{prefix}.no-unlawful-religion", "6(3)(a)", BOOL, C, None),
        (f"{prefix}.no-exploiting-religion", "6(3)(b)", BOOL, C, None),
        (f"{prefix}.no-complaint-incitement", "6(3)(c)", BOOL, C, None),
        (f"{prefix}.no-unlawful-strike", "6(3)(d)", BOOL, C, None),
        (f"{prefix}.no-serious-crime", "6(3)(đ)", BOOL, C, None),
        (f"{prefix}.no-state-secret-violation", "6(3)(e)", BOOL, C, None),
        (f"{prefix}.no-serious-accident", "6(3)(g)", BOOL, C, None),
        (f"{prefix}.no-staff-admin-penalty", "6(3)(h)", BOOL, C, None),
        (f"{prefix}.no-staff-social-evil", "6(3)(h)", BOOL, C, None),
        # "If the unit has no security force ... treat as N/A. UNCONFIRMED."
        (f"{prefix}.security-force-rating", "6(4)", QUAL, P, None),
        (f"{prefix}.security-force-discipline", "6(4)", BOOL, P, None),
        (f"{prefix}.subunits", "6(5)", NUM, C, None),
        (f"{prefix}.individual-discipline", "6(5)", BOOL, C, None),
    ]


_EDU = "tt124.educational-institution"

TT124_ROWS: list[Row] = [
    # Điều 4: residential area.
    ("tt124.residential-area.party-resolution", "4(1)", BOOL, C, None),
    ("tt124.residential-area.registration", "4(1)", BOOL, C, None),
    ("tt124.residential-area.households-registered", "4(1)", NUM, C, None),
    *_territory("tt124.residential-area", None),
    ("tt124.residential-area.force-rating", "4(5)", QUAL, C, None),
    ("tt124.residential-area.force-discipline", "4(5)", BOOL, C, None),
    # Điều 5: commune, ward or special zone.
    ("tt124.commune.party-resolution", "5(1)", BOOL, C, None),
    ("tt124.commune.security-plan", "5(1)", BOOL, C, None),
    ("tt124.commune.registration", "5(1)", BOOL, C, None),
    ("tt124.commune.effective-models", "5(1)", NUM, C, None),
    *_territory("tt124.commune", "5(2)"),
    ("tt124.commune.police-effective", "5(3)", QUAL, C, None),
    ("tt124.commune.police-discipline", "5(3)", BOOL, C, None),
    ("tt124.commune.units-registered", "5(4)", NUM, C, None),
    ("tt124.commune.units-recognised", "5(4)", NUM, C, None),
    # Điều 6: agency and enterprise.
    *_organisation("tt124.agency"),
    *_organisation("tt124.enterprise"),
    # Điều 7: educational institution.
    (f"{_EDU}.scope", "1(2)(b)", BOOL, C, None),
    (f"{_EDU}.party-resolution", "7(1)", BOOL, C, None),
    (f"{_EDU}.security-plan", "7(1)", BOOL, C, None),
    (f"{_EDU}.registration", "7(1)", BOOL, C, None),
    (f"{_EDU}.internal-rules", "7(1)", BOOL, C, None),
    (f"{_EDU}.members-informed", "7(1)", NUM, C, None),
    (f"{_EDU}.effective-models", "7(1)", NUM, C, None),
    (f"{_EDU}.policy", "7(2)", QUAL, C, None),
    (f"{_EDU}.parent-board", "7(2)", BOOL, C, None),
    (f"{_EDU}.no-unlawful-religion", "7(3)", BOOL, C, "6(3)(a)"),
    (f"{_EDU}.no-exploiting-religion", "7(3)", BOOL, C, "6(3)(b)"),
    (f"{_EDU}.no-complaint-incitement", "7(3)", BOOL, C, "6(3)(c)"),
    (f"{_EDU}.no-serious-crime", "7(3)", BOOL, C, "6(3)(đ)"),
    (f"{_EDU}.no-state-secret-violation", "7(3)", BOOL, C, "6(3)(e)"),
    (f"{_EDU}.no-serious-accident", "7(3)", BOOL, C, "6(3)(g)"),
    (f"{_EDU}.no-school-violence", "7(4)", BOOL, C, None),
    (f"{_EDU}.no-offending-members", "7(4)", BOOL, C, None),
    # "the school's security force, if any (nếu có)": not applicable without one is the text.
    (f"{_EDU}.security-force-rating", "7(5)", QUAL, C, None),
    (f"{_EDU}.security-force-discipline", "7(5)", BOOL, C, None),
    (f"{_EDU}.subunits", "7(6)", NUM, C, None),
    (f"{_EDU}.individual-discipline", "7(6)", BOOL, C, None),
]


def _tt23_organisation(prefix: str) -> list[Row]:
    """TT 23 Điều 7 (§5.1): items 1-3 confirmed (S12), item 4 known only from S14."""
    return [
        (f"{prefix}.security-plan", "7(1)", BOOL, C, None),
        (f"{prefix}.registration", "7(1)", BOOL, C, None),
        (f"{prefix}.internal-rules", "7(1)", BOOL, C, None),
        (f"{prefix}.staff-pledged", "7(1)", NUM, C, None),
        (f"{prefix}.work-effective", "7(2)", QUAL, C, None),
        (f"{prefix}.coordination-plan", "7(2)", BOOL, C, None),
        (f"{prefix}.self-protection-model", "7(2)", BOOL, C, None),
        (f"{prefix}.no-mass-complaints", "7(3)", BOOL, C, None),
        (f"{prefix}.no-unlawful-strike", "7(3)", BOOL, C, None),
        (f"{prefix}.no-high-value-theft", "7(3)", BOOL, C, None),
        (f"{prefix}.no-secret-leak", "7(3)", BOOL, C, None),
        (f"{prefix}.no-serious-fire-explosion", "7(3)", BOOL, C, None),
        (f"{prefix}.no-serious-labour-accident", "7(3)", BOOL, C, None),
        (f"{prefix}.no-staff-offending", "7(3)", BOOL, C, None),
        # Item 4: the clause is unknown, so the article is cited.
        (f"{prefix}.individual-discipline", "7", BOOL, U, None),
        (f"{prefix}.subunits", "7", NUM, U, None),
        (f"{prefix}.security-force-remainder", "7", QUAL, U, None),
    ]


TT23_ROWS: list[Row] = [
    # Điều 5, residential area: only a secondary source (S8), so all unconfirmed.
    ("tt23.residential-area.party-resolution", "5", BOOL, U, None),
    ("tt23.residential-area.registration", "5", BOOL, U, None),
    ("tt23.residential-area.households-pledged", "5", NUM, U, None),
    ("tt23.residential-area.no-mass-complaints", "5", BOOL, U, None),
    ("tt23.residential-area.no-over-level-complaints", "5", BOOL, U, None),
    ("tt23.residential-area.no-complex-dispute", "5", BOOL, U, None),
    ("tt23.residential-area.remainder", "5", QUAL, U, None),
    # Điều 6, commune (S11).
    ("tt23.commune.party-resolution", "6(1)", BOOL, C, None),
    ("tt23.commune.security-plan", "6(1)", BOOL, C, None),
    ("tt23.commune.registration", "6(1)", BOOL, C, None),
    ("tt23.commune.no-mass-complaints", "6(2)", BOOL, U, None),
    ("tt23.commune.no-over-level-complaints", "6(2)", BOOL, U, None),
    ("tt23.commune.no-complex-dispute", "6(2)", BOOL, U, None),
    ("tt23.commune.residential-criteria-remainder", "6(2)", QUAL, U, None),
    ("tt23.commune.police-title", "6(3)", QUAL, C, None),
    # Not applicable without a civil-defence force is antq's reading.
    ("tt23.commune.civil-defence-title", "6(3)", QUAL, P, None),
    ("tt23.commune.forces-discipline", "6(3)", BOOL, C, None),
    ("tt23.commune.residential-areas-recognised", "6(4)", NUM, C, None),
    *_tt23_organisation("tt23.agency"),
    *_tt23_organisation("tt23.enterprise"),
    # Điều 8, school (S13): items 1 and 2 in part; the rest unknown.
    ("tt23.school.party-resolution", "8(1)", BOOL, C, None),
    ("tt23.school.security-plan", "8(1)", BOOL, C, None),
    ("tt23.school.registration", "8(1)", BOOL, C, None),
    ("tt23.school.internal-rules", "8(1)", BOOL, C, None),
    ("tt23.school.pledge", "8(1)", NUM, C, None),
    ("tt23.school.work-effective", "8(2)", QUAL, C, None),
    ("tt23.school.family-coordination", "8(2)", BOOL, C, None),
    ("tt23.school.remainder", "8", QUAL, U, None),
]

CRITERIA = {c.id: c for r in (*tt124.RULE_SETS, *tt23.RULE_SETS) for c in r.all_criteria()}
INSTRUMENT = {"tt124": "124/2021/TT-BCA", "tt23": "23/2012/TT-BCA"}


def test_every_criterion_is_in_the_tables_and_every_row_is_a_criterion() -> None:
    ids = [row[0] for row in (*TT124_ROWS, *TT23_ROWS)]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(CRITERIA)


@pytest.mark.parametrize(
    ("criterion_id", "cited", "kind", "confirmation", "applies"),
    [pytest.param(*row, id=row[0]) for row in (*TT124_ROWS, *TT23_ROWS)],
)
def test_criterion_matches_the_spec(
    criterion_id: str,
    cited: str,
    kind: CriterionKind,
    confirmation: Confirmation,
    applies: str | None,
) -> None:
    criterion = CRITERIA[criterion_id]
    instrument = INSTRUMENT[criterion_id.split(".", 1)[0]]
    assert criterion.citation == Citation.parse(f"{instrument} {cited}")
    assert criterion.kind is kind
    assert criterion.confirmation is confirmation
    if confirmation is not C:
        assert criterion.note is not None, "a criterion not fully confirmed must say why"
    if applies is not None:
        # A cross-reference names the provision it applies (Điều 5 khoản 2; Điều 7 khoản 3).
        assert criterion.note is not None
        assert Citation.parse(f"{instrument} {applies}").render("en") in criterion.note.render("en")


def test_judgements_read_only_assessor_inputs_or_titles() -> None:
    """QUAL items are explicit inputs, never computed: every judgement reads an input the
    assessor gives (marked judgement, or an emulation title), and no yes/no fact
    stands in for one."""
    titles = {
        "security_force_advanced_collective",
        "commune_police_titles",
        "civil_defence_force_titles",
    }
    for criterion in CRITERIA.values():
        if criterion.kind is not QUAL:
            continue
        read = [*criterion.inputs, *criterion.optional_inputs]
        assert read, criterion.id
        for inp in read:
            assert inp.judgement or inp.name in titles, (criterion.id, inp.name)
