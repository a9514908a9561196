// zjgeo stats: enterprises per park and industry, and the cluster statistics
// built on those counts (density, LQ, HHI, specialisation, Ellison–Glaeser,
// layout alignment).
#include "command.hpp"
#include "stats_options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/stats/report.hpp>

#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <mutex>
#include <thread>

namespace zjgeo {

namespace {

class stats_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "stats",
            "Count enterprises per park and industry; density, location quotients, concentration, layout alignment",
            "zjgeo stats [options] INPUT",
            "Reads enterprise points (a CSV with lon/lat columns, or any vector source) and counts them per park and "
            "industry. A point counts when it is strictly inside a park (PostGIS ST_Contains); --boundary include also "
            "counts points on the boundary (ST_Covers). Industries come from the industry column mapped to the plan's "
            "tags (ic, biomed, ai, other) by layers/industries.csv and --industry-map.\n\n"
            "Tables: counts (park_id,industry,count: the peers' format), park_industry (density per km² of geodesic "
            "area, share of the industry, location quotient with a 95% confidence interval, small-count flag), parks "
            "(HHI, Krugman specialisation), industries (Ellison-Glaeser gamma), layout_alignment (share of each "
            "industry in the parks holding each role of the plan's layouts), totals. --format csv prints the counts "
            "table unless --table names another; table/markdown/json print all of them.\n\n"
            "The embedded park boundaries are approximate/schematic; use --parks for authoritative ones.",
            "zjgeo stats enterprises.csv\n"
            "zjgeo stats enterprises.csv --format csv -o counts.csv\n"
            "zjgeo stats enterprises.csv --format markdown --table parks\n"
            "zjgeo stats pois.csv --src-crs gcj02 --industry 行业 --industry-map my_labels.csv\n"
            "zjgeo stats points.csv --parks parks.geojson --park-key park_id --format csv\n"
            "zjgeo stats enterprises.csv --join-to park_stats.gpkg --format json -o stats.json"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("INPUT", pts.path, "Enterprise points: CSV (lon/lat columns) or any vector source")->required();
        pts.add_to(app);
        parks.add_to(app);
        app.add_option("--boundary", boundary, "Points on a park boundary: exclude (ST_Contains, default) or include (ST_Covers)")
            ->check(CLI::IsMember({"exclude", "include"}))
            ->capture_default_str();
        app.add_option("--format", format, "Output: table, csv, json or markdown")
            ->check(CLI::IsMember({"table", "csv", "json", "markdown"}))
            ->capture_default_str();
        app.add_option("--table", which, "Table(s) to print: counts, park_industry, parks, industries, layouts, totals, all")
            ->check(CLI::IsMember({"counts", "park_industry", "parks", "industries", "layouts", "totals", "all"}));
        app.add_option("-o,--output", output, "Write the table(s) to this file instead of standard output");
        app.add_option("--join-to", join_to, "Also write the parks layer with the statistics as attributes (GeoPackage, GeoJSON ...)");
        app.add_flag("--overwrite", overwrite, "Replace existing output files");
        app.add_option("--min-count", min_count, "Counts below this get small_count=yes (LQ unreliable)")->capture_default_str();
        app.add_option("--confidence", confidence, "Confidence level of the LQ interval")
            ->check(CLI::Range(0.5, 0.999))
            ->capture_default_str();
    }

    void validate() override
    {
        parks.validate();
        if (which.empty())
            which = format == "csv" ? "counts" : "all";
        if (format == "csv" && which == "all")
            throw geo::usage_error("stats: --format csv prints one table; choose it with --table (counts, park_industry, parks, industries, layouts, totals).");
    }

    int run(io_env& env) override
    {
        check_output(output, overwrite);
        check_output(join_to, overwrite);
        auto ps = parks.load(env.err);
        geo::park_index idx(ps.geometries());
        auto map = pts.industries();
        auto ropt = pts.options();
        const unsigned threads = ropt.threads ? ropt.threads : std::max(1u, std::thread::hardware_concurrency());
        ropt.threads = threads;
        std::vector<geo::stats::count_table> acc(threads, geo::stats::count_table(ps.ids.size(), map.tags(), !pts.weight.empty()));
        auto rule = boundary == "include" ? geo::stats::boundary_rule::include : geo::stats::boundary_rule::exclude;
        auto rep = geo::read_points(pts.path, ropt, map, [&](const geo::point_batch& b, unsigned t, std::uint64_t) {
            geo::stats::count_batch(idx, rule, b, acc[t]);
        });
        for (unsigned t = 1; t < threads; ++t)
            acc[0].merge(acc[t]);
        const auto& counts = acc[0];
        if (auto msg = rep.describe(); !msg.empty())
            env.err << msg;
        if (rep.industry_field.empty() && pts.industry != "-" && !quiet)
            env.err << "stats: " << geo::quoted(pts.path)
                    << ": no industry column found (industry, 行业); counting totals only. Name it with --industry FIELD.\n";

        geo::stats::measure_options mo;
        mo.min_count = min_count;
        mo.z = z_of(confidence);
        auto sum = geo::stats::compute(counts, ps, mo);
        if (!sum.missing_layout_parks.empty() && !quiet) {
            std::string m;
            for (auto& p : sum.missing_layout_parks)
                m += (m.empty() ? "" : ", ") + p;
            env.err << "stats: layout roles name parks absent from the parks given: " << m << ".\n";
        }

        std::vector<geo::stats::table> tables;
        auto want = [&](const char* n) { return which == "all" || which == n; };
        if (want("totals"))
            tables.push_back(geo::stats::totals_table(counts, boundary));
        if (want("counts"))
            tables.push_back(geo::stats::counts_table(counts, ps));
        if (want("park_industry"))
            tables.push_back(geo::stats::park_industry_table(sum, counts, ps));
        if (want("parks"))
            tables.push_back(geo::stats::parks_table(sum, counts, ps));
        if (want("industries"))
            tables.push_back(geo::stats::industries_table(sum, counts));
        if (want("layouts") && !ps.layouts.empty())
            tables.push_back(geo::stats::alignment_table(sum));

        std::string text;
        if (format == "json") {
            nlohmann::json j;
            j["input"] = pts.path;
            j["parks"] = ps.source;
            j["boundary_rule"] = boundary;
            j["points_read"] = rep.points;
            j["rows_skipped"] = rep.bad_rows;
            j["confidence"] = confidence;
            for (auto& t : tables)
                j[t.name] = geo::stats::to_json(t);
            text = j.dump(2) + "\n";
        } else {
            for (std::size_t i = 0; i < tables.size(); ++i) {
                if (i)
                    text += "\n";
                if (format == "csv")
                    text += geo::stats::to_csv(tables[i]);
                else if (format == "markdown")
                    text += geo::stats::to_markdown(tables[i]);
                else
                    text += geo::stats::to_text(tables[i]);
            }
            if (format != "csv" && ps.embedded)
                text += "\nNote: embedded park boundaries are approximate/schematic (see layers/README.md).\n";
        }
        if (!join_to.empty()) {
            auto l = geo::stats::joined_layer(sum, counts, ps);
            geo::write_options wo;
            wo.overwrite = overwrite;
            geo::write_layer(join_to, l, wo);
        }
        if (output.empty() || output == "-")
            env.out << text;
        else
            geo::write_text_file(output, text, overwrite);
        return 0;
    }

private:
    static double z_of(double conf)
    {
        // inverse normal CDF for the two-sided level (bisection on erfc)
        double target = (1 - conf) / 2, lo = 0, hi = 10;
        for (int i = 0; i < 100; ++i) {
            double mid = (lo + hi) / 2;
            (0.5 * std::erfc(mid / std::sqrt(2.0)) > target ? lo : hi) = mid;
        }
        return (lo + hi) / 2;
    }

    point_input_options pts;
    parks_input_options parks;
    std::string boundary = "exclude";
    std::string format = "table";
    std::string which;
    std::string output;
    std::string join_to;
    bool overwrite = false;
    std::uint64_t min_count = 5;
    double confidence = 0.95;
};

} // namespace

ZJGEO_REGISTER_COMMAND(stats_command)

} // namespace zjgeo
