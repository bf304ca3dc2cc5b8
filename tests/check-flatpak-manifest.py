#!/usr/bin/python3
"""Checks the content of Tillit's Flatpak manifest, since no GNOME runtime
can be downloaded to build it here.

Usage: check-flatpak-manifest.py MANIFEST.json
Prints a TAP stream and exits 1 if any check failed."""
import json
import sys

APP_ID = "io.github.tillit.Tillit"
REQUIRED_FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11",
                        "--socket=wayland", "--device=dri"]
# Files reach Tillit through the portal file chooser, never through a hole
# in the sandbox; X11 only as a fallback; the app needs no network.
FORBIDDEN_FINISH_ARGS = [
    ("--filesystem", "no file system access"),
    ("--socket=x11", "no --socket=x11 (only fallback-x11)"),
    ("--share=network", "no network access"),
    ("--device=all", "no access to all devices"),
    ("--talk-name=org.freedesktop.Flatpak", "no escape to the host"),
]


def is_forbidden(arg, forbidden):
    # --filesystem in any form (--filesystem=home, --filesystem=/tmp, ...);
    # the others exactly.
    if forbidden == "--filesystem":
        return arg == forbidden or arg.startswith(forbidden + "=")
    return arg == forbidden


def checks(manifest):
    if not isinstance(manifest, dict):
        manifest = {}
    finish = manifest.get("finish-args", [])
    if not isinstance(finish, list):
        finish = []
    finish = [a for a in finish if isinstance(a, str)]
    modules = manifest.get("modules", [])
    app = modules[-1] if isinstance(modules, list) and modules else {}
    if not isinstance(app, dict):
        app = {}
    sources = app.get("sources", [])
    if not isinstance(sources, list):
        sources = []

    yield f"id is {APP_ID}", manifest.get("id") == APP_ID
    yield "runtime is org.gnome.Platform", \
        manifest.get("runtime") == "org.gnome.Platform"
    yield "sdk is org.gnome.Sdk", manifest.get("sdk") == "org.gnome.Sdk"
    version = manifest.get("runtime-version")
    yield "runtime-version is a string of digits (a stable GNOME release)", \
        isinstance(version, str) and version.isascii() and version.isdigit()
    yield "command is tillit", manifest.get("command") == "tillit"
    for arg in REQUIRED_FINISH_ARGS:
        yield f"finish-args has {arg}", arg in finish
    for forbidden, what in FORBIDDEN_FINISH_ARGS:
        offenders = [a for a in finish if is_forbidden(a, forbidden)]
        yield f"finish-args: {what}" + \
            (f" (found {', '.join(offenders)})" if offenders else ""), \
            not offenders
    yield "the last module is named tillit", app.get("name") == "tillit"
    yield "tillit builds with meson", app.get("buildsystem") == "meson"
    yield "tillit builds from a dir source", \
        any(isinstance(s, dict) and s.get("type") == "dir" for s in sources)


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        print("1..1")
        print(f"not ok 1 - {path} is readable JSON: {error}")
        return 1
    results = list(checks(manifest))
    print(f"1..{len(results)}")
    failed = 0
    for number, (description, passed) in enumerate(results, 1):
        print(f"{'ok' if passed else 'not ok'} {number} - {description}")
        failed += not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
