#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "ingest/html_guard.hpp"
#include "ingest/ingest.hpp"

namespace crosscheck::ingest {

namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_MAIN: case GUMBO_TAG_HR:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

bool is_code(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_SVG ||
         tag == GUMBO_TAG_CANVAS || tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_HEAD;
}

const char* furniture_reason(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: return "html-nav";
    case GUMBO_TAG_HEADER: return "html-header";
    case GUMBO_TAG_FOOTER: return "html-footer";
    case GUMBO_TAG_ASIDE: return "html-aside";
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: return "html-form";
    default: return nullptr;
  }
}

std::string attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a ? a->value : "";
}

// A class or id naming a comment widget, a ranking list or a share bar marks furniture.
std::string widget_reason(const GumboElement& element, const rules::RuleSet& rules) {
  std::string names = core::ascii_lower(attribute(element, "class") + " " + attribute(element, "id"));
  if (core::trim(names).empty()) return "";
  for (const auto& rule : rules.line_rules)
    if (rule.kind == rules::LineRule::Kind::html_class && names.find(rule.text) != std::string::npos) return rule.reason;
  return "";
}

void append_text(std::string& out, std::string_view text) {
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out += c;
    }
  }
}

void new_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

std::string node_text(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      append_text(out, n->v.text.text);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const auto& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return std::string(core::trim(out));
}

}  // namespace

HtmlPage read_html(std::string_view html, const rules::RuleSet& rules) {
  HtmlPage page;
  // Bounded before the parser sees the page: a shape it handles badly is read without it.
  if (std::string why = over_limits(measure_page(html), HtmlLimits{}); !why.empty()) {
    page.notes.push_back("error: " + why + "; read without the HTML parser (tags, scripts and styles dropped)");
    page.text = strip_tags(html);
    return page;
  }
  // Gumbo keeps every parse error by default: a broken page's list of errors outgrew the page
  // hundreds of times over. The reader never looks at them.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());

  struct Frame {
    const GumboNode* node;
    bool closing;
    std::size_t start;
    std::string reason;
  };
  std::vector<Frame> stack{{output->root, false, 0, ""}};
  int furniture_depth = 0;
  std::size_t scripts = 0;
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (frame.closing) {
      if (is_block(node->v.element.tag)) new_line(page.text);
      if (!frame.reason.empty()) {
        --furniture_depth;
        if (page.text.size() > frame.start) page.skipped.push_back({{frame.start, page.text.size()}, frame.reason});
      }
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      append_text(page.text, node->v.text.text);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const auto& children = node->v.document.children;
      for (unsigned i = children.length; i > 0; --i) stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false, 0, ""});
      continue;
    }
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_TITLE && page.title.empty()) page.title = node_text(node);
    if (element.tag == GUMBO_TAG_META) {
      std::string key = core::ascii_lower(attribute(element, "property") + attribute(element, "name") + attribute(element, "itemprop"));
      std::string content = attribute(element, "content");
      if (key == "og:title" && !content.empty()) page.title = content;
      else if (key == "og:site_name") page.outlet = content;
      else if (key == "article:published_time" || key == "datepublished" || key == "pubdate" || key == "date") {
        if (page.published.empty()) page.published = content;
      } else if (key == "og:url") page.url = content;
      else if (key == "og:description" || key == "description") page.description = content;
    }
    if (element.tag == GUMBO_TAG_LINK && attribute(element, "rel") == "canonical" && page.url.empty())
      page.url = attribute(element, "href");
    if (element.tag == GUMBO_TAG_TIME && page.published.empty()) page.published = attribute(element, "datetime");
    if (is_code(element.tag)) {
      if (element.tag == GUMBO_TAG_SCRIPT || element.tag == GUMBO_TAG_STYLE) ++scripts;
      if (element.tag != GUMBO_TAG_HEAD) continue;
      // <head> holds the metadata: walk it for <title>/<meta>, emit none of its text.
      const auto& children = element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type != GUMBO_NODE_ELEMENT) continue;
        const GumboElement& e = child->v.element;
        if (e.tag == GUMBO_TAG_TITLE && page.title.empty()) page.title = node_text(child);
        if (e.tag == GUMBO_TAG_META || e.tag == GUMBO_TAG_LINK) stack.push_back({child, false, 0, ""});
      }
      continue;
    }
    std::string reason;
    if (furniture_depth == 0) {
      if (const char* r = furniture_reason(element.tag)) reason = r;
      else reason = widget_reason(element, rules);
    }
    if (is_block(element.tag)) new_line(page.text);
    if (!reason.empty()) ++furniture_depth;
    stack.push_back({node, true, page.text.size(), reason});
    const auto& children = element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false, 0, ""});
  }
  gumbo_destroy_output(&options, output);
  if (scripts) page.notes.push_back(std::to_string(scripts) + " script/style elements not read as text");
  return page;
}

}  // namespace crosscheck::ingest
