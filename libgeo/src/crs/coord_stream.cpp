#include "libgeo/crs/coord_stream.hpp"

#include "libgeo/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fast_float/fast_float.h>
#include <fmt/format.h>
#include <optional>
#include <vector>

namespace geo {

namespace {

constexpr std::size_t batch_size = 4096;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::optional<double> parse_number(std::string_view s)
{
    s = trim(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double v = 0;
    auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

void strip_line_end(std::string& line, std::uint64_t lineno)
{
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
        line.erase(0, 3);
}

std::string shorten(std::string_view s)
{
    return s.size() > 60 ? std::string(s.substr(0, 57)) + "..." : std::string(s);
}

// One pending output record: either a line copied unchanged or a point with
// the text before/after its two numbers.
struct pending {
    std::uint64_t lineno = 0;
    bool point = false;
    std::string before; // CSV: fields before the first coordinate column, with separators
    std::string middle; // between the two coordinates (separator, other fields)
    std::string after;  // after the second coordinate (rest of the line)
    bool y_first = false;
    double x = 0, y = 0;
};

class batcher {
public:
    batcher(std::ostream& out, const transformer& t, const coord_stream_options& opt)
        : out_(out), t_(t), opt_(opt), decimals_(opt.decimals >= 0 ? opt.decimals : default_decimals(t.to()))
    {
        items_.reserve(batch_size);
    }
    void add(pending p)
    {
        if (p.point && t_.from().is_geographic()) {
            if (std::abs(p.y) > 90 || std::abs(p.x) > 180)
                throw format_error(fmt::format(
                    "{}: line {}: ({}, {}) is not a longitude, latitude pair (latitude must be within -90..90). "
                    "Coordinates are read as x,y = lon,lat: swap the columns if they are lat,lon.",
                    quoted(opt_.source_name), p.lineno, fmt::format("{}", p.x), fmt::format("{}", p.y)));
        }
        items_.push_back(std::move(p));
        if (items_.size() >= batch_size)
            flush();
    }
    void flush()
    {
        xs_.clear();
        ys_.clear();
        for (const auto& p : items_)
            if (p.point) {
                xs_.push_back(p.x);
                ys_.push_back(p.y);
            }
        if (!xs_.empty())
            t_.transform(xs_.size(), xs_.data(), ys_.data());
        std::size_t k = 0;
        for (const auto& p : items_) {
            if (!p.point) {
                out_ << p.before << '\n';
                continue;
            }
            double x = xs_[k], y = ys_[k];
            ++k;
            if (std::isnan(x) || std::isnan(y))
                throw crs_error(fmt::format("{}: line {}: ({}, {}) cannot be transformed from {} to {}. "
                                            "Check --from and that x comes first.",
                                            quoted(opt_.source_name), p.lineno, p.x, p.y,
                                            quoted(t_.from().describe()), quoted(t_.to().describe())));
            const std::string sx = fmt::format("{:.{}f}", x, decimals_);
            const std::string sy = fmt::format("{:.{}f}", y, decimals_);
            out_ << p.before << (p.y_first ? sy : sx) << p.middle << (p.y_first ? sx : sy) << p.after << '\n';
            ++points_;
        }
        items_.clear();
        if (opt_.on_progress)
            opt_.on_progress(last_line_);
    }
    void seen_line(std::uint64_t n) { last_line_ = n; }
    std::uint64_t points() const { return points_; }

private:
    std::ostream& out_;
    const transformer& t_;
    const coord_stream_options& opt_;
    int decimals_;
    std::vector<pending> items_;
    std::vector<double> xs_, ys_;
    std::uint64_t points_ = 0;
    std::uint64_t last_line_ = 0;
};

} // namespace

int default_decimals(const crs& target) { return target.is_geographic() ? 7 : 3; }

std::uint64_t transform_lines(std::istream& in, std::ostream& out, const transformer& t, const coord_stream_options& opt)
{
    batcher b(out, t, opt);
    std::string line;
    std::uint64_t lineno = 0;
    while (std::getline(in, line)) {
        strip_line_end(line, ++lineno);
        b.seen_line(lineno);
        std::string_view body = trim(line);
        pending p;
        p.lineno = lineno;
        if (body.empty() || body.front() == '#') {
            p.before = line;
            b.add(std::move(p));
            continue;
        }
        // The separator: comma, else semicolon, else tab, else spaces.
        char sep = ' ';
        for (char c : {',', ';', '\t'})
            if (body.find(c) != std::string_view::npos) {
                sep = c;
                break;
            }
        std::string_view xs, ys, rest;
        if (sep == ' ') {
            auto e1 = body.find(' ');
            xs = body.substr(0, e1);
            std::string_view tail = e1 == std::string_view::npos ? std::string_view() : trim(body.substr(e1));
            auto e2 = tail.find(' ');
            ys = tail.substr(0, e2);
            rest = e2 == std::string_view::npos ? std::string_view() : tail.substr(e2);
        } else {
            auto e1 = body.find(sep);
            xs = body.substr(0, e1);
            std::string_view tail = body.substr(e1 + 1);
            auto e2 = tail.find(sep);
            ys = tail.substr(0, e2);
            rest = e2 == std::string_view::npos ? std::string_view() : tail.substr(e2);
        }
        auto x = parse_number(xs);
        auto y = parse_number(ys);
        if (!x || !y)
            throw format_error(fmt::format("{}: line {}: {} is not 'x,y' (two numbers separated by a comma or "
                                           "spaces). Fix or remove the line.",
                                           quoted(opt.source_name), lineno, quoted(shorten(body))));
        p.point = true;
        p.x = *x;
        p.y = *y;
        p.middle = std::string(1, sep);
        p.after = std::string(rest);
        b.add(std::move(p));
    }
    b.flush();
    return b.points();
}

namespace {

// Split one CSV record into raw fields (quotes kept). `complete` is false
// when a quoted field is still open at the end of the text.
std::vector<std::string_view> split_record(std::string_view rec, char sep, bool& complete)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    bool quoted_field = false;
    for (std::size_t i = 0; i < rec.size(); ++i) {
        char c = rec[i];
        if (c == '"')
            quoted_field = !quoted_field;
        else if (c == sep && !quoted_field) {
            fields.push_back(rec.substr(start, i - start));
            start = i + 1;
        }
    }
    fields.push_back(rec.substr(start));
    complete = !quoted_field;
    return fields;
}

std::string unquote(std::string_view f)
{
    f = trim(f);
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') {
        std::string s;
        for (std::size_t i = 1; i + 1 < f.size(); ++i) {
            s += f[i];
            if (f[i] == '"' && f[i + 1] == '"')
                ++i;
        }
        return s;
    }
    return std::string(f);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::size_t find_column(const std::vector<std::string>& header, const std::string& wanted,
                        const std::vector<std::string>& candidates, const char* what, const std::string& source)
{
    std::string names;
    for (const auto& h : header)
        names += (names.empty() ? "" : ", ") + h;
    if (!wanted.empty()) {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == wanted)
                return i;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (lower(header[i]) == lower(wanted))
                return i;
        throw usage_error(fmt::format("{}: no column {}. Columns: {}.", quoted(source), quoted(wanted), names));
    }
    for (const auto& c : candidates)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (lower(header[i]) == c)
                return i;
    throw usage_error(fmt::format("{}: cannot tell which column holds {}. Columns: {}. Name it with --{}.",
                                  quoted(source), what == std::string("x") ? "x (longitude)" : "y (latitude)", names,
                                  what));
}

} // namespace

std::uint64_t transform_csv(std::istream& in, std::ostream& out, const transformer& t, const std::string& x_column,
                            const std::string& y_column, const coord_stream_options& opt)
{
    batcher b(out, t, opt);
    std::string line, rec;
    std::uint64_t lineno = 0;
    // Read one record (joining lines inside quoted fields); false at end of input.
    auto next_record = [&](std::uint64_t& first_line) {
        rec.clear();
        if (!std::getline(in, line))
            return false;
        strip_line_end(line, ++lineno);
        first_line = lineno;
        rec = line;
        while (std::count(rec.begin(), rec.end(), '"') % 2 == 1 && std::getline(in, line)) {
            strip_line_end(line, ++lineno);
            rec += "\n" + line;
        }
        return true;
    };
    std::uint64_t first = 0;
    if (!next_record(first))
        throw format_error(fmt::format("{}: empty file; a CSV with a header line is expected.", quoted(opt.source_name)));
    const char sep = rec.find(',') == std::string::npos && rec.find(';') != std::string::npos ? ';' : ',';
    bool complete = true;
    std::vector<std::string> header;
    for (auto f : split_record(rec, sep, complete))
        header.push_back(unquote(f));
    const std::size_t xi = find_column(header, x_column, {"lon", "lng", "longitude", "x", "经度", "long"}, "x",
                                       opt.source_name);
    const std::size_t yi = find_column(header, y_column, {"lat", "latitude", "y", "纬度"}, "y", opt.source_name);
    if (xi == yi)
        throw usage_error(fmt::format("{}: --x and --y name the same column {}.", quoted(opt.source_name),
                                      quoted(header[xi])));
    out << rec << '\n';
    const std::size_t lo = std::min(xi, yi), hi = std::max(xi, yi);
    while (next_record(first)) {
        b.seen_line(lineno);
        pending p;
        p.lineno = first;
        if (trim(rec).empty()) {
            p.before = rec;
            b.add(std::move(p));
            continue;
        }
        auto fields = split_record(rec, sep, complete);
        if (fields.size() <= hi)
            throw format_error(fmt::format("{}: line {}: {} field{}, but column {} is field {}. Fix the row.",
                                           quoted(opt.source_name), first, fields.size(),
                                           fields.size() == 1 ? "" : "s", quoted(header[hi]), hi + 1));
        auto x = parse_number(unquote(fields[xi]));
        auto y = parse_number(unquote(fields[yi]));
        if (!x || !y) {
            const std::size_t bad = x ? yi : xi;
            throw format_error(fmt::format("{}: line {}: {} {} is not a number. Fix or remove the row.",
                                           quoted(opt.source_name), first, header[bad],
                                           quoted(shorten(unquote(fields[bad])))));
        }
        // Rebuild the record around the two numbers, copying other fields byte for byte.
        const char* base = rec.data();
        auto offset = [&](std::string_view f) { return static_cast<std::size_t>(f.data() - base); };
        p.point = true;
        p.x = *x;
        p.y = *y;
        p.y_first = yi < xi;
        p.before = rec.substr(0, offset(fields[lo]));
        p.middle = rec.substr(offset(fields[lo]) + fields[lo].size(), offset(fields[hi]) - offset(fields[lo]) - fields[lo].size());
        p.after = rec.substr(offset(fields[hi]) + fields[hi].size());
        b.add(std::move(p));
    }
    b.flush();
    return b.points();
}

} // namespace geo
