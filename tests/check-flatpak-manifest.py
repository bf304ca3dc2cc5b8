#!/usr/bin/python3
"""Checks the Flatpak manifest's content, since no GNOME runtime can be
downloaded to build it here. Prints TAP."""
import json
import sys

REQUIRED_FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11",
                        "--socket=wayland", "--device=dri"]
# Files reach Tillit through the portal file chooser, never a hole in the
# sandbox.
FORBIDDEN_PREFIXES = ["--filesystem", "--socket=x11", "--share=network",
                      "--device=all", "--talk-name=org.freedesktop.Flatpak"]


def checks(manifest):
    finish = manifest.get("finish-args", [])
    modules = manifest.get("modules", [])
    app = modules[-1] if modules else {}
    sources = app.get("sources", []) if isinstance(app, dict) else []
    yield "id is io.github.tillit.Tillit", manifest.get("id") == "io.github.tillit.Tillit"
    yield "runtime is org.gnome.Platform", manifest.get("runtime") == "org.gnome.Platform"
    yield "sdk is org.gnome.Sdk", manifest.get("sdk") == "org.gnome.Sdk"
    version = manifest.get("runtime-version")
    yield "runtime-version is a stable GNOME version", isinstance(version, str) and version.isdigit()
    yield "command is tillit", manifest.get("command") == "tillit"
    for arg in REQUIRED_FINISH_ARGS:
        yield f"finish-args has {arg}", arg in finish
    for prefix in FORBIDDEN_PREFIXES:
        yield f"finish-args has no {prefix}", not any(a.startswith(prefix) for a in finish)
    yield "the last module is tillit", app.get("name") == "tillit"
    yield "tillit builds with meson", app.get("buildsystem") == "meson"
    yield "tillit builds from the repository directory", \
        any(s.get("type") == "dir" and s.get("path") == ".." for s in sources)


def main(path):
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as error:
        print("1..1")
        print(f"not ok 1 - {path} parses: {error}")
        return 1
    results = list(checks(manifest))
    print(f"1..{len(results)}")
    failed = 0
    for number, (description, passed) in enumerate(results, 1):
        print(f"{'ok' if passed else 'not ok'} {number} - {description}")
        failed += not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
