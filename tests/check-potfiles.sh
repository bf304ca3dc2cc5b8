#!/bin/sh
# Every file with a translatable string must be listed in po/POTFILES.in,
# and every listed file must exist. Prints TAP.
set -u
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1

n=0
fail=0
out=""
for f in $(grep -rlIE '(\b_\(|\bN_\(|\bC_\(|translatable="yes")' src ui data 2>/dev/null | sort); do
  n=$((n + 1))
  if grep -qxF "$f" po/POTFILES.in; then
    out="$out
ok $n - $f is in POTFILES.in"
  else
    out="$out
not ok $n - $f has translatable strings but is not in POTFILES.in"
    fail=1
  fi
done
for f in $(grep -vE '^(#|$)' po/POTFILES.in); do
  n=$((n + 1))
  if [ -f "$f" ]; then
    out="$out
ok $n - $f exists"
  else
    out="$out
not ok $n - $f is listed in POTFILES.in but does not exist"
    fail=1
  fi
done
echo "1..$n$out"
exit $fail
