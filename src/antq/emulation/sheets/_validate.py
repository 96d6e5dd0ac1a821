"""Whole-sheet checks, run whenever a :class:`ScoringSheet` is made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from antq.core.outcome import Outcome
from antq.core.unit_kinds import UnitKind
from antq.emulation.sheets._errors import _Problems
from antq.emulation.sheets._limits import _ID, _INPUT_NAME, _ITEM_ID, MAX_DEPTH, MAX_ITEMS
from antq.emulation.sheets._model import (
    _RULE_CLASSES,
    Band,
    BandScheme,
    InputType,
    MovementClass,
    ScoringSheet,
    SheetInput,
    SheetItem,
    SheetNature,
    Unconfirmed,
    Veto,
    _overclaims,
)
from antq.emulation.sheets._points import points_to_json
from antq.i18n.catalog import Msg, Text
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation


class _Validator:
    """Whole-sheet checks; every problem names the sheet, the item and the field."""

    def __init__(self, sheet: ScoringSheet) -> None:
        self.sheet = sheet
        self.id = sheet.id if isinstance(sheet.id, str) else repr(sheet.id)
        self.fail = _Problems(self.id).fail

    def run(self) -> None:
        sheet = self.sheet
        if not isinstance(sheet.id, str) or not _ID.match(sheet.id):
            raise self.fail(
                Msg("must be lowercase letters and digits joined by . _ + or -"),
                field="id",
                value=sheet.id,
            )
        self.text(sheet.title, field="title")
        if not isinstance(sheet.nature, SheetNature):
            raise self.fail(Msg("unknown nature"), field="nature", value=sheet.nature)
        if not sheet.unit_kinds or not all(isinstance(k, UnitKind) for k in sheet.unit_kinds):
            raise self.fail(
                Msg("expected one or more unit kinds"), field="unit_kinds", value=sheet.unit_kinds
            )
        if len(set(sheet.unit_kinds)) != len(sheet.unit_kinds):
            raise self.fail(
                Msg("a unit kind is listed twice"),
                field="unit_kinds",
                value=[k.code for k in sheet.unit_kinds],
            )
        if not isinstance(sheet.total, Fraction) or sheet.total <= 0:
            raise self.fail(Msg("must be a number of points > 0"), field="total", value=sheet.total)
        self.status(sheet.confirmation, field="confirmation")
        self.citation(sheet.citation, field="citation")
        inputs = self.inputs()
        if not sheet.items:
            raise self.fail(Msg("a sheet needs at least one item"), field="items")
        used: set[str] = set()
        seen: set[str] = set()
        count = 0
        for item in sheet.items:
            count = self.item(
                item, parent=None, depth=1, inputs=inputs, used=used, seen=seen, count=count
            )
        self.sum_of(sheet.items, sheet.total, item=None, field="total")
        for item in sheet.items:
            if _overclaims(sheet.confirmation, item.confirmation):
                raise self.fail(
                    Msg("the sheet cannot be confirmed while item {item} is {status}; use partial"),
                    params={"item": item.id, "status": item.confirmation.code},
                    field="confirmation",
                    value=sheet.confirmation.code,
                )
        self.bands()
        self.vetoes(inputs, used)
        unused = sorted(set(inputs) - used)
        if unused:
            raise self.fail(
                Msg("declared but never read by a rule or veto"),
                field=f"inputs.{unused[0]}",
                value=unused[0],
            )

    def text(self, value: object, *, field: str, item: str | None = None) -> None:
        if not isinstance(value, Text) or not value.vi.strip() or not value.en.strip():
            raise self.fail(
                Msg("expected non-empty text in vi and en"), item=item, field=field, value=value
            )

    def status(self, value: object, *, field: str, item: str | None = None) -> None:
        if not isinstance(value, Confirmation):
            raise self.fail(
                Msg("expected confirmed, partial or unconfirmed"),
                item=item,
                field=field,
                value=value,
            )

    def citation(self, value: object, *, field: str, item: str | None = None) -> None:
        if not isinstance(value, Citation):
            raise self.fail(Msg("expected a citation"), item=item, field=field, value=value)

    def inputs(self) -> dict[str, SheetInput]:
        found: dict[str, SheetInput] = {}
        for inp in self.sheet.inputs:
            if not isinstance(inp, SheetInput):
                raise self.fail(Msg("expected a SheetInput"), field="inputs", value=inp)
            field = f"inputs.{inp.name}"
            if not isinstance(inp.name, str) or not _INPUT_NAME.match(inp.name):
                raise self.fail(
                    Msg("an input name is lowercase letters, digits and _"),
                    field=field,
                    value=inp.name,
                )
            if inp.name in found:
                raise self.fail(Msg("input declared twice"), field=field, value=inp.name)
            if not isinstance(inp.type, InputType):
                raise self.fail(Msg("unknown input type"), field=f"{field}.type", value=inp.type)
            self.text(inp.label, field=field)
            found[inp.name] = inp
        return found

    def item(
        self,
        item: SheetItem,
        *,
        parent: SheetItem | None,
        depth: int,
        inputs: Mapping[str, SheetInput],
        used: set[str],
        seen: set[str],
        count: int,
    ) -> int:
        if not isinstance(item, SheetItem):
            raise self.fail(Msg("expected a SheetItem"), field="items", value=item)
        count += 1
        if count > MAX_ITEMS:
            raise self.fail(
                Msg("more than {limit} items"), params={"limit": MAX_ITEMS}, field="items"
            )
        iid = item.id
        if not isinstance(iid, str) or not _ITEM_ID.match(iid):
            raise self.fail(
                Msg("an item id is letters and digits joined by dots, e.g. 4.a"),
                item=str(iid),
                field="id",
                value=iid,
            )
        if depth > MAX_DEPTH:
            raise self.fail(
                Msg("items nest at most {depth} levels deep"), params={"depth": MAX_DEPTH}, item=iid
            )
        if parent is not None and not iid.startswith(parent.id + "."):
            raise self.fail(
                Msg("a sub-item's id starts with its parent's id and a dot ({parent}.…)"),
                params={"parent": parent.id},
                item=iid,
                field="id",
                value=iid,
            )
        if iid in seen:
            raise self.fail(Msg("duplicate item id"), item=iid, field="id", value=iid)
        seen.add(iid)
        self.text(item.title, item=iid, field="text")
        self.citation(item.citation, item=iid, field="citation")
        self.status(item.confirmation, item=iid, field="confirmation")
        if item.max_points is not None and (
            not isinstance(item.max_points, Fraction) or item.max_points <= 0
        ):
            raise self.fail(
                Msg("must be a number of points > 0"),
                item=iid,
                field="max_points",
                value=item.max_points,
            )
        if item.children:
            if item.rule is not None:
                raise self.fail(
                    Msg("an item has either a rule or sub-items, not both"), item=iid, field="rule"
                )
            for child in item.children:
                count = self.item(
                    child,
                    parent=item,
                    depth=depth + 1,
                    inputs=inputs,
                    used=used,
                    seen=seen,
                    count=count,
                )
                if _overclaims(item.confirmation, child.confirmation):
                    raise self.fail(
                        Msg("cannot be confirmed while sub-item {item} is {status}; use partial"),
                        params={"item": child.id, "status": child.confirmation.code},
                        item=iid,
                        field="confirmation",
                        value=item.confirmation.code,
                    )
            if item.max_points is not None:
                self.sum_of(item.children, item.max_points, item=iid, field="max_points")
            return count
        rule = item.rule
        if rule is None:
            raise self.fail(Msg("a leaf item needs a rule"), item=iid, field="rule")
        if not isinstance(rule, _RULE_CLASSES):
            raise self.fail(Msg("unknown rule"), item=iid, field="rule", value=rule)
        if isinstance(rule, Unconfirmed):
            if item.confirmation is Confirmation.CONFIRMED:
                raise self.fail(
                    Msg("an unconfirmed placeholder cannot be confirmed"),
                    item=iid,
                    field="confirmation",
                    value="confirmed",
                )
            return count
        if item.max_points is None:
            raise self.fail(
                Msg("required (only an unconfirmed placeholder may leave it out)"),
                item=iid,
                field="max_points",
            )
        for field, value, message in rule.problems(item.max_points):
            raise self.fail(message, item=iid, field=f"rule.{field}", value=value)
        for field, name, wanted in rule.inputs():
            declared = inputs.get(name)
            if declared is None:
                raise self.fail(
                    Msg("reads an input the sheet does not declare"),
                    item=iid,
                    field=f"rule.{field}",
                    value=name,
                )
            if declared.type is not wanted:
                raise self.fail(
                    Msg("must be a {wanted} input; {name} is a {type}"),
                    params={"wanted": wanted.code, "name": name, "type": declared.type.code},
                    item=iid,
                    field=f"rule.{field}",
                    value=name,
                )
            used.add(name)
        return count

    def sum_of(
        self, items: Sequence[SheetItem], expected: Fraction, *, item: str | None, field: str
    ) -> None:
        maxima = [c.known_max for c in items]
        known = sum((m for m in maxima if m is not None), Fraction(0))
        names = ", ".join(c.id for c in items)
        if all(m is not None for m in maxima):
            if known != expected:
                raise self.fail(
                    Msg("the maxima of {items} add up to {sum}, not {expected}"),
                    params={
                        "items": names,
                        "sum": points_to_json(known),
                        "expected": points_to_json(expected),
                    },
                    item=item,
                    field=field,
                    value=points_to_json(expected),
                )
        elif known >= expected:
            raise self.fail(
                Msg(
                    "the known maxima of {items} already add up to {sum},"
                    " leaving nothing for the items not yet known"
                ),
                params={"items": names, "sum": points_to_json(known)},
                item=item,
                field=field,
                value=points_to_json(expected),
            )

    def bands(self) -> None:
        scheme = self.sheet.classification
        if scheme is None:
            return
        if not isinstance(scheme, BandScheme):
            raise self.fail(Msg("expected a BandScheme"), field="classification", value=scheme)
        self.citation(scheme.citation, field="classification.citation")
        self.status(scheme.confirmation, field="classification.confirmation")
        if not scheme.bands:
            raise self.fail(Msg("expected at least one band"), field="classification.bands")
        previous: Band | None = None
        for index, band in enumerate(scheme.bands):
            field = f"classification.bands[{index}]"
            if not isinstance(band, Band) or not isinstance(band.movement_class, MovementClass):
                raise self.fail(Msg("expected a band with a class"), field=field, value=band)
            if (
                not isinstance(band.min_points, Fraction)
                or not 0 <= band.min_points <= self.sheet.total
            ):
                raise self.fail(
                    Msg("min_points must be from 0 to the total {total}"),
                    params={"total": points_to_json(self.sheet.total)},
                    field=f"{field}.min_points",
                    value=band.min_points,
                )
            if previous is not None:
                if band.movement_class.rank >= previous.movement_class.rank:
                    raise self.fail(
                        Msg(
                            "bands go from the highest class down: {klass} cannot follow {previous}"
                        ),
                        params={
                            "klass": band.movement_class.code,
                            "previous": previous.movement_class.code,
                        },
                        field=f"{field}.class",
                        value=band.movement_class.code,
                    )
                if band.min_points >= previous.min_points:
                    raise self.fail(
                        Msg(
                            "min_points must be below the {klass} band's {points},"
                            " or the bands overlap"
                        ),
                        params={
                            "klass": previous.movement_class.code,
                            "points": points_to_json(previous.min_points),
                        },
                        field=f"{field}.min_points",
                        value=points_to_json(band.min_points),
                    )
            previous = band

    def vetoes(self, inputs: Mapping[str, SheetInput], used: set[str]) -> None:
        ids: set[str] = set()
        scheme = self.sheet.classification
        classes = {b.movement_class for b in scheme.bands} if scheme is not None else None
        for veto in self.sheet.vetoes:
            if not isinstance(veto, Veto):
                raise self.fail(Msg("expected a Veto"), field="vetoes", value=veto)
            if not isinstance(veto.id, str) or not _ID.match(veto.id):
                raise self.fail(
                    Msg("a veto id is lowercase words joined by . _ or -"),
                    field="vetoes.id",
                    value=veto.id,
                )
            field = f"vetoes.{veto.id}"
            if veto.id in ids:
                raise self.fail(Msg("duplicate veto id"), field=field, value=veto.id)
            ids.add(veto.id)
            self.text(veto.title, field=f"{field}.text")
            self.citation(veto.citation, field=f"{field}.citation")
            self.status(veto.confirmation, field=f"{field}.confirmation")
            declared = inputs.get(veto.input)
            if declared is None:
                raise self.fail(
                    Msg("reads an input the sheet does not declare"),
                    field=f"{field}.input",
                    value=veto.input,
                )
            if declared.type not in (InputType.BOOLEAN, InputType.OUTCOME):
                raise self.fail(
                    Msg("a veto reads a boolean or outcome input; {name} is a {type}"),
                    params={"name": veto.input, "type": declared.type.code},
                    field=f"{field}.input",
                    value=veto.input,
                )
            used.add(veto.input)
            if not veto.applies_if:
                raise self.fail(
                    Msg("expected the values for which the veto applies"),
                    field=f"{field}.applies_if",
                )
            for value in veto.applies_if:
                ok = (
                    isinstance(value, bool)
                    if declared.type is InputType.BOOLEAN
                    else isinstance(value, Outcome) and value is not Outcome.UNKNOWN
                )
                if not ok:
                    raise self.fail(
                        Msg("expected true or false")
                        if declared.type is InputType.BOOLEAN
                        else Msg("expected outcome codes other than unknown"),
                        field=f"{field}.applies_if",
                        value=value,
                    )
            if not isinstance(veto.cap, MovementClass):
                raise self.fail(Msg("expected a class"), field=f"{field}.cap", value=veto.cap)
            if classes is not None and scheme is not None:
                if veto.cap not in classes:
                    raise self.fail(
                        Msg("the cap must be one of the sheet's band classes"),
                        field=f"{field}.cap",
                        value=veto.cap.code,
                    )
                if veto.cap is scheme.bands[0].movement_class:
                    raise self.fail(
                        Msg("capping at the highest class caps nothing"),
                        field=f"{field}.cap",
                        value=veto.cap.code,
                    )
