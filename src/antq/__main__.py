"""``python -m antq``: the ``antq`` command."""

from antq.cli import main

raise SystemExit(main())
