# Every registered command has help, reachable three ways, and the front end
# answers unknown commands and options with a suggestion and exit 2.
. "$(dirname "$0")/lib.sh"

run --help; expect_rc 0; expect_out_contains "Usage: zjgeo COMMAND"
run --version; expect_rc 0; expect_out_contains "zjgeo "
run; expect_rc 2
cmds=$("$ZJGEO" --help | awk '/^Commands:/{f=1;next} /^$/{f=0} f{print $1}')
[ -n "$cmds" ] || fail "no commands listed"
for c in $cmds; do
  run help "$c"; expect_rc 0; expect_out_contains "Usage: zjgeo $c"
  a=$OUT
  run "$c" --help; expect_rc 0; expect_eq "$OUT" "$a" "'zjgeo $c --help' equals 'zjgeo help $c'"
  run "$c" --no-such-option-xyz; expect_rc 2; expect_err_contains "zjgeo $c: "
done
run infp; expect_rc 2
case "$cmds" in *info*) expect_err_exact "zjgeo: unknown command 'infp'. Did you mean 'info'? Run 'zjgeo --help' for the list." ;; esac
finish
