"""Entry point for ``python -m asd_desktop``."""

from asd_desktop.cli import main

raise SystemExit(main())
