// Hand-computable fixtures for every statistic of geo::stats::compute.
#include <catch2/catch.hpp>

#include <libgeo/stats/measures.hpp>
#include <libgeo/stats/report.hpp>

#include <cmath>

using namespace geo::stats;
using Catch::Detail::Approx;

namespace {

// Two parks A, B; industries a, b.
//            a    b   total
//   park A   6    2     8
//   park B   1    3     4
//   outside  3    6     9
//   all     10   11    21   (N_a = 10, N_b = 11, N = 21)
struct fixture {
    count_table t{2, {"a", "b"}, false};
    park_set ps;
    fixture()
    {
        auto set = [&](std::size_t p, std::size_t k, std::uint64_t n) { t.in_park[p * t.width() + k] = n; };
        set(0, 0, 6);
        set(0, 1, 2);
        set(1, 0, 1);
        set(1, 1, 3);
        t.all = {10, 11, 0};
        t.outside = {3, 6, 0};
        t.total = 21;
        t.outside_total = 9;
        ps.ids = {"A", "B"};
        ps.names = {"Park A", "Park B"};
        ps.area_km2 = {2.0, 4.0};
        ps.industry_tags = {{}, {}};
        layout_spec l{"la", "布局", "a", {{"core", "一核", {"A"}}, {"points", "多点", {"Z"}}}};
        ps.layouts = {l};
    }
};

const park_industry_row& cell(const summary& s, std::size_t p, std::size_t k)
{
    for (auto& r : s.park_industry)
        if (r.park == p && r.industry == k)
            return r;
    throw std::runtime_error("no row");
}

} // namespace

TEST_CASE("stats: density, share and location quotient with CI", "[stats]")
{
    fixture f;
    auto s = compute(f.t, f.ps);
    // density A/a = 6 / 2 km² = 3; share of industry a = 6 / 10 = 0.6
    CHECK(cell(s, 0, 0).density_km2 == Approx(3.0));
    CHECK(cell(s, 0, 0).share_of_industry == Approx(0.6));
    // LQ B/a = (1/4) / (10/21) = 0.525
    // var ln LQ = 1/1 - 1/4 - 1/10 + 1/21 = 0.697619; se = 0.835236
    // CI = 0.525 * exp(-+1.96 * 0.835236) = [0.102139, 2.69853]
    auto& r = cell(s, 1, 0);
    CHECK(r.lq.lq == Approx(0.525));
    CHECK(r.lq.lo == Approx(0.1021391).epsilon(1e-5));
    CHECK(r.lq.hi == Approx(2.698525).epsilon(1e-5));
    CHECK(r.small); // 1 < 5
    CHECK_FALSE(cell(s, 0, 0).small);
    // LQ A/a = (6/8)/(10/21) = 1.575; var = 1/6 - 1/8 - 1/10 + 1/21 = -0.0107 <= 0, so
    // the binomial variance 1/6 - 1/8 = 0.0416667 is used: se = 0.204124,
    // CI = 1.575 * exp(-+1.96 * 0.204124) = [1.055666, 2.349820]
    CHECK(cell(s, 0, 0).lq.lq == Approx(1.575));
    CHECK(cell(s, 0, 0).lq.lo == Approx(1.055666).epsilon(1e-5));
    CHECK(cell(s, 0, 0).lq.hi == Approx(2.349820).epsilon(1e-5));
}

TEST_CASE("stats: LQ of a zero count has no interval", "[stats]")
{
    auto r = location_quotient(0, 4, 10, 21);
    CHECK(r.lq == 0.0);
    CHECK(std::isnan(r.lo));
    CHECK(std::isnan(r.hi));
}

TEST_CASE("stats: HHI and Krugman specialisation per park", "[stats]")
{
    fixture f;
    auto s = compute(f.t, f.ps);
    // A: shares 6/8, 2/8 -> HHI = 0.5625 + 0.0625 = 0.625
    // spec A = |0.75 - 10/21| + |0.25 - 11/21| = 0.273810 * 2 = 0.547619
    CHECK(s.parks[0].hhi == Approx(0.625));
    CHECK(s.parks[0].specialisation == Approx(0.5476190));
    CHECK(s.parks[0].dominant == 0);
    // B: shares 1/4, 3/4 -> HHI 0.625; spec = |0.25-10/21| + |0.75-11/21| = 0.452381
    CHECK(s.parks[1].specialisation == Approx(0.4523810));
    CHECK(s.parks[1].dominant == 1);
    CHECK(s.parks[1].density_km2 == Approx(1.0)); // 4 / 4 km²
}

TEST_CASE("stats: Ellison-Glaeser gamma with unit weights", "[stats]")
{
    fixture f;
    auto s = compute(f.t, f.ps);
    // areas A, B, outside: x = 8/21, 4/21, 9/21; sum x² = 161/441 = 0.365079
    // industry a: s = 0.6, 0.1, 0.3; G = 0.0726984; H = 1/10
    // gamma = (G - (1 - 0.365079) * 0.1) / ((1 - 0.365079) * 0.9) = 0.0161111
    CHECK(s.industries[0].eg.G == Approx(0.0726984).epsilon(1e-5));
    CHECK(s.industries[0].eg.H == Approx(0.1));
    CHECK(s.industries[0].eg.gamma == Approx(0.0161111).epsilon(1e-4));
    // industry b: s = 2/11, 3/11, 6/11; G = 0.0600813; H = 1/11 -> gamma = 0.00409091
    CHECK(s.industries[1].eg.gamma == Approx(0.00409091).epsilon(1e-4));
    CHECK(s.industries[0].in_parks == 7);
    CHECK(s.industries[0].share_in_parks == Approx(0.7));
}

TEST_CASE("stats: Ellison-Glaeser with weights uses the plant-size Herfindahl", "[stats]")
{
    // two plants of weight 3 and 1: H = (9 + 1) / 16 = 0.625
    // areas: x = 0.5, 0.5; industry all in area 0: s = 1, 0 -> G = 0.5; sum x² = 0.5
    // gamma = (0.5 - 0.5*0.625) / (0.5 * 0.375) = 1.0
    auto r = ellison_glaeser({4, 4}, {4, 0}, 0.625);
    CHECK(r.G == Approx(0.5));
    CHECK(r.gamma == Approx(1.0));
}

TEST_CASE("stats: layout alignment by role", "[stats]")
{
    fixture f;
    auto s = compute(f.t, f.ps);
    // layout about industry a (N_a = 10): core = park A -> 6 (0.6); points names an
    // absent park Z -> 0; other parks (B) -> 1 (0.1); outside -> 3 (0.3)
    REQUIRE(s.alignment.size() == 4);
    CHECK(s.alignment[0].role == "core");
    CHECK(s.alignment[0].n == 6);
    CHECK(s.alignment[0].share == Approx(0.6));
    CHECK(s.alignment[1].n == 0);
    CHECK(s.alignment[2].role == "other_parks");
    CHECK(s.alignment[2].n == 1);
    CHECK(s.alignment[3].role == "outside");
    CHECK(s.alignment[3].share == Approx(0.3));
    CHECK(s.missing_layout_parks == std::vector<std::string>{"Z"});
}

TEST_CASE("stats: counts table follows the peers' contract", "[stats]")
{
    fixture f;
    auto csv = to_csv(counts_table(f.t, f.ps));
    CHECK(csv == "park_id,industry,count\nA,ALL,8\nA,a,6\nA,b,2\nB,ALL,4\nB,a,1\nB,b,3\n");
}

TEST_CASE("stats: numeric park ids sort numerically", "[stats]")
{
    park_set ps;
    ps.ids = {"10", "9", "1"};
    CHECK(ps.sorted_order() == std::vector<std::size_t>{2, 1, 0});
    ps.ids = {"b", "a10", "a9"};
    CHECK(ps.sorted_order() == std::vector<std::size_t>{1, 2, 0});
}
