"""The command line in its user's language: help text, argparse's own messages, progress text.

The language is that of ``--lang`` when the command line has it, else that of
the environment's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: "vi_VN.UTF-8"
is Vietnamese, "en_GB.UTF-8" English), else Vietnamese, antq's language.

:func:`localise_parser` translates the help of a parser and of its
sub-commands (their texts are extracted into the catalogues by
:mod:`antq.i18n.extract`); :func:`argparse_language` makes argparse write
its own words ("usage:", "error:", "the following arguments are required")
in the language too. The errors of the input are printed in it as well
(:func:`error_line`): :func:`antq.cli.main` notes it as ``args.messages_lang``
(:func:`messages_lang`).

>>> cli_lang(["report", "x.csv", "--lang", "en"], {})
'en'
>>> cli_lang(["report", "x.csv"], {"LANG": "en_US.UTF-8"})
'en'
>>> cli_lang(["report", "x.csv"], {"LANG": "C.UTF-8"})
'vi'
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TextIO

from antq.i18n.catalog import Msg, translate
from antq.vocabulary import LANGS, Lang

__all__ = [
    "ARGPARSE_MESSAGES",
    "argparse_language",
    "cli_lang",
    "error_line",
    "localise_parser",
    "messages_lang",
    "parser_texts",
    "write_errors",
    "write_notices",
]

#: argparse's own messages that people see, so that they are in antq's catalogues.
ARGPARSE_MESSAGES: tuple[Msg, ...] = (
    Msg("usage: "),
    Msg("positional arguments"),
    Msg("options"),
    Msg("show this help message and exit"),
    Msg("show program's version number and exit"),
    Msg("%(prog)s: error: %(message)s\n"),
    Msg("the following arguments are required: %s"),
    Msg("invalid choice: %(value)r (choose from %(choices)s)"),
    Msg("argument %(argument_name)s: %(message)s"),
    Msg("unrecognized arguments: %s"),
    Msg("expected one argument"),
    Msg("expected at least one argument"),
    Msg("expected at most one argument"),
    Msg("invalid %(type)s value: %(value)r"),
    Msg("ambiguous option: %(option)s could match %(matches)s"),
    Msg("one of the arguments %s is required"),
    Msg("not allowed with argument %s"),
    Msg("ignored explicit argument %r"),
    Msg("can't open '%(filename)s': %(error)s"),
)


def cli_lang(argv: Sequence[str] | None, environ: Mapping[str, str]) -> Lang:
    """The language of the command line: ``--lang``, else the locale's, else Vietnamese."""
    chosen: str | None = None
    args = list(argv or ())
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value[:2].lower()
            return "en" if code == "en" else "vi"
    return "vi"


def messages_lang(args: argparse.Namespace) -> Lang:
    """The language of the messages of a parsed command: that of its help.

    The command line's ``main`` notes it as ``args.messages_lang`` (``--lang``,
    else the locale: :func:`cli_lang`); a command's handler called with
    arguments parsed elsewhere writes its messages in the locale's language.
    """
    lang = getattr(args, "messages_lang", None)
    if lang in LANGS:
        return "en" if lang == "en" else "vi"
    return cli_lang(None, os.environ)


def error_line(error: BaseException, lang: Lang) -> str:
    """The line ``antq: ...`` that reports ``error`` on standard error, in ``lang``.

    antq's own errors are written in ``lang`` (:meth:`antq.errors.AntqError.render`);
    others, such as an ``OSError``, as Python words them.
    """
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.errors import AntqError

    text = error.render(lang) if isinstance(error, AntqError) else str(error)
    return f"antq: {text}\n"


def write_errors(errors: Iterable[BaseException], args: argparse.Namespace, err: TextIO) -> None:
    """Write each of ``errors`` on its own ``antq: ...`` line, in the language of ``args``."""
    lang = messages_lang(args)
    for error in errors:
        err.write(error_line(error, lang))


def write_notices(notices: Iterable[object], args: argparse.Namespace, err: TextIO) -> None:
    """Write each of ``notices`` (a deprecated input layout...) on an ``antq: notice: ...`` line.

    A notice is no error: the command's exit code does not change.
    """
    # Imported when the command runs, so that the parser alone starts fast.
    from antq.errors import render_text

    lang = messages_lang(args)
    for notice in notices:
        text = _NOTICE.render(lang).format(notice=render_text(notice, lang))
        err.write(f"antq: {text}\n")


_NOTICE = Msg("notice: {notice}")


def parser_texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every piece of help text of ``parser`` and its sub-commands, once."""
    seen: set[int] = set()

    def walk(p: argparse.ArgumentParser) -> Iterator[str]:
        if id(p) in seen:
            return
        seen.add(id(p))
        for text in (p.description, p.epilog):
            if text:
                yield text
        for group in p._action_groups:
            if group.title:
                yield group.title
            if group.description:
                yield group.description
        for action in p._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                yield action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        yield choice.help
                for sub in action.choices.values():
                    yield from walk(sub)

    yield from walk(parser)


def localise_parser(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Translate the help of ``parser`` and of its sub-commands into ``lang``, in place."""
    seen: set[int] = set()

    def tr(text: str | None) -> str | None:
        return None if text is None else translate(text, lang)

    def walk(p: argparse.ArgumentParser) -> None:
        if id(p) in seen:
            return
        seen.add(id(p))
        p.description, p.epilog = tr(p.description), tr(p.epilog)
        for group in p._action_groups:
            group.title, group.description = tr(group.title), tr(group.description)
        for action in p._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = tr(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = tr(choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)


@contextlib.contextmanager
def argparse_language(lang: Lang) -> Iterator[None]:
    """argparse writes its own messages in ``lang`` while this is open."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: translate(text, lang)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]
