#include "ingest/html_guard.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "core/utf8.hpp"

namespace crosscheck::ingest {

namespace {

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The tag name at `at` (after '<' or "</"), lower-cased.
std::string tag_name(std::string_view html, std::size_t at) {
  std::size_t end = at;
  while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '-')) ++end;
  return core::ascii_lower(html.substr(at, end - at));
}

bool is_void(const std::string& name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                               "meta", "param", "source", "track", "wbr", "keygen"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose content is text to the parser, not markup: their end is found by name.
bool is_raw_text(const std::string& name) { return name == "script" || name == "style" || name == "textarea" || name == "title"; }

// Where the tag opened at `open` ends (the '>' or the page's end), counting its attributes;
// quoted values may hold '>'.
std::size_t tag_end(std::string_view html, std::size_t open, std::size_t& attributes, bool& self_closing) {
  attributes = 0;
  self_closing = false;
  std::size_t i = open + 1;
  while (i < html.size() && html[i] != ' ' && html[i] != '>' && html[i] != '/' && html[i] != '\t' && html[i] != '\n') ++i;
  bool in_name = false;
  while (i < html.size() && html[i] != '>') {
    char c = html[i];
    if (c == '"' || c == '\'') {
      std::size_t close = html.find(c, i + 1);
      i = close == std::string_view::npos ? html.size() : close + 1;
      in_name = false;
      continue;
    }
    if (c == '=') {
      // An unquoted value after '=' is no attribute of its own; a quoted one is skipped above.
      std::size_t v = i + 1;
      while (v < html.size() && html[v] == ' ') ++v;
      if (v < html.size() && html[v] != '"' && html[v] != '\'')
        while (v < html.size() && html[v] != ' ' && html[v] != '>') ++v;
      i = v;
      in_name = false;
      continue;
    }
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/';
    if (space) in_name = false;
    else if (!in_name) ++attributes, in_name = true;
    ++i;
  }
  self_closing = i > open + 1 && i < html.size() && html[i - 1] == '/';
  return i;
}

// After a raw-text element opened: where its end tag starts, or the page's end.
std::size_t raw_text_end(std::string_view html, std::size_t from, const std::string& name) {
  for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2))
    if (tag_name(html, at + 2) == name) return at;
  return html.size();
}

// A tag as both readers see it.
struct Tag {
  std::string name;  // lower-cased
  bool closing = false;
  std::size_t end = 0;  // the '>' (or the page's end)
  std::size_t attributes = 0;
  bool self_closing = false;
};

// The tag that opens at `i` (a '<' before a letter, or also '!'/'?' when `declarations`), or none.
std::optional<Tag> tag_at(std::string_view html, std::size_t i, bool declarations) {
  if (i + 1 >= html.size() || html[i] != '<') return std::nullopt;
  Tag t;
  t.closing = html[i + 1] == '/';
  std::size_t name_at = i + (t.closing ? 2 : 1);
  if (name_at >= html.size()) return std::nullopt;
  char first = html[name_at];
  if (!is_letter(first) && !(declarations && (first == '!' || first == '?'))) return std::nullopt;
  t.name = tag_name(html, name_at);
  t.end = tag_end(html, i, t.attributes, t.self_closing);
  return t;
}

// After a comment that opens at `i`: where reading goes on; `i` itself when none opens there.
std::size_t past_comment(std::string_view html, std::size_t i) {
  if (html.compare(i, 4, "<!--") != 0) return i;
  std::size_t close = html.find("-->", i + 4);
  return close == std::string_view::npos ? html.size() : close + 3;
}

}  // namespace

PageShape measure_page(std::string_view html) {
  PageShape shape;
  shape.bytes = html.size();
  std::size_t depth = 0;
  std::size_t foreign_from = 0;  // the depth of the open <svg> or <math>, 0 outside one
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i)) {
    if (std::size_t after = past_comment(html, i); after != i) {
      i = after;
      continue;
    }
    std::optional<Tag> tag = tag_at(html, i, false);
    if (!tag) {
      ++i;
      continue;
    }
    const std::string& name = tag->name;
    std::size_t end = tag->end;
    ++shape.tags;
    shape.attributes = std::max(shape.attributes, tag->attributes);
    // "/>" closes an element only inside SVG or MathML; in HTML `<div/>` opens a div that stays
    // open, and a pre-scan that believed the slash could be walked past.
    bool closes_itself = tag->self_closing && foreign_from > 0 && depth >= foreign_from;
    if (tag->closing) {
      if (depth > 0) --depth;  // a stray end tag closes nothing
      if (depth < foreign_from) foreign_from = 0;
    } else if (!is_void(name) && !closes_itself) {
      if (foreign_from == 0 && (name == "svg" || name == "math")) foreign_from = depth + 1;
      shape.depth = std::max(shape.depth, ++depth);
      if (is_raw_text(name)) {
        end = raw_text_end(html, end, name);
        --depth;
      }
    }
    i = end;
  }
  return shape;
}

std::string over_limits(const PageShape& shape, const HtmlLimits& limits) {
  if (shape.depth > limits.max_depth)
    return "HTML nests " + std::to_string(shape.depth) + " elements deep (more than " + std::to_string(limits.max_depth) + ")";
  if (shape.attributes > limits.max_attributes)
    return "a tag holds " + std::to_string(shape.attributes) + " attributes (more than " + std::to_string(limits.max_attributes) + ")";
  if (shape.bytes > limits.max_bytes)
    return "the page is " + std::to_string(shape.bytes >> 20) + " MiB (more than " + std::to_string(limits.max_bytes >> 20) + " MiB for the HTML parser)";
  if (shape.tags > limits.max_tags) return "the page holds " + std::to_string(shape.tags) + " tags (more than " + std::to_string(limits.max_tags) + ")";
  return "";
}

std::string strip_tags(std::string_view html) {
  static constexpr std::string_view kBlocks[] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                                                 "section", "article", "blockquote", "ul", "ol", "hr", "pre", "dd", "dt", "figcaption"};
  static constexpr std::string_view kDropped[] = {"script", "style", "noscript", "template", "svg", "head", "iframe"};
  std::string out;
  out.reserve(html.size() / 2);
  std::set<std::string> unclosed;
  auto new_line = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out += '\n';
  };
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (std::size_t after = c == '<' ? past_comment(html, i) : i; after != i) {
      i = after;
      continue;
    }
    if (std::optional<Tag> tag = c == '<' ? tag_at(html, i, true) : std::nullopt) {
      i = tag->end < html.size() ? tag->end + 1 : tag->end;
      if (std::find(std::begin(kBlocks), std::end(kBlocks), tag->name) != std::end(kBlocks)) new_line();
      else if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      if (!tag->closing && std::find(std::begin(kDropped), std::end(kDropped), tag->name) != std::end(kDropped)) {
        // An element left open is dropped to the page's end only where a browser would read it so
        // too (a script or style); an unclosed <head> or <svg> drops nothing, or a broken page
        // would lose all its text.
        // A name once found with no end tag after it has none after any later point either: not
        // searched again, so a page of many unclosed <svg> stays linear.
        std::size_t close = unclosed.count(tag->name) ? html.size() : raw_text_end(html, i, tag->name);
        if (close == html.size()) unclosed.insert(tag->name);
        if (close < html.size() || is_raw_text(tag->name)) i = close;
      }
      continue;
    }
    if (c == '&') {
      // The common references; another stays as written.
      static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [ref, text] : kNamed)
        if (html.compare(i, ref.size(), ref) == 0) {
          out += text;
          i += ref.size();
          done = true;
          break;
        }
      if (done) continue;
      if (i + 2 < html.size() && html[i + 1] == '#') {
        std::size_t semi = html.find(';', i);
        if (semi != std::string_view::npos && semi - i <= 10) {
          bool hex = html[i + 2] == 'x' || html[i + 2] == 'X';
          std::string digits(html.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)));
          char* rest = nullptr;
          unsigned long cp = std::strtoul(digits.c_str(), &rest, hex ? 16 : 10);
          if (!digits.empty() && rest && *rest == '\0' && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            core::append_utf8(out, static_cast<char32_t>(cp));
            i = semi + 1;
            continue;
          }
        }
      }
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out += c;
    }
    ++i;
  }
  return std::string(core::trim(out));
}

}  // namespace crosscheck::ingest
