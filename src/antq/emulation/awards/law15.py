"""Who could award what before Law 06/2022: the dated table of addendum-2026-12.md §8.

Luật Thi đua, khen thưởng 15/2003/QH11 applied from 01/07/2004 (amended by
47/2005/QH11 from 27/06/2005 and by 32/2009/QH12), and as amended by
39/2013/QH13 from 01/06/2014 (Nghị định 65/2014/NĐ-CP from 20/08/2014). The table
lives in ``authority_2004_2014.toml`` beside this module: one rule set per period,
one row per power, each with its citation, confirmation status and whether any
available source supports it.

* a **supported** row is MET for its forms on its dates (its confirmation, say
  PARTIAL for a provincial police director's Giấy khen, goes with the answer),
  NOT_MET for other forms, and NOT_MET outside its dates;
* an **unsupported** row (the addendum leaves it UNCONFIRMED: a commune chairman's
  Giấy khen before 2014, a district police chief's) is UNKNOWN for its forms,
  "not supported by any available source", never NOT_MET;
* a last route, ``no-source``, is UNKNOWN when no supported row of the period
  names the form on that date: antq never calls such an award invalid.

Decisions from 10/11/2014 to 31/12/2023 (Thông tư 40/2014, then 12/2019, under
the amended Law) are not encoded; a date there, or before 01/07/2004, is an
error naming the dates antq covers.

>>> from datetime import date
>>> answer = authority_before_2024(AwardForm.GIAY_KHEN, date(2010, 8, 19))
>>> answer.outcome.code, answer.route("provincial-police-director").outcome.code
('met', 'met')
>>> answer.route("district-police-chief").outcome.code
'unknown'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, Final

import attrs

from antq.core.criterion import CriterionKind, Finding
from antq.core.outcome import Outcome
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    Condition,
    Eligibility,
    RouteDefinition,
)
from antq.emulation.awards.findings import found, labels
from antq.emulation.awards.instruments import LAW06, LAW06_FROM
from antq.emulation.awards.law06.article_80 import (
    AuthorityContext,
    AwardingAuthority,
    AwardingPower,
    authority_rules,
)
from antq.errors import DataFileError, InputError, RuleSetNotFound
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import cite
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.vocabulary import CodedEnum

__all__ = [
    "LAW15_RULES",
    "PRE_2014_POWERS",
    "Support",
    "authority_before_2024",
]

_DATA: Final = "authority_2004_2014.toml"
_B = CriterionKind.BOOLEAN
_TITLE = Msg("Power to award this form on the decision date")
#: From this day Law 47/2005/QH11 applies; whether it changed the ladder is not confirmed.
AMENDED_2005: Final = date(2005, 6, 27)
_NOTE_2005 = Msg(
    "Law 47/2005/QH11 amended the Law from 27/06/2005; whether it changed who could award"
    " what is not confirmed, and the Ministry of Public Security's own rules of the time were"
    " not found"
)


class Support(CodedEnum):
    """Whether an available source supports a row of the table."""

    SUPPORTED = ("supported", "có nguồn xác nhận", "supported by a source")
    UNSUPPORTED = (
        "unsupported",
        "không có nguồn nào xác nhận",
        "not supported by any available source",
    )


@attrs.frozen(kw_only=True)
class _RuleSetSpec:
    id: str
    title: Text
    instrument: str
    valid_from: date
    valid_to: date


_POWER_KEYS: Final = frozenset(
    {
        "rule_set",
        "id",
        "authority",
        "forms",
        "citation",
        "confirmation",
        "support",
        "valid_from",
        "valid_to",
        "note",
    }
)


@attrs.frozen(kw_only=True)
class _Row:
    rule_set: str
    power: AwardingPower
    support: Support


def _row(row: Node, sets: Mapping[str, _RuleSetSpec]) -> _Row:
    unknown = sorted(set(row.mapping()) - _POWER_KEYS)
    if unknown:
        raise Node(row.source, row.path, unknown).fail(Msg("unknown keys"))
    owner = row["rule_set"]
    if owner.value not in sets:
        raise owner.fail(Msg("no such rule set"))
    try:
        support = row["support"].code(Support)
        power = AwardingPower(
            id=row["id"].text(),
            authority=row["authority"].code(AwardingAuthority),
            forms=row.optional("forms", lambda node: node.codes(AwardForm)) or frozenset(),
            citation=row["citation"].citation(),
            confirmation=row["confirmation"].confirmation(),
            valid_from=row.optional("valid_from", Node.day),
            valid_to=row.optional("valid_to", Node.day),
            unsettled=support is Support.UNSUPPORTED,
            note=row.optional("note", _bilingual),
        )
    except DataFileError as error:
        raise row.fail(Msg("bad row: {error}"), error=str(error)) from None
    if not power.forms:
        raise Node(row.source, f"{row.path}.forms", row.mapping().get("forms")).fail(
            Msg("a power names at least one form")
        )
    if support is Support.SUPPORTED and power.confirmation is Confirmation.UNCONFIRMED:
        raise Node(row.source, row.path, power.id).fail(
            Msg("an UNCONFIRMED row cannot be supported")
        )
    return _Row(rule_set=owner.text(), power=power, support=support)


def _bilingual(node: Node) -> Text:
    # Both languages, always: a text missing one is refused as a whole.
    if not isinstance(node.value, dict) or set(node.value) != {"vi", "en"}:
        raise node.fail(Msg("expected {vi, en}"))
    return node.bilingual()


def _spec(row: Node) -> _RuleSetSpec:
    return _RuleSetSpec(
        id=row["id"].text(),
        title=_bilingual(row["title"]),
        instrument=row["instrument"].text(),
        valid_from=row["valid_from"].day(),
        valid_to=row["valid_to"].day(),
    )


@cache
def _table() -> tuple[tuple[_RuleSetSpec, ...], tuple[_Row, ...]]:
    root = load("antq.emulation.awards", _DATA)
    return _parse(root.mapping(), root.source)


def _parse(
    data: Mapping[str, Any], source: str = _DATA
) -> tuple[tuple[_RuleSetSpec, ...], tuple[_Row, ...]]:
    """The rule sets and rows of the table; a malformed table is a definition error."""
    root = Node(source, "", data)
    if data.get("antq_authority") != 1:
        raise root["antq_authority"].fail(Msg("expected 1"))

    def rows(key: str) -> list[Node]:
        node = root.get(key)
        return [] if node is None else node.items()

    specs = tuple(_spec(row) for row in rows("rule_sets"))
    by_id = {s.id: s for s in specs}
    return specs, tuple(_row(row, by_id) for row in rows("powers"))


#: What the checks see: the form and the decision date, as under Điều 80.
AuthorityQuestion = AuthorityContext


def _row_check(row: _Row) -> Any:
    power = row.power
    unsupported = row.support is Support.UNSUPPORTED

    def check(ctx: AuthorityQuestion) -> Finding:
        outside = (power.valid_from is not None and ctx.on < power.valid_from) or (
            power.valid_to is not None and ctx.on > power.valid_to
        )
        if outside:
            start = power.valid_from.isoformat() if power.valid_from else "…"
            end = power.valid_to.isoformat() if power.valid_to else "…"
            return found(
                Outcome.NOT_APPLICABLE if unsupported else Outcome.NOT_MET,
                Msg("this row covers decisions from {start} to {end} only"),
                start=start,
                end=end,
            )
        if ctx.award not in power.forms:
            if unsupported:
                return found(
                    Outcome.NOT_APPLICABLE,
                    Msg("this row concerns only: {forms}"),
                    forms=labels(power.forms),
                )
            return found(
                Outcome.NOT_MET,
                Msg("{authority} could award only: {forms}"),
                authority=power.authority,
                forms=labels(power.forms),
            )
        if unsupported:
            return found(
                Outcome.UNKNOWN,
                Msg(
                    "that {authority} could award {award} on this date is not supported by any"
                    " available source; antq does not call the award invalid"
                ),
                authority=power.authority,
                award=ctx.award,
            )
        return found(
            Outcome.MET,
            Msg("{authority} could award {award}"),
            authority=power.authority,
            award=ctx.award,
        )

    return check


def _no_source_check(rows: tuple[_Row, ...]) -> Any:
    def check(ctx: AuthorityQuestion) -> Finding:
        for row in rows:
            power = row.power
            if (
                row.support is Support.SUPPORTED
                and ctx.award in power.forms
                and (power.valid_from is None or power.valid_from <= ctx.on)
                and (power.valid_to is None or ctx.on <= power.valid_to)
            ):
                return found(Outcome.NOT_APPLICABLE, Msg("a row of the table names this form"))
        return found(
            Outcome.UNKNOWN,
            Msg(
                "no available source says who could award {award} on this date; antq does not"
                " call the award invalid"
            ),
            award=ctx.award,
        )

    return check


def _row_title(power: AwardingPower) -> Text:
    forms = labels(power.forms)
    return Text(
        vi=f"{power.authority.label_vi} có thẩm quyền tặng: {forms.vi}",
        en=f"{power.authority.label_en} may award: {forms.en}",
    )


def _rules(spec: _RuleSetSpec, rows: tuple[_Row, ...]) -> AwardRules[AuthorityQuestion]:
    own = tuple(r for r in rows if r.rule_set == spec.id)
    return authority_rules(
        id=spec.id,
        title=spec.title,
        instrument=spec.instrument,
        citation=cite(spec.instrument),
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
        routes=(
            *(r.power.route(_row_title(r.power), _row_check(r)) for r in own),
            RouteDefinition(
                id="no-source",
                title=Text(vi="Không có nguồn cho hình thức này", en="No source for this form"),
                conditions=(
                    Condition(
                        id=f"award-power.{spec.id}.no-source",
                        title=_TITLE,
                        citation=cite(spec.instrument),
                        kind=_B,
                        check=_no_source_check(own),
                        confirmation=Confirmation.UNCONFIRMED,
                    ),
                ),
            ),
        ),
    )


def _build() -> tuple[tuple[AwardRules[AuthorityQuestion], ...], tuple[AwardingPower, ...]]:
    specs, rows = _table()
    return tuple(_rules(s, rows) for s in specs), tuple(r.power for r in rows)


_BUILT = _build()
#: The rule sets of the table, oldest first: ``law15.authority`` (01/07/2004 -
#: 31/05/2014) and ``law15-2013.authority`` (01/06/2014 - 09/11/2014).
LAW15_RULES: Final[tuple[AwardRules[AuthorityQuestion], ...]] = _BUILT[0]
#: Every row of the table, as :class:`~antq.emulation.awards.AwardingPower`.
PRE_2014_POWERS: Final[tuple[AwardingPower, ...]] = _BUILT[1]


def authority_before_2024(award: AwardForm, decided_on: date) -> Eligibility:
    """Who could award ``award`` on ``decided_on``, from the dated table (one route per row)."""
    if not isinstance(award, AwardForm):
        raise InputError("award", award, Msg("expected an AwardForm"))
    if not isinstance(decided_on, date):
        raise InputError("on", decided_on, Msg("expected a date"))
    for rules in LAW15_RULES:
        if rules.covers(decided_on):
            notes: tuple[Label, ...] = (_NOTE_2005,) if decided_on >= AMENDED_2005 else ()
            return AuthorityQuestion(award=award, on=decided_on).answered_by(rules, notes)
    raise RuleSetNotFound(
        f"on: no table of who may award what for a decision of {decided_on.isoformat()}; antq"
        f" covers decisions from {LAW15_RULES[0].valid_from} to"
        f" {LAW15_RULES[-1].valid_to} (Law 15/2003 and its 2013 amendment) and"
        f" from {LAW06_FROM.isoformat()} with no end date (Law {LAW06})"
    )
