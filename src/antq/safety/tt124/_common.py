"""Pieces shared by the Thông tư 124/2021/TT-BCA rule sets."""

from __future__ import annotations

from datetime import date
from typing import Any

from antq.confirmation import Confirmation
from antq.core.criterion import Check, Criterion, CriterionKind, Parameter
from antq.core.inputs import Input
from antq.entities.incidents import IncidentCategory as Cat
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation, cite
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

# Điều 4 khoản 3: the security events, one point each.
SECURITY_EVENTS: tuple[tuple[str, str, Cat, Msg], ...] = (
    (
        "a",
        "no-anti-state-activity",
        Cat.ANTI_STATE_ACTIVITY,
        Msg("No activity against the Party or government, or undermining national unity"),
    ),
    (
        "b",
        "no-sabotage",
        Cat.SABOTAGE_OF_KEY_TARGETS,
        Msg("No sabotage of key economic, cultural, social or security-defence targets"),
    ),
    (
        "c",
        "no-unlawful-religion",
        Cat.UNLAWFUL_RELIGION,
        Msg("No propagation or growth of unlawful beliefs or religions"),
    ),
    (
        "d",
        "no-exploiting-religion",
        Cat.EXPLOITING_RELIGION_ETHNICITY,
        Msg(
            "No exploiting of belief, religion, ethnicity, disputes or complaints to cause complications"
        ),
    ),
    ("đ", "no-separatism", Cat.SEPARATISM, Msg("No separatist or autonomy-demanding activity")),
    (
        "e",
        "no-prolonged-dispute",
        Cat.PROLONGED_DISPUTE,
        Msg("No complex, prolonged conflict or dispute among the people"),
    ),
    (
        "g",
        "no-complaint-incitement",
        Cat.COMPLAINT_INCITEMENT,
        Msg(
            "No inciting of crowds to complain or disturb order, and no use of complaints against the State or the officials handling them"
        ),
    ),
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
