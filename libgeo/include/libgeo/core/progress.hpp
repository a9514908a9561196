#pragma once
// A progress indicator for long work, drawn on one terminal line of stderr.
//
// Contract: nothing is drawn until the work has run longer than `delay`
// (2 s by default), so quick runs stay silent; after that the line is redrawn
// at most every 100 ms as "label: 45% (4500/10000)" (or "label: 4500" when the
// total is unknown) and cleared by finish() / the destructor. A disabled
// indicator (enabled = false, e.g. --quiet or stderr not a terminal) never
// writes anything. Commands pass `show_progress(env)` as `enabled`. Not
// thread-safe: update it from one thread.
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace geo {

class progress {
public:
    using clock = std::chrono::steady_clock;

    /// @param out where to draw (the command's stderr)
    /// @param label short text before the figures, e.g. "convert parks.geojson"
    /// @param total number of work units, 0 when unknown
    /// @param enabled false: never draw
    /// @param delay draw only once this much time has passed since construction
    progress(std::ostream& out, std::string label, std::uint64_t total, bool enabled,
             std::chrono::milliseconds delay = std::chrono::milliseconds(2000));
    ~progress();
    progress(const progress&) = delete;
    progress& operator=(const progress&) = delete;

    /// Set the number of units done so far (absolute, not an increment).
    void update(std::uint64_t done);
    /// Add `n` units to the count done.
    void advance(std::uint64_t n = 1) { update(done_ + n); }
    /// Change the total (e.g. once it becomes known).
    void set_total(std::uint64_t total) { total_ = total; }
    /// Erase the line if one was drawn. Idempotent; called by the destructor.
    void finish();

    std::uint64_t done() const { return done_; }
    /// Whether anything has been drawn so far.
    bool shown() const { return shown_; }
    /// The text a redraw would show now, e.g. "label: 45% (4500/10000)".
    std::string text() const;

private:
    void draw();

    std::ostream& out_;
    std::string label_;
    std::uint64_t total_;
    std::uint64_t done_ = 0;
    bool enabled_;
    bool shown_ = false;
    bool finished_ = false;
    std::size_t last_width_ = 0;
    clock::time_point start_;
    clock::time_point last_draw_;
    std::chrono::milliseconds delay_;
};

} // namespace geo
