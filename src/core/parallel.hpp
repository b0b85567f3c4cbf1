#pragma once
// Work spread over the machine's cores with results kept in input order.
#include <algorithm>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace crosscheck::core {

// How many threads the stages use: the cores there are, at most four (beyond that the serial
// reading and writing dominate).
inline std::size_t worker_count() { return std::max(1u, std::min(4u, std::thread::hardware_concurrency())); }

// Calls body(i, w) for every i in [0, n), worker w in [0, workers) taking i = w, w + workers, ...;
// returns when all are done. Each body writes only its own slot (and worker w's own state), so the
// caller joins results in index order and the output does not depend on scheduling. An exception
// thrown by a body is rethrown here.
template <typename Body>
void parallel_for_by_worker(std::size_t n, const Body& body, std::size_t workers = worker_count()) {
  workers = std::max<std::size_t>(1, std::min(workers, n));
  if (workers == 1) {
    for (std::size_t i = 0; i < n; ++i) body(i, std::size_t{0});
    return;
  }
  std::vector<std::future<void>> jobs;
  for (std::size_t w = 0; w < workers; ++w)
    jobs.push_back(std::async(std::launch::async, [&body, w, n, workers] {
      for (std::size_t i = w; i < n; i += workers) body(i, w);
    }));
  for (auto& job : jobs) job.get();
}

// parallel_for_by_worker for bodies that need no state of their own: body(i).
template <typename Body>
void parallel_for(std::size_t n, const Body& body, std::size_t workers = worker_count()) {
  parallel_for_by_worker(n, [&body](std::size_t i, std::size_t) { body(i); }, workers);
}

}  // namespace crosscheck::core
