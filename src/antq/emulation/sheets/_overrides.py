"""Province overrides: fill a sheet's placeholders, add inputs, bands and vetoes."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from antq.emulation.sheets._errors import SheetError
from antq.emulation.sheets._limits import OVERRIDE_FORMAT_VERSION
from antq.emulation.sheets._model import ScoringSheet, SheetItem, _replace, _weakest
from antq.emulation.sheets._reader import _read_toml, _Reader, _whole
from antq.i18n.catalog import Msg
from antq.law.confirmation import Confirmation

_OVERRIDE_KEYS: Final = frozenset(
    {
        "antq_sheet_override",
        "base",
        "id",
        "title",
        "source",
        "confirmation",
        "inputs",
        "fill",
        "classification",
        "vetoes",
    }
)
_FILL_KEYS: Final = frozenset({"item", "items"})


def apply_override(sheet: ScoringSheet, data: object, *, source: str | None = None) -> ScoringSheet:
    """A new sheet: ``sheet`` with a province override (parsed TOML) applied, validated again.

    The override names its ``base`` sheet and gives the new sheet's ``id``, the
    ``source`` of its values (the provincial act, in vi and en) and their
    ``confirmation`` (default ``unconfirmed``). It may declare more
    ``[inputs]``, ``[[fill]]`` unconfirmed placeholders (``item`` = the
    placeholder's id, ``[[fill.items]]`` = the items that replace it; none
    removes it; a replacing item with the placeholder's id may leave out its
    text), set the ``[classification]`` bands when the sheet has none, and add
    ``[[vetoes]]``. Only placeholders can be filled: an override never changes
    what the sheet encodes.
    """
    where = source or "override"
    if not isinstance(data, dict):
        raise SheetError(where, Msg("expected a table"), value=type(data).__name__)
    new_id = data.get("id")
    reader = _Reader(new_id if isinstance(new_id, str) and new_id else where)
    reader.keys(data, _OVERRIDE_KEYS)
    if data.get("antq_sheet_override") != OVERRIDE_FORMAT_VERSION:
        raise reader.fail(
            Msg("expected antq_sheet_override = {version}"),
            params={"version": OVERRIDE_FORMAT_VERSION},
            field="antq_sheet_override",
            value=data.get("antq_sheet_override"),
        )
    base = reader.string(data, "base")
    if base != sheet.id:
        raise reader.fail(
            Msg("this override is for sheet {base}, not {sheet}"),
            params={"base": base, "sheet": sheet.id},
            field="base",
            value=base,
        )
    reader.string(data, "id")
    if new_id == sheet.id:
        raise reader.fail(
            Msg("the filled sheet needs an id of its own, e.g. BASE+province"),
            field="id",
            value=new_id,
        )
    origin = reader.text(data.get("source"), field="source")
    confirmation: Confirmation = reader.code(
        Confirmation, data.get("confirmation", "unconfirmed"), field="confirmation"
    )
    extra_inputs = reader.inputs(data.get("inputs"))
    inputs = (*sheet.inputs, *extra_inputs)
    by_name = {i.name: i for i in inputs}
    if len(by_name) != len(inputs):
        clash = next(i.name for i in extra_inputs if any(o.name == i.name for o in sheet.inputs))
        raise reader.fail(
            Msg("the sheet already declares this input"), field=f"inputs.{clash}", value=clash
        )
    fills_raw = data.get("fill", [])
    if not isinstance(fills_raw, list):
        raise reader.fail(Msg("expected a list of fills ([[fill]])"), field="fill", value=fills_raw)
    sources = sheet.sources if origin in sheet.sources else (*sheet.sources, origin)
    working = _Tree(sheet.items)
    for index, entry in enumerate(fills_raw):
        table = reader.table(entry, field=f"fill[{index}]")
        reader.keys(table, _FILL_KEYS, prefix=f"fill[{index}].")
        target_id = reader.string(table, "item", prefix=f"fill[{index}].")
        target = working.find(target_id)
        if target is None:
            raise reader.fail(
                Msg("no such item in the sheet"), item=target_id, field="fill.item", value=target_id
            )
        if not target.is_unfilled:
            raise reader.fail(
                Msg(
                    "only an unconfirmed placeholder can be filled; this item is part of the sheet"
                ),
                item=target_id,
                field="fill.item",
            )
        replacement = reader.items(
            table.get("items", []),
            field=f"fill.{target_id}.items",
            citation=target.citation,
            confirmation=confirmation,
            depth=target_id.count(".") + 1,
            inherit_text={target.id: target.title},
            source=origin,
        )
        working.replace(target_id, replacement)
    scheme = sheet.classification
    if data.get("classification") is not None:
        if scheme is not None:
            raise reader.fail(
                Msg("the sheet already has bands; an override only sets missing ones"),
                field="classification",
            )
        scheme = reader.classification(
            data["classification"],
            citation=_whole(sheet.citation),
            confirmation=confirmation,
            source=origin,
        )
    vetoes = (
        *sheet.vetoes,
        *reader.vetoes(
            data.get("vetoes"),
            citation=sheet.citation,
            confirmation=confirmation,
            inputs=by_name,
            source=origin,
        ),
    )
    return ScoringSheet(
        id=data["id"],
        title=sheet.title
        if data.get("title") is None
        else reader.text(data["title"], field="title"),
        nature=sheet.nature,
        unit_kinds=sheet.unit_kinds,
        total=sheet.total,
        citation=sheet.citation,
        confirmation=_weakest(sheet.confirmation, working.items),
        inputs=inputs,
        items=working.items,
        classification=scheme,
        vetoes=vetoes,
        note=sheet.note,
        sources=sources,
        valid_from=sheet.valid_from,
        in_force_note=sheet.in_force_note,
    )


class _Tree:
    """A mutable working copy of an item tree, for applying fills in order."""

    def __init__(self, items: tuple[SheetItem, ...]) -> None:
        self.items = items

    def find(self, item_id: str) -> SheetItem | None:
        for top in self.items:
            for item, _ in top.walk():
                if item.id == item_id:
                    return item
        return None

    def replace(self, item_id: str, replacement: tuple[SheetItem, ...]) -> None:
        self.items = tuple(x for item in self.items for x in _replace(item, item_id, replacement))


def apply_override_file(sheet: ScoringSheet, path: str | Path) -> ScoringSheet:
    """:func:`apply_override` with an override read from a TOML file."""
    path = Path(path)
    return apply_override(sheet, _read_toml(path, "override"), source=str(path))
