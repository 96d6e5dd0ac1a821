"""Reasons: why a criterion came out as it did, with the numbers, in vi and en.

A :class:`Reason` is a message template plus typed parameters. It is rendered
only when asked, so a batch that needs verdicts alone never formats text.

Parameters are plain ints, strings, booleans and dates, a :class:`Percent`
(an exact ratio of two integers) or a label (:class:`~antq.i18n.catalog.Msg`,
:class:`~antq.i18n.catalog.Text`, or a vocabulary member, rendered in the
reader's language).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache, partial
from typing import ClassVar, TypeAlias

import attrs

from antq._serialise import JsonRoundTrip, json_form, label_json, mapping_codec, unstructure
from antq.core.frozen import FrozenMap
from antq.core.periods import parse_iso_date
from antq.errors import InputError
from antq.i18n import formatting
from antq.i18n.catalog import Label, Msg, label_from_json
from antq.i18n.formatting import Threshold
from antq.vocabulary import LANGS, CodedEnum, Lang, vocabulary_member


def _thresholds(value: Iterable[Threshold]) -> tuple[Threshold, ...]:
    return value if isinstance(value, tuple) else tuple(value)


@attrs.frozen(kw_only=True)
class Percent:
    """An exact ratio ``numerator/denominator`` shown as a percentage.

    ``thresholds`` are those the reason reads it against ("≥ 70%"): the figure is
    written by :func:`~antq.i18n.formatting.format_percent`, never across one of them.
    """

    numerator: int
    denominator: int
    thresholds: tuple[Threshold, ...] = attrs.field(default=(), converter=_thresholds)

    def __attrs_post_init__(self) -> None:
        if self.denominator <= 0:
            raise InputError("Percent.denominator", self.denominator, Msg("must be > 0"))


Param: TypeAlias = int | str | bool | date | Percent | Label | CodedEnum
JsonValue: TypeAlias = "int | str | bool | list[JsonValue] | dict[str, JsonValue] | None"


def _format_param(value: Param, lang: Lang) -> str:
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, int):
        return formatting.format_number(value, lang)
    if isinstance(value, date):
        return formatting.format_date(value, lang)
    if isinstance(value, Percent):
        # Rule P: 69.96% beside "< 70%" is written "69,96%", never "70%".
        return formatting.format_percent(
            value.numerator, value.denominator, lang, thresholds=value.thresholds
        )
    if isinstance(value, CodedEnum):
        return value.label(lang)
    if isinstance(value, str):
        return value
    return value.render(lang)


def _param_to_json(value: Param) -> JsonValue:
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Percent):
        if value.thresholds:
            return {
                "percent": [value.numerator, value.denominator],
                "thresholds": unstructure(value.thresholds),
            }
        return {"percent": [value.numerator, value.denominator]}
    if isinstance(value, CodedEnum):
        return {"vocabulary": value.vocabulary, "code": value.code}
    return dict(label_json(value))


def _param_from_json(data: object, path: str) -> Param:
    if isinstance(data, bool | int | str):
        return data
    if isinstance(data, dict):
        if set(data) == {"date"} and isinstance(data["date"], str):
            return parse_iso_date(data["date"], f"{path}.date")
        if set(data) == {"vocabulary", "code"}:
            return vocabulary_member(data["vocabulary"], data["code"], path=path)
        pct = data.get("percent")
        keys = set(data)
        if keys <= {"percent", "thresholds"} and isinstance(pct, list) and len(pct) == 2:
            n, d = pct
            limits = data.get("thresholds", [])
            if isinstance(n, int) and isinstance(d, int) and isinstance(limits, list):
                read = tuple(
                    Threshold.from_json(t, path=f"{path}.thresholds[{k}]")
                    for k, t in enumerate(limits)
                )
                return Percent(numerator=n, denominator=d, thresholds=read)
        return label_from_json(data, path=path)
    raise InputError(path, data, Msg("not a reason parameter"))


def _frozen_params(params: Mapping[str, Param]) -> Mapping[str, Param]:
    return params if isinstance(params, FrozenMap) else FrozenMap(params)


#: How many rendered reasons are kept (see ``_rendered``).
REASONS_KEPT = 2_048


def _render(reason: Reason, lang: Lang) -> str:
    text = reason.template.render(lang)
    if not reason.params:
        return text
    return text.format_map({k: _format_param(v, lang) for k, v in reason.params.items()})


#: A reason as text, memoised by its template and parameters (by value) and language:
#: a round renders the same reasons ("none in the period ...", "...: yes") for
#: thousands of units. Bounded, least recently used first out.
_rendered = lru_cache(maxsize=REASONS_KEPT)(_render)


def _check_template(text: str, params: Mapping[str, Param], path: str) -> None:
    # A template read from data may only name its own params: no positional or
    # attribute fields, no conversions or format specs (they could raise or
    # allocate without bound when rendered).
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as error:
        raise InputError(
            path, text, Msg("not a valid message template: {error}"), params={"error": str(error)}
        ) from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in params or spec or conversion:
            raise InputError(
                path,
                text,
                Msg("template field {{{name}}} is not one of its parameters"),
                params={"name": name},
            )


# Hashed once per reason: rendered text is memoised by it.
@attrs.frozen(kw_only=True, cache_hash=True)
class Reason(JsonRoundTrip):
    """Why a criterion has its outcome: a template and its parameters.

    >>> from antq.i18n.catalog import Text
    >>> reason = Reason(template=Text(vi="{count} vụ", en="{count} cases"), params={"count": 1064})
    >>> reason.render("vi"), reason.render("en")
    ('1.064 vụ', '1,064 cases')
    """

    json_path: ClassVar[str] = "reason"

    template: Label
    params: Mapping[str, Param] = attrs.field(factory=dict, converter=_frozen_params)

    def render(self, lang: Lang) -> str:
        """The reason as a sentence in ``lang`` (memoised, at most ``REASONS_KEPT`` of them)."""
        if self.memoisable:
            try:
                return _rendered(self, lang)
            except TypeError:
                pass  # a parameter that cannot be hashed (a caller's own label)
        return _render(self, lang)

    @property
    def memoisable(self) -> bool:
        """Whether equal reasons surely render alike, so its text can be memoised.

        Not when a parameter is a boolean: ``True == 1``, but they render "có"
        and "1". (A reason that cannot be hashed is not memoised either.)
        """
        return bool not in map(type, self.params.values())


def _check_templates(reason: Reason, data: dict[str, object]) -> None:
    """A reason read back has its params, and uses only plain ``{name}`` fields of them."""
    if "params" not in data:
        raise InputError(".params", None, Msg("is required"))
    for lang in LANGS:
        _check_template(reason.template.render(lang), reason.params, ".template")


json_form(
    Reason,
    codecs={"params": mapping_codec(partial(_param_from_json, path=""), _param_to_json)},
    check=_check_templates,
    strict=True,
)
