"""``python -m antq.cli``: the ``antq`` command."""

from antq.cli import main

if __name__ == "__main__":  # not when a tool (pytest's doctests) imports it
    raise SystemExit(main())
