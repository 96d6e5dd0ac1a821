"""Sheets from TOML: the reader of their parts, ``sheet_from_dict``, ``load_sheet`` and the shipped sheets."""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from fractions import Fraction
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.emulation.sheets import _model
from antq.emulation.sheets._errors import SheetError, _Bad, _Problems
from antq.emulation.sheets._limits import (
    _ID,
    _INPUT_NAME,
    _ITEM_ID,
    MAX_DEPTH,
    MAX_SHEET_BYTES,
    SHEET_FORMAT_VERSION,
)
from antq.emulation.sheets._points import _PERCENTAGE, _POINTS, _STEP, _exact, shown
from antq.errors import DefinitionError, InputError, Message
from antq.i18n.catalog import Msg, Text
from antq.io.facts import read_text_file
from antq.io.files import lone_cr_to_lf
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import LANGS

_SHEET_KEYS: Final = frozenset(
    {
        "antq_sheet",
        "id",
        "nature",
        "title",
        "unit_kinds",
        "total",
        "citation",
        "confirmation",
        "note",
        "inputs",
        "items",
        "classification",
        "vetoes",
        "valid_from",
        "in_force_note",
    }
)
_ITEM_KEYS: Final = frozenset(
    {"id", "text", "max_points", "citation", "confirmation", "note", "rule", "items"}
)
_INPUT_KEYS: Final = frozenset({"type", "vi", "en", "judgement"})
_CLASSIFICATION_KEYS: Final = frozenset({"citation", "confirmation", "note", "bands"})
_BAND_KEYS: Final = frozenset({"class", "min_points"})
_VETO_KEYS: Final = frozenset(
    {"id", "text", "input", "applies_if", "cap", "citation", "confirmation", "note"}
)
_RULE_KEYS: Final[Mapping[_model.RuleType, frozenset[str]]] = {
    _model.RuleType.ALL_OR_NOTHING: frozenset({"type", "input"}),
    _model.RuleType.THRESHOLD: frozenset(
        {"type", "part", "whole", "percent", "comparison", "otherwise", "assessor_input"}
    ),
    _model.RuleType.PROPORTIONAL: frozenset({"type", "part", "whole", "step"}),
    _model.RuleType.PER_OCCURRENCE: frozenset({"type", "input", "per", "floor"}),
    _model.RuleType.ASSESSOR: frozenset({"type", "input"}),
    _model.RuleType.UNCONFIRMED: frozenset({"type"}),
}
_REQUIRED_RULE_KEYS: Final[Mapping[_model.RuleType, tuple[str, ...]]] = {
    _model.RuleType.ALL_OR_NOTHING: ("input",),
    _model.RuleType.THRESHOLD: ("part", "whole", "percent"),
    _model.RuleType.PROPORTIONAL: ("part", "whole", "step"),
    _model.RuleType.PER_OCCURRENCE: ("input", "per"),
    _model.RuleType.ASSESSOR: ("input",),
    _model.RuleType.UNCONFIRMED: (),
}


@attrs.define
class _Reader(_Problems):
    """Reads the parts of a sheet or override from parsed TOML, naming where a problem is."""

    def table(self, raw: object, *, field: str, item: str | None = None) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(Msg("expected a table"), item=item, field=field, value=raw)
        return raw

    def keys(
        self,
        raw: Mapping[str, Any],
        allowed: frozenset[str],
        *,
        prefix: str = "",
        item: str | None = None,
    ) -> None:
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise self.fail(
                Msg("unknown key; allowed: {allowed}"),
                params={"allowed": ", ".join(sorted(allowed))},
                item=item,
                field=prefix + unknown[0],
                value=raw[unknown[0]],
            )

    def string(
        self, raw: Mapping[str, Any], key: str, *, prefix: str = "", item: str | None = None
    ) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                Msg("expected a non-empty string"), item=item, field=prefix + key, value=value
            )
        return value.strip()

    def text(self, raw: object, *, field: str, item: str | None = None) -> Text:
        table = self.table(raw, field=field, item=item)
        self.keys(table, frozenset(LANGS), prefix=f"{field}.", item=item)
        vi, en = table.get("vi"), table.get("en")
        if not isinstance(vi, str) or not vi.strip() or not isinstance(en, str) or not en.strip():
            raise self.fail(
                Msg("expected non-empty text in vi and en"), item=item, field=field, value=raw
            )
        return Text(vi=vi.strip(), en=en.strip())

    def optional_text(self, raw: object, *, field: str, item: str | None = None) -> Text | None:
        return None if raw is None else self.text(raw, field=field, item=item)

    def number(self, raw: object, *, field: str, what: Msg, item: str | None = None) -> Fraction:
        try:
            return _exact(raw, what)
        except _Bad as bad:
            raise self.fail(bad.message, item=item, field=field, value=shown(raw)) from None

    def code(
        self, vocabulary: type[Any], raw: object, *, field: str, item: str | None = None
    ) -> Any:
        try:
            return vocabulary.from_code(raw, path=field)
        except InputError as error:
            raise self.fail(error.message, item=item, field=field, value=raw) from None

    def citation(self, raw: object, *, field: str, item: str | None = None) -> Citation:
        try:
            if isinstance(raw, str):
                return Citation.parse(raw)
            return Citation.from_dict(self.table(raw, field=field, item=item), path=field)
        except SheetError:
            raise
        except InputError as error:
            raise self.fail(error.message, item=item, field=field, value=raw) from None
        except DefinitionError as error:  # CitationError: an unknown instrument or provision
            raise self.fail(str(error), item=item, field=field, value=raw) from None

    def boolean(
        self, raw: Mapping[str, Any], key: str, *, field: str, default: bool = False
    ) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(Msg("expected true or false"), field=field, value=value)
        return value

    # --- parts

    def inputs(self, raw: object, *, field: str = "inputs") -> tuple[_model.SheetInput, ...]:
        if raw is None:
            return ()
        table = self.table(raw, field=field)
        found = []
        for name, spec in table.items():
            where = f"{field}.{name}"
            if not _INPUT_NAME.match(name):
                raise self.fail(
                    Msg("an input name is lowercase letters, digits and _"), field=where, value=name
                )
            spec = self.table(spec, field=where)
            self.keys(spec, _INPUT_KEYS, prefix=f"{where}.")
            found.append(
                _model.SheetInput(
                    name=name,
                    type=self.code(_model.InputType, spec.get("type"), field=f"{where}.type"),
                    label=self.text({"vi": spec.get("vi"), "en": spec.get("en")}, field=where),
                    judgement=self.boolean(spec, "judgement", field=f"{where}.judgement"),
                )
            )
        return tuple(found)

    def rule(self, raw: object, *, item: str) -> _model.Rule:
        table = self.table(raw, field="rule", item=item)
        kind: _model.RuleType = self.code(
            _model.RuleType, table.get("type"), field="rule.type", item=item
        )
        self.keys(table, _RULE_KEYS[kind], prefix="rule.", item=item)
        for key in _REQUIRED_RULE_KEYS[kind]:
            if key not in table:
                raise self.fail(
                    Msg("required for a {rule} rule"),
                    params={"rule": kind.code},
                    item=item,
                    field=f"rule.{key}",
                )

        def name(key: str) -> str:
            return self.string(table, key, prefix="rule.", item=item)

        def num(key: str, what: Msg) -> Fraction:
            return self.number(table[key], field=f"rule.{key}", what=what, item=item)

        if kind is _model.RuleType.ALL_OR_NOTHING:
            return _model.AllOrNothing(input=name("input"))
        if kind is _model.RuleType.THRESHOLD:
            return _model.Threshold(
                part=name("part"),
                whole=name("whole"),
                percent=num("percent", _PERCENTAGE),
                comparison=self.code(
                    _model.Comparison,
                    table.get("comparison", "at_least"),
                    field="rule.comparison",
                    item=item,
                ),
                otherwise=self.code(
                    _model.Otherwise,
                    table.get("otherwise", "zero"),
                    field="rule.otherwise",
                    item=item,
                ),
                assessor_input=name("assessor_input") if "assessor_input" in table else None,
            )
        if kind is _model.RuleType.PROPORTIONAL:
            return _model.Proportional(
                part=name("part"), whole=name("whole"), step=num("step", _STEP)
            )
        if kind is _model.RuleType.PER_OCCURRENCE:
            floor = num("floor", _POINTS) if "floor" in table else Fraction(0)
            return _model.PerOccurrence(input=name("input"), per=num("per", _POINTS), floor=floor)
        if kind is _model.RuleType.ASSESSOR:
            return _model.Assessor(input=name("input"))
        return _model.Unconfirmed()

    def items(
        self,
        raw: object,
        *,
        field: str,
        citation: Citation,
        confirmation: Confirmation,
        depth: int = 1,
        inherit_text: Mapping[str, Text] | None = None,
        source: Text | None = None,
    ) -> tuple[_model.SheetItem, ...]:
        if not isinstance(raw, list):
            raise self.fail(
                Msg("expected a list of items ([[items]] tables)"), field=field, value=raw
            )
        if depth > MAX_DEPTH:
            raise self.fail(
                Msg("items nest at most {depth} levels deep"),
                params={"depth": MAX_DEPTH},
                field=field,
            )
        found = []
        for index, entry in enumerate(raw):
            where = f"{field}[{index}]"
            table = self.table(entry, field=where)
            iid = table.get("id")
            if not isinstance(iid, str) or not _ITEM_ID.match(iid):
                raise self.fail(
                    Msg("an item id is letters and digits joined by dots, e.g. 4.a"),
                    field=f"{where}.id",
                    value=iid,
                )
            self.keys(table, _ITEM_KEYS, item=iid)
            own_citation = (
                citation
                if "citation" not in table
                else self.citation(table["citation"], field="citation", item=iid)
            )
            own_status = (
                confirmation
                if "confirmation" not in table
                else self.code(Confirmation, table["confirmation"], field="confirmation", item=iid)
            )
            if "text" not in table and inherit_text and iid in inherit_text:
                text = inherit_text[iid]
            else:
                text = self.text(table.get("text"), field="text", item=iid)
            max_points = (
                None
                if "max_points" not in table
                else self.number(table["max_points"], field="max_points", what=_POINTS, item=iid)
            )
            has_rule, has_items = "rule" in table, "items" in table
            if has_rule == has_items:
                raise self.fail(
                    Msg("an item needs either a rule or sub-items ([[...items]])"), item=iid
                )
            children: tuple[_model.SheetItem, ...] = ()
            rule: _model.Rule | None = None
            if has_items:
                children = self.items(
                    table["items"],
                    field=f"{iid}.items",
                    citation=own_citation,
                    confirmation=own_status,
                    depth=depth + 1,
                    source=source,
                )
                if not children:
                    raise self.fail(
                        Msg("a group needs at least one sub-item"), item=iid, field="items"
                    )
            else:
                rule = self.rule(table["rule"], item=iid)
            found.append(
                _model.SheetItem(
                    id=iid,
                    title=text,
                    max_points=max_points,
                    citation=own_citation,
                    confirmation=own_status,
                    rule=rule,
                    children=children,
                    note=self.optional_text(table.get("note"), field="note", item=iid),
                    source=source,
                )
            )
        return tuple(found)

    def classification(
        self,
        raw: object,
        *,
        citation: Citation,
        confirmation: Confirmation,
        source: Text | None = None,
    ) -> _model.BandScheme:
        table = self.table(raw, field="classification")
        self.keys(table, _CLASSIFICATION_KEYS, prefix="classification.")
        bands_raw = table.get("bands")
        if not isinstance(bands_raw, list) or not bands_raw:
            raise self.fail(
                Msg("expected a list of bands ([[classification.bands]])"),
                field="classification.bands",
                value=bands_raw,
            )
        bands = []
        for index, entry in enumerate(bands_raw):
            where = f"classification.bands[{index}]"
            band = self.table(entry, field=where)
            self.keys(band, _BAND_KEYS, prefix=f"{where}.")
            if "min_points" not in band:
                raise self.fail(Msg("required"), field=f"{where}.min_points")
            bands.append(
                _model.Band(
                    movement_class=self.code(
                        _model.MovementClass, band.get("class"), field=f"{where}.class"
                    ),
                    min_points=self.number(
                        band["min_points"], field=f"{where}.min_points", what=_POINTS
                    ),
                )
            )
        return _model.BandScheme(
            bands=tuple(bands),
            citation=citation
            if "citation" not in table
            else self.citation(table["citation"], field="classification.citation"),
            confirmation=confirmation
            if "confirmation" not in table
            else self.code(
                Confirmation, table["confirmation"], field="classification.confirmation"
            ),
            note=self.optional_text(table.get("note"), field="classification.note"),
            source=source,
        )

    def vetoes(
        self,
        raw: object,
        *,
        citation: Citation,
        confirmation: Confirmation,
        inputs: Mapping[str, _model.SheetInput],
        source: Text | None = None,
    ) -> tuple[_model.Veto, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise self.fail(
                Msg("expected a list of vetoes ([[vetoes]])"), field="vetoes", value=raw
            )
        found = []
        for index, entry in enumerate(raw):
            table = self.table(entry, field=f"vetoes[{index}]")
            vid = table.get("id")
            if not isinstance(vid, str) or not _ID.match(vid):
                raise self.fail(
                    Msg("a veto id is lowercase words joined by . _ or -"),
                    field=f"vetoes[{index}].id",
                    value=vid,
                )
            where = f"vetoes.{vid}"
            self.keys(table, _VETO_KEYS, prefix=f"{where}.")
            input_name = self.string(table, "input", prefix=f"{where}.")
            declared = inputs.get(input_name)
            if declared is None:
                raise self.fail(
                    Msg("reads an input the sheet does not declare"),
                    field=f"{where}.input",
                    value=input_name,
                )
            if declared.type not in (_model.InputType.BOOLEAN, _model.InputType.OUTCOME):
                raise self.fail(
                    Msg("a veto reads a boolean or outcome input; {name} is a {type}"),
                    params={"name": input_name, "type": declared.type.code},
                    field=f"{where}.input",
                    value=input_name,
                )
            values = table.get("applies_if")
            if not isinstance(values, list) or not values:
                raise self.fail(
                    Msg("expected a non-empty list of values"),
                    field=f"{where}.applies_if",
                    value=values,
                )
            applies: list[bool | Outcome] = []
            for value in values:
                if isinstance(value, bool):
                    applies.append(value)
                elif declared.type is _model.InputType.OUTCOME:
                    applies.append(self.code(Outcome, value, field=f"{where}.applies_if"))
                else:
                    raise self.fail(
                        Msg("expected true or false, or outcome codes"),
                        field=f"{where}.applies_if",
                        value=value,
                    )
            found.append(
                _model.Veto(
                    id=vid,
                    title=self.text(table.get("text"), field=f"{where}.text"),
                    input=input_name,
                    applies_if=tuple(applies),
                    cap=self.code(_model.MovementClass, table.get("cap"), field=f"{where}.cap"),
                    citation=citation
                    if "citation" not in table
                    else self.citation(table["citation"], field=f"{where}.citation"),
                    confirmation=confirmation
                    if "confirmation" not in table
                    else self.code(
                        Confirmation, table["confirmation"], field=f"{where}.confirmation"
                    ),
                    note=self.optional_text(table.get("note"), field=f"{where}.note"),
                    source=source,
                )
            )
        return tuple(found)


def sheet_from_dict(data: object, *, source: str | None = None) -> _model.ScoringSheet:
    """Build and validate a sheet from parsed TOML (or JSON) data.

    The layout is documented in the scoring page of the documentation; unknown
    keys are errors, never ignored.
    """
    where = source or "?"
    if not isinstance(data, dict):
        raise SheetError(where, Msg("expected a table"), value=type(data).__name__)
    sheet_id = data.get("id")
    reader = _Reader(sheet_id if isinstance(sheet_id, str) and sheet_id else where)
    reader.keys(data, _SHEET_KEYS)
    if data.get("antq_sheet") != SHEET_FORMAT_VERSION:
        raise reader.fail(
            Msg("expected antq_sheet = {version}"),
            params={"version": SHEET_FORMAT_VERSION},
            field="antq_sheet",
            value=data.get("antq_sheet"),
        )
    reader.string(data, "id")
    kinds_raw = data.get("unit_kinds")
    if not isinstance(kinds_raw, list):
        raise reader.fail(
            Msg("expected a list of unit kind codes"), field="unit_kinds", value=kinds_raw
        )
    if "citation" not in data:
        raise reader.fail(Msg("required"), field="citation")
    if "total" not in data:
        raise reader.fail(Msg("required"), field="total")
    citation = reader.citation(data["citation"], field="citation")
    confirmation: Confirmation = reader.code(
        Confirmation, data.get("confirmation"), field="confirmation"
    )
    inputs = reader.inputs(data.get("inputs"))
    by_name = {i.name: i for i in inputs}
    if "items" not in data:
        raise reader.fail(Msg("required"), field="items")
    return _model.ScoringSheet(
        id=data["id"],
        title=reader.text(data.get("title"), field="title"),
        nature=reader.code(_model.SheetNature, data.get("nature"), field="nature"),
        unit_kinds=tuple(
            reader.code(UnitKind, k, field=f"unit_kinds[{i}]") for i, k in enumerate(kinds_raw)
        ),
        total=reader.number(data["total"], field="total", what=_POINTS),
        citation=citation,
        confirmation=confirmation,
        inputs=inputs,
        items=reader.items(
            data["items"], field="items", citation=citation, confirmation=confirmation
        ),
        classification=None
        if data.get("classification") is None
        else reader.classification(
            data["classification"], citation=_whole(citation), confirmation=confirmation
        ),
        vetoes=reader.vetoes(
            data.get("vetoes"), citation=citation, confirmation=confirmation, inputs=by_name
        ),
        note=reader.optional_text(data.get("note"), field="note"),
        valid_from=_valid_from(reader, data.get("valid_from")),
        in_force_note=reader.optional_text(data.get("in_force_note"), field="in_force_note"),
    )


def _whole(citation: Citation) -> Citation:
    """The instrument as a whole: where its classification rules sit is not known."""
    return Citation(instrument=citation.instrument)


def _valid_from(reader: Any, raw: object) -> date | None:
    if raw is None:
        return None
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        with contextlib.suppress(ValueError):
            raw = date.fromisoformat(raw)
    if isinstance(raw, datetime) or not isinstance(raw, date):
        raise reader.fail(Msg("expected a date (YYYY-MM-DD)"), field="valid_from", value=raw)
    return raw


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    name = str(path)

    try:
        text = read_text_file(path, limit=MAX_SHEET_BYTES)
    except InputError as error:
        message = error.message
        if message.startswith("file larger than"):
            message = Message(
                Msg("a sheet file may be at most {limit} bytes")
                if what == "sheet"
                else Msg("an override file may be at most {limit} bytes"),
                {"limit": MAX_SHEET_BYTES},
            )
        raise SheetError(name, message, value=error.value) from None
    try:
        return tomllib.loads(lone_cr_to_lf(text))
    except tomllib.TOMLDecodeError as error:
        raise SheetError(
            name, Msg("malformed TOML: {error}"), params={"error": str(error)}
        ) from None
    except RecursionError:
        raise SheetError(name, Msg("malformed TOML: nested too deeply")) from None
    except ValueError as error:  # e.g. an integer too long to convert
        raise SheetError(
            name, Msg("malformed TOML: {error}"), params={"error": str(error)}
        ) from None


def load_sheet(path: str | Path) -> _model.ScoringSheet:
    """Read and validate a sheet from a TOML file (at most ``MAX_SHEET_BYTES`` bytes)."""
    path = Path(path)
    return sheet_from_dict(_read_toml(path, "sheet"), source=str(path))


@cache
def shipped_sheets() -> tuple[_model.ScoringSheet, ...]:
    """The sheets antq ships (``antq/emulation/data/*.toml``), by id."""
    folder = resources.files("antq.emulation").joinpath("data")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            found.append(sheet_from_dict(data, source=f"antq/emulation/data/{entry.name}"))
    return tuple(found)


def shipped_sheet(sheet_id: str) -> _model.ScoringSheet:
    """The shipped sheet with id ``sheet_id`` (``"qd510.agency"``)."""
    for sheet in shipped_sheets():
        if sheet.id == sheet_id:
            return sheet
    known = ", ".join(s.id for s in shipped_sheets())
    raise InputError(
        "sheet",
        sheet_id,
        Msg("no shipped sheet with this id; known: {known}"),
        params={"known": known},
    )
