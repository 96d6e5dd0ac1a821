"""The top level of a document: its layout (current or one of antq 1's), keys and sections."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from antq.errors import InputError, Message
from antq.i18n.catalog import Msg

#: The key that names the layout, and its version.
VERSION_KEY: Final = "antq"
DOCUMENT_FORMAT_VERSION: Final = 2
#: The sections of a document, each read by its commands.
SECTIONS: Final = ("units", "scores", "awards", "teams")
#: The lists of award questions, in the order they are answered.
AWARD_SECTIONS: Final = ("knc", "ministry_bang_khen", "excellent_collective", "authority")
_CURRENT_KEYS: Final = (VERSION_KEY, *SECTIONS)


@attrs.frozen(kw_only=True)
class OldLayout:
    """One of antq 1's three documents: its version key and the section it holds."""

    key: str
    section: str
    #: Its top-level keys: the version key and the section's own keys.
    keys: tuple[str, ...]
    #: The message of a version other than 1, as antq 1 wrote it.
    unsupported: Msg

    def notice(self) -> Message:
        """The deprecation notice of a document in this layout."""
        return Message(
            Msg(
                "the '{key}' document is deprecated: antq still reads it, but a later version"
                " will not; write one document with \"antq\": 2 and the section '{section}'"
                " (see 'antq schema')"
            ),
            {"key": self.key, "section": self.section},
        )


#: antq 1's documents, by their version key. An awards document could omit its
#: version: a top-level list of award questions names the layout too.
OLD_LAYOUTS: Final[Mapping[str, OldLayout]] = {
    "antq_facts": OldLayout(
        key="antq_facts",
        section="units",
        keys=("antq_facts", "units"),
        unsupported=Msg("unsupported facts format; expected {version}"),
    ),
    "antq_scores": OldLayout(
        key="antq_scores",
        section="scores",
        keys=("antq_scores", "sheet", "units"),
        unsupported=Msg("expected {version}"),
    ),
    "antq_awards": OldLayout(
        key="antq_awards",
        section="awards",
        keys=("antq_awards", *AWARD_SECTIONS),
        unsupported=Msg("unsupported format; expected {version}"),
    ),
}


def _layout_of(key: str) -> OldLayout | bool | None:
    """The layout that the top-level ``key`` names: an old one, None (the current), False (none)."""
    if key == VERSION_KEY:
        return None
    if key in AWARD_SECTIONS:
        return OLD_LAYOUTS["antq_awards"]
    return OLD_LAYOUTS.get(key, False)


class TopLevelKeys:
    """The top-level keys of a document, checked one at a time in the order they come.

    A streaming reader meets them so; a document read whole is checked the same
    way, so both give the same errors. The layout is the current one until a
    key names an old one (``antq_facts``...); keys met before that are checked
    again against it. ``source`` (a file name) goes before every path.
    """

    def __init__(self, source: str | None = None) -> None:
        self.source = source
        self.layout: OldLayout | None = None
        self.decided = False
        self.seen: list[tuple[str, object]] = []
        self.notices: list[Message] = []
        #: False once the version is one antq does not read: nothing should be read then.
        self.readable = True

    def where(self, path: str) -> str:
        return f"{self.source}:{path}" if self.source else path

    def allowed(self) -> tuple[str, ...]:
        return _CURRENT_KEYS if self.layout is None else self.layout.keys

    def add(self, key: str, value: object) -> list[InputError]:
        """The errors of the top-level ``key`` holding ``value`` (empty when it is good)."""
        errors: list[InputError] = []
        named = _layout_of(key)
        recheck: list[tuple[str, object]] = []
        if named is not False and not self.decided:
            self.decided = True
            if isinstance(named, OldLayout):
                self.layout = named
                notice = named.notice()
                if self.source:
                    notice = Message(
                        Msg("{source}: {notice}"), {"source": self.source, "notice": notice}
                    )
                self.notices.append(notice)
                recheck = self.seen
        self.seen.append((key, value))
        for seen_key, seen_value in [*recheck, (key, value)]:
            if seen_key not in self.allowed():
                errors.append(
                    InputError(
                        self.where(seen_key or '""'),
                        seen_value,
                        Msg("unknown top-level key; allowed: {allowed}"),
                        params={"allowed": ", ".join(self.allowed())},
                    )
                )
        if key == VERSION_KEY or (self.layout is not None and key == self.layout.key):
            error = self._version(key, value)
            if error is not None:
                self.readable = False
                errors.append(error)
        return errors

    def _version(self, key: str, value: object) -> InputError | None:
        expected = DOCUMENT_FORMAT_VERSION if key == VERSION_KEY else 1
        if not isinstance(value, bool) and isinstance(value, int) and value == expected:
            return None
        message = (
            Msg("unsupported document format; expected {version}")
            if self.layout is None
            else self.layout.unsupported
        )
        return InputError(self.where(key), value, message, params={"version": expected})

    def section_path(self, section: str, path: str = "") -> str:
        """The path of ``path`` inside ``section``: an old document holds the section whole."""
        if self.layout is not None and self.layout.section == section:
            return path
        return f"{section}.{path}" if path else section

    def lacks(self, section: str) -> bool:
        """Whether the layout, decided by the keys so far, cannot hold ``section``.

        An old document holds its one section only: the ``units`` of an
        ``antq_scores`` document are units to score, not to evaluate.
        """
        return self.layout is not None and self.layout.section != section

    def missing(self, section: str) -> InputError:
        """The error of a document without ``section``, naming what it has."""
        present = [k for k, _ in self.seen if k in SECTIONS]
        if self.layout is not None:
            # An old scores or awards document is that section, whatever it holds.
            held = self.layout.section != "units" or any(k == "units" for k, _ in self.seen)
            present = [self.layout.section] if held else []
        return InputError(
            self.where(section),
            None,
            Msg(
                "the document has no '{section}' section, which this command reads; it has: {present}"
            ),
            params={"section": section, "present": ", ".join(present) or "-"},
        )
