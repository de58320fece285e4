#!/usr/bin/env bash
# The README's quick start as a newcomer runs it, on a clean copy of this checkout with no org.newsflow artifacts
# in the local Maven repository: `./newsflow up` with no flags builds and starts the pipeline on the bundled
# sample feed, `./newsflow search` finds the sample's articles, and SIGTERM stops `up` cleanly (exit 0, "stopped"
# printed) within 10 s. Needs ports 9092, 9200 and 8080 free. Used by .ci/run after the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsflow-smoke.XXXXXX")"
UP_PID=""
cleanup() {
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then kill -KILL "$UP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "smoke: FAILED: $*" >&2; echo "--- up stdout" >&2; cat "$WORK/up.out" >&2 || true;
  echo "--- up stderr (last 40 lines)" >&2; tail -n 40 "$WORK/up.err" >&2 || true; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

t_start=$(now)
git clone -q --no-hardlinks "$ROOT" "$WORK/newsflow"
rm -rf "${HOME}/.m2/repository/org/newsflow"
cd "$WORK/newsflow"
echo "smoke: clean clone in $WORK/newsflow; org/newsflow removed from the local Maven repository"

./newsflow up >"$WORK/up.out" 2>"$WORK/up.err" &
UP_PID=$!
for _ in $(seq 1 600); do
  grep -q "ready in" "$WORK/up.out" 2>/dev/null && break
  kill -0 "$UP_PID" 2>/dev/null || fail "up exited before it was ready"
  sleep 0.5
done
grep -q "ready in" "$WORK/up.out" || fail "up not ready within 300 s"
echo "smoke: up built and ready $(since "$t_start") s after the clone ($(grep -o 'ready in [0-9.]* s' "$WORK/up.out") of that after the build)"

t_search=$(now)
expected=("European Central Bank holds rates" "Storm floods coastal towns in Portugal" "Barcelona beat Real Madrid")
queries=("central bank" "storm floods" "Barcelona")
for i in 0 1 2; do
  found=""
  for _ in $(seq 1 120); do
    if ./newsflow search "${queries[$i]}" >"$WORK/search.out" 2>"$WORK/search.err" \
        && grep -q "${expected[$i]}" "$WORK/search.out"; then found=yes; break; fi
    sleep 0.5
  done
  [ -n "$found" ] || { cat "$WORK/search.out" "$WORK/search.err" >&2; fail "search '${queries[$i]}' did not find '${expected[$i]}'"; }
done
echo "smoke: search found the 3 sample articles ($(since "$t_search") s after ready)"
peak_kb=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$UP_PID/status" 2>/dev/null || true)
[ -n "$peak_kb" ] && echo "smoke: up's peak resident memory so far: $((peak_kb / 1024)) MB"

t_stop=$(now)
kill -TERM "$UP_PID"
status=""
for _ in $(seq 1 100); do
  if ! kill -0 "$UP_PID" 2>/dev/null; then
    set +e; wait "$UP_PID"; status=$?; set -e; break
  fi
  sleep 0.1
done
[ -n "$status" ] || fail "up still running 10 s after SIGTERM"
UP_PID=""
[ "$status" -eq 0 ] || fail "up exited with status $status after SIGTERM, expected 0"
grep -q "stopped" "$WORK/up.out" || fail "up did not say it stopped"
echo "smoke: SIGTERM stopped up in $(since "$t_stop") s with exit 0"
echo "smoke: passed in $(since "$t_start") s"
