#include "libgeo/overlay/overlay.hpp"

#include "libgeo/core/text.hpp"

#include <fmt/format.h>

#include <map>

namespace geo::overlay {

std::size_t repair_report::count(const std::string& action) const
{
    std::size_t n = 0;
    for (const auto& e : entries)
        n += e.action == action;
    return n;
}

std::string repair_report::summary() const
{
    if (entries.empty())
        return "";
    auto part = [&](const std::string& action, const char* noun) {
        std::map<std::string, std::size_t> per_layer;
        std::size_t n = 0;
        for (const auto& e : entries)
            if (e.action == action) {
                ++per_layer[e.layer];
                ++n;
            }
        std::string s = fmt::format("{} {} {}{}", action, n, noun, n == 1 ? "" : "s");
        if (n) {
            std::string inner;
            for (const auto& [l, k] : per_layer)
                inner += fmt::format("{}{}: {}", inner.empty() ? "" : ", ", l, k);
            s += " (" + inner + ")";
        }
        return s;
    };
    return part("repaired", "invalid geometry") + ", " + part("dropped", "feature");
}

std::string repair_report::to_csv() const
{
    std::string out = "layer,feature,reason,action\n";
    for (const auto& e : entries)
        out += fmt::format("{},{},{},{}\n", csv_field(e.layer), e.feature, csv_field(e.reason), e.action);
    return out;
}

} // namespace geo::overlay
