#!/usr/bin/env bash
# Benchmark of the standalone scanner against Bandit on one project, in the same run (docs/cli.md, "Performance").
#   its/bench/bench.sh [PROJECT_DIR] [REPETITIONS]
# Defaults: the largest Django project of the corpus (/work/corpus/src/python3-django-horizon), 3 repetitions.
# Each repetition runs, interleaved: Bandit (Debian's `bandit`, single-threaded), our scanner cold (empty cache), our
# scanner again after appending a comment to one file (the cache reuses every other file). Every run is measured with
# /usr/bin/time (wall, user+sys CPU, peak RSS); the script prints each run, the medians, the ratios ours / Bandit and
# the load average before and after (the figures are only comparable within one run on a shared machine).
# The scanner runs with the launcher's defaults (./backend-review: -Xmx1g, serial GC) and every rule (--all).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$(cd "${1:-/work/corpus/src/python3-django-horizon}" && pwd)"
reps="${2:-3}"
command -v bandit >/dev/null || { echo "bench: bandit is not installed (apt-get install bandit)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# a private copy: the one-file change must not touch the original tree
cp -a "$project" "$work/project"
target="$work/project"
touched="$(find "$target" -name '*.py' -size +2k | sort | head -n 1)"
files="$(find "$target" -name '*.py' | wc -l)"
lines="$(find "$target" -name '*.py' -print0 | xargs -0 cat | wc -l)"
"$root/backend-review" --version >/dev/null 2>&1 || true   # builds the scanner if needed, outside the measurements

echo "project: $project ($files files, $lines lines), $reps repetitions, $(nproc) CPUs"
echo "bandit: $(bandit --version 2>/dev/null | head -n 1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label command...: prints "label wall cpu rss_mib"
  local label="$1"; shift
  /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr" || true
  # /usr/bin/time writes "Command exited with non-zero status N" first when the command fails (Bandit exits 1 when it
  # finds issues): the figures are on the last line
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  printf '%-14s %8.1f %8.1f %8.0f\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" | tee -a "$work/runs"
}

printf '%-14s %8s %8s %8s\n' run wall_s cpu_s rss_MiB
for rep in $(seq 1 "$reps"); do
  measure bandit bandit -r -q -f json -o "$work/bandit.json" "$target"
  rm -rf "$work/cache"
  measure ours-cold "$root/backend-review" scan "$target" --base-dir "$target" --all --format json -o "$work/cold.json" \
    --fail-on none -q --cache-dir "$work/cache"
  echo "# bench edit $rep" >> "$touched"
  measure ours-rescan "$root/backend-review" scan "$target" --base-dir "$target" --all --format json -o "$work/warm.json" \
    --fail-on none -q --cache-dir "$work/cache"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/runs" "$work/cold.json" "$work/warm.json" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, wall, cpu, rss = line.split()
    runs.setdefault(label, []).append((float(wall), float(cpu), float(rss)))
med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in runs.items()}
print("medians (wall s, CPU s, peak RSS MiB):")
for k, (w, c, r) in med.items():
    print(f"  {k:12} {w:8.1f} {c:8.1f} {r:8.0f}")
b = med["bandit"]
for k in ("ours-cold", "ours-rescan"):
    print(f"{k} / bandit: wall {med[k][0] / b[0]:.2f}x, CPU {med[k][1] / b[1]:.2f}x")
cold = json.load(open(sys.argv[2]))["findings"]
warm = json.load(open(sys.argv[3]))["findings"]
key = lambda f: json.dumps(f, sort_keys=True)
print(f"findings: cold {len(cold)}, rescan {len(warm)}, identical: {sorted(map(key, cold)) == sorted(map(key, warm))}")
PY
