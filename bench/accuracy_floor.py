#!/usr/bin/env python3
"""Writes fixtures/accuracy-floor.json from a harness run (`accuracy.py score --json FILE`): each
figure of each split as its floor (rounded down) or ceiling (rounded up). Raising the floor is
part of any change that raises a figure; lowering it needs a reason in the commit message."""
import json
import math
import sys

from accuracy_report import HIGHER, LOWER


def main():
    run = json.load(open(sys.argv[1], encoding="utf-8"))
    out = {"_about": "The accuracy floor CI keeps (bench/accuracy.py score --floor); see docs/accuracy.md."}
    for split, t in run["totals"].items():
        out[split] = {"min": {k: math.floor(t[k] * 1000) / 1000 for k in HIGHER if t.get(k) is not None},
                      "max": {k: (math.ceil(t[k] * 1000) / 1000 if isinstance(t[k], float) else t[k]) for k in LOWER if t.get(k) is not None}}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
