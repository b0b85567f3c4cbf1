#include <doctest/doctest.h>

#include <random>

#include "core/interval.hpp"
#include "core/dates.hpp"

using crosscheck::core::Interval;
using crosscheck::core::precision_interval;

TEST_CASE("written precision sets the interval") {
  Interval i = precision_interval(5600000, 100000);  // 560만: to the nearest 10만
  CHECK(i.lo == doctest::Approx(5550000));
  CHECK(i.hi == doctest::Approx(5650000));
  CHECK_FALSE(i.contains(5650000));
  CHECK(i.contains(5570000));
}

TEST_CASE("intervals that touch at an open end do not meet") {
  Interval a{0, 6e6, true, false};
  Interval b{6e6, 7e6, true, false};
  CHECK_FALSE(a.meets(b));
  CHECK_FALSE(b.meets(a));
  Interval c{6e6, 7e6, true, true};
  Interval d{5e6, 6e6, true, true};
  CHECK(c.meets(d));
}

TEST_CASE("property: agreement is symmetric and rounding-aware") {
  std::mt19937_64 rng(20250127);
  std::uniform_real_distribution<double> value(1, 1e6);
  for (int i = 0; i < 2000; ++i) {
    double x = value(rng), y = value(rng);
    double ux = std::pow(10.0, std::floor(std::log10(x)) - 2), uy = std::pow(10.0, std::floor(std::log10(y)) - 1);
    Interval a = precision_interval(std::round(x / ux) * ux, ux);
    Interval b = precision_interval(std::round(y / uy) * uy, uy);
    CHECK(a.meets(b) == b.meets(a));
    // Rounding the same true value at two precisions always agrees.
    Interval c = precision_interval(std::round(x / uy) * uy, uy);
    CHECK(a.meets(c));
  }
}

TEST_CASE("weekdays between two closes count trading sessions") {
  using crosscheck::core::PartialDate;
  CHECK(crosscheck::core::weekdays_between(PartialDate{2025, 1, 24}, PartialDate{2025, 1, 27}) == 1);
  CHECK(crosscheck::core::weekdays_between(PartialDate{2025, 1, 24}, PartialDate{2025, 1, 30}) == 4);
  CHECK(crosscheck::core::weekdays_between(PartialDate{2025, 1, 30}, PartialDate{2025, 1, 24}) == -1);
}

TEST_CASE("partial dates differ only where both are known") {
  using crosscheck::core::PartialDate;
  CHECK(PartialDate{0, 0, 29}.compatible(PartialDate{2025, 1, 29}));
  CHECK_FALSE(PartialDate{0, 0, 28}.compatible(PartialDate{2025, 1, 29}));
  CHECK(PartialDate{0, 1, 24}.to_string() == "?-01-24");
}
