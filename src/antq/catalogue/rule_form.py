"""Rules as data: the criteria another program can apply without antq.

Each entry of ``antq rules --format json`` (and of ``GET /rules`` of
``antq serve``) for a safe-standard criterion has a key ``rule_form``: the
criterion's test in a small, versioned form (:data:`RULE_FORM_VERSION`, JSON
Schema :func:`rule_form_schema`). A check class states its own form with a
method ``describe()``; a criterion whose check has none, or whose
applicability gate needs antq's code, has the form ``antq_logic``.

Every form is read the same way: when one of its inputs is absent the
criterion is ``unknown``; otherwise the form gives ``met`` or ``not_met``.
Numbers are compared as whole numbers, never in floating point.

* ``boolean``: met when ``input`` is true.
* ``count_zero``: met when ``input`` is 0.
* ``value_at_least``: met when ``input`` ≥ ``minimum``.
* ``share_at_least``: met when ``100 × part ≥ percent × whole``; ``part`` above
  ``whole`` is an input error. ``percent`` is a whole number or
  ``{"parameter": NAME}``, the value of that parameter in the entry's
  ``parameters``. ``if_whole_is_zero`` is ``"error"`` (a zero total is an input
  error) or ``{"parameter": NAME}``: that parameter's value (``not_met`` or
  ``not_applicable``) is the outcome, and ``unknown`` when it has none.
* ``grade_at_least``: met when ``input`` is ``minimum`` or a grade after it on
  ``scale`` (lowest first).
* ``units_share_at_least``: a commune's share of the units under it,
  ``counts`` (``recognised`` or ``registered``) at least ``percent``. In a
  round antq counts them from the units' own verdicts (which units count, and
  the bounds an unknown or lost unit leaves, are antq's logic: ``unknown``
  whenever they could change the answer). A commune none of whose units is in
  the input is judged on the counts it states: ``share_at_least`` of
  ``stated.part`` over ``stated.whole``, a zero whole being an input error.
* ``antq_logic``: the criterion needs antq's code; ``needs`` says why.

>>> from antq.catalogue import criteria_catalogue
>>> rules = [criterion_rule(e.criterion) for e in criteria_catalogue()]
>>> sorted({r["form"] for r in rules})  # doctest: +NORMALIZE_WHITESPACE
['antq_logic', 'boolean', 'count_zero', 'grade_at_least', 'share_at_least',
 'units_share_at_least', 'value_at_least']
"""

from __future__ import annotations

from typing import Any

from antq.core.criterion import Criterion

__all__ = ["RULE_FORM_SCHEMA_ID", "RULE_FORM_VERSION", "criterion_rule", "rule_form_schema"]

#: Version of the rule forms (the key ``antq_rule_form`` of every form).
RULE_FORM_VERSION = 1
#: The ``$id`` of :func:`rule_form_schema`.
RULE_FORM_SCHEMA_ID = "https://antq.invalid/schema/rule-form-v1.json"


def criterion_rule(criterion: Criterion) -> dict[str, Any]:
    """The rule form of ``criterion`` (see the module docstring)."""
    needs: str | None = None
    describe = getattr(criterion.check, "describe", None)
    if describe is None:
        needs = "check"
    elif criterion.applies_when is not None:
        needs = "applicability"
    # A check that describes itself describes every input it reads, optional ones too.
    if needs is not None or describe is None:
        return {"antq_rule_form": RULE_FORM_VERSION, "form": "antq_logic", "needs": needs}
    form: dict[str, Any] = describe()
    return {"antq_rule_form": RULE_FORM_VERSION, **form}


def _form(name: str, properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "additionalProperties": False,
        "required": ["antq_rule_form", "form", *properties],
        "properties": {
            "antq_rule_form": {"const": RULE_FORM_VERSION},
            "form": {"const": name},
            **properties,
        },
    }


_NAME = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
_PARAMETER = {
    "type": "object",
    "additionalProperties": False,
    "required": ["parameter"],
    "properties": {"parameter": _NAME},
    "description": "the value of this parameter, from the entry's 'parameters'",
}


def rule_form_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a rule form (the ``rule_form`` of a catalogue entry)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": RULE_FORM_SCHEMA_ID,
        "title": "antq rule form",
        "description": (
            "A criterion's test as data. When an input it names is absent the outcome is"
            " 'unknown'; otherwise the form gives 'met' or 'not_met'."
        ),
        "oneOf": [
            _form("boolean", {"input": _NAME}, "met when the input is true"),
            _form("count_zero", {"input": _NAME}, "met when the input is 0"),
            _form(
                "value_at_least",
                {"input": _NAME, "minimum": {"type": "integer"}},
                "met when the input is at least 'minimum'",
            ),
            _form(
                "share_at_least",
                {
                    "part": _NAME,
                    "whole": _NAME,
                    "percent": {
                        "oneOf": [{"type": "integer", "minimum": 1, "maximum": 100}, _PARAMETER]
                    },
                    "if_whole_is_zero": {"oneOf": [{"const": "error"}, _PARAMETER]},
                },
                "met when 100 * part >= percent * whole; part above whole is an input error",
            ),
            _form(
                "grade_at_least",
                {
                    "input": _NAME,
                    "minimum": {"type": "string"},
                    "scale": {"type": "array", "items": {"type": "string"}, "minItems": 2},
                },
                "met when the input is 'minimum' or after it on 'scale' (lowest first)",
            ),
            _form(
                "units_share_at_least",
                {
                    "counts": {"enum": ["recognised", "registered"]},
                    "percent": {"type": "integer", "minimum": 1, "maximum": 100},
                    "stated": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["part", "whole"],
                        "properties": {"part": _NAME, "whole": _NAME},
                    },
                },
                "a commune's share of its units: counted by antq from their verdicts in a"
                " round; else share_at_least of the stated counts",
            ),
            _form(
                "antq_logic",
                {"needs": {"enum": ["check", "applicability"]}},
                "the criterion needs antq's code: its check or its applicability gate",
            ),
        ],
    }
