"""People taking part in the movement and its forces."""

from __future__ import annotations

import datetime as dt

import attrs

from antq.entities.validators import (
    check_date,
    fmt_date,
    member_of,
    non_empty_str,
    optional_date,
)
from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.vocabulary import CodedEnum

__all__ = ["Person", "Sex"]


class Sex(CodedEnum):
    """Sex (giới tính)."""

    MALE = ("male", "nam", "male")
    FEMALE = ("female", "nữ", "female")


@attrs.frozen(kw_only=True)
class Person:
    """A person (cá nhân), e.g. a member of a Tổ bảo vệ an ninh, trật tự.

    Luật 30/2023/QH15 Art. 13 sets the age condition in full years (từ đủ 18
    đến đủ 70 tuổi); :meth:`age_on` gives the full years on a date. ``sex`` and
    ``birth_date`` are ``None`` when unknown.
    """

    id: str = attrs.field(validator=non_empty_str)
    full_name: str = attrs.field(validator=non_empty_str)
    sex: Sex | None = attrs.field(default=None, validator=member_of(Sex, optional=True))
    birth_date: dt.date | None = attrs.field(default=None, validator=optional_date)

    def age_on(self, d: dt.date) -> int | None:
        """Age in full years on ``d``; ``None`` if the birth date is unknown.

        A birthday is reached on the same day and month. Someone born on 29/02
        turns a year older on 01/03 in a non-leap year (antq's convention; the
        specification does not settle it). A date before the birth date is an
        error.
        """
        check_date(d, "Person.age_on(d)")
        born = self.birth_date
        if born is None:
            return None
        if d < born:
            raise InputError(
                "Person.age_on(d)",
                d,
                Msg("is before birth_date ({date})"),
                params={"date": fmt_date(born)},
            )
        return d.year - born.year - ((d.month, d.day) < (born.month, born.day))
