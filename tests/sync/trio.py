"""Three real encrypted databases: the office O and the laptops A and B.

The fixtures ``trio_template`` (built once per run) and ``trio`` are registered in
``tests/conftest.py``, so every test directory shares one template.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from asd_desktop.demo import fill_demo
from asd_desktop.models import ActionGoal, Case
from asd_desktop.services import vault
from asd_desktop.services.sync import ImportReport
from asd_desktop.storage import server
from asd_desktop.storage.engine import create_encrypted_engine
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.transfer import copy_hub
from asd_desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.pg import Cluster

TODAY = dt.date(2026, 11, 24)


@dataclass
class Node:
    """One database taking part in the exchange."""

    name: str
    ov: vault.OpenVault

    @property
    def device_id(self) -> str:
        return self.ov.database.device_id

    def dump(self) -> list[str]:
        return self.ov.sync.dump()

    def edit(self, model: type[Any], row_id: str, **values: Any) -> None:
        """Change a record as any service does: through the ORM, stamped by the hook."""
        with self.ov.database.session_factory.begin() as s:
            obj = s.get(model, row_id)
            assert obj is not None
            for key, value in values.items():
                setattr(obj, key, value)

    def delete(self, model: type[Any], row_id: str) -> None:
        self.edit(model, row_id, deleted=True)

    def get(self, model: type[Any], row_id: str) -> Any:
        with self.ov.database.session_factory() as s:
            return s.get(model, row_id)

    def first_goal_ids(self, n: int = 2) -> list[str]:
        with self.ov.database.session_factory() as s:
            return list(
                s.scalars(select(ActionGoal.id).where(ActionGoal.deleted.is_(False)).limit(n))
            )

    def case_ids(self) -> list[str]:
        with self.ov.database.session_factory() as s:
            return sorted(s.scalars(select(Case.id).where(Case.deleted.is_(False))))


@dataclass
class Trio:
    """O, A and B, with a stick (folder) between them."""

    o: Node
    a: Node
    b: Node
    stick: Path

    def export(self, src: Node, dst: Node) -> Path:
        return src.ov.sync.export(dst.device_id, self.stick).path

    def send(self, src: Node, dst: Node) -> ImportReport:
        return dst.ov.sync.import_bundle(self.export(src, dst))

    def full_exchange(self, rounds: int = 3) -> None:
        """Everyone meets the office until nothing is left to send."""
        for _ in range(rounds):
            for laptop in (self.a, self.b):
                self.send(laptop, self.o)
            for laptop in (self.a, self.b):
                self.send(self.o, laptop)


def make_office(root: Path, *, demo: bool = True) -> Node:
    ov = vault.create_vault(root / "o", PASSPHRASE, PASSPHRASE)
    ov.sync.init_office("ASD Bezirk Nord")
    if demo:
        fill_demo(
            ov.database.session_factory,
            ov.database.device_id,
            cases=None,
            contacts_per_case=0,
            seed=1,
            today=TODAY,
        )
    return Node("O", ov)


def make_laptop(root: Path, office: Node, name: str) -> Node:
    result = office.ov.sync.enroll(f"Laptop {name}", root / "einrichtung")
    ov = vault.create_vault(root / name.lower(), PASSPHRASE, PASSPHRASE)
    ov.sync.join(result.path, result.code)
    return Node(name, ov)


def _build_template(root: Path) -> None:
    o = make_office(root)
    a = make_laptop(root, o, "A")
    b = make_laptop(root, o, "B")
    for case_id in o.case_ids():
        o.ov.sync.assign(case_id, a.device_id)
        o.ov.sync.assign(case_id, b.device_id)
    t = Trio(o, a, b, root / "stick")
    t.send(o, a)
    t.send(o, b)
    for node in (o, a, b):
        node.ov.close()


@pytest.fixture(scope="session")
def trio_template_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once (enrollment codes are slow by design): the data folders of O, A and B."""
    root = tmp_path_factory.mktemp("trio")
    _build_template(root)
    return root


#: The template's file naming the office's template database on the test server.
_SERVER_FILE = "o-server.txt"
_clusters: dict[str, Cluster] = {}


@pytest.fixture(scope="session")
def trio_template_pg(
    tmp_path_factory: pytest.TempPathFactory, pg_cluster: Cluster, trio_template_sqlite: Path
) -> Path:
    """The same, with the office O moved to the PostgreSQL test server (laptops stay SQLCipher).

    Moved as ``asd-desktop office migrate`` moves it (same device, keys, counters), so
    every scenario on PostgreSQL also exercises the move.
    """
    root = tmp_path_factory.mktemp("trio-pg")
    for node in ("o", "a", "b"):
        shutil.copytree(trio_template_sqlite / node, root / node)
    name = pg_cluster.create_database(template="template1", prefix="trio_template")
    key = Vault.load(vault_path(root / "o")).unlock(PASSPHRASE)
    source = create_encrypted_engine(db_path(root / "o"), key)
    target = server.create_server_engine(pg_cluster.url(name))
    server.register_key(target, lambda: key)
    try:
        copy_hub(source, target)
    finally:
        source.dispose()
        target.dispose()
    (root / _SERVER_FILE).write_text(name, encoding="utf-8")
    _clusters[name] = pg_cluster
    return root


@pytest.fixture
def trio_template(request: pytest.FixtureRequest, hub_backend: str) -> Path:
    """The template for this test's office backend (see ``hub_backend``)."""
    name = "trio_template_pg" if hub_backend == "postgresql" else "trio_template_sqlite"
    template: Path = request.getfixturevalue(name)
    return template


_keys: dict[Path, bytes] = {}


def _key(folder: Path) -> bytes:
    """The data key of a template's vault, derived once (the KDF takes ~0.4 s per unlock)."""
    if folder not in _keys:
        _keys[folder] = Vault.load(vault_path(folder)).unlock(PASSPHRASE)
    return _keys[folder]


def open_copy(template: Path, target: Path) -> Trio:
    """A private copy of the three data folders (and of the office's server database), unlocked."""
    for name in ("o", "a", "b"):
        shutil.copytree(template / name, target / name)
    if (template / _SERVER_FILE).exists():
        source = (template / _SERVER_FILE).read_text(encoding="utf-8")
        cluster = _clusters[source]
        server.use_server(target / "o", cluster.url(cluster.create_database(source, "trio")))
    nodes = [Node(n.upper(), vault.open_with_key(target / n, _key(template / n))) for n in "oab"]
    return Trio(nodes[0], nodes[1], nodes[2], stick=target / "stick")


@pytest.fixture
def trio(trio_template: Path, tmp_path: Path) -> Iterator[Trio]:
    """O with the demo families, A and B enrolled, every case assigned to both, synced."""
    t = open_copy(trio_template, tmp_path)
    yield t
    for node in (t.o, t.a, t.b):
        node.ov.close()
