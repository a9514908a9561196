#include "libgeo/core/progress.hpp"

#include <fmt/format.h>

namespace geo {

progress::progress(std::ostream& out, std::string label, std::uint64_t total, bool enabled,
                   std::chrono::milliseconds delay)
    : out_(out), label_(std::move(label)), total_(total), enabled_(enabled), start_(clock::now()), delay_(delay)
{
}

progress::~progress()
{
    try {
        finish();
    } catch (...) { // a destructor must not throw; a broken stderr is not worth a crash
    }
}

std::string progress::text() const
{
    if (total_ == 0)
        return fmt::format("{}: {}", label_, done_);
    const std::uint64_t shown_done = done_ > total_ ? total_ : done_;
    const unsigned pct = static_cast<unsigned>(100.0 * static_cast<double>(shown_done) / static_cast<double>(total_));
    return fmt::format("{}: {}% ({}/{})", label_, pct, shown_done, total_);
}

void progress::update(std::uint64_t done)
{
    done_ = done;
    if (!enabled_ || finished_)
        return;
    const auto now = clock::now();
    if (now - start_ < delay_)
        return;
    if (shown_ && now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_)
        return;
    last_draw_ = now;
    draw();
}

void progress::draw()
{
    std::string t = text();
    std::string pad = t.size() < last_width_ ? std::string(last_width_ - t.size(), ' ') : std::string();
    out_ << '\r' << t << pad << std::flush;
    last_width_ = t.size();
    shown_ = true;
}

void progress::finish()
{
    if (finished_)
        return;
    finished_ = true;
    if (shown_)
        out_ << '\r' << std::string(last_width_, ' ') << '\r' << std::flush;
}

} // namespace geo
