"""Pieces shared by the Thông tư 124/2021/TT-BCA rule sets."""

from __future__ import annotations

from datetime import date
from typing import Any

from antq.confirmation import Confirmation
from antq.core.criterion import Check, Criterion, CriterionKind, Parameter
from antq.core.inputs import Input
from antq.core.ruleset import RoundNotice
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
from antq.law.tables import Node, load
from antq.periods import ASSESSMENT_WINDOWS, AnnualWindow
from antq.safety import inputs as i
from antq.safety.checks import (
    OFFENCE_COMPARISON,
    OFFENCE_SCOPE,
    PREV_YEAR_BOTH_ZERO,
    ExcusedOnlyByForceMajeure,
    IsTrue,
    NoIncidents,
    OffencesReduced,
    SeriousCrimesExcused,
)
from antq.unit_kinds import UnitKind

INSTRUMENT = "124/2021/TT-BCA"
#: Điều 11: in force from 10/02/2022. Rounds whose period ends on or after this date use it.
VALID_FROM = date(2022, 2, 10)
#: Signed on 28/12/2021 (CONFIRMED): even pinned, TT 124 never governs a round that
#: ended earlier, such as the 2021 round (rule R1, addendum-2026-12.md §2.2).
SIGNED = date(2021, 12, 28)

#: Thông tư 48/2025/TT-BCA amended TT 124 in 2025 (date unknown); only its change of
#: Điều 9 k1 a is known. For rounds ending from 2025 on, the 2021 criteria are applied
#: as "unchanged", which is UNCONFIRMED (addendum-2026-12.md §3.5, a DECISION).
AMENDED_2025 = RoundNotice(
    id="tt124.tt48-2025",
    text=Msg(
        "Circular 48/2025 amended Circular 124/2021 in 2025; antq applies the 2021 criteria"
        " as unchanged, which is not confirmed (the amending text is not available)"
    ),
    confirmation=Confirmation.UNCONFIRMED,
    applies_from=date(2025, 1, 1),
)
#: From 01/07/2025 the commune level is xã, phường and đặc khu; whether Điều 5 covers a
#: đặc khu is UNCONFIRMED (addendum-2026-12.md §3.5).
SPECIAL_ZONES = RoundNotice(
    id="tt124.dac-khu",
    text=Msg(
        "From 01/07/2025 the commune level includes special zones (đặc khu); whether"
        " Article 5 covers a special zone is not confirmed"
    ),
    confirmation=Confirmation.UNCONFIRMED,
    applies_from=date(2025, 7, 1),
)
NOTICES: tuple[RoundNotice, ...] = (AMENDED_2025,)


def c124(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return cite(INSTRUMENT, article, clause, point)


def window(kind: UnitKind) -> AnnualWindow:
    """Điều 8 khoản 2: the assessment window of ``kind``."""
    return ASSESSMENT_WINDOWS[INSTRUMENT][kind]


def applies(article_citation: Citation) -> Text:
    """A note saying which provision a cross-referencing criterion applies."""
    return Text(
        vi=f"áp dụng {article_citation.render('vi')}",
        en=f"applies {article_citation.render('en')}",
    )


EMPTY_SUBUNITS: Parameter[str] = Parameter(
    name="empty_subunits",
    label=Msg("how a unit with no sub-units eligible for rating is treated"),
    default=None,
    choices=("not_applicable", "not_met"),
    confirmation=Confirmation.UNCONFIRMED,
    required=False,
)


def _event(row: Node) -> tuple[str, str, Cat, Msg]:
    row.keys(("point", "id", "category", "title", "citation", "confirmation"))
    point = row["point"].text()
    citation = row["citation"].citation()
    if citation != c124(4, 3, point):
        raise row["citation"].fail(Msg("expected Article 4(3)({point})"), point=point)
    row["confirmation"].confirmation()
    return point, row["id"].text(), row["category"].code(Cat), row["title"].message()


#: Điều 4 khoản 3: the security events, one point each (point, id, category, title), from
#: ``data/security_events.toml``.
SECURITY_EVENTS: tuple[tuple[str, str, Cat, Msg], ...] = tuple(
    _event(row)
    for row in load("antq.safety.tt124_2021", "data/security_events.toml")["events"].items()
)


class CiteFor:
    """Citation policy for cross-referenced criteria (see :func:`territory_criteria`)."""

    def __init__(self, *, article: int, clause: int | None = None) -> None:
        self.article, self.clause = article, clause

    def __call__(self, clause: int, point: str | None) -> tuple[Citation, Label | None]:
        own = c124(4, clause, point)
        if self.article == 4:
            return own, None
        return c124(self.article, self.clause), applies(own)


def territory_criteria(prefix: str, cited: CiteFor) -> list[Criterion]:
    """The Điều 4 khoản 2-4 criteria; a commune applies them to its own territory.

    ``cited(clause, point)`` gives the citation to print: Điều 4 itself for a
    residential area, Điều 5 khoản 2 (with a note naming the Điều 4 point) for
    a commune.
    """
    out = [
        _crit(
            cited,
            2,
            None,
            f"{prefix}.policy",
            Msg(
                "Party guidelines, State policy and law and local rules on security and order are fully carried out"
            ),
            CriterionKind.JUDGEMENT,
            (i.POLICY_IMPLEMENTED,),
            IsTrue(i.POLICY_IMPLEMENTED),
        ),
    ]
    for point, slug, category, title in SECURITY_EVENTS:
        out.append(
            _crit(
                cited,
                3,
                point,
                f"{prefix}.{slug}",
                title,
                CriterionKind.BOOLEAN,
                (i.INCIDENTS,),
                NoIncidents(frozenset({category})),
            )
        )
    out += [
        _crit(
            cited,
            4,
            "a",
            f"{prefix}.offences-reduced",
            Msg(
                "Crime, social evils and other violations are contained and reduced compared with the previous year"
            ),
            CriterionKind.THRESHOLD,
            (i.OFFENCES_CURRENT, i.OFFENCES_PREVIOUS),
            OffencesReduced(),
            parameters=(OFFENCE_COMPARISON, OFFENCE_SCOPE, PREV_YEAR_BOTH_ZERO),
        ),
        _crit(
            cited,
            4,
            "b",
            f"{prefix}.no-serious-crime",
            Msg(
                "No crime of serious gravity or above, unless force majeure or detected in time, mitigated and reported at once"
            ),
            CriterionKind.BOOLEAN,
            (i.INCIDENTS,),
            SeriousCrimesExcused(),
        ),
        _crit(
            cited,
            4,
            "c",
            f"{prefix}.no-new-hotspot",
            Msg("No new complex social-order hotspot"),
            CriterionKind.BOOLEAN,
            (i.INCIDENTS,),
            NoIncidents(frozenset({Cat.NEW_ORDER_HOTSPOT})),
        ),
        _crit(
            cited,
            4,
            "c",
            f"{prefix}.no-new-social-evil",
            Msg("No new person with a social evil"),
            CriterionKind.BOOLEAN,
            (i.INCIDENTS,),
            NoIncidents(frozenset({Cat.NEW_SOCIAL_EVIL_CASE})),
        ),
        _crit(
            cited,
            4,
            "c",
            f"{prefix}.supervised-persons",
            Msg(
                "People under supervision who live in the area are managed, educated and helped effectively"
            ),
            CriterionKind.JUDGEMENT,
            (i.SUPERVISED_PERSONS_MANAGED,),
            IsTrue(i.SUPERVISED_PERSONS_MANAGED),
        ),
        _crit(
            cited,
            4,
            "d",
            f"{prefix}.no-serious-accident",
            Msg(
                "No serious fire or explosion, fatal labour accident or serious incident, except by force majeure"
            ),
            CriterionKind.BOOLEAN,
            (i.INCIDENTS,),
            ExcusedOnlyByForceMajeure(
                frozenset(
                    {Cat.SERIOUS_FIRE_EXPLOSION, Cat.FATAL_LABOUR_ACCIDENT, Cat.SERIOUS_INCIDENT}
                )
            ),
        ),
    ]
    return out


def _crit(
    cited: CiteFor,
    clause: int,
    point: str | None,
    id: str,
    title: Msg,
    kind: CriterionKind,
    inputs: tuple[Input[Any], ...],
    check: Check,
    *,
    parameters: tuple[Parameter[Any], ...] = (),
) -> Criterion:
    citation, note = cited(clause, point)
    return Criterion(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        inputs=inputs,
        check=check,
        parameters=parameters,
        note=note,
    )
