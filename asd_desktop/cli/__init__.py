"""The command line (``asd-desktop …``): one module per command group.

``common`` holds what every command shares (exit codes, reading secret files,
options, opening the vault); ``app`` builds the parser and dispatches; the
command modules (``vault``, ``demo``, ``documents``, ``sync``, ``goals``,
``calendar``) do not
import each other.
"""

from asd_desktop.cli.app import build_parser, main
from asd_desktop.cli.common import EXIT_ERROR, EXIT_FAILED, EXIT_OK

__all__ = ["EXIT_ERROR", "EXIT_FAILED", "EXIT_OK", "build_parser", "main"]
