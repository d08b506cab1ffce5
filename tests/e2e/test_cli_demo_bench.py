"""``asd-desktop demo`` and ``asd-desktop bench`` end to end, through ``cli.main``."""

from __future__ import annotations

import json
import sys

import pytest

from asd_desktop import cli
from asd_desktop.services import vault
from asd_desktop.services.cases import CaseQuery
from asd_desktop.storage.paths import vault_path
from tests.conftest import PASSPHRASE

BENCH_KEYS = {
    "data",
    "machine",
    "unlock_with_kdf_s",
    "unlock_without_kdf_s",
    "list_query_s",
    "list_painted_after_unlock_s",
    "unlock_to_list_painted_s",
    "search_ms",
    "case_open_ms",
    "sqlcipher_overhead",
    "peak_rss_mib",
    "targets",
    "all_targets_met",
}


@pytest.fixture
def pw_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(path)


def _all_rows(data_dir):
    opened = vault.unlock_vault(data_dir, PASSPHRASE)
    try:
        rows = opened.cases.list_cases(CaseQuery(status=None))
        details = [opened.cases.get_case(r.id) for r in rows]
    finally:
        opened.close()
    return rows, details


def test_small_demo_has_the_families_and_passes_check(data_dir, pw_file, capsys):
    assert cli.main(["demo", "--data-dir", str(data_dir), "--passphrase-file", pw_file]) == 0
    out = capsys.readouterr()
    assert "12 Fälle" in out.out

    assert cli.main(["check", "--data-dir", str(data_dir), "--passphrase-file", pw_file]) == 0
    assert "Prüfung bestanden." in capsys.readouterr().out

    rows, details = _all_rows(data_dir)
    assert {"Al Zein", "Yılmaz", "Wójcik", "Dvořák"} <= {r.family_name for r in rows}
    firsts = {p.first_name for d in details for p in d.persons}
    assert {"Muharem", "Şükrü", "Ayşe", "Eylül", "Doğan", "Małgorzata", "Łukasz", "Jiří"} <= firsts
    # Progress on stderr names no one.
    assert not any(name in out.err for name in ("Al Zein", "Yılmaz", "Muharem"))


def test_demo_refuses_a_folder_with_a_vault(data_dir, pw_file, capsys):
    vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE).close()
    before = vault_path(data_dir).read_bytes()

    code = cli.main(["demo", "--data-dir", str(data_dir), "--passphrase-file", pw_file])

    assert code == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "bereits einen Tresor" in err
    assert "anderen Ordner" in err
    assert vault_path(data_dir).read_bytes() == before
    opened = vault.unlock_vault(data_dir, PASSPHRASE)
    try:
        assert opened.cases.list_cases(CaseQuery(status=None)) == []
    finally:
        opened.close()


def test_generated_demo_has_exact_counts(data_dir, pw_file):
    args = ["demo", "--data-dir", str(data_dir), "--passphrase-file", pw_file]
    assert cli.main([*args, "--cases", "20", "--contacts-per-case", "5"]) == 0

    rows, details = _all_rows(data_dir)
    assert len(rows) == 20
    assert sum(len(d.contacts) for d in details) == 100


def test_bench_json_has_every_key_and_names_no_one(data_dir, pw_file, capsys):
    args = ["--data-dir", str(data_dir), "--passphrase-file", pw_file]
    assert cli.main(["demo", *args, "--cases", "12", "--contacts-per-case", "3"]) == 0
    rows, _ = _all_rows(data_dir)
    capsys.readouterr()

    code = cli.main(["bench", *args, "--json", "--rounds", "1", "--workload-cases", "3"])

    out = capsys.readouterr().out
    result = json.loads(out)
    assert code == (0 if result["all_targets_met"] else 1)
    assert set(result) == BENCH_KEYS
    assert result["data"] == {"cases": 12, "contacts": 36}
    assert result["search_ms"]["queries"] == 50
    assert result["case_open_ms"]["n"] == 12
    assert set(result["targets"]) == {
        "list_painted_after_unlock_s",
        "search_p95_ms",
        "case_open_p95_ms",
        "sqlcipher_overhead_ratio",
    }
    assert result["sqlcipher_overhead"]["ratio"] > 0
    assert set(result["sqlcipher_overhead"]["phase_ratios"]) == {
        "insert",
        "search",
        "list",
        "open",
        "total",
    }
    assert result["machine"]["sqlcipher"].startswith("4")
    assert result["peak_rss_mib"] > 0
    assert not any(r.family_name in out for r in rows)


def test_bench_table_and_a_folder_without_vault(data_dir, pw_file, tmp_path, capsys):
    args = ["--data-dir", str(data_dir), "--passphrase-file", pw_file]
    assert cli.main(["demo", *args, "--cases", "3", "--contacts-per-case", "2"]) == 0
    capsys.readouterr()

    code = cli.main(["bench", *args, "--rounds", "1", "--workload-cases", "2"])

    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "Suche / search (ms)" in out
    assert "SQLCipher-Mehraufwand" in out

    empty = ["--data-dir", str(tmp_path / "leer"), "--passphrase-file", pw_file]
    assert cli.main(["bench", *empty]) == cli.EXIT_ERROR
    assert "keinen Tresor" in capsys.readouterr().err


def test_bench_outside_the_source_checkout_says_where_it_runs(
    data_dir, pw_file, monkeypatch, capsys
):
    # An installed wheel has no benchmarks/ package: importing it fails.
    monkeypatch.setitem(sys.modules, "benchmarks.demo_bench", None)

    code = cli.main(["bench", "--data-dir", str(data_dir), "--passphrase-file", pw_file])

    assert code == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "nur aus dem Quellcode-Verzeichnis" in err
    assert "benchmarks/" in err
