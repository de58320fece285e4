#!/usr/bin/env bash
# Adds up the Surefire and Failsafe reports of the last build (every module's target/*-reports/TEST-*.xml) and
# prints one closing line, "tests: N passed, N failed, N skipped", plus the extra checks given as arguments
# (e.g. `1` for a smoke that passed). Exits 1 when any test failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extra_passed="${1:-0}"
total=0; failed=0; skipped=0
while IFS= read -r header; do
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$header"; }
  total=$((total + $(attr tests))); skipped=$((skipped + $(attr skipped)))
  failed=$((failed + $(attr failures) + $(attr errors)))
done < <(find "$ROOT" -path '*/target/*-reports/TEST-*.xml' -exec grep -h -m1 -o '<testsuite [^>]*>' {} +)
passed=$((total - failed - skipped + extra_passed))
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
