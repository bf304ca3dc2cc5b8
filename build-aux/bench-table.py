#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One table from the BENCH lines of every benchmark program.

Each program in tests/bench/ prints, beside its own text, one line per
figure, tab separated:

    BENCH  figure  value  unit  reference  reference-value  target

with "-" for a missing reference, reference value or target; a target is
"ratio<=X" (value / reference value at most X) or "value<=X" (the value
itself at most X, in its unit). Reads the files named (or standard
input), ignores every other line, and prints a Markdown table, aligned
so that it reads in a terminal as well. Exits non-zero only on a
malformed BENCH line: a missed target is a figure, not an error.

    build-aux/bench-table.py build/bench/*.txt
"""

import re
import sys

TARGET = re.compile(r"^(ratio|value)<=([0-9]+(?:\.[0-9]+)?)$")
HEADER = ("figure", "value", "reference", "ratio", "target", "")


class Malformed(Exception):
    pass


def number(text, where):
    try:
        return float(text)
    except ValueError:
        raise Malformed(f"{where}: not a number: {text!r}") from None


def parse(line, where):
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 7:
        raise Malformed(f"{where}: {len(fields)} fields, not 7")
    _, figure, value, unit, reference, reference_value, target = fields
    if unit not in ("s", "ms", "MiB"):
        raise Malformed(f"{where}: unknown unit {unit!r}")
    match = TARGET.match(target)
    if target != "-" and match is None:
        raise Malformed(f"{where}: target {target!r} is neither ratio<=X nor value<=X")
    if match and match.group(1) == "ratio" and reference_value == "-":
        raise Malformed(f"{where}: a ratio target needs a reference value")
    return {
        "figure": figure,
        "value": number(value, where),
        "unit": unit,
        "reference": None if reference == "-" else reference,
        "reference_value": None if reference_value == "-" else number(reference_value, where),
        "target": match.groups() if match else None,
    }


def amount(value, unit):
    """A figure in its unit with as many decimals as it deserves."""
    if value >= 100:
        text = f"{value:,.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    elif value >= 1:
        text = f"{value:.2f}"
    else:
        text = f"{value:.3f}"
    return f"{text} {unit}"


def row(figure):
    value = figure["value"]
    reference_value = figure["reference_value"]
    ratio = value / reference_value if reference_value else None

    reference = "–"
    if figure["reference"] is not None:
        reference = figure["reference"]
        if reference_value is not None:
            reference += f": {amount(reference_value, figure['unit'])}"

    target, verdict = "–", ""
    if figure["target"] is not None:
        kind, limit = figure["target"][0], float(figure["target"][1])
        if kind == "ratio":
            target = f"≤ {figure['target'][1]}×"
            met = ratio is not None and ratio <= limit
        else:
            target = f"≤ {figure['target'][1]} {figure['unit']}"
            met = value <= limit
        verdict = "met" if met else "**missed**"

    return (figure["figure"], amount(value, figure["unit"]), reference,
            f"{ratio:.2f}×" if ratio is not None else "–", target, verdict)


def table(rows):
    widths = [max(len(cells[i]) for cells in [HEADER] + rows) for i in range(len(HEADER))]
    numeric = (False, True, False, True, False, False)

    def line(cells):
        padded = (c.rjust(w) if right else c.ljust(w) for c, w, right in zip(cells, widths, numeric))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if right else "-" * (w + 2)
                          for w, right in zip(widths, numeric)) + "|"
    return "\n".join([line(HEADER), rule] + [line(cells) for cells in rows])


def read(streams):
    figures = []
    for name, stream in streams:
        for number_, text in enumerate(stream, 1):
            if text.startswith("BENCH\t"):
                figures.append(parse(text, f"{name}:{number_}"))
    return figures


def main(argv):
    try:
        if len(argv) > 1:
            streams = []
            for path in argv[1:]:
                with open(path, encoding="utf-8") as stream:
                    streams.append((path, stream.readlines()))
        else:
            streams = [("<stdin>", sys.stdin)]
        figures = read(streams)
    except (OSError, Malformed) as error:
        print(f"bench-table: {error}", file=sys.stderr)
        return 1

    if not figures:
        print("bench-table: no BENCH lines", file=sys.stderr)
        return 1
    print(table([row(figure) for figure in figures]))
    missed = sum(1 for figure in figures if row(figure)[5] == "**missed**")
    print(f"\n{len(figures)} figure{'s' * (len(figures) != 1)}, "
          f"{missed} target{'s' * (missed != 1)} missed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
