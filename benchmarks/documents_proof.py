"""Measure documents that prove themselves (issue 18).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.documents_proof``.
Prints and writes ``benchmarks/documents_proof_results.json``; exit code 1 if a
target was missed. Each figure has a floor measured in the same run:

- QR code and Prüfcode on a three-page Zielvereinbarung (hash, Ed25519 signature,
  QR code, filling the stamp in place) ≤ 30 ms; floor: SHA-256 of the same bytes.
- Verifying the stored PDF through the service (read the stamp, rebuild and compare
  it, hash, signature, newer versions, audit entry) ≤ 200 ms; floor: SHA-256.
- A bilingual three-page agreement with Arabic (German + Arabic, names in ten
  scripts) ≤ 400 ms; floor: the same agreement in German only.
- The fonts added for every script ≤ 25 MB; floor: the DejaVu pair already shipped.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from asd_desktop.reports import fonts, proof
from asd_desktop.reports.goal_agreement import render_goal_agreement
from asd_desktop.resources_path import resource
from asd_desktop.services import vault
from asd_desktop.services.proofs import label
from tests.unit.test_bilingual_pdf import NAMES
from tests.unit.test_documents import make_agreement
from tests.unit.test_goal_agreement_pdf import SAMPLE

RESULTS = Path(__file__).with_name("documents_proof_results.json")
PASSPHRASE = "Benchmark-Passphrase für Prüfcodes 2026"
ROUNDS = 15
TARGETS_MS = {"stamp": 30.0, "verify": 200.0, "bilingual": 400.0}
FONT_TARGET_MB = 25.0
NEW_FONTS = (
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansThai-Bold.ttf",
    "DroidSansFallback.ttf",
    "LICENSE-Noto.txt",
    "LICENSE-DroidSansFallback.txt",
)


def _times(run: Callable[[], object], rounds: int = ROUNDS) -> dict[str, float]:
    run()  # warm: fonts registered, caches filled
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "min_ms": round(samples[0], 2),
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
    }


def _pages(content: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
    return int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages")))


def _three_pages(language: str = "") -> Any:
    """The test sample trimmed to three pages (German)."""
    data = dataclasses.replace(SAMPLE, language=language)
    for keep in range(len(data.goals), 0, -1):
        trial = dataclasses.replace(data, goals=data.goals[:keep])
        if _pages(render_goal_agreement(trial)) <= 3:
            return trial
    return data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    results: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
    }

    # 1. Stamp on a three-page document.
    data = _three_pages()
    content = render_goal_agreement(data)
    results["stamp_pages"] = _pages(content)
    key = Ed25519PrivateKey.generate()
    doc_id, device = "01890000-0000-7000-8000-000000000001", "01890000-0000-7000-8000-0000000000aa"

    def stamp() -> bytes:
        base = proof.blank(content)
        payload = proof.Payload(
            doc_id, 1, dt.datetime(2026, 12, 6, 7, 5), hashlib.sha256(base).digest(), device
        )
        text = proof.encode_proof(payload, key.sign(payload.to_bytes()))
        return proof.filled(base, text, label(payload))

    results["floor_sha256_ms"] = _times(lambda: hashlib.sha256(content).digest())
    results["stamp"] = _times(stamp)
    results["render_three_pages"] = _times(lambda: render_goal_agreement(data), 5)

    # 2. Verify a stored PDF through the service (real encrypted database).
    with tempfile.TemporaryDirectory() as tmp:
        opened = vault.create_vault(Path(tmp) / "daten", PASSPHRASE, PASSPHRASE)
        try:
            _, agreement_id = make_agreement(opened)
            view = opened.documents.print_goal_agreement(agreement_id)
            stored = opened.documents.content(view.id)
            results["verify"] = _times(lambda: opened.documents.verify_file(stored))
            results["floor_verify_sha256_ms"] = _times(lambda: hashlib.sha256(stored).digest())
            answer = opened.documents.verify_file(stored).answer
            results["verify_answer"] = answer
        finally:
            opened.close()

    # 3. Bilingual three-page agreement with Arabic.
    arabic = dataclasses.replace(
        _three_pages("ar"),
        family_name="Al Zein " + NAMES["Arabic"],
        concern_by=NAMES["Dari"],
        present=tuple(NAMES.values())[:4],
    )
    results["bilingual_pages"] = _pages(render_goal_agreement(arabic))

    def cold_bilingual() -> bytes:
        # Caches of shaped text emptied: every run shapes its sentences anew.
        for cached in (fonts.script_markup, fonts.visual, fonts._runs):
            cached.cache_clear()
        return render_goal_agreement(arabic)

    results["bilingual"] = _times(cold_bilingual, 7)
    results["floor_german_only"] = _times(
        lambda: render_goal_agreement(dataclasses.replace(arabic, language="")), 7
    )

    # 4. Font size growth.
    added = sum(resource("fonts", f).stat().st_size for f in NEW_FONTS)
    translations = sum(p.stat().st_size for p in resource("translations").glob("*.json"))
    dejavu = sum(
        resource("fonts", f).stat().st_size for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    )
    results["fonts_added_mb"] = round(added / 1e6, 2)
    results["translations_kb"] = round(translations / 1e3, 1)
    results["floor_dejavu_mb"] = round(dejavu / 1e6, 2)

    met = {
        "stamp": results["stamp"]["median_ms"] <= TARGETS_MS["stamp"],
        "verify": results["verify"]["median_ms"] <= TARGETS_MS["verify"],
        "bilingual": results["bilingual"]["median_ms"] <= TARGETS_MS["bilingual"],
        "fonts": results["fonts_added_mb"] <= FONT_TARGET_MB,
    }
    results["met"] = met
    print(json.dumps(results, indent=1, ensure_ascii=False))
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if all(met.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
