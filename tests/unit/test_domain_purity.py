"""The domain package loads no database, Qt or PDF library, not even indirectly."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import asd_desktop.domain

FORBIDDEN = ("sqlalchemy", "sqlcipher3", "alembic", "PySide6", "shiboken6", "reportlab")


def test_the_domain_modules_are_all_checked():
    names = {m.name for m in pkgutil.iter_modules(asd_desktop.domain.__path__)}
    assert {"enums", "goal_checker", "vectors", "guided", "familienrat"} <= names


def test_importing_the_domain_loads_no_database_qt_or_reportlab():
    # A fresh interpreter: this test process has loaded all of them already.
    code = (
        "import importlib, json, pkgutil, sys\n"
        "import asd_desktop.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module(f'asd_desktop.domain.{m.name}')\n"
        "print(json.dumps(sorted({n.split('.')[0] for n in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    loaded = set(json.loads(done.stdout))
    assert "asd_desktop" in loaded
    assert loaded.isdisjoint(FORBIDDEN), sorted(loaded & set(FORBIDDEN))
