"""The garbage collector tuned for a batch command: :func:`batch_collection`.

A round allocates millions of short-lived objects (cells, facts, verdicts) and
keeps a few long-lived ones (rule sets, the report's counters, the annex's
verdicts). With the default thresholds the cyclic collector runs every 700
allocations and its older generations re-walk everything kept, again and
again, though almost nothing a round makes is part of a cycle (reference
counting frees it). A batch command therefore freezes what start-up made (the
collector no longer walks it) and collects its youngest generation less often;
both are restored when the command ends, so a program that runs it in process
(the tests, a notebook) gets its own settings back.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["BATCH_THRESHOLD", "batch_collection", "settled"]

#: Allocations between two collections of the youngest generation in a batch command
#: (Python's default is 700).
BATCH_THRESHOLD = 50_000


@contextmanager
def batch_collection(threshold: int = BATCH_THRESHOLD) -> Iterator[None]:
    """Freeze the objects made so far and collect less often until the block ends."""
    saved = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(threshold, *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)
        gc.unfreeze()


def settled() -> None:
    """Freeze what the command has made so far too (its rule book): it lives to the end."""
    gc.freeze()
