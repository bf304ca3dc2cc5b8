#!/bin/sh
# The command line of the tillit binary. Prints TAP.
set -u
tillit=${1:?usage: test-cli.sh TILLIT VERSION}
version=${2:?usage: test-cli.sh TILLIT VERSION}

n=0
fail=0
check() {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fail=1; fi
}

echo "1..3"
out=$("$tillit" --version 2>&1)
check "--version prints the name and version" '[ "$out" = "tillit $version" ]'
help=$("$tillit" --help 2>&1)
check "--help names --database" 'printf "%s" "$help" | grep -q -- "--database=FILE"'
"$tillit" --no-such-option >/dev/null 2>&1
rc=$?
check "an unknown option fails" '[ $rc -ne 0 ]'
exit $fail
