"""``office migrate`` moves a demo hub to PostgreSQL; roles are checked with German messages.

(The 5000-case demo is moved in benchmarks/postgres_hub.py; here a small one.)
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from asd_desktop.cli import main
from asd_desktop.storage import server
from tests.conftest import PASSPHRASE
from tests.pg import APP, Cluster


class Run:
    """``asd-desktop`` in this process, with a data folder and the passphrase file."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.pw = tmp_path / "pw.txt"
        self.pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
        capsys.readouterr()

    def __call__(self, folder: Path, *args: object, url: str | None = None) -> tuple[int, str, str]:
        argv = ["--database-url", url] if url else []
        argv += [str(a) for a in args]
        argv += ["--data-dir", str(folder), "--passphrase-file", str(self.pw)]
        code = main(argv)
        out, err = self.capsys.readouterr()
        return code, out, err


def test_office_migrate_copies_checks_and_retires_the_file(
    tmp_path: Path, pg_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Run(tmp_path, capsys)
    office = tmp_path / "buero"
    assert run(office, "demo", "--cases", 12, "--contacts-per-case", 3)[0] == 0
    assert run(office, "device", "init-office", "--name", "ASD Bezirk Nord")[0] == 0
    assert run(office, "device", "enroll", "--name", "Laptop Kaya", "--out", tmp_path / "s")[0] == 0
    code, before, _ = run(office, "dump")
    assert code == 0
    assert before.count("\n") > 100
    url = pg_cluster.url(pg_cluster.create_database(template="template1", prefix="moved"))

    code, out, err = run(office, "office", "migrate", "--to", url)
    assert code == 0, err
    assert "Umgezogen" in out
    assert "Vergleich" in out
    assert "ist gleich" in out

    # The old file refuses, naming the new place; the server answers the same dump.
    code, _, err = run(office, "dump")
    assert code == 2
    assert "umgezogen" in err
    assert server.display_url(url) in err
    code, after, err = run(office, "dump", url=url)
    assert code == 0, err
    assert after == before
    code, _, err = run(office, "check", url=url)  # SQLite's file checks; not the server's
    assert code == 2
    assert "pg_amcheck" in err
    code, out, _ = run(office, "device", "list", url=url)
    assert code == 0
    assert "Laptop Kaya" in out

    # The keys lie sealed on the server, never in clear.
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        signing, age = conn.execute(
            "SELECT signing_private, age_identity FROM sync_identity"
        ).fetchone()  # type: ignore[misc]
    assert bytes(signing).startswith(b"asd-sealed-1:")
    assert age.startswith("asd-sealed-1:")
    assert "AGE-SECRET-KEY" not in age

    # A second move into the now filled database is refused and changes nothing.
    second = tmp_path / "zweites"
    assert run(second, "demo", "--cases", 2, "--contacts-per-case", 0)[0] == 0
    code, _, err = run(second, "office", "migrate", "--to", url)
    assert code == 2
    assert "nicht leer" in err
    assert run(second, "dump")[0] == 0


def test_roles_only_what_a_workstation_needs(
    tmp_path: Path, pg_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Run(tmp_path, capsys)
    name = pg_cluster.create_database()
    with pg_cluster.admin() as conn:
        conn.execute("CREATE ROLE asd_ohne_rechte LOGIN")

    # The application role works with rows ...
    ws = tmp_path / "arbeitsplatz"
    assert run(ws, "vault", "init", url=pg_cluster.url(name, APP))[0] == 0
    code, _, err = run(ws, "device", "init-office", "--name", "Büro", url=pg_cluster.url(name, APP))
    assert code == 0, err
    # ... but may not change the schema.
    app = f"host={pg_cluster.socket_dir} dbname={name} user={APP}"
    with psycopg.connect(app) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("CREATE TABLE fremd (x int)")

    # A role without rights is refused with a message that says what to do.
    code, _, err = run(ws, "device", "list", url=pg_cluster.url(name, "asd_ohne_rechte"))
    assert code == 2
    assert "»asd_ohne_rechte« hat auf der Datenbank" in err
    assert "nicht die nötigen Rechte" in err
    assert "office grant" in err
    assert "Traceback" not in err

    # A superuser is refused too: a workstation signs in with a role of its own.
    code, _, err = run(ws, "device", "list", url=pg_cluster.url(name, "postgres"))
    assert code == 2
    assert "Superuser" in err

    # The administrator grants the role; then it works.
    owner = pg_cluster.url(name)
    assert main(["--database-url", owner, "office", "grant", "asd_ohne_rechte"]) == 0
    code, _out, err = run(ws, "device", "list", url=pg_cluster.url(name, "asd_ohne_rechte"))
    assert code == 0, err


def test_a_server_elsewhere_needs_tls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = Run(tmp_path, capsys)
    code, _, err = run(
        tmp_path / "x",
        "device",
        "list",
        url="postgresql+psycopg://asd_app@db.example.org/asd_buero?sslmode=disable",
    )
    assert code == 2
    assert "TLS" in err
    assert "verify-full" in err
    assert server.parse_url("postgresql+psycopg://a@db.example.org/b").query["sslmode"] == (
        "verify-full"
    )
