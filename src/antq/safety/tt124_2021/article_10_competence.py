"""Thông tư 124/2021/TT-BCA, Điều 10 (with Điều 9 khoản 1): who recognises which unit.

Điều 10 names the People's Committee that recognises each kind of unit and Điều 9 the
person who signs (its Chairman, or the Minister). From 01/07/2025 the district level is
gone: the commune row is a value the user supplies (who recognises a commune, ward or
special zone now is not confirmed), and the other rows are the 2021 text, marked PARTIAL
because Thông tư 48/2025/TT-BCA is not fully known. The rows are dated data, in
``data/competence.toml`` beside this module.

>>> from datetime import date
>>> from antq.core.unit_kinds import UnitKind
>>> recognising_authority(UnitKind.COMMUNE, date(2025, 6, 30)).body
<Authority.DISTRICT_PEOPLES_COMMITTEE: 'district_peoples_committee'>
>>> recognising_authority(UnitKind.COMMUNE, date(2025, 7, 1)).known
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import attrs

from antq.core.criterion import Parameter
from antq.core.reasons import Param, Reason
from antq.core.unit_kinds import UnitKind
from antq.entities.admin_units import TWO_TIER_REFORM_DATE
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.law.tables import Node, load
from antq.safety.tt124_2021.article_9_procedure import (
    ORGANISATIONS,
    PUBLIC_MODULE,
    ManagingLevel,
    _check_day,
    _check_range,
    c124,
)
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "COMMUNE_AUTHORITY_AFTER_REFORM",
    "COMPETENCE",
    "Authority",
    "Competence",
    "RecognisingAuthority",
    "recognising_authority",
]


class Authority(CodedEnum):
    """Who recognises: a body (Điều 10 names the People's Committee) or the person who
    signs (Điều 9 names its Chairman, or the Minister)."""

    __module__ = PUBLIC_MODULE

    COMMUNE_CHAIRMAN = (
        "commune_chairman",
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "Chairman of the commune People's Committee",
    )
    COMMUNE_PEOPLES_COMMITTEE = (
        "commune_peoples_committee",
        "Ủy ban nhân dân cấp xã",
        "commune People's Committee",
    )
    DISTRICT_CHAIRMAN = (
        "district_chairman",
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        "Chairman of the district People's Committee",
    )
    DISTRICT_PEOPLES_COMMITTEE = (
        "district_peoples_committee",
        "Ủy ban nhân dân cấp huyện",
        "district People's Committee",
    )
    PROVINCIAL_CHAIRMAN = (
        "provincial_chairman",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "Chairman of the provincial People's Committee",
    )
    PROVINCIAL_PEOPLES_COMMITTEE = (
        "provincial_peoples_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "provincial People's Committee",
    )
    MINISTER_OF_PUBLIC_SECURITY = (
        "minister_of_public_security",
        "Bộ trưởng Bộ Công an",
        "Minister of Public Security",
    )
    MINISTRY_OF_PUBLIC_SECURITY = (
        "ministry_of_public_security",
        "Bộ Công an",
        "Ministry of Public Security",
    )

    @property
    def body(self) -> Authority:
        """The body: the People's Committee of a Chairman, the Ministry of the Minister."""
        return _BODY_OF.get(self, self)

    @property
    def is_signer(self) -> bool:
        """Whether this is a person who signs (a Chairman or the Minister), not a body."""
        return self in _BODY_OF

    @property
    def legacy(self) -> bool:
        """Whether it existed only up to 30/06/2025 (the district level)."""
        return self.body is Authority.DISTRICT_PEOPLES_COMMITTEE


_BODY_OF = {
    Authority.COMMUNE_CHAIRMAN: Authority.COMMUNE_PEOPLES_COMMITTEE,
    Authority.DISTRICT_CHAIRMAN: Authority.DISTRICT_PEOPLES_COMMITTEE,
    Authority.PROVINCIAL_CHAIRMAN: Authority.PROVINCIAL_PEOPLES_COMMITTEE,
    Authority.MINISTER_OF_PUBLIC_SECURITY: Authority.MINISTRY_OF_PUBLIC_SECURITY,
}


#: Who recognises a commune, ward or special zone from 01/07/2025. Not confirmed
#: (safe-standard.md §4, §8 item 1: probably the provincial level), so antq has no
#: value: the user supplies one, and until then the answer is unknown.
COMMUNE_AUTHORITY_AFTER_REFORM: Parameter[Authority] = Parameter(
    name="commune_authority_after_reform",
    label=Msg("who recognises a commune, ward or special zone from 01/07/2025"),
    default=None,
    confirmation=Confirmation.UNCONFIRMED,
    choices=tuple(a for a in Authority if not a.legacy),
    citation=c124(10, 2),
)


@attrs.frozen(kw_only=True)
class Competence:
    """One row of the dated competence table.

    ``body`` is the body Điều 10 names and ``signer`` the person Điều 9 names
    (None where the text names none). A row whose ``parameter`` is set has no
    body in antq: the user supplies it.
    """

    kinds: frozenset[UnitKind]
    level: ManagingLevel | None
    body: Authority | None
    signer: Authority | None
    citations: tuple[Citation, ...]
    valid_from: date | None
    valid_to: date | None
    confirmation: Confirmation = Confirmation.CONFIRMED
    parameter: Parameter[Authority] | None = None
    note: Label | None = None

    def __attrs_post_init__(self) -> None:
        _check_range(self.valid_from, self.valid_to, "competence row")
        if (self.body is None) == (self.parameter is None):
            raise DefinitionError("a competence row needs a body or a user-supplied parameter")
        if self.body is not None and self.body.is_signer:
            raise DefinitionError(f"{self.body.code} is a signer, not a body")
        if self.signer is not None and not self.signer.is_signer:
            raise DefinitionError(f"{self.signer.code} is a body, not a signer")

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    def applies(self, kind: UnitKind, level: ManagingLevel | None, on: date) -> bool:
        return kind in self.kinds and self.level is level and self.in_force(on)


_COMPETENCE_KEYS = (
    "kinds",
    "level",
    "body",
    "signer",
    "citations",
    "valid_from",
    "valid_to",
    "confirmation",
    "parameter",
    "note",
)
#: The values a competence row may leave to the user, by the name the data file gives.
_PARAMETERS: Mapping[str, Parameter[Authority]] = {
    COMMUNE_AUTHORITY_AFTER_REFORM.name: COMMUNE_AUTHORITY_AFTER_REFORM
}


def _parameter(node: Node) -> Parameter[Authority]:
    name = node.text()
    if name not in _PARAMETERS:
        raise node.fail(Msg("unknown parameter; known: {known}"), known=", ".join(_PARAMETERS))
    return _PARAMETERS[name]


def _competence(row: Node) -> Competence:
    row.keys(_COMPETENCE_KEYS)
    with row.building():
        return Competence(
            kinds=row["kinds"].codes(UnitKind),
            level=row.optional("level", lambda node: node.code(ManagingLevel)),
            body=row.optional("body", lambda node: node.code(Authority)),
            signer=row.optional("signer", lambda node: node.code(Authority)),
            citations=tuple(node.citation() for node in row["citations"].items()),
            valid_from=row.optional("valid_from", Node.day),
            valid_to=row.optional("valid_to", Node.day),
            confirmation=row["confirmation"].confirmation(),
            parameter=row.optional("parameter", _parameter),
            note=row.optional("note", Node.label),
        )


#: Who recognises which unit, by date (TT 124 Điều 9 khoản 1, Điều 10), from
#: ``data/competence.toml`` beside this module. Before 01/07/2025 the 2021 text;
#: from then the district level is gone, the commune row is a user-supplied
#: parameter, and the other rows are the 2021 text, marked PARTIAL because
#: Circular 48/2025 is not fully known.
COMPETENCE: tuple[Competence, ...] = tuple(
    _competence(row)
    for row in load("antq.safety.tt124_2021", "data/competence.toml")["rows"].items()
)


@attrs.frozen(kw_only=True)
class RecognisingAuthority:
    """Who recognises a unit of ``kind`` on ``on``, and how sure antq is.

    ``body`` is None when antq cannot say: the answer is not confirmed and was
    not supplied, it depends on the level that manages the unit (then
    ``candidates`` lists the possible bodies), or the date is before
    Circular 124/2021. ``supplied`` is True when the body is the user's value.
    """

    kind: UnitKind
    on: date
    managed_by: ManagingLevel | None
    body: Authority | None
    signer: Authority | None
    citations: tuple[Citation, ...]
    confirmation: Confirmation
    reason: Reason
    candidates: tuple[Authority, ...] = ()
    supplied: bool = False
    note: Label | None = None

    @property
    def known(self) -> bool:
        """Whether antq (or the user) names a body."""
        return self.body is not None

    def explain(self, lang: Lang = "vi") -> str:
        parts = [self.reason.render(lang)]
        if self.citations:
            parts.append("; ".join(c.render(lang) for c in self.citations))
        parts.append(self.confirmation.label(lang))
        if self.note is not None:
            parts.append(self.note.render(lang))
        return " · ".join(parts)


def _signer_label(signer: Authority | None) -> Param:
    return signer if signer is not None else Msg("not named in the text")


def recognising_authority(
    kind: UnitKind,
    on: date,
    *,
    managed_by: ManagingLevel | None = None,
    commune_authority_after_reform: Authority | None = None,
    competence: Iterable[Competence] | None = None,
) -> RecognisingAuthority:
    """Who recognises a unit of ``kind`` on the date ``on``.

    For an agency, enterprise or institution the answer depends on
    ``managed_by``, the level that manages it or to which its recognition was
    delegated; without it the result lists the candidates. From 01/07/2025 who
    recognises a commune is not confirmed: ``commune_authority_after_reform``
    supplies it (a body, or a Chairman who signs for it), and the answer then
    stays marked UNCONFIRMED. Without it the body is None and the reason says
    why. The value is not used for other kinds or earlier dates.
    ``competence`` replaces the table (default: :data:`COMPETENCE`).
    """
    if not isinstance(kind, UnitKind):
        raise InputError("kind", kind, Msg("expected a UnitKind"))
    _check_day(on, "on")
    if managed_by is not None and not isinstance(managed_by, ManagingLevel):
        raise InputError("managed_by", managed_by, Msg("expected a ManagingLevel"))
    supplied = commune_authority_after_reform
    if supplied is not None:
        if not isinstance(supplied, Authority):
            raise InputError(
                "commune_authority_after_reform", supplied, Msg("expected an Authority")
            )
        if supplied.legacy:
            raise InputError(
                "commune_authority_after_reform",
                supplied.code,
                Msg("the district level ended on 30/06/2025"),
            )
    if kind in ORGANISATIONS:
        if managed_by is ManagingLevel.DISTRICT and on >= TWO_TIER_REFORM_DATE:
            raise InputError(
                "managed_by", managed_by.code, Msg("the district level ended on 30/06/2025")
            )
    elif managed_by is not None:
        raise InputError(
            "managed_by",
            managed_by.code,
            Msg("only agencies, enterprises and institutions have one"),
        )
    table = COMPETENCE if competence is None else tuple(competence)

    def answer(
        reason: Reason,
        confirmation: Confirmation,
        citations: tuple[Citation, ...] = (),
        body: Authority | None = None,
        signer: Authority | None = None,
        **extra: Any,
    ) -> RecognisingAuthority:
        return RecognisingAuthority(
            kind=kind,
            on=on,
            managed_by=managed_by,
            body=body,
            signer=signer,
            citations=citations,
            confirmation=confirmation,
            reason=reason,
            **extra,
        )

    if kind in ORGANISATIONS and managed_by is None:
        options = [r for r in table if kind in r.kinds and r.level is not None and r.in_force(on)]
        if options:
            candidates = tuple(dict.fromkeys(r.body for r in options if r.body is not None))
            template = Msg(
                "depends on the level that manages the unit or to which its recognition was delegated: one of {candidates}"
            )
            return answer(
                Reason(template=template, params={"candidates": _join(candidates)}),
                _weakest(r.confirmation for r in options),
                tuple(dict.fromkeys(c for r in options for c in r.citations)),
                candidates=candidates,
            )
    rows = [row for row in table if row.applies(kind, managed_by, on)]
    if len(rows) > 1:
        raise DefinitionError(f"several competence rows apply to {kind.code} on {on.isoformat()}")
    if not rows:
        template = Msg(
            "not known to antq for {kind} on {on}: Circular 124/2021 applies from 10/02/2022, and competence under Circular 23/2012 is not confirmed"
        )
        return answer(
            Reason(template=template, params={"kind": kind, "on": on}), Confirmation.UNCONFIRMED
        )
    row = rows[0]
    if row.parameter is None:
        template = Msg("{body}; the decision is signed by: {signer}")
        params: dict[str, Param] = {"signer": _signer_label(row.signer)}
        if row.body is not None:
            params["body"] = row.body
        return answer(
            Reason(template=template, params=params),
            row.confirmation,
            row.citations,
            row.body,
            row.signer,
            note=row.note,
        )
    if supplied is None:
        template = Msg(
            "unknown: the law as known to antq does not say who recognises it on {on}; supply {parameter}"
        )
        params = {"on": on, "parameter": row.parameter.name}
        return answer(
            Reason(template=template, params=params),
            row.confirmation,
            row.citations,
            note=row.note,
        )
    signer = supplied if supplied.is_signer else None
    template = Msg(
        "{body}, as supplied by the user ({parameter}); the decision is signed by: {signer}"
    )
    params = {
        "body": supplied.body,
        "parameter": row.parameter.name,
        "signer": _signer_label(signer),
    }
    # A user's stand-in for an unconfirmed rule stays unconfirmed.
    return answer(
        Reason(template=template, params=params),
        Confirmation.UNCONFIRMED,
        row.citations,
        supplied.body,
        signer,
        supplied=True,
        note=row.note,
    )


_RANK = {Confirmation.CONFIRMED: 0, Confirmation.PARTIAL: 1, Confirmation.UNCONFIRMED: 2}


def _weakest(values: Iterable[Confirmation]) -> Confirmation:
    """The weakest confirmation among ``values`` (CONFIRMED when there are none)."""
    return max(values, key=_RANK.__getitem__, default=Confirmation.CONFIRMED)


def _join(authorities: Iterable[Authority]) -> Text:
    chosen = list(authorities)
    return Text(vi=", ".join(a.label_vi for a in chosen), en=", ".join(a.label_en for a in chosen))
