"""Matching the tool's claims and findings to a story's gold, and the figures of one story."""
import json
import os
import re
import subprocess
import unicodedata

# Gold kinds the tool may name by their family: a consensus or a forecast is an estimate.
KIND_FAMILY = {
    "actual": {"actual"}, "preliminary": {"preliminary"}, "final": {"final", "actual"},
    "revised": {"revised"}, "estimate": {"estimate"}, "consensus": {"consensus", "estimate", "forecast"},
    "forecast": {"forecast", "estimate"}, "target": {"target"}, "guidance": {"guidance", "target", "estimate", "forecast"},
}
FIELDS = ("subject", "measure", "time", "kind")


def article_text(path, article_id):
    """The text a gold entry is looked up in: the raw file, or one JSONL line's title and text."""
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    if not path.endswith(".jsonl"):
        return raw
    for line in raw.splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and obj.get("id") == article_id:
            return str(obj.get("title", "")) + "\n" + str(obj.get("text", ""))
    return None


def norm_text(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip()


def norm_name(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    if s.startswith("np:"):
        s = s[3:]
    return "".join(ch for ch in s if ch.isalnum())


def digits(s):
    return "".join(ch for ch in s if ch.isdigit())


def contains_figure(outer, inner):
    """Whether `inner` stands in `outer` as a whole figure (not `5%` inside `15%`)."""
    start = outer.find(inner)
    while start >= 0:
        before = outer[start - 1] if start > 0 else " "
        after = outer[start + len(inner)] if start + len(inner) < len(outer) else " "
        if not (before.isdigit() or before in ".,") and not (inner[-1:].isdigit() and after.isdigit()):
            return True
        start = outer.find(inner, start + 1)
    return False


def same_figure(gold_text, tool_text):
    g, t = norm_text(gold_text), norm_text(tool_text)
    if not g or not t:
        return False
    if contains_figure(t, g):
        return True
    return contains_figure(g, t) and digits(g) == digits(t)


def run_tool(binary, folder):
    try:
        done = subprocess.run([binary, "check", "--format", "json", "--quiet", folder],
                              capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return {"error": str(e), "claims": [], "findings": []}
    try:
        out = json.loads(done.stdout.decode("utf-8", errors="replace"))
    except ValueError:
        return {"error": f"exit {done.returncode}, no JSON: {done.stderr.decode()[:300]}", "claims": [], "findings": []}
    if done.returncode not in (0, 1):
        out["error"] = f"exit {done.returncode}: {done.stderr.decode()[:300]}"
    return out


# Units of one family, as multiples of its base: a gold file may give 1시간 36분 as 96 minutes
# where the tool gives 5760 seconds, and 14 basis points as 14 bp where the tool gives 0.14 pp.
UNIT_FAMILIES = {"second": ("second", 1), "minute": ("second", 60), "hour": ("second", 3600),
                 "month": ("month", 1), "year": ("month", 12), "pp": ("pp", 1), "bp": ("pp", 0.01)}


def in_base(gold, claim):
    """The gold's value fields and the claim's value in the family's base unit, when both units
    belong to one family; otherwise as they are."""
    v = dict(claim.get("value") or {})
    g = {k: gold.get(k) for k in ("value", "lo", "hi") if k in gold}
    gu, tu = UNIT_FAMILIES.get(gold.get("unit")), UNIT_FAMILIES.get(v.get("unit"))
    if gu and tu and gu[0] == tu[0]:
        g = {k: (x * gu[1] if x is not None else None) for k, x in g.items()}
        v = {k: (x * tu[1] if isinstance(x, (int, float)) and not isinstance(x, bool) and k in ("lo", "hi", "point") else x)
             for k, x in v.items()}
        v["unit"] = gold.get("unit")
    return g, v


def first_side(gold, claim):
    """Gold writes a result of two sides ("3-1", "7대 4") as a count of its first side; the tool
    reads it whole, unit "score", value first × 1000 + second. The first side is what both say."""
    v = dict(claim.get("value") or {})
    if v.get("unit") != "score" or gold.get("unit") not in ("count", "score"):
        return None
    first = float(int((v.get("point") or 0) // 1000))
    return dict(v, point=first, lo=first, hi=first, unit=gold.get("unit"))


def value_right(gold, claim):
    if (v := first_side(gold, claim)) is not None:
        return gold.get("value") == v["point"]
    gold, v = in_base(gold, claim)
    lo, hi, point = v.get("lo"), v.get("hi"), v.get("point")

    def near(a, b):
        return a is not None and b is not None and abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)

    if "value" in gold:
        # A fall written as digits and a verb (`2.3% 내린`) is read right as 2.3 with its direction:
        # the sign is the framer's, so a value that differs from the gold only in sign counts.
        x = gold["value"]
        if x < 0 and point is not None and point > 0:
            x = -x
        inside = (lo is None or lo <= x * (1 + 1e-9) + 1e-12) and (hi is None or x <= hi * (1 + 1e-9) + 1e-12)
        return near(point, x) or (inside and (lo is not None or hi is not None))
    # A bound: the end the text states must match. Where gold leaves an end open (`under 30` has no
    # stated floor, `1만2천여` no stated ceiling) the tool may close it with its own reading (0 for a
    # level that cannot be negative, the next step for 여), but a bound read as a point is wrong.
    if gold["lo"] is None and gold["hi"] is None:
        return lo is None and hi is None
    return ((gold["lo"] is None and not near(lo, hi)) or near(gold["lo"], lo)) and \
        ((gold["hi"] is None and not near(lo, hi)) or near(gold["hi"], hi))


def unit_right(gold, claim):
    def n(u):
        return (u or "").replace(" ", "").replace("℃", "°C").lower()
    if first_side(gold, claim) is not None:
        return True
    return n(gold["unit"]) == n(in_base(gold, claim)[1].get("unit"))


def story_aliases(gold):
    """Every way the story's articles write each gold subject and measure. The tool names a subject or
    measure once for the whole story (one alias stands for all of them), so a claim is right when the
    tool's name is any alias gold gives that same subject or measure anywhere in the story."""
    subjects, measures = {}, {}
    for g in gold["claims"]:
        subjects.setdefault(g["subject"], set()).update(g.get("subject_names", []))
        measures.setdefault(g["measure"], set()).update(g.get("measure_words", []))
    return subjects, measures


def with_story_aliases(g, aliases):
    subjects, measures = aliases
    return dict(g, subject_names=sorted(subjects.get(g["subject"], ())),
                measure_words=sorted(measures.get(g["measure"], ())))


def field_right(field, gold, claim):
    if field == "subject":
        names = {norm_name(x) for x in [gold["subject"]] + gold.get("subject_names", [])}
        tool = [norm_name(claim.get(k)) for k in ("subject", "subject_root", "subject_label") if claim.get(k)]
        if gold["subject"] == "the event" and any(t.startswith("event") for t in tool):
            return True
        return any(t in names for t in tool)
    if field == "measure":
        words = {norm_name(x) for x in [gold["measure"]] + gold.get("measure_words", [])}
        tool = [norm_name(claim.get(k)) for k in ("concept", "measure", "attribute", "measure_label") if claim.get(k)]
        return any(t in words or any(len(min(t, w, key=len)) >= 2 and (t.startswith(w) or w.startswith(t)) for w in words)
                   for t in tool if t)
    scope = claim.get("scope") or {}
    if field == "kind":
        return (scope.get("kind") or "actual") in KIND_FAMILY.get(gold["kind"], {gold["kind"]})
    if "period" in gold:
        p = gold["period"]
        return scope.get("period") == p or (len(p) == 10 and (scope.get("date") == p or (scope.get("as_of") or "")[:10] == p))
    a = gold["as_of"]
    if "T" in a:
        return (scope.get("as_of") or "")[:16] == a[:16]
    return scope.get("date") == a or (scope.get("as_of") or "")[:10] == a


class StoryResult:
    def __init__(self, gold):
        self.story, self.domain, self.split = gold["story"], gold["domain"], gold["split"]
        self.error = None
        self.n = {k: 0 for k in ("claims", "extracted", "found", "wrong_value", "wrong_unit", "furniture",
                                 "furniture_taken", "lost_to_furniture", "planted", "conflict_found", "flagged_found", "reported",
                                 "reported_true", "traps", "traps_sprung", "possible_reported", "possible_true")}
        self.fields = {f: [0, 0] for f in FIELDS}
        self.misses = []  # readable lines for -v

    @property
    def silent(self):
        return self.n["planted"] > 0 and self.n["flagged_found"] == 0

    def summary(self):
        return {"story": self.story, "domain": self.domain, "split": self.split, "error": self.error,
                "counts": self.n, "fields": self.fields, "silent": self.silent}


def lost_to_furniture(g, tool, texts):
    """Whether a gold body figure the tool missed lies in a region the tool dropped as furniture.

    Where the tool's text is the file's text (plain text, a JSONL line) the figure's byte offset
    is tested against the dropped spans; for an HTML page, whose text the tool renders, against
    the dropped regions' excerpts."""
    article = next((a for a in tool.get("articles", []) if a.get("id") == g["article"]), None)
    if not article or not article.get("skipped"):
        return False
    regions = article["skipped"]
    text = (texts or {}).get(g["article"])
    aligned = text is not None and not article.get("path", "").endswith((".html", ".htm")) and all(
        text.encode()[s["start"]:s["start"] + len(s["excerpt"].encode())].decode("utf-8", "replace") == s["excerpt"] for s in regions)
    if not aligned:
        return any(contains_figure(s.get("excerpt", ""), g["text"]) for s in regions)
    raw = text.encode()
    needle = g["text"].encode()
    offsets, at = [], raw.find(needle)
    while at >= 0:
        offsets.append(at)
        at = raw.find(needle, at + 1)
    occ = g.get("occurrence") or 1
    if len(offsets) < occ:
        return False
    at = offsets[occ - 1]
    return any(s["start"] <= at < s["end"] for s in regions)


def score_story(gold, tool, texts=None):
    r = StoryResult(gold)
    r.error = tool.get("error")
    claims = [c for c in tool.get("claims", []) if c.get("dimension") != "entity"]
    by_article = {}
    for c in sorted(claims, key=lambda c: c.get("start", 0)):
        by_article.setdefault(c["article"], []).append(c)
    used, tool_of = set(), {}
    aliases = story_aliases(gold)
    for g in gold["claims"]:
        r.n["claims"] += 1
        cands = [c for c in by_article.get(g["article"], []) if same_figure(g["text"], c.get("text", ""))]
        occ = g.get("occurrence")
        if occ and texts and g["article"] in texts:
            # A page's <title> (or a JSONL line's title) comes before its body and is not a body
            # figure, so the tool has one candidate fewer than the file has occurrences: count
            # the occurrence past the ones the body does not hold.
            missing = (texts[g["article"]] or "").count(g["text"]) - len(cands)
            if 0 < missing < occ:
                occ -= missing
        pick = None
        if occ and len(cands) >= occ and cands[occ - 1]["id"] not in used:
            pick = cands[occ - 1]
        else:
            pick = next((c for c in cands if c["id"] not in used), None)
        label = f"{g['article']}:{g['text']} ({g['id']})"
        for f in FIELDS:
            if f != "time" or "period" in g or "as_of" in g:
                r.fields[f][1] += 1
        if pick is None:
            if lost_to_furniture(g, tool, texts):
                r.n["lost_to_furniture"] += 1
                r.misses.append(f"not extracted, dropped as page furniture: {label}")
            else:
                r.misses.append(f"not extracted: {label}")
            continue
        used.add(pick["id"])
        tool_of[g["id"]] = pick["id"]
        r.n["found"] += 1
        vr, ur = value_right(g, pick), unit_right(g, pick)
        if not vr:
            r.n["wrong_value"] += 1
            r.misses.append(f"wrong value: {label} read as {pick.get('value')}")
        if not ur:
            r.n["wrong_unit"] += 1
            r.misses.append(f"wrong unit: {label} read as {(pick.get('value') or {}).get('unit')}, gold {g['unit']}")
        if vr and ur:
            r.n["extracted"] += 1
        for f in FIELDS:
            if f == "time" and "period" not in g and "as_of" not in g:
                continue
            if field_right(f, with_story_aliases(g, aliases), pick):
                r.fields[f][0] += 1
            else:
                want = g.get("period", g.get("as_of")) if f == "time" else g.get(f)
                # The source says where the framer took a wrong field from (clause, topic, story).
                got = {"subject": (pick.get("subject"), pick.get("subject_source")), "measure": (pick.get("attribute"), pick.get("attribute_source")), "kind": (pick.get("scope") or {}).get("kind"),
                       "time": {k: (pick.get("scope") or {}).get(k) for k in ("date", "period", "as_of") if (pick.get("scope") or {}).get(k)}}[f]
                r.misses.append(f"{f} wrong: {label}: tool {got!r}, gold {want!r}")
    for fur in gold["furniture"]:
        r.n["furniture"] += 1
        hits = [c for c in by_article.get(fur["article"], []) if same_figure(fur["text"], c.get("text", "")) and c["id"] not in used]
        if hits:
            r.n["furniture_taken"] += 1
            r.misses.append(f"furniture taken as a claim: {fur['article']}:{fur['text']} ({fur.get('why', '')})")
    score_findings(r, gold, tool, tool_of, {c["id"]: c for c in claims})
    return r


def side_of(finding, claim_id):
    for i, side in enumerate(finding.get("sides", [])):
        if claim_id in side:
            return i
    return -1


def apart(finding, a, b):
    sa, sb = side_of(finding, a), side_of(finding, b)
    return sa >= 0 and sb >= 0 and sa != sb


def score_findings(r, gold, tool, tool_of, claims):
    findings = tool.get("findings", [])
    conflicts = [f for f in findings if f.get("verdict") == "conflict"]
    flagged = [f for f in findings if f.get("verdict") in ("conflict", "possible-conflict", "disputed")]
    pairs = [p for p in gold["pairs"] if p["verdict"] == "conflict"]
    planted = [(p["a"], p["b"], p.get("why", "")) for p in pairs]
    mapped = [(tool_of.get(a), tool_of.get(b)) for a, b, _ in planted]

    # A figure that contradicts the levels its own article gives (48% for 12,400 to 4,960) is
    # found as well by a finding that sets it against those levels (`wrong` and `levels`).
    def against_levels(f, p):
        wrong = tool_of.get(p.get("wrong"))
        return bool(wrong) and any(apart(f, wrong, tool_of[x]) for x in p.get("levels", []) if x in tool_of)

    for p, (a, b, why), (ta, tb) in zip(pairs, planted, mapped):
        r.n["planted"] += 1
        hit = (ta and tb and any(apart(f, ta, tb) for f in conflicts)) or any(against_levels(f, p) for f in conflicts)
        flag = (ta and tb and any(apart(f, ta, tb) for f in flagged)) or any(against_levels(f, p) for f in flagged)
        r.n["conflict_found"] += bool(hit)
        r.n["flagged_found"] += bool(flag)
        if not hit:
            state = "not extracted" if not (ta and tb) else ("flagged as possible only" if flag else "not flagged")
            r.misses.append(f"planted conflict missed ({state}): {a} vs {b}: {why}")
    # A planted conflict holds between its two values of one quantity, wherever they are retold: a
    # finding that sets a third article's copy of the right figure against the wrong one is true
    # too. (Recall above stays with the planted pair itself.)
    def same_quantity(x, y):
        return all(x.get(k) == y.get(k) for k in ("subject", "measure", "value", "unit", "period", "as_of", "kind"))
    by_id = {g["id"]: g for g in gold["claims"]}
    def copies(gid):
        return [tool_of[g["id"]] for g in gold["claims"] if g["id"] in tool_of and same_quantity(g, by_id[gid])]
    mapped_true = [(x, y) for a, b, _ in planted if a in by_id and b in by_id for x in copies(a) for y in copies(b)]
    possible = [f for f in findings if f.get("verdict") == "possible-conflict"]
    r.n["possible_reported"] = len(possible)
    r.n["possible_true"] = sum(1 for f in possible if any(ta and tb and apart(f, ta, tb) for ta, tb in mapped)
                               or any(against_levels(f, p) for p in pairs))
    for f in conflicts:
        r.n["reported"] += 1
        if any(apart(f, ta, tb) for ta, tb in mapped_true) or any(against_levels(f, p) for p in pairs):
            r.n["reported_true"] += 1
        else:
            sides = " | ".join(", ".join(f"{claims[i]['article']}:{claims[i]['text']}" if i in claims else i for i in s)
                               for s in f.get("sides", []))
            r.misses.append(f"false alarm: {f.get('subject')} {f.get('attribute')}: [{sides}]")
    for p in gold["pairs"]:
        if p["verdict"] != "trap":
            continue
        r.n["traps"] += 1
        ta, tb = tool_of.get(p["a"]), tool_of.get(p["b"])
        if ta and tb and any(apart(f, ta, tb) for f in conflicts):
            r.n["traps_sprung"] += 1
            r.misses.append(f"false alarm on a trap ({p['trap']}): {p['a']} vs {p['b']}: {p.get('why', '')}")
