#!/usr/bin/env python3
"""Proposes an expected-findings file for a fixture story, for a person to review.

    python3 scripts/propose-expectations.py fixtures/stories/STORY

Runs build/crosscheck on the story and writes fixtures/expected/STORY.proposed.json beside the
reviewed fixtures/expected/STORY.json. It never overwrites the reviewed file: compare the two,
keep what is right, and say in the commit why an expectation changed.
"""
import json
import pathlib
import subprocess
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    story = pathlib.Path(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parent.parent
    run = subprocess.run([str(root / "build" / "crosscheck"), "check", "--quiet", "--format", "json", str(story)],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stderr, file=sys.stderr)
        return run.returncode
    report = json.loads(run.stdout)
    claims = {c["id"]: c for c in report["claims"]}

    def ref(claim_id):
        c = claims[claim_id]
        return {"article": c["article"], "text": c["text"]}

    proposed = {
        "story": story.name,
        "claims": [
            {"article": c["article"], "text": c["text"], "value": c["value"]["point"], "unit": c["value"]["unit"],
             "subject": c["subject"], "attribute": c["attribute"]}
            for c in report["claims"] if c["attribute"] and not c["attribute"].startswith("np:")
        ],
        "findings": [
            {"verdict": f["verdict"], "check": f["check"], "subject": f["subject"], "attribute": f["attribute"],
             "sides": [[ref(i) for i in side] for side in f["sides"]], "why": f["explanation"]}
            for f in report["findings"] if f["verdict"] != "agree"
        ],
        "traps": [],
    }
    out = root / "fixtures" / "expected" / (story.name + ".proposed.json")
    out.write_text(json.dumps(proposed, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {out}: review it against fixtures/expected/{story.name}.json; nothing was overwritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
