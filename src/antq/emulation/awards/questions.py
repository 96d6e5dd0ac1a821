"""Award questions: read from an awards document, and answered (``antq awards``, ``POST /awards``).

The document (JSON or TOML) has up to four sections, each a list of questions::

    {
      "antq_awards": 1,
      "knc": [{"id": "P-01", "proposed_on": "2025-05-20", "sex": "female", ...}],
      "ministry_bang_khen": [{"id": "P-02", "considered_on": "2025-11-30", ...}],
      "excellent_collective": [{"id": "T-01", "considered_on": "2025-11-30", ...}],
      "authority": [{"award": "giay_khen", "on": "2025-07-01"}]
    }

Every fact may be absent or ``null`` (not known: the conditions that read it
are UNKNOWN); unknown keys are errors. The keys of each section are listed in
the documentation (``docs/emulation-awards.rst``). Every good question is
read and answered; every bad one is an :class:`~antq.errors.InputError` that
names its path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from antq.emulation.awards import all_award_rules
from antq.emulation.awards.eligibility import AwardRules, Eligibility
from antq.emulation.awards.knc import knc_eligibility, read_knc_request, select_knc_rules
from antq.emulation.awards.law06 import (
    LAW06_ART27,
    LAW06_ART74,
    awarding_authorities,
    excellent_collective_eligibility,
    ministry_bang_khen_eligibility,
    read_authority_request,
    read_bang_khen_request,
    read_collective_request,
)
from antq.errors import AntqError, InputError
from antq.i18n.catalog import Msg
from antq.io.facts import load_document

__all__ = [
    "AWARDS_FORMAT_VERSION",
    "SECTIONS",
    "AwardsDocument",
    "Question",
    "answer_questions",
    "award_parameters",
    "read_awards",
    "read_awards_file",
]

#: Version of the awards facts document layout.
AWARDS_FORMAT_VERSION: Final = 1
#: The sections of an awards document, in the order they are answered.
SECTIONS: Final = ("knc", "ministry_bang_khen", "excellent_collective", "authority")

Parameters = Mapping[str, object]


@attrs.frozen(kw_only=True)
class Question:
    """One question read from a document: where it was, and how to answer it."""

    path: str
    key: str
    answer: Callable[[Parameters], Eligibility] = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class AwardsDocument:
    """The questions read from one document and the problems found in it."""

    questions: tuple[Question, ...]
    errors: tuple[InputError, ...] = ()


def _pinned(rules: AwardRules[Any], params: Parameters) -> AwardRules[Any]:
    known = {p.name for p in rules.parameters()}
    chosen = {k: v for k, v in params.items() if k in known}
    return rules.with_parameters(**chosen) if chosen else rules


def _knc(raw: object, path: str) -> Question:
    candidate, on = read_knc_request(raw, path)
    return Question(
        path=path,
        key=f"knc:{candidate.id}:{on.isoformat()}",
        answer=lambda p: knc_eligibility(candidate, on, rules=_pinned(select_knc_rules(on), p)),
    )


def _bang_khen(raw: object, path: str) -> Question:
    record, on = read_bang_khen_request(raw, path)
    return Question(
        path=path,
        key=f"bang_khen:{record.id}:{on.isoformat()}",
        answer=lambda p: ministry_bang_khen_eligibility(record, on, rules=_pinned(LAW06_ART74, p)),
    )


def _collective(raw: object, path: str) -> Question:
    facts, on = read_collective_request(raw, path)
    return Question(
        path=path,
        key=f"collective:{facts.id}:{on.isoformat()}",
        answer=lambda p: excellent_collective_eligibility(facts, on, rules=_pinned(LAW06_ART27, p)),
    )


def _authority(raw: object, path: str) -> Question:
    award, on = read_authority_request(raw, path)
    return Question(
        path=path,
        key=f"authority:{award.code}:{on.isoformat()}",
        # Art. 80 has no parameters: the decision date chooses the table (before 2024 too).
        answer=lambda p: awarding_authorities(award, on),
    )


_READERS: Final[Mapping[str, Callable[[object, str], Question]]] = {
    "knc": _knc,
    "ministry_bang_khen": _bang_khen,
    "excellent_collective": _collective,
    "authority": _authority,
}


def read_awards(document: object) -> AwardsDocument:
    """Read an already-parsed document; every good question is kept, every error named."""
    if not isinstance(document, dict):
        error = InputError(
            "$", type(document).__name__, Msg("expected an object with award sections")
        )
        return AwardsDocument(questions=(), errors=(error,))
    allowed = ("antq_awards", *SECTIONS)
    errors: list[InputError] = []
    for key in document:
        if key not in allowed:
            errors.append(
                InputError(
                    key,
                    document[key],
                    Msg("unknown top-level key; allowed: {allowed}"),
                    params={"allowed": ", ".join(allowed)},
                )
            )
    version = document.get("antq_awards", AWARDS_FORMAT_VERSION)
    if version != AWARDS_FORMAT_VERSION:
        errors.append(
            InputError(
                "antq_awards",
                version,
                Msg("unsupported format; expected {version}"),
                params={"version": AWARDS_FORMAT_VERSION},
            )
        )
        return AwardsDocument(questions=(), errors=tuple(errors))
    questions: list[Question] = []
    seen: dict[str, str] = {}
    for section in SECTIONS:
        entries = document.get(section, [])
        if not isinstance(entries, list):
            errors.append(InputError(section, entries, Msg("expected a list")))
            continue
        for index, raw in enumerate(entries):
            path = f"{section}[{index}]"
            try:
                question = _READERS[section](raw, path)
            except InputError as error:
                errors.append(error)
                continue
            if question.key in seen:
                errors.append(
                    InputError(
                        path,
                        question.key,
                        Msg("the same question as {first}"),
                        params={"first": seen[question.key]},
                    )
                )
                continue
            seen[question.key] = path
            questions.append(question)
    return AwardsDocument(questions=tuple(questions), errors=tuple(errors))


def read_awards_file(path: str | Path) -> AwardsDocument:
    """Read the questions of a JSON or TOML awards document."""

    return read_awards(load_document(Path(path)))


def award_parameters(pairs: Sequence[str]) -> dict[str, object]:
    """``NAME=VALUE`` pairs, checked against the parameters of the award rules."""
    known = {p.name for rules in all_award_rules() for p in rules.parameters()}
    values: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise InputError("--param", pair, Msg("expected NAME=VALUE"))
        if name not in known:
            raise InputError(
                f"--param {name}",
                value,
                Msg("no award rule has this parameter; known: {known}"),
                params={"known": ", ".join(sorted(known))},
            )
        values[name] = value
    return values


def answer_questions(
    document: AwardsDocument, params: Parameters
) -> tuple[list[Eligibility], list[InputError]]:
    """Answer every question of a read document; returns the answers and every error."""
    errors = list(document.errors)
    answers: list[Eligibility] = []
    for question in document.questions:
        try:
            answers.append(question.answer(params))
        except AntqError as error:
            errors.append(
                error
                if isinstance(error, InputError)
                else InputError(question.path, question.key, str(error))
            )
    return answers, errors
