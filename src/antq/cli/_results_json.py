"""The JSON text of ``antq score`` and ``antq awards``: their results, errors and notices."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from antq.errors import InputError, Message
from antq.results import error_rows, json_text
from antq.vocabulary import Lang


def results_json(
    head: Mapping[str, Any], errors: Iterable[InputError], lang: Lang, notices: Sequence[Message]
) -> str:
    """``head`` (the version key and the results), the ``errors``, and the ``notices`` in ``lang``.

    ``notices`` (a deprecated document layout) are written only when there are any.
    """
    payload: dict[str, Any] = {**head, "errors": error_rows(errors)}
    if notices:
        payload["notices"] = [n.render(lang) for n in notices]
    return json_text(payload)
