"""Fail if a compiled .mo catalogue differs from its .po source, or a message lacks a translation."""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "antq" / "i18n" / "locale"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def problems() -> list[str]:
    found = []
    template = {m.id for m in read_po((LOCALE / "antq.pot").open("rb")) if m.id}
    for lang in ("vi", "en"):
        po = read_po((LOCALE / lang / "LC_MESSAGES" / "antq.po").open("rb"))
        with (LOCALE / lang / "LC_MESSAGES" / "antq.mo").open("rb") as handle:
            mo = gettext.GNUTranslations(handle)
        ids = {m.id for m in po if m.id}
        for missing in sorted(template - ids):
            found.append(
                f"{lang}: not in the catalogue (run scripts/update_catalogs.sh): {missing!r}"
            )
        for message in po:
            if not message.id:
                continue
            if not message.string or message.fuzzy:
                found.append(f"{lang}: untranslated: {message.id!r}")
            elif sorted(PLACEHOLDER.findall(str(message.id))) != sorted(
                PLACEHOLDER.findall(str(message.string))
            ):
                found.append(f"{lang}: placeholders differ: {message.id!r}")
            elif mo.gettext(str(message.id)) != message.string:
                found.append(
                    f"{lang}: .mo is stale (run scripts/update_catalogs.sh): {message.id!r}"
                )
    return found


if __name__ == "__main__":
    issues = problems()
    print("\n".join(issues) or "catalogues complete and compiled")
    sys.exit(1 if issues else 0)
