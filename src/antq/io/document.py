"""The one input document: units, scores and award questions in one JSON or TOML file.

::

    {
      "antq": 2,
      "units": [{"id": "KDC-01", "kind": "residential_area", "year": 2025, "facts": {...}}],
      "scores": {"sheet": "qd510.agency", "units": [{"id": "CQ-01", ..., "values": {...}}]},
      "awards": {"knc": [...], "ministry_bang_khen": [...],
                 "excellent_collective": [...], "authority": [...]}
    }

Every section is optional; each command reads its own (``antq evaluate`` and
``antq report`` the units, ``antq score`` the scores, ``antq awards`` the
award questions) and says so when the document has not got it. ``"antq": 2``
names the layout: it follows ``"antq_facts": 1``, whose units it keeps as
they were. The three documents of antq 1 (``antq_facts``, ``antq_scores``,
``antq_awards``) are still read, each with a deprecation notice
(:attr:`InputDocument.notices`); their paths are those they always had.

Files are read by :func:`read_document` and nothing else: at most
``antq.io.facts.MAX_DOCUMENT_BYTES`` bytes, UTF-8 only (UTF-16, NUL bytes
and workbooks are named as such), and a key given twice in one object is an
error naming its whole path.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from antq.errors import InputError, Message
from antq.i18n.catalog import Msg
from antq.io._layout import (
    AWARD_SECTIONS,
    DOCUMENT_FORMAT_VERSION,
    OLD_LAYOUTS,
    SECTIONS,
    VERSION_KEY,
    OldLayout,
    TopLevelKeys,
)
from antq.io.facts import load_document

__all__ = [
    "AWARD_SECTIONS",
    "DOCUMENT_FORMAT_VERSION",
    "OLD_LAYOUTS",
    "SECTIONS",
    "VERSION_KEY",
    "InputDocument",
    "OldLayout",
    "TopLevelKeys",
    "open_document",
    "read_document",
]


@attrs.frozen(kw_only=True)
class InputDocument:
    """A document read and checked at its top level; its sections are still raw.

    ``errors`` are the problems of the top level (an unknown key, a version
    antq does not read); ``notices`` say when the layout is deprecated.
    """

    source: str | None
    sections: Mapping[str, object]
    errors: tuple[InputError, ...] = ()
    notices: tuple[Message, ...] = ()
    #: False when the document's version is one antq does not read.
    readable: bool = True
    #: The old layout the document is written in, None for the current one.
    layout: OldLayout | None = None
    _keys: TopLevelKeys = attrs.field(alias="keys", eq=False, repr=False)

    def has(self, section: str) -> bool:
        """Whether the document has ``section``."""
        return section in self.sections

    def section(self, section: str) -> object:
        """The raw content of ``section``; its absence is an :class:`InputError` saying so."""
        if section not in self.sections:
            raise self._keys.missing(section)
        return self.sections[section]

    def path(self, section: str, path: str = "") -> str:
        """The path, in the document, of ``path`` inside ``section`` (for error messages)."""
        return self._keys.section_path(section, path)


def open_document(document: object, source: str | None = None) -> InputDocument:
    """Check an already-parsed document at its top level and find its sections.

    ``source`` names the document in its errors (a file name; none by default).
    """
    keys = TopLevelKeys(source)
    if not isinstance(document, dict):
        error = InputError(
            keys.where("$"),
            type(document).__name__,
            Msg("expected an object with sections ({sections})"),
            params={"sections": ", ".join(SECTIONS)},
        )
        return InputDocument(source=source, sections={}, errors=(error,), readable=False, keys=keys)
    errors: list[InputError] = []
    for key, value in document.items():
        errors += keys.add(key, value)
    sections: dict[str, object] = {}
    layout = keys.layout
    if layout is None:
        sections = {k: document[k] for k in SECTIONS if k in document}
    elif layout.section == "units":
        if "units" in document:
            sections["units"] = document["units"]
    else:
        # The old document is its section, without its version key (and unknown keys).
        own = layout.keys[1:]
        sections[layout.section] = {k: v for k, v in document.items() if k in own}
    return InputDocument(
        source=source,
        sections=sections,
        errors=tuple(errors),
        notices=tuple(keys.notices),
        readable=keys.readable,
        layout=layout,
        keys=keys,
    )


def read_document(path: str | Path) -> InputDocument:
    """Read a ``.json`` or ``.toml`` document (through ``antq.io.facts.load_document``, the one loader).

    What cannot be read exactly (a file too large, text that is not UTF-8, a
    key given twice, malformed JSON or TOML) is an :class:`InputError`
    naming the file; the top level's problems are in
    :attr:`InputDocument.errors`, without the file name (as every path of the
    document).
    """
    return open_document(load_document(Path(path)))
