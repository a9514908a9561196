// zjgeo parks: the 22 sub-parks of 一区二十二园 as a table, CSV, JSON or GeoJSON.
#include "command.hpp"
#include "parks_options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/model/layers.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/core/text.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>

namespace zjgeo {

namespace {

using geo::model::park;
using geo::model::plan;

const std::vector<std::pair<std::string, std::string>> group_names = {
    {"city", "一城"}, {"pole", "一极"}, {"radiant", "一区"}, {"clusters", "多组团"}};

std::string join(const std::vector<std::string>& v, const std::string& sep)
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string fixed3(double v) { return fmt::format("{:.3f}", v); }
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

class parks_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "parks",
            "List the 22 sub-parks of 一区二十二园: districts, lead industries, areas, layout roles",
            "zjgeo parks [--layout ID [--role ID]] [--industry TAG] [--group GROUP] [--format table|csv|json|geojson] "
            "[-o FILE]",
            "Lists the sub-parks of the Shanghai Zhangjiang High-tech Zone as the plan "
            "《上海张江高新技术产业开发区“十四五”规划》 names them (section 四(四)), with their districts, their place in "
            "the overall pattern 一城、一极、一区、多组团, their lead industries in the plan's words and as tags, the "
            "published area where one exists (planned_km2), the area of the geometry zjgeo holds (area_km2, geodesic) "
            "and the role each park holds in the industry layouts (see 'zjgeo layouts').\n\n"
            "The embedded park geometry is schematic or approximate, not surveyed: official boundaries are not "
            "public. Give your own boundaries with --parks FILE (matched by park id or Chinese name).",
            "zjgeo parks\n"
            "zjgeo parks --layout ic\n"
            "zjgeo parks --layout biomed --role x\n"
            "zjgeo parks --industry ai --format json\n"
            "zjgeo parks --group clusters --format csv -o clusters.csv\n"
            "zjgeo parks --format geojson -o parks.geojson\n"
            "zjgeo parks --parks mine.shp --park-key 名称 --parks-encoding GBK"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("--layout", layout_, "Only the parks holding a role in this layout (ic, biomed, ai, overall)");
        app.add_option("--role", role_, "With --layout: only the parks holding this role (e.g. core, wings, points)");
        app.add_option("--industry", industry_,
                       "Only the parks with this industry tag (e.g. ic, biomed, ai) or Chinese industry term");
        app.add_option("--group", group_, "Only the parks of this group: city|pole|radiant|clusters (or 一城|一极|一区|多组团)");
        app.add_option("--format", format_, "Output: table, csv, json or geojson (default: table, or from -o's extension)")
            ->check(CLI::IsMember({"table", "csv", "json", "geojson"}));
        app.add_option("-o,--output", output_, "Write to this file instead of standard output");
        app.add_flag("--overwrite", overwrite_, "Replace an existing output file");
        parks_.add_to(app);
    }

    void validate() override
    {
        if (!role_.empty() && layout_.empty())
            throw geo::usage_error("--role needs --layout ID (roles belong to a layout; see 'zjgeo layouts').");
        parks_.validate();
        if (format_.empty()) {
            format_ = "table";
            if (!output_.empty() && output_ != "-") {
                std::string ext = std::filesystem::path(output_).extension().string();
                std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
                if (ext == ".csv")
                    format_ = "csv";
                else if (ext == ".json")
                    format_ = "json";
                else if (ext == ".geojson")
                    format_ = "geojson";
                else if (ext != ".txt")
                    throw geo::usage_error("parks: cannot tell the format of " + geo::quoted(output_) +
                                           ". Give --format table|csv|json|geojson, or use 'zjgeo export' for "
                                           "GeoPackage, Shapefile and FlatGeobuf.");
            }
        }
    }

    int run(io_env& env) override
    {
        const plan p = parks_.load(env.err);
        const geo::model::layout* lo = layout_.empty() ? nullptr : &p.require_layout(layout_);
        const geo::model::role* ro = (lo && !role_.empty()) ? &lo->require_role(role_) : nullptr;
        std::string group = group_filter();
        std::vector<const park*> sel;
        for (const auto& pk : p.parks()) {
            if (lo) {
                const auto* r = lo->role_of(pk.id);
                if (!r || (ro && r != ro))
                    continue;
            }
            if (!group.empty() && pk.group != group)
                continue;
            if (!industry_.empty() && !has_industry(pk))
                continue;
            sel.push_back(&pk);
        }
        if (!industry_.empty())
            check_industry(p);
        std::string text;
        if (format_ == "table")
            text = table(p, sel, lo);
        else if (format_ == "csv")
            text = csv(p, sel);
        else if (format_ == "json")
            text = json(p, sel).dump(2) + "\n";
        else
            return write_geojson(p, sel, env);
        emit_text(output_, text, overwrite_, env.out);
        return 0;
    }

private:
    std::string group_filter() const
    {
        if (group_.empty())
            return {};
        for (const auto& [id, zh] : group_names)
            if (group_ == id || group_ == zh)
                return id;
        throw geo::usage_error("parks: unknown group " + geo::quoted(group_) +
                               ". Groups: city (一城), pole (一极), radiant (一区), clusters (多组团).");
    }

    bool has_industry(const park& pk) const
    {
        if (std::find(pk.industry_tags.begin(), pk.industry_tags.end(), industry_) != pk.industry_tags.end())
            return true;
        // A Chinese term ("集成电路") matches the plan's words.
        return static_cast<unsigned char>(industry_[0]) >= 0x80 && pk.industries_zh.find(industry_) != std::string::npos;
    }

    /// An --industry that matches no park's tags nor words is a usage error listing the tags.
    void check_industry(const plan& p) const
    {
        std::set<std::string> tags;
        for (const auto& pk : p.parks()) {
            tags.insert(pk.industry_tags.begin(), pk.industry_tags.end());
            if (has_industry(pk))
                return;
        }
        throw geo::usage_error("parks: no park has industry " + geo::quoted(industry_) + ". Tags: " +
                               join(std::vector<std::string>(tags.begin(), tags.end()), ", ") +
                               " (or a Chinese term from the plan, e.g. 集成电路).");
    }

    static std::string roles_text(const plan& p, const park& pk)
    {
        std::vector<std::string> parts;
        for (const auto& lo : p.layouts())
            if (const auto* r = lo.role_of(pk.id)) {
                bool derived = std::find(r->derived.begin(), r->derived.end(), pk.id) != r->derived.end();
                parts.push_back(lo.id + ":" + r->id + (derived ? "*" : ""));
            }
        return join(parts, " ");
    }

    std::string table(const plan& p, const std::vector<const park*>& sel, const geo::model::layout* lo) const
    {
        using geo::text_table;
        text_table t;
        t.add_column("id");
        t.add_column("name_zh");
        t.add_column("districts");
        t.add_column("group");
        if (lo)
            t.add_column("role (" + lo->id + ")");
        t.add_column("industries");
        t.add_column("planned_km2", text_table::align::right);
        t.add_column("area_km2", text_table::align::right);
        t.add_column("geometry");
        if (!lo)
            t.add_column("roles");
        bool any_derived = false;
        for (const park* pk : sel) {
            std::vector<std::string> row = {pk->id, pk->name_zh, join(pk->districts_zh, "、"), pk->group_zh};
            if (lo) {
                const auto* r = lo->role_of(pk->id);
                bool derived = std::find(r->derived.begin(), r->derived.end(), pk->id) != r->derived.end();
                any_derived |= derived;
                row.push_back(r->name_zh + " " + r->id + (derived ? "*" : ""));
            }
            row.push_back(pk->industries_zh);
            row.push_back(pk->planned_area_km2 ? fixed3(*pk->planned_area_km2) : "");
            row.push_back(fixed3(p.area_km2(*pk)));
            row.push_back(pk->geometry_quality);
            if (!lo) {
                std::string r = roles_text(p, *pk);
                any_derived |= r.find('*') != std::string::npos;
                row.push_back(r);
            }
            t.add_row(std::move(row));
        }
        std::string out = t.render();
        std::string note = fmt::format("{} of {} parks.", sel.size(), p.parks().size());
        const auto& sub = p.substitution();
        if (sub.source.empty())
            note += " Geometry is schematic or approximate (not surveyed); area_km2 is the area of that drawn "
                   "shape, planned_km2 the published figure (blank: none published). Use --parks FILE for official "
                   "boundaries.";
        else
            note += fmt::format(" {} parks use your boundaries from {} (geometry = user); the others keep the "
                               "embedded schematic or approximate geometry (not surveyed).",
                               sub.matched.size(), sub.source);
        out += "\n" + geo::wrap(note, "", 100);
        if (any_derived)
            out += "* derived by the layout's rule for an open role (\"X\"); see 'zjgeo layouts'.\n";
        return out;
    }

    std::string csv(const plan& p, const std::vector<const park*>& sel) const
    {
        using geo::csv_line;
        std::vector<std::string> header = {"id",           "name_zh",       "name_en",       "districts_zh",
                                           "district_codes", "group",       "group_zh",      "industries_zh",
                                           "industry_tags", "planned_area_km2", "area_km2", "geometry_quality"};
        for (const auto& lo : p.layouts())
            header.push_back("role_" + lo.id);
        std::string out = csv_line(header);
        for (const park* pk : sel) {
            std::vector<std::string> row = {pk->id,
                                            pk->name_zh,
                                            pk->name_en,
                                            join(pk->districts_zh, ";"),
                                            join(pk->district_codes, ";"),
                                            pk->group,
                                            pk->group_zh,
                                            pk->industries_zh,
                                            join(pk->industry_tags, ";"),
                                            pk->planned_area_km2 ? fmt::format("{}", *pk->planned_area_km2) : "",
                                            fixed3(p.area_km2(*pk)),
                                            pk->geometry_quality};
            for (const auto& lo : p.layouts()) {
                const auto* r = lo.role_of(pk->id);
                row.push_back(r ? r->id : "");
            }
            out += csv_line(row);
        }
        return out;
    }

    nlohmann::ordered_json json(const plan& p, const std::vector<const park*>& sel) const
    {
        auto arr = nlohmann::ordered_json::array();
        for (const park* pk : sel) {
            nlohmann::ordered_json o;
            o["id"] = pk->id;
            o["name_zh"] = pk->name_zh;
            o["name_en"] = pk->name_en;
            auto districts = nlohmann::ordered_json::array();
            for (std::size_t i = 0; i < pk->districts_zh.size(); ++i)
                districts.push_back({{"name_zh", pk->districts_zh[i]},
                                     {"code", i < pk->district_codes.size() ? pk->district_codes[i] : ""}});
            o["districts"] = districts;
            o["group"] = pk->group;
            o["group_zh"] = pk->group_zh;
            o["industries"] = pk->industries_zh;
            o["industry_tags"] = pk->industry_tags;
            o["planned_area_km2"] = pk->planned_area_km2 ? nlohmann::ordered_json(*pk->planned_area_km2) : nullptr;
            o["area_km2"] = round3(p.area_km2(*pk));
            o["geometry_quality"] = pk->geometry_quality;
            o["plan_ref"] = pk->plan_ref;
            nlohmann::ordered_json roles = nlohmann::ordered_json::object();
            for (const auto& lo : p.layouts())
                if (const auto* r = lo.role_of(pk->id))
                    roles[lo.id] = r->id;
            o["roles"] = roles;
            arr.push_back(std::move(o));
        }
        return arr;
    }

    int write_geojson(const plan& p, const std::vector<const park*>& sel, io_env& env) const
    {
        geo::layer l = geo::model::parks_layer(p);
        std::set<std::size_t> keep;
        for (const park* pk : sel)
            keep.insert(pk->feature_index);
        std::vector<geo::feature> kept;
        for (std::size_t i = 0; i < l.features.size(); ++i)
            if (keep.count(i))
                kept.push_back(std::move(l.features[i]));
        l.features = std::move(kept);
        if (output_.empty() || output_ == "-") {
            env.out << geojson_text(l);
        } else {
            geo::write_options wo;
            wo.format = "geojson";
            wo.overwrite = overwrite_;
            geo::write_layer(output_, l, wo);
        }
        return 0;
    }

    std::string layout_, role_, industry_, group_, format_, output_;
    bool overwrite_ = false;
    parks_options parks_;
};

} // namespace

} // namespace zjgeo

ZJGEO_REGISTER_COMMAND(zjgeo::parks_command)
