"""The sheet catalogue: every item, band scheme and veto of the shipped sheets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from antq.emulation.sheets._model import RuleType, ScoringSheet, SheetItem, Veto
from antq.emulation.sheets._points import format_points, points_to_json
from antq.emulation.sheets._reader import _whole, shipped_sheets
from antq.i18n.catalog import Msg
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.vocabulary import LANGS, Lang

_NO_BANDS_ENTRY = Msg("Classification thresholds: unconfirmed, must be supplied")
_BANDS_ENTRY = Msg("Classification: {bands}")
_BAND_ENTRY = Msg("{klass} from {points}")
_INPUTS_ENTRY = Msg("inputs")


@attrs.frozen(kw_only=True)
class SheetCatalogueEntry:
    """One item of a sheet (or its bands, or a veto), as the catalogue lists it."""

    sheet: ScoringSheet
    role: str  # "item", "classification" or "veto"
    item: SheetItem | None = None
    veto: Veto | None = None
    depth: int = 0

    @property
    def id(self) -> str:
        if self.item is not None:
            return f"{self.sheet.id}/{self.item.id}"
        if self.veto is not None:
            return f"{self.sheet.id}/veto:{self.veto.id}"
        return f"{self.sheet.id}/classification"

    @property
    def confirmation(self) -> Confirmation:
        if self.item is not None:
            return self.item.confirmation
        if self.veto is not None:
            return self.veto.confirmation
        scheme = self.sheet.classification
        return Confirmation.UNCONFIRMED if scheme is None else scheme.confirmation

    @property
    def citation(self) -> Citation:
        if self.item is not None:
            return self.item.citation
        if self.veto is not None:
            return self.veto.citation
        scheme = self.sheet.classification
        return _whole(self.sheet.citation) if scheme is None else scheme.citation

    def title(self, lang: Lang) -> str:
        """The item's or veto's text, or the bands, in ``lang``."""
        if self.item is not None:
            return self.item.text.render(lang)
        if self.veto is not None:
            return self.veto.text.render(lang)
        scheme = self.sheet.classification
        if scheme is None:
            return _NO_BANDS_ENTRY.render(lang)
        bands = "; ".join(
            _BAND_ENTRY.render(lang).format(
                klass=b.movement_class.label(lang), points=format_points(b.min_points, lang)
            )
            for b in scheme.bands
        )
        return _BANDS_ENTRY.render(lang).format(bands=bands)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "sheet": self.sheet.id,
            "nature": self.sheet.nature.code,
            "unit_kinds": [k.code for k in self.sheet.unit_kinds],
            "role": self.role,
            "confirmation": self.confirmation.code,
            "citation": {lang: self.citation.render(lang) for lang in LANGS},
            "title": {lang: self.title(lang) for lang in LANGS},
        }
        if self.item is not None:
            known = self.item.known_max
            data.update(
                item=self.item.id,
                max_points=None if known is None else points_to_json(known),
                rule=None if self.item.rule is None else self.item.rule.type.code,
                inputs=list(self.item.input_names()) if not self.item.is_group else [],
            )
        if self.veto is not None:
            data.update(input=self.veto.input, cap=self.veto.cap.code)
        return data

    def render(self, lang: Lang) -> str:
        text = self.title(lang)
        indent = "  " * self.depth
        if self.item is not None:
            known = self.item.known_max
            points = "?" if known is None else format_points(known, lang)
            kind = (
                RuleType.UNCONFIRMED.label(lang)
                if self.item.is_unfilled
                else ("" if self.item.rule is None else self.item.rule.type.label(lang))
            )
            head = (
                f"{indent}{self.id}  [{points} · {kind or '∑'} · {self.confirmation.label(lang)}]"
            )
            lines = [head, f"{indent}    {text}", f"{indent}    {self.citation.render(lang)}"]
            names = self.item.input_names() if not self.item.is_group else ()
            if names:
                lines.append(f"{indent}    {_INPUTS_ENTRY.render(lang)}: {', '.join(names)}")
            return "\n".join(lines)
        return "\n".join(
            [
                f"{self.id}  [{self.confirmation.label(lang)}]",
                f"    {text}",
                f"    {self.citation.render(lang)}",
            ]
        )


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
