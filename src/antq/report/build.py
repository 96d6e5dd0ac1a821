"""A report built from the results of one round: :func:`build_report`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from antq.core.frozen import FrozenMap
from antq.core.ruleset import RuleBook
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg
from antq.report.annex import AnnexCommune, build_annex
from antq.report.collect import CollectedRound
from antq.report.indicators import DEFAULT_TARGETS, safe_standard_observations
from antq.report.letterhead import Letterhead
from antq.report.model import CommuneSection, ProvinceSection, Report
from antq.safety import default_rulebook
from antq.safety.hierarchy import RoundResult

if TYPE_CHECKING:  # imported when used, so that the command line starts fast
    from antq.report.indicators import Observation, TargetTable
    from antq.report.previous import PreviousRound


def build_report(
    evaluation: RoundResult | CollectedRound,
    *,
    year: int | None = None,
    generated: date | None = None,
    title: Label | None = None,
    observations: Iterable[Observation] = (),
    targets: TargetTable | None = None,
    book: RuleBook | None = None,
    top: int = 10,
    letterhead: Letterhead | None = None,
    previous: PreviousRound | None = None,
) -> Report:
    """The report of round ``year`` (default: the latest round in ``evaluation``).

    ``evaluation`` is a round evaluated keeping every unit's verdict
    (:func:`antq.evaluate_round`), or one evaluated with a
    :class:`~antq.report.ReportCollector`, which keeps only what a report
    reads: both give the same report.

    ``observations`` are report figures given by the user (clearance rates,
    say), set against ``targets`` (default: antq's, ``DEFAULT_TARGETS``).
    ``generated`` is the date written on the report (default: today). ``book``
    gives the labels of missing inputs. ``letterhead`` gives the header block
    and signature of the Word and HTML reports; ``previous`` the figures of the
    previous round, which every table and indicator is compared with.
    """

    if targets is None:
        targets = DEFAULT_TARGETS
    years = evaluation.years()
    if year is None:
        if not years:
            raise InputError("year", None, Msg("there is no evaluated unit to report on"))
        year = years[-1]
    if book is None:
        book = default_rulebook()
    collected = evaluation if isinstance(evaluation, CollectedRound) else None
    sections = []
    for province in evaluation.provinces(year):
        summary = evaluation.province_summary(year, province, top=top)
        communes = tuple(
            CommuneSection(
                result=c,
                summary=c.summary(top=top)
                if collected is None
                else collected.commune_summary(c, top=top),
            )
            for c in evaluation.communes_of(year, province)
        )
        sections.append(
            ProvinceSection(
                name=province,
                summary=summary,
                safe_figures=safe_standard_observations(summary),
                communes=communes,
            )
        )
    inputs = book.inputs(computed=True)
    result = evaluation.result if isinstance(evaluation, CollectedRound) else evaluation
    names = {c.commune_id: c.name for c in result.communes if c.year == year and c.name}
    provinces = [s.name for s in sections]
    annex: Sequence[AnnexCommune]
    if collected is None:
        assert isinstance(evaluation, RoundResult)
        rounds: dict[int, int] = Counter(
            u.verdict.year for u in evaluation.units if u.verdict.year != year
        )
        this_round = [u for u in evaluation.units if u.verdict.year == year]
        rule_sets = {u.verdict.rule_set for u in this_round}
        instruments = {u.verdict.instrument for u in this_round}
        annex = build_annex(
            ((u.province, u.verdict) for u in this_round), names=names, provinces=provinces
        )
    else:
        rounds = collected.other_rounds(year)
        rule_sets, instruments = collected.rule_sets(year)
        annex = collected.annex(year, names=names, provinces=provinces)
    return Report(
        year=year,
        generated=generated or date.today(),
        title=title,
        sections=tuple(sections),
        indicators=tuple(targets.check(o) for o in observations),
        errors=evaluation.errors,
        notices=evaluation.notices,
        rule_sets=tuple(sorted(rule_sets)),
        other_rounds=FrozenMap(dict(sorted(rounds.items()))),
        input_labels=FrozenMap({name: inp.label for name, inp in inputs.items()}),
        top=top,
        instruments=tuple(sorted(instruments)),
        annex=annex,
        letterhead=letterhead or Letterhead(),
        previous=previous,
    )
