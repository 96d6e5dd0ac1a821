"""Thông tư 124/2021/TT-BCA, Điều 4 khoản 2-4: the criteria of a territory.

A residential area meets them over its own area (Điều 4); a commune applies the same
points to its whole territory (Điều 5 khoản 2). The security events of Điều 4 khoản 3
are data, ``data/security_events.toml``.
"""

from __future__ import annotations

from typing import Any

from antq.core.criterion import Check, Criterion, CriterionKind, Parameter
from antq.core.inputs import Input
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Label, Msg
from antq.law.citation import Citation
from antq.law.tables import Node, load
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
from antq.safety.tt124_2021._common import applies, c124


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
