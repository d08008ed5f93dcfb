#!/usr/bin/env bash
# Benchmark of the standalone scanner against Bandit on one project, in the same run (docs/cli.md, "Performance").
#   its/bench/bench.sh [PROJECT_DIR] [REPETITIONS]
# Defaults: the largest Django project of the corpus (/work/corpus/src/python3-django-horizon), 3 repetitions.
# Each repetition runs, interleaved: Bandit (Debian's `bandit`, single-threaded), then for each rule set of
# BENCH_PROFILES (default "default backend-review all": the default profile backend-review-way that users run, our own
# rules only with --profile backend-review, and every rule with --all, for information) our scanner cold (empty cache),
# warm (unchanged tree) and after appending a comment to one file (the cache reuses every other file), and that rescan
# through the resident daemon (--daemon; started and warmed by BENCH_DAEMON_WARMUP=3 scans before, not measured). Every run is
# measured with /usr/bin/time (wall, user+sys CPU, peak RSS); the script prints each run, the medians, the ratios
# ours / Bandit, whether the rescans' findings equal the cold scan's, and the load average before and after (the
# figures are only comparable within one run on a shared machine). The scanner runs with the launcher's defaults
# (./backend-review: heap from the file count, serial GC) and -v (its phases go to $BENCH_LOG_DIR when set).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$(cd "${1:-/work/corpus/src/python3-django-horizon}" && pwd -P)"  # -P: a symlinked tree is copied as its files
reps="${2:-3}"
profiles="${BENCH_PROFILES:-default backend-review all}"
command -v bandit >/dev/null || { echo "bench: bandit is not installed (apt-get install bandit)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d)"
# the resident scanner of the rescan-daemon rows: its own socket directory, stopped at the end
export BACKEND_REVIEW_DAEMON_DIR="$work/daemons"
trap '"$root/backend-review" daemon stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
# a private copy: the one-file change must not touch the original tree
cp -a "$project" "$work/project"
target="$work/project"
touched="$(find "$target" -name '*.py' -size +2k | sort | sed -n 1p)"
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
  printf '%-24s %8.2f %8.2f %8.0f\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" | tee -a "$work/runs"
}

daemon_cpu() { # pid -> user+sys CPU seconds of that process so far
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return 0; }
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / hz }' "/proc/$1/stat"
}
daemon_rss() { # pid -> peak RSS in MiB
  [ -n "$1" ] && [ -r "/proc/$1/status" ] || { echo "?"; return 0; }
  awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$1/status"
}

rule_args() { # profile name -> the scanner's options
  case "$1" in
    default) ;;
    all) echo --all ;;
    *) echo --profile "$1" ;;
  esac
}

printf '%-24s %8s %8s %8s\n' run wall_s cpu_s rss_MiB
for rep in $(seq 1 "$reps"); do
  measure bandit bandit -r -q -f json -o "$work/bandit.json" "$target"
  for profile in $profiles; do
    # shellcheck disable=SC2046
    set -- $(rule_args "$profile")
    rm -rf "$work/cache-$profile"
    measure "$profile-cold" "$root/backend-review" scan "$target" --base-dir "$target" "$@" --format json -o "$work/$profile-cold.json" \
      --fail-on none -q --cache-dir "$work/cache-$profile"
    measure "$profile-warm" "$root/backend-review" scan "$target" --base-dir "$target" "$@" --format json -o "$work/$profile-warm.json" \
      --fail-on none -q --cache-dir "$work/cache-$profile"
    # the daemon (docs/cli.md, "Daemon"), not measured: started and warmed by BENCH_DAEMON_WARMUP (default 3) scans of the
    # unchanged tree, as a daemon that has served a few scans (a pre-commit hook's, an editor's), on a copy of the warm
    # cache (so that its rescan below sees the same one-file change as the rescan without it); its first scans still pay
    # the optimising compiler's work (one warm-up scan: about 0.4 s more on the rescan below, horizon)
    rm -rf "$work/cache-$profile-daemon"
    cp -a "$work/cache-$profile" "$work/cache-$profile-daemon"
    for _ in $(seq 1 "${BENCH_DAEMON_WARMUP:-3}"); do
      "$root/backend-review" scan "$target" --base-dir "$target" "$@" --format json -o "$work/$profile-daemon-warmup.json" --fail-on none -q \
        --cache-dir "$work/cache-$profile-daemon" --daemon >/dev/null 2>&1 || true
    done
    echo "# bench edit $rep $profile" >> "$touched"
    measure "$profile-rescan" "$root/backend-review" scan "$target" --base-dir "$target" "$@" --format json \
      -o "$work/$profile-rescan.json" --fail-on none -q --cache-dir "$work/cache-$profile"
    # the same rescan through the daemon's client (its wall and CPU time and RSS are the client's and the launcher's; the
    # daemon's CPU time is the difference of its own counter, its peak RSS its VmHWM)
    daemon_pid="$("$root/backend-review" daemon status 2>/dev/null | sed -n 's/^backend-review daemon \([0-9]*\) .*/\1/p' | head -n 1)"
    daemon_cpu_before="$(daemon_cpu "$daemon_pid")"
    measure "$profile-rescan-daemon" "$root/backend-review" scan "$target" --base-dir "$target" "$@" --format json \
      -o "$work/$profile-rescan-daemon.json" --fail-on none -q --cache-dir "$work/cache-$profile-daemon" --daemon
    daemon_scan_cpu="$(echo "$(daemon_cpu "$daemon_pid") - $daemon_cpu_before" | bc)"
    echo "  (the daemon $daemon_pid: $daemon_scan_cpu CPU-s for that scan, counted in the row below; peak RSS $(daemon_rss "$daemon_pid") MiB)"
    # the row's CPU time: the client's and the launcher's plus the daemon's for that scan
    read -r label wall cpu rss < <(tail -n 1 "$work/runs")
    sed -i '$d' "$work/runs"
    printf '%-24s %8.2f %8.2f %8.0f\n' "$label+daemon" "$wall" "$(echo "$cpu + $daemon_scan_cpu" | bc)" "$rss" | tee -a "$work/runs"
    if [ "$rep" = "$reps" ]; then
      # the reference of the rescan's findings: the edited tree without a cache (not measured)
      "$root/backend-review" scan "$target" --base-dir "$target" "$@" --format json -o "$work/$profile-edited-cold.json" --fail-on none -q \
        --no-cache >/dev/null 2>&1 || true
    fi
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$profiles" <<'PY'
import json, os, statistics, sys
work, profiles = sys.argv[1], sys.argv[2].split()
runs = {}
for line in open(os.path.join(work, "runs")):
    label, wall, cpu, rss = line.split()
    runs.setdefault(label, []).append((float(wall), float(cpu), float(rss)))
med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in runs.items()}
print("medians (wall s, CPU s, peak RSS MiB):")
for k, (w, c, r) in med.items():
    print(f"  {k:22} {w:8.1f} {c:8.1f} {r:8.0f}")
b = med["bandit"]
for k in med:
    if k != "bandit":
        print(f"{k} / bandit: wall {med[k][0] / b[0]:.2f}x, CPU {med[k][1] / b[1]:.2f}x")
key = lambda f: json.dumps(f, sort_keys=True)
def findings(name):
    try:
        return sorted(map(key, json.load(open(os.path.join(work, name)))["findings"]))
    except (OSError, ValueError, KeyError):
        return None
for p in profiles:
    cold, warm = findings(f"{p}-cold.json"), findings(f"{p}-warm.json")
    rescan, reference = findings(f"{p}-rescan.json"), findings(f"{p}-edited-cold.json")
    daemon = findings(f"{p}-rescan-daemon.json")  # the runs' label: {p}-rescan-daemon+daemon
    n = lambda x: "?" if x is None else len(x)
    print(f"findings {p}: cold {n(cold)}, warm {n(warm)} (identical: {cold == warm}), rescan {n(rescan)}, "
          f"rescan through the daemon {n(daemon)}, cold scan of the edited tree {n(reference)} "
          f"(identical to the rescan: {rescan == reference}, to the daemon's: {daemon == reference})")
PY
