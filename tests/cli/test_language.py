"""The command line in its user's language: help, argparse's messages, the language chosen."""

from __future__ import annotations

import argparse
import io

import pytest

from antq import cli
from antq.cli.language import ARGPARSE_MESSAGES, argparse_language, cli_lang, parser_texts
from antq.i18n.catalog import translate
from antq.i18n.extract import extract


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        (["report", "x", "--lang", "en"], {"LANG": "vi_VN.UTF-8"}, "en"),
        (["report", "x", "--lang=vi"], {"LANG": "en_GB.UTF-8"}, "vi"),
        (["report", "x", "--lang", "fr"], {"LANG": "en_GB.UTF-8"}, "en"),  # argparse refuses fr
        (["report", "x"], {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        (["report", "x"], {"LC_MESSAGES": "en_US.UTF-8", "LANG": "vi_VN"}, "en"),
        (["report", "x"], {"LANG": "C.UTF-8"}, "vi"),
        (["report", "x"], {}, "vi"),
        (["report", "--lang"], {}, "vi"),
    ],
)
def test_the_language_is_that_of_lang_then_the_locale(
    argv: list[str], environ: dict[str, str], lang: str
) -> None:
    assert cli_lang(argv, environ) == lang


def test_every_help_text_of_the_command_line_is_translated() -> None:
    # Fails when a help text is added without its Vietnamese translation (or is not
    # extracted into the catalogues at all).
    texts = list(parser_texts(cli._parser()))
    assert len(texts) > 40
    texts += [m.msgid for m in ARGPARSE_MESSAGES]
    missing = [t for t in texts if translate(t, "vi") == t]
    assert missing == []
    assert all(translate(t, "en") == t for t in texts)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv, out=io.StringIO(), err=io.StringIO())
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out, captured.err


def test_help_and_usage_errors_in_vietnamese_or_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, out, _ = _run(["--help"], capsys)
    assert code == 0 and out.startswith("cách dùng: antq")
    assert "mã thoát:" in out and "hiện hướng dẫn này rồi thoát" in out
    code, out, _ = _run(["report", "--help"], capsys)
    assert "đối số vị trí:" in out and "thể thức văn bản (báo cáo Word và HTML)" in out
    code, _, err = _run(["report"], capsys)
    assert code == 2 and "antq report: lỗi: thiếu các đối số bắt buộc: path" in err
    code, _, err = _run(["report", "x.csv", "--format", "pdf"], capsys)
    assert "lựa chọn không hợp lệ: 'pdf'" in err
    code, _, err = _run(["report", "--lang", "en"], capsys)
    assert "antq report: error: the following arguments are required: path" in err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, _ = _run(["report", "--help"], capsys)
    assert out.startswith("usage: antq report") and "positional arguments:" in out
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # restored


def test_argparse_is_restored_even_after_an_error() -> None:
    original = argparse._  # type: ignore[attr-defined]
    seen = []

    def fail() -> None:
        with argparse_language("vi"):
            seen.append(argparse._("options"))  # type: ignore[attr-defined]
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail()
    assert seen == ["tùy chọn"] and argparse._ is original  # type: ignore[attr-defined]


def test_the_extractor_finds_help_texts_as_well_as_messages() -> None:
    source = (
        b'from antq.i18n.catalog import Msg\n_M = Msg("a message")\n'
        b'EXIT_HELP = "exit codes"\n'
        b'p.add_argument("--x", help="the x")\n'
        b'p.add_argument("--y", help=f"not {constant}")\n'
        b'p.add_parser("go", description="Go.")\n'
        b'other(help="not argparse")\n'
    )
    found = [message for _, _, message, _ in extract(io.BytesIO(source), {"Msg": None}, (), {})]
    assert found == ["a message", "exit codes", "the x", "Go."]
