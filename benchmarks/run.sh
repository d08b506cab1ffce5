#!/usr/bin/env bash
# Measure the README's figures with `asd-desktop bench`.
#
#   benchmarks/run.sh             build a 5000-case demo vault in a temporary folder, measure,
#                                 delete the folder again
#   benchmarks/run.sh DATA_DIR    measure an existing (demo) vault; its passphrase file in
#                                 $ASD_BENCH_PASSPHRASE_FILE
#
# Environment: CASES (default 5000), CONTACTS_PER_CASE (50), ROUNDS (3), WORKLOAD_CASES (30).
# Writes benchmarks/results.json and prints a summary. Exit code 1 if a target was missed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/asd-desktop ] || bash scripts/setup
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

work="$(mktemp -d "${TMPDIR:-/tmp}/asd-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

demo_seconds=null
if [ "$#" -ge 1 ]; then
  data_dir="$1"
  pw_file="${ASD_BENCH_PASSPHRASE_FILE:?Bitte ASD_BENCH_PASSPHRASE_FILE auf die Passphrase-Datei setzen}"
else
  data_dir="$work/demo"
  pw_file="$work/passphrase"
  # A throwaway passphrase for a vault of invented families, deleted with the folder.
  (umask 077 && printf 'Benchmark-Demo-Tresor-2014\n' >"$pw_file")
  echo "Lege einen Demo-Tresor mit ${CASES:-5000} Fällen an …" >&2
  start=$(date +%s.%N)
  .venv/bin/asd-desktop demo --data-dir "$data_dir" --passphrase-file "$pw_file" \
    --cases "${CASES:-5000}" --contacts-per-case "${CONTACTS_PER_CASE:-50}"
  demo_seconds=$(.venv/bin/python -c "print($(date +%s.%N) - $start)")
fi

echo "Messe …" >&2
status=0
.venv/bin/asd-desktop bench --data-dir "$data_dir" --passphrase-file "$pw_file" --json \
  --rounds "${ROUNDS:-3}" --workload-cases "${WORKLOAD_CASES:-30}" >"$work/bench.json" || status=$?
if [ "$status" -gt 1 ]; then
  echo "asd-desktop bench ist fehlgeschlagen (Code $status)." >&2
  exit "$status"
fi

.venv/bin/python - "$work/bench.json" "$demo_seconds" benchmarks/results.json <<'PY'
import datetime as dt
import json
import sys

from benchmarks.demo_bench import format_table

source, demo_seconds, target = sys.argv[1:4]
with open(source, encoding="utf-8") as f:
    result = json.load(f)
result["demo_build_s"] = None if demo_seconds == "null" else round(float(demo_seconds), 1)
result["measured_at"] = dt.datetime.now().isoformat(timespec="seconds")
with open(target, "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(format_table(result))
if result["demo_build_s"] is not None:
    print(f"Demo-Tresor angelegt in / demo vault built in: {result['demo_build_s']} s")
print(f"Geschrieben / written: {target}")
PY
exit "$status"
