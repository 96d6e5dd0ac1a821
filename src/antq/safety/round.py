"""A round, decided as the law decides it: units first, then each commune from its units.

A commune (xã, phường, đặc khu) passes only if its own criteria hold over its
territory and enough of the units under it passed (Thông tư 124/2021/TT-BCA
Điều 5 khoản 2 and 4; Thông tư 23/2012/TT-BCA Điều 6 khoản 4). Every entry
point (the Python API, ``antq evaluate`` in every format, ``antq report``)
goes through :func:`evaluate_round`, so the same input gives the same
verdicts whatever the output.

**How a round is evaluated.** Units stream in (from a reader, or as Python
objects). Each unit that is not a commune is evaluated at once, its verdict
handed on (``on_verdict``), and its outcome counted under the commune it
names; only those counters, the communes' own facts and the units' incidents
are kept, so memory grows with the communes, not the units. When the input
ends, each commune is evaluated once with :data:`~antq.safety.unit_counts.UNIT_OUTCOMES`,
the count of its units' outcomes, as a typed input, and with the incidents
recorded under its units (dated in its own period, each counted once) added
to its own: an incident in a residential area happened on the commune's
territory too.

**Nothing lost decides a commune.** A unit that could not be read or placed
(a bad row, a malformed or truncated file, a commune reference that is not
text, fits two communes or none, a province other than its commune's) makes
every commune it may belong to UNKNOWN for the roll-up, with the reason. A
unit whose id, kind and round could be read counts as a unit whose verdict is
unknown. Ids are compared after NFC and with invisible format characters
removed; ids that would look the same to a person (letters of another script
that look Latin) are reported as suspected duplicates and never counted twice.

A commune none of whose units is in the input is evaluated with the counts it
states, and its verdict says so.
"""

from __future__ import annotations

import functools
import json
import os
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import attrs

from antq._digests import DigestSet, digest
from antq._spill import MEMORY_BUDGET, SpillDatabase
from antq.core import engine
from antq.core.facts import UnitFacts
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.core.ruleset import RuleBook, RuleSet
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.entities.incidents import CrimeGravity, Incident, IncidentCategory
from antq.errors import AntqError, InputError, UsageError
from antq.i18n.catalog import Msg
from antq.io.batch import ReadProgress, UnitReadError, UnitRef, read_any
from antq.io.names import NameIndex, bare_key, name_key
from antq.safety import default_rulebook
from antq.safety.hierarchy import (
    KIND_ORDER,
    CommuneResult,
    EvaluatedUnit,
    Notice,
    OutcomeCounts,
    RoundResult,
)
from antq.safety.inputs import INCIDENTS
from antq.safety.rollup import RollupRule, Standing, count_standings, rollup_rule, standing_of
from antq.safety.unit_counts import UNIT_OUTCOMES, UnitCounts

__all__ = ["Decider", "Placement", "Round", "UnitCollector", "evaluate_round", "id_skeleton"]

MET, NOT_MET, UNKNOWN, NOT_APPLICABLE = (
    Outcome.MET,
    Outcome.NOT_MET,
    Outcome.UNKNOWN,
    Outcome.NOT_APPLICABLE,
)
_KIND_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}

Item = UnitFacts | InputError
OnVerdict = Callable[[Verdict], None]
#: Where a unit ended up once the round is placed: its verdict (naming its commune's
#: code), its province, and the (round, commune) whose units it is counted with.
Placed = tuple[Verdict, str | None, tuple[int, str] | None]
#: Places a unit from its verdict and the province it gave (see :class:`UnitCollector`).
Placement = Callable[[Verdict, str | None], Placed]


#: Decides a round's units ahead of it (in worker processes, say): yields each item
#: in the order given, with the verdict of a unit that is not a commune, or None for
#: an item the round must decide itself (a commune, a read error, a unit that failed).
Decider = Callable[[Iterable[Item]], Iterator[tuple[Item, Verdict | None]]]


class UnitCollector(Protocol):
    """Receives every unit's verdict as the round decides it, and how to place it at the end.

    What ``antq report`` gives a round instead of keeping every verdict
    (:class:`antq.report.ReportCollector`): ``unit`` is called for each unit
    and commune, with the province as the unit gave it and whether its row was
    unreadable (a placeholder counted as unknown); ``placed`` once at the end,
    with the function that gives a unit's commune and province as a round kept
    with ``keep_units=True`` gives them. A unit's placement depends only on its
    round, the commune it names (its own id for a commune), its kind being a
    commune or not, and the province it gave.
    """

    def unit(self, verdict: Verdict, province: str | None, unreadable: bool) -> None: ...

    def placed(self, place: Placement) -> None: ...


_NO_UNITS = Msg(
    "none of its units is in the input, so it is evaluated with the counts given in its own facts"
)
_UNREADABLE = Msg(
    "{count} unit(s) under it could not be read because of input errors; the roll-up counts them as units whose verdict is unknown"
)
_TAINTED = Msg(
    "a row that may belong to this commune could not be read well enough to count it, so the counts of the roll-up are left unknown"
)
_UNPLACED = Msg(
    "unit {unit} names a commune that is not in the input ({reference}) and may belong here, so the counts of the roll-up are left unknown"
)
_OTHER_PROVINCE = Msg(
    "unit {unit} gives another province ({province}) than this commune's, so the counts of the roll-up are left unknown"
)
_LOOK_ALIKE = Msg(
    "unit {unit} has an id that looks the same as another unit's ({other}), so the counts of the roll-up are left unknown"
)
_LOST_SOURCE = Msg(
    "an unknown number of rows could not be read ({source}), so the counts of the roll-up are left unknown"
)
_INCIDENTS_NOT_COUNTED = Msg(
    "{count} incident(s) recorded under its units in its period are not counted, because its own incidents are not given"
)

# Letters of other scripts that look like Latin ones, folded to the Latin letter.
_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
        # Greek
        "α": "a", "ο": "o", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "ι": "i", "κ": "k",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # Latin look-alikes: dotless i, long s, and digits read as letters are left alone
        "ı": "i", "ſ": "s",
    }
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _province_key(text: str) -> str:
    # Provinces are few and repeated on every unit: fold each spelling once.
    return name_key(text)


def _visible(text: str) -> str:
    """NFC text without invisible format characters (zero-width space, joiners, bidi marks)."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def id_skeleton(unit_id: str) -> str:
    """What a person sees of an id: NFKC, no invisible characters, look-alike letters folded.

    Two ids with the same skeleton would be taken for the same unit.

    >>> id_skeleton("KDC-01") == id_skeleton("KDС-01")  # the second C is Cyrillic
    True
    >>> id_skeleton("KDC\\u200b-01")
    'KDC-01'
    """
    if unit_id.isascii():
        return unit_id
    text = unicodedata.normalize("NFKC", _visible(unit_id))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.translate(_LOOK_ALIKES)


def _id_prefix(number: int) -> bytes:
    """The two bytes that mark an id kept under standing ``number``: both above
    0x7F, so never a newline, and never mistaken for the UTF-8 of the id after them."""
    return bytes((0x80 | number >> 7, 0x80 | number & 0x7F))


def _kept_ids(data: bytes | bytearray, into: dict[int, list[str]]) -> None:
    """Sort the ids of ``data`` (each a prefix, the id, a newline) by their standing number."""
    for entry in data.split(b"\n")[:-1]:
        into.setdefault((entry[0] & 0x7F) << 7 | entry[1] & 0x7F, []).append(
            entry[2:].decode("utf-8")
        )


class _Standings:
    """The standings of a round's units, numbered in the order first seen.

    A round meets a few dozen: each group counts its units in an array indexed by
    these numbers, so what it keeps does not grow with its units.
    """

    __slots__ = ("counted_only", "numbers", "prefixes", "standings")

    def __init__(self) -> None:
        self.numbers: dict[Standing, int] = {}
        self.standings: list[Standing] = []
        self.prefixes: list[bytes] = []
        # Residential areas that passed are only counted: every roll-up counts them,
        # and their ids, most of a round, are not needed in any reason.
        self.counted_only: list[bool] = []

    def number(self, standing: Standing) -> int:
        number = self.numbers.get(standing)
        if number is None:
            number = self.numbers[standing] = len(self.standings)
            if number >= 1 << 14:
                raise AssertionError("more standings than a round can have")
            self.standings.append(standing)
            self.prefixes.append(_id_prefix(number))
            self.counted_only.append(
                standing[0] is UnitKind.RESIDENTIAL_AREA and standing[1] is MET
            )
        return number


# What one kept incident costs in memory: about 280 bytes by tracemalloc for one with an
# id and a unit id (its list slot included), with room for a description. It decides
# when a round's incidents go to disk.
_INCIDENT_BYTES = 320
_INCIDENTS_PART = -1
_IDS_PART = 0


class _Spilled:
    """The ids and incidents of a round's groups that went to disk (see ``antq._spill``).

    Each group writes its ids as one blob, and its incidents as one
    JSON list of their fields, read back without checking again (this process wrote them).
    """

    def __init__(self) -> None:
        self.database = SpillDatabase()
        self.made = False

    def write(self, groups: Iterable[_Group]) -> None:
        connection = self.database.connection
        if not self.made:
            self.made = True
            connection.execute(
                "CREATE TABLE parts (grp INTEGER NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL)"
            )
            connection.execute("CREATE INDEX parts_of_group ON parts (grp, part)")
        rows: list[tuple[int, int, bytes]] = []
        for group in groups:
            if group.ids:
                rows.append((group.number, _IDS_PART, bytes(group.ids)))
                group.ids = bytearray()
            if group.incidents:
                fields = [_incident_fields(incident) for incident in group.incidents]
                rows.append((group.number, _INCIDENTS_PART, json.dumps(fields).encode("utf-8")))
                group.incidents = []
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO parts VALUES (?, ?, ?)", rows)
        connection.execute("COMMIT")

    def _parts(self, number: int, part: int) -> Iterator[bytes]:
        for (data,) in self.database.connection.execute(
            "SELECT data FROM parts WHERE grp = ? AND part = ? ORDER BY rowid", (number, part)
        ):
            yield data

    def ids(self, number: int) -> Iterator[bytes]:
        """The group's ids written, as kept (see ``_Group.ids``), in the order written."""
        return self._parts(number, _IDS_PART)

    def incidents(self, number: int) -> Iterator[Incident]:
        for data in self._parts(number, _INCIDENTS_PART):
            for fields in json.loads(data):
                yield _incident_of(fields)

    def close(self) -> None:
        self.database.close()


def _incident_fields(incident: Incident) -> list[Any]:
    return [
        incident.date.toordinal(),
        incident.category.code,
        None if incident.gravity is None else incident.gravity.code,
        incident.id,
        incident.unit_id,
        incident.description,
        incident.force_majeure,
        incident.timely_detected,
        incident.mitigated,
        incident.reported_immediately,
    ]


def _incident_of(fields: list[Any]) -> Incident:
    day, category, gravity, *rest = fields
    return Incident.trusted(
        date=date.fromordinal(day),
        category=IncidentCategory.from_code(category),
        gravity=None if gravity is None else CrimeGravity.from_code(gravity),
        id=rest[0],
        unit_id=rest[1],
        description=rest[2],
        force_majeure=rest[3],
        timely_detected=rest[4],
        mitigated=rest[5],
        reported_immediately=rest[6],
    )


@attrs.define
class _Group:
    """What is kept of the units that name one commune reference in one round."""

    reference: str
    # Its units counted by standing number (see _Standings), and those numbers in
    # the order first seen, which is the order of the commune's reasons.
    tally: array[int] = attrs.field(factory=lambda: array("I"))
    order: array[int] = attrs.field(factory=lambda: array("H"))
    # The ids of the units not only counted, in the order added, each as its
    # standing's prefix, the id in UTF-8 and a newline: about 19 bytes an id.
    ids: bytearray = attrs.field(factory=bytearray)
    first: str | None = None
    placeholders: list[tuple[UnitKind, str]] = attrs.field(factory=list)
    provinces: dict[str, tuple[str, str]] = attrs.field(factory=dict)
    # The units' incidents that a commune's territory criterion can count, each
    # with the id of the unit it was recorded under.
    incidents: list[Incident] = attrs.field(factory=list)
    # Its number in the round, naming what it wrote to disk; the groups merged into
    # it (other spellings of its commune), whose ids and incidents it reads as its own.
    number: int = 0
    merged: list[_Group] = attrs.field(factory=list)

    def add(self, number: int, unit_id: str, prefix: bytes | None) -> int:
        """Count a unit of standing ``number``, keeping its id after ``prefix`` if given;
        the bytes of memory its id took (0 when only counted)."""
        if self.first is None or unit_id < self.first:
            self.first = unit_id
        tally = self.tally
        if number >= len(tally):
            tally.extend([0] * (number + 1 - len(tally)))
        if not tally[number]:
            self.order.append(number)
        tally[number] += 1
        if prefix is None:
            return 0
        entry = prefix + unit_id.encode("utf-8") + b"\n"
        self.ids += entry
        return len(entry)

    def parts(self) -> Iterator[_Group]:
        yield self
        for group in self.merged:
            yield from group.parts()

    @property
    def size(self) -> int:
        return sum(sum(part.tally) for part in self.parts())

    def first_id(self) -> str:
        assert self.first is not None
        return self.first

    def counts(
        self, spilled: _Spilled | None, standings: _Standings
    ) -> Iterator[tuple[Standing, int, list[str]]]:
        """Each standing with its number of units and the ids kept: the standings
        whose ids are kept first, then those only counted, each in the order first seen."""
        counts: dict[int, int] = {}
        kept: dict[int, list[str]] = {}
        for part in self.parts():
            for number in part.order:
                counts[number] = counts.get(number, 0) + part.tally[number]
            ids: dict[int, list[str]] = {}
            if spilled is not None:
                for data in spilled.ids(part.number):
                    _kept_ids(data, ids)
            _kept_ids(part.ids, ids)
            for number, found in ids.items():
                kept.setdefault(number, []).extend(found)
        only = standings.counted_only
        for number, count in counts.items():
            if not only[number]:
                yield standings.standings[number], count, kept.get(number, [])
        for number, count in counts.items():
            if only[number]:
                yield standings.standings[number], count, []

    def all_incidents(self, spilled: _Spilled | None) -> list[Incident]:
        """The incidents of its units, in the order they were read, each part in turn."""
        found: list[Incident] = []
        for part in self.parts():
            if spilled is not None:
                found += spilled.incidents(part.number)
            found += part.incidents
        return found


def _counts(
    group: _Group,
    commune: UnitFacts,
    rule: RollupRule,
    lost: Reason | None,
    spilled: _Spilled | None,
    standings: _Standings,
) -> UnitCounts:
    try:
        return count_standings(
            group.counts(spilled, standings),
            commune_id=commune.unit_id,
            year=commune.year,
            rule=rule,
            lost=lost,
            first_id=group.first_id(),
        )
    except InputError as error:
        if error.path != "verdicts":
            raise
        raise InputError(f"{commune.unit_id}.units", error.value, error.message) from None


def _territory_filter(rule_sets: Iterable[RuleSet]) -> Callable[[Incident], bool]:
    """Whether an incident can change a commune's territory criterion of these rule sets.

    Only those incidents of its units are kept until the commune is decided:
    the others (ordinary offences, say) cannot change its verdict.
    """
    readers: list[Callable[[Incident], bool]] = []
    for rule_set in rule_sets:
        if rule_set.kind is not UnitKind.COMMUNE:
            continue
        for criterion in rule_set.all_criteria():
            if INCIDENTS not in criterion.inputs:
                continue
            reads = getattr(criterion.check, "reads_incident", None)
            if reads is None:
                return lambda incident: True  # a check that may read any incident
            readers.append(reads)
    return lambda incident: any(reads(incident) for reads in readers)


def _with_unit(incident: Incident, unit_id: str) -> Incident:
    """The incident, naming the unit it was recorded under."""
    return incident if incident.unit_id is not None else attrs.evolve(incident, unit_id=unit_id)


def _incident_key(incident: Incident) -> tuple[Any, ...]:
    if incident.id is not None:
        return ("id", incident.id)
    return (
        incident.date,
        incident.category,
        incident.gravity,
        incident.unit_id,
        incident.description,
    )


def _territory(
    commune: UnitFacts,
    period_of: Callable[[UnitFacts], Any],
    incidents: list[Incident],
) -> tuple[UnitFacts, int]:
    """The commune's facts with its units' incidents in its period added, each once.

    Returns the facts and how many such incidents could not be counted because
    the commune gives no incidents of its own (its territory criteria are then
    unknown, never met).
    """
    if not incidents:
        return commune, 0
    period = period_of(commune)
    inside = [i for i in incidents if i.date in period]
    if not inside:
        return commune, 0
    own: tuple[Incident, ...] | None = commune.get(INCIDENTS)
    if own is None:
        return commune, len({_incident_key(i) for i in inside})
    seen = {_incident_key(i) for i in own}
    added: list[Incident] = []
    for incident in inside:
        key = _incident_key(incident)
        if key not in seen:
            seen.add(key)
            added.append(incident)
    if not added:
        return commune, 0
    return commune.with_values(**{INCIDENTS.name: (*own, *added)}), 0


def _blank(unit: UnitFacts | UnitRef) -> UnitFacts:
    """A unit about which nothing is known but where it belongs (its verdict is UNKNOWN)."""
    assert unit.unit_id is not None and unit.kind is not None and unit.year is not None
    return UnitFacts(
        unit_id=unit.unit_id,
        kind=unit.kind,
        year=unit.year,
        commune=unit.commune,
        province=unit.province,
        period=unit.period if isinstance(unit, UnitFacts) else None,
    )


def _unit_error(unit: UnitFacts, error: AntqError) -> InputError:
    if isinstance(error, InputError):
        return error
    return InputError(unit.unit_id, unit.kind.code, str(error))


@attrs.frozen(kw_only=True)
class Round:
    """The units of a round and where they belong (province → commune → units), to evaluate.

    Build it from a facts file or a directory of them (:meth:`from_path`), or
    from units and read errors in Python (:meth:`of`); then :meth:`evaluate`.
    A round streams its units: it can be evaluated once.

    ``rules`` is the rule book that chooses each unit's rule set by date;
    ``pinned``, when given, is used instead for the units of its kind.
    """

    items: Iterable[Item]
    rules: RuleBook
    pinned: RuleSet | None = None

    @classmethod
    def of(
        cls,
        units: Iterable[Item],
        rules: RuleBook | RuleSet | None = None,
        *,
        book: RuleBook | None = None,
    ) -> Round:
        """A round of these units (and the read errors among them, if any)."""
        if isinstance(units, UnitFacts | str | os.PathLike):
            raise TypeError(
                "Round.of expects an iterable of UnitFacts; use Round.from_path for a file"
            )
        default = book if book is not None else _default_book()
        if isinstance(rules, RuleSet):
            return cls(items=units, rules=default, pinned=rules)
        return cls(items=units, rules=rules if rules is not None else default)

    @classmethod
    def from_path(
        cls,
        path: str | os.PathLike[str],
        rules: RuleBook | RuleSet | None = None,
        *,
        book: RuleBook | None = None,
        progress: ReadProgress | None = None,
    ) -> Round:
        """The units of a facts file (.json, .toml, .csv, .jsonl) or a directory of them."""
        default = book if book is not None else _default_book()
        reader_book = rules if isinstance(rules, RuleBook) else default
        items = read_any(Path(path), reader_book, progress=progress)
        return cls.of(items, rules, book=default)

    def evaluate(
        self,
        *,
        on_verdict: OnVerdict | None = None,
        keep_units: bool = True,
        keep_communes: bool = True,
        collector: UnitCollector | None = None,
        decider: Decider | None = None,
    ) -> RoundResult:
        """Evaluate the round; see :func:`evaluate_round`.

        ``collector`` (see :class:`UnitCollector`) receives every unit's verdict
        and where it was read, for a caller that keeps less than every verdict.
        ``decider`` (see :data:`Decider`) decides the units that are not
        communes ahead of the round, with the same rules (``antq evaluate
        --jobs`` decides them in worker processes); everything else, the
        communes above all, is decided here, once, from all their units.
        """
        return _Evaluation(self).run(
            on_verdict=on_verdict,
            keep_units=keep_units,
            keep_communes=keep_communes,
            collector=collector,
            decider=decider,
        )


def _default_book() -> RuleBook:

    return default_rulebook()


def evaluate_round(
    source: Round | str | os.PathLike[str] | Iterable[Item],
    rules: RuleBook | RuleSet | None = None,
    *,
    on_verdict: OnVerdict | None = None,
    keep_units: bool = True,
    keep_communes: bool = True,
) -> RoundResult:
    """Evaluate a round: every unit, then every commune from its units and territory.

    ``source`` is a :class:`Round`, a path (a facts file or a directory of
    them) or an iterable of :class:`~antq.UnitFacts` (and read errors).
    ``rules`` is a rule book (default: antq's) or a rule set pinned for the
    units of its kind.

    ``on_verdict`` is called with each verdict as soon as it is decided: the
    units as they come, then the communes. With ``keep_units=False`` the
    result holds the communes but not the units' verdicts, so that memory does
    not grow with the units; with ``keep_communes=False`` as well, it holds
    neither (each commune is handed to ``on_verdict`` and let go). The outcome
    counts, errors and notices are kept either way.

    >>> from antq import evaluate_round
    >>> result = evaluate_round("examples/commune-2025.json")
    >>> [(c.commune_id, c.verdict.outcome.code) for c in result.communes]
    [('XA-DH', 'not_met')]
    """
    if isinstance(source, Round):
        if rules is not None:
            raise UsageError("give the rules when building the Round, not again here")
        round_ = source
    elif isinstance(source, str | os.PathLike):
        round_ = Round.from_path(source, rules)
    elif isinstance(source, UnitFacts | dict):
        raise UsageError(
            "evaluate_round expects a Round, a path or an iterable of UnitFacts;"
            " for one unit use antq.evaluate"
        )
    else:
        round_ = Round.of(source, rules)
    return round_.evaluate(
        on_verdict=on_verdict, keep_units=keep_units, keep_communes=keep_communes
    )


class _Evaluation:
    """One pass over a round's items (see the module docstring)."""

    def __init__(self, round_: Round) -> None:
        self.round = round_
        self.book = round_.rules
        self.pinned = round_.pinned
        self.errors: list[InputError] = []
        self.notices: list[Notice] = []
        self.communes: list[UnitFacts] = []
        self.groups: dict[tuple[int, str], _Group] = {}
        self.kept: list[tuple[Verdict, str | None, bool]] = []
        self.tally: Counter[Outcome] = Counter()
        self.spellings: dict[str, Counter[str]] = {}
        # For every unit that is not a commune, the digest of (round, id skeleton) with
        # the kinds of unit that gave it, one bit each: it finds look-alike ids, and a
        # commune reference that names a unit, in about 10 bytes a unit.
        self.units_seen = DigestSet(value_size=1, budget=MEMORY_BUDGET)
        # The groups' ids and incidents, in memory up to the budget, then on disk.
        self.group_bytes = 0
        self.spilled: _Spilled | None = None
        self.standings = _Standings()
        # The ids whose skeleton differs from the id itself, to name them in an error.
        self.unusual_ids: dict[bytes, str] = {}
        rule_sets = list(self.book) + ([self.pinned] if self.pinned is not None else [])
        self.counts_for_territory = _territory_filter(rule_sets)
        # Reasons that leave roll-ups unknown: by (year, reference), and for whole rounds.
        self.tainted_refs: dict[tuple[int | None, str], Reason] = {}
        self.tainted_all: list[tuple[int | None, str | None, Reason]] = []
        self.keep_units = True
        self.keep_communes = True
        self.on_verdict: OnVerdict | None = None
        self.collector: UnitCollector | None = None
        self.decider: Decider | None = None
        # Where each (round, commune reference) was placed: a commune's code, or the
        # spelling that names a group of units whose commune is not in the input.
        self.placed_as: dict[tuple[int, str], str] = {}
        self.grouped_as: dict[tuple[int, str], str] = {}

    # -- the units -------------------------------------------------------------

    def rules_for(self, facts: UnitFacts) -> RuleBook | RuleSet:
        pinned = self.pinned
        return pinned if pinned is not None and pinned.kind is facts.kind else self.book

    def emit(self, verdict: Verdict, province: str | None, unreadable: bool) -> None:
        if not unreadable:
            self.tally[verdict.outcome] += 1
            if self.on_verdict is not None:
                self.on_verdict(verdict)
        if self.keep_units:
            self.kept.append((verdict, province, unreadable))
        if self.collector is not None:
            self.collector.unit(verdict, province, unreadable)

    def note_province(self, facts: UnitFacts) -> None:
        if facts.province:
            self.spellings.setdefault(_province_key(facts.province), Counter())[facts.province] += 1

    def read_error(self, error: InputError) -> None:
        self.errors.append(error)
        ref = error.unit if isinstance(error, UnitReadError) else None
        if ref is not None and ref.kind is UnitKind.COMMUNE:
            return  # a lost commune: its units will name a commune that is not in the input
        if ref is not None and ref.commune is not None:
            if ref.complete:
                try:
                    self.unit(_blank(ref), placeholder=True)
                    return
                except InputError:
                    pass
            self.tainted_refs.setdefault((ref.year, ref.commune), Reason(template=_TAINTED))
            return
        if ref is not None and ref.complete and not ref.unplaceable:
            return  # a unit under no commune: no roll-up depends on it
        # Rows lost in an unknown number, or a unit that cannot be placed: every
        # commune of its round (and province, when known) may have lost a unit.
        source = error.path.split(":", 1)[0] if ":" in error.path else error.path
        self.tainted_all.append(
            (
                ref.year if ref is not None else None,
                ref.province if ref is not None else None,
                Reason(template=_LOST_SOURCE, params={"source": source}),
            )
        )

    def unit(
        self, facts: UnitFacts, *, placeholder: bool = False, decided: Verdict | None = None
    ) -> None:
        self.note_province(facts)
        skeleton = id_skeleton(facts.unit_id)
        key = digest(f"{facts.year}\0{skeleton}")
        bit = 1 << _KIND_RANK[facts.kind]
        if placeholder:
            self.units_seen.add_bits(key, bit)
        elif self.units_seen.add_bits(key, bit) & bit:
            other = self.unusual_ids.get(key, skeleton)
            self.errors.append(
                InputError(
                    f"{facts.unit_id}.id",
                    facts.unit_id,
                    Msg(
                        "looks the same as the id of another {kind} of round {year}"
                        " ({other}); a suspected duplicate, not counted twice"
                    )
                    if other != facts.unit_id
                    else Msg(
                        "looks the same as the id of another {kind} of round {year};"
                        " a suspected duplicate, not counted twice"
                    ),
                    params={"kind": facts.kind.code, "year": facts.year, "other": repr(other)},
                )
            )
            if facts.commune is not None:
                self.tainted_refs.setdefault(
                    (facts.year, facts.commune),
                    Reason(
                        template=_LOOK_ALIKE, params={"unit": facts.unit_id, "other": other or "?"}
                    ),
                )
            return
        if skeleton != facts.unit_id:
            self.unusual_ids.setdefault(key, facts.unit_id)
        unreadable = placeholder
        try:
            verdict = (
                decided if decided is not None else engine.evaluate(facts, self.rules_for(facts))
            )
        except AntqError as error:
            self.errors.append(_unit_error(facts, error))
            # Counted as a unit whose verdict is unknown, so that the error cannot
            # make its commune look better than it is.
            try:
                verdict = engine.evaluate(_blank(facts), self.rules_for(facts))
            except AntqError:
                if facts.commune is not None:
                    self.tainted_refs.setdefault(
                        (facts.year, facts.commune), Reason(template=_TAINTED)
                    )
                return
            unreadable = True
        self.emit(verdict, facts.province, unreadable)
        if facts.commune is None:
            return
        group = self.groups.get((facts.year, facts.commune))
        if group is None:
            group = self.groups[(facts.year, facts.commune)] = _Group(
                reference=facts.commune, number=len(self.groups)
            )
        standings = self.standings
        number = standings.number(standing_of(verdict))
        added = group.add(
            number,
            facts.unit_id,
            None if standings.counted_only[number] else standings.prefixes[number],
        )
        if unreadable:
            group.placeholders.append((facts.kind, facts.unit_id))
        if facts.province:
            group.provinces.setdefault(
                _province_key(facts.province), (facts.province, facts.unit_id)
            )
        incidents = facts.get(INCIDENTS)
        if incidents and not unreadable:
            counts = self.counts_for_territory
            kept = [_with_unit(i, facts.unit_id) for i in incidents if counts(i)]
            group.incidents += kept
            added += len(kept) * _INCIDENT_BYTES
        self.group_bytes += added
        if self.group_bytes > MEMORY_BUDGET:
            self.spill_groups()

    def spill_groups(self) -> None:
        """Move the groups' ids and incidents to disk (see ``antq._spill``)."""
        if self.spilled is None:
            self.spilled = _Spilled()
        self.spilled.write(self.groups.values())
        self.group_bytes = 0

    # -- the communes ----------------------------------------------------------

    def province_names(self) -> dict[str, str]:
        """For each province key, the spelling used most often (see antq.safety.hierarchy)."""
        spellings = self.spellings
        typed: dict[str, list[str]] = {}
        for key in spellings:
            if bare_key(key) != key:
                typed.setdefault(bare_key(key), []).append(key)
        group = {
            key: typed[key][0] if len(typed.get(key, ())) == 1 else key
            for key in spellings
            if bare_key(key) == key
        }
        merged: dict[str, Counter[str]] = {}
        for key, tally in spellings.items():
            merged.setdefault(group.get(key, key), Counter()).update(tally)
        chosen = {
            key: min(tally, key=lambda s: (-tally[s], -len(s), s)) for key, tally in merged.items()
        }
        return {key: chosen[group.get(key, key)] for key in spellings}

    def place_groups(
        self, indexes: dict[int, NameIndex], commune_province: dict[tuple[int, str], str | None]
    ) -> tuple[dict[tuple[int, str], _Group], dict[tuple[int, str], Reason]]:
        """Each group under the commune it names; the communes whose counts are unsure."""
        placed: dict[tuple[int, str], _Group] = {}
        tainted: dict[tuple[int, str], Reason] = {}
        # Units of a commune that is not in the input: one group per commune however
        # its name is spelt, named by the spelling most of its units use.
        unknown_communes: dict[tuple[int, str], list[_Group]] = {}
        for (year, reference), group in self.groups.items():
            first = group.first_id()
            path = f"{first}.commune"
            if year not in indexes:
                kind = self.unit_kind_of(year, reference)
                if kind is not None:
                    self.errors.append(
                        InputError(
                            path,
                            reference,
                            Msg("names a {code}, not a commune"),
                            params={"code": kind.code},
                        )
                    )
                unknown_communes.setdefault((year, name_key(reference) or reference), []).append(
                    group
                )
                continue
            try:
                code = indexes[year].find(reference, path=path)
            except InputError as error:
                self.errors.append(error)
                for candidate in indexes[year].candidates(reference):
                    tainted.setdefault(
                        (year, candidate),
                        Reason(template=_UNPLACED, params={"unit": first, "reference": reference}),
                    )
                # Kept under the reference it gave, with no commune verdict.
                unknown_communes.setdefault((year, reference), []).append(group)
                continue
            if code is None:
                if group.size > len(group.placeholders):
                    self.errors.append(
                        InputError(
                            path,
                            reference,
                            Msg(
                                "no commune of round {year} in the input has this code or name"
                                " ({count} units name it)"
                            )
                            if group.size > 1
                            else Msg(
                                "no commune of round {year} in the input has this code or name"
                            ),
                            params={"year": year, "count": group.size},
                        )
                    )
                reason = Reason(template=_UNPLACED, params={"unit": first, "reference": reference})
                # It may belong to any commune of its round in its province, or of the
                # whole round when no commune of the input is in that province.
                same_round = [k for k in commune_province if k[0] == year]
                inside = [
                    k
                    for k in same_round
                    if commune_province[k] is None
                    or name_key(commune_province[k] or "") in group.provinces
                ]
                for key in inside if group.provinces and inside else same_round:
                    tainted.setdefault(key, reason)
                continue
            _merge_into(placed, (year, code), group)
            self.placed_as[(year, reference)] = code
        for (year, _), groups in unknown_communes.items():
            spelling = min(groups, key=lambda g: (-g.size, g.reference)).reference
            for group in groups:
                _merge_into(placed, (year, spelling), group)
                self.grouped_as[(year, group.reference)] = spelling
        for (ref_year, reference), reason in self.tainted_refs.items():
            years = list(indexes) if ref_year is None else [ref_year]
            for each in years:
                if each not in indexes:
                    continue
                try:
                    codes = indexes[each].candidates(reference)
                except InputError:
                    continue
                for code in codes:
                    tainted.setdefault((each, code), reason)
        for lost_year, province, reason in self.tainted_all:
            for key, commune_prov in commune_province.items():
                if lost_year is not None and key[0] != lost_year:
                    continue
                if (
                    province is not None
                    and commune_prov is not None
                    and name_key(commune_prov) != name_key(province)
                ):
                    continue
                tainted.setdefault(key, reason)
        return placed, tainted

    def unit_kind_of(self, year: int, reference: str) -> UnitKind | None:
        """The kind of the unit (not a commune) of round ``year`` with id ``reference``, if any."""
        kinds = self.units_seen.get(digest(f"{year}\0{id_skeleton(reference)}"))
        if not kinds:
            return None
        return next(kind for kind in KIND_ORDER if kinds & 1 << _KIND_RANK[kind])

    def period_of(self, commune: UnitFacts) -> Any:
        rules = self.rules_for(commune)
        rule_set = (
            rules.select(commune.kind, commune.year, period=commune.period)
            if isinstance(rules, RuleBook)
            else rules
        )
        return rule_set.period_for(commune.year, commune.period)

    def commune(
        self,
        commune: UnitFacts,
        group: _Group | None,
        taint: Reason | None,
        province: str | None,
    ) -> CommuneResult | None:
        rules = self.rules_for(commune)
        counts: UnitCounts | None = None
        facts = commune
        try:
            rule_set = (
                rules.select(commune.kind, commune.year, period=commune.period)
                if isinstance(rules, RuleBook)
                else rules
            )
            rule = rollup_rule(rule_set.instrument)
            if group is not None:
                try:
                    counts = _counts(group, commune, rule, taint, self.spilled, self.standings)
                except InputError as error:
                    self.errors.append(error)
                    facts = _without_stated(facts, rule)
                else:
                    facts = facts.with_values(**{UNIT_OUTCOMES.name: counts})
                if taint is not None:
                    self.notices.append(Notice(subject=commune.unit_id, reason=taint))
                facts, not_counted = _territory(
                    facts, self.period_of, group.all_incidents(self.spilled)
                )
                if not_counted:
                    self.notices.append(
                        Notice(
                            subject=commune.unit_id,
                            reason=Reason(
                                template=_INCIDENTS_NOT_COUNTED, params={"count": not_counted}
                            ),
                        )
                    )
                if group.placeholders:
                    self.notices.append(
                        Notice(
                            subject=commune.unit_id,
                            reason=Reason(
                                template=_UNREADABLE, params={"count": len(group.placeholders)}
                            ),
                        )
                    )
            elif taint is not None:
                # Every unit of the commune may be among the lost: no count is sure.
                self.notices.append(Notice(subject=commune.unit_id, reason=taint))
                facts = _without_stated(facts, rule)
            else:
                self.notices.append(
                    Notice(subject=commune.unit_id, reason=Reason(template=_NO_UNITS))
                )
            verdict = engine.evaluate(facts, rules)
        except AntqError as error:
            self.errors.append(_unit_error(commune, error))
            return None
        self.emit(verdict, province, False)
        return CommuneResult(
            commune_id=commune.unit_id,
            name=commune.name,
            province=province,
            year=commune.year,
            verdict=verdict,
            counts=counts,
            units=(),
            unreadable=tuple(sorted(group.placeholders, key=_unit_rank)) if group else (),
        )

    # -- the pass --------------------------------------------------------------

    def run(
        self,
        *,
        on_verdict: OnVerdict | None,
        keep_units: bool,
        keep_communes: bool = True,
        collector: UnitCollector | None = None,
        decider: Decider | None = None,
    ) -> RoundResult:
        self.decider = decider
        self.on_verdict, self.keep_units = on_verdict, keep_units
        self.keep_communes = keep_communes or keep_units or collector is not None
        self.collector = collector
        try:
            return self.pass_over()
        finally:
            # What went to disk is deleted now, not when the garbage is collected.
            self.units_seen.close()
            if self.spilled is not None:
                self.spilled.close()

    def pass_over(self) -> RoundResult:
        items: Iterable[tuple[Item, Verdict | None]] = (
            ((item, None) for item in self.round.items)
            if self.decider is None
            else self.decider(self.round.items)
        )
        for item, decided in items:
            if isinstance(item, InputError):
                self.read_error(item)
            elif not isinstance(item, UnitFacts):
                raise TypeError(
                    f"a round holds UnitFacts (and read errors), not {type(item).__name__}"
                )
            elif item.kind is UnitKind.COMMUNE:
                self.note_province(item)
                if item.commune is not None and item.commune != item.unit_id:
                    # Units sit under a commune and communes under nothing: levels are fixed
                    # by kind, so no chain of references can loop back on itself.
                    self.errors.append(
                        InputError(
                            f"{item.unit_id}.commune",
                            item.commune,
                            Msg(
                                "a commune is not under another unit; leave commune out or give its own id"
                            ),
                        )
                    )
                self.communes.append(item)
            else:
                self.unit(item, decided=decided)
        return self.finish()

    def finish(self) -> RoundResult:
        provinces = self.province_names()
        communes = self.communes
        indexes = {
            year: NameIndex.of((c.unit_id, c.name) for c in communes if c.year == year)
            for year in sorted({c.year for c in communes})
        }
        commune_province = {
            (c.year, c.unit_id): provinces[_province_key(c.province)] if c.province else None
            for c in communes
        }
        placed, tainted = self.place_groups(indexes, commune_province)
        self.groups = {}  # now in ``placed``: each is let go once its commune is decided
        results: list[CommuneResult] = []
        for commune in sorted(communes, key=lambda c: (c.year, c.unit_id)):
            key = (commune.year, commune.unit_id)
            group = placed.pop(key, None)
            province = commune_province[key]
            taint = tainted.get(key)
            if group is not None and province is not None:
                for other_key, (spelling, unit_id) in sorted(group.provinces.items()):
                    if provinces.get(other_key, spelling) != province:
                        self.errors.append(
                            InputError(
                                f"{unit_id}.province",
                                spelling,
                                Msg("the unit's commune {unit_id} is in {province}"),
                                params={"unit_id": commune.unit_id, "province": province},
                            )
                        )
                        taint = taint or Reason(
                            template=_OTHER_PROVINCE,
                            params={"unit": unit_id, "province": spelling},
                        )
            result = self.commune(commune, group, taint, province)
            if result is not None and self.keep_communes:
                results.append(result)
        for (year, reference), group in placed.items() if self.keep_communes else ():
            # Units of a commune that is not in the input: grouped, with no commune verdict.
            first_spelling = next(iter(group.provinces.values()), None)
            results.append(
                CommuneResult(
                    commune_id=reference,
                    name=None,
                    province=provinces.get(name_key(first_spelling[0])) if first_spelling else None,
                    year=year,
                    verdict=None,
                    counts=None,
                    units=(),
                )
            )
        return self.result(results, provinces, commune_province)

    def placement(
        self,
        results: list[CommuneResult],
        provinces: dict[str, str],
        commune_province: dict[tuple[int, str], str | None],
    ) -> Placement:
        """What places each unit: its commune's code, its province and its group."""
        codes = {(c.year, c.commune_id): c for c in results if c.verdict is not None}
        placed_as, grouped_as = self.placed_as, self.grouped_as

        def place(verdict: Verdict, province_text: str | None) -> Placed:
            commune_code = verdict.commune
            group: tuple[int, str] | None = None
            if verdict.kind is not UnitKind.COMMUNE and commune_code is not None:
                key = (verdict.year, commune_code)
                found = placed_as.get(key)
                if found is not None and found != commune_code:
                    verdict = attrs.evolve(verdict, commune=found)
                    commune_code = found
                group = (verdict.year, grouped_as.get(key, commune_code))
            province = provinces[_province_key(province_text)] if province_text else None
            if verdict.kind is UnitKind.COMMUNE:
                province = commune_province.get((verdict.year, verdict.unit_id), province)
            elif commune_code is not None:
                placed = codes.get((verdict.year, commune_code))
                province = province or (placed.province if placed else None)
                if province is None:
                    province = commune_province.get((verdict.year, commune_code))
            return verdict, province, group

        return place

    def result(
        self,
        results: list[CommuneResult],
        provinces: dict[str, str],
        commune_province: dict[tuple[int, str], str | None],
    ) -> RoundResult:
        units: list[EvaluatedUnit] = []
        by_commune: dict[tuple[int, str], list[Verdict]] = {}
        place = self.placement(results, provinces, commune_province)
        if self.collector is not None:
            self.collector.placed(place)
        if self.keep_units:
            for verdict, province_text, unreadable in self.kept:
                verdict, province, group = place(verdict, province_text)
                if group is not None:
                    by_commune.setdefault(group, []).append(verdict)
                units.append(
                    EvaluatedUnit(verdict=verdict, province=province, unreadable=unreadable)
                )
            results = [
                attrs.evolve(
                    c,
                    units=tuple(
                        sorted(
                            by_commune.get((c.year, c.commune_id), ()),
                            key=lambda v: (_KIND_RANK[v.kind], v.unit_id),
                        )
                    ),
                )
                for c in results
            ]
        return RoundResult(
            units=tuple(sorted(units, key=_sort_key)),
            communes=tuple(sorted(results, key=lambda c: (c.year, c.province or "", c.commune_id))),
            errors=tuple(self.errors),
            notices=tuple(sorted(self.notices, key=lambda n: n.subject)),
            tally=OutcomeCounts.of_counter(self.tally),
        )


def _merge_into(placed: dict[tuple[int, str], _Group], key: tuple[int, str], group: _Group) -> None:
    target = placed.get(key)
    if target is None:
        placed[key] = group
        return
    # Its ids, counts and incidents are read through ``target.parts()``.
    target.merged.append(group)
    if group.first is not None and (target.first is None or group.first < target.first):
        target.first = group.first
    target.placeholders += group.placeholders
    for province_key, value in group.provinces.items():
        target.provinces.setdefault(province_key, value)


def _unit_rank(unit: tuple[UnitKind, str]) -> tuple[int, str]:
    return (_KIND_RANK[unit[0]], unit[1])


def _sort_key(unit: EvaluatedUnit) -> tuple[int, str, str, int, str]:
    v = unit.verdict
    commune = v.unit_id if v.kind is UnitKind.COMMUNE else (v.commune or "")
    return (v.year, unit.province or "", commune, _KIND_RANK[v.kind], v.unit_id)


def _without_stated(facts: UnitFacts, rule: RollupRule) -> UnitFacts:
    """The commune's facts without the counts it states, so its count criteria are unknown."""
    if rule.inputs is None:
        return facts
    names = [rule.inputs.total.name, rule.inputs.recognised.name]
    if rule.inputs.registered is not None:
        names.append(rule.inputs.registered.name)
    return facts.with_values(**dict.fromkeys(names))
