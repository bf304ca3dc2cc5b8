#!/usr/bin/python3
"""Turns meson's test logs into the line `N passed, N failed`.

Exits non-zero when a test failed or the log holds no test at all."""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main(paths):
    passed = failed = skipped = 0
    failures = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as log:
                for line in log:
                    if not line.strip():
                        continue
                    result = json.loads(line)
                    outcome = result.get("result")
                    if outcome in PASSED:
                        passed += 1
                    elif outcome in SKIPPED:
                        skipped += 1
                    else:
                        failed += 1
                        failures.append(f"{path}: {result.get('name')}: {outcome}")
        except OSError as error:
            print(f"{path}: {error.strerror}", file=sys.stderr)
            failed += 1
    for failure in failures:
        print(f"FAILED {failure}")
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
