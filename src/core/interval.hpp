#pragma once
// A quantity is an interval, not a number: written precision, hedges and bounds all shape it.
#include <limits>
#include <string>

namespace crosscheck::core {

struct Interval {
  double lo = 0;
  double hi = 0;
  bool lo_closed = true;
  bool hi_closed = true;

  static Interval exact(double v) { return {v, v, true, true}; }
  static constexpr double infinity() { return std::numeric_limits<double>::infinity(); }

  bool meets(const Interval& other) const;   // do the two share at least one value?
  bool contains(double v) const;
  bool bounded() const { return lo > -infinity() && hi < infinity(); }
  Interval scaled(double factor) const;      // factor > 0
  Interval hull(const Interval& other) const;
  // The part this shares with an interval it meets: the later start and the earlier end, an
  // open bound winning a tie.
  Interval narrowed_to(const Interval& other) const;
  std::string to_string() const;             // "[5.55e6, 5.65e6)"
};

// Interval implied by a written figure: digits after the decimal point count, integer
// trailing zeros do not (560 means "to the nearest ten"), as a reader would take it.
Interval precision_interval(double value, double unit);

}  // namespace crosscheck::core
