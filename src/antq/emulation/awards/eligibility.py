"""Eligibility answers for awards: every condition with its outcome, reason and citation.

An award question ("may this person receive the Kỷ niệm chương on this date?")
is answered by an :class:`AwardRules` (the conditions of one instrument, chosen
by a date) as an :class:`Eligibility`: the *common* conditions, which must all
hold, and the *routes* (categories of recipient, or awarding authorities), of
which one must hold. Each condition result is a
:class:`~antq.core.verdict.CriterionResult`, the same type as the criteria of
the safe standard, so it carries its citation, confirmation status, reason and
missing inputs, and renders in Vietnamese or English on demand.

Outcomes combine in three-valued logic:

* the common conditions with :func:`~antq.core.outcome.combine` (any NOT_MET
  gives NOT_MET; otherwise any UNKNOWN gives UNKNOWN);
* the routes with :func:`any_of` (any MET route gives MET; otherwise any
  UNKNOWN route gives UNKNOWN; otherwise NOT_MET);
* the answer is the combination of both. NOT_APPLICABLE results are left out.

The first condition of a route is its *category*: when it is NOT_MET, the
route's other conditions are NOT_APPLICABLE (a person who never led anything is
not asked about the achievements of the unit they led).

>>> any_of([Outcome.NOT_MET, Outcome.UNKNOWN]), any_of([Outcome.UNKNOWN, Outcome.MET])
(<Outcome.UNKNOWN: 'unknown'>, <Outcome.MET: 'met'>)
>>> bounded(low=170, high=190, threshold=180)
<Outcome.UNKNOWN: 'unknown'>
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta
from functools import partial
from typing import Any, ClassVar, Final, Generic, TypeVar

import attrs

from antq._serialise import JsonForm, JsonRoundTrip, json_form, json_view
from antq._terminal import escape_controls
from antq.core.criterion import CriterionKind, Finding, Parameter, check_supplied
from antq.core.entry import DESCRIPTION_KEYS, EntryInput, EntryParameter, RuleEntry, RuleFamily
from antq.core.facts import check_id
from antq.core.frozen import frozen
from antq.core.outcome import Outcome, combine
from antq.core.periods import Period, parse_iso_date
from antq.core.reasons import Reason
from antq.core.result import missing_in
from antq.core.rule import Rule, check_rule_id
from antq.core.ruleset import weakest
from antq.core.verdict import CriterionResult
from antq.errors import DefinitionError, InputError
from antq.i18n.catalog import Label, Msg, Text
from antq.i18n.formatting import format_date
from antq.law.citation import Citation
from antq.law.confirmation import Confirmation
from antq.law.registry import get_instrument
from antq.vocabulary import CodedEnum, Lang

__all__ = [
    "ELIGIBILITY_SCHEMA_VERSION",
    "AwardForm",
    "AwardRules",
    "Condition",
    "ConditionEntry",
    "DateRole",
    "Eligibility",
    "Fields",
    "PendingMatter",
    "Route",
    "RouteDefinition",
    "Subject",
    "any_of",
    "bounded",
    "condition",
    "conditions_catalogue",
    "discipline_restart",
    "months_text",
    "read_date",
    "rooted",
    "running_discipline",
]

#: Version of the JSON layout of eligibility answers.
ELIGIBILITY_SCHEMA_VERSION = 1

C = TypeVar("C")
E = TypeVar("E", bound=CodedEnum)

_ONE_DAY = timedelta(days=1)


# --- vocabularies ---------------------------------------------------------------------------


class AwardForm(CodedEnum):
    """An award form (danh hiệu thi đua or hình thức khen thưởng) antq answers about."""

    KY_NIEM_CHUONG_BVANTQ = (
        "ky_niem_chuong_bvantq",
        "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”",
        "Commemorative Medal 'Protecting National Security'",
    )
    TAP_THE_LAO_DONG_XUAT_SAC = (
        "tap_the_lao_dong_xuat_sac",
        "Tập thể lao động xuất sắc",
        "excellent labour collective",
    )
    DON_VI_QUYET_THANG = ("don_vi_quyet_thang", "Đơn vị quyết thắng", "determined-to-win unit")
    TAP_THE_LAO_DONG_TIEN_TIEN = (
        "tap_the_lao_dong_tien_tien",
        "Tập thể lao động tiên tiến",
        "advanced labour collective",
    )
    DON_VI_TIEN_TIEN = ("don_vi_tien_tien", "Đơn vị tiên tiến", "advanced unit")
    CHIEN_SI_THI_DUA_CO_SO = (
        "chien_si_thi_dua_co_so",
        "Chiến sĩ thi đua cơ sở",
        "grassroots emulation fighter",
    )
    LAO_DONG_TIEN_TIEN = ("lao_dong_tien_tien", "Lao động tiên tiến", "advanced worker")
    CHIEN_SI_TIEN_TIEN = ("chien_si_tien_tien", "Chiến sĩ tiên tiến", "advanced fighter")
    GIAY_KHEN = ("giay_khen", "Giấy khen", "certificate of merit (Giấy khen)")
    BANG_KHEN_BO_TINH = (
        "bang_khen_bo_tinh",
        "Bằng khen của Bộ, ban, ngành, tỉnh",
        "certificate of merit of a ministry, sector or province (Bằng khen)",
    )
    THON_TO_DAN_PHO_VAN_HOA = (
        "thon_to_dan_pho_van_hoa",
        "Thôn, tổ dân phố văn hóa",
        "cultural village or residential group",
    )
    GIA_DINH_VAN_HOA = ("gia_dinh_van_hoa", "Gia đình văn hóa", "cultural family")
    # Higher forms, named by the authority ladder of Law 15/2003 (addendum-2026-12.md §8.2).
    BANG_KHEN_THU_TUONG = (
        "bang_khen_thu_tuong",
        "Bằng khen của Thủ tướng Chính phủ",
        "Prime Minister's certificate of merit",
    )
    CO_THI_DUA_CHINH_PHU = (
        "co_thi_dua_chinh_phu",
        "Cờ thi đua của Chính phủ",
        "Government emulation flag",
    )
    CO_THI_DUA_BO_TINH = (
        "co_thi_dua_bo_tinh",
        "Cờ thi đua của Bộ, ngành, tỉnh",
        "emulation flag of a ministry, sector or province",
    )
    CHIEN_SI_THI_DUA_TOAN_QUOC = (
        "chien_si_thi_dua_toan_quoc",
        "Chiến sĩ thi đua toàn quốc",
        "national emulation fighter",
    )
    CHIEN_SI_THI_DUA_BO_TINH = (
        "chien_si_thi_dua_bo_tinh",
        "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh",
        "emulation fighter of a ministry, sector or province",
    )
    HUAN_CHUONG_HUY_CHUONG = (
        "huan_chuong_huy_chuong",
        "Huân chương, Huy chương",
        "orders and medals",
    )
    DANH_HIEU_NHA_NUOC = (
        "danh_hieu_nha_nuoc",
        "Danh hiệu vinh dự Nhà nước, Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước",
        "State honorary titles, Hồ Chí Minh Prize, State Prize",
    )


class Subject(CodedEnum):
    """Who or what an eligibility answer is about."""

    PERSON = ("person", "cá nhân", "person")
    COLLECTIVE = ("collective", "tập thể", "collective")
    AWARD = ("award", "hình thức khen thưởng", "award form")


class DateRole(CodedEnum):
    """Which date chose the rules of an answer, and up to which date it counts."""

    PROPOSAL = ("proposal", "ngày đề nghị", "proposal date")
    CONSIDERATION = ("consideration", "ngày xét", "consideration date")
    DECISION = ("decision", "ngày quyết định", "decision date")


class PendingMatter(CodedEnum):
    """A matter pending without a conclusion, which defers an award (TT 20/2025, NĐ 152/2025)."""

    DISCIPLINARY_REVIEW = (
        "disciplinary_review",
        "đang xem xét kỷ luật",
        "under disciplinary review",
    )
    INVESTIGATION = ("investigation", "đang bị điều tra", "under investigation")
    COMPLAINT_OR_DENUNCIATION = (
        "complaint_or_denunciation",
        "có đơn thư khiếu nại, tố cáo đang được xác minh, chưa có kết luận",
        "complaint or denunciation pending without a conclusion",
    )
    INSPECTION_OR_EXAMINATION = (
        "inspection_or_examination",
        "đang thanh tra, kiểm tra, chưa có kết luận",
        "inspection or examination pending without a conclusion",
    )
    PRESS_VERIFICATION = (
        "press_verification",
        "báo chí phản ánh tham nhũng, tiêu cực đang được xác minh",
        "corruption or misconduct reported in the press being verified",
    )
    PUBLIC_OPINION = (
        "public_opinion",
        "có vấn đề khác gây dư luận xấu",
        "other issues causing bad public opinion",
    )


# --- three-valued helpers ---------------------------------------------------------------------


def any_of(outcomes: Iterable[Outcome]) -> Outcome:
    """Three-valued OR: any MET gives MET; else any UNKNOWN gives UNKNOWN; else NOT_MET.

    NOT_APPLICABLE outcomes are left out; if all are, the answer is NOT_APPLICABLE.
    An empty list is a definition error.
    """
    seen = list(outcomes)
    if not seen:
        raise DefinitionError("cannot combine an empty list of alternatives")
    if Outcome.MET in seen:
        return Outcome.MET
    if Outcome.UNKNOWN in seen:
        return Outcome.UNKNOWN
    if Outcome.NOT_MET in seen:
        return Outcome.NOT_MET
    return Outcome.NOT_APPLICABLE


def bounded(*, low: int, high: int, threshold: int) -> Outcome:
    """Compare a quantity known only between ``low`` and ``high`` with ``threshold``.

    MET when even the lowest value reaches it, NOT_MET when even the highest
    does not, UNKNOWN otherwise.
    """
    if low > high:
        raise DefinitionError(f"lower bound {low} above upper bound {high}")
    if low >= threshold:
        return Outcome.MET
    if high < threshold:
        return Outcome.NOT_MET
    return Outcome.UNKNOWN


def months_text(months: int) -> Text:
    """A length in whole months as years and months, in both languages.

    >>> months_text(182).render("vi"), months_text(182).render("en")
    ('15 năm 2 tháng', '15 years 2 months')
    >>> months_text(12).render("en"), months_text(1).render("vi")
    ('1 year', '1 tháng')
    """
    years, rest = divmod(months, 12)
    vi: list[str] = []
    en: list[str] = []
    if years:
        vi.append(f"{years} năm")
        en.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        vi.append(f"{rest} tháng")
        en.append(f"{rest} month{'s' if rest != 1 else ''}")
    return Text(vi=" ".join(vi), en=" ".join(en))


def running_discipline(periods: Iterable[Period], on: date) -> Period | None:
    """The discipline period running on ``on`` (bounds inclusive), the latest ending if several."""
    running = [p for p in periods if on in p]
    return max(running, key=lambda p: p.end) if running else None


def discipline_restart(periods: Iterable[Period], on: date) -> date | None:
    """The day qualifying time counts from after discipline, as seen on ``on``.

    The day after the last day of the latest discipline period that started on
    or before ``on`` (a period still running gives a day after ``on``: nothing
    counts yet). None when no discipline period started by ``on``.
    """
    started = [p for p in periods if p.start <= on]
    if not started:
        return None
    last = max(p.end for p in started)
    # A period ending on 9999-12-31 has no day after it: that day is the closest there is.
    return last + _ONE_DAY if last < date.max else last


# --- definitions ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Condition(Rule, Generic[C]):
    """One condition of an award: a :class:`~antq.core.rule.Rule` with the facts it reads
    and its check.

    ``check`` receives the answer's context (the facts, the date and the
    parameter values) and returns a :class:`~antq.core.criterion.Finding`. It
    decides UNKNOWN itself when a fact is missing, because some conditions can
    still be decided without it (a service of 16 years is enough whatever the
    person's sex). ``inputs`` names the facts it reads and ``judgements`` those
    of them that are assessor judgements (QUAL).
    """

    noun: ClassVar[str] = "condition"

    check: Callable[[C], Finding] = attrs.field(eq=False, repr=False)
    inputs: tuple[str, ...] = ()
    judgements: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        stray = sorted(set(self.judgements) - set(self.inputs))
        if stray:
            raise DefinitionError(f"condition {self.id!r}: judgements {stray} are not inputs")

    def evaluate(self, context: C) -> CriterionResult:
        """The condition's result in ``context``."""
        return self._result(self.check(context))

    def skipped(self, reason: Reason) -> CriterionResult:
        """A NOT_APPLICABLE result with ``reason``, without running the check."""
        return self._result(Finding(outcome=Outcome.NOT_APPLICABLE, reason=reason))

    def _result(self, found: Finding) -> CriterionResult:
        return CriterionResult(
            about=self.info, outcome=found.outcome, reason=found.reason, missing=found.missing
        )


def condition(
    id: str,
    title: Label,
    citation: Citation,
    kind: CriterionKind,
    check: Callable[[C], Finding],
    inputs: tuple[str, ...],
    *,
    judgement: bool = False,
    parameters: tuple[Parameter[Any], ...] = (),
    confirmation: Confirmation = Confirmation.CONFIRMED,
    note: Label | None = None,
) -> Condition[C]:
    """A :class:`Condition`, as the rule modules declare them; with ``judgement`` its inputs
    are assessor judgements."""
    return Condition(
        id=id,
        title=title,
        citation=citation,
        kind=kind,
        check=check,
        inputs=inputs,
        judgements=inputs if judgement else (),
        parameters=parameters,
        confirmation=confirmation,
        note=note,
    )


@attrs.frozen(kw_only=True)
class RouteDefinition(Generic[C]):
    """A category of recipient (or an awarding authority): one of the alternatives.

    The first condition is the category: when it is NOT_MET the others are
    reported NOT_APPLICABLE.
    """

    noun: ClassVar[str] = "route"

    id: str = attrs.field(validator=check_rule_id)
    title: Label
    conditions: tuple[Condition[C], ...]

    def __attrs_post_init__(self) -> None:
        if not self.conditions:
            raise DefinitionError(f"route {self.id!r} has no conditions")


_NOT_IN_CATEGORY = Msg("not in this category ({category}), so this condition is not considered")


@attrs.frozen(kw_only=True)
class AwardRules(Generic[C]):
    """The conditions of one award under one instrument, with the dates it applies to.

    ``valid_from`` and ``valid_to`` (both inclusive, None = open) bound the
    date of role ``date_role`` that selects these rules. Parameters are values
    the law as known to antq does not settle; set them with
    :meth:`with_parameters`.
    """

    noun: ClassVar[str] = "award rules"

    id: str = attrs.field(validator=check_rule_id)
    award: AwardForm
    subject: Subject
    title: Label
    instrument: str
    citation: Citation
    date_role: DateRole
    valid_from: date | None = None
    valid_to: date | None = None
    conditions: tuple[Condition[C], ...] = ()
    routes: tuple[RouteDefinition[C], ...] = ()
    notes: tuple[Label, ...] = ()
    parameter_values: Mapping[str, object] = attrs.field(factory=dict, converter=frozen)

    def __attrs_post_init__(self) -> None:
        if not self.conditions and not self.routes:
            raise DefinitionError(f"award rules {self.id!r} have no conditions")
        ids = [c.id for _, c in self.all_conditions()]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise DefinitionError(f"award rules {self.id!r} repeat condition ids {duplicates}")
        routes = [r.id for r in self.routes]
        if len(set(routes)) != len(routes):
            raise DefinitionError(f"award rules {self.id!r} repeat route ids {routes}")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise DefinitionError(f"award rules {self.id!r} end before they start")
        unknown = sorted(set(self.parameter_values) - {p.name for p in self.parameters()})
        if unknown:
            raise DefinitionError(f"award rules {self.id!r}: no parameters named {unknown}")

    def all_conditions(self) -> Iterator[tuple[str, Condition[C]]]:
        """Every condition with its role: ``"condition"`` or ``"route:<id>"``."""
        for condition in self.conditions:
            yield "condition", condition
        for route in self.routes:
            for condition in route.conditions:
                yield f"route:{route.id}", condition

    def parameters(self) -> tuple[Parameter[Any], ...]:
        """Every parameter the conditions read, each once."""
        found: dict[str, Parameter[Any]] = {}
        for _, condition in self.all_conditions():
            for parameter in condition.parameters:
                if found.setdefault(parameter.name, parameter) != parameter:
                    raise DefinitionError(f"parameter {parameter.name!r} defined twice differently")
        return tuple(found.values())

    def parameter_value(self, parameter: Parameter[Any]) -> object:
        """The value in force: the user's, else the default (None = not supplied)."""
        return self.parameter_values.get(parameter.name, parameter.default)

    def resolved_parameters(self) -> dict[str, object]:
        return {p.name: self.parameter_value(p) for p in self.parameters()}

    def with_parameters(self, **values: object) -> AwardRules[C]:
        """A copy with user-supplied parameter values (checked against their choices)."""
        check_supplied(self.id, self.parameters(), values)
        return attrs.evolve(self, parameter_values={**self.parameter_values, **values})

    def covers(self, day: date) -> bool:
        """Whether these rules apply to a question dated ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def answer(
        self,
        context: C,
        *,
        subject_id: str,
        on: date,
        name: str | None = None,
        notes: Iterable[Label] = (),
    ) -> Eligibility:
        """Evaluate every condition in ``context`` and assemble the answer."""
        common = tuple(c.evaluate(context) for c in self.conditions)
        routes = []
        for route in self.routes:
            first, *rest = route.conditions
            head = first.evaluate(context)
            if head.outcome is Outcome.NOT_MET:
                skip = Reason(template=_NOT_IN_CATEGORY, params={"category": route.title})
                tail = tuple(c.skipped(skip) for c in rest)
            else:
                tail = tuple(c.evaluate(context) for c in rest)
            routes.append(Route(id=route.id, title=route.title, results=(head, *tail)))
        return Eligibility(
            subject_id=subject_id,
            name=name,
            subject=self.subject,
            award=self.award,
            rule_set=self.id,
            instrument=self.instrument,
            date_role=self.date_role,
            on=on,
            conditions=common,
            routes=tuple(routes),
            notes=(*self.notes, *notes),
        )


# --- answers ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Route(JsonRoundTrip):
    """The results of one route (category or authority) of an answer."""

    json_path: ClassVar[str] = "route"

    id: str
    title: Label
    results: tuple[CriterionResult, ...]

    @property
    def outcome(self) -> Outcome:
        """All of the route's conditions, in three-valued logic."""
        return combine(r.outcome for r in self.results)


@attrs.frozen(kw_only=True)
class Eligibility(JsonRoundTrip):
    """The answer to one award question, condition by condition.

    ``on`` is the date that chose the rules, in the role ``date_role`` (the
    proposal date for the Kỷ niệm chương, the consideration date for Law
    06/2022 titles, the decision date for who may award). ``outcome`` is
    computed from the results, never stored apart from them: :meth:`from_json`
    refuses a stored outcome that does not follow from the results.
    """

    json_path: ClassVar[str] = "eligibility"

    subject_id: str
    subject: Subject
    award: AwardForm
    rule_set: str
    instrument: str
    date_role: DateRole
    on: date
    conditions: tuple[CriterionResult, ...] = ()
    routes: tuple[Route, ...] = ()
    notes: tuple[Label, ...] = ()
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.conditions and not self.routes:
            raise InputError(
                "eligibility", self.subject_id, Msg("an answer needs at least one result")
            )

    @property
    def outcome(self) -> Outcome:
        """The common conditions AND any one route, in three-valued logic."""
        parts = []
        if self.conditions:
            parts.append(combine(r.outcome for r in self.conditions))
        if self.routes:
            parts.append(any_of(r.outcome for r in self.routes))
        return combine(parts)

    def all_results(self) -> Iterator[CriterionResult]:
        yield from self.conditions
        for route in self.routes:
            yield from route.results

    def result(self, condition_id: str) -> CriterionResult:
        """The result of the condition with id ``condition_id``."""
        for result in self.all_results():
            if result.criterion_id == condition_id:
                return result
        raise KeyError(condition_id)

    def route(self, route_id: str) -> Route:
        """The route with id ``route_id``."""
        for route in self.routes:
            if route.id == route_id:
                return route
        raise KeyError(route_id)

    def met_routes(self) -> tuple[str, ...]:
        """The ids of the routes that are MET (e.g. who may award)."""
        return tuple(r.id for r in self.routes if r.outcome is Outcome.MET)

    def shortfall(self) -> tuple[CriterionResult, ...]:
        """The gap to pass: the common conditions NOT_MET and, unless a route is MET, the
        routes' conditions NOT_MET, each with its reason."""
        failed = [r for r in self.conditions if r.outcome is Outcome.NOT_MET]
        if not any(route.outcome is Outcome.MET for route in self.routes):
            failed += (
                r for route in self.routes for r in route.results if r.outcome is Outcome.NOT_MET
            )
        return tuple(failed)

    @property
    def missing_inputs(self) -> tuple[str, ...]:
        """Every missing fact or parameter, once, in condition order."""
        return missing_in(self.all_results())

    def explain(self, lang: Lang = "vi") -> str:
        """A readable account of the answer, condition by condition."""
        who = escape_controls(self.name or self.subject_id)  # text from the input
        lines = [
            f"{who} — {self.award.label(lang)}: {self.outcome.label(lang).upper()}",
            f"  {self.rule_set} · {_instrument_name(self.instrument, lang)}"
            f" · {self.date_role.label(lang)} {format_date(self.on, lang)}",
        ]
        lines += [f"  - {r.explain(lang)}" for r in self.conditions]
        for route in self.routes:
            lines.append(f"  {route.title.render(lang)}: {route.outcome.label(lang)}")
            lines += [f"    - {r.explain(lang)}" for r in route.results]
        lines += [f"  * {note.render(lang)}" for note in self.notes]
        return "\n".join(lines)

    @property
    def _json_date(self) -> _AnswerDate:
        # The date and its role, as the answer's JSON nests them.
        return _AnswerDate(role=self.date_role, value=self.on)


def _instrument_name(number: str, lang: Lang) -> str:

    return get_instrument(number).name(lang)


@attrs.frozen(kw_only=True)
class _AnswerDate:
    """The date of an answer's JSON, with its role: ``{"role": ..., "value": ...}``."""

    role: DateRole
    value: date


def _outcome_follows(answer: Route | Eligibility, data: Mapping[str, Any]) -> None:
    stored = data.get("outcome")
    if stored is not None and stored != answer.outcome.code:
        raise InputError(
            ".outcome",
            stored,
            Msg("does not follow from the results ({code})"),
            params={"code": answer.outcome.code},
        )


def _date_part(key: str, read: Callable[[object], object]) -> Callable[[object], object]:
    """A reader of one key of the answer's ``date`` object."""

    def part(data: object) -> object:
        if not isinstance(data, dict):
            raise InputError("", data, Msg("expected an object"))
        try:
            return read(data.get(key))
        except InputError as error:
            raise InputError(f".{key}", error.value, error.message) from None

    return part


json_form(Route, written=("id", "title", "outcome", "results"), check=_outcome_follows)
json_form(_AnswerDate)
#: An answer's keys before its date: who it is about, the award and the rules.
_ABOUT: Final = ("subject_id", "name", "subject", "award", "rule_set", "instrument")
#: An answer's keys after its date (and, written, its outcome): what it found.
_FOUND: Final = ("conditions", "routes", "notes")
json_form(
    Eligibility,
    written=(*_ABOUT, "_json_date", "outcome", *_FOUND),
    read=(*_ABOUT, "date_role", "on", *_FOUND),
    rename={"_json_date": "date", "date_role": "date", "on": "date"},
    codecs={
        "date_role": (str, _date_part("role", partial(DateRole.from_code, path=""))),
        "on": (date.isoformat, _date_part("value", partial(parse_iso_date, path=""))),
    },
    version=("antq_eligibility", ELIGIBILITY_SCHEMA_VERSION),
    required=_FOUND,
    check=_outcome_follows,
)


# --- catalogue ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ConditionEntry(JsonForm):
    """One award condition of one rule set, for the catalogue (``antq rules``, the docs)."""

    rules: AwardRules[Any]
    condition: Condition[Any]
    role: str

    @property
    def confirmation(self) -> Confirmation:
        """The weakest of the condition's own status and those of the parameters it needs.

        An optional parameter (``required=False``) is read only in an edge case (someone
        disciplined, someone who served in a team): its own status is listed with it, but
        does not lower a rule the sources confirm (addendum-2026-12.md: the KNC 2021
        leader tenure and grassroots category are CONFIRMED).
        """
        return weakest(
            self.condition.confirmation,
            *(p.confirmation for p in self.condition.parameters if p.required),
        )

    def entry(self) -> RuleEntry:
        """The condition as an entry of the one catalogue (:func:`antq.rule_catalogue`)."""
        c, rules = self.condition, self.rules
        return RuleEntry(
            id=c.id,
            family=RuleFamily.AWARD_CONDITION,
            rule_set=rules.id,
            role=self.role,
            instrument=rules.instrument,
            citation=c.citation,
            title=c.title,
            confirmation=self.confirmation,
            own_confirmation=c.confirmation,
            kind=c.kind,
            applies_to=(rules.subject, rules.award),
            valid_from=rules.valid_from,
            valid_to=rules.valid_to,
            inputs=tuple(EntryInput(name=n, judgement=n in c.judgements) for n in c.inputs),
            parameters=tuple(EntryParameter.of(p, rules.parameter_value(p)) for p in c.parameters),
            note=c.note,
            badges=(rules.award, c.kind),
            details={
                "award": rules.award.code,
                "subject": rules.subject.code,
                "date_role": rules.date_role.code,
                "inputs": [{"name": n, "judgement": n in c.judgements} for n in c.inputs],
            },
        )

    def render(self, lang: Lang) -> str:
        """The entry as a few lines of text, like ``antq rules`` prints criteria."""
        return self.entry().render(lang)


#: The keys of a condition's catalogue JSON, taken from its entry's own JSON.
_VIEW_KEYS: Final = (
    "id",
    "rule_set",
    "award",
    "subject",
    "instrument",
    "valid_from",
    "valid_to",
    "date_role",
    *DESCRIPTION_KEYS,
    "inputs",
    "parameters",
)


def _condition_entry(entry: ConditionEntry) -> dict[str, Any]:
    """The entry in the shape of :meth:`antq.CatalogueEntry.to_json`, plus award fields."""
    return entry.entry().json_keys(_VIEW_KEYS)


json_view(ConditionEntry, _condition_entry)


def conditions_catalogue(
    rules: Iterable[AwardRules[Any]], *, as_of: date | None = None
) -> tuple[ConditionEntry, ...]:
    """Every condition of ``rules``, optionally only of the rules that apply on ``as_of``."""
    return tuple(
        ConditionEntry(rules=r, condition=c, role=role)
        for r in rules
        if as_of is None or r.covers(as_of)
        for role, c in r.all_conditions()
    )


# --- reading facts documents -----------------------------------------------------------------


class Fields:
    """Typed reading of one JSON/TOML object, every error naming its path.

    Unknown keys are errors (a misspelt fact must not silently become
    "unknown"); an absent key or ``null`` is an unknown value (None).
    """

    def __init__(self, raw: object, path: str, allowed: Iterable[str]) -> None:
        if not isinstance(raw, dict):
            raise InputError(path, raw, Msg("expected an object"))
        keys = tuple(allowed)
        for key in raw:
            if key not in keys:
                raise InputError(
                    f"{path}.{key}",
                    raw[key],
                    Msg("unknown key; allowed: {allowed}"),
                    params={"allowed": ", ".join(keys)},
                )
        self.raw: dict[str, Any] = raw
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}"

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.raw.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise InputError(self.at(key), value, Msg("expected a non-empty string"))
        return value

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.raw.get(key)
        if value is None and not required:
            return None
        return read_date(value, self.at(key))

    def must_text(self, key: str) -> str:
        value = self.text(key, required=True)
        assert value is not None
        if key == "id":
            check_id(value, self.at(key))
        return value

    def must_day(self, key: str) -> date:
        return read_date(self.raw.get(key), self.at(key))

    def must_code(self, key: str, vocabulary: type[E]) -> E:
        return vocabulary.from_code(self.raw.get(key), path=self.at(key))

    def flag(self, key: str) -> bool | None:
        value = self.raw.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise InputError(self.at(key), value, Msg("expected true, false or null (unknown)"))

    def count(self, key: str, *, required: bool = False) -> int | None:
        value = self.raw.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(self.at(key), value, Msg("expected a whole number >= 0"))
        if value < 0:
            raise InputError(self.at(key), value, Msg("must be >= 0"))
        return value

    def code(self, key: str, vocabulary: type[E], *, default: E | None = None) -> E | None:
        value = self.raw.get(key)
        if value is None:
            return default
        return vocabulary.from_code(value, path=self.at(key))

    def codes(self, key: str, vocabulary: type[E]) -> frozenset[E] | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            raise InputError(self.at(key), value, Msg("expected a list of codes or null (unknown)"))
        return frozenset(
            vocabulary.from_code(v, path=f"{self.at(key)}[{i}]") for i, v in enumerate(value)
        )

    def items(self, key: str) -> list[tuple[str, object]] | None:
        """The entries of a list with their paths, or None when unknown."""
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            raise InputError(self.at(key), value, Msg("expected a list or null (unknown)"))
        return [(f"{self.at(key)}[{i}]", v) for i, v in enumerate(value)]

    def periods(self, key: str) -> tuple[Period, ...] | None:
        """A list of ``{"start": ..., "end": ...}`` (both inclusive), or None when unknown."""
        entries = self.items(key)
        if entries is None:
            return None
        found = []
        for path, raw in entries:
            item = Fields(raw, path, ("start", "end"))
            start, end = item.must_day("start"), item.must_day("end")
            if end < start:
                raise InputError(f"{path}.end", end.isoformat(), Msg("must not be before start"))
            found.append(Period(start=start, end=end))
        return tuple(found)


T = TypeVar("T")


def rooted(path: str, make: Callable[[], T]) -> T:
    """Run ``make``; an entity's error (path ``"ClassName.field"``) is re-rooted at ``path``.

    Errors already under ``path`` (from nested entries) pass unchanged.
    """
    try:
        return make()
    except InputError as error:
        if error.path.startswith(path):
            raise
        _, _, field = error.path.partition(".")
        raise InputError(f"{path}.{field or error.path}", error.value, error.message) from None


def read_date(value: object, path: str) -> date:
    """A calendar date (``2025-04-28``); TOML dates arrive as dates already.

    :func:`antq.core.periods.parse_iso_date`: ISO week dates and compact forms are refused.
    """
    return parse_iso_date(value, path)
