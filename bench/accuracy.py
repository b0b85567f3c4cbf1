#!/usr/bin/env python3
"""The accuracy harness: scores the built crosscheck binary against the story bank's gold.

  python3 bench/accuracy.py validate [GOLD.json ...]        check gold files against their articles
  python3 bench/accuracy.py score [-v] [--split dev|test] [--floor FILE] [--json OUT] [--markdown OUT]

`score` runs `crosscheck check --format json` once per story folder and compares its claims and
findings with fixtures/expected/<story>.json (schema gold-1, see fixtures/README.md). It prints one
line per story and the totals per split; `-v` lists every miss and every false alarm with its
claim texts. With --floor it exits 1 when a figure is worse than the floor recorded in the file.
Only the Python standard library is used.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accuracy_match as match  # noqa: E402
import accuracy_report as report  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STORIES = os.path.join(ROOT, "fixtures", "stories")
EXPECTED = os.path.join(ROOT, "fixtures", "expected")
TRAP_KINDS = {"rounding", "hedge", "bound", "later-as-of", "other-period", "other-window", "other-subject",
              "other-segment", "estimate-vs-actual", "preliminary-vs-final", "pct-vs-pp", "rate-vs-total",
              "conversion", "other-source", "other-measure", "other-kind"}
KINDS = {"actual", "preliminary", "final", "revised", "estimate", "consensus", "forecast", "target", "guidance"}


def gold_files(paths):
    if paths:
        return paths
    out = []
    for name in sorted(os.listdir(EXPECTED)):
        if name.endswith(".json") and ".proposed." not in name:
            path = os.path.join(EXPECTED, name)
            with open(path, encoding="utf-8") as f:
                if json.load(f).get("schema") == "gold-1":
                    out.append(path)
    return out


def validate(path):
    """Every problem of one gold file, as readable lines."""
    problems = []
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except (OSError, ValueError) as e:
        return [f"{path}: cannot read: {e}"]
    story = gold.get("story", "")
    if os.path.splitext(os.path.basename(path))[0] != story:
        problems.append(f"story '{story}' does not match the file name")
    for key in ("domain", "split", "about", "articles", "claims", "furniture", "pairs"):
        if key not in gold:
            problems.append(f"missing '{key}'")
    if gold.get("split") not in ("dev", "test"):
        problems.append("split must be dev or test")
    folder = os.path.join(STORIES, story)
    texts = {}
    for a in gold.get("articles", []):
        file = os.path.join(folder, a.get("file", ""))
        if not os.path.isfile(file):
            problems.append(f"article {a.get('id')}: no file {file}")
            continue
        texts[a["id"]] = match.article_text(file, a["id"])
        if texts[a["id"]] is None:
            problems.append(f"article {a['id']}: not found in {a['file']} (a JSONL line needs that id)")
        if a.get("lang") not in ("ko", "en", "mixed"):
            problems.append(f"article {a['id']}: lang must be ko, en or mixed")
    if not 4 <= len(gold.get("articles", [])) <= 8:
        problems.append(f"{len(gold.get('articles', []))} articles, want 4 to 8")
    ids = set()
    for c in gold.get("claims", []):
        where = f"claim {c.get('id')}"
        if c.get("id") in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(c.get("id"))
        for key in ("article", "text", "unit", "subject", "measure", "kind"):
            if key not in c:
                problems.append(f"{where}: missing '{key}'")
        if "value" not in c and not ("lo" in c and "hi" in c):
            problems.append(f"{where}: needs value, or lo and hi")
        if c.get("kind") not in KINDS:
            problems.append(f"{where}: kind '{c.get('kind')}' is not one of {sorted(KINDS)}")
        problems += check_text(texts, c, where)
    for i, fur in enumerate(gold.get("furniture", [])):
        problems += check_text(texts, fur, f"furniture {i + 1}")
    conflicts = traps = 0
    by_claim = {c.get("id"): c for c in gold.get("claims", [])}
    for i, p in enumerate(gold.get("pairs", [])):
        where = f"pair {i + 1} ({p.get('a')}, {p.get('b')})"
        for side in ("a", "b"):
            if p.get(side) not in ids:
                problems.append(f"{where}: no claim '{p.get(side)}'")
        if p.get("verdict") == "conflict":
            conflicts += 1
            if "levels" in p or "wrong" in p:
                if p.get("wrong") not in (p.get("a"), p.get("b")):
                    problems.append(f"{where}: 'wrong' must name a or b")
                levels = p.get("levels")
                if not isinstance(levels, list) or not levels or any(x not in ids for x in levels):
                    problems.append(f"{where}: 'levels' must list claim ids")
                elif any(by_claim.get(x, {}).get("article") != by_claim.get(p.get("wrong"), {}).get("article") for x in levels):
                    problems.append(f"{where}: 'levels' must be in the wrong figure's own article")
        elif p.get("verdict") == "trap":
            traps += 1
            if p.get("trap") not in TRAP_KINDS:
                problems.append(f"{where}: trap kind '{p.get('trap')}' is not one of {sorted(TRAP_KINDS)}")
        else:
            problems.append(f"{where}: verdict must be conflict or trap")
    if conflicts < 2:
        problems.append(f"{conflicts} conflict pairs, want at least 2")
    if traps < 6:
        problems.append(f"{traps} trap pairs, want at least 6")
    if len(gold.get("furniture", [])) < 5:
        problems.append(f"{len(gold.get('furniture', []))} furniture figures, want at least 5")
    return [f"{os.path.basename(path)}: {p}" for p in problems]


def check_text(texts, item, where):
    text = texts.get(item.get("article"))
    if text is None:
        return [f"{where}: unknown article '{item.get('article')}'"] if item.get("article") not in texts else []
    n = text.count(item.get("text", "\0"))
    want = item.get("occurrence", 1)
    if n == 0:
        return [f"{where}: text '{item.get('text')}' is not in article {item['article']}"]
    if want > n:
        return [f"{where}: occurrence {want} of '{item['text']}', but it appears {n} times"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check gold files against their articles")
    v.add_argument("gold", nargs="*")
    s = sub.add_parser("score", help="run crosscheck on each story and score it against its gold")
    s.add_argument("stories", nargs="*", help="story names (default: every story with gold-1)")
    s.add_argument("--binary", default=os.path.join(ROOT, "build", "crosscheck"))
    s.add_argument("--split", choices=("dev", "test"))
    s.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    s.add_argument("--floor", help="fail (exit 1) when a figure is worse than this floor file")
    s.add_argument("--json", help="write the figures as JSON to this file")
    s.add_argument("--markdown", help="write the figures as Markdown tables to this file")
    args = parser.parse_args()

    if args.command == "validate":
        problems = [p for g in gold_files(args.gold) for p in validate(g)]
        for p in problems:
            print(p)
        print(f"{len(gold_files(args.gold))} gold files, {len(problems)} problems")
        return 1 if problems else 0

    paths = gold_files([os.path.join(EXPECTED, s + ".json") for s in args.stories])
    bad = [p for g in paths for p in validate(g)]
    if bad:
        print("\n".join(bad) + "\ngold files have problems: run `validate`", file=sys.stderr)
        return 2
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        if args.split and gold["split"] != args.split:
            continue
        tool = match.run_tool(args.binary, os.path.join(STORIES, gold["story"]))
        folder = os.path.join(STORIES, gold["story"])
        texts = {a["id"]: match.article_text(os.path.join(folder, a["file"]), a["id"]) for a in gold["articles"]}
        results.append(match.score_story(gold, tool, texts))
    totals = report.print_results(results, args.verbose)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"stories": [r.summary() for r in results], "totals": totals}, f, indent=1, ensure_ascii=False)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(report.markdown(results, totals))
    if args.floor:
        with open(args.floor, encoding="utf-8") as f:
            broken = report.below_floor(totals, json.load(f))
        for line in broken:
            print("below the floor: " + line)
        if broken:
            return 1
        print(f"accuracy floor ({os.path.relpath(args.floor, ROOT)}) holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
