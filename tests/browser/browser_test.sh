#!/usr/bin/env bash
# The HTML conflict report in a real browser (headless Chromium): the DOM has the conflict cards
# and highlighted figures, a filter hides cards, a screenshot is taken, and a hostile article
# runs no script and creates no element. Exit 77 (skipped) when Chromium is not installed.
set -euo pipefail
crosscheck="$1"
source_dir="$2"
work="$3"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "chromium not installed: skipped (CROSSCHECK_WITH_BROWSER=1 bash scripts/bootstrap.sh installs it)"
  exit 77
fi
rm -rf "$work"
mkdir -p "$work"

chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile-$RANDOM" "$@" 2>/dev/null
}

# The probe is test-only: injected into a copy of the report, it reads the DOM after the
# report's own script has run, uses a filter, and writes what it saw into <pre id="probe">.
probe='<script>
(function(){
  var out = {};
  out.conflictCards = document.querySelectorAll(".card.conflict").length;
  out.cards = document.querySelectorAll(".card").length;
  out.marks = document.querySelectorAll("mark.fig").length;
  out.svgs = document.querySelectorAll("svg.numline").length;
  out.images = document.querySelectorAll("img").length;
  out.scripts = document.querySelectorAll("script").length;
  out.links = Array.prototype.map.call(document.querySelectorAll("a[href]"), function(a){ return a.getAttribute("href"); });
  out.pwned = window.__pwned || 0;
  out.title = document.title;
  out.filtersShown = getComputedStyle(document.querySelector(".filters")).display !== "none";
  var select = document.querySelector("select[name=verdict]");
  select.value = "conflict";
  select.dispatchEvent(new Event("change"));
  out.visibleAfterFilter = Array.prototype.filter.call(document.querySelectorAll(".card"), function(c){ return !c.hidden; }).length;
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>'

inject() {  # report.html → probe.html with the probe before </body>
  python3 - "$1" "$2" "$probe" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", sys.argv[3] + "</body>"))
PY
}

probe_of() {  # prints the probe's JSON from the DOM Chromium dumps
  chrome --dump-dom "file://$1" | python3 -c '
import html, re, sys
m = re.search(r"<pre id=\"probe\">(.*?)</pre>", sys.stdin.read(), re.S)
print(html.unescape(m.group(1)) if m else "{}")'
}

fail() { echo "FAIL: $*"; exit 1; }

# 1. The fixture stories.
status=0
"$crosscheck" check --quiet --format html --output "$work/report.html" "$source_dir/fixtures/stories/deepseek-selloff" \
  "$source_dir/fixtures/stories/election-night-2024" "$source_dir/fixtures/stories/samsung-q4-2024" || status=$?
[ "$status" -le 1 ] || fail "crosscheck exited $status"
inject "$work/report.html" "$work/probe.html"
result="$(probe_of "$work/probe.html")"
echo "fixtures: $result"
python3 - "$result" <<'PY' || fail "fixture report DOM"
import json, sys
r = json.loads(sys.argv[1])
assert r["conflictCards"] >= 6, r
assert r["marks"] >= r["cards"], r
assert r["svgs"] >= r["conflictCards"], r
assert r["filtersShown"], r
assert 0 < r["visibleAfterFilter"] == r["conflictCards"] < r["cards"], r
assert r["images"] == 0, r
PY
chrome --window-size=1200,2000 --screenshot="$work/report.png" "file://$work/report.html" >/dev/null
[ -s "$work/report.png" ] || fail "no screenshot"
echo "screenshot: $work/report.png"

# 2. A hostile article: nothing from it may run or become an element.
cat > "$work/hostile.jsonl" <<'JSONL'
{"id": "hostile", "outlet": "<script>window.__pwned=1</script>", "url": "javascript:window.__pwned=3", "title": "</style><script>window.__pwned=4</script>", "text": "딥시크 브이3 훈련 비용은 557만달러다. \"><img src=x onerror=\"window.__pwned=2\"> <script>window.__pwned=5;document.title='pwned'</script>"}
{"id": "plain", "url": "https://example.org/story", "outlet": "Example", "text": "딥시크 브이3 훈련 비용은 5억5700만달러다."}
JSONL
"$crosscheck" check --quiet --format html --output "$work/hostile.html" "$work/hostile.jsonl" || true
inject "$work/hostile.html" "$work/hostile-probe.html"
result="$(probe_of "$work/hostile-probe.html")"
echo "hostile: $result"
python3 - "$result" <<'PY' || fail "a hostile article changed the page"
import json, sys
r = json.loads(sys.argv[1])
assert r["pwned"] == 0, r
assert r["images"] == 0, r
assert r["scripts"] == 2, r          # the report's own script and the probe
assert "pwned" not in r["title"], r
assert not any(h.lower().startswith("javascript") for h in r["links"]), r
assert "https://example.org/story" in r["links"], r
assert r["conflictCards"] == 1, r
PY
echo "1 passed, 0 failed"
