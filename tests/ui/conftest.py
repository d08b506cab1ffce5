"""Widget tests: every test here is marked ``gui``; the headless platform's noise is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

_HERE = Path(__file__).parent

#: Qt warnings that come from the headless (offscreen) platform plugin, not from our code.
OFFSCREEN_NOISE = (r"This plugin does not support propagateSizeHints\(\)",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


# The demo case file, filled once per session (after the hooks: it imports the services).
from tests.ui.demo_vault import demo, demo_dir, demo_template  # noqa: E402, F401
