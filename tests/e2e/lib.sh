# Helpers for end-to-end tests: source this file, then call the checks.
# A test runs the built zjgeo ($ZJGEO) as a user would, in a fresh work folder
# ($WORK), and fails (exit 1) on the first broken expectation. Exit 77 = skipped.
set -u
: "${ZJGEO:?ZJGEO must point at the zjgeo binary}"
: "${ZJGEO_SRC:?}"
: "${ZJGEO_TEST_DATA:?}"
WORK="${E2E_WORK:-$(mktemp -d)}"
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK" || exit 1
FAILS=0
CHECKS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { CHECKS=$((CHECKS + 1)); }

# run CMD...: runs zjgeo with the given arguments; sets RC, OUT (stdout), ERR (stderr).
run() {
  "$ZJGEO" "$@" >"$WORK/.out" 2>"$WORK/.err"
  RC=$?
  OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
}

# expect_rc N: the last run exited with N.
expect_rc() {
  if [ "$RC" -eq "$1" ]; then ok; else fail "expected exit $1, got $RC (stderr: $ERR)"; fi
}
# expect_err_exact TEXT: stderr is exactly TEXT.
expect_err_exact() {
  if [ "$ERR" = "$1" ]; then ok; else fail "stderr mismatch:
  expected: $1
  got:      $ERR"; fi
}
expect_err_empty() { if [ -z "$ERR" ]; then ok; else fail "expected empty stderr, got: $ERR"; fi; }
# expect_out_contains TEXT / expect_err_contains TEXT
expect_out_contains() { case "$OUT" in *"$1"*) ok ;; *) fail "stdout lacks '$1'; stdout: $(echo "$OUT" | head -20)" ;; esac; }
expect_err_contains() { case "$ERR" in *"$1"*) ok ;; *) fail "stderr lacks '$1'; stderr: $ERR" ;; esac; }
expect_file() { if [ -s "$1" ]; then ok; else fail "missing or empty file $1"; fi; }
expect_no_file() { if [ ! -e "$1" ]; then ok; else fail "file $1 should not exist"; fi; }
# expect_no_staging DIR: no leftover staging folders or temp files in DIR.
expect_no_staging() {
  local left
  left=$(find "${1:-.}" -maxdepth 1 -name '.zjgeo-tmp-*' | head -1)
  if [ -z "$left" ]; then ok; else fail "staging leftovers in ${1:-.}: $left"; fi
}
# expect_out_exact TEXT: stdout is exactly TEXT.
expect_out_exact() {
  if [ "$OUT" = "$1" ]; then ok; else fail "stdout mismatch:
--- expected
$1
--- got
$OUT"; fi
}
# need_tool CMD...: skip the test (exit 77) loudly when a tool it checks with is missing.
need_tool() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null || { echo "SKIPPED: $t not installed"; exit 77; }
  done
}
# expect_eq A B MESSAGE
expect_eq() { if [ "$1" = "$2" ]; then ok; else fail "$3: expected '$2', got '$1'"; fi; }

# finish: report and exit with the test's status. Call at the end.
finish() {
  if [ "$FAILS" -gt 0 ]; then echo "$FAILS of $((CHECKS + FAILS)) checks failed" >&2; exit 1; fi
  echo "all $CHECKS checks passed"; exit 0
}
