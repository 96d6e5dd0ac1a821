"""Award questions: read from a document's ``awards`` section, and answered (``antq awards``,
``POST /awards``).

The section (of a JSON or TOML document of :mod:`antq.io.document`) has up
to four lists of questions::

    {
      "antq": 2,
      "awards": {
        "knc": [{"id": "P-01", "proposed_on": "2025-05-20", "sex": "female", ...}],
        "ministry_bang_khen": [{"id": "P-02", "considered_on": "2025-11-30", ...}],
        "excellent_collective": [{"id": "T-01", "considered_on": "2025-11-30", ...}],
        "authority": [{"award": "giay_khen", "on": "2025-07-01"}]
      }
    }

antq 1's ``antq_awards`` document, which held the four lists at its top
level, is still read, with a deprecation notice.

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
from antq.emulation.awards.knc import (
    KNC_KEYS,
    knc_eligibility,
    read_knc_request,
    select_knc_rules,
)
from antq.emulation.awards.law06 import (
    AUTHORITY_KEYS,
    BANG_KHEN_KEYS,
    COLLECTIVE_KEYS,
    LAW06_ART27,
    LAW06_ART74,
    awarding_authorities,
    excellent_collective_eligibility,
    ministry_bang_khen_eligibility,
    read_authority_request,
    read_bang_khen_request,
    read_collective_request,
)
from antq.errors import AntqError, InputError, Message
from antq.i18n.catalog import Msg
from antq.io.document import AWARD_SECTIONS, open_document
from antq.io.facts import load_document

__all__ = [
    "AWARDS_FORMAT_VERSION",
    "QUESTION_KEYS",
    "SECTIONS",
    "AwardsDocument",
    "Question",
    "answer_questions",
    "award_parameters",
    "read_awards",
    "read_awards_file",
]

#: Version of antq 1's awards document layout (``"antq_awards": 1``, deprecated).
AWARDS_FORMAT_VERSION: Final = 1
#: The lists of questions of the ``awards`` section, in the order they are answered.
SECTIONS: Final = AWARD_SECTIONS
#: The keys of a question of each list, as its reader declares them.
QUESTION_KEYS: Final[Mapping[str, tuple[str, ...]]] = {
    "knc": KNC_KEYS,
    "ministry_bang_khen": BANG_KHEN_KEYS,
    "excellent_collective": COLLECTIVE_KEYS,
    "authority": AUTHORITY_KEYS,
}

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
    #: Notices about the document itself: its layout is deprecated (``antq_awards``).
    notices: tuple[Message, ...] = ()


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
    """Read the ``awards`` section of an already-parsed document; every good question is kept.

    The document is one of :mod:`antq.io.document` (``"antq": 2``), or a
    deprecated ``antq_awards`` document (read with a notice). Every error
    names its path.
    """
    opened = open_document(document)
    errors = list(opened.errors)
    if not opened.readable:
        return AwardsDocument(questions=(), errors=tuple(errors), notices=opened.notices)
    try:
        section = opened.section("awards")
    except InputError as error:
        return AwardsDocument(questions=(), errors=(*errors, error), notices=opened.notices)
    questions: list[Question] = []
    seen: dict[str, str] = {}
    if not isinstance(section, dict):
        errors.append(
            InputError(
                opened.path("awards"),
                type(section).__name__,
                Msg("expected an object with award sections"),
            )
        )
        section = {}
    for key in section:
        if key not in SECTIONS:
            errors.append(
                InputError(
                    opened.path("awards", key),
                    section[key],
                    Msg("unknown key; allowed: {allowed}"),
                    params={"allowed": ", ".join(SECTIONS)},
                )
            )
    for name in SECTIONS:
        entries = section.get(name, [])
        if not isinstance(entries, list):
            errors.append(InputError(opened.path("awards", name), entries, Msg("expected a list")))
            continue
        for index, raw in enumerate(entries):
            path = opened.path("awards", f"{name}[{index}]")
            try:
                question = _READERS[name](raw, path)
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
    return AwardsDocument(questions=tuple(questions), errors=tuple(errors), notices=opened.notices)


def read_awards_file(path: str | Path) -> AwardsDocument:
    """Read the questions of the ``awards`` section of a JSON or TOML document."""

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
