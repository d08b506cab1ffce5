"""Entry point of the built program (PyInstaller): the same as the ``asd-desktop`` command."""

from asd_desktop.cli import main

raise SystemExit(main())
