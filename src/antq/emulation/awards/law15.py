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

import tomllib
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs

from antq.confirmation import Confirmation
from antq.core.criterion import CriterionKind, Finding
from antq.core.outcome import Outcome
from antq.core.reasons import Param, Reason
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    Condition,
    DateRole,
    Eligibility,
    RouteDefinition,
    Subject,
)
from antq.emulation.awards.law06.article_80 import AwardingAuthority, AwardingPower
from antq.errors import DataFileError, InputError, RuleSetNotFound
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
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


def _fail(
    path: str,
    value: object,
    message: str | Msg,
    *,
    params: Mapping[str, str | int] | None = None,
) -> DataFileError:
    return DataFileError(_DATA, path, value, message, params=params)


def _day(raw: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> date | None:
    value = raw.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, date):
        raise _fail(f"{path}.{key}", value, Msg("expected a date"))
    return value


def _text(raw: object, path: str) -> Text:
    if not isinstance(raw, dict) or set(raw) != {"vi", "en"}:
        raise _fail(path, raw, Msg("expected {vi, en}"))
    return Text(vi=str(raw["vi"]), en=str(raw["en"]))


def _citation(raw: object, path: str) -> Citation:
    if not isinstance(raw, dict):
        raise _fail(path, raw, Msg("expected a citation table"))
    return cite(raw["instrument"], raw.get("article"), raw.get("clause"), raw.get("point"))


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


def _rows(data: Mapping[str, Any], sets: Mapping[str, _RuleSetSpec]) -> tuple[_Row, ...]:
    rows = []
    for index, raw in enumerate(data.get("powers", [])):
        path = f"powers[{index}]"
        unknown = set(raw) - _POWER_KEYS
        if unknown:
            raise _fail(path, sorted(unknown), Msg("unknown keys"))
        owner = raw.get("rule_set")
        if owner not in sets:
            raise _fail(f"{path}.rule_set", owner, Msg("no such rule set"))
        try:
            forms = frozenset(
                AwardForm.from_code(f, path=f"{path}.forms") for f in raw.get("forms", [])
            )
            power = AwardingPower(
                id=raw["id"],
                authority=AwardingAuthority.from_code(raw["authority"], path=f"{path}.authority"),
                forms=forms,
                citation=_citation(raw.get("citation"), f"{path}.citation"),
                confirmation=Confirmation.from_code(
                    raw["confirmation"], path=f"{path}.confirmation"
                ),
                valid_from=_day(raw, "valid_from", path),
                valid_to=_day(raw, "valid_to", path),
                unsettled=raw["support"] == Support.UNSUPPORTED.code,
                note=None if raw.get("note") is None else _text(raw["note"], f"{path}.note"),
            )
            support = Support.from_code(raw["support"], path=f"{path}.support")
        except (KeyError, InputError) as error:
            raise _fail(path, raw, Msg("bad row: {error}"), params={"error": str(error)}) from None
        if not forms:
            raise _fail(f"{path}.forms", raw.get("forms"), Msg("a power names at least one form"))
        if support is Support.SUPPORTED and power.confirmation is Confirmation.UNCONFIRMED:
            raise _fail(path, power.id, Msg("an UNCONFIRMED row cannot be supported"))
        rows.append(_Row(rule_set=owner, power=power, support=support))
    return tuple(rows)


@cache
def _table() -> tuple[tuple[_RuleSetSpec, ...], tuple[_Row, ...]]:
    text = resources.files("antq.emulation.awards").joinpath(_DATA).read_text(encoding="utf-8")
    return _parse(tomllib.loads(text))


def _parse(data: Mapping[str, Any]) -> tuple[tuple[_RuleSetSpec, ...], tuple[_Row, ...]]:
    """The rule sets and rows of the table; a malformed table is a definition error."""
    if data.get("antq_authority") != 1:
        raise _fail("antq_authority", data.get("antq_authority"), Msg("expected 1"))
    specs = []
    for index, raw in enumerate(data.get("rule_sets", [])):
        path = f"rule_sets[{index}]"
        start = _day(raw, "valid_from", path, required=True)
        end = _day(raw, "valid_to", path, required=True)
        assert start is not None and end is not None
        specs.append(
            _RuleSetSpec(
                id=raw["id"],
                title=_text(raw.get("title"), f"{path}.title"),
                instrument=raw["instrument"],
                valid_from=start,
                valid_to=end,
            )
        )
    by_id = {s.id: s for s in specs}
    return tuple(specs), _rows(data, by_id)


def _found(outcome: Outcome, template: Label, **params: Param) -> Finding:
    return Finding(outcome=outcome, reason=Reason(template=template, params=params))


def _labels(forms: frozenset[AwardForm]) -> Text:
    ordered = sorted(forms, key=lambda f: f.code)
    return Text(
        vi="; ".join(f.label_vi for f in ordered), en="; ".join(f.label_en for f in ordered)
    )


@attrs.frozen(kw_only=True)
class AuthorityQuestion:
    """What the checks see: the form and the decision date."""

    award: AwardForm
    on: date


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
            return _found(
                Outcome.NOT_APPLICABLE if unsupported else Outcome.NOT_MET,
                Msg("this row covers decisions from {start} to {end} only"),
                start=start,
                end=end,
            )
        if ctx.award not in power.forms:
            if unsupported:
                return _found(
                    Outcome.NOT_APPLICABLE,
                    Msg("this row concerns only: {forms}"),
                    forms=_labels(power.forms),
                )
            return _found(
                Outcome.NOT_MET,
                Msg("{authority} could award only: {forms}"),
                authority=power.authority,
                forms=_labels(power.forms),
            )
        if unsupported:
            return _found(
                Outcome.UNKNOWN,
                Msg(
                    "that {authority} could award {award} on this date is not supported by any"
                    " available source; antq does not call the award invalid"
                ),
                authority=power.authority,
                award=ctx.award,
            )
        return _found(
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
                return _found(Outcome.NOT_APPLICABLE, Msg("a row of the table names this form"))
        return _found(
            Outcome.UNKNOWN,
            Msg(
                "no available source says who could award {award} on this date; antq does not"
                " call the award invalid"
            ),
            award=ctx.award,
        )

    return check


def _row_title(power: AwardingPower) -> Text:
    forms = _labels(power.forms)
    return Text(
        vi=f"{power.authority.label_vi} có thẩm quyền tặng: {forms.vi}",
        en=f"{power.authority.label_en} may award: {forms.en}",
    )


def _route(row: _Row) -> RouteDefinition[AuthorityQuestion]:
    power = row.power
    return RouteDefinition(
        id=power.id,
        title=power.title,
        conditions=(
            Condition(
                id=f"award-power.{power.id}",
                title=_row_title(power),
                citation=power.citation,
                kind=_B,
                check=_row_check(row),
                confirmation=power.confirmation,
                note=power.note,
            ),
        ),
    )


def _rules(spec: _RuleSetSpec, rows: tuple[_Row, ...]) -> AwardRules[AuthorityQuestion]:
    own = tuple(r for r in rows if r.rule_set == spec.id)
    return AwardRules(
        id=spec.id,
        award=AwardForm.GIAY_KHEN,
        subject=Subject.AWARD,
        title=spec.title,
        instrument=spec.instrument,
        citation=cite(spec.instrument),
        date_role=DateRole.DECISION,
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
        routes=(
            *(_route(r) for r in own),
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
            answer = rules.answer(
                AuthorityQuestion(award=award, on=decided_on),
                subject_id=award.code,
                on=decided_on,
                notes=notes,
            )
            found: Eligibility = attrs.evolve(answer, award=award)
            return found
    raise RuleSetNotFound(
        f"on: no table of who may award what for a decision of {decided_on.isoformat()}; antq"
        f" covers decisions from {LAW15_RULES[0].valid_from} to"
        f" {LAW15_RULES[-1].valid_to} (Law 15/2003 and its 2013 amendment) and"
        " from 2024-01-01 with no end date (Law 06/2022)"
    )
