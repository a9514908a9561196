// zjgeo layouts: the plan's industry layouts, their roles and member parks.
#include "command.hpp"
#include "parks_options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/core/text.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace zjgeo {

namespace {

using geo::model::plan;

class layouts_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "layouts",
            "Show the plan's industry layouts (一核两翼多点, 1+5+X, 4+X, 一城一极一区多组团) and their parks",
            "zjgeo layouts [--layout ID] [--format table|json] [-o FILE]",
            "Shows each spatial layout of the plan 《上海张江高新技术产业开发区“十四五”规划》 section 四: the integrated "
            "circuit layout “一核两翼多点” (ic), the biomedicine layout “1+5+X” (biomed), the artificial intelligence "
            "layout “4+X” (ai) and the overall pattern “一城、一极、一区、多组团” (overall), with every role and the "
            "parks the plan names for it. Where the plan leaves a role open (the “X”), its members are derived from "
            "the parks' lead industries by the rule stated with the layout, and marked as derived (* in the table, "
            "\"derived\" in JSON).",
            "zjgeo layouts\n"
            "zjgeo layouts --layout ic\n"
            "zjgeo layouts --format json -o layouts.json"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("--layout", layout_, "Only this layout (ic, biomed, ai, overall)");
        app.add_option("--format", format_, "Output: table or json")
            ->capture_default_str()
            ->check(CLI::IsMember({"table", "json"}));
        app.add_option("-o,--output", output_, "Write to this file instead of standard output");
        app.add_flag("--overwrite", overwrite_, "Replace an existing output file");
    }

    int run(io_env& env) override
    {
        const plan p = plan::load();
        std::vector<const geo::model::layout*> sel;
        if (!layout_.empty())
            sel.push_back(&p.require_layout(layout_));
        else
            for (const auto& lo : p.layouts())
                sel.push_back(&lo);
        std::string text = format_ == "json" ? json(sel).dump(2) + "\n" : table(p, sel);
        emit_text(output_, text, overwrite_, env.out);
        return 0;
    }

private:
    static std::string table(const plan& p, const std::vector<const geo::model::layout*>& sel)
    {
        std::string out;
        for (const auto* lo : sel) {
            if (!out.empty())
                out += "\n";
            out += fmt::format("{}  {}  {}{}\n", lo->id, lo->name_zh, lo->pattern_zh,
                               lo->plan_ref.empty() ? "" : "  (plan " + lo->plan_ref + ")");
            if (!lo->name_en.empty())
                out += "    " + lo->name_en + "\n";
            geo::text_table t;
            t.add_column("role");
            t.add_column("角色");
            t.add_column("parks");
            bool any_derived = false;
            for (const auto& r : lo->roles) {
                // Five parks per line keeps long roles (一区: 13 parks) readable.
                std::vector<std::string> lines;
                std::size_t k = 0;
                for (const auto& id : r.members()) {
                    bool derived = std::find(r.derived.begin(), r.derived.end(), id) != r.derived.end();
                    any_derived |= derived;
                    const auto* pk = p.find_park(id);
                    std::string item = (pk ? pk->name_zh : id) + " " + id + (derived ? "*" : "");
                    if (k++ % 5 == 0)
                        lines.push_back(item);
                    else
                        lines.back() += ", " + item;
                }
                if (lines.empty())
                    lines.push_back("(none)");
                for (std::size_t i = 0; i < lines.size(); ++i)
                    t.add_row({i == 0 ? r.id : "", i == 0 ? r.name_zh : "",
                               lines[i] + (i + 1 < lines.size() ? "," : "")});
            }
            out += t.render("    ");
            if (any_derived)
                out += geo::wrap("* derived: " + (lo->derivation_rule.empty() ? std::string("see layers/layouts.json")
                                                                          : lo->derivation_rule),
                            "    ", 100);
        }
        return out;
    }

    static nlohmann::ordered_json json(const std::vector<const geo::model::layout*>& sel)
    {
        auto arr = nlohmann::ordered_json::array();
        for (const auto* lo : sel) {
            nlohmann::ordered_json o;
            o["id"] = lo->id;
            o["name_zh"] = lo->name_zh;
            o["name_en"] = lo->name_en;
            o["pattern_zh"] = lo->pattern_zh;
            o["plan_ref"] = lo->plan_ref;
            o["plan_quote"] = lo->plan_quote;
            o["derivation_rule"] = lo->derivation_rule;
            auto roles = nlohmann::ordered_json::array();
            for (const auto& r : lo->roles)
                roles.push_back({{"id", r.id},
                                 {"name_zh", r.name_zh},
                                 {"name_en", r.name_en},
                                 {"parks", r.parks},
                                 {"derived", r.derived},
                                 {"quote", r.quote},
                                 {"derivation_rule", r.derivation_rule}});
            o["roles"] = roles;
            arr.push_back(std::move(o));
        }
        return arr;
    }

    std::string layout_, output_;
    std::string format_ = "table";
    bool overwrite_ = false;
};

} // namespace

} // namespace zjgeo

ZJGEO_REGISTER_COMMAND(zjgeo::layouts_command)
