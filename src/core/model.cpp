#include "core/model.hpp"

namespace crosscheck::core {

const char* dimension_name(Dimension d) {
  switch (d) {
    case Dimension::money: return "money";
    case Dimension::percent: return "percent";
    case Dimension::percentage_points: return "percentage-points";
    case Dimension::multiple: return "multiple";
    case Dimension::count: return "count";
    case Dimension::duration: return "duration";
    case Dimension::measure: return "measure";
    case Dimension::entity: return "entity";
  }
  return "count";
}

}  // namespace crosscheck::core
