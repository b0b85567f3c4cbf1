#!/usr/bin/env python3
"""Tests of the accuracy harness's own scoring, on a made-up gold and made-up tool output, so a
harness that scores wrongly fails here before its figures reach docs/accuracy.md."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accuracy_match as match  # noqa: E402
import accuracy_report as report  # noqa: E402


def claim(id, article, text, point, unit, lo=None, hi=None, subject=None, attribute=None, **scope):
    return {"id": id, "article": article, "text": text, "start": len(id),
            "value": {"point": point, "lo": point if lo is None else lo, "hi": point if hi is None else hi, "unit": unit},
            "subject": subject, "attribute": attribute, "scope": scope}


GOLD = {
    "story": "toy", "domain": "disaster-abroad", "split": "dev",
    "claims": [
        {"id": "g1", "article": "a", "text": "64명", "value": 64, "unit": "count", "subject": "the event",
         "subject_names": ["이번 지진"], "measure": "deaths", "measure_words": ["사망자"], "as_of": "2025-03-14T13:00+09:00", "kind": "actual"},
        {"id": "g2", "article": "b", "text": "46명", "value": 46, "unit": "count", "subject": "the event",
         "measure": "deaths", "measure_words": ["사망자"], "as_of": "2025-03-14T13:00+09:00", "kind": "actual"},
        {"id": "g3", "article": "b", "text": "5%", "value": 5, "unit": "%", "subject": "Raon Market", "measure": "revenue-growth",
         "period": "2025-Q1", "kind": "consensus"},
        {"id": "g4", "article": "a", "text": "90명", "value": 90, "unit": "count", "subject": "the event", "measure": "deaths",
         "as_of": "2025-03-14T18:00+09:00", "kind": "actual"},
    ],
    "furniture": [{"article": "a", "text": "▲0.42%"}, {"article": "b", "text": "9,900원"}],
    "pairs": [
        {"a": "g1", "b": "g2", "verdict": "conflict", "why": "same briefing"},
        {"a": "g1", "b": "g4", "verdict": "trap", "trap": "later-as-of"},
    ],
}


class MatchingTest(unittest.TestCase):
    def test_a_missed_figure_inside_a_dropped_region_counts_as_lost_to_furniture(self):
        text = "많이 본 뉴스\n1. 사망자 64명\n본문: 사망자 90명이다."
        start = text.encode().find("1.".encode())
        end = start + len("1. 사망자 64명".encode())
        tool = {"articles": [{"id": "a", "path": "a.txt", "skipped": [
            {"start": start, "end": end, "reason": "ranking-list", "excerpt": "1. 사망자 64명"}]}]}
        self.assertTrue(match.lost_to_furniture({"article": "a", "text": "64명"}, tool, {"a": text}))
        self.assertFalse(match.lost_to_furniture({"article": "a", "text": "90명"}, tool, {"a": text}))
        # An HTML page's offsets are the rendered text's: the excerpt decides.
        tool["articles"][0]["path"] = "a.html"
        self.assertTrue(match.lost_to_furniture({"article": "a", "text": "64명"}, tool, {"a": "<p>x</p>"}))
        self.assertFalse(match.lost_to_furniture({"article": "a", "text": "4명"}, tool, {"a": "<p>x</p>"}))

    def test_a_figure_is_not_found_inside_a_longer_number(self):
        self.assertTrue(match.same_figure("5%", "약 5%"))
        self.assertFalse(match.same_figure("5%", "15%"))
        self.assertFalse(match.same_figure("5~10%", "10%"))
        self.assertTrue(match.same_figure("6조5000억원", "6조5000억"))

    def test_durations_of_one_family_compare_in_its_base_unit(self):
        gold = {"value": 96, "unit": "minute"}
        self.assertTrue(match.value_right(gold, {"value": {"point": 5760, "lo": 5730, "hi": 5790, "unit": "second"}}))
        self.assertTrue(match.unit_right(gold, {"value": {"point": 5760, "unit": "second"}}))
        self.assertFalse(match.value_right(gold, {"value": {"point": 96, "lo": 96, "hi": 96, "unit": "second"}}))
        self.assertFalse(match.unit_right(gold, {"value": {"point": 96, "unit": "count"}}))

    def test_a_bound_matches_on_the_end_the_text_states(self):
        under = {"lo": None, "hi": 30, "unit": "%"}
        self.assertTrue(match.value_right(under, {"value": {"point": 30, "lo": 0, "hi": 30, "unit": "%"}}))
        self.assertTrue(match.value_right(under, {"value": {"point": 30, "lo": None, "hi": 30, "unit": "%"}}))
        self.assertFalse(match.value_right(under, {"value": {"point": 30, "lo": 30, "hi": 30, "unit": "%"}}))
        self.assertFalse(match.value_right(under, {"value": {"point": 3, "lo": 0, "hi": 3, "unit": "%"}}))
        over = {"lo": 12000, "hi": None, "unit": "count"}
        self.assertTrue(match.value_right(over, {"value": {"point": 12000, "lo": 12000, "hi": 13000, "unit": "count"}}))
        self.assertFalse(match.value_right(over, {"value": {"point": 1200, "lo": 1200, "hi": 1300, "unit": "count"}}))
        ranged = {"lo": 5, "hi": 10, "unit": "%"}
        self.assertFalse(match.value_right(ranged, {"value": {"point": 5, "lo": 5, "hi": 7, "unit": "%"}}))

    def test_basis_points_compare_as_percentage_points(self):
        gold = {"value": 14, "unit": "bp"}
        self.assertTrue(match.value_right(gold, {"value": {"point": 0.14, "lo": 0.135, "hi": 0.145, "unit": "pp"}}))
        self.assertTrue(match.unit_right(gold, {"value": {"point": 0.14, "unit": "pp"}}))
        self.assertFalse(match.value_right(gold, {"value": {"point": 14, "lo": 13.5, "hi": 14.5, "unit": "pp"}}))

    def test_fields(self):
        g = GOLD["claims"][0]
        self.assertTrue(match.field_right("subject", g, {"subject": "event"}))
        self.assertFalse(match.field_right("subject", g, {"subject": "Raon-Market"}))
        self.assertTrue(match.field_right("subject", GOLD["claims"][2], {"subject": "Raon-Market"}))
        self.assertTrue(match.field_right("measure", g, {"attribute": "np:사망자"}))
        self.assertFalse(match.field_right("measure", g, {"attribute": "injured"}))
        self.assertTrue(match.field_right("time", g, {"scope": {"as_of": "2025-03-14T13:00+09:00"}}))
        self.assertFalse(match.field_right("time", g, {"scope": {"date": "2025-03-14"}}))
        self.assertTrue(match.field_right("kind", GOLD["claims"][2], {"scope": {"kind": "estimate"}}))
        self.assertFalse(match.field_right("kind", GOLD["claims"][2], {"scope": {"kind": None}}))

    def test_a_subject_or_measure_may_go_by_any_name_the_story_gives_it(self):
        aliases = match.story_aliases(GOLD)
        g2 = match.with_story_aliases(GOLD["claims"][1], aliases)  # g2 itself lists no names
        self.assertTrue(match.field_right("subject", g2, {"subject": "이번 지진"}))
        self.assertFalse(match.field_right("subject", GOLD["claims"][1], {"subject": "이번 지진"}))
        g3 = match.with_story_aliases(GOLD["claims"][2], aliases)  # another subject keeps its own names
        self.assertFalse(match.field_right("subject", g3, {"subject": "이번 지진"}))


class ScoringTest(unittest.TestCase):
    def tool(self, findings):
        return {"claims": [
            claim("a:0", "a", "64명", 64, "count", subject="event", attribute="np:사망자", as_of="2025-03-14T13:00+09:00"),
            claim("b:0", "b", "46명", 46, "count", subject="event", attribute="np:사망자"),
            claim("b:1", "b", "5%", 6, "%"),  # a wrong value
            claim("a:1", "a", "90명", 90, "count"),
            claim("a:2", "a", "0.42%", 0.42, "%"),  # furniture read as a claim
        ], "findings": findings}

    def test_a_found_conflict_a_false_alarm_and_a_sprung_trap(self):
        r = match.score_story(GOLD, self.tool([
            {"verdict": "conflict", "sides": [["a:0"], ["b:0"]]},
            {"verdict": "conflict", "sides": [["a:0"], ["a:1"]]},
        ]))
        self.assertEqual(r.n["found"], 4)
        self.assertEqual(r.n["extracted"], 3)
        self.assertEqual(r.n["wrong_value"], 1)
        self.assertEqual(r.n["furniture_taken"], 1)
        self.assertEqual((r.n["conflict_found"], r.n["planted"]), (1, 1))
        self.assertEqual((r.n["reported_true"], r.n["reported"]), (1, 2))
        self.assertEqual((r.n["traps_sprung"], r.n["traps"]), (1, 1))
        self.assertFalse(r.silent)
        t = report.totals_of([r])
        self.assertAlmostEqual(t["conflict_precision"], 0.5)
        self.assertAlmostEqual(t["subject_accuracy"], 2 / 4)
        self.assertAlmostEqual(t["time_accuracy"], 1 / 4)

    def test_a_story_with_no_finding_is_silent_and_breaks_a_floor(self):
        r = match.score_story(GOLD, self.tool([]))
        self.assertTrue(r.silent)
        t = {"dev": report.totals_of([r])}
        broken = report.below_floor(t, {"dev": {"min": {"conflict_recall": 0.5}, "max": {"silent_stories": 0}}})
        self.assertEqual(len(broken), 2)
        self.assertEqual(report.below_floor(t, {"dev": {"min": {"conflict_recall": 0.0}}}), [])

    def test_a_conflict_with_another_copy_of_the_right_figure_is_true(self):
        gold = dict(GOLD, claims=GOLD["claims"] + [dict(GOLD["claims"][1], id="g5", article="c")])
        tool = self.tool([{"verdict": "conflict", "sides": [["a:0"], ["c:0"]]}])
        tool["claims"].append(claim("c:0", "c", "46명", 46, "count"))
        r = match.score_story(gold, tool)
        self.assertEqual((r.n["reported_true"], r.n["reported"]), (1, 1))
        self.assertEqual(r.n["conflict_found"], 0)  # recall is the planted pair's own

    def test_a_figure_set_against_its_own_articles_levels_is_found(self):
        # g2 (46명, article b) is the wrong one; g3 (5%, its own article's) stands for the levels it contradicts.
        pair = dict(GOLD["pairs"][0], wrong="g2", levels=["g3"])
        gold = dict(GOLD, pairs=[pair, GOLD["pairs"][1]])
        r = match.score_story(gold, self.tool([{"verdict": "conflict", "sides": [["b:0"], ["b:1"]]}]))
        self.assertEqual((r.n["conflict_found"], r.n["planted"]), (1, 1))
        self.assertEqual((r.n["reported_true"], r.n["reported"]), (1, 1))
        # Without the levels the same finding is a false alarm.
        r = match.score_story(GOLD, self.tool([{"verdict": "conflict", "sides": [["b:0"], ["b:1"]]}]))
        self.assertEqual((r.n["conflict_found"], r.n["reported_true"]), (0, 0))

    def test_conflict_sides_on_one_side_do_not_count(self):
        r = match.score_story(GOLD, self.tool([{"verdict": "conflict", "sides": [["a:0", "b:0"], ["a:1"]]}]))
        self.assertEqual(r.n["conflict_found"], 0)
        self.assertEqual(r.n["reported_true"], 0)


if __name__ == "__main__":
    unittest.main()
