#include "core/interval.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crosscheck::core {

bool Interval::meets(const Interval& o) const {
  // Compare with a tiny relative epsilon: products of decimals are not exact in binary.
  auto eps = [](double a, double b) { return 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); };
  if (hi < o.lo - eps(hi, o.lo) || o.hi < lo - eps(o.hi, lo)) return false;
  if (std::fabs(hi - o.lo) <= eps(hi, o.lo) && hi < o.hi && !(hi_closed && o.lo_closed)) return false;
  if (std::fabs(o.hi - lo) <= eps(o.hi, lo) && o.hi < hi && !(o.hi_closed && lo_closed)) return false;
  return true;
}

bool Interval::contains(double v) const {
  if (v < lo || v > hi) return false;
  if (v == lo && !lo_closed) return false;
  if (v == hi && !hi_closed) return false;
  return true;
}

Interval Interval::scaled(double factor) const {
  return {lo * factor, hi * factor, lo_closed, hi_closed};
}

Interval Interval::hull(const Interval& o) const {
  Interval r = *this;
  if (o.lo < r.lo || (o.lo == r.lo && o.lo_closed)) { r.lo = o.lo; r.lo_closed = o.lo_closed || (o.lo == lo && lo_closed); }
  if (o.hi > r.hi || (o.hi == r.hi && o.hi_closed)) { r.hi = o.hi; r.hi_closed = o.hi_closed || (o.hi == hi && hi_closed); }
  return r;
}

Interval Interval::narrowed_to(const Interval& o) const {
  Interval r = *this;
  if (o.lo > r.lo || (o.lo == r.lo && !o.lo_closed)) r.lo = o.lo, r.lo_closed = o.lo_closed;
  if (o.hi < r.hi || (o.hi == r.hi && !o.hi_closed)) r.hi = o.hi, r.hi_closed = o.hi_closed;
  return r;
}

static std::string fmt(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string Interval::to_string() const {
  return std::string(lo_closed ? "[" : "(") + fmt(lo) + ", " + fmt(hi) + (hi_closed ? "]" : ")");
}

Interval precision_interval(double value, double unit) {
  double half = unit / 2;
  return {value - half, value + half, true, false};
}

}  // namespace crosscheck::core
