#include "libgeo/overlay/overlay.hpp"

#include <fmt/format.h>

#include <map>

namespace geo::overlay {

namespace {

std::string csv_cell(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

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
        out += fmt::format("{},{},{},{}\n", csv_cell(e.layer), e.feature, csv_cell(e.reason), e.action);
    return out;
}

} // namespace geo::overlay
