"""The ``antq awards FACTS`` command: award eligibility answers for a facts document.

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
the documentation (``docs/emulation-awards.rst``).

Exit codes are those of ``antq evaluate``: 0 when every question was read and
answered, 3 when the file could not be read or some questions had errors (the
others are still answered and printed), 2 for a bad command line (from
argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TextIO, cast

import attrs

from antq._terminal import TerminalText
from antq.core.outcome import Outcome
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
from antq.i18n.cli import cli_lang, error_line, messages_lang
from antq.vocabulary import Lang

__all__ = [
    "AWARDS_FORMAT_VERSION",
    "SECTIONS",
    "AwardsDocument",
    "Question",
    "answer_questions",
    "award_parameters",
    "awards_json",
    "main",
    "read_awards",
    "read_awards_file",
    "register",
    "run",
]

#: Version of the awards facts document layout.
AWARDS_FORMAT_VERSION: Final = 1
#: Version of the JSON output layout.
RESULTS_FORMAT_VERSION: Final = 1
#: The sections of an awards document, in the order they are answered.
SECTIONS: Final = ("knc", "ministry_bang_khen", "excellent_collective", "authority")

# The exit codes of antq.cli, repeated here so that this module does not import the CLI.
EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3

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
    from antq.io.facts import load_document

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


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``awards`` to the subcommands of the ``antq`` parser; returns its parser.

    The parser's default ``handler`` is :func:`run`:
    ``args.handler(args, out, err)`` answers the command and returns the exit code.
    """
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "awards",
        help="award eligibility: the Kỷ niệm chương and Law 06/2022 standards",
        description=(
            "Answer the award questions of a JSON or TOML document: Kỷ niệm chương"
            " 'Bảo vệ an ninh Tổ quốc', Tập thể lao động xuất sắc, the Bằng khen standard of"
            " Article 74(1)(d) and who may award a form."
        ),
    )
    parser.add_argument("file", type=Path, help="the awards document (.json or .toml)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="supply a parameter the law leaves open (repeatable), e.g. knc25_commendation_level=any",
    )
    parser.set_defaults(handler=run)
    return parser


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


def awards_json(answers: Sequence[Eligibility], errors: Sequence[InputError], lang: Lang) -> str:
    """The text of ``antq awards --format json``."""
    from antq.results import error_rows, json_text

    payload: dict[str, Any] = {
        "antq_awards_results": RESULTS_FORMAT_VERSION,
        "answers": [a.to_json(texts=(lang,)) for a in answers],
        "errors": error_rows(errors),
    }
    return json_text(payload)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Answer every question of ``args.file``; returns the exit code (0 or 3)."""
    lang: Lang = args.lang
    if args.format == "text":
        out = cast(TextIO, TerminalText(out))
    params = award_parameters(args.param)
    answers, errors = answer_questions(read_awards_file(args.file), params)
    if args.format == "json":
        out.write(awards_json(answers, errors, lang))
    else:
        for answer in answers:
            out.write(answer.explain(lang) + "\n\n")
        tally = Counter(a.outcome for a in answers)
        summary = ", ".join(f"{tally[o]} {o.label(lang)}" for o in Outcome if tally[o])
        out.write(
            Msg("{count} award question(s) answered: {summary}")
            .render(lang)
            .format(count=len(answers), summary=summary or "-")
            + "\n"
        )
    for problem in errors:
        err.write(error_line(problem, messages_lang(args)))
    return EXIT_INPUT if errors else EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``antq awards`` on its own (``argv`` without the word ``awards``)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = argparse.ArgumentParser(prog="antq")
    commands = parser.add_subparsers(dest="command", required=True)
    register(commands)
    argv = argv if argv is not None else sys.argv[1:]
    args = parser.parse_args(["awards", *argv])
    args.messages_lang = cli_lang(argv, os.environ)  # errors: --lang, else the locale
    try:
        code: int = args.handler(args, out, err)
    except AntqError as error:
        err.write(error_line(error, messages_lang(args)))
        return EXIT_INPUT
    except OSError as error:
        err.write(f"antq: {error}\n")
        return EXIT_INPUT
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
