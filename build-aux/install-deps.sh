#!/usr/bin/env bash
# Installs the Debian packages Tillit needs, only those that are missing.
# Usage: install-deps.sh build|check|fuzz
set -eu

build_pkgs="gcc make pkg-config meson ninja-build gettext libglib2.0-dev
libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libxml2-dev libsqlite3-dev
desktop-file-utils appstream"
check_pkgs="xvfb xauth libxml2-utils sqlite3 poppler-utils python3
python3-icalendar imagemagick dbus"
# make fuzz: clang with its sanitizer and libFuzzer runtimes (Debian 12's
# clang is clang-14, whose runtimes are only recommended).
fuzz_pkgs="clang libclang-rt-14-dev"

want=$build_pkgs
[ "${1:-build}" = check ] && want="$build_pkgs $check_pkgs"
[ "${1:-build}" = fuzz ] && want="$build_pkgs $fuzz_pkgs"

missing=
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=
[ "$(id -u)" -ne 0 ] && sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
