"""Legal tables are TOML data files beside the code that reads them, never long Python literals.

The scan fails for a module-level literal of more than 20 lines that is not on the
allow-list below; the other tests pin counts and key entries of each table as read
from its data file, so that a move or an edit of the data that changes them is seen.
"""

from __future__ import annotations

import ast
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from antq.core.unit_kinds import UnitKind
from antq.entities.incidents import IncidentCategory
from antq.errors import DataFileError
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.law.registry import INSTRUMENTS, get_instrument
from antq.law.tables import Node

SRC = Path(__file__).resolve().parents[2] / "src" / "antq"
MAX_LINES = 20
CALLS = frozenset({"MappingProxyType", "FrozenMap", "dict", "tuple", "frozenset", "list", "set"})

#: Long literals that are not legal tables, each with the reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("cli/language.py", "ARGPARSE_MESSAGES"): "argparse's own messages to translate, not law",
    ("report/indicators.py", "UNIT_WORDS"): "the words a report figure counts in (vocabulary)",
    ("io/columns.py", "UNIT_COLUMNS"): "the columns of the facts spreadsheet",
    ("io/flat.py", "UNIT_RECORD_COLUMNS"): "the columns of a flat unit record",
    ("io/xlsx.py", "_HEADERS"): "the header rows of the spreadsheet template",
    ("law/citation.py", "_PATTERNS"): "the regular expressions that parse a citation",
    ("report/docx.py", "STYLES"): "the styles of the Word report",
}


def _is_literal(value: ast.expr) -> bool:
    if isinstance(value, (ast.Tuple, ast.List, ast.Dict, ast.Set)):
        return True
    if isinstance(value, (ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        # A call of a constructor of tables (TargetTable(...)) counts as a literal too.
        return name in CALLS or name.endswith("Table")
    return False


def long_literals() -> list[tuple[str, str, int]]:
    """(module, name, lines) of each module-level literal longer than MAX_LINES lines."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            else:
                continue
            lines = (value.end_lineno or value.lineno) - value.lineno + 1
            if lines <= MAX_LINES or not _is_literal(value):
                continue
            for target in targets:
                found.append((module, getattr(target, "id", ast.unparse(target)), lines))
    return found


def test_no_legal_table_is_a_long_python_literal() -> None:
    offending = [
        f"{module}: {name} ({lines} lines)"
        for module, name, lines in long_literals()
        # __all__ is the public names; a rule set's CRITERIA is code (checks, inputs).
        if name != "__all__"
        and not (name == "CRITERIA" and module.startswith("safety/"))
        and (module, name) not in ALLOWED
    ]
    assert not offending, "legal tables belong in TOML data files: " + "; ".join(offending)


def test_the_allow_list_names_only_long_literals_that_exist() -> None:
    present = {(module, name) for module, name, _ in long_literals()}
    assert set(ALLOWED) <= present, sorted(set(ALLOWED) - present)


@pytest.mark.parametrize(
    ("package", "name"),
    [
        ("antq.safety.tt124_2021", "data/assessment_windows.toml"),
        ("antq.safety.tt23_2012", "data/assessment_windows.toml"),
        ("antq.report", "data/targets.toml"),
        ("antq.entities", "data/incident_provisions.toml"),
        ("antq.law", "data/instruments/safe_standard.toml"),
        ("antq.law", "data/instruments/emulation.toml"),
        ("antq.law", "data/instruments/entities.toml"),
        ("antq.law", "data/instruments/local.toml"),
        ("antq.safety.tt124_2021", "data/competence.toml"),
        ("antq.safety.tt124_2021", "data/dossiers.toml"),
        ("antq.safety.tt124_2021", "data/rollup.toml"),
        ("antq.safety.tt23_2012", "data/rollup.toml"),
        ("antq.safety.tt124_2021", "data/security_events.toml"),
        ("antq.emulation", "team_rules.toml"),
        ("antq.emulation", "team_checklist.toml"),
    ],
)
def test_each_data_file_is_shipped_in_the_package(package: str, name: str) -> None:
    assert resources.files(package).joinpath(*name.split("/")).is_file()


def test_the_registry_read_from_its_data_files() -> None:
    assert len(INSTRUMENTS) == 95
    keys = list(INSTRUMENTS)
    assert keys[:2] == ["23/2012/TT-BCA", "124/2021/TT-BCA"]
    assert keys[-1] == "4611/QĐ-UBND (Hà Nội)"
    tt124 = get_instrument("124/2021/TT-BCA")
    assert (tt124.signed, tt124.effective) == (date(2021, 12, 28), date(2022, 2, 10))
    assert tt124.repeals == ("23/2012/TT-BCA",)
    assert tt124.article_count == 12 and tt124.confirmation is Confirmation.CONFIRMED
    assert tt124.articles is not None
    assert tt124.articles[4].clauses == 5
    assert tt124.articles[4].points[3] == ("a", "b", "c", "d", "đ", "e", "g")
    tt23 = get_instrument("23/2012/TT-BCA")
    assert tt23.unconfirmed == ("effective", "article_count")
    assert tt23.note.startswith("Signed by Trần Đại Quang (S15).")
    assert tt23.note.endswith("Replaced from 10/02/2022 by TT 124/2021 (its Điều 11).")
    local = get_instrument("514/QĐ-UBND (Bắc Ninh)")
    assert local.locality == "Bắc Ninh" and local.effective is None
    counts = {c: sum(i.confirmation is c for i in INSTRUMENTS.values()) for c in Confirmation}
    assert sum(counts.values()) == 95


def test_the_procedure_tables() -> None:
    from antq.safety.procedure import (
        COMMUNE_AUTHORITY_AFTER_REFORM,
        COMPETENCE,
        DOSSIER_ITEMS,
        Authority,
        DossierDocument,
    )

    assert len(DOSSIER_ITEMS) == 7 and len(COMPETENCE) == 11
    plan = DOSSIER_ITEMS[1]
    assert plan.document is DossierDocument.SECURITY_PLAN
    assert plan.citation == cite("124/2021/TT-BCA", 9, 2, "a")
    assert plan.kinds is not None and UnitKind.RESIDENTIAL_AREA not in plan.kinds
    commune_after = COMPETENCE[3]
    assert commune_after.kinds == {UnitKind.COMMUNE} and commune_after.body is None
    assert commune_after.parameter is COMMUNE_AUTHORITY_AFTER_REFORM
    assert commune_after.valid_from == date(2025, 7, 1)
    assert commune_after.confirmation is Confirmation.UNCONFIRMED
    assert COMPETENCE[-1].signer is Authority.MINISTER_OF_PUBLIC_SECURITY
    assert COMPETENCE[-1].citations == (
        cite("124/2021/TT-BCA", 10, 4),
        cite("124/2021/TT-BCA", 9, 1, "d"),
    )


def test_the_windows_rollup_events_and_provisions() -> None:
    from antq.safety.rollup import ROLLUP_RULES
    from antq.safety.tt124_2021.article_5_commune import RECOGNISED_SHARE_PERCENT
    from antq.safety.tt124_2021.territory import SECURITY_EVENTS
    from antq.safety.windows import ASSESSMENT_WINDOWS

    tt124 = ASSESSMENT_WINDOWS["124/2021/TT-BCA"]
    assert str(tt124[UnitKind.COMMUNE].period_for(2024)) == "2023-11-16/2024-11-15"
    assert str(tt124[UnitKind.RESIDENTIAL_AREA].period_for(2024)) == "2023-11-01/2024-10-31"
    tt23 = ASSESSMENT_WINDOWS["23/2012/TT-BCA"]
    assert list(tt23) == [
        UnitKind.RESIDENTIAL_AREA,
        UnitKind.COMMUNE,
        UnitKind.AGENCY,
        UnitKind.ENTERPRISE,
    ]
    assert str(tt23[UnitKind.COMMUNE].period_for(2013)) == "2012-12-01/2013-11-30"
    assert list(ROLLUP_RULES) == ["124/2021/TT-BCA", "23/2012/TT-BCA"]
    assert ROLLUP_RULES["124/2021/TT-BCA"].share_percent == RECOGNISED_SHARE_PERCENT == 70
    assert ROLLUP_RULES["23/2012/TT-BCA"].share_percent == 70
    assert ROLLUP_RULES["23/2012/TT-BCA"].inputs is not None
    assert ROLLUP_RULES["23/2012/TT-BCA"].inputs.registered is None
    assert [point for point, *_ in SECURITY_EVENTS] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert SECURITY_EVENTS[4][2] is IncidentCategory.SEPARATISM
    assert IncidentCategory.CRIME.tt124_provisions == (
        "124/2021/TT-BCA 4(4)(a)",
        "124/2021/TT-BCA 4(4)(b)",
        "124/2021/TT-BCA 6(3)(đ)",
    )
    assert all(category.tt124_provisions for category in IncidentCategory)


def test_the_team_tables_and_targets() -> None:
    from antq.emulation.team_checklist import CHECKLIST
    from antq.emulation.teams import team_catalogue
    from antq.report.indicators import DEFAULT_TARGETS, Indicator

    assert [item.number for item in CHECKLIST] == [1, 2, 3, 4, 5, 6, 7]
    assert CHECKLIST[4].confirmation is Confirmation.PARTIAL
    assert CHECKLIST[2].inputs == (
        "members_prohibited_acts",
        "members_removed",
        "members_not_completed",
    )
    rules = team_catalogue()
    assert len(rules) == 15
    assert [r.id for r in rules][6:8] == ["hd01.excellent.1", "hd01.excellent.2"]
    cap = next(r for r in rules if r.id == "hd01.cap")
    assert [s.name for s in cap.settings] == ["rounding", "base", "at_least_one"]
    targets = DEFAULT_TARGETS.targets
    assert len(targets) == 5
    assert targets[1].indicator is Indicator.CRIME_CLEARANCE and targets[1].percent == 75
    assert targets[-1].instrument == "132-KL/TW"
    assert targets[-1].confirmation is Confirmation.CONFIRMED


def _row(table: str, **fields: object) -> Node:
    return Node("antq/x/data/t.toml", "", {table: [{}, fields]})[table].items()[1]


def _instrument(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "number": "1/2099/TT-BCA",
        "kind": "circular",
        "issuer": "ministry_of_public_security",
        "title_vi": "Thông tư",
        "title_en": "Circular",
        "signed": date(2099, 1, 1),
        "effective": date(2099, 2, 1),
        "confirmation": "confirmed",
    }
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"kind": "statute"}, "rows[1].kind", "unknown InstrumentKind code"),
        ({"effective": date(2098, 1, 1)}, "rows[1]", "is before the signing date"),
        ({"effective": "2099-02-01"}, "rows[1].effective", "expected a date"),
        ({"articles": {"x": {}}}, "rows[1].articles.x", "expected a number from 1 as the key"),
        ({"articles": {"4": {"points": {"1": "ac"}}}}, "rows[1].articles.4", "must be the letters"),
        ({"mentioned": [1]}, "rows[1].mentioned", "unknown key"),
    ],
)
def test_a_bad_instrument_names_file_path_and_value(
    changes: dict[str, object], path: str, message: str
) -> None:
    from antq.law import registry

    with pytest.raises(DataFileError, match=message) as caught:
        registry._instrument(_row("rows", **_instrument(**changes)))
    assert caught.value.source == "antq/x/data/t.toml" and caught.value.path == path


def test_bad_rows_of_the_other_tables_name_file_path_and_value() -> None:
    from antq.safety import inputs as safety_inputs
    from antq.safety.tt124_2021 import article_10_competence as competence_table
    from antq.safety.tt124_2021 import territory
    from antq.safety.unit_counts import read_rollup_rule

    citation = {"instrument": "124/2021/TT-BCA", "article": 10, "clause": 1}
    competence = {
        "kinds": ["residential_area"],
        "body": "commune_chairman",
        "citations": [citation],
        "confirmation": "confirmed",
    }
    with pytest.raises(DataFileError, match="is a signer, not a body") as caught:
        competence_table._competence(_row("rows", **competence))
    assert caught.value.path == "rows[1]"
    with pytest.raises(DataFileError, match="unknown parameter") as caught:
        competence_table._competence(_row("rows", **competence, parameter="who"))
    assert caught.value.path == "rows[1].parameter" and caught.value.value == "who"
    with pytest.raises(DataFileError, match="unknown input") as caught:
        read_rollup_rule(
            _row(
                "rules",
                instrument="23/2012/TT-BCA",
                counted_kinds=["residential_area"],
                registration_required=False,
                share_percent=70,
                citation={"instrument": "23/2012/TT-BCA", "article": 6, "clause": 4},
                confirmation="confirmed",
                inputs={"total": "units", "recognised": "units_recognised"},
            ),
            (safety_inputs.UNITS_TOTAL, safety_inputs.UNITS_RECOGNISED),
        )
    assert caught.value.path == "rules[1].inputs.total"
    event = {"point": "a", "id": "x", "category": "separatism", "title": {"msgid": "x"}}
    with pytest.raises(DataFileError, match=r"expected Article 4\(3\)\(a\)") as caught:
        territory._event(_row("events", **event, citation={**citation}, confirmation="confirmed"))
    assert caught.value.path == "events[1].citation"


def test_the_registry_short_names_are_deprecated() -> None:
    from antq.law import registry

    with pytest.warns(DeprecationWarning, match="antq.Confirmation.PARTIAL"):
        assert registry.PARTIAL is Confirmation.PARTIAL
    with pytest.raises(AttributeError):
        registry.NOT_A_NAME  # noqa: B018
