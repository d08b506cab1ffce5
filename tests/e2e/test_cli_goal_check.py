"""``asd-desktop goal-check`` end to end: arguments, standard input, JSON, exit code."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from asd_desktop import cli
from tests.unit.goal_corpus import ELIF_GOAL

SPFH = "SPFH fünf Stunden pro Woche"
NEGATIVE = "Ben schlägt seine Schwester bis Ende Januar nicht mehr."


def test_texts_as_arguments_give_a_german_listing(capsys):
    assert cli.main(["goal-check", SPFH, ELIF_GOAL]) == 0
    out = capsys.readouterr().out
    first, second = out.split("\n\n")
    assert first.startswith(f"Ziel: {SPFH}\n")
    assert "Maßnahme statt Ziel (measure): »SPFH« ist eine Hilfeform" in first
    assert "(no_date)" in first
    assert "(hard_to_read)" in first
    assert "keine Hinweise" not in first
    assert second == f"Ziel: {ELIF_GOAL}\n  keine Hinweise\n"


def test_json_from_stdin_one_object_per_line_and_blank_lines_skipped(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{SPFH}\n\n   \n{ELIF_GOAL}\n{NEGATIVE}"))
    assert cli.main(["goal-check", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["text"] for r in records] == [SPFH, ELIF_GOAL, NEGATIVE]
    assert [f["code"] for f in records[0]["findings"]] == ["measure", "no_date", "hard_to_read"]
    assert records[1]["findings"] == []
    (negative,) = records[2]["findings"]
    assert set(negative) == {"code", "message"}
    assert negative["code"] == "negative"
    assert negative["message"].startswith("»nicht mehr« beschreibt")
    assert "»" in lines[0]  # ensure_ascii=False: German text stays readable


def test_real_process_reads_utf8_stdin(tmp_path):
    goals = (
        "Bis zum 30. April packt Şükrü selbstständig seine Tasche.\n"
        "Das Jugendamt prüft zeitnah, ob eine Wohngruppe in Frage kommt.\n"
    )
    env = {**os.environ, "ASD_DESKTOP_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "asd_desktop", "goal-check", "--json"],
        input=goals.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stderr == b""
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert records[0] == {
        "text": "Bis zum 30. April packt Şükrü selbstständig seine Tasche.",
        "findings": [],
    }
    assert [f["code"] for f in records[1]["findings"]] == [
        "measure",
        "vague_date",
        "not_family_subject",
    ]
    assert not (tmp_path / "data").exists()  # checking goals touches no data
