// Across the story: the spellings of one name found in several articles (라온마켓, 라온, Raon
// Market; 새별로보틱스, Saebyeol Robotics) made one subject, and a claim with no subject given the
// only one the rest of the story gives its measure, or its flow the only period.
#include <algorithm>
#include <map>

#include "core/dates.hpp"
#include "core/romanize.hpp"
#include "core/text.hpp"
#include "frame/frame_internal.hpp"
#include "frame/subjects.hpp"

namespace crosscheck::frame {

namespace {

// A Korean spelling of a foreign name and the name itself (새별로보틱스, Saebyeol Robotics; 미르켐,
// Mirchem) romanize to different keys with one sound skeleton: one name. Only across scripts,
// and only for skeletons of four consonants or more, where two different names rarely meet.
void merge_by_sound(std::map<std::string, std::map<std::string, std::size_t>>& spellings) {
  std::map<std::string, std::pair<std::string, bool>> first_of;  // skeleton → (key, spelled in Hangul)
  std::vector<std::pair<std::string, std::string>> merges;         // key → the key it joins
  for (const auto& [key, names] : spellings) {
    bool hangul = std::any_of(names.begin(), names.end(), [](const auto& n) { return !n.first.empty() && static_cast<unsigned char>(n.first[0]) >= 0x80; });
    std::string skeleton = core::sound_skeleton(key);
    if (skeleton.size() < 4) continue;
    auto [it, fresh] = first_of.emplace(skeleton, std::make_pair(key, hangul));
    if (!fresh && it->second.second != hangul) merges.push_back({key, it->second.first});
  }
  for (const auto& [from, to] : merges) {
    for (const auto& [name, count] : spellings[from]) spellings[to][name] += count;
    spellings.erase(from);
  }
}

}  // namespace

std::string name_key(std::string_view name, const rules::RuleSet& rules) {
  std::string core_name(name);
  for (int guard = 0; guard < 2; ++guard) {
    std::string_view suffix = suffix_of(core_name, rules);
    if (suffix.empty()) break;
    std::string rest = core_name.substr(0, core_name.size() - suffix.size());
    while (!rest.empty() && rest.back() == ' ') rest.pop_back();
    if (all_hangul(rest) ? core::count_hangul_syllables(rest) < 2 : rest.size() < 3) break;
    core_name = rest;
  }
  std::string roman = core::romanize(core_name), key;
  for (char c : roman)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) key += c;
  return key;
}

void link_subjects(std::vector<core::Claim>& claims, const rules::RuleSet& rules) {
  // Which discovered names share a key, and how often each spelling is used.
  std::map<std::string, std::map<std::string, std::size_t>> spellings;
  std::map<std::string, std::string> key_of;
  for (const auto& c : claims) {
    if (c.subject_root.empty() || rules.entity(std::string(c.subject_root.view()))) continue;
    std::string name(c.subject_root.view());
    auto [it, fresh] = key_of.emplace(name, "");
    if (fresh) it->second = name_key(name, rules);
    if (!it->second.empty()) ++spellings[it->second][name];
  }
  merge_by_sound(spellings);
  std::map<std::string, std::string> canonical;  // spelling → the story's spelling
  for (const auto& entry : spellings) {
    const auto& names = entry.second;  // a plain reference: clang 14 cannot capture a structured binding
    if (names.size() < 2) continue;
    const std::string* best = nullptr;
    auto score = [&](const std::string& n) { return std::make_pair(all_hangul(n.substr(0, std::min<std::size_t>(3, n.size()))) ? 1 : 0, names.at(n)); };
    for (const auto& [n, count] : names)
      if (!best || score(n) > score(*best)) best = &n;
    for (const auto& [n, count] : names) canonical[n] = *best;
  }
  core::WordPool pool;
  // A figure whose article names no subject for it takes the one subject the rest of the story
  // gives that measure, if there is exactly one (subject_source "story": an inference).
  std::map<std::string, std::string> only_subject;  // attribute|dimension → subject, "" when several
  for (const auto& c : claims) {
    if (c.subject_root.empty() || c.attribute.empty() || c.linked_to >= 0) continue;
    std::string key(c.key.view());
    std::string measure = key.substr(key.find('|') == std::string::npos ? 0 : key.find('|'));
    std::string subject(c.subject_root.view());
    if (auto it = canonical.find(subject); it != canonical.end()) subject = it->second;
    auto [it, fresh] = only_subject.emplace(measure, subject);
    if (!fresh && it->second != subject) it->second.clear();
  }
  for (auto& c : claims) {
    if (!c.subject_root.empty() || c.attribute.empty() || c.quantity.dimension == core::Dimension::entity) continue;
    std::string key(c.key.view());
    std::size_t bar = key.find('|');
    if (bar == std::string::npos) continue;
    auto it = only_subject.find(key.substr(bar));
    if (it == only_subject.end() || it->second.empty()) continue;
    c.subject = c.subject_root = pool.get(it->second);
    c.subject_source = pool.get("story");
    c.key = pool.get(it->second + key.substr(bar));
  }
  // A figure of a known measure that still has no subject ("a crowd of 41,287 watched") is of
  // what the story is about: the subject the story's articles name most for their figures
  // (subject_source "story", an inference the checker says it made).
  std::map<std::string, std::size_t> named;
  for (const auto& c : claims) {
    std::string_view source = c.subject_source;
    if (c.subject_root.empty() || c.linked_to >= 0 || source == "event" || source == "story") continue;
    std::string subject(c.subject_root.view());
    if (auto it = canonical.find(subject); it != canonical.end()) subject = it->second;
    ++named[subject];
  }
  std::string main_subject;
  std::size_t most = 0;
  for (const auto& [subject, n] : named)
    if (n > most) most = n, main_subject = subject;
  if (!main_subject.empty())
    for (auto& c : claims) {
      if (!c.subject_root.empty() || c.attribute.empty() || c.linked_to >= 0 || !rules.attribute(std::string(c.attribute.view()))) continue;
      std::string key(c.key.view());
      std::size_t bar = key.find('|');
      if (bar == std::string::npos) continue;
      c.subject = c.subject_root = pool.get(main_subject);
      c.subject_source = pool.get("story");
      c.key = pool.get(main_subject + key.substr(bar));
    }
  // Likewise a flow with no period anywhere in its article takes the only period the rest of the
  // story gives that subject's measure (period_source "story": an inference).
  std::map<std::string, std::string> only_period;  // key → period, "" when several
  for (const auto& c : claims) {
    const rules::Attribute* a = rules.attribute(std::string(c.attribute.view()));
    if (!a || !a->flow || c.scope.period.empty() || c.scope.period.view().find('?') != std::string_view::npos) continue;
    auto [it, fresh] = only_period.emplace(std::string(c.key.view()), std::string(c.scope.period.view()));
    if (!fresh && it->second != c.scope.period.view()) it->second.clear();
  }
  for (auto& c : claims) {
    const rules::Attribute* a = rules.attribute(std::string(c.attribute.view()));
    if (!a || !a->flow || !c.scope.period.empty() || !c.scope.date.empty() || c.linked_to >= 0) continue;
    auto it = only_period.find(std::string(c.key.view()));
    if (it == only_period.end() || it->second.empty()) continue;
    c.scope.period = pool.get(core::period_for_window(it->second, c.scope.window));
    c.scope.period_source = pool.get("story");
  }
  if (canonical.empty()) return;
  for (auto& c : claims) {
    if (c.subject_root.empty()) continue;
    auto it = canonical.find(std::string(c.subject_root.view()));
    if (it == canonical.end() || it->second == c.subject_root.view()) continue;
    std::string key(c.key.view());
    std::size_t bar = key.find('|');
    c.key = pool.get(it->second + (bar == std::string::npos ? "" : key.substr(bar)));
    if (c.subject == c.subject_root) c.subject = pool.get(it->second);
    c.subject_root = pool.get(it->second);
  }
}

}  // namespace crosscheck::frame
