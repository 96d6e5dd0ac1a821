"""What a report says, in no language yet (:class:`Report`), and the blocks it is written in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

import attrs

from antq.errors import InputError
from antq.i18n.catalog import Label
from antq.report.annex import AnnexCommune
from antq.report.letterhead import Letterhead
from antq.vocabulary import Lang

__all__ = [
    "BarChart",
    "Block",
    "CommuneSection",
    "Heading",
    "Items",
    "Paragraph",
    "ProvinceSection",
    "Report",
    "StackedChart",
    "Table",
]

if TYPE_CHECKING:  # imported when used, so that the command line starts fast
    from antq.report.indicators import Observation, TargetCheck
    from antq.report.previous import PreviousRound
    from antq.safety.hierarchy import CommuneResult, Notice, Summary


@attrs.frozen(kw_only=True)
class CommuneSection:
    """One commune of a report: its result and the summary of its units."""

    result: CommuneResult
    summary: Summary


@attrs.frozen(kw_only=True)
class ProvinceSection:
    """One province of a report (``name`` is None for units with no province)."""

    name: str | None
    summary: Summary
    safe_figures: tuple[Observation, ...]
    communes: tuple[CommuneSection, ...]


@attrs.frozen(kw_only=True)
class Report:
    """What a report of one round says, in no language yet."""

    year: int
    generated: date
    title: Label | None
    sections: tuple[ProvinceSection, ...]
    indicators: tuple[TargetCheck, ...]
    errors: tuple[InputError, ...]
    notices: tuple[Notice, ...]
    #: The ids of the rule sets applied (data only: reports name their instruments).
    rule_sets: tuple[str, ...]
    #: Units of other rounds in the input, by round: left out of this report.
    other_rounds: Mapping[int, int]
    #: Labels of the inputs named in the report, by input name.
    input_labels: Mapping[str, Label]
    top: int
    #: The registry keys of the instruments of the rule sets applied ("124/2021/TT-BCA").
    instruments: tuple[str, ...] = ()
    #: Every unit not met or unknown, by commune (see :mod:`antq.report.annex`).
    annex: Sequence[AnnexCommune] = ()
    #: Who issues, signs and receives the report (the Word and HTML reports' header block).
    letterhead: Letterhead = attrs.field(factory=Letterhead)
    #: The previous round's figures, to compare with (None: no comparison).
    previous: PreviousRound | None = None

    @property
    def failed(self) -> bool:
        """Whether the input had errors."""
        return bool(self.errors)


# --------------------------------------------------------------------------- blocks


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Paragraph:
    text: str


@attrs.frozen
class Items:
    items: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Table:
    """A table of text; ``numeric`` marks the columns to align right."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()


@attrs.frozen(kw_only=True)
class StackedChart:
    """Bars split by outcome: ``legend`` names the parts, each row gives their counts.

    With ``percent`` each bar is the share of its row (every bar is 100% long)
    and the axis is in percent; ``threshold`` (a percentage) draws a line
    across every bar, the share a row must reach.
    """

    title: str
    legend: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    #: The language the counts are written in ("1.234" or "1,234").
    lang: Lang = "vi"
    percent: bool = False
    threshold: int | None = None
    #: The label of the threshold line ("70%: the share a commune must reach").
    threshold_label: str = ""


@attrs.frozen(kw_only=True)
class BarChart:
    """One bar per row: a label and a count."""

    title: str
    rows: tuple[tuple[str, int], ...]
    #: The language the counts are written in ("1.234" or "1,234").
    lang: Lang = "vi"


Block: TypeAlias = Heading | Paragraph | Items | Table | StackedChart | BarChart
