"""Shared checks for the entity classes, and for the awards' candidate records.

Every check raises :class:`~antq.errors.InputError` whose path is
``"ClassName.field"`` (or ``"ClassName.method(arg)"`` for method arguments).
The attrs validators here run after all fields are set; cross-field checks live
in each class's ``__attrs_post_init__``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum

__all__ = [
    "Validator",
    "bool_field",
    "check_count",
    "check_date",
    "check_non_empty_str",
    "check_period",
    "date_field",
    "field_path",
    "fmt_date",
    "id_tuple",
    "member_of",
    "non_empty_str",
    "optional_bool",
    "optional_count",
    "optional_date",
    "optional_non_empty_str",
    "plain_str",
    "within",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def field_path(instance: object, name: str) -> str:
    """The error path of field ``name`` of ``instance``: ``"ClassName.name"``."""
    return f"{type(instance).__name__}.{name}"


def fmt_date(d: dt.date) -> str:
    """A date as dd/mm/yyyy, the order used in Vietnamese legal texts."""
    return f"{d:%d/%m/%Y}"


# --- plain checks, given an explicit path ------------------------------------


def check_date(value: object, path: str) -> dt.date:
    """``value`` must be a :class:`datetime.date` (a ``datetime`` is refused)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(path, value, Msg("must be a datetime.date (not a datetime)"))
    return value


def check_non_empty_str(value: object, path: str) -> str:
    """``value`` must be a string that is not empty or only whitespace."""
    if not isinstance(value, str):
        raise InputError(path, value, Msg("must be a string"))
    if not value.strip():
        raise InputError(path, value, Msg("must not be empty"))
    return value


def check_count(value: object, path: str) -> int:
    """``value`` must be an ``int`` >= 0; ``bool`` is refused."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, value, Msg("must be an int >= 0 (bool is not a count)"))
    if value < 0:
        raise InputError(path, value, Msg("must be >= 0"))
    return value


def check_period(
    instance: object,
    start: dt.date | None,
    end: dt.date | None,
    *,
    start_name: str = "valid_from",
    end_name: str = "valid_to",
) -> None:
    """Inclusive bounds: ``end`` must not be before ``start`` when both are given."""
    if start is not None and end is not None and end < start:
        raise InputError(
            field_path(instance, end_name),
            end,
            Msg("must be on or after {start} ({date})"),
            params={"start": start_name, "date": fmt_date(start)},
        )


def within(start: dt.date | None, end: dt.date | None, d: dt.date) -> bool:
    """Whether ``d`` lies in the inclusive period [start, end]; ``None`` is open-ended."""
    return (start is None or start <= d) and (end is None or d <= end)


# --- attrs validators ---------------------------------------------------------


# The validators below name the field only when the value is wrong: entities are
# made for every unit of a batch, and a valid value needs no error path.


def non_empty_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a non-empty string (ids, names, codes)."""
    if not (isinstance(value, str) and value.strip()):
        check_non_empty_str(value, field_path(instance, attribute.name))


def optional_non_empty_str(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """attrs validator: ``None`` or a non-empty string."""
    if value is not None and not (isinstance(value, str) and value.strip()):
        check_non_empty_str(value, field_path(instance, attribute.name))


def plain_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: any string, empty allowed (free-text descriptions)."""
    if not isinstance(value, str):
        raise InputError(field_path(instance, attribute.name), value, Msg("must be a string"))


def date_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: a :class:`datetime.date`."""
    if type(value) is not dt.date:
        check_date(value, field_path(instance, attribute.name))


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``None`` or a :class:`datetime.date`."""
    if value is not None:
        check_date(value, field_path(instance, attribute.name))


def optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``None`` or an ``int`` >= 0 (not ``bool``)."""
    if value is not None:
        check_count(value, field_path(instance, attribute.name))


def bool_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: exactly ``True`` or ``False`` (``0``/``1`` are refused)."""
    if not isinstance(value, bool):
        raise InputError(field_path(instance, attribute.name), value, Msg("must be True or False"))


def optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``True``, ``False`` or ``None`` (not assessed / unknown)."""
    if value is not None and not isinstance(value, bool):
        raise InputError(
            field_path(instance, attribute.name),
            value,
            Msg("must be True, False or None (None = not assessed)"),
        )


def member_of(enum_cls: type[CodedEnum], *, optional: bool = False) -> Validator:
    """attrs validator factory: a member of ``enum_cls`` (or ``None`` if ``optional``)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, enum_cls):
            message = (
                Msg("must be a {name} member or None; use {name}.from_code() to read a code")
                if optional
                else Msg("must be a {name} member; use {name}.from_code() to read a code")
            )
            raise InputError(
                field_path(instance, attribute.name),
                value,
                message,
                params={"name": enum_cls.__name__},
            )

    return validate


def id_tuple(*, non_empty: bool) -> Validator:
    """attrs validator factory: a tuple of distinct non-empty strings."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        path = field_path(instance, attribute.name)
        if not isinstance(value, tuple):
            raise InputError(path, value, Msg("must be a tuple of strings"))
        if non_empty and not value:
            raise InputError(path, value, Msg("must contain at least one id"))
        seen: set[str] = set()
        for i, item in enumerate(value):
            check_non_empty_str(item, f"{path}[{i}]")
            if item in seen:
                raise InputError(f"{path}[{i}]", item, Msg("duplicate id"))
            seen.add(item)

    return validate
