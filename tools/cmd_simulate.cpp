// zjgeo simulate: seeded synthetic enterprises, labelled synthetic in every row.
#include "command.hpp"
#include "options.hpp"
#include "stats_options.hpp"

#include <libgeo/core/data_dir.hpp>
#include <libgeo/core/error.hpp>
#include <libgeo/crs/transform.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/stats/simulate.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace zjgeo {

namespace {

class simulate_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "simulate",
            "Generate realistic synthetic enterprises (seeded, labelled synthetic) for demos, tests and benchmarks",
            "zjgeo simulate [options] -n N -o OUTPUT",
            "Writes N synthetic enterprise points: a share (--park-share, default 0.35) in Gaussian clusters inside "
            "the parks, whose industry mix is led by each park's lead industries (the plan's industry_tags); the rest "
            "spread over Shanghai (half around People's Square, half uniform) inside the districts union. Columns: "
            "id, name, lon, lat (WGS84, 6 decimals), industry (Chinese label), industry_tag, staff (a log-normal head "
            "count, usable as --weight), cluster_park (the park whose cluster generated the point, empty for "
            "background) and source = \"synthetic (zjgeo simulate seed=N)\" on every row. The same seed gives the "
            "same file on every machine. The data is invented: never present it as real enterprises.",
            "zjgeo simulate -n 10000 --seed 42 -o enterprises.csv\n"
            "zjgeo simulate -n 1000000 --seed 1 -o big.csv --park-share 0.3\n"
            "zjgeo simulate -n 5000 -o enterprises.gpkg\n"
            "zjgeo simulate -n 5000 --parks my_parks.geojson --park-key id -o pts.geojson"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("-n,--count", opt.n, "Number of enterprises")->required()->check(CLI::Range(1ull, 100000000ull));
        app.add_option("--seed", opt.seed, "Random seed")->capture_default_str();
        app.add_option("--park-share", opt.park_share, "Share of enterprises generated in park clusters")
            ->check(CLI::Range(0.0, 1.0))
            ->capture_default_str();
        app.add_option("--lead-share", opt.lead_share, "Share of a park's enterprises in its lead industries")
            ->check(CLI::Range(0.0, 1.0))
            ->capture_default_str();
        app.add_option("--region", region, "Polygons bounding the background (default: the embedded districts)");
        parks.add_to(app);
        app.add_option("-o,--output", out.path, "Output: .csv (fast path) or any vector format")->required();
        out.add_to(app);
    }

    void validate() override { parks.validate(); }

    int run(io_env& env) override
    {
        check_output(out.path, out.overwrite);
        auto ps = parks.load(env.err);
        geo::layer reg = geo::read_layer(region.empty() ? geo::layer_path("districts.geojson").string() : region);
        geo::reproject(reg, geo::crs::wgs84(), reg.crs ? nullptr : std::make_unique<geo::crs>(geo::crs::wgs84()).get());
        std::vector<const OGRGeometry*> rg;
        for (auto& f : reg.features)
            if (f.geometry)
                rg.push_back(f.geometry.get());
        if (rg.empty())
            throw geo::usage_error("simulate: the region " + geo::quoted(region) + " has no polygons. Give polygons with --region.");
        auto s = geo::stats::simulate(ps, rg, opt);
        const std::string source = fmt::format("synthetic (zjgeo simulate seed={})", opt.seed);
        auto driver = geo::driver_for(out.path, out.format);
        if (driver == "CSV" && !geo::is_database_destination(out.path)) {
            geo::staged_output st(out.path, driver, out.overwrite);
            std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(st.path().c_str(), "wb"), &std::fclose);
            if (!f)
                throw geo::io_error("simulate: cannot write " + geo::quoted(out.path) + ".");
            std::string buf = "id,name,lon,lat,industry,industry_tag,staff,cluster_park,source\n";
            for (std::size_t i = 0; i < s.size(); ++i) {
                fmt::format_to(std::back_inserter(buf), "{},synthetic enterprise {},{:.6f},{:.6f},{},{},{},{},{}\n", i + 1, i + 1,
                               s.lon[i], s.lat[i], s.label_zh(s.industry[i]), s.tag(s.industry[i]), s.staff[i],
                               s.park[i] >= 0 ? ps.ids[static_cast<std::size_t>(s.park[i])] : "", source);
                if (buf.size() > (1u << 20)) {
                    std::fwrite(buf.data(), 1, buf.size(), f.get());
                    buf.clear();
                }
            }
            std::fwrite(buf.data(), 1, buf.size(), f.get());
            if (std::fclose(f.release()) != 0)
                throw geo::io_error("simulate: cannot write " + geo::quoted(out.path) + " (disk full?).");
            st.commit();
        } else {
            geo::layer l;
            l.name = "enterprises";
            l.crs = geo::wgs84();
            for (auto [n, t] : std::initializer_list<std::pair<const char*, geo::field_type>>{
                     {"id", geo::field_type::integer}, {"name", geo::field_type::string}, {"industry", geo::field_type::string},
                     {"industry_tag", geo::field_type::string}, {"staff", geo::field_type::integer},
                     {"cluster_park", geo::field_type::string}, {"source", geo::field_type::string}})
                l.add_field(n, t);
            l.features.reserve(s.size());
            for (std::size_t i = 0; i < s.size(); ++i) {
                geo::feature f;
                f.values = {static_cast<std::int64_t>(i + 1), fmt::format("synthetic enterprise {}", i + 1),
                            std::string(s.label_zh(s.industry[i])), std::string(s.tag(s.industry[i])),
                            static_cast<std::int64_t>(s.staff[i]),
                            s.park[i] >= 0 ? geo::field_value(ps.ids[static_cast<std::size_t>(s.park[i])]) : geo::field_value(),
                            source};
                f.geometry.reset(new OGRPoint(s.lon[i], s.lat[i]));
                f.source_index = static_cast<std::int64_t>(i);
                l.features.push_back(std::move(f));
            }
            geo::write_layer(out.path, l, out.write_options());
        }
        if (!quiet)
            env.err << fmt::format("simulate: wrote {} synthetic enterprises (seed {}) to {}\n", s.size(), opt.seed, out.path);
        return 0;
    }

private:
    geo::stats::simulate_options opt;
    parks_input_options parks;
    std::string region;
    output_options out;
};

} // namespace

ZJGEO_REGISTER_COMMAND(simulate_command)

} // namespace zjgeo
