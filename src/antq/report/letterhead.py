"""The letterhead of a report: who issues it, its number, who signs it and who receives it.

Nghị định 30/2020/NĐ-CP (Phụ lục I) sets the parts of an administrative
document: the issuing body (under its parent body), the national motto, the
number and symbol, the place and date, the title, and at the end the
recipients ("Nơi nhận:") and the signature block. The Word and HTML reports
write them from a :class:`Letterhead`; a part left out is written as a dotted
blank (``……``) for the official to fill in before signing.

A letterhead is given on the command line or in a small TOML file
(``antq report --letterhead FILE``)::

    authority = "UBND TỈNH MẪU"
    issuer = "CÔNG AN TỈNH MẪU"
    number = "125/BC-CAT"
    place = "Mẫu Sơn"
    signer_capacity = "KT. GIÁM ĐỐC"
    signer_title = "PHÓ GIÁM ĐỐC"
    signer_name = "Nguyễn Văn A"
    recipients = ["Bộ Công an (V05)", "UBND tỉnh", "Lưu: VT, PV05"]
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from antq.errors import InputError
from antq.i18n.catalog import Msg
from antq.io.facts import read_text_file

__all__ = ["BLANK", "LETTERHEAD_FIELDS", "Letterhead", "letterhead_from_data", "read_letterhead"]

#: What a part left out is written as.
BLANK = "……"

#: The text fields of a letterhead, in the order of the TOML file.
LETTERHEAD_FIELDS: tuple[str, ...] = (
    "authority",
    "issuer",
    "number",
    "place",
    "signer_capacity",
    "signer_title",
    "signer_name",
)


@attrs.frozen(kw_only=True)
class Letterhead:
    """The parts of an administrative document that antq cannot know (every one optional).

    * ``authority``: the parent body (cơ quan, tổ chức chủ quản), "UBND TỈNH MẪU".
    * ``issuer``: the issuing body, "CÔNG AN TỈNH MẪU".
    * ``number``: the number and symbol, "125/BC-CAT".
    * ``place``: the place name of the date line, "Mẫu Sơn".
    * ``signer_capacity``: "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" (when signing for another).
    * ``signer_title`` and ``signer_name``: "PHÓ GIÁM ĐỐC", "Nguyễn Văn A".
    * ``recipients``: one line each, "Bộ Công an (V05)".
    """

    authority: str | None = None
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    signer_capacity: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    recipients: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    def merged(self, **changes: Any) -> Letterhead:
        """This letterhead with the given parts replaced (a part given as None is kept)."""
        return attrs.evolve(self, **{k: v for k, v in changes.items() if v not in (None, ())})


def letterhead_from_data(data: object, *, path: str = "letterhead") -> Letterhead:
    """A letterhead from TOML or JSON data; a wrong key or type is an :class:`InputError`."""
    if not isinstance(data, Mapping):
        raise InputError(path, data, Msg("expected a table of letterhead fields"))
    known = {*LETTERHEAD_FIELDS, "recipients"}
    for key in data:
        if key not in known:
            raise InputError(
                f"{path}.{key}",
                None,
                Msg("unknown field; expected one of: {known}"),
                params={"known": ", ".join(sorted(known))},
            )
    fields: dict[str, Any] = {}
    for key in LETTERHEAD_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{path}.{key}", value, Msg("expected non-empty text"))
        fields[key] = " ".join(value.split())
    recipients = data.get("recipients", [])
    if not isinstance(recipients, list) or not all(
        isinstance(r, str) and r.strip() for r in recipients
    ):
        raise InputError(f"{path}.recipients", recipients, Msg("expected a list of non-empty text"))
    fields["recipients"] = tuple(" ".join(r.split()) for r in recipients)
    return Letterhead(**fields)


def read_letterhead(path: str | Path) -> Letterhead:
    """The letterhead of a TOML file (see the module's documentation)."""

    file = Path(path)
    try:
        text = read_text_file(file)  # UTF-8, with or without a byte-order mark
    except OSError as error:
        raise InputError(
            str(file),
            None,
            Msg("cannot read the letterhead: {reason}"),
            params={"reason": str(error.strerror)},
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(
            str(file), None, Msg("not a TOML file: {error}"), params={"error": str(error)}
        ) from None
    return letterhead_from_data(data, path=str(file))
