#pragma once
// What bounds the HTML parser's work: a linear pre-scan of a page's tags that no markup can
// bypass (it never trusts the parser), and a plain reader for a page the parser must not see.
#include <cstddef>
#include <string>
#include <string_view>

namespace crosscheck::ingest {

// Gumbo's time and memory grow faster than the page along some shapes: attributes of one tag
// (checked for duplicates pairwise: 200,000 took 86 s), nesting (5,000 nested tables took 800 MB),
// unclosed formatting elements. Real pages stay far inside these.
struct HtmlLimits {
  std::size_t max_depth = 1000;             // open elements at once; void elements and `/>` do not nest
  std::size_t max_attributes = 512;         // in one tag
  std::size_t max_tags = 400000;            // in the page
  // Within the limits above, hostile shapes still cost up to about 80 times the page in the
  // parser's tree (unclosed formatting elements rebuilt in every paragraph); a news page is well
  // under 2 MiB, so past this the parser is not used and its peak stays near 1.3 GB at worst.
  std::size_t max_bytes = 16u << 20;
};

struct PageShape {
  std::size_t depth = 0;       // the deepest nesting seen
  std::size_t attributes = 0;  // the most attributes in one tag
  std::size_t tags = 0;
  std::size_t bytes = 0;
};

// One pass over the bytes: tags, their attributes, nesting. Comments and the text of
// script/style/textarea/title are skipped as the parser would.
PageShape measure_page(std::string_view html);

// Why a page of this shape is not given to the parser ("" when it may be): for the warning.
std::string over_limits(const PageShape& shape, const HtmlLimits& limits);

// The page's text without the parser: tags dropped, script, style and comments with their
// contents, block tags as line breaks, the common character references decoded. For a page the
// parser must not see; its furniture is not told apart.
std::string strip_tags(std::string_view html);

}  // namespace crosscheck::ingest
