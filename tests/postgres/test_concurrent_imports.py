"""Two office workstations import bundles into one PostgreSQL hub at the same moment.

Each workstation is its own process with its own data folder (a copy of the office
vault), as in an office. The result must equal a serial run on a copy of the hub made
before: nothing lost, no bundle merged twice, the acknowledgements the same.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from asd_desktop.models import ActionGoal, Person
from asd_desktop.models.sync import ImportedBundle, SyncDevice
from asd_desktop.services import vault
from asd_desktop.storage import server
from tests.conftest import PASSPHRASE
from tests.pg import Cluster
from tests.sync.trio import Trio


def _workstation(trio: Trio, root: Path, name: str) -> Path:
    """A workstation's data folder: only the office vault, copied by the administrator."""
    folder = root / name
    folder.mkdir(parents=True)
    shutil.copy2(trio.o.ov.data_dir / "vault.json", folder / "vault.json")
    return folder


def _start_import(url: str, folder: Path, bundle: Path, pw: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "asd_desktop",
            "--database-url",
            url,
            "bundle",
            "import",
            str(bundle),
            "--data-dir",
            str(folder),
            "--passphrase-file",
            str(pw),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _together(*procs: subprocess.Popen[str]) -> list[str]:
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs.append(out)
    return outputs


def _state(url: str, folder: Path) -> tuple[list[str], dict[str, Any]]:
    server.use_server(folder, url)
    ov = vault.unlock_vault(folder, PASSPHRASE)
    try:
        with ov.database.session_factory() as s:
            book = {
                "bundles": s.scalar(select(func.count()).select_from(ImportedBundle)),
                "acked": {d.name: dict(d.acked) for d in s.scalars(select(SyncDevice))},
            }
        return ov.sync.dump(), book
    finally:
        ov.close()
        server.use_server(folder, None)


@pytest.mark.parametrize("hub_backend", ["postgresql"], indirect=True)
def test_two_workstations_importing_at_once_equal_a_serial_run(
    trio: Trio, tmp_path: Path, pg_cluster: Cluster
) -> None:
    goals = trio.o.first_goal_ids(3)
    with trio.o.ov.database.session_factory() as s:
        people = list(
            s.scalars(select(Person.id).where(Person.deleted.is_(False)).order_by(Person.id))
        )
    assert len(goals) == 3
    assert len(people) >= 10
    trio.a.edit(ActionGoal, goals[0], text="A 0")
    trio.a.edit(ActionGoal, goals[1], text="A 1")
    trio.b.edit(ActionGoal, goals[1], text="B 1")  # a conflict
    trio.b.edit(ActionGoal, goals[2], text="B 2")
    for n, person in enumerate(people[:5]):
        trio.a.edit(Person, person, first_name=f"Anna{n}")
    for n, person in enumerate(people[5:10]):
        trio.b.edit(Person, person, first_name=f"Bea{n}")
    bundle_a = trio.export(trio.a, trio.o)
    bundle_b = trio.export(trio.b, trio.o)
    trio.a.edit(ActionGoal, goals[0], text="A noch einmal")
    bundle_a2 = trio.export(trio.a, trio.o)
    url = server.server_for(trio.o.ov.data_dir)
    assert url is not None
    ws1, ws2, ws3 = (_workstation(trio, tmp_path / "ws", n) for n in ("1", "2", "3"))
    trio.o.ov.close()  # the hub's database may be copied only without connections
    serial_db = pg_cluster.create_database(template=str(make_url(url).database), prefix="serial")
    serial_url = pg_cluster.url(serial_db)
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")

    # Different bundles from two workstations at once, then the same bundle from both.
    first = _together(_start_import(url, ws1, bundle_a, pw), _start_import(url, ws2, bundle_b, pw))
    assert all("bereits eingelesen" not in out for out in first)
    second = _together(
        _start_import(url, ws1, bundle_a2, pw), _start_import(url, ws2, bundle_a2, pw)
    )
    assert sum("bereits eingelesen" in out for out in second) == 1

    for bundle in (bundle_a, bundle_b, bundle_a2):
        _together(_start_import(serial_url, ws3, bundle, pw))

    concurrent_dump, concurrent_book = _state(url, ws1)
    serial_dump, serial_book = _state(serial_url, ws3)
    assert concurrent_book == serial_book
    assert concurrent_book["bundles"] == 3
    assert concurrent_dump == serial_dump
    values = {
        json.loads(line)["data"].get(field)
        for line in concurrent_dump
        for field in ("text", "first_name")
    }
    assert {"A noch einmal", "A 1", "B 1", "B 2", "Anna4", "Bea4"} <= values


def _start_export(url: str, folder: Path, to: str, out: Path, pw: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "asd_desktop",
            "--database-url",
            url,
            "bundle",
            "export",
            "--to",
            to,
            "--out",
            str(out),
            "--data-dir",
            str(folder),
            "--passphrase-file",
            str(pw),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("hub_backend", ["postgresql"], indirect=True)
def test_two_workstations_exporting_to_one_laptop_at_once_number_their_bundles_apart(
    trio: Trio, tmp_path: Path
) -> None:
    url = server.server_for(trio.o.ov.data_dir)
    assert url is not None
    ws1, ws2 = (_workstation(trio, tmp_path / "ws", n) for n in ("1", "2"))
    trio.o.ov.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    outs = _together(
        _start_export(url, ws1, "Laptop A", tmp_path / "stick1", pw),
        _start_export(url, ws2, "Laptop A", tmp_path / "stick2", pw),
    )
    bundles = [
        Path(
            next(x for x in out.splitlines() if x.startswith("Paket geschrieben: ")).split(": ")[1]
        )
        for out in outs
    ]
    assert bundles[0].name != bundles[1].name  # the sequence number is part of the name
    for bundle in bundles:  # the laptop takes both; neither looks like a restored backup
        trio.a.ov.sync.import_bundle(bundle)
