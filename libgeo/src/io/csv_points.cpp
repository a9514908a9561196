#include "libgeo/io/csv_points.hpp"

#include "libgeo/core/parallel.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace geo {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- industry_map

namespace {

std::string trim(std::string_view s)
{
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        --b;
    return std::string(s.substr(a, b - a));
}

std::string fold(std::string_view s)
{
    std::string t = trim(s);
    for (char& c : t)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return t;
}

// Split one CSV line (no line end) into fields, honouring quotes ("" = ").
std::vector<std::string> split_csv_line(std::string_view line, char delim)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    cur += '"';
                    ++i;
                } else
                    quoted = false;
            } else
                cur += c;
        } else if (c == '"')
            quoted = true;
        else if (c == delim) {
            out.push_back(cur);
            cur.clear();
        } else
            cur += c;
    }
    out.push_back(cur);
    return out;
}

} // namespace

void industry_map::add(const std::string& label, const std::string& tag)
{
    entries_.emplace_back(label, tag);
    rebuild();
}

void industry_map::rebuild()
{
    std::vector<std::string> tags;
    for (auto& [l, t] : entries_)
        tags.push_back(t);
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    if (tags.size() > 254)
        throw usage_error("industries: more than 254 industry tags in the mapping. Merge some tags.");
    tags_ = tags;
    exact_.clear();
    folded_.clear();
    for (auto& [l, t] : entries_) { // later entries override earlier ones
        int code = static_cast<int>(std::lower_bound(tags_.begin(), tags_.end(), t) - tags_.begin());
        exact_[l] = code;
        folded_[fold(l)] = code;
    }
}

int industry_map::code_of_tag(const std::string& tag) const
{
    auto it = std::lower_bound(tags_.begin(), tags_.end(), tag);
    return it != tags_.end() && *it == tag ? static_cast<int>(it - tags_.begin()) : -1;
}

int industry_map::lookup(std::string_view label) const
{
    if (auto it = exact_.find(std::string(label)); it != exact_.end())
        return it->second;
    if (auto it = folded_.find(fold(label)); it != folded_.end())
        return it->second;
    return -1;
}

static void read_map_file(const std::string& path, std::vector<std::pair<std::string, std::string>>& entries)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw io_error("industries: cannot open " + geo::quoted(path) + ". Check the path given to --industry-map.");
    std::string line;
    int lineno = 0;
    int label_col = 0, tag_col = 1;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (trim(line).empty() || line[0] == '#')
            continue;
        auto f = split_csv_line(line, ',');
        if (lineno == 1) {
            auto find = [&](const char* n) {
                for (std::size_t i = 0; i < f.size(); ++i)
                    if (fold(f[i]) == n)
                        return static_cast<int>(i);
                return -1;
            };
            if (find("label") >= 0 && find("tag") >= 0) {
                label_col = find("label");
                tag_col = find("tag");
                continue;
            }
        }
        if (static_cast<int>(f.size()) <= std::max(label_col, tag_col) || trim(f[tag_col]).empty())
            throw format_error(fmt::format("industries: {}: line {}: expected 'label,tag', got {}. Each line maps one label to a tag, e.g. '芯片,ic'.",
                                           geo::quoted(path), lineno, geo::quoted(line)));
        entries.emplace_back(trim(f[label_col]), trim(f[tag_col]));
    }
}

industry_map industry_map::embedded()
{
    industry_map m;
    read_map_file(layer_path("industries.csv").string(), m.entries_);
    m.rebuild();
    return m;
}

void industry_map::add_file(const std::string& path)
{
    read_map_file(path, entries_);
    rebuild();
}

// ---------------------------------------------------------------- reports

void point_batch::clear()
{
    x.clear();
    y.clear();
    industry.clear();
    weight.clear();
    id.clear();
}

std::string point_read_report::describe() const
{
    std::string s;
    if (bad_rows) {
        s += fmt::format("read: {}: skipped {} of {} rows with missing or unparsable coordinates", geo::quoted(source), bad_rows, rows);
        for (auto& e : bad_examples)
            s += "\n  " + e;
        s += "\n  (use --strict to make this an error)\n";
    }
    if (unknown_industry) {
        s += fmt::format("read: {}: {} rows have an industry label not in the mapping; counted as 'other':", geo::quoted(source),
                         unknown_industry);
        for (auto& [l, n] : unknown_labels)
            s += fmt::format(" {} ({})", geo::quoted(l), n);
        s += ". Map them with --industry-map FILE (label,tag).\n";
    }
    return s;
}

bool is_csv_source(const std::string& source)
{
    std::string ext = fs::path(source).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return (ext == ".csv" || ext == ".tsv" || ext == ".txt") && source.rfind("/vsi", 0) != 0;
}

// ---------------------------------------------------------------- CSV fast path

namespace {

constexpr std::uint8_t no_industry = 255;

struct columns {
    int x = -1, y = -1, industry = -1, weight = -1, id = -1;
    int count = 0;
    char delim = ',';
};

int find_column(const std::vector<std::string>& header, const std::string& wanted,
                std::initializer_list<const char*> candidates)
{
    if (!wanted.empty()) {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == wanted)
                return static_cast<int>(i);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (fold(header[i]) == fold(wanted))
                return static_cast<int>(i);
        return -2; // named but absent
    }
    for (const char* c : candidates)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (fold(header[i]) == c)
                return static_cast<int>(i);
    return -1;
}

std::string list_fields(const std::vector<std::string>& header)
{
    std::string s;
    for (auto& h : header)
        s += (s.empty() ? "" : ", ") + h;
    return s;
}

// Per-thread parse state, reused across blocks (no per-row allocation).
struct worker {
    point_batch batch;
    std::string unquoted;                      // scratch for quoted fields with "" escapes
    std::vector<std::pair<std::string, int>> cache; // label -> code, small
    std::map<std::string, std::uint64_t> unknown;    // label -> rows (bounded)
    std::uint64_t unknown_rows = 0;
    std::uint64_t rows = 0, bad = 0;
    std::vector<std::pair<std::uint64_t, std::string>> bad_examples; // line, message
    std::unique_ptr<transformer> tf;
};

struct field {
    const char* b;
    const char* e;
};

inline bool parse_double(field f, double& out)
{
    while (f.b < f.e && (*f.b == ' ' || *f.b == '\t'))
        ++f.b;
    while (f.e > f.b && (f.e[-1] == ' ' || f.e[-1] == '\t'))
        --f.e;
    if (f.b == f.e)
        return false;
    const char* b = f.b;
    if (*b == '+')
        ++b;
    auto r = fast_float::from_chars(b, f.e, out);
    return r.ec == std::errc() && r.ptr == f.e && std::isfinite(out);
}

class csv_parser {
public:
    csv_parser(const columns& c, const industry_map& m) : c_(c), map_(m) {}

    // Parse complete lines in [b, e); first physical line number `line`.
    void parse(const char* b, const char* e, std::uint64_t line, worker& w) const
    {
        w.batch.clear();
        // room for the part's rows at >= 16 bytes a row, kept across blocks
        const std::size_t guess = static_cast<std::size_t>(e - b) / 16 + 16;
        if (w.batch.x.capacity() < guess) {
            w.batch.x.reserve(guess);
            w.batch.y.reserve(guess);
            w.batch.industry.reserve(guess);
            w.batch.id.reserve(guess);
            if (c_.weight >= 0)
                w.batch.weight.reserve(guess);
        }
        const int nf = c_.count;
        field fields_buf[5]{};
        const char* p = b;
        while (p < e) {
            const char* line_start = p;
            // split fields of interest
            int fi = 0;
            bool got[5] = {false, false, false, false, false};
            bool blank = true;
            const char* q = p;
            for (;;) {
                const char* fb = q;
                const char* fe;
                bool quoted = false;
                if (q < e && *q == '"') {
                    quoted = true;
                    ++q;
                    fb = q;
                    while (q < e) {
                        if (*q == '"') {
                            if (q + 1 < e && q[1] == '"') {
                                q += 2;
                                continue;
                            }
                            break;
                        }
                        ++q;
                    }
                    fe = q;
                    if (q < e)
                        ++q; // closing quote
                    while (q < e && *q != c_.delim && *q != '\n')
                        ++q;
                } else {
                    while (q < e && *q != c_.delim && *q != '\n')
                        ++q;
                    fe = q;
                    if (fe > fb && fe[-1] == '\r' && (q == e || *q == '\n'))
                        --fe;
                }
                if (fe > fb || quoted)
                    blank = false;
                int slot = fi == c_.x ? 0 : fi == c_.y ? 1 : fi == c_.industry ? 2 : fi == c_.weight ? 3 : fi == c_.id ? 4 : -1;
                if (slot >= 0) {
                    fields_buf[slot] = {fb, fe};
                    got[slot] = true;
                    if (quoted && slot == 2 && std::memchr(fb, '"', static_cast<std::size_t>(fe - fb))) {
                        w.unquoted.assign(fb, fe);
                        std::string& u = w.unquoted;
                        std::size_t o = 0;
                        for (std::size_t i = 0; i < u.size(); ++i) {
                            u[o++] = u[i];
                            if (u[i] == '"' && i + 1 < u.size() && u[i + 1] == '"')
                                ++i;
                        }
                        u.resize(o);
                        fields_buf[slot] = {u.data(), u.data() + u.size()};
                    }
                }
                ++fi;
                if (q >= e || *q == '\n')
                    break;
                ++q; // delimiter
            }
            p = q < e ? q + 1 : e;
            (void)nf;
            if (blank && fi <= 1) {
                ++line;
                continue;
            }
            ++w.rows;
            double x, y;
            const char* what = nullptr;
            field badf{};
            if (!got[0] || !parse_double(fields_buf[0], x)) {
                what = "x";
                badf = got[0] ? fields_buf[0] : field{nullptr, nullptr};
            } else if (!got[1] || !parse_double(fields_buf[1], y)) {
                what = "y";
                badf = got[1] ? fields_buf[1] : field{nullptr, nullptr};
            }
            if (what) {
                ++w.bad;
                if (w.bad_examples.size() < 5) {
                    std::string v = badf.b ? std::string(badf.b, badf.e) : std::string();
                    std::string col = what[0] == 'x' ? xname : yname;
                    w.bad_examples.emplace_back(line, v.empty() ? fmt::format("{} is missing", col)
                                                                : fmt::format("{} {} is not a number", col, geo::quoted(v)));
                }
                ++line;
                (void)line_start;
                continue;
            }
            w.batch.x.push_back(x);
            w.batch.y.push_back(y);
            if (c_.industry >= 0)
                w.batch.industry.push_back(industry_code(got[2] ? fields_buf[2] : field{p, p}, w));
            else
                w.batch.industry.push_back(no_industry);
            if (c_.weight >= 0) {
                double wt = 0;
                if (!got[3] || !parse_double(fields_buf[3], wt))
                    wt = 0;
                w.batch.weight.push_back(wt);
            }
            std::int64_t id = static_cast<std::int64_t>(line) - 1;
            if (got[4]) {
                field f = fields_buf[4];
                while (f.b < f.e && *f.b == ' ')
                    ++f.b;
                std::int64_t v;
                auto r = std::from_chars(f.b, f.e, v);
                if (r.ec == std::errc() && r.ptr == f.e)
                    id = v;
            }
            w.batch.id.push_back(id);
            ++line;
        }
    }

    std::string xname, yname;

private:
    std::uint8_t industry_code(field f, worker& w) const
    {
        std::string_view label(f.b, static_cast<std::size_t>(f.e - f.b));
        for (auto& [l, code] : w.cache)
            if (l == label)
                return code < 0 ? static_cast<std::uint8_t>(fallback_of(label, w)) : static_cast<std::uint8_t>(code);
        int code = map_.lookup(label);
        if (w.cache.size() < 64)
            w.cache.emplace_back(std::string(label), code);
        if (code < 0)
            return static_cast<std::uint8_t>(fallback_of(label, w));
        return static_cast<std::uint8_t>(code);
    }
    int fallback_of(std::string_view label, worker& w) const
    {
        ++w.unknown_rows;
        if (w.unknown.size() < 64 || w.unknown.count(std::string(label)))
            ++w.unknown[std::string(label)];
        int fb = map_.fallback();
        return fb < 0 ? no_industry : fb;
    }

    columns c_;
    const industry_map& map_;
};

// A growable byte buffer that, unlike std::vector<char>, does not zero its memory.
class raw_buffer {
public:
    explicit raw_buffer(std::size_t n) : p_(new char[n]), n_(n) {}
    char* data() { return p_.get(); }
    std::size_t size() const { return n_; }
    void resize(std::size_t n) // keeps the first min(n, size) bytes
    {
        std::unique_ptr<char[]> q(new char[n]);
        std::memcpy(q.get(), p_.get(), std::min(n, n_));
        p_ = std::move(q);
        n_ = n;
    }

private:
    std::unique_ptr<char[]> p_;
    std::size_t n_;
};

struct fd_guard {
    int fd;
    ~fd_guard()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

point_read_report read_csv(const std::string& source, const point_read_options& opt, const industry_map& map,
                           const point_batch_fn& fn)
{
    point_read_report rep;
    rep.source = source;
    fd_guard fd{::open(source.c_str(), O_RDONLY)};
    if (fd.fd < 0)
        throw io_error("read: cannot open " + geo::quoted(source) + ": " + std::strerror(errno) + ". Check the path.");
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    const unsigned threads = worker_count(opt.threads);
    std::size_t cap = std::max<std::size_t>(opt.block_bytes, 1 << 16);
    raw_buffer buf(cap);
    std::size_t have = 0;
    bool eof = false;
    auto fill = [&]() {
        while (!eof && have < buf.size()) {
            ssize_t n = ::read(fd.fd, buf.data() + have, buf.size() - have);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                throw io_error("read: " + geo::quoted(source) + ": " + std::strerror(errno) + ".");
            }
            if (n == 0)
                eof = true;
            have += static_cast<std::size_t>(n);
        }
    };
    fill();
    // header line
    std::size_t start = 0;
    if (have >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    const char* nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', have - start));
    while (!nl && !eof) {
        buf.resize(buf.size() * 2);
        fill();
        nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', have - start));
    }
    std::size_t hend = nl ? static_cast<std::size_t>(nl - buf.data()) : have;
    std::string hline(buf.data() + start, hend - start);
    if (!hline.empty() && hline.back() == '\r')
        hline.pop_back();
    if (hline.empty())
        throw format_error("read: " + geo::quoted(source) + ": the file is empty or has no header line. A CSV of points needs a header such as 'id,lon,lat,industry'.");
    columns c;
    auto cnt = [&](char d) { return std::count(hline.begin(), hline.end(), d); };
    if (cnt('\t') > cnt(',') && cnt('\t') >= cnt(';'))
        c.delim = '\t';
    else if (cnt(';') > cnt(','))
        c.delim = ';';
    auto header = split_csv_line(hline, c.delim);
    for (auto& h : header)
        h = trim(h);
    c.count = static_cast<int>(header.size());
    c.x = find_column(header, opt.x_field, {"lon", "lng", "longitude", "long", "x", "经度", "wgs84_lon", "gcj02_lon"});
    c.y = find_column(header, opt.y_field, {"lat", "latitude", "y", "纬度", "wgs84_lat", "gcj02_lat"});
    auto missing = [&](const char* opt_name, const std::string& named, const char* what) {
        if (!named.empty())
            return usage_error(fmt::format("read: {}: no column {} (given with {}). Columns: {}.", geo::quoted(source), geo::quoted(named),
                                           opt_name, list_fields(header)));
        return usage_error(fmt::format("read: {}: cannot find the {} column. Columns: {}. Name it with {}.", geo::quoted(source), what,
                                       list_fields(header), opt_name));
    };
    if (c.x < 0)
        throw missing("--x", opt.x_field, "longitude/x");
    if (c.y < 0)
        throw missing("--y", opt.y_field, "latitude/y");
    if (opt.industry_field != "-") {
        c.industry = find_column(header, opt.industry_field, {"industry", "行业", "产业", "sector", "industry_tag"});
        if (c.industry == -2 || (c.industry < 0 && opt.industry_required))
            throw missing("--industry", opt.industry_field, "industry");
        if (c.industry < 0)
            c.industry = -1;
    }
    if (!opt.weight_field.empty()) {
        c.weight = find_column(header, opt.weight_field, {});
        if (c.weight < 0)
            throw missing("--weight", opt.weight_field, "weight");
    }
    c.id = find_column(header, opt.id_field, {"id", "fid", "uid", "编号"});
    if (c.id == -2)
        throw missing("--id", opt.id_field, "id");
    rep.x_field = header[c.x];
    rep.y_field = header[c.y];
    if (c.industry >= 0)
        rep.industry_field = header[c.industry];
    if (c.weight >= 0)
        rep.weight_field = header[c.weight];
    if (c.id >= 0)
        rep.id_field = header[c.id];

    csv_parser parser(c, map);
    parser.xname = rep.x_field;
    parser.yname = rep.y_field;
    std::vector<worker> workers(threads);
    crs wgs = crs::wgs84();
    if (opt.src_crs) {
        for (auto& w : workers) {
            w.tf = std::make_unique<transformer>(*opt.src_crs, wgs);
            if (w.tf->is_identity())
                w.tf.reset();
        }
    }
    std::size_t pos = nl ? hend + 1 : have; // start of data
    std::uint64_t line = 2;
    std::uint64_t seq = 0;
    std::vector<std::exception_ptr> errors(threads);
    for (;;) {
        // complete lines in [pos, end)
        const char* base = buf.data();
        std::size_t end = have;
        if (!eof) {
            const char* last = nullptr;
            for (std::size_t i = have; i > pos; --i)
                if (base[i - 1] == '\n') {
                    last = base + i;
                    break;
                }
            if (!last) { // one line longer than the buffer
                if (pos > 0) {
                    std::memmove(buf.data(), buf.data() + pos, have - pos);
                    have -= pos;
                    pos = 0;
                } else
                    buf.resize(buf.size() * 2);
                fill();
                continue;
            }
            end = static_cast<std::size_t>(last - base);
        }
        if (end > pos) {
            // split into parts at line ends; quotes may hide line ends, then one part
            bool has_quote = std::memchr(base + pos, '"', end - pos) != nullptr;
            unsigned parts = has_quote ? 1 : threads;
            std::vector<std::size_t> cut{pos};
            for (unsigned t = 1; t < parts; ++t) {
                std::size_t target = pos + (end - pos) * t / parts;
                target = std::max(target, cut.back());
                const char* n2 = static_cast<const char*>(std::memchr(base + target, '\n', end - target));
                cut.push_back(n2 ? static_cast<std::size_t>(n2 - base) + 1 : end);
            }
            cut.push_back(end);
            std::vector<std::uint64_t> first_line(parts);
            first_line[0] = line;
            for (unsigned t = 1; t < parts; ++t)
                first_line[t] = first_line[t - 1] +
                                static_cast<std::uint64_t>(std::count(base + cut[t - 1], base + cut[t], '\n'));
            std::uint64_t lines_here = first_line[parts - 1] - line +
                                       static_cast<std::uint64_t>(std::count(base + cut[parts - 1], base + cut[parts], '\n'));
            if (end == have && eof && end > pos && base[end - 1] != '\n')
                ++lines_here;
            auto work = [&, base](unsigned t) {
                try {
                    worker& w = workers[t];
                    parser.parse(base + cut[t], base + cut[t + 1], first_line[t], w);
                    if (opt.strict && w.bad)
                        return;
                    if (w.tf && w.batch.size())
                        w.tf->transform(w.batch.size(), w.batch.x.data(), w.batch.y.data());
                    if (w.batch.size())
                        fn(w.batch, t, seq + t);
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            };
            run_workers(parts, work);
            for (auto& e : errors)
                if (e)
                    std::rethrow_exception(e);
            if (opt.strict) {
                for (auto& w : workers)
                    if (!w.bad_examples.empty())
                        throw format_error(fmt::format("read: {}: line {}: {}. Fix the row or drop --strict to skip bad rows.",
                                                       geo::quoted(source), w.bad_examples[0].first, w.bad_examples[0].second));
            }
            for (unsigned t = 0; t < parts; ++t)
                rep.points += workers[t].batch.size();
            seq += parts;
            line += lines_here;
        }
        if (eof && end >= have)
            break;
        // move the partial line to the front and read more
        std::memmove(buf.data(), buf.data() + end, have - end);
        have -= end;
        pos = 0;
        fill();
        if (have == 0 && eof)
            break;
    }
    // merge per-thread reports
    std::vector<std::pair<std::uint64_t, std::string>> bad;
    std::map<std::string, std::uint64_t> unknown;
    for (auto& w : workers) {
        rep.rows += w.rows;
        rep.bad_rows += w.bad;
        rep.unknown_industry += w.unknown_rows;
        bad.insert(bad.end(), w.bad_examples.begin(), w.bad_examples.end());
        for (auto& [l, n] : w.unknown)
            unknown[l] += n;
    }
    std::sort(bad.begin(), bad.end());
    for (std::size_t i = 0; i < bad.size() && i < 5; ++i)
        rep.bad_examples.push_back(fmt::format("line {}: {}", bad[i].first, bad[i].second));
    std::vector<std::pair<std::string, std::uint64_t>> un(unknown.begin(), unknown.end());
    std::stable_sort(un.begin(), un.end(), [](auto& a, auto& b) { return a.second > b.second; });
    if (un.size() > 5)
        un.resize(5);
    rep.unknown_labels = un;
    return rep;
}

// ---------------------------------------------------------------- OGR fallback

point_read_report read_ogr(const std::string& source, const point_read_options& opt, const industry_map& map,
                           const point_batch_fn& fn)
{
    point_read_report rep;
    rep.source = source;
    read_options ro;
    if (!opt.layer.empty())
        ro.layer = opt.layer;
    layer l = read_layer(source, ro);
    std::vector<std::string> names;
    for (auto& f : l.fields)
        names.push_back(f.name);
    int ind = -1, wt = -1, idf = -1;
    if (opt.industry_field != "-") {
        ind = find_column(names, opt.industry_field, {"industry", "行业", "产业", "sector", "industry_tag"});
        if (ind == -2 || (ind < 0 && opt.industry_required))
            throw usage_error(fmt::format("read: {}: no industry field {}. Fields: {}.", geo::quoted(source), geo::quoted(opt.industry_field),
                                          list_fields(names)));
    }
    if (!opt.weight_field.empty()) {
        wt = find_column(names, opt.weight_field, {});
        if (wt < 0)
            throw usage_error(fmt::format("read: {}: no weight field {}. Fields: {}.", geo::quoted(source), geo::quoted(opt.weight_field),
                                          list_fields(names)));
    }
    idf = find_column(names, opt.id_field, {"id", "fid", "uid", "编号"});
    if (ind >= 0)
        rep.industry_field = names[ind];
    if (wt >= 0)
        rep.weight_field = names[wt];
    std::unique_ptr<transformer> tf;
    crs from = opt.src_crs ? *opt.src_crs : (l.crs ? crs::from_srs(*l.crs) : crs::wgs84());
    tf = std::make_unique<transformer>(from, crs::wgs84());
    point_batch b;
    std::map<std::string, std::uint64_t> unknown;
    std::uint64_t seq = 0;
    auto flush = [&]() {
        if (!b.size())
            return;
        if (!tf->is_identity())
            tf->transform(b.size(), b.x.data(), b.y.data());
        fn(b, 0, seq++);
        b.clear();
    };
    for (auto& f : l.features) {
        ++rep.rows;
        const OGRGeometry* g = f.geometry.get();
        const OGRPoint* pt = g && wkbFlatten(g->getGeometryType()) == wkbPoint ? g->toPoint() : nullptr;
        if (!pt || pt->IsEmpty()) {
            ++rep.bad_rows;
            std::string msg = fmt::format("feature {}: {}", f.source_index, g ? "not a point" : "no geometry");
            if (opt.strict)
                throw format_error(fmt::format("read: {}: {}. Fix the feature or drop --strict to skip it.", geo::quoted(source), msg));
            if (rep.bad_examples.size() < 5)
                rep.bad_examples.push_back(msg);
            continue;
        }
        b.x.push_back(pt->getX());
        b.y.push_back(pt->getY());
        std::uint8_t code = no_industry;
        if (ind >= 0) {
            std::string label = to_string(f.values[ind]);
            int c = map.lookup(label);
            if (c < 0) {
                ++rep.unknown_industry;
                ++unknown[label];
                c = map.fallback();
            }
            code = c < 0 ? no_industry : static_cast<std::uint8_t>(c);
        }
        b.industry.push_back(code);
        if (wt >= 0) {
            const auto& v = f.values[wt];
            double w = std::holds_alternative<double>(v) ? std::get<double>(v)
                       : std::holds_alternative<std::int64_t>(v) ? static_cast<double>(std::get<std::int64_t>(v))
                                                                 : 0.0;
            b.weight.push_back(w);
        }
        std::int64_t id = f.source_index + 1;
        if (idf >= 0 && std::holds_alternative<std::int64_t>(f.values[idf]))
            id = std::get<std::int64_t>(f.values[idf]);
        b.id.push_back(id);
        ++rep.points;
        if (b.size() >= 65536)
            flush();
    }
    flush();
    std::vector<std::pair<std::string, std::uint64_t>> un(unknown.begin(), unknown.end());
    std::stable_sort(un.begin(), un.end(), [](auto& a, auto& b2) { return a.second > b2.second; });
    if (un.size() > 5)
        un.resize(5);
    rep.unknown_labels = un;
    return rep;
}

} // namespace

point_read_report read_points(const std::string& source, const point_read_options& opt, const industry_map& map,
                              const point_batch_fn& fn)
{
    if (is_csv_source(source))
        return read_csv(source, opt, map, fn);
    return read_ogr(source, opt, map, fn);
}

point_batch read_all_points(const std::string& source, const point_read_options& opt, const industry_map& map,
                            point_read_report* report)
{
    std::map<std::uint64_t, point_batch> parts;
    std::mutex mu;
    auto rep = read_points(source, opt, map, [&](const point_batch& b, unsigned, std::uint64_t seq) {
        std::lock_guard<std::mutex> lock(mu);
        parts[seq] = b;
    });
    point_batch all;
    std::size_t n = 0;
    for (auto& [s, b] : parts)
        n += b.size();
    all.x.reserve(n);
    all.y.reserve(n);
    all.industry.reserve(n);
    all.id.reserve(n);
    for (auto& [s, b] : parts) {
        all.x.insert(all.x.end(), b.x.begin(), b.x.end());
        all.y.insert(all.y.end(), b.y.begin(), b.y.end());
        all.industry.insert(all.industry.end(), b.industry.begin(), b.industry.end());
        all.weight.insert(all.weight.end(), b.weight.begin(), b.weight.end());
        all.id.insert(all.id.end(), b.id.begin(), b.id.end());
    }
    if (report)
        *report = rep;
    return all;
}

} // namespace geo
