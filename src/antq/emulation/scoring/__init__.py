"""Scoring a unit against a sheet: every item's points and why, the total, the class.

:func:`score` reads a unit's values (:class:`ScoringFacts`) and returns a
:class:`ScoreResult` that explains itself:

* per item, the points given and the maximum, the reason with the numbers (a
  :class:`~antq.Reason` rendered in vi or en on demand), the citation and the
  confirmation status;
* the total, exact (a :class:`~fractions.Fraction`). When information is
  missing the total is unknown but bounded (``low`` – ``high``); when the
  sheet has an ``unconfirmed`` placeholder that no province override has
  filled, there is **no** total at all, and ``blocking`` names the items;
* the class from the sheet's bands, capped by the vetoes that apply, and why;
  a class can be known from the bounds alone when both fall in the same band;
* the points needed for the next class, or why more points cannot help (a
  veto caps the class).

Results round-trip through JSON (:meth:`ScoreResult.to_json`,
:meth:`ScoreResult.from_json`).

The scores document read by :func:`read_scores` (and ``antq score``)::

    {"antq_scores": 1, "sheet": "example.commune",
     "units": [{"id": "X-DONG", "kind": "commune", "year": 2025, "name": "Xã Đông",
                "values": {"registered_q1": true, "areas_total": 9, ...}}]}

``sheet`` is optional; when given it must be the id of the sheet used. Every
value must be one of the sheet's inputs; ``null`` or an absent key means
unknown.
"""

from __future__ import annotations

from antq.emulation.scoring import _results
from antq.emulation.scoring._document import (
    SCORES_FORMAT_VERSION,
    ScoresDocument,
    read_scores,
    read_scores_file,
)
from antq.emulation.scoring._document import UNIT_KEYS as UNIT_KEYS
from antq.emulation.scoring._document import load_scores_document as load_scores_document
from antq.emulation.scoring._engine import check_values as check_values
from antq.emulation.scoring._engine import score, score_many

# The results' names, listed once: in their __all__, which this face's __all__ takes in.
from antq.emulation.scoring._results import *  # noqa: F403

__all__ = [
    "SCORES_FORMAT_VERSION",
    "ScoresDocument",
    "read_scores",
    "read_scores_file",
    "score",
    "score_many",
]
__all__ += _results.__all__
