"""A throwaway PostgreSQL cluster for the tests: started once per run, removed at the end.

The cluster runs from the installed PostgreSQL binaries (Debian: ``apt-get install
postgresql``) on a Unix socket in a temporary folder, as an unprivileged user when the
tests run as root (PostgreSQL refuses root). Without binaries the tests that need it
are skipped, except under CI (``$CI`` set), where a missing server fails them.

Roles as in an office: ``postgres`` (superuser, only here to create databases),
``asd_owner`` (owns each database and its schema, migrates) and ``asd_app`` (may read
and write rows, nothing else). Every test gets its own database, made in milliseconds
from a migrated template (``CREATE DATABASE … TEMPLATE``).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest

OWNER = "asd_owner"
APP = "asd_app"
TEMPLATE = "asd_template"
_names = itertools.count(1)


def find_bindir() -> Path | None:
    """The folder of ``initdb``/``pg_ctl``: $PG_BINDIR, Debian's layout, or the PATH."""
    env = os.environ.get("PG_BINDIR")
    if env and (Path(env) / "pg_ctl").exists():
        return Path(env)
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail under CI: the backends are to be proven there."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL needed under CI: {reason}")
    pytest.skip(f"no PostgreSQL server for the tests: {reason}")


@dataclass
class Cluster:
    """A running throwaway cluster."""

    bindir: Path
    root: Path
    socket_dir: Path
    user: str | None
    databases: list[str] = field(default_factory=list)

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, cwd=self.root)

    def admin(self, dbname: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """A superuser connection (autocommit), for creating databases and roles only."""
        return psycopg.connect(
            host=str(self.socket_dir), dbname=dbname, user="postgres", autocommit=True
        )

    def url(self, dbname: str, role: str = OWNER) -> str:
        """The SQLAlchemy URL of ``dbname`` signed in as ``role`` over the socket."""
        return f"postgresql+psycopg://{role}@/{dbname}?host={self.socket_dir}"

    def create_database(self, template: str = TEMPLATE, prefix: str = "t") -> str:
        """A new database copied from ``template``, owned by the schema owner."""
        name = f"{prefix}_{next(_names)}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" OWNER {OWNER}')
        self.databases.append(name)
        return name

    def stop(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"
        )


def start_cluster(*, durable: bool = False) -> Cluster:
    """initdb, start on a socket, create the roles and the migrated template.

    Tests run with fsync off (a crash loses a throwaway cluster); a benchmark passes
    ``durable=True`` to measure what an office's server does.
    """
    bindir = find_bindir()
    if bindir is None:
        unavailable("initdb/pg_ctl not found (Debian: apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="asd-pg-"))
    user = None
    if os.geteuid() == 0:
        user = "nobody"
        uid = pwd.getpwnam(user).pw_uid
        os.chown(root, uid, -1)
        root.chmod(0o755)
    socket_dir = root
    cluster = Cluster(bindir, root, socket_dir, user)
    cluster._run(
        str(bindir / "initdb"),
        "-D",
        str(root / "data"),
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    )
    cluster._run(
        str(bindir / "pg_ctl"),
        "-D",
        str(root / "data"),
        "-l",
        str(root / "log"),
        "-w",
        "-o",
        f"-k {socket_dir} -c listen_addresses='' -c max_connections=200"
        + ("" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
        "start",
    )
    with cluster.admin() as conn:
        conn.execute(f"CREATE ROLE {OWNER} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        conn.execute(f"CREATE ROLE {APP} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        conn.execute(f"CREATE DATABASE {TEMPLATE} OWNER {OWNER}")
    _migrate_template(cluster)
    return cluster


def _migrate_template(cluster: Cluster) -> None:
    from asd_desktop.storage import roles, server

    engine = server.create_server_engine(cluster.url(TEMPLATE))
    try:
        roles.grant_application_role(engine, APP)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """The cluster of this test run (started on first use)."""
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """A fresh, migrated, empty office database of its own, signed in as the schema owner."""
    return pg_cluster.url(pg_cluster.create_database())
