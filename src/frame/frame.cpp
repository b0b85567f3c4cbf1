#include "frame/frame.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "core/text.hpp"
#include "frame/frame_internal.hpp"
#include "frame/subjects.hpp"

namespace crosscheck::frame {

namespace {

bool subject_particle(const std::string& p) { return p == "의" || p == "은" || p == "는" || p == "이" || p == "가" || p == "도"; }
bool topic_particle(const std::string& p) { return p == "은" || p == "는"; }
// A time expression that can be a relation's year value ("founded in 2023").
bool names_a_year(const core::TimeExpression& t) { return t.date.year && (t.kind == "year" || t.kind == "month" || t.kind == "date"); }

class ArticleFramer {
 public:
  ArticleFramer(const core::Article& article, std::size_t index, const extract::Extraction& ex, const rules::RuleSet& rules,
                core::WordPool& words)
      : article_(article), index_(index), ex_(ex), rules_(rules), words_(words), lower_(core::ascii_lower(article.text)) {}

  std::vector<core::Claim> run() {
    std::vector<core::Claim> claims(ex_.quantities.size());
    std::vector<core::Claim> entity_claims;
    std::vector<std::vector<std::size_t>> by_sentence(article_.sentences.size());
    for (std::size_t i = 0; i < ex_.quantities.size(); ++i) by_sentence[ex_.quantities[i].sentence].push_back(i);
    // Names are found once per sentence; the article-wide counts reuse them.
    for (const auto& span : article_.sentences) mentions_by_sentence_.push_back(find_mentions({article_.text, lower_, span}, rules_));
    main_entity_ = most_named([&](const Mention& m) { return usable(m); });
    {
      std::vector<std::vector<core::Span>> taken;
      for (const auto& mentions : mentions_by_sentence_) {
        taken.emplace_back();
        for (const auto& m : mentions) taken.back().push_back({m.start, m.end});
      }
      // Sentences with figures, and the one before each (its topic carries over).
      std::vector<bool> needed(article_.sentences.size(), false);
      for (std::size_t si = 0; si < article_.sentences.size(); ++si)
        if (!by_sentence[si].empty()) needed[si] = true, needed[si > 0 ? si - 1 : 0] = true;
      names_.find(article_, lower_, taken, needed, rules_);
    }
    std::vector<bool> has_year(article_.sentences.size(), false);
    for (const auto& t : ex_.times)
      if (t.sentence < has_year.size() && names_a_year(t)) has_year[t.sentence] = true;
    for (std::size_t si = 0; si < article_.sentences.size(); ++si) {
      current_sentence_ = si;
      SentenceView s{article_.text, lower_, article_.sentences[si]};
      const auto& mentions = mentions_by_sentence_[si];
      mentions_ = &mentions;
      // Attribute cues serve the sentence's own figures only.
      std::vector<CueHit> cues;
      if (!by_sentence[si].empty()) cues = find_cues(s, rules_);
      breaks_found_ = false;
      scope_hits_found_ = false;
      int claim_subject = -2;
      std::string claim_name;
      std::vector<int> pairing;
      if (!by_sentence[si].empty()) pairing = list_pairing(s, names_.parsed(si), ex_.quantities, by_sentence[si], cues, rules_);
      for (std::size_t qi : by_sentence[si]) {
        const core::Quantity& q = ex_.quantities[qi];
        core::Claim& c = claims[qi];
        c.id = article_.id + ":" + std::to_string(qi);
        c.article = index_;
        c.quantity = q;
        c.sentence_start = s.span.start;
        if (q.linked_to >= 0) {
          const core::Claim& main = claims[static_cast<std::size_t>(q.linked_to)];
          c.subject = main.subject;
          c.subject_root = main.subject_root;
          c.subject_source = main.subject_source;
          c.attribute = main.attribute;
          c.attribute_source = main.attribute_source;
          c.measure_word = main.measure_word;
          c.scope = main.scope;
          c.linked_to = q.linked_to;
          c.key = main.key;
          core::share_scope_words(c, words_);  // the rest is the main claim's, pooled already
          continue;
        }
        core::Span clause = clause_around(s, q.span, breaks_of(s));
        CueHit cue;
        std::string_view attribute_source, subject_source;
        // The measure: the word that governs the figure in its clause, else the nearest cue of
        // the sentence, else the governing noun itself.
        const ParsedSentence& parsed = names_.parsed(si);
        std::size_t place = static_cast<std::size_t>(std::find(by_sentence[si].begin(), by_sentence[si].end(), qi) - by_sentence[si].begin());
        Governed governed = govern_measure(s, parsed, q, cues, rules_, place < pairing.size() ? pairing[place] : -1);
        if (!governed.attribute.empty()) {
          c.attribute = words_.get(governed.attribute);
          attribute_source = governed.source;
          c.measure_word = words_.get(measure_word_of(s, parsed, governed, q, rules_));
          // A qualifier stands before its measure, and the measure before the figure.
          bool measure_first = governed.word >= 0 && parsed.words[static_cast<std::size_t>(governed.word)].span.end <= q.span.start;
          std::string qualifier = measure_first ? qualifier_of(s, parsed, governed, q, rules_) : attached_qualifier(s, parsed, governed, q);
          if (qualifier.empty()) qualifier = aside_qualifier(s, parsed, governed, q, rules_);
          for (const auto& n : names_.names(si))
            if (n.id == qualifier) qualifier.clear();  // a discovered name: the subject, below
          if (!qualifier.empty()) c.scope.qualifier = words_.get("segment:" + qualifier);
        } else {
          std::string chosen = governed.owned_share ? std::string() : choose_attribute(s, q, clause, cues, rules_, attribute_source, cue);
          // Read once, when either step below needs it.
          std::optional<GoverningNoun> governing;
          auto governing_of = [&]() -> const GoverningNoun& {
            if (!governing) governing = governing_noun(s, parsed, q, rules_);
            return *governing;
          };
          // A cue of another clause ("AMPC 3420억원이 반영되면서 영업손실 규모가 줄었다") says less of the
          // figure than the noun that governs it in its own clause; but a noun of change ("an
          // increase of 0.41 percentage points") or a bare count's own noun ("42,300 people") says
          // nothing of what changed or what was counted, and the sentence's cue stays.
          bool cue_elsewhere = attribute_source == "cue" && (cue.end <= clause.start || cue.start >= clause.end);
          if (cue_elsewhere && !(q.dimension == core::Dimension::count && !q.counted.empty())) {
            const std::string& own = governing_of().noun;
            bool of_change = rules_.grammar.starts_with_change(own) ||
                             std::any_of(rules_.grammar.change_size_lower.begin(), rules_.grammar.change_size_lower.end(),
                                         [&](const std::string& w) { return !own.empty() && w.rfind(own + " ", 0) == 0; });
            if (!own.empty() && !of_change) attribute_source = "noun-phrase";
          }
          if (attribute_source == "noun-phrase" || chosen.empty()) {
            // The governing noun itself; for an English count, the noun it counts ("1,410 stores"
            // measures stores); no measure rather than the nearest word of any kind.
            std::string noun = governing_of().noun;
            // 지연된 열차 against 열차: narrower only where both name what narrows them.
            if (!governing_of().narrowing.empty() && c.scope.qualifier.empty())
              c.scope.qualifier = words_.get("narrow:" + governing_of().narrowing);
            if (!governing_of().place.empty() && c.scope.qualifier.empty())
              c.scope.qualifier = words_.get("place:" + governing_of().place);
            bool latin_count = q.dimension == core::Dimension::count && !q.counted.empty() &&
                               static_cast<unsigned char>(q.counted.view()[0]) < 128;
            if (latin_count) {
              noun = core::ascii_lower(q.counted.view());
              if (noun.size() > 3 && noun.back() == 's') noun.pop_back();
            }
            if (!noun.empty()) chosen = "np:" + noun, attribute_source = "noun-phrase";
            else chosen.clear(), attribute_source = "";
            c.measure_word = words_.get(noun);
          }
          if (attribute_source == "cue") {
            attribute_source = "sentence-cue";
            c.measure_word = words_.get(s.text.substr(cue.start, cue.end - cue.start));
          }
          c.attribute = words_.get(chosen);
        }
        c.attribute_source = words_.get(attribute_source);
        const rules::Attribute* attribute = rules_.attribute(c.attribute);
        subject_types_ = attribute ? &attribute->subject_types : nullptr;
        int subject = resolve_subject(s, q, clause, mentions,
                                      !governed.attribute.empty() ? &governed.cue : attribute_source == "sentence-cue" ? &cue : nullptr,
                                      subject_source);
        subject = refine_to_part(subject, mentions, clause);
        bool listed_near = subject >= 0 && (subject_source == "cue" || subject_source == "clause");
        std::string_view found_source;
        std::string found = listed_near ? std::string() : names_.subject_for(si, q, attribute, subject >= 0, found_source);
        if (!found.empty()) {
          c.subject = c.subject_root = words_.get(found);
          subject_source = found_source;
          // "6만8천t급 여객선 누리별호": the noun between the figure and the name it describes is the
          // name's class, not a narrower quantity.
          std::string_view after = std::string_view(article_.text).substr(q.span.end, std::min<std::size_t>(60, article_.text.size() - q.span.end));
          std::string_view qualifier = c.scope.qualifier;
          if (qualifier.rfind("segment:", 0) == 0 && after.find(found) != std::string_view::npos &&
              after.find(qualifier.substr(8)) < after.find(found))
            c.scope.qualifier.clear();
          if (found_source == "clause") claim_name = found;
        } else if (subject >= 0) {
          const auto& e = rules_.entities[static_cast<std::size_t>(subject)];
          // A listed event (an election) resolved from afar is the story's event.
          if (attribute && attribute->event && e.type == "event" && (subject_source == "topic" || subject_source == "article"))
            subject_source = "event";
          c.subject = words_.get(e.id);
          c.subject_root = words_.get(root_of(subject));
          if (c.subject != c.subject_root) c.scope.qualifier = (e.type == "segment" ? "segment:" : "") + c.subject;
          if (subject_source != "topic" && subject_source != "article") claim_subject = subject;
        } else if (std::string fallback = names_.fallback(attribute, found_source); !fallback.empty()) {
          c.subject = c.subject_root = words_.get(fallback);
          subject_source = found_source;
        }
        // A national statistic is a country's, not the story's event: see jurisdiction.cpp.
        if (attribute && attribute->jurisdiction && (c.subject_root.empty() || c.subject_root == "event")) {
          Jurisdiction j = jurisdiction_of(s, clause, q, *attribute, rules_);
          if (!j.owner.empty()) c.subject = c.subject_root = words_.get(j.owner), subject_source = j.source;
          if (!j.partner.empty() && c.scope.qualifier.empty()) c.scope.qualifier = words_.get("place:" + j.partner);
        }
        c.subject_source = words_.get(subject_source);
        apply_scope_cues(s, scope_hits_of(s), clause, q, rules_, c.scope);
        // "선거인 17만명 가운데 6만명이 투표해": a part its own clause names as another known measure
        // than its whole's (those who voted, of the registered voters) is a figure of that measure.
        if (c.scope.role == "part" && attribute && c.attribute_source == "clause")
          for (std::size_t k : by_sentence[si]) {
            if (k == qi) break;
            if (claims[k].scope.role == "whole" && claims[k].attribute != c.attribute) c.scope.role = core::Word();
          }
        // A part the sentence gives of the last one's figures, unless its clause names whose it is
        // ("이 가운데 다온은행의 순이익은": the bank's own figure).
        if (c.scope.role.empty() && subject_source != "clause" && subject_source != "cue" && opens_on_part(s, q, rules_))
          c.scope.role = words_.get("part");
        apply_time(ex_.times, s, clause, q, article_.published_date, rules_, c.scope);
        apply_as_of(ex_.times, s, clause, q, article_, attribute, rules_, c.scope);
        // A percent is the change of an amount ("매출이 18% 늘었다" against 4조원); of a measure
        // that is itself a percent (turnout, a rate), "rose 10%" is a change, 71.3% its level.
        bool percent_level = attribute && !attribute->change &&
                             std::find(attribute->dimensions.begin(), attribute->dimensions.end(), core::Dimension::percent) !=
                                 attribute->dimensions.end();
        // A measure that is itself a change (a market value lost) has only changes: no role tells them apart.
        bool may_be_change = (q.dimension != core::Dimension::percent || percent_level) && q.dimension != core::Dimension::percentage_points &&
                             !(attribute && attribute->change);
        if (c.scope.role.empty() && may_be_change && (is_change_figure(s, parsed, q, rules_) || sized_change(s, clause, q, rules_)))
          c.scope.role = words_.get("change");
        apply_window_from_durations(ex_.quantities, s, clause, q, c.scope);
        // "미국에서는 112만4000대가": a place the clause names. Two places set two figures apart; a
        // place on one side only does not ("서산과 당진에서 모두 2명" is the event's toll).
        if (c.scope.qualifier.empty()) {
          std::string place = place_of(s, parsed, q, rules_);
          if (!place.empty()) c.scope.qualifier = words_.get("place:" + place);
        }
        // "5,870 suspected cholera cases", "3,412 confirmed cases": the words between an English
        // count and its noun narrow what it counts.
        if (c.scope.qualifier.empty()) {
          std::string narrowing = count_qualifier(q);
          if (!narrowing.empty()) c.scope.qualifier = words_.get("segment:" + narrowing);
        }
        if (q.point < 0) c.scope.direction = words_.get("down");
        if (c.scope.window.empty() && !c.scope.date.empty() && c.scope.date.day &&
            (c.attribute == "price-change" || c.attribute == "market-value-change"))
          c.scope.window = words_.get("1 day");  // a change dated to one day is that day's change
        c.key = words_.get(comparison_key(c.subject_root.empty() ? std::string_view("?") : c.subject_root.view(), c.attribute,
                                          core::dimension_name(q.dimension)));
        // What the scope readers set (a period, a window, a basis) shares the pool's copy too; the
        // subject, attribute and key came from the pool above.
        core::share_scope_words(c, words_);
      }
      // A relation needs a value: a named entity, or a year, in the sentence.
      if (std::any_of(mentions.begin(), mentions.end(), [](const Mention& m) { return m.entity >= 0; }) || has_year[si])
        relations_in(s, si, mentions, entity_claims);
      update_topic(mentions, claim_subject);
      names_.carry_topic(si, claim_name);
    }
    carry_measure_to_changes(claims, article_, rules_, words_);
    share_with_coordinated(claims, article_, rules_, words_);
    carry_measure_to_bases(claims, article_, rules_, words_);
    apply_article_defaults(claims, article_, ex_.times, rules_, words_);
    inherit_restated_scope(claims, words_);
    drop_wholes_without_parts(claims);
    claims.reserve(claims.size() + entity_claims.size());
    std::move(entity_claims.begin(), entity_claims.end(), std::back_inserter(claims));
    return claims;
  }

 private:
  const core::Article& article_;
  std::size_t index_;
  const extract::Extraction& ex_;
  const rules::RuleSet& rules_;
  core::WordPool& words_;
  std::string lower_;
  std::string key_;

  // The words written between an English count's digits and its counted noun, lower-cased, with
  // function words left out; "" when there are none.
  std::string count_qualifier(const core::Quantity& q) const {
    if (q.dimension != core::Dimension::count || q.counted.empty() || static_cast<unsigned char>(q.counted.view()[0]) >= 128) return "";
    std::string_view surface = q.surface;
    std::size_t digits_end = surface.find_last_of("0123456789");
    std::size_t noun = core::ascii_lower(surface).rfind(core::ascii_lower(q.counted.view()));
    if (digits_end == std::string_view::npos || noun == std::string::npos || noun <= digits_end + 1) return "";
    std::string out;
    std::string_view between = surface.substr(digits_end + 1, noun - digits_end - 1);
    std::size_t pos = 0;
    while (pos < between.size()) {
      while (pos < between.size() && !std::isalpha(static_cast<unsigned char>(between[pos]))) ++pos;
      std::size_t end = pos;
      while (end < between.size() && (std::isalpha(static_cast<unsigned char>(between[end])) || between[end] == '-')) ++end;
      std::string word = core::ascii_lower(between.substr(pos, end - pos));
      // Scale words (million), and words of no weight (of, the), narrow nothing.
      if (!word.empty() && !rules_.grammar.is_function(word) && !rules_.grammar.is_stop(word) && !rules_.is_scale_word(word))
        out += (out.empty() ? "" : " ") + word;
      pos = end;
    }
    return out;
  }

  // subject_root|attribute|dimension, built in one reused buffer.
  std::string_view comparison_key(std::string_view root, std::string_view attribute, std::string_view dimension) {
    key_.assign(root).append(1, '|').append(attribute).append(1, '|').append(dimension);
    return key_;
  }
  int topic_ = -1;
  int main_entity_ = -1;
  // Names found in the text, sentence by sentence (subjects.hpp).
  ArticleNames names_;
  std::size_t current_sentence_ = 0;
  // The current sentence's clause breaks, found when a figure or relation first needs them.
  std::vector<core::Span> breaks_;
  bool breaks_found_ = false;
  const std::vector<core::Span>& breaks_of(const SentenceView& s) {
    if (!breaks_found_) breaks_ = names_.was_parsed(current_sentence_) ? names_.breaks(current_sentence_) : clause_breaks_in(s, rules_),
                        breaks_found_ = true;
    return breaks_;
  }
  // Likewise its scope cues.
  std::vector<ScopeHit> scope_hits_;
  bool scope_hits_found_ = false;
  const std::vector<ScopeHit>& scope_hits_of(const SentenceView& s) {
    if (!scope_hits_found_) scope_hits_ = find_scope_cues(s, rules_), scope_hits_found_ = true;
    return scope_hits_;
  }

  static bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }

  // Entity claims: a relation cue, a value of the relation's type near it (a chip, a year, a
  // person) and a subject of the relation's type, in the cue's clause, else the article's own.
  void relations_in(const SentenceView& s, std::size_t si, const std::vector<Mention>& mentions, std::vector<core::Claim>& out) {
    std::string_view lower = s.lower.substr(0, s.span.end);
    std::vector<std::string> done;
    for (std::size_t pos = s.span.start; pos < s.span.end; ++pos) {
      if ((static_cast<unsigned char>(article_.text[pos]) & 0xC0) == 0x80) continue;
      auto m = rules_.relation_cue_table.longest_at(lower, pos);
      if (!m) continue;
      const auto& cue = rules_.relation_cues[static_cast<std::size_t>(m.id)];
      const rules::Relation* relation = rules_.relation(cue.relation);
      if (!relation || has(done, relation->id)) continue;
      core::Span cue_span{pos, pos + m.length};
      auto distance = [&](core::Span x) {
        return x.end <= cue_span.start ? cue_span.start - x.end : x.start >= cue_span.end ? x.start - cue_span.end : 0;
      };
      // The value.
      std::string value;
      core::Span value_span{};
      std::size_t best = std::string::npos;
      if (has(relation->value_types, "year")) {
        for (const auto& t : ex_.times)
          if (t.sentence == si && names_a_year(t) && distance(t.span) < best)
            best = distance(t.span), value = std::to_string(t.date.year), value_span = t.span;
      }
      for (const auto& mention : mentions)
        if (mention.entity >= 0 && has(relation->value_types, rules_.entities[static_cast<std::size_t>(mention.entity)].type) &&
            distance({mention.start, mention.end}) < best)
          best = distance({mention.start, mention.end}), value = rules_.entities[static_cast<std::size_t>(mention.entity)].id,
          value_span = {mention.start, mention.end};
      if (value.empty()) continue;
      // The subject.
      core::Span clause = clause_around(s, cue_span, breaks_of(s));
      int subject = -1;
      for (const auto& mention : mentions)
        if (mention.entity >= 0 && mention.end <= cue_span.start && mention.start >= clause.start &&
            mention.start != value_span.start &&
            has(relation->subject_types, rules_.entities[static_cast<std::size_t>(mention.entity)].type))
          subject = mention.entity;
      std::string_view source = "clause";
      if (subject < 0 && main_entity_ >= 0 && has(relation->subject_types, rules_.entities[static_cast<std::size_t>(main_entity_)].type))
        subject = main_entity_, source = "article";
      if (subject < 0) continue;
      subject = refine_to_part(subject, mentions, clause);
      const auto& e = rules_.entities[static_cast<std::size_t>(subject)];
      core::Claim c;
      c.id = article_.id + ":e" + std::to_string(out.size());
      c.article = index_;
      c.quantity.span = value_span;
      c.quantity.surface = std::string(article_.text.substr(value_span.start, value_span.end - value_span.start));
      c.quantity.sentence = si;
      c.quantity.dimension = core::Dimension::entity;
      c.quantity.unit = words_.get("entity");
      c.quantity.value = core::Interval::exact(0);
      c.sentence_start = s.span.start;
      c.subject = words_.get(e.id);
      c.subject_root = words_.get(root_of(subject));
      c.subject_source = words_.get(source);
      if (c.subject != c.subject_root) c.scope.qualifier = c.subject;
      c.attribute = words_.get(relation->id);
      c.attribute_source = words_.get("cue");
      c.relation_value = words_.get(value);
      apply_scope_cues(s, scope_hits_of(s), s.span, c.quantity, rules_, c.scope);
      c.scope.direction.clear();
      // Who says so: the subject itself when it states it, else a government, organization or
      // person named in the sentence.
      if (c.scope.attribution == "stated") c.attributed_to = c.subject_root;
      for (const auto& mention : mentions) {
        if (mention.entity < 0 || !c.attributed_to.empty()) continue;
        const auto& type = rules_.entities[static_cast<std::size_t>(mention.entity)].type;
        if (type == "government" || type == "organization") c.attributed_to = rules_.entities[static_cast<std::size_t>(mention.entity)].id;
      }
      c.key = words_.get(comparison_key(c.subject_root, c.attribute, "entity"));
      core::share_scope_words(c, words_);
      out.push_back(std::move(c));
      done.push_back(relation->id);
    }
  }

  bool fits_attribute(int entity) const {
    if (!subject_types_ || subject_types_->empty() || entity < 0) return true;
    const auto& type = rules_.entities[static_cast<std::size_t>(entity)].type;
    return std::find(subject_types_->begin(), subject_types_->end(), type) != subject_types_->end();
  }

  bool usable(const Mention& m) const {
    if (m.entity < 0) return subject_types_ == nullptr || subject_types_->empty();  // an anaphor resolves to the topic
    if (rules_.entities[static_cast<std::size_t>(m.entity)].type == "chip") return false;
    if (!fits_attribute(m.entity)) return false;
    // "Nvidia H800 chips", "엔비디아 저사양 칩 에이치800": the maker named before a chip is not the subject.
    for (const auto& other : *mentions_)
      if (other.entity >= 0 && other.start >= m.end && other.start <= m.end + 24 &&
          rules_.entities[static_cast<std::size_t>(other.entity)].type == "chip" && m.particle.empty())
        return false;
    return true;
  }
  std::vector<std::vector<Mention>> mentions_by_sentence_;
  mutable const std::vector<Mention>* mentions_ = nullptr;
  const std::vector<std::string>* subject_types_ = nullptr;  // of the attribute being framed

  int resolve(const Mention& m) const { return m.entity >= 0 ? m.entity : topic_; }

  int resolve_subject(const SentenceView& s, const core::Quantity& q, core::Span clause, const std::vector<Mention>& mentions,
                      const CueHit* cue, std::string_view& source) const {
    // 1. The name that governs the attribute word: "엔비디아의 시가총액", "업체의 주가".
    if (cue) {
      for (auto it = mentions.rbegin(); it != mentions.rend(); ++it) {
        if (it->end > cue->start) continue;
        // Between the name and the cue only a bracketed gloss, its closing bracket and 의 may stand.
        std::string rest = article_.text.substr(it->end, cue->start - it->end);
        if (!rest.empty() && rest.front() == ')') rest.erase(0, 1);
        if (!rest.empty() && rest.front() == '(') {
          auto close = rest.find(')');
          if (close != std::string::npos) rest.erase(0, close + 1);
        }
        if (rest.rfind("의", 0) == 0) rest.erase(0, std::string("의").size());
        if (!core::trim(rest).empty() || !usable(*it)) break;
        if (int e = resolve(*it); e >= 0) {
          source = "cue";
          return e;
        }
        break;
      }
    }
    auto closest_before = [&](core::Span range, bool with_particle) -> int {
      for (auto it = mentions.rbegin(); it != mentions.rend(); ++it) {
        if (it->end > q.span.start || it->start < range.start || !usable(*it)) continue;
        if (with_particle ? subject_particle(it->particle) : it->particle.empty()) return resolve(*it);
      }
      return -1;
    };
    // 2. The figure's own clause: a name marked as subject, topic or owner, else a bare name.
    if (int e = closest_before(clause, true); e >= 0) return source = "clause", e;
    if (int e = closest_before(clause, false); e >= 0) return source = "clause", e;
    // 3. The sentence topic before the figure.
    for (const auto& m : mentions)
      if (m.end <= q.span.start && topic_particle(m.particle) && usable(m))
        if (int e = resolve(m); e >= 0) return source = "sentence", e;
    // 4. A subject named after the figure ("…70%가량을 점유하고 있는 엔비디아").
    for (const auto& m : mentions)
      if (m.start >= q.span.end && usable(m) && (topic_particle(m.particle) || m.particle == "이" || m.particle == "가" || m.particle.empty()))
        if (int e = resolve(m); e >= 0) return source = "sentence", e;
    if (int e = closest_before(s.span, false); e >= 0) return source = "sentence", e;
    // 5. The topic carried from earlier sentences, then the article's main entity.
    if (topic_ >= 0 && fits_attribute(topic_)) return source = "topic", topic_;
    if (subject_types_ && !subject_types_->empty()) {
      // A figure of a company in a sentence that names none belongs to the company the paragraph
      // last named ("량원평은 … '딥시크'를 설립했다. … 1년 만에 기업 가치 10억 달러를 돌파했다").
      if (int e = last_fitting_in_paragraph(); e >= 0) return source = "topic", e;
      if (int e = most_named([&](const Mention& m) { return fits_attribute(m.entity); }); e >= 0) return source = "article", e;
      source = "";
      return -1;
    }
    if (main_entity_ >= 0) return source = "article", main_entity_;
    source = "";
    return -1;
  }

  // The last name of a type the attribute allows in the sentences before this one, within its
  // paragraph and at most three sentences back; -1 when there is none.
  int last_fitting_in_paragraph() const {
    // Paragraphs are in text order: the sentence's own is the last one starting at or before it.
    std::size_t here = article_.sentences[current_sentence_].start;
    auto after = std::upper_bound(article_.paragraphs.begin(), article_.paragraphs.end(), here,
                                  [](std::size_t at, const core::Span& p) { return at < p.start; });
    std::size_t paragraph_start = after == article_.paragraphs.begin() ? 0 : std::prev(after)->start;
    for (std::size_t back = 1; back <= 3 && back <= current_sentence_; ++back) {
      std::size_t si = current_sentence_ - back;
      if (article_.sentences[si].start < paragraph_start) break;
      const auto& earlier = mentions_by_sentence_[si];
      for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
        if (it->entity >= 0 && rules_.entities[static_cast<std::size_t>(it->entity)].type != "chip" && fits_attribute(it->entity))
          return it->entity;
    }
    return -1;
  }

  // A company named with one of its models in the same clause: the figure is the model's.
  int refine_to_part(int subject, const std::vector<Mention>& mentions, core::Span clause) const {
    if (subject < 0) return subject;
    const std::string& id = rules_.entities[static_cast<std::size_t>(subject)].id;
    for (const auto& m : mentions) {
      if (m.entity < 0 || m.start < clause.start || m.end > clause.end) continue;
      if (rules_.entities[static_cast<std::size_t>(m.entity)].part_of == id) return m.entity;
    }
    return subject;
  }

  std::string root_of(int entity) const {
    std::string id = rules_.entities[static_cast<std::size_t>(entity)].id;
    for (int guard = 0; guard < 8; ++guard) {
      const rules::Entity* e = rules_.entity(id);
      if (!e || e->part_of.empty()) break;
      id = e->part_of;
    }
    return id;
  }

  void update_topic(const std::vector<Mention>& mentions, int claim_subject) {
    for (const auto& m : mentions)
      if (m.entity >= 0 && topic_particle(m.particle) && usable(m)) {
        topic_ = m.entity;
        return;
      }
    if (claim_subject >= 0) topic_ = claim_subject;
  }

  // The article's most named entity among those `accept` allows: its main entity, or the most
  // named of a type an attribute allows (its election, its party).
  template <class Accept>
  int most_named(Accept accept) const {
    const std::vector<Mention>* current = mentions_;  // `usable` reads the sentence being framed
    std::map<int, int> counts;
    int best = -1;
    for (const auto& mentions : mentions_by_sentence_) {
      mentions_ = &mentions;
      for (const auto& m : mentions)
        if (m.entity >= 0 && accept(m) && ++counts[m.entity] > (best >= 0 ? counts[best] : 0)) best = m.entity;
    }
    mentions_ = current;
    return best;
  }
};

}  // namespace

std::vector<core::Claim> frame(const core::Article& article, std::size_t article_index, const extract::Extraction& extraction,
                               const rules::RuleSet& rules, core::WordPool& words) {
  return ArticleFramer(article, article_index, extraction, rules, words).run();
}

std::vector<core::Claim> frame(const core::Article& article, std::size_t article_index, const extract::Extraction& extraction,
                               const rules::RuleSet& rules) {
  core::WordPool words;
  return frame(article, article_index, extraction, rules, words);
}

}  // namespace crosscheck::frame

namespace crosscheck::frame {

std::vector<std::string> entities_in(const std::string& text, const rules::RuleSet& rules) {
  std::string lower = core::ascii_lower(text);
  SentenceView s{text, lower, {0, text.size()}};
  std::vector<std::string> ids;
  for (const auto& m : find_mentions(s, rules))
    if (m.entity >= 0) ids.push_back(rules.entities[static_cast<std::size_t>(m.entity)].id);
  return ids;
}

}  // namespace crosscheck::frame
