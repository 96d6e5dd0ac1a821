"""Batch commands tune the garbage collector and give its settings back (issue 16)."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest

from antq.cli import main
from antq.cli._gc import BATCH_THRESHOLD, batch_collection

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "commune-2025.json"


def test_inside_a_batch_the_collector_runs_less_often_and_skips_what_was_frozen() -> None:
    saved = gc.get_threshold()
    with batch_collection():
        assert gc.get_threshold() == (BATCH_THRESHOLD, *saved[1:])
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == saved
    assert gc.get_freeze_count() == 0


def test_the_settings_come_back_when_the_batch_fails() -> None:
    saved = gc.get_threshold()
    with pytest.raises(ZeroDivisionError), batch_collection():
        1 / 0  # noqa: B018
    assert gc.get_threshold() == saved
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("command", ["evaluate", "report"])
def test_a_command_run_in_process_leaves_the_collector_as_it_was(command: str) -> None:
    saved = gc.get_threshold()
    out, err = io.StringIO(), io.StringIO()
    assert main([command, str(EXAMPLE), "--no-progress"], out=out, err=err) == 0
    assert gc.get_threshold() == saved
    assert gc.get_freeze_count() == 0
