"""Deprecated: the command line's language is :mod:`antq.cli.language`."""

from antq._moved import moved

__getattr__ = moved(
    __name__,
    dict.fromkeys(
        (
            "ARGPARSE_MESSAGES",
            "argparse_language",
            "cli_lang",
            "error_line",
            "localise_parser",
            "messages_lang",
            "parser_texts",
        ),
        "antq.cli.language",
    ),
)
