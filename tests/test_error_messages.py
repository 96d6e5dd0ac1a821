"""Input errors in the language of the command line: templates, the catalogue, the CLI."""

from __future__ import annotations

import ast
import io
import pickle
import re
from pathlib import Path

import pytest

from antq import cli
from antq.errors import InputError, InputErrors, Message
from antq.i18n.catalog import Msg, translate
from antq.io.batch import RowError, SourceReadError, line_location

SRC = Path(__file__).resolve().parent.parent / "src" / "antq"
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
#: The calls whose message may be a Msg template: the errors and Message itself, by the
#: position of the message. Names are functions or classes; ``.fail`` is a method (the
#: sheet validator's and reader's), so it is matched as an attribute.
ERROR_CALLS = {
    "InputError": 2,
    "UnitReadError": 2,
    "SourceReadError": 2,
    "RowError": 3,
    "SheetError": 1,
    "_Bad": 0,
    "_fail": 2,
    "DataFileError": 3,
}
METHOD_CALLS = {"fail": 0}


def _error_templates() -> list[tuple[str, str, set[str] | None]]:
    """(where, msgid, keys of its literal params or None) of every Msg given to an error."""
    found: list[tuple[str, str, set[str] | None]] = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name):
                name, calls = node.func.id, ERROR_CALLS
            elif isinstance(node.func, ast.Attribute):
                name, calls = node.func.attr, METHOD_CALLS
            else:
                continue
            if name == "Message" and calls is ERROR_CALLS:
                index, params = 0, node.args[1] if len(node.args) > 1 else None
            elif name in calls:
                index = calls[name]
                params = next((k.value for k in node.keywords if k.arg == "params"), None)
            else:
                continue
            message = node.args[index] if len(node.args) > index else None
            candidates: list[ast.expr | None] = [message]
            if isinstance(message, ast.IfExp):
                candidates = [message.body, message.orelse]
            for candidate in candidates:
                if (
                    isinstance(candidate, ast.Call)
                    and isinstance(candidate.func, ast.Name)
                    and candidate.func.id == "Msg"
                    and isinstance(candidate.args[0], ast.Constant)
                ):
                    keys = None
                    if isinstance(params, ast.Dict) and None not in params.keys:  # no **
                        keys = {str(k.value) for k in params.keys if isinstance(k, ast.Constant)}
                    where = f"{path.relative_to(SRC)}:{candidate.lineno}"
                    found.append((where, str(candidate.args[0].value), keys))
    return found


TEMPLATES = _error_templates()


def test_the_errors_of_the_readers_are_templates() -> None:
    # The readers, the facts and the command line give their errors as templates.
    files = {where.split(":")[0] for where, _, _ in TEMPLATES}
    assert {
        "io/_csv_units.py",
        "io/_json_stream.py",
        "io/_lines.py",
        "io/_sources.py",
        "io/facts.py",
        "io/tabular.py",
        "core/inputs.py",
        "core/periods.py",
    } <= files
    assert len(TEMPLATES) > 150


def test_the_errors_of_scoring_sheets_are_templates() -> None:
    # Every message given to a SheetError, to the validator's and reader's fail() or to
    # _Bad in antq.emulation.sheets is a template: none is English-only text.
    in_sheets = [msgid for where, msgid, _ in TEMPLATES if where.startswith("emulation/sheets/")]
    assert len(in_sheets) > 100
    plain = []
    for path in sorted((SRC / "emulation" / "sheets").glob("*.py")):
        plain += _plain_messages(path)
    assert plain == []


def _plain_messages(path: Path) -> list[str]:
    """The calls in ``path`` that give a SheetError, ``_Bad`` or ``fail`` English-only text."""
    plain = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        index = {"SheetError": 1, "_Bad": 0, "fail": 0}.get(str(name))
        if index is not None and len(node.args) > index:
            message = node.args[index]
            if isinstance(message, ast.JoinedStr | ast.Constant):
                plain.append(f"{path.name} line {node.lineno}: {ast.unparse(message)}")
    return plain


@pytest.mark.parametrize(("where", "msgid", "keys"), TEMPLATES, ids=lambda v: str(v)[:60])
def test_every_error_template_is_translated_and_filled(
    where: str, msgid: str, keys: set[str] | None
) -> None:
    # Fails when an error message is added without its Vietnamese translation (or was
    # not extracted into the catalogues), or names a field its params do not give.
    assert translate(msgid, "vi") != msgid, f"{where}: not translated: {msgid!r}"
    assert translate(msgid, "en") == msgid
    placeholders = set(PLACEHOLDER.findall(msgid))
    assert set(PLACEHOLDER.findall(translate(msgid, "vi"))) == placeholders
    if keys is not None:
        assert placeholders <= keys, f"{where}: {msgid!r} lacks params {placeholders - keys}"


def test_a_template_gives_the_english_text_and_renders_in_vietnamese() -> None:
    error = InputError("units[0].facts.x", -3, Msg("must be >= 0"))
    assert str(error) == "units[0].facts.x: must be >= 0 (got -3)"
    assert error.message == "must be >= 0" and isinstance(error.message, Message)
    assert error.render("en") == str(error)
    assert error.render("vi") == "units[0].facts.x: phải >= 0 (giá trị: -3)"
    plain = InputError("x", 1, "an English message")
    assert plain.render("vi") == "x: an English message (giá trị: 1)"


def test_an_error_made_again_from_the_message_keeps_its_template() -> None:
    first = InputError(
        "year", 3000, Msg("must be between {low} and {high}"), params={"low": 1, "high": 9}
    )
    again = RowError(7, "year", first.value, first.message, source="a.csv")
    assert str(again) == "a.csv:line 7.year: must be between 1 and 9 (got 3000)"
    assert (
        again.render("vi") == "a.csv:dòng 7.year: phải nằm trong khoảng từ 1 đến 9 (giá trị: 3000)"
    )
    copied = pickle.loads(pickle.dumps(first.message))
    assert copied == first.message and isinstance(copied, Message)
    assert copied.render("vi") == "phải nằm trong khoảng từ 1 đến 9"


def test_locations_and_lists_of_errors_translate() -> None:
    error = SourceReadError(line_location("a.csv", 3), None, Msg("no such file or directory"))
    assert str(error) == "a.csv:line 3: no such file or directory (got None)"
    assert error.render("vi") == "a.csv:dòng 3: không có tệp hoặc thư mục này (giá trị: None)"
    errors = InputErrors([InputError("a", 1, Msg("must be >= 0"))])
    assert errors.render("en") == str(errors)
    assert errors.render("vi") == "1 lỗi dữ liệu đầu vào:\n  - a: phải >= 0 (giá trị: 1)"


def _errors(argv: list[str]) -> list[str]:
    err = io.StringIO()
    cli.main(argv, out=io.StringIO(), err=err)
    return err.getvalue().splitlines()


BAD_CSV = (
    "id,kind,year,households_resident\n"
    "A,residential_area,2025,-3\n"
    "B,village,2025,\n"
    "C,residential_area,2025,4\n"
    "C,residential_area,2025,5\n"
)


def test_the_command_line_prints_input_errors_in_the_language_of_lang(tmp_path: Path) -> None:
    data = tmp_path / "round.csv"
    data.write_text(BAD_CSV, encoding="utf-8")
    missing = str(tmp_path / "missing.csv")
    vi = _errors(["evaluate", str(data), "--lang", "vi"]) + _errors(
        ["evaluate", missing, "--lang", "vi"]
    )
    en = _errors(["evaluate", str(data), "--lang", "en"]) + _errors(
        ["evaluate", missing, "--lang", "en"]
    )
    assert en == [
        "antq: line 2.facts.households_resident: must be >= 0 (got -3)",
        "antq: line 3.kind: unknown UnitKind code; expected one of: residential_area, commune,"
        " agency, enterprise, educational_institution (got 'village')",
        "antq: line 5.id: duplicate unit for this kind and year (first at line 4) (got 'C')",
        f"antq: {missing}: no such file or directory (got None)",
    ]
    assert vi == [
        "antq: dòng 2.facts.households_resident: phải >= 0 (giá trị: -3)",
        "antq: dòng 3.kind: mã UnitKind không xác định; cần một trong các mã: residential_area,"
        " commune, agency, enterprise, educational_institution (giá trị: 'village')",
        "antq: dòng 5.id: đơn vị bị trùng với đơn vị cùng loại và cùng năm"
        " (xuất hiện lần đầu tại dòng 4) (giá trị: 'C')",
        f"antq: {missing}: không có tệp hoặc thư mục này (giá trị: None)",
    ]


def test_without_lang_the_errors_follow_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    missing = str(tmp_path / "missing.csv")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert _errors(["evaluate", missing]) == [
        f"antq: {missing}: no such file or directory (got None)"
    ]
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert _errors(["evaluate", missing]) == [
        f"antq: {missing}: không có tệp hoặc thư mục này (giá trị: None)"
    ]


def test_json_error_rows_keep_the_english_message(tmp_path: Path) -> None:
    data = tmp_path / "round.csv"
    data.write_text(BAD_CSV, encoding="utf-8")
    out = io.StringIO()
    cli.main(
        ["evaluate", str(data), "--lang", "vi", "--format", "json"], out=out, err=io.StringIO()
    )
    text = out.getvalue()
    assert '"message": "must be >= 0"' in text
    assert '"path": "line 5.id"' in text


def test_sheet_errors_render_their_location_message_and_value_in_vietnamese() -> None:
    from antq.emulation.sheets import SheetError, apply_override, shipped_sheet

    error = SheetError(
        "s", Msg("more than {limit} items"), params={"limit": 9}, item="4.a", field="items"
    )
    assert str(error) == "sheet s, item 4.a, field items: more than 9 items"
    assert error.message == "more than 9 items" and isinstance(error.message, Message)
    assert error.render("en") == str(error)
    assert error.render("vi") == "bảng chấm điểm s, mục 4.a, trường items: có nhiều hơn 9 mục"
    plain = SheetError("s", "an English message", field="id", value="X")
    assert str(plain) == "sheet s, field id: an English message (got 'X')"
    assert plain.render("vi") == "bảng chấm điểm s, trường id: an English message (giá trị: 'X')"
    sheet = shipped_sheet("qd510.agency")
    with pytest.raises(SheetError) as caught:
        apply_override(sheet, {"antq_sheet_override": 1, "base": "qd510.other"}, source="o.toml")
    assert str(caught.value) == (
        "sheet o.toml, field base: this override is for sheet qd510.other, not qd510.agency"
        " (got 'qd510.other')"
    )
    assert caught.value.render("vi") == (
        "bảng chấm điểm o.toml, trường base: tệp điều chỉnh này dành cho bảng chấm điểm"
        " qd510.other, không phải qd510.agency (giá trị: 'qd510.other')"
    )


def test_errors_of_the_shipped_data_files_render_in_vietnamese() -> None:
    from antq.emulation import qd510_procedure
    from antq.errors import DataFileError, DefinitionError

    with pytest.raises(DefinitionError) as caught:
        qd510_procedure._read({"antq_procedure": 2})
    error = caught.value
    assert isinstance(error, DataFileError)
    assert str(error) == "antq/emulation/qd510_procedure.toml: antq_procedure: expected 1 (got 2)"
    assert error.render("vi") == (
        "antq/emulation/qd510_procedure.toml: antq_procedure: cần giá trị 1 (giá trị: 2)"
    )
