"""The sheet catalogue: every item, band scheme and veto of the shipped sheets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from antq._serialise import JsonForm, json_view, rendered
from antq.core.entry import EntryInput, RuleEntry, RuleFamily
from antq.core.rule import Rule
from antq.emulation.sheets._model import RuleType, ScoringSheet, SheetItem, Veto
from antq.emulation.sheets._points import format_points, points_to_json
from antq.emulation.sheets._reader import _whole, shipped_sheets
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import LANGS, Lang

_NO_BANDS_ENTRY = Msg("Classification thresholds: unconfirmed, must be supplied")
#: The badge of a group item: its points are the sum of its sub-items'.
_SUM = Text(vi="∑", en="∑")


@attrs.frozen(kw_only=True)
class SheetCatalogueEntry(JsonForm):
    """One item of a sheet (or its bands, or a veto), as the catalogue lists it.

    Its id, title, citation, status and note are its rule's (:attr:`rule`), whatever the
    role; a sheet without bands has an entry that says they must be supplied.
    """

    sheet: ScoringSheet
    role: str  # "item", "classification" or "veto"
    item: SheetItem | None = None
    veto: Veto | None = None
    depth: int = 0

    @property
    def rule(self) -> Rule | None:
        """The item, the veto or the sheet's bands (None for a sheet without bands)."""
        if self.item is not None:
            return self.item
        if self.veto is not None:
            return self.veto
        return self.sheet.classification

    @property
    def id(self) -> str:
        """``<sheet>/<item>``, ``<sheet>/veto:<veto>`` or ``<sheet>/classification``."""
        rule = self.rule
        if rule is None:
            return f"{self.sheet.id}/classification"
        prefix = "veto:" if self.veto is not None else ""
        return f"{self.sheet.id}/{prefix}{rule.info.id}"

    @property
    def confirmation(self) -> Confirmation:
        rule = self.rule
        return Confirmation.UNCONFIRMED if rule is None else rule.info.confirmation

    @property
    def citation(self) -> Citation:
        rule = self.rule
        return _whole(self.sheet.citation) if rule is None else rule.info.citation

    @property
    def note(self) -> Label | None:
        rule = self.rule
        return None if rule is None else rule.info.note

    def title(self, lang: Lang) -> str:
        """The item's or veto's text, or the bands, in ``lang``."""
        rule = self.rule
        return _NO_BANDS_ENTRY.render(lang) if rule is None else rule.info.title.render(lang)

    def entry(self) -> RuleEntry:
        """The item, bands or veto as an entry of the one catalogue.

        See :func:`antq.rule_catalogue`.
        """
        sheet = self.sheet
        details: dict[str, Any] = {
            "sheet": sheet.id,
            "nature": sheet.nature.code,
            "unit_kinds": [k.code for k in sheet.unit_kinds],
        }
        base = RuleEntry(
            id=self.id,
            family=RuleFamily.CLASSIFICATION,
            rule_set=sheet.id,
            role=self.role,
            instrument=sheet.citation.instrument,
            citation=self.citation,
            title=Text(vi=self.title("vi"), en=self.title("en")),
            confirmation=self.confirmation,
            own_confirmation=self.confirmation,
            applies_to=sheet.unit_kinds,
            valid_from=sheet.valid_from,
            note=self.note,
            details=details,
        )
        item = self.item
        if item is not None:
            known = item.known_max
            kind = RuleType.UNCONFIRMED if item.is_unfilled else None
            if kind is None and item.rule is not None:
                kind = item.rule.type
            names = item.input_names() if not item.is_group else ()
            judged = {i.name for i in sheet.inputs if i.judgement}
            details.update(
                item=item.id,
                max_points=None if known is None else points_to_json(known),
                rule=None if item.rule is None else item.rule.type.code,
                inputs=list(names),
            )
            points = Text(
                vi="?" if known is None else format_points(known, "vi"),
                en="?" if known is None else format_points(known, "en"),
            )
            return attrs.evolve(
                base,
                family=RuleFamily.SHEET_ITEM,
                kind=kind,
                inputs=tuple(EntryInput(name=n, judgement=n in judged) for n in names),
                points=known,
                depth=self.depth,
                badges=(points, kind or _SUM),
                details=details,
            )
        if self.veto is not None:
            details.update(input=self.veto.input, cap=self.veto.cap.code)
            return attrs.evolve(
                base,
                family=RuleFamily.VETO,
                inputs=(EntryInput(name=self.veto.input),),
                details=details,
            )
        return base

    def render(self, lang: Lang) -> str:
        """The entry as ``antq rules`` prints it (see :meth:`antq.core.entry.RuleEntry.render`)."""
        return self.entry().render(lang)


def _entry_json(entry: SheetCatalogueEntry) -> dict[str, Any]:
    """The entry for readers: its sheet, status, texts and, for an item or veto, what it reads."""
    data: dict[str, Any] = {
        "id": entry.id,
        "sheet": entry.sheet.id,
        "nature": entry.sheet.nature.code,
        "unit_kinds": [k.code for k in entry.sheet.unit_kinds],
        "role": entry.role,
        "confirmation": entry.confirmation.code,
        "citation": rendered(entry.citation),
        "title": {lang: entry.title(lang) for lang in LANGS},
    }
    if entry.item is not None:
        known = entry.item.known_max
        data.update(
            item=entry.item.id,
            max_points=None if known is None else points_to_json(known),
            rule=None if entry.item.rule is None else entry.item.rule.type.code,
            inputs=list(entry.item.input_names()) if not entry.item.is_group else [],
        )
    if entry.veto is not None:
        data.update(input=entry.veto.input, cap=entry.veto.cap.code)
    return data


json_view(SheetCatalogueEntry, _entry_json)


def sheet_catalogue(
    sheets: Iterable[ScoringSheet] | None = None, *, as_of: date | None = None
) -> Iterator[SheetCatalogueEntry]:
    """Every item, the classification and every veto of ``sheets`` (default: the shipped ones).

    With ``as_of``, only the sheets in force for a rating year ending on that day
    (none before the sheet's ``valid_from``).

    >>> entries = list(sheet_catalogue())
    >>> [(e.id, e.confirmation.code) for e in entries[:2]]
    [('qd510.agency/1', 'confirmed'), ('qd510.agency/2', 'partial')]
    """
    for sheet in shipped_sheets() if sheets is None else sheets:
        if as_of is not None and sheet.valid_from is not None and as_of < sheet.valid_from:
            continue
        for item, depth in sheet.walk():
            yield SheetCatalogueEntry(sheet=sheet, role="item", item=item, depth=depth)
        yield SheetCatalogueEntry(sheet=sheet, role="classification")
        for veto in sheet.vetoes:
            yield SheetCatalogueEntry(sheet=sheet, role="veto", veto=veto)
