"""The progress of a long run on standard error, and the line that sums it up.

:class:`ProgressBar` draws one line that it redraws in place and erases at
the end, so nothing of it stays in a log. :class:`RoundProgress` follows
every phase of a round: reading the input (with the share of the bytes read)
while the units are decided, deciding the communes, then writing the output
or building the report; at the end it writes one line that stays, such as
``antq: 148,321 unit(s) and 3,321 commune(s) decided: 90,000 met, ...;
2 lost (could not be read)``.

Both are shown only when standard error is a terminal, unless the command
line asks (``--progress`` / ``--no-progress``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from antq._terminal import TerminalText
from antq.core.outcome import Outcome
from antq.core.reasons import Reason
from antq.core.unit_kinds import UnitKind
from antq.core.verdict import Verdict
from antq.errors import InputError
from antq.i18n import formatting
from antq.i18n.catalog import Msg
from antq.io.batch import ReadProgress
from antq.vocabulary import Lang

__all__ = ["Phase", "ProgressBar", "RoundProgress"]

T = TypeVar("T")

_UNITS_READ = Msg("{count} unit(s) read")
_COMMUNES = Msg("deciding the communes: {done} of {total}")
_WRITING = Msg("writing the output")
_REPORT = Msg("building the report")
_DECIDED = Msg("{units} unit(s) and {communes} commune(s) decided: {summary}")
_LOST = Msg("{count} lost (could not be read)")
_NONE_LOST = Msg("none lost")

#: The width of the bar, in characters.
_WIDTH = 30


class ProgressBar:
    """A one-line progress bar on ``stream``, drawn only when it is a terminal.

    With the bytes read out of the total (``progress``) it shows a bar and a
    percentage; it always shows the number of items. It redraws at most every
    ``interval`` seconds and erases itself at the end, so nothing of it stays
    in a log.
    """

    def __init__(
        self,
        stream: TextIO,
        progress: ReadProgress | None = None,
        *,
        lang: Lang = "vi",
        interval: float = 0.1,
        enabled: bool | None = None,
    ) -> None:
        # The bar is antq's own text: drawn on the stream under any escaping of input text.
        self.stream = stream.stream if isinstance(stream, TerminalText) else stream
        self.progress = progress
        self.lang = lang
        self.interval = interval
        if enabled is None:
            isatty = getattr(stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.count = 0
        self._shown = 0
        self._last = 0.0

    def line(self) -> str:
        """The text of the bar now."""
        units = Reason(template=_UNITS_READ, params={"count": self.count}).render(self.lang)
        progress = self.progress
        if progress is None or not progress.total:
            return f"antq: {units}"
        return f"antq: {_bar(progress.done, progress.total, self.lang)} {units}"

    def draw(self, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        text = self.line()
        self.stream.write("\r" + text + " " * max(self._shown - len(text), 0))
        self.stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        """Pass ``items`` through, counting them and redrawing the bar."""
        try:
            for item in items:
                self.count += 1
                self.draw()
                yield item
        finally:
            self.clear()


def _bar(done: int, total: int, lang: Lang) -> str:
    done = min(done, total)
    filled = _WIDTH * done // total
    percent = formatting.format_percent(done, total, lang).rjust(6)
    return f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {percent}"


class Phase:
    """The phases of a round, in order."""

    READING = "reading"
    COMMUNES = "communes"
    WRITING = "writing"
    REPORT = "report"


class RoundProgress(ProgressBar):
    """The progress of a round through all its phases, then a summary line that stays.

    :meth:`read` passes the items read through, counting units, communes and
    read errors; :meth:`decided` (the round's ``on_verdict``) counts the
    verdicts; :meth:`phase` names what comes after the round; :meth:`finish`
    erases the bar and writes the summary.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        lang: Lang = "vi",
        interval: float = 0.1,
        enabled: bool | None = None,
    ) -> None:
        super().__init__(stream, ReadProgress(), lang=lang, interval=interval, enabled=enabled)
        self.stage = Phase.READING
        self.communes_read = 0
        self.lost = 0
        self.units_decided = 0
        self.communes_decided = 0
        self.outcomes: Counter[Outcome] = Counter()

    def read(self, items: Iterable[T]) -> Iterator[T]:
        """Pass the items of a round through, counting them; the communes' phase follows."""
        if not self.enabled:
            yield from items  # nothing to show: nothing to count
            return
        for item in items:
            if isinstance(item, InputError):
                self.lost += 1
            else:
                self.count += 1
                if getattr(item, "kind", None) is UnitKind.COMMUNE:
                    self.communes_read += 1
            self.draw()
            yield item
        self.phase(Phase.COMMUNES)

    @property
    def on_verdict(self) -> Callable[[Verdict], None] | None:
        """What to give the round as ``on_verdict``: :meth:`decided`, or nothing when hidden."""
        return self.decided if self.enabled else None

    def decided(self, verdict: Verdict) -> None:
        """Count one verdict (pass this as the round's ``on_verdict``)."""
        if verdict.kind is UnitKind.COMMUNE:
            self.communes_decided += 1
        else:
            self.units_decided += 1
        self.outcomes[verdict.outcome] += 1
        self.draw()

    def phase(self, stage: str) -> None:
        """Move on to ``stage`` (a :class:`Phase`), and show it at once."""
        self.stage = stage
        self.draw(force=True)

    def line(self) -> str:
        if self.stage == Phase.READING:
            return super().line()
        if self.stage == Phase.COMMUNES:
            params = {"done": self.communes_decided, "total": self.communes_read}
            text = Reason(template=_COMMUNES, params=params).render(self.lang)
            if self.communes_read:
                return f"antq: {_bar(self.communes_decided, self.communes_read, self.lang)} {text}"
            return f"antq: {text}"
        template = _REPORT if self.stage == Phase.REPORT else _WRITING
        return f"antq: {template.render(self.lang)}"

    def summary(self) -> str:
        """The line that sums up the round: what was decided, and what was lost."""
        lang = self.lang
        counts = ", ".join(
            f"{formatting.format_number(self.outcomes[o], lang)} {o.label(lang)}"
            for o in Outcome
            if self.outcomes[o]
        )
        decided = Reason(
            template=_DECIDED,
            params={
                "units": self.units_decided,
                "communes": self.communes_decided,
                "summary": counts or "-",
            },
        ).render(lang)
        lost = (
            Reason(template=_LOST, params={"count": self.lost}).render(lang)
            if self.lost
            else _NONE_LOST.render(lang)
        )
        return f"antq: {decided}; {lost}"

    def finish(self) -> None:
        """Erase the bar and, when it is shown, write the summary line."""
        self.clear()
        if self.enabled:
            self.stream.write(self.summary() + "\n")
            self.stream.flush()
