// Hand-computable fixtures for DBSCAN, kernel density, Gi*, Benjamini-Hochberg, Clark-Evans.
#include <catch2/catch.hpp>

#include <libgeo/stats/dbscan.hpp>
#include <libgeo/stats/spatial.hpp>

#include <cmath>
#include <numbers>

using namespace geo::stats;

TEST_CASE("dbscan: core, border, noise and numbering by smallest id", "[spatial]")
{
    // x = 0..4 on a line (ids 10..14), a pair at 10, 11 (ids 5, 6) and a lone point at 100 (id 1).
    // eps 1.5, min points 3 (itself included):
    //   x=1,2,3 have 3 points within 1.5 -> core; x=0, x=4 have 2 -> border of that cluster;
    //   the pair has 2 each -> noise; 100 -> noise.
    std::vector<double> x{0, 1, 2, 3, 4, 10, 11, 100}, y(8, 0.0);
    std::vector<std::int64_t> id{10, 11, 12, 13, 14, 5, 6, 1};
    auto r = dbscan(x, y, id.data(), 1.5, 3, 2);
    CHECK(r.clusters == 1);
    CHECK(r.label == std::vector<std::int32_t>{1, 1, 1, 1, 1, 0, 0, 0});
    CHECK(r.core == std::vector<std::uint8_t>{0, 1, 1, 1, 0, 0, 0, 0});
    // reversed input: same labels per id
    std::vector<double> rx(x.rbegin(), x.rend()), ry(8, 0.0);
    std::vector<std::int64_t> rid(id.rbegin(), id.rend());
    auto rr = dbscan(rx, ry, rid.data(), 1.5, 3, 1);
    CHECK(rr.label == std::vector<std::int32_t>{0, 0, 0, 1, 1, 1, 1, 1});
}

TEST_CASE("dbscan: a border point between two clusters joins the nearest core; clusters numbered by smallest id", "[spatial]")
{
    // cluster L: cores at 0,0.5,1 (ids 20,21,22); cluster R: cores at 3,3.5,4 (ids 7,8,9);
    // border point at 1.9 (id 1): 0.9 from L's core at 1, 1.1 from R's core at 3 -> L.
    // eps 1.2, min 3. Smallest ids: R has 7, L has 1 (the border point) -> L = 1, R = 2.
    std::vector<double> x{0, 0.5, 1, 3, 3.5, 4, 1.9}, y(7, 0.0);
    std::vector<std::int64_t> id{20, 21, 22, 7, 8, 9, 1};
    auto r = dbscan(x, y, id.data(), 1.2, 3, 2);
    REQUIRE(r.clusters == 2);
    CHECK(r.label == std::vector<std::int32_t>{1, 1, 1, 2, 2, 2, 1});
    CHECK(r.core[6] == 0);
}

TEST_CASE("kernel density: peak value and total mass", "[spatial]")
{
    // One point; quartic h = 1000 m: K(0) = 3 / (pi h^2) per m^2 = 0.954930 per km^2.
    // cell = 1000/20.5 puts the point at the centre of cell (20, 20).
    double cell = 1000.0 / 20.5;
    auto r = kernel_density({5000}, {7000}, kernel::quartic, 1000, cell, 1);
    CHECK(r.nx == 41);
    CHECK(r.at(20, 20) == Approx(3.0 / std::numbers::pi).epsilon(1e-5));
    // the kernel integrates to one point: sum(v) * cell^2 / 1e6 = 1
    auto g = kernel_density({0, 300}, {0, 0}, kernel::gaussian, 500, 25, 2);
    double mass = 0;
    for (float v : g.v)
        mass += v;
    CHECK(mass * 25 * 25 / 1e6 == Approx(2.0).epsilon(2e-3));
}

TEST_CASE("kernel density: default bandwidth rule", "[spatial]")
{
    // 4 points at (+-1, +-1) km: SD = sqrt(mean d^2) = sqrt(2) km, Dm = sqrt(2) km;
    // h = 0.9 * min(1414.21, 1.20112 * 1414.21) * 4^-0.2 = 0.9 * 1414.21 * 0.757858 = 964.6
    double h = default_bandwidth({-1000, 1000, -1000, 1000}, {-1000, -1000, 1000, 1000});
    CHECK(h == Approx(964.6).epsilon(1e-3));
}

TEST_CASE("Benjamini-Hochberg", "[spatial]")
{
    // m = 4, q = 0.05: thresholds k q / m = 0.0125, 0.025, 0.0375, 0.05
    // sorted 0.01 (ok), 0.03 (> 0.025), 0.04 (> 0.0375), 0.2 -> only 0.01
    CHECK(benjamini_hochberg({0.01, 0.04, 0.03, 0.2}, 0.05) == std::vector<bool>{true, false, false, false});
    // 0.01, 0.02, 0.03 all under their thresholds -> three
    CHECK(benjamini_hochberg({0.03, 0.2, 0.01, 0.02}, 0.05) == std::vector<bool>{true, false, true, true});
}

TEST_CASE("Getis-Ord Gi*: a single dense cell is the hot spot", "[spatial]")
{
    // 60 points stacked at the centre, one point in each corner of a 20 km square.
    std::vector<double> x{0, 20000, 0, 20000}, y{0, 0, 20000, 20000};
    for (int i = 0; i < 60; ++i) {
        x.push_back(10000);
        y.push_back(10000);
    }
    auto cells = getis_ord_hex(x, y, 1000, 0.05);
    std::uint64_t total = 0;
    const hex_cell* top = nullptr;
    double n = static_cast<double>(cells.size()), s = 0, s2 = 0;
    for (auto& c : cells) {
        total += c.count;
        s += static_cast<double>(c.count);
        s2 += static_cast<double>(c.count) * static_cast<double>(c.count);
        if (!top || c.count > top->count)
            top = &c;
    }
    CHECK(total == 64);
    REQUIRE(top->count == 60);
    CHECK(top->klass == "hot spot");
    // Gi* of the dense cell by the formula: its 6 neighbours are empty, W = 7
    double mean = s / n, S = std::sqrt(s2 / n - mean * mean);
    double z = (60 - mean * 7) / (S * std::sqrt((n * 7 - 49) / (n - 1)));
    CHECK(top->z == Approx(z));
    // the hexagon of the dense cell contains the stack
    auto ring = hex_ring(*top, 1000);
    CHECK(ring.size() == 7);
    CHECK(std::hypot(top->cx - 10000, top->cy - 10000) <= 1000 / std::sqrt(3.0));
}

TEST_CASE("Clark-Evans on a square lattice", "[spatial]")
{
    // 3 x 3 lattice, spacing 100 m: every nearest neighbour is 100 m away.
    // A = convex hull = 200 x 200 = 40000 m^2; density = 9 / 40000;
    // expected = 0.5 / sqrt(9/40000) = 33.333 m; R = 100 / 33.333 = 3
    // z = (100 - 33.333) / (0.26136 / sqrt(9 * 9 / 40000)) = 66.667 / 5.8081 = 11.478
    std::vector<double> x, y;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            x.push_back(i * 100.0);
            y.push_back(j * 100.0);
        }
    double a = convex_hull_area(x, y);
    CHECK(a == Approx(40000));
    auto r = clark_evans(x, y, a);
    CHECK(r.mean_nn == Approx(100));
    CHECK(r.expected == Approx(33.3333));
    CHECK(r.R == Approx(3.0));
    CHECK(r.z == Approx(11.478).epsilon(1e-3));
}
