"""``--data-dir`` names the folder whether it stands before or after the command name."""

from __future__ import annotations

from pathlib import Path

import pytest

from asd_desktop import cli


@pytest.mark.parametrize("before", [True, False])
def test_data_dir_before_or_after_the_command(
    tmp_path: Path, before: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ordner-ohne-tresor"
    pw = tmp_path / "pw"
    pw.write_text("x\n", encoding="utf-8")
    rest = ["--case", "A", "--out", str(tmp_path / "out"), "--passphrase-file", str(pw)]
    where = ["--data-dir", str(folder)]
    argv = [*where, "network", "export", *rest] if before else ["network", "export", *where, *rest]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert f"»{folder}«" in err  # the named folder, not the default one
