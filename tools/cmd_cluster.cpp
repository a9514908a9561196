// zjgeo cluster: where the real clusters are — DBSCAN with hulls, kernel
// density (GeoTIFF) with hot zones, Getis–Ord Gi* hexagons, Clark–Evans.
#include "command.hpp"
#include "stats_options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/crs/transform.hpp>
#include <libgeo/geometry/geos.hpp>
#include <libgeo/geometry/park_index.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/stats/dbscan.hpp>
#include <libgeo/stats/spatial.hpp>
#include <libgeo/stats/table.hpp>

#include <fmt/format.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <memory>
#include <thread>

namespace zjgeo {

namespace {

using geo::stats::table;

// Write a single-band Float32 GeoTIFF (staged, atomic).
void write_geotiff(const std::string& path, const geo::stats::raster& r, const OGRSpatialReference& srs, bool overwrite)
{
    geo::gdal_init();
    geo::staged_output st(path, "GTiff", overwrite);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    const char* co[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", nullptr};
    std::unique_ptr<GDALDataset> ds(drv->Create(st.path().c_str(), static_cast<int>(r.nx), static_cast<int>(r.ny), 1, GDT_Float32,
                                                const_cast<char**>(co)));
    if (!ds)
        throw geo::io_error("cluster: cannot create " + geo::quoted(path) + ": " + CPLGetLastErrorMsg());
    double gt[6] = {r.x0, r.cell, 0, r.y1, 0, -r.cell};
    ds->SetGeoTransform(gt);
    ds->SetSpatialRef(&srs);
    GDALRasterBand* b = ds->GetRasterBand(1);
    b->SetDescription("density (points per km2)");
    if (b->RasterIO(GF_Write, 0, 0, static_cast<int>(r.nx), static_cast<int>(r.ny), const_cast<float*>(r.v.data()),
                    static_cast<int>(r.nx), static_cast<int>(r.ny), GDT_Float32, 0, 0) != CE_None)
        throw geo::io_error("cluster: cannot write " + geo::quoted(path) + ": " + CPLGetLastErrorMsg());
    ds.reset();
    st.commit();
}

// Polygons of the cells >= threshold (GDALPolygonize on an in-memory mask).
geo::layer hot_zones(const geo::stats::raster& r, double threshold, const std::shared_ptr<const OGRSpatialReference>& srs)
{
    geo::gdal_init();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    std::unique_ptr<GDALDataset> ds(mem->Create("", static_cast<int>(r.nx), static_cast<int>(r.ny), 1, GDT_Byte, nullptr));
    double gt[6] = {r.x0, r.cell, 0, r.y1, 0, -r.cell};
    ds->SetGeoTransform(gt);
    std::vector<std::uint8_t> mask(r.v.size());
    for (std::size_t i = 0; i < r.v.size(); ++i)
        mask[i] = r.v[i] >= threshold && r.v[i] > 0;
    GDALRasterBand* b = ds->GetRasterBand(1);
    if (b->RasterIO(GF_Write, 0, 0, static_cast<int>(r.nx), static_cast<int>(r.ny), mask.data(), static_cast<int>(r.nx),
                    static_cast<int>(r.ny), GDT_Byte, 0, 0) != CE_None)
        throw geo::io_error("cluster: cannot build the hot-zone mask.");
    GDALDriver* memv = GetGDALDriverManager()->GetDriverByName("Memory");
    std::unique_ptr<GDALDataset> vds(memv->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* ol = vds->CreateLayer("hot", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn fd("hot", OFTInteger);
    ol->CreateField(&fd);
    if (GDALPolygonize(b, b, ol, 0, nullptr, nullptr, nullptr) != CE_None)
        throw geo::geometry_error("cluster: GDALPolygonize failed: " + std::string(CPLGetLastErrorMsg()));
    geo::layer out;
    out.name = "hot_zones";
    out.crs = srs;
    out.add_field("zone", geo::field_type::integer);
    out.add_field("area_km2", geo::field_type::real);
    out.add_field("threshold_per_km2", geo::field_type::real);
    ol->ResetReading();
    std::int64_t k = 0;
    for (auto& f : *ol) {
        if (f->GetFieldAsInteger(0) != 1)
            continue;
        geo::feature gf;
        gf.geometry.reset(f->StealGeometry());
        double a = gf.geometry->toPolygon()->get_Area() / 1e6;
        gf.values = {++k, a, threshold};
        gf.source_index = k - 1;
        out.features.push_back(std::move(gf));
    }
    return out;
}

class cluster_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "cluster",
            "Find clusters of enterprises: DBSCAN with hulls, kernel density, Getis-Ord Gi* hot spots, Clark-Evans",
            "zjgeo cluster [options] INPUT",
            "Works in metres whatever the input CRS: points are projected to --metric-crs (default shanghai-tm, a "
            "transverse Mercator centred on 121.5 E).\n\n"
            "DBSCAN (--eps metres, --min-points) follows PostGIS ST_ClusterDBSCAN (a point is core with at least "
            "min-points points, itself included, within eps); labels are deterministic whatever the input order: "
            "clusters are numbered 1..K by their smallest point id, a border point joins the cluster of its nearest "
            "core point, noise is empty. -o writes the points with 'cluster' and 'core'; --hulls writes one polygon per "
            "cluster (convex, or concave with --hull concave) with its size, dominant industry and the parks it overlaps.\n\n"
            "--kde FILE.tif writes a kernel density raster (points per km², quartic or Gaussian kernel, --bandwidth "
            "metres, default the spatial Silverman rule 0.9·min(SD, √(1/ln2)·Dm)·n^-0.2, --cell metres, default "
            "bandwidth/4); --hot-zones writes polygons of the cells above the --hot-quantile of non-zero density.\n\n"
            "--hotspots writes a hexagon grid (--hex-size metres, flat-to-flat) with counts, Getis-Ord Gi* z-scores, "
            "p-values and Benjamini-Hochberg FDR classes (--fdr). The summary printed (--format) lists the clusters; "
            "--clark-evans adds the Clark-Evans nearest-neighbour index per industry (study area: convex hull of all "
            "points, no edge correction).",
            "zjgeo cluster enterprises.csv --eps 500 --min-points 10 -o clustered.gpkg --hulls clusters.geojson\n"
            "zjgeo cluster enterprises.csv --kde density.tif --hot-zones hot.geojson --hot-quantile 0.95\n"
            "zjgeo cluster enterprises.csv --hotspots hex.gpkg --hex-size 1000 --format markdown\n"
            "zjgeo cluster pois.csv --src-crs gcj02 --eps 300 --min-points 5 --hulls hulls.gpkg --hull concave"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("INPUT", pts.path, "Enterprise points: CSV (lon/lat columns) or any vector source")->required();
        pts.add_to(app);
        parks.add_to(app);
        app.add_option("--metric-crs", metric_crs, "Planar CRS in metres for distances")->capture_default_str();
        app.add_option("--eps", eps, "DBSCAN neighbourhood radius in metres")->capture_default_str();
        app.add_option("--min-points", min_points, "DBSCAN: points (itself included) within eps for a core point")->capture_default_str();
        app.add_option("-o,--output", points_out, "Points with cluster ids (.csv or any vector format)");
        app.add_option("--hulls", hulls_out, "Cluster polygons (any vector format)");
        app.add_option("--hull", hull, "convex or concave")->check(CLI::IsMember({"convex", "concave"}))->capture_default_str();
        app.add_option("--concave-ratio", concave_ratio, "GEOS concave hull edge-length ratio (0 = tightest, 1 = convex)")
            ->check(CLI::Range(0.0, 1.0))
            ->capture_default_str();
        app.add_option("--kde", kde_out, "Kernel density GeoTIFF");
        app.add_option("--kernel", kernel_name, "quartic or gaussian")->check(CLI::IsMember({"quartic", "gaussian"}))->capture_default_str();
        app.add_option("--bandwidth", bandwidth, "Kernel bandwidth in metres (default: rule of thumb)");
        app.add_option("--cell", cell, "Density cell size in metres (default: bandwidth / 4)");
        app.add_option("--hot-zones", hot_out, "Polygons where density >= the --hot-quantile of non-zero cells");
        app.add_option("--hot-quantile", hot_quantile, "Quantile for --hot-zones")->check(CLI::Range(0.0, 1.0))->capture_default_str();
        app.add_option("--hotspots", hex_out, "Hexagon grid with Getis-Ord Gi* (any vector format)");
        app.add_option("--hex-size", hex_size, "Hexagon width in metres")->capture_default_str();
        app.add_option("--fdr", fdr, "False discovery rate for the Gi* classes")->check(CLI::Range(0.0001, 0.5))->capture_default_str();
        app.add_flag("--clark-evans", clark_evans, "Add the Clark-Evans nearest-neighbour index per industry to the summary");
        app.add_option("--format", format, "Summary: table, csv, json or markdown")
            ->check(CLI::IsMember({"table", "csv", "json", "markdown"}))
            ->capture_default_str();
        app.add_option("--summary", summary_out, "Write the summary to this file instead of standard output");
        app.add_flag("--overwrite", overwrite, "Replace existing outputs");
    }

    void validate() override
    {
        parks.validate();
        if (!(eps > 0))
            throw geo::usage_error("cluster: --eps must be a positive distance in metres, got " + fmt::format("{}", eps) + ".");
        if (bandwidth && !(*bandwidth > 0))
            throw geo::usage_error("cluster: --bandwidth must be a positive distance in metres.");
        if (cell && !(*cell > 0))
            throw geo::usage_error("cluster: --cell must be a positive distance in metres.");
        if (!hot_out.empty() && kde_out.empty())
            throw geo::usage_error("cluster: --hot-zones needs --kde FILE.tif (the density it is cut from).");
    }

    int run(io_env& env) override
    {
        for (auto* p : {&points_out, &hulls_out, &kde_out, &hot_out, &hex_out, &summary_out})
            check_output(*p, overwrite);
        auto map = pts.industries();
        geo::point_read_report rep;
        auto b = geo::read_all_points(pts.path, pts.options(), map, &rep);
        if (auto msg = rep.describe(); !msg.empty())
            env.err << msg;
        const std::size_t n = b.size();
        // project to metres (two threads, one transformer each)
        geo::crs metric = geo::crs::parse(metric_crs);
        std::vector<double> mx(b.x), my(b.y);
        {
            const unsigned T = std::max(1u, std::min(std::thread::hardware_concurrency(), 2u));
            std::vector<std::unique_ptr<geo::transformer>> tf;
            for (unsigned t = 0; t < T; ++t)
                tf.push_back(std::make_unique<geo::transformer>(geo::crs::wgs84(), metric));
            std::vector<std::thread> pool;
            std::size_t step = (n + T - 1) / T;
            for (unsigned t = 0; t < T; ++t) {
                std::size_t a = std::min(n, t * step), e = std::min(n, a + step);
                pool.emplace_back([&, t, a, e] { tf[t]->transform(e - a, mx.data() + a, my.data() + a); });
            }
            for (auto& th : pool)
                th.join();
        }
        auto db = geo::stats::dbscan(mx, my, b.id.data(), eps, min_points, pts.threads);
        const auto& tags = map.tags();
        auto tag_of = [&](std::uint8_t c) { return c < tags.size() ? tags[c] : std::string(); };

        auto ps = parks.load(env.err);
        std::vector<table> tables;
        // clusters: size, core, dominant industry, parks overlapped (through their points)
        std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(db.clusters) + 1);
        for (std::size_t i = 0; i < n; ++i)
            if (db.label[i] > 0)
                members[static_cast<std::size_t>(db.label[i])].push_back(i);
        geo::park_index pidx(ps.geometries());
        table ct{"clusters", fmt::format("DBSCAN clusters (eps {} m, min points {})", eps, min_points),
                 {"cluster", "size", "core", "dominant", "dominant_share", "parks"}, {}};
        std::vector<std::vector<geo::field_value>> crow(static_cast<std::size_t>(db.clusters) + 1);
        std::vector<std::size_t> ind(tags.size() + 1), pk(ps.ids.size());
        for (std::size_t c = 1; c < members.size(); ++c) {
            std::fill(ind.begin(), ind.end(), 0);
            std::fill(pk.begin(), pk.end(), 0);
            std::size_t core = 0;
            for (auto i : members[c]) {
                ++ind[std::min<std::size_t>(b.industry[i], tags.size())];
                core += db.core[i];
                pidx.query(b.x[i], b.y[i], [&](std::size_t k, geo::location) { ++pk[k]; });
            }
            std::string dom;
            std::size_t best = 0;
            for (std::size_t k = 0; k < tags.size(); ++k)
                if (ind[k] > best) {
                    best = ind[k];
                    dom = tags[k];
                }
            std::string parks_s;
            for (std::size_t k : ps.sorted_order())
                if (pk[k])
                    parks_s += (parks_s.empty() ? "" : ";") + ps.ids[k];
            crow[c] = {static_cast<std::int64_t>(c), static_cast<std::int64_t>(members[c].size()), static_cast<std::int64_t>(core),
                       dom, static_cast<double>(best) / static_cast<double>(members[c].size()), parks_s};
            ct.rows.push_back(crow[c]);
        }
        tables.push_back(ct);
        std::size_t noise = 0;
        for (auto l : db.label)
            noise += l == 0;

        // Clark–Evans per industry (study area: convex hull of all points)
        table ce{"clark_evans", "Clark-Evans nearest-neighbour index (R < 1 clustered, 1 random, > 1 dispersed)",
                 {"industry", "n", "mean_nn_m", "expected_m", "R", "z"}, {}};
        if (clark_evans) {
            double area = geo::stats::convex_hull_area(mx, my);
            auto r = geo::stats::clark_evans(mx, my, area);
            ce.rows.push_back({std::string("ALL"), static_cast<std::int64_t>(r.n), r.mean_nn, r.expected, r.R, r.z});
            for (std::size_t k = 0; k < tags.size(); ++k) {
                std::vector<double> xs, ys;
                for (std::size_t i = 0; i < n; ++i)
                    if (b.industry[i] == k) {
                        xs.push_back(mx[i]);
                        ys.push_back(my[i]);
                    }
                auto rk = geo::stats::clark_evans(xs, ys, area);
                ce.rows.push_back({tags[k], static_cast<std::int64_t>(rk.n), rk.mean_nn, rk.expected, rk.R, rk.z});
            }
        }
        if (clark_evans)
            tables.push_back(ce);

        auto metric_srs = metric.srs();
        if (!points_out.empty())
            write_points(b, db, tag_of);
        if (!hulls_out.empty())
            write_hulls(mx, my, members, crow, metric_srs);
        if (!kde_out.empty()) {
            double h = bandwidth ? *bandwidth : geo::stats::default_bandwidth(mx, my);
            double c = cell ? *cell : h / 4;
            auto r = geo::stats::kernel_density(mx, my, kernel_name == "gaussian" ? geo::stats::kernel::gaussian : geo::stats::kernel::quartic,
                                                h, c, pts.threads);
            write_geotiff(kde_out, r, *metric_srs, overwrite);
            double thr = geo::stats::nonzero_quantile(r, hot_quantile);
            if (!hot_out.empty()) {
                auto hz = hot_zones(r, thr, metric_srs);
                write_vector(hot_out, hz);
            }
            table kt{"density", "Kernel density", {"kernel", "bandwidth_m", "cell_m", "max_per_km2", "hot_threshold_per_km2"}, {}};
            kt.rows.push_back({kernel_name, h, c, static_cast<double>(*std::max_element(r.v.begin(), r.v.end())), thr});
            tables.push_back(kt);
        }
        if (!hex_out.empty()) {
            auto cells = geo::stats::getis_ord_hex(mx, my, hex_size, fdr);
            geo::layer hl;
            hl.name = "hotspots";
            hl.crs = metric_srs;
            for (auto [nm, ty] : std::initializer_list<std::pair<const char*, geo::field_type>>{
                     {"q", geo::field_type::integer}, {"r", geo::field_type::integer}, {"count", geo::field_type::integer},
                     {"gi_z", geo::field_type::real}, {"p_value", geo::field_type::real}, {"fdr_significant", geo::field_type::integer},
                     {"class", geo::field_type::string}})
                hl.add_field(nm, ty);
            std::size_t hot = 0, cold = 0;
            for (auto& c : cells) {
                geo::feature f;
                f.values = {c.q, c.r, static_cast<std::int64_t>(c.count), c.z, c.p, static_cast<std::int64_t>(c.significant), c.klass};
                auto ring = geo::stats::hex_ring(c, hex_size);
                auto* poly = new OGRPolygon();
                auto* lr = new OGRLinearRing();
                for (auto [x, y] : ring)
                    lr->addPoint(x, y);
                poly->addRingDirectly(lr);
                f.geometry.reset(poly);
                f.source_index = static_cast<std::int64_t>(hl.features.size());
                hl.features.push_back(std::move(f));
                hot += c.klass == "hot spot";
                cold += c.klass == "cold spot";
            }
            write_vector(hex_out, hl);
            table gt{"hotspots", "Getis-Ord Gi* on hexagons", {"hex_size_m", "cells", "hot_spots", "cold_spots", "fdr"}, {}};
            gt.rows.push_back({hex_size, static_cast<std::int64_t>(cells.size()), static_cast<std::int64_t>(hot),
                               static_cast<std::int64_t>(cold), fdr});
            tables.push_back(gt);
        }
        table tt{"totals", "Points", {"measure", "value"}, {}};
        tt.rows.push_back({std::string("points"), static_cast<std::int64_t>(n)});
        tt.rows.push_back({std::string("clusters"), static_cast<std::int64_t>(db.clusters)});
        tt.rows.push_back({std::string("clustered_points"), static_cast<std::int64_t>(n - noise)});
        tt.rows.push_back({std::string("noise"), static_cast<std::int64_t>(noise)});
        tables.insert(tables.begin(), tt);

        std::string text;
        if (format == "json") {
            nlohmann::json j;
            j["input"] = pts.path;
            j["eps_m"] = eps;
            j["min_points"] = min_points;
            j["metric_crs"] = metric.describe();
            for (auto& t : tables)
                j[t.name] = geo::stats::to_json(t);
            text = j.dump(2) + "\n";
        } else
            for (std::size_t i = 0; i < tables.size(); ++i) {
                if (format == "csv" && tables[i].name != "clusters")
                    continue; // CSV: one table, the clusters
                if (!text.empty())
                    text += "\n";
                text += format == "csv" ? geo::stats::to_csv(tables[i])
                        : format == "markdown" ? geo::stats::to_markdown(tables[i])
                                               : geo::stats::to_text(tables[i]);
            }
        if (summary_out.empty())
            env.out << text;
        else
            geo::write_text_file(summary_out, text, overwrite);
        return 0;
    }

private:
    void write_vector(const std::string& path, geo::layer& l)
    {
        geo::write_options wo;
        wo.overwrite = overwrite;
        auto drv = geo::driver_for(path, "");
        if (drv == "GeoJSON" || drv == "GeoJSONSeq")
            geo::reproject(l, geo::crs::wgs84());
        geo::write_layer(path, l, wo);
    }

    template <class TagOf>
    void write_points(const geo::point_batch& b, const geo::stats::dbscan_result& db, TagOf&& tag_of)
    {
        auto drv = geo::driver_for(points_out, "");
        if (drv == "CSV") {
            std::string s = "id,lon,lat,industry,cluster,core\n";
            s.reserve(b.size() * 48);
            for (std::size_t i = 0; i < b.size(); ++i) {
                fmt::format_to(std::back_inserter(s), "{},{:.7f},{:.7f},{},", b.id[i], b.x[i], b.y[i], tag_of(b.industry[i]));
                if (db.label[i] > 0)
                    fmt::format_to(std::back_inserter(s), "{}", db.label[i]);
                s += db.core[i] ? ",1\n" : ",0\n";
            }
            geo::write_text_file(points_out, s, overwrite);
            return;
        }
        geo::layer l;
        l.name = "clustered_points";
        l.crs = geo::wgs84();
        l.add_field("id", geo::field_type::integer);
        l.add_field("industry", geo::field_type::string);
        l.add_field("cluster", geo::field_type::integer);
        l.add_field("core", geo::field_type::integer);
        l.features.reserve(b.size());
        for (std::size_t i = 0; i < b.size(); ++i) {
            geo::feature f;
            f.values = {b.id[i], tag_of(b.industry[i]),
                        db.label[i] > 0 ? geo::field_value(static_cast<std::int64_t>(db.label[i])) : geo::field_value(),
                        static_cast<std::int64_t>(db.core[i])};
            f.geometry.reset(new OGRPoint(b.x[i], b.y[i]));
            f.source_index = static_cast<std::int64_t>(i);
            l.features.push_back(std::move(f));
        }
        write_vector(points_out, l);
    }

    void write_hulls(const std::vector<double>& mx, const std::vector<double>& my, const std::vector<std::vector<std::size_t>>& members,
                     const std::vector<std::vector<geo::field_value>>& crow, const std::shared_ptr<const OGRSpatialReference>& srs)
    {
        geo::layer l;
        l.name = "clusters";
        l.crs = srs;
        for (auto [nm, ty] : std::initializer_list<std::pair<const char*, geo::field_type>>{
                 {"cluster", geo::field_type::integer}, {"size", geo::field_type::integer}, {"core", geo::field_type::integer},
                 {"dominant", geo::field_type::string}, {"dominant_share", geo::field_type::real}, {"parks", geo::field_type::string},
                 {"area_km2", geo::field_type::real}})
            l.add_field(nm, ty);
        auto ctx = geo::geos::context();
        for (std::size_t c = 1; c < members.size(); ++c) {
            std::vector<GEOSGeometry*> pts_g;
            pts_g.reserve(members[c].size());
            for (auto i : members[c])
                pts_g.push_back(GEOSGeom_createPointFromXY_r(ctx, mx[i], my[i]));
            geo::geos::geom_ptr mp(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, pts_g.data(), static_cast<unsigned>(pts_g.size())));
            geo::geos::geom_ptr h(hull == "concave" ? GEOSConcaveHull_r(ctx, mp.get(), concave_ratio, 0) : GEOSConvexHull_r(ctx, mp.get()));
            if (!h)
                throw geo::geometry_error("cluster: hull of cluster " + std::to_string(c) + " failed: " + geo::geos::last_error());
            // keep polygons even for degenerate (collinear) clusters: buffer by 1 m
            if (GEOSGeomTypeId_r(ctx, h.get()) != GEOS_POLYGON)
                h.reset(GEOSBuffer_r(ctx, h.get(), 1.0, 8));
            double area = 0;
            GEOSArea_r(ctx, h.get(), &area);
            geo::feature f;
            f.values = crow[c];
            f.values.push_back(area / 1e6);
            f.geometry = geo::geos::to_ogr(*h);
            f.source_index = static_cast<std::int64_t>(c - 1);
            l.features.push_back(std::move(f));
        }
        write_vector(hulls_out, l);
    }

    point_input_options pts;
    parks_input_options parks;
    std::string metric_crs = "shanghai-tm";
    double eps = 500;
    std::size_t min_points = 10;
    std::string points_out, hulls_out, kde_out, hot_out, hex_out, summary_out;
    std::string hull = "convex";
    double concave_ratio = 0.3;
    std::string kernel_name = "quartic";
    std::optional<double> bandwidth, cell;
    double hot_quantile = 0.95;
    double hex_size = 1000;
    double fdr = 0.05;
    std::string format = "table";
    bool overwrite = false;
    bool clark_evans = false;
};

} // namespace

ZJGEO_REGISTER_COMMAND(cluster_command)

} // namespace zjgeo
