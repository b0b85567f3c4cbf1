#include <doctest/doctest.h>

#include <random>

#include "extract/extract.hpp"
#include "test_support.hpp"

using namespace crosscheck;

namespace {

const core::Quantity* only_figure(const extract::Extraction& e) {
  for (const auto& q : e.quantities)
    if (q.linked_to < 0) return &q;
  return nullptr;
}

// 12조3456억7890만 원, 6천875억원: the Korean way of writing a large amount.
std::string korean(long long v, std::mt19937_64& rng, const std::string& unit) {
  const std::pair<long long, const char*> scales[] = {{1000000000000LL, "조"}, {100000000LL, "억"}, {10000LL, "만"}, {1, ""}};
  std::string out;
  bool spaced = rng() % 3 == 0;
  for (auto [scale, word] : scales) {
    long long group = v / scale;
    v %= scale;
    if (!group) continue;
    if (!out.empty() && spaced) out += " ";
    if (group >= 1000 && rng() % 2 == 0) {
      out += std::to_string(group / 1000) + "천";
      if (group % 1000) out += std::to_string(group % 1000);
    } else {
      out += std::to_string(group);
    }
    out += word;
  }
  return out + (rng() % 2 ? " " : "") + unit;
}

std::string with_commas(long long v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

TEST_CASE("property: Korean amounts read back to the value written") {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 500; ++i) {
    long long v = static_cast<long long>(rng() % 99999) * 100000000LL + static_cast<long long>(rng() % 10000) * 10000LL;
    if (rng() % 4 == 0) v += static_cast<long long>(rng() % 100) * 1000000000000LL;
    if (v == 0) continue;
    std::string unit = rng() % 2 ? "원" : "달러";
    std::string text = korean(v, rng, unit);
    auto extraction = extract::extract_snippet("총 " + text + "이다", test::rules());
    auto q = only_figure(extraction);
    INFO(text);
    REQUIRE(q);
    CHECK(q->point == doctest::Approx(static_cast<double>(v)).epsilon(1e-12));
    CHECK(q->unit == (unit == "원" ? "KRW" : "USD"));
    CHECK_EQ(q->surface, text);
  }
}

TEST_CASE("property: English amounts read back to the value written") {
  std::mt19937_64 rng(7);
  const std::pair<double, const char*> scales[] = {{1e6, "million"}, {1e9, "billion"}, {1e12, "trillion"}};
  for (int i = 0; i < 500; ++i) {
    int mantissa = 1 + static_cast<int>(rng() % 9999);
    int decimals = static_cast<int>(rng() % 4);
    double shown = mantissa / std::pow(10.0, decimals);
    auto [factor, word] = scales[rng() % 3];
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, shown);
    std::string text = std::string("$") + buf + " " + word;
    auto extraction = extract::extract_snippet("it cost " + text + " last year", test::rules());
    auto q = only_figure(extraction);
    INFO(text);
    REQUIRE(q);
    CHECK(q->point == doctest::Approx(shown * factor).epsilon(1e-12));
    CHECK(q->unit == "USD");
    long long count = static_cast<long long>(rng() % 2000000000LL) + 1;
    std::string people = with_commas(count) + " people";
    auto counted = extract::extract_snippet("about " + people + " voted", test::rules());
    auto c = only_figure(counted);
    INFO(people);
    REQUIRE(c);
    CHECK(c->point == doctest::Approx(static_cast<double>(count)));
  }
}

TEST_CASE("a figure keeps its exact surface and offsets in the clean text") {
  std::string text = "딥시크가 투자한 자금은 600만달러에도 못 미쳤다.";
  auto e = extract::extract_snippet(text, test::rules());
  REQUIRE(e.quantities.size() == 1);
  const auto& q = e.quantities[0];
  CHECK(text.substr(q.span.start, q.span.end - q.span.start) == q.surface);
  CHECK(q.surface == "600만달러에도 못 미쳤다");
  CHECK(q.value.lo == 0);
  CHECK(q.value.hi == doctest::Approx(6e6));
  CHECK_FALSE(q.value.hi_closed);
}

TEST_CASE("one forward pass: a long run of figures is read in linear time") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + "만달러, ";
  auto e = extract::extract_snippet(text, test::rules());
  CHECK(e.quantities.size() == 20000);
}
