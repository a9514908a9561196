#pragma once
// The one way libgeo spreads work over the machine's cores.
#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace geo {

/// `requested` workers, or one per hardware thread when 0; at least 1.
inline unsigned worker_count(unsigned requested = 0)
{
    return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

/// Run work(t) for every t in [0, n): work(0) on the calling thread, the others
/// on their own threads; returns when all have finished. If workers throw, the
/// first exception (by worker index) is rethrown after every worker has joined.
template <class F>
void run_workers(unsigned n, F&& work)
{
    if (n <= 1) {
        work(0u);
        return;
    }
    std::vector<std::exception_ptr> errors(n);
    auto guarded = [&](unsigned t) {
        try {
            work(t);
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(n - 1);
    for (unsigned t = 1; t < n; ++t)
        pool.emplace_back(guarded, t);
    guarded(0);
    for (auto& th : pool)
        th.join();
    for (auto& e : errors)
        if (e)
            std::rethrow_exception(e);
}

} // namespace geo
