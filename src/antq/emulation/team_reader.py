"""The ``teams`` section of the input document: one rating year's proposals, read and rated.

::

    "teams": {
      "year": 2026,
      "teams": [{"team": "T-01", "commune": "X0001", "proposed": "hoan_thanh_xuat_sac",
                 "active_from": "2024-03-01", "under_complaint": false,
                 "excellent_criteria": {"tasks_assigned": 200, "tasks_done": 191, ...}}],
      "members": [{"person": "P-01", "team": "T-01", "role": "to_truong",
                   "proposed": "hoan_thanh_tot", "active_from": null, "under_complaint": false}],
      "cap": {"percent": 20, "rounding": "floor", "base": "final_good", "at_least_one": false},
      "member_cap": {"percent": 20},
      "member_cap_scope": "per_kind",
      "month_end": "clamp"
    }

Each team and member names the keys of :class:`~antq.emulation.teams.TeamProposal`
and :class:`~antq.emulation.teams.MemberProposal` (``team`` and ``person`` are their
ids, as in the results); ``proposed``, ``active_from`` and ``under_complaint``
must be given, ``null`` when not known (which leaves the team or member
undecided, never rated). ``merit`` is exact: a whole number or a decimal string
such as ``"0.95"`` (floats are refused). The settings after ``members`` are antq's stated
choices where the guidance is silent (see :func:`~antq.emulation.teams.rate_teams`); left
out, they are its defaults, and ``"member_cap": null`` switches the member cap
off.

The cap on "excellent" counts every team of a commune, so a commune with a team
or member that could not be read is not rated at all (it is named in the
errors), and nothing is rated when an entry that could not be read does not say
its commune.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import attrs

from antq._serialise import json_form, structure
from antq.core.periods import MonthEndPolicy
from antq.emulation.sheets import parse_exact
from antq.emulation.team_checklist import ExcellentTeamFacts
from antq.emulation.teams import (
    FIRST_YEAR,
    CapScope,
    CommuneTeamRating,
    MemberProposal,
    TeamCap,
    TeamProposal,
    rate_teams,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io.document import open_document
from antq.io.facts import load_document

__all__ = [
    "LISTS",
    "SETTINGS",
    "TeamsRated",
    "TeamsSection",
    "rate_section",
    "read_teams",
    "read_teams_document",
    "read_teams_file",
]

#: The keys of the section: its settings, then its two lists.
SETTINGS: Final = ("year", "cap", "member_cap", "member_cap_scope", "month_end")
LISTS: Final = ("teams", "members")
_COMMUNE_LOST = Msg("commune {commune} is not rated: one of its teams or members could not be read")
_ALL_LOST = Msg(
    "no commune is rated: an entry that could not be read does not say which commune it is in"
)
_NO_SUCH_TEAM = Msg("no such team among the teams of the document")
_DUPLICATE_TEAM = Msg("a second team with this id")
_DUPLICATE_MEMBER = Msg("a second member with this id")
_TOO_EARLY = Msg(
    "no team-rating rule existed for this rating year: Hướng dẫn 01/HD-BCA-V05 applies"
    " from the {first} rating year"
)


def _optional_merit(value: object) -> Fraction | None:
    return None if value is None else parse_exact(value, "", Msg("merit"))


def _write_merit(value: Fraction | None) -> object:
    if value is None:
        return None
    return value.numerator if value.denominator == 1 else str(value)


_PROPOSAL_CODECS: Mapping[str, Any] = {"merit": (_write_merit, _optional_merit)}
#: The guidance's cap: 20 percent of those rated good, rounded down (for teams and members).
_GUIDANCE_CAP: Final = TeamCap()

json_form(TeamProposal, rename={"team_id": "team"}, codecs=_PROPOSAL_CODECS, strict=True)
json_form(
    MemberProposal,
    rename={"person_id": "person", "team_id": "team"},
    codecs=_PROPOSAL_CODECS,
    strict=True,
)
json_form(ExcellentTeamFacts, strict=True)


@attrs.frozen(kw_only=True)
class TeamsSection:
    """The ``teams`` section, read: the proposals that could be read and every error.

    ``lost_communes`` are the communes with a team or member that could not be
    read; ``all_lost`` is True when the section's settings, or an entry that
    does not say its commune, could not be read.
    """

    year: int | None
    teams: tuple[TeamProposal, ...]
    members: tuple[MemberProposal, ...]
    cap: TeamCap = _GUIDANCE_CAP
    member_cap: TeamCap | None = _GUIDANCE_CAP
    member_cap_scope: CapScope = CapScope.PER_KIND
    month_end: MonthEndPolicy = MonthEndPolicy.CLAMP
    errors: tuple[InputError, ...] = ()
    lost_communes: frozenset[str] = frozenset()
    all_lost: bool = False


@attrs.frozen(kw_only=True)
class TeamsRated:
    """What :func:`rate_section` decided: one rating per commune, and every error."""

    ratings: tuple[CommuneTeamRating, ...]
    errors: tuple[InputError, ...]


_KINDS: Final[Mapping[str, Any]] = {
    "year": int,
    "cap": TeamCap,
    "member_cap": TeamCap | None,
    "member_cap_scope": CapScope,
    "month_end": MonthEndPolicy,
}


_JSON_KEYS: Final = {"team_id": "team", "person_id": "person"}


def _read(raw: object, kind: type[Any], where: str) -> Any:
    """``raw`` read as a ``kind``; an error raised by a constructor is placed under ``where``.

    The converter names the place of a bad value itself; a check inside a
    constructor (a part larger than its whole, say) names only its field,
    sometimes after its class or its id, so the path is rebuilt from that field on.
    """
    try:
        return structure(raw, kind, where)
    except InputError as error:
        if error.path.startswith(where):
            raise
        fields = {a.name for a in attrs.fields(kind)}
        parts = error.path.split(".")
        start = next((i for i, part in enumerate(parts) if part in fields), len(parts) - 1)
        rest = [_JSON_KEYS.get(parts[start], parts[start]), *parts[start + 1 :]]
        raise InputError(".".join([where, *rest]), error.value, error.message) from None


class _Reading:
    """The state of one section being read: what was read, lost and said."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[InputError] = []
        self.lost: set[str] = set()
        self.all_lost = False
        self.commune_of: dict[str, str] = {}

    def lose(self, error: InputError, commune: object) -> None:
        self.errors.append(error)
        if isinstance(commune, str) and commune.strip():
            self.lost.add(commune)
        else:
            self.all_lost = True

    def entries(self, section: Mapping[str, Any], key: str) -> list[Any]:
        value = section.get(key, [])
        if isinstance(value, list):
            return value
        self.lose(InputError(f"{self.path}.{key}", value, Msg("expected a list")), None)
        return []

    def teams(self, section: Mapping[str, Any]) -> list[TeamProposal]:
        read: list[TeamProposal] = []
        for index, raw in enumerate(self.entries(section, "teams")):
            where = f"{self.path}.teams[{index}]"
            commune = raw.get("commune") if isinstance(raw, dict) else None
            try:
                team = _read(raw, TeamProposal, where)
            except InputError as error:
                self.lose(error, commune)
                if isinstance(commune, str) and isinstance(raw.get("team"), str):
                    self.commune_of.setdefault(raw["team"], commune)
                continue
            if team.team_id in self.commune_of:
                self.lose(InputError(f"{where}.team", team.team_id, _DUPLICATE_TEAM), team.commune)
                self.lost.add(self.commune_of[team.team_id])
                continue
            self.commune_of[team.team_id] = team.commune
            read.append(team)
        return read

    def members(self, section: Mapping[str, Any]) -> list[MemberProposal]:
        read: list[MemberProposal] = []
        seen: set[str] = set()
        for index, raw in enumerate(self.entries(section, "members")):
            where = f"{self.path}.members[{index}]"
            team_id = raw.get("team") if isinstance(raw, dict) else None
            try:
                member = _read(raw, MemberProposal, where)
            except InputError as error:
                self.lose(error, self.commune_of.get(team_id) if isinstance(team_id, str) else None)
                continue
            commune = self.commune_of.get(member.team_id)
            if commune is None:
                self.lose(InputError(f"{where}.team", member.team_id, _NO_SUCH_TEAM), None)
            elif member.person_id in seen:
                self.lose(
                    InputError(f"{where}.person", member.person_id, _DUPLICATE_MEMBER), commune
                )
            else:
                seen.add(member.person_id)
                read.append(member)
        return read


def read_teams(section: object, path: str = "teams") -> TeamsSection:
    """Read a ``teams`` section (already parsed): every entry that can be read, and the errors.

    ``path`` is the section's place in the document, for the errors
    (``teams.teams[3].proposed``).
    """
    reading = _Reading(path)
    if not isinstance(section, dict):
        error = InputError(path, section, Msg("expected an object with teams and members"))
        return TeamsSection(year=None, teams=(), members=(), errors=(error,), all_lost=True)
    for key in section:
        if key not in (*SETTINGS, *LISTS):
            reading.lose(InputError(f"{path}.{key}", section[key], Msg("unknown key")), None)
    settings: dict[str, Any] = {}
    for key, kind in _KINDS.items():
        if key in section:
            try:
                settings[key] = _read(section[key], kind, f"{path}.{key}")
            except InputError as error:
                reading.lose(error, None)  # a setting changes every commune's rating
    year = settings.pop("year", None)
    if year is None and "year" not in section:
        reading.lose(InputError(f"{path}.year", None, Msg("is required")), None)
    elif year is not None and year < FIRST_YEAR:
        reading.lose(
            InputError(f"{path}.year", year, _TOO_EARLY, params={"first": FIRST_YEAR}), None
        )
    teams = reading.teams(section)
    members = reading.members(section)
    return TeamsSection(
        year=year,
        teams=tuple(teams),
        members=tuple(members),
        errors=tuple(reading.errors),
        lost_communes=frozenset(reading.lost),
        all_lost=reading.all_lost,
        **settings,
    )


def read_teams_document(document: object) -> TeamsSection:
    """Read the ``teams`` section of an already-parsed document (see :mod:`antq.io.document`)."""
    opened = open_document(document)
    if not opened.readable:
        return TeamsSection(year=None, teams=(), members=(), errors=opened.errors, all_lost=True)
    try:
        section = opened.section("teams")
    except InputError as error:
        errors = (*opened.errors, error)
        return TeamsSection(year=None, teams=(), members=(), errors=errors, all_lost=True)
    read = read_teams(section, opened.path("teams"))
    return attrs.evolve(read, errors=(*opened.errors, *read.errors))


def read_teams_file(path: str | Path) -> TeamsSection:
    """Read the ``teams`` section of a ``.json`` or ``.toml`` document."""
    return read_teams_document(load_document(Path(path)))


def rate_section(section: TeamsSection, path: str = "teams") -> TeamsRated:
    """Rate the communes of a read section that lost nothing; name the others in the errors."""
    errors = list(section.errors)
    if section.all_lost or section.year is None:
        if section.teams or section.members:
            errors.append(InputError(path, None, _ALL_LOST))
        return TeamsRated(ratings=(), errors=tuple(errors))
    for commune in sorted(section.lost_communes):
        errors.append(InputError(path, commune, _COMMUNE_LOST, params={"commune": commune}))
    teams = [t for t in section.teams if t.commune not in section.lost_communes]
    kept = {t.team_id for t in teams}
    ratings = rate_teams(
        teams,
        [m for m in section.members if m.team_id in kept],
        year=section.year,
        cap=section.cap,
        member_cap=section.member_cap,
        month_end=section.month_end,
        member_cap_scope=section.member_cap_scope,
    )
    return TeamsRated(ratings=ratings, errors=tuple(errors))
