"""``python -m antq.cli``: the ``antq`` command."""

from antq.cli import main

raise SystemExit(main())
