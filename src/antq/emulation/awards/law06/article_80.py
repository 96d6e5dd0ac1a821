"""Luật Thi đua, khen thưởng 06/2022/QH15 Điều 80: who may award what, by the decision date.

The powers are data: ``data/awarding_powers.toml`` beside this module, one row
per power with its citation and confirmation status, read when the module is
imported. The district level ends on 30/06/2025; who took over the district
chairman's powers is not confirmed, so for the forms only he could award the
answer is UNKNOWN from 01/07/2025. A decision before 01/01/2024 is answered from
the dated table of Law 15/2003 (:mod:`antq.emulation.awards.law15`).

>>> from datetime import date
>>> answer = awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, date(2025, 6, 30))
>>> answer.outcome, answer.met_routes()
(<Outcome.MET: 'met'>, ('district-chairman',))
>>> awarding_authorities(AwardForm.THON_TO_DAN_PHO_VAN_HOA, date(2025, 7, 1)).outcome
<Outcome.UNKNOWN: 'unknown'>
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Final, TypeVar

import attrs

from antq.core.criterion import CriterionKind, Finding
from antq.core.outcome import Outcome
from antq.emulation.awards.eligibility import (
    AwardForm,
    AwardRules,
    DateRole,
    Eligibility,
    RouteDefinition,
    Subject,
    condition,
)
from antq.emulation.awards.findings import found, labels
from antq.emulation.awards.instruments import (
    LAST_DISTRICT_DAY,
    LAW06,
    LAW06_FROM,
    ND152_FROM,
    TT11_FROM,
    TT11_TO,
    TT20_FROM,
)
from antq.emulation.awards.law06._in_force import check_covered, notes
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.vocabulary import CodedEnum

__all__ = [
    "AWARDING_POWERS",
    "LAW06_ART80",
    "AuthorityContext",
    "AwardingAuthority",
    "AwardingPower",
    "authority_rules",
    "awarding_authorities",
    "read_powers",
]

_DATA: Final = "data/awarding_powers.toml"


class AwardingAuthority(CodedEnum):
    """Who decides an award."""

    # The name JSON answers give the vocabulary, from before the module was split.
    __module__ = "antq.emulation.awards.law06"

    MINISTRY_UNIT_HEAD = (
        "ministry_unit_head",
        "Thủ trưởng đơn vị có tư cách pháp nhân thuộc bộ; thủ trưởng cơ quan chuyên môn cấp tỉnh",
        "head of a unit with legal personality under a ministry, or of a provincial department",
    )
    DISTRICT_CHAIRMAN = (
        "district_chairman",
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        "chairman of the district People's Committee",
    )
    COMMUNE_CHAIRMAN = (
        "commune_chairman",
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "chairman of the commune People's Committee",
    )
    ENTERPRISE_DIRECTOR = (
        "enterprise_director",
        "Giám đốc doanh nghiệp, hợp tác xã",
        "director of an enterprise or cooperative",
    )
    BOARD_CHAIR = (
        "board_chair",
        "Chủ tịch Hội đồng quản trị, Hội đồng thành viên",
        "chair of a board of directors or members' council",
    )
    POLICE = (
        "police",
        "cấp có thẩm quyền trong Công an nhân dân",
        "the competent level in the People's Public Security",
    )
    MINISTER_OR_PROVINCIAL_CHAIRMAN = (
        "minister_or_provincial_chairman",
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "minister, head of a central body, or provincial chairman",
    )
    MINISTER_OF_PUBLIC_SECURITY = (
        "minister_of_public_security",
        "Bộ trưởng Bộ Công an",
        "Minister of Public Security",
    )
    DISTRICT_SUCCESSOR = (
        "district_successor",
        "cơ quan tiếp nhận thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện",
        "whoever took over the district chairman's powers",
    )
    # The higher tiers and the police heads of the ladder before 2014 (addendum §8.2-8.3).
    PRESIDENT = ("president", "Chủ tịch nước", "President")
    GOVERNMENT = ("government", "Chính phủ", "the Government")
    PRIME_MINISTER = ("prime_minister", "Thủ tướng Chính phủ", "Prime Minister")
    PROVINCIAL_POLICE_DIRECTOR = (
        "provincial_police_director",
        "Giám đốc Công an tỉnh, thành phố trực thuộc Trung ương",
        "director of a provincial or centrally-run city police",
    )
    DISTRICT_POLICE_CHIEF = (
        "district_police_chief",
        "Trưởng Công an quận, huyện",
        "head of a district police",
    )


#: What the check of a power sees (under Điều 80, and in the table before it).
Ctx = TypeVar("Ctx")


@attrs.frozen(kw_only=True)
class AwardingPower:
    """One row of who may award what, with its dates (inclusive) and citation.

    ``unsettled`` marks a power that exists but whose holder is not confirmed:
    its forms get UNKNOWN, never MET.
    """

    id: str
    authority: AwardingAuthority
    forms: frozenset[AwardForm]
    citation: Citation
    confirmation: Confirmation = Confirmation.CONFIRMED
    valid_from: date | None = None
    valid_to: date | None = None
    unsettled: bool = False
    note: Label | None = None
    #: Shown after the authority's name, e.g. the circular of the power.
    qualifier: str | None = None

    @property
    def title(self) -> Text:
        """The authority's name, with the qualifier if any."""
        extra = f" ({self.qualifier})" if self.qualifier else ""
        return Text(vi=self.authority.label_vi + extra, en=self.authority.label_en + extra)

    def route(self, title: Label, check: Callable[[Ctx], Finding]) -> RouteDefinition[Ctx]:
        """The power as a route of its own: one condition, ``award-power.<id>``, with ``title``
        and ``check``."""
        return RouteDefinition(
            id=self.id,
            title=self.title,
            conditions=(
                condition(
                    f"award-power.{self.id}",
                    title,
                    self.citation,
                    CriterionKind.BOOLEAN,
                    check,
                    (),
                    confirmation=self.confirmation,
                    note=self.note,
                ),
            ),
        )


# --- the table ------------------------------------------------------------------------------------

#: The dates a row may name instead of repeating them (each defined once, in instruments.py).
_NAMED_DAYS: Final[Mapping[str, date]] = {
    "tt11_from": TT11_FROM,
    "tt11_to": TT11_TO,
    "tt20_from": TT20_FROM,
    "nd152_from": ND152_FROM,
    "last_district_day": LAST_DISTRICT_DAY,
}
_POWER_KEYS: Final = frozenset(
    {
        "id",
        "authority",
        "forms",
        "forms_of",
        "citation",
        "confirmation",
        "valid_from",
        "valid_to",
        "unsettled",
        "note",
        "qualifier",
    }
)


def _day(node: Node) -> date:
    if isinstance(node.value, str):
        day = _NAMED_DAYS.get(node.value)
        if day is None:
            raise node.fail(
                Msg("unknown date name; allowed: {allowed}"), allowed=", ".join(_NAMED_DAYS)
            )
        return day
    return node.day()


def _power(row: Node, earlier: Mapping[str, AwardingPower]) -> AwardingPower:
    row.keys(_POWER_KEYS)
    power_id = row["id"].text()
    if power_id in earlier:
        raise row["id"].fail(Msg("a power of this id is already listed"))
    if ("forms" in row.mapping()) == ("forms_of" in row.mapping()):
        raise row.fail(Msg("give either forms or forms_of"))
    shared = row.get("forms_of")
    if shared is not None:
        source = earlier.get(shared.text())
        if source is None:
            raise shared.fail(Msg("no earlier power of this id"))
        forms = source.forms
    else:
        forms = row["forms"].codes(AwardForm)
        if not forms:
            raise row["forms"].fail(Msg("a power names at least one form"))
    start = row.optional("valid_from", _day)
    end = row.optional("valid_to", _day)
    if start is not None and end is not None and end < start:
        raise row.fail(Msg("ends before it starts"))
    return AwardingPower(
        id=power_id,
        authority=row["authority"].code(AwardingAuthority),
        forms=forms,
        citation=row["citation"].citation(),
        confirmation=row["confirmation"].confirmation(),
        valid_from=start,
        valid_to=end,
        unsettled=row.optional("unsettled", Node.boolean) or False,
        note=row.optional("note", Node.label),
        qualifier=row.optional("qualifier", Node.text),
    )


def read_powers(root: Node) -> tuple[AwardingPower, ...]:
    """The powers of a table like ``data/awarding_powers.toml``, checked row by row.

    A bad value raises :class:`~antq.errors.DataFileError` naming the file, the
    key path and the value.
    """
    if root.mapping().get("antq_awarding_powers") != 1:
        raise root["antq_awarding_powers"].fail(Msg("expected 1"))
    powers: dict[str, AwardingPower] = {}
    for row in root["powers"].items():
        power = _power(row, powers)
        powers[power.id] = power
    return tuple(powers.values())


#: Who may award what: Luật 06/2022/QH15 Điều 80 (and the circulars for the medal).
AWARDING_POWERS: Final[tuple[AwardingPower, ...]] = read_powers(
    load("antq.emulation.awards.law06", _DATA)
)


# --- the rule set ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AuthorityContext:
    """What the checks of who may award see: the form and the decision date."""

    award: AwardForm
    on: date

    def answered_by(
        self, rules: AwardRules[AuthorityContext], notes: tuple[Label, ...]
    ) -> Eligibility:
        """The answer of ``rules`` on who may award the form on the date: a route per power."""
        answer = rules.answer(self, subject_id=self.award.code, on=self.on, notes=notes)
        return attrs.evolve(answer, award=self.award)


def _power_check(power: AwardingPower) -> Callable[[AuthorityContext], Finding]:
    def check(ctx: AuthorityContext) -> Finding:
        if power.valid_from is not None and ctx.on < power.valid_from:
            if power.unsettled:
                return found(
                    Outcome.NOT_APPLICABLE,
                    Msg("the district level still exists on this date"),
                )
            return found(
                Outcome.NOT_MET, Msg("this power applies only from {date}"), date=power.valid_from
            )
        if power.valid_to is not None and ctx.on > power.valid_to:
            return found(Outcome.NOT_MET, Msg("this power ended on {date}"), date=power.valid_to)
        if ctx.award not in power.forms:
            if power.unsettled:
                return found(
                    Outcome.NOT_APPLICABLE,
                    Msg("the district chairman could not award this form either"),
                )
            return found(
                Outcome.NOT_MET,
                Msg("{authority} may award only: {forms}"),
                authority=power.authority,
                forms=labels(power.forms),
            )
        if power.unsettled:
            return found(
                Outcome.UNKNOWN,
                Msg(
                    "who took over the district chairman's power to award {award} is not confirmed"
                ),
                award=ctx.award,
            )
        return found(
            Outcome.MET,
            Msg("{authority} may award {award}"),
            authority=power.authority,
            award=ctx.award,
        )

    return check


_POWER_TITLE = Msg("Power to award this form on the decision date")


def authority_rules(**own: Any) -> AwardRules[AuthorityContext]:
    """Rules of who may award a form on its decision date, one route per power: the answer
    is about the award (``GIAY_KHEN`` stands for the form asked about); ``own`` are the
    rest of the :class:`AwardRules` (id, title, instrument, citation, dates, routes)."""
    return AwardRules(
        award=AwardForm.GIAY_KHEN, subject=Subject.AWARD, date_role=DateRole.DECISION, **own
    )


LAW06_ART80: Final[AwardRules[AuthorityContext]] = authority_rules(
    id="law06.art80",
    title=Msg("Who may award a form (Law on Emulation and Commendation, Article 80)"),
    instrument=LAW06,
    citation=cite(LAW06, 80),
    valid_from=LAW06_FROM,
    routes=tuple(p.route(_POWER_TITLE, _power_check(p)) for p in AWARDING_POWERS),
)


def awarding_authorities(
    award: AwardForm, decided_on: date, *, rules: AwardRules[AuthorityContext] | None = None
) -> Eligibility:
    """Who may award ``award`` on ``decided_on``: one route per authority, MET where it may.

    :meth:`Eligibility.met_routes` lists the powers that apply; the answer is
    UNKNOWN when only an unconfirmed successor could.
    """
    if not isinstance(award, AwardForm):
        raise InputError("award", award, Msg("expected an AwardForm"))
    if rules is None and isinstance(decided_on, date) and decided_on < LAW06_FROM:
        # Before Law 06/2022: the dated table of the law then in force.
        from antq.emulation.awards.law15 import authority_before_2024

        return authority_before_2024(award, decided_on)
    chosen = rules if rules is not None else LAW06_ART80
    check_covered(decided_on, chosen)
    if not any(award in p.forms for p in AWARDING_POWERS):
        raise InputError(
            "award",
            award.code,
            Msg("Luật 06/2022/QH15 Điều 80, as antq holds it, does not name who awards this form"),
        )
    return AuthorityContext(award=award, on=decided_on).answered_by(chosen, notes(decided_on))
