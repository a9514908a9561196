// The embedded layouts and park industries checked against the plan's own
// sentences: 《上海张江高新技术产业开发区“十四五”规划》 (沪科创办[2021]72号).
// Each row quotes the plan verbatim and states what the data must say. When the
// plan text is available (../shared/seeds/004_ed8b39f4006ab536.txt next to the
// source tree, or $ZJGEO_PLAN_TEXT), every quote is also checked to occur in it.
#include <catch2/catch.hpp>

#include <libgeo/model/plan.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

namespace {

using ids = std::set<std::string>;

struct role_row {
    const char* layout;
    const char* role;
    const char* quote; ///< verbatim from the plan
    ids named;         ///< the parks the sentence names for the role
};

// 四(一)1 集成电路, 四(一)2 生物医药, 四(一)3 人工智能, 四 + 四(四) overall pattern.
const std::vector<role_row> role_table = {
    {"ic", "core",
     "打造以张江科学城为核心,以临港园、嘉定园为重要载体,以金桥园、漕河泾园、松江园、青浦园为重要支撑的“一核两翼多点”空间布局",
     {"zjsc"}},
    {"ic", "wings",
     "打造以张江科学城为核心,以临港园、嘉定园为重要载体,以金桥园、漕河泾园、松江园、青浦园为重要支撑的“一核两翼多点”空间布局",
     {"lingang", "jiading"}},
    {"ic", "points",
     "打造以张江科学城为核心,以临港园、嘉定园为重要载体,以金桥园、漕河泾园、松江园、青浦园为重要支撑的“一核两翼多点”空间布局",
     {"jinqiao", "caohejing", "songjiang", "qingpu"}},
    {"biomed", "one", "打造以张江科学城为引领,以临港园、奉贤园、闵行园、金山园、宝山园为支撑的 “1+5+X”空间布局", {"zjsc"}},
    {"biomed", "five", "打造以张江科学城为引领,以临港园、奉贤园、闵行园、金山园、宝山园为支撑的 “1+5+X”空间布局",
     {"lingang", "fengxian", "minhang", "jinshan", "baoshan"}},
    {"biomed", "x", "打造以张江科学城为引领,以临港园、奉贤园、闵行园、金山园、宝山园为支撑的 “1+5+X”空间布局", {}},
    {"ai", "four", "打造张江科学城、临港园、徐汇园、闵行园等集聚区,形成东西集聚、多点联动的“4+X”空间布局",
     {"zjsc", "lingang", "xuhui", "minhang"}},
    {"ai", "x", "打造张江科学城、临港园、徐汇园、闵行园等集聚区,形成东西集聚、多点联动的“4+X”空间布局", {}},
    {"overall", "city", "强化张江科学城作为核心园的引领作用", {"zjsc"}},
    {"overall", "pole", "将临港园打造为战略增长极", {"lingang"}},
    // 四(四)3 建设中心辐射区: the thirteen parks of the paragraph "支持漕河泾园 ... 支持闵行园".
    {"overall", "radiant", "3、建设中心辐射区",
     {"caohejing", "ftz_bonded", "expo", "jinqiao", "lujiazui", "huangpu", "jingan", "xuhui", "changning", "putuo",
      "hongkou", "yangpu", "minhang"}},
    // 四(四)4 建设新城产业多组团: the seven parks of the paragraph "支持宝山园 ... 支持崇明园".
    {"overall", "clusters", "4、建设新城产业多组团",
     {"baoshan", "jiading", "jinshan", "songjiang", "qingpu", "fengxian", "chongming"}},
};

struct industry_row {
    const char* park;
    const char* name_zh;
    const char* quote;      ///< the plan's sentence on the park (verbatim)
    const char* industries; ///< industries_zh as the data must hold it (the plan's terms, "、"-separated)
};

const std::vector<industry_row> industry_table = {
    {"zjsc", "张江科学城", "围绕集成电路、生物医药、人工智能、在线新经济等领域,集聚全球高端创新主体",
     "集成电路、生物医药、人工智能、在线新经济"},
    {"lingang", "临港园", "重点发展集成电路、生物医药、人工智能、民用航空产业", "集成电路、生物医药、人工智能、民用航空"},
    {"caohejing", "漕河泾园",
     "支持漕河泾园提升科技创新创业品牌内涵与品牌价值,优化提升电子信息、现代服务业产业能级,发展数字经济、人工智能、生命健康产业",
     "电子信息、现代服务业、数字经济、人工智能、生命健康"},
    {"ftz_bonded", "自贸保税园", "支持自贸保税园发挥自贸区和保税区政策叠加优势,重点发展生物医药、集成电路、智能制造产业",
     "生物医药、集成电路、智能制造"},
    {"expo", "世博园", "支持世博园重点发展科技金融、数字经济等现代服务业", "科技金融、数字经济、现代服务业"},
    {"jinqiao", "金桥园", "支持金桥园聚焦发展数字技术、高端智造,重点发展未来车、智能造、数据港和生产性服务业",
     "数字技术、高端智造、未来车、智能造、数据港、生产性服务业"},
    {"lujiazui", "陆家嘴园", "支持陆家嘴园建设金融创新开放前沿,重点发展金融服务业、科技服务业", "金融服务业、科技服务业"},
    {"huangpu", "黄浦园", "支持黄浦园重点发展金融科技、专业服务等领域", "金融科技、专业服务"},
    {"jingan", "静安园", "重点发展大数据、电影电竞、创意设计等产业", "大数据、电影电竞、创意设计"},
    {"xuhui", "徐汇园", "支持徐汇园提升创新策源能力,重点发展人工智能和生命健康产业", "人工智能、生命健康"},
    {"changning", "长宁园", "支持长宁园重点发展航空服务业、金融服务,培育在线新经济等新业态",
     "航空服务业、金融服务、在线新经济"},
    {"putuo", "普陀园", "支持普陀园重点发展智能软件、研发服务、科技金融、生命健康产业", "智能软件、研发服务、科技金融、生命健康"},
    {"hongkou", "虹口园", "支持虹口园加快培育数字经济、文化创意产业", "数字经济、文化创意"},
    {"yangpu", "杨浦园", "着力发展在线新经济、现代设计产业", "在线新经济、现代设计"},
    {"minhang", "闵行园", "支持闵行园发展高端装备及航天、人工智能、健康医疗产业", "高端装备及航天、人工智能、健康医疗"},
    {"baoshan", "宝山园", "支持宝山园积极承接科技成果转化和产业化,重点发展智能制造、新材料、生物医药等产业",
     "智能制造、新材料、生物医药"},
    {"jiading", "嘉定园", "打造世界级汽车产业集群,培育高性能医疗设备及精准医疗、智能传感器与物联网产业",
     "汽车、高性能医疗设备及精准医疗、智能传感器与物联网"},
    {"jinshan", "金山园", "支持金山园打响“上海湾区”品牌,重点发展新材料、智能装备、生命健康和信息技术产业",
     "新材料、智能装备、生命健康、信息技术"},
    {"songjiang", "松江园", "支持松江园加快建设G60科创走廊,大力发展智能制造、集成电路、生物医药产业",
     "智能制造、集成电路、生物医药"},
    {"qingpu", "青浦园", "支持青浦园发挥长三角一体化示范区优势,重点发展生物医药、先进材料、数字经济产业",
     "生物医药、先进材料、数字经济"},
    {"fengxian", "奉贤园", "支持奉贤园发展美丽健康产业,重点发展生物医药、智能网联汽车产业", "美丽健康、生物医药、智能网联汽车"},
    {"chongming", "崇明园", "支持崇明园建设国内一流的生态型、绿色发展科技园区,重点发展船舶与海洋装备制造业",
     "船舶与海洋装备制造业"},
};

/// The plan text, or "" when it is not next to the source tree.
std::string plan_text()
{
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("ZJGEO_PLAN_TEXT"); env && *env)
        candidates.emplace_back(env);
    candidates.push_back(fs::path(ZJGEO_SOURCE_DIR) / ".." / "shared" / "seeds" / "004_ed8b39f4006ab536.txt");
    for (const auto& p : candidates) {
        std::ifstream in(p, std::ios::binary);
        if (in) {
            std::ostringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
    }
    return {};
}

std::vector<std::string> split_terms(const std::string& s)
{
    std::vector<std::string> out;
    const std::string sep = "、";
    std::size_t start = 0;
    for (;;) {
        auto pos = s.find(sep, start);
        out.push_back(s.substr(start, pos - start));
        if (pos == std::string::npos)
            return out;
        start = pos + sep.size();
    }
}

bool has_tag(const geo::model::park& p, const std::string& tag)
{
    return std::find(p.industry_tags.begin(), p.industry_tags.end(), tag) != p.industry_tags.end();
}

} // namespace

TEST_CASE("the quotes of the plan table occur verbatim in the plan", "[model][plan-text]")
{
    const std::string text = plan_text();
    if (text.empty()) {
        WARN("plan text not found (../shared/seeds/004_ed8b39f4006ab536.txt beside the source tree, or "
             "$ZJGEO_PLAN_TEXT); the quotes are not checked against it");
        return;
    }
    for (const auto& r : role_table) {
        INFO("layout " << r.layout << ", role " << r.role << ": " << r.quote);
        CHECK(text.find(r.quote) != std::string::npos);
    }
    for (const auto& r : industry_table) {
        INFO("park " << r.park << ": " << r.quote);
        CHECK(text.find(r.quote) != std::string::npos);
        // The Chinese name the table uses is the plan's own.
        CHECK(text.find(r.name_zh) != std::string::npos);
    }
}

TEST_CASE("layout roles name exactly the parks the plan's sentences name", "[model][plan-text]")
{
    const auto plan = geo::model::plan::load();
    for (const auto& r : role_table) {
        INFO("layout " << r.layout << ", role " << r.role << " — plan: " << r.quote);
        const auto& lo = plan.require_layout(r.layout);
        const auto& role = lo.require_role(r.role);
        CHECK(ids(role.parks.begin(), role.parks.end()) == r.named);
        // Each named park's Chinese name is in the sentence (for the per-layout quotes).
        if (std::string(r.layout) != "overall")
            for (const auto& id : r.named)
                CHECK(std::string(r.quote).find(plan.require_park(id).name_zh) != std::string::npos);
    }
    // Every role of the data is in the table (no role the plan does not state).
    std::size_t roles = 0;
    for (const auto& lo : plan.layouts())
        roles += lo.roles.size();
    CHECK(roles == role_table.size());
    // The overall pattern covers every park exactly once.
    const auto& overall = plan.require_layout("overall");
    for (const auto& p : plan.parks()) {
        INFO("park " << p.id);
        REQUIRE(overall.role_of(p.id) != nullptr);
        CHECK(overall.role_of(p.id)->id == p.group);
    }
}

TEST_CASE("open roles (X) hold exactly the parks the written rule derives", "[model][plan-text]")
{
    const auto plan = geo::model::plan::load();
    const std::vector<std::pair<std::string, std::string>> open = {{"biomed", "biomed"}, {"ai", "ai"}};
    for (const auto& [layout_id, tag] : open) {
        const auto& lo = plan.require_layout(layout_id);
        const auto& x = lo.require_role("x");
        INFO("layout " << layout_id << ": " << x.derivation_rule);
        CHECK(x.parks.empty());
        CHECK_FALSE(x.derivation_rule.empty());
        ids expected;
        for (const auto& p : plan.parks()) {
            const auto* r = lo.role_of(p.id);
            if (has_tag(p, tag) && (!r || r->id == "x"))
                expected.insert(p.id);
        }
        CHECK(ids(x.derived.begin(), x.derived.end()) == expected);
    }
    CHECK(ids(plan.require_layout("biomed").require_role("x").derived.begin(),
              plan.require_layout("biomed").require_role("x").derived.end()) == ids{"ftz_bonded", "songjiang", "qingpu"});
    CHECK(plan.require_layout("ai").require_role("x").derived == std::vector<std::string>{"caohejing"});
}

TEST_CASE("each park's industries are the plan's words for it", "[model][plan-text]")
{
    const auto plan = geo::model::plan::load();
    REQUIRE(plan.parks().size() == industry_table.size());
    for (const auto& r : industry_table) {
        INFO("park " << r.park << " — plan: " << r.quote);
        const auto& p = plan.require_park(r.park);
        CHECK(p.name_zh == r.name_zh);
        CHECK(p.industries_zh == r.industries);
        // Each term is in the plan's sentence (汽车 from 汽车产业集群, the rest as written).
        for (const auto& term : split_terms(r.industries))
            CHECK(std::string(r.quote).find(term) != std::string::npos);
        // The three core industries' tags follow the plan's words exactly.
        const std::string words = r.industries;
        CHECK(has_tag(p, "ic") == (words.find("集成电路") != std::string::npos));
        CHECK(has_tag(p, "biomed") == (words.find("生物医药") != std::string::npos));
        CHECK(has_tag(p, "ai") == (words.find("人工智能") != std::string::npos));
    }
}
