// Writes a deterministic corpus of Korean and English news articles as JSONL, for benchmarks:
//   gen_corpus MEGABYTES SEED > corpus.jsonl
// The templates below are benchmark material written for this project (several overlapping
// stories, amounts in the forms the reader knows, page clutter), not knowledge the tool uses.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

const std::vector<std::string> kCompanies = {"엔비디아", "딥시크", "삼성전자", "SK하이닉스", "오픈AI", "마이크로소프트", "브로드컴", "메타"};
const std::vector<std::string> kCompaniesEn = {"Nvidia", "DeepSeek", "Samsung Electronics", "SK Hynix", "OpenAI", "Microsoft", "Broadcom", "Meta"};
const std::vector<std::string> kClutter = {
    "주요 메뉴 바로가기", "전체기사 최신뉴스 증권 산업", "저작권자 © 벤치일보 무단전재 및 재배포 금지", "[뉴스] 랭킹 뉴스",
    "  • 오늘의 환율 1,450원 돌파", "  • 코스피 2.1% 상승 마감", "댓글0", "함께 보면 좋은 뉴스"};

std::string pick(const std::vector<std::string>& v, std::mt19937_64& rng) { return v[rng() % v.size()]; }

std::string korean_amount(std::mt19937_64& rng) {
  switch (rng() % 8) {
    case 0: return std::to_string(100 + rng() % 900) + "만달러";
    case 1: return "약 " + std::to_string(1 + rng() % 99) + "억달러";
    case 2: return std::to_string(1 + rng() % 99) + "조" + std::to_string(1000 + rng() % 9000) + "억원";
    case 3: return std::to_string(1 + rng() % 30) + "." + std::to_string(rng() % 100) + "%";
    case 4: return std::to_string(1 + rng() % 900) + "만달러에도 못 미쳤다";
    case 5: return std::to_string(1 + rng() % 9) + "천개";
    case 6: return std::to_string(100 + rng() % 100) + "." + std::to_string(10 + rng() % 90) + "달러";
    default: return std::to_string(1 + rng() % 9) + "~" + std::to_string(10 + rng() % 10) + "%";
  }
}

std::string english_amount(std::mt19937_64& rng) {
  switch (rng() % 5) {
    case 0: return "$" + std::to_string(1 + rng() % 9) + "." + std::to_string(rng() % 10) + " million";
    case 1: return "about $" + std::to_string(100 + rng() % 900) + " billion";
    case 2: return std::to_string(1 + rng() % 30) + "%";
    case 3: return "more than " + std::to_string(1000 + rng() % 9000) + " chips";
    default: return "$" + std::to_string(100 + rng() % 100) + "." + std::to_string(10 + rng() % 90);
  }
}

std::string korean_article(std::mt19937_64& rng) {
  std::string t = pick(kClutter, rng) + "\n입력 2025.01." + std::to_string(10 + rng() % 20) + " 08:10\n";
  int sentences = 8 + static_cast<int>(rng() % 12);
  for (int i = 0; i < sentences; ++i) {
    std::string c = pick(kCompanies, rng);
    switch (rng() % 5) {
      case 0: t += c + " 주가는 " + std::to_string(1 + rng() % 28) + "일 " + korean_amount(rng) + " 떨어졌다. "; break;
      case 1: t += c + "의 시가총액은 하루 만에 " + korean_amount(rng) + " 증발했다. "; break;
      case 2: t += c + "는 훈련 비용이 " + korean_amount(rng) + "라고 밝혔다. "; break;
      case 3: t += "지난해 4분기 " + c + " 영업이익은 " + korean_amount(rng) + "으로 잠정 집계됐다. "; break;
      default: t += "업계에서는 " + c + "의 성장 전망을 두고 의견이 엇갈린다. "; break;
    }
    if (rng() % 4 == 0) t += "\n";
  }
  t += "\n" + pick(kClutter, rng) + "\n" + pick(kClutter, rng) + "\n";
  return t;
}

std::string english_article(std::mt19937_64& rng) {
  std::string t = "Skip to main content\n";
  int sentences = 6 + static_cast<int>(rng() % 10);
  for (int i = 0; i < sentences; ++i) {
    std::string c = pick(kCompaniesEn, rng);
    switch (rng() % 4) {
      case 0: t += c + " shares fell " + english_amount(rng) + " on Jan. " + std::to_string(1 + rng() % 28) + ". "; break;
      case 1: t += c + " said the final training run cost " + english_amount(rng) + ". "; break;
      case 2: t += "The slide erased " + english_amount(rng) + " of " + c + "'s market value. "; break;
      default: t += "Analysts said demand for " + c + " products would hold up. "; break;
    }
  }
  return t + "\nMost read\nOil rises 2%\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_corpus MEGABYTES [SEED] > corpus.jsonl\n");
    return 2;
  }
  double megabytes = std::atof(argv[1]);
  std::mt19937_64 rng(argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1);
  std::size_t target = static_cast<std::size_t>(megabytes * 1024 * 1024), written = 0;
  for (std::size_t n = 0; written < target; ++n) {
    bool korean = rng() % 3 != 0;
    nlohmann::json j = {{"id", "bench-" + std::to_string(n)},
                        {"outlet", korean ? "벤치일보" : "Bench Wire"},
                        {"published", "2025-01-" + std::to_string(10 + rng() % 20) + "T09:00:00+09:00"},
                        {"text", korean ? korean_article(rng) : english_article(rng)}};
    std::string line = j.dump() + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
    written += line.size();
  }
  return 0;
}
