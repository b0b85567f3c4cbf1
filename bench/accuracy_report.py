"""Totals, the printed table, the Markdown for docs/accuracy.md and the floor check."""
from accuracy_match import FIELDS

# Figures where higher is better, and where lower is better; the floor file keeps both kinds.
HIGHER = ("extraction_recall", "subject_accuracy", "measure_accuracy", "time_accuracy", "kind_accuracy",
          "conflict_recall", "flagged_recall", "conflict_precision")
LOWER = ("wrong_values", "furniture_rate", "body_lost_rate", "trap_false_alarm_rate", "silent_stories", "tool_errors")


def ratio(a, b, empty=None):
    return a / b if b else empty


def totals_of(results):
    n = {}
    fields = {f: [0, 0] for f in FIELDS}
    for r in results:
        for k, v in r.n.items():
            n[k] = n.get(k, 0) + v
        for f in FIELDS:
            fields[f][0] += r.fields[f][0]
            fields[f][1] += r.fields[f][1]
    t = {"stories": len(results), "counts": n}
    if not results:
        return t
    t["extraction_recall"] = ratio(n["extracted"], n["claims"], 1.0)
    t["wrong_values"] = n["wrong_value"]
    t["furniture_rate"] = ratio(n["furniture_taken"], n["furniture"], 0.0)
    t["body_lost_rate"] = ratio(n.get("lost_to_furniture", 0), n["claims"], 0.0)
    for f in FIELDS:
        t[f + "_accuracy"] = ratio(fields[f][0], fields[f][1], 1.0)
    t["conflict_recall"] = ratio(n["conflict_found"], n["planted"], 1.0)
    t["flagged_recall"] = ratio(n["flagged_found"], n["planted"], 1.0)
    t["conflict_precision"] = ratio(n["reported_true"], n["reported"], 1.0)
    t["trap_false_alarm_rate"] = ratio(n["traps_sprung"], n["traps"], 0.0)
    t["silent_stories"] = sum(1 for r in results if r.silent)
    t["tool_errors"] = sum(1 for r in results if r.error)
    return t


def pct(x):
    return "  n/a" if x is None else f"{100 * x:5.1f}"


def story_line(r):
    n, fl = r.n, r.fields
    f = " ".join(pct(ratio(*fl[k])) for k in FIELDS)
    return (f"{r.story:28} {r.split:4} {pct(ratio(n['extracted'], n['claims']))} {n['furniture_taken']:3}/{n['furniture']:<3}"
            f" {f}  {n['conflict_found']:2}/{n['planted']:<2} {n['reported_true']:2}/{n['reported']:<3} {n['traps_sprung']:2}/{n['traps']:<3}"
            f" {'SILENT' if r.silent else ''}{' ERROR ' + r.error if r.error else ''}")


HEADER = (f"{'story':28} {'split':4} {'extr':>5} {'furn':>7} {'subj':>5} {'meas':>5} {'time':>5} {'kind':>5}"
          f"  {'found':>5} {'true/rep':>8} {'traps':>6}")


def print_results(results, verbose):
    print(HEADER)
    for r in results:
        print(story_line(r))
        if verbose:
            for m in r.misses:
                print("    " + m)
    out = {}
    for split in ("dev", "test"):
        group = [r for r in results if r.split == split]
        if group:
            out[split] = totals_of(group)
            print(totals_line(split, out[split]))
    return out


def totals_line(name, t):
    n = t["counts"]
    return (f"{name}: {t['stories']} stories; extraction recall {pct(t['extraction_recall'])}% ({n['extracted']}/{n['claims']}),"
            f" wrong values {t['wrong_values']}, furniture taken {pct(t['furniture_rate'])}%,"
            f" body figures lost to furniture {pct(t['body_lost_rate'])}% ({n['lost_to_furniture']});"
            f" subject {pct(t['subject_accuracy'])}%, measure {pct(t['measure_accuracy'])}%, time {pct(t['time_accuracy'])}%,"
            f" kind {pct(t['kind_accuracy'])}%; conflict recall {pct(t['conflict_recall'])}% ({n['conflict_found']}/{n['planted']}),"
            f" flagged at all {pct(t['flagged_recall'])}%, conflict precision {pct(t['conflict_precision'])}%"
            f" ({n['reported_true']}/{n['reported']}), traps sprung {pct(t['trap_false_alarm_rate'])}% ({n['traps_sprung']}/{n['traps']}),"
            f" possible conflicts {n['possible_true']}/{n['possible_reported']} holding a planted pair,"
            f" silent stories {t['silent_stories']}, tool errors {t['tool_errors']}")


def markdown(results, totals):
    rows = ["| split | stories | extraction recall | wrong values | furniture taken | body lost to furniture | subject | measure | time | kind "
            "| conflict recall | flagged at all | conflict precision | traps sprung | silent |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for split, t in totals.items():
        rows.append(f"| {split} | {t['stories']} | {pct(t['extraction_recall'])}% | {t['wrong_values']} | {pct(t['furniture_rate'])}% "
                    f"| {pct(t['body_lost_rate'])}% | {pct(t['subject_accuracy'])}% | {pct(t['measure_accuracy'])}% | {pct(t['time_accuracy'])}% "
                    f"| {pct(t['kind_accuracy'])}% | {pct(t['conflict_recall'])}% | {pct(t['flagged_recall'])}% "
                    f"| {pct(t['conflict_precision'])}% | {pct(t['trap_false_alarm_rate'])}% | {t['silent_stories']} |")
    rows += ["", "| domain | split | stories | extraction recall | conflicts found | conflicts reported (true) | traps sprung | silent |",
             "|---|---|---|---|---|---|---|---|"]
    keys = sorted({(r.domain, r.split) for r in results})
    for domain, split in keys:
        t = totals_of([r for r in results if r.domain == domain and r.split == split])
        n = t["counts"]
        rows.append(f"| {domain} | {split} | {t['stories']} | {pct(t['extraction_recall'])}% | {n['conflict_found']}/{n['planted']} "
                    f"| {n['reported']} ({n['reported_true']}) | {n['traps_sprung']}/{n['traps']} | {t['silent_stories']} |")
    rows += ["", "| story | split | domain | extraction | conflicts found | reported (true) | traps sprung |", "|---|---|---|---|---|---|---|"]
    for r in results:
        n = r.n
        rows.append(f"| {r.story} | {r.split} | {r.domain} | {pct(ratio(n['extracted'], n['claims']))}% | {n['conflict_found']}/{n['planted']} "
                    f"| {n['reported']} ({n['reported_true']}) | {n['traps_sprung']}/{n['traps']} |")
    return "\n".join(rows) + "\n"


def below_floor(totals, floor):
    """Lines naming each figure worse than the floor (a floor for a split that was not scored is skipped)."""
    broken = []
    for split, limits in floor.items():
        if split not in totals or split.startswith("_"):
            continue
        t = totals[split]
        for k, v in limits.get("min", {}).items():
            if t.get(k) is not None and t[k] < v - 1e-9:
                broken.append(f"{split} {k} {t[k]:.4f} < floor {v}")
        for k, v in limits.get("max", {}).items():
            if t.get(k) is not None and t[k] > v + 1e-9:
                broken.append(f"{split} {k} {t[k]:.4f} > ceiling {v}")
    return broken
