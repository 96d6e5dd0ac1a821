"""attrs validators for the facts of award questions, where None means "not known".

A bad value raises :class:`~antq.errors.InputError` whose path is
``"ClassName.field"`` (``"ClassName.field[i]"`` for an item of a tuple).
"""

from __future__ import annotations

from typing import Any

import attrs

from antq.entities.validators import Validator, field_path
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum

__all__ = ["optional_bool", "optional_count", "set_of", "tuple_of"]


def optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``True``, ``False`` or ``None``."""
    if value is not None and not isinstance(value, bool):
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be True, False or None")
        )


def optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or an ``int`` >= 0 (not ``bool``)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            field_path(instance, attribute.name), value, Msg("must be an int >= 0 or None")
        )


def tuple_of(kind: type) -> Validator:
    """``None`` or a tuple whose every item is a ``kind``."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        path = field_path(instance, attribute.name)
        if not isinstance(value, tuple):
            raise InputError(
                path,
                value,
                Msg("must be a tuple of {type} or None (unknown)"),
                params={"type": kind.__name__},
            )
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InputError(
                    f"{path}[{i}]",
                    item,
                    Msg("must be a {type}"),
                    params={"type": kind.__name__},
                )

    return validate


def set_of(kind: type[CodedEnum]) -> Validator:
    """``None`` or a frozenset of members of ``kind``."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, frozenset) or not all(isinstance(v, kind) for v in value):
            raise InputError(
                field_path(instance, attribute.name),
                value,
                Msg("must be a frozenset of {type} or None"),
                params={"type": kind.__name__},
            )

    return validate
