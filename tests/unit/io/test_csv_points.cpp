// The fast CSV point reader: column detection, quoting, BOM, CRLF, bad rows
// with line numbers, --strict, industry mapping, block boundaries and threads.
#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/chinese.hpp>
#include <libgeo/io/csv_points.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string write_tmp(const std::string& name, const std::string& content)
{
    auto p = fs::temp_directory_path() / ("zjgeo_csvpts_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
}

geo::industry_map small_map()
{
    geo::industry_map m;
    m.add("集成电路", "ic");
    m.add("IC", "ic");
    m.add("生物医药", "biomed");
    m.add("other", "other");
    return m;
}

} // namespace

TEST_CASE("csv_points: Chinese headers, BOM, CRLF, quotes, bad rows", "[csv_points]")
{
    auto path = write_tmp("a.csv", "\xEF\xBB\xBF" "名称,经度,纬度,行业\r\n"
                                   "\"A, Ltd\",121.5,31.2,集成电路\r\n"
                                   "B,abc,31.2,ic\r\n"                 // line 3: bad lon
                                   "\"C \"\"x\"\"\",121.6,\"31.3\",生物医药\r\n"
                                   "D,121.7,,IC\r\n"                   // line 5: missing lat
                                   "\r\n"                              // blank line: ignored
                                   "E,121.8,31.4,机器人\r\n");          // unknown label -> other
    auto m = small_map();
    for (unsigned threads : {1u, 2u}) {
        for (std::size_t block : {std::size_t(1) << 20, std::size_t(64)}) {
            geo::point_read_options o;
            o.threads = threads;
            o.block_bytes = block;
            auto all = geo::read_all_points(path, o, m, nullptr);
            geo::point_read_report rep;
            all = geo::read_all_points(path, o, m, &rep);
            REQUIRE(all.size() == 3);
            CHECK(all.x == std::vector<double>{121.5, 121.6, 121.8});
            CHECK(all.y == std::vector<double>{31.2, 31.3, 31.4});
            CHECK(all.industry[0] == m.code_of_tag("ic"));
            CHECK(all.industry[1] == m.code_of_tag("biomed"));
            CHECK(all.industry[2] == m.code_of_tag("other"));
            CHECK(all.id == std::vector<std::int64_t>{1, 3, 6}); // no id column: data row = line - 1
            CHECK(rep.x_field == "经度");
            CHECK(rep.y_field == "纬度");
            CHECK(rep.industry_field == "行业");
            CHECK(rep.rows == 5);
            CHECK(rep.bad_rows == 2);
            REQUIRE(rep.bad_examples.size() == 2);
            CHECK(rep.bad_examples[0] == "line 3: 经度 'abc' is not a number");
            CHECK(rep.bad_examples[1] == "line 5: 纬度 is missing");
            CHECK(rep.unknown_industry == 1);
            REQUIRE(rep.unknown_labels.size() == 1);
            CHECK(rep.unknown_labels[0].first == "机器人");
        }
    }
    geo::point_read_options strict;
    strict.strict = true;
    CHECK_THROWS_WITH(geo::read_all_points(path, strict, m),
                      Catch::Contains("line 3: 经度 'abc' is not a number") && Catch::Contains("--strict"));
    fs::remove(path);
}

TEST_CASE("csv_points: many rows across blocks and threads keep order and line numbers", "[csv_points]")
{
    std::string text = "id,lon,lat,industry,staff\n";
    for (int i = 1; i <= 5000; ++i)
        text += std::to_string(i * 10) + "," + std::to_string(121 + i * 1e-5) + ",31.25," + (i % 2 ? "IC" : "other") +
                "," + std::to_string(i % 7) + "\n";
    text += "99999,121.1,xx,IC,1\n"; // line 5002
    text += "100000,121.2,31.1,IC,4";  // no final newline
    auto path = write_tmp("b.csv", text);
    geo::point_read_options o;
    o.threads = 2;
    o.block_bytes = 4096;
    o.weight_field = "staff";
    geo::point_read_report rep;
    auto all = geo::read_all_points(path, o, small_map(), &rep);
    REQUIRE(all.size() == 5001);
    CHECK(all.id[0] == 10);
    CHECK(all.id[4999] == 50000);
    CHECK(all.id[5000] == 100000);
    CHECK(all.weight[5000] == 4);
    CHECK(all.weight[6] == 0); // 7 % 7
    CHECK(rep.bad_examples == std::vector<std::string>{"line 5002: lat 'xx' is not a number"});
    fs::remove(path);
}

TEST_CASE("csv_points: named columns, missing columns, src CRS", "[csv_points]")
{
    auto path = write_tmp("c.csv", "E;N;sector\n121.5;31.2;IC\n");
    geo::point_read_options o;
    CHECK_THROWS_AS(geo::read_all_points(path, o, small_map()), geo::usage_error);
    o.x_field = "E";
    o.y_field = "N";
    auto all = geo::read_all_points(path, o, small_map());
    REQUIRE(all.size() == 1);
    CHECK(all.industry[0] == small_map().code_of_tag("ic"));
    o.src_crs = geo::crs::parse("gcj02");
    all = geo::read_all_points(path, o, small_map());
    auto w = geo::chinese::gcj02_to_wgs84({121.5, 31.2});
    CHECK(all.x[0] == Approx(w.lon).margin(1e-9));
    CHECK(all.y[0] == Approx(w.lat).margin(1e-9));
    o.industry_field = "行业";
    CHECK_THROWS_WITH(geo::read_all_points(path, o, small_map()), Catch::Contains("no column '行业'"));
    fs::remove(path);
}

TEST_CASE("industry_map: embedded labels, case folding, user overrides", "[csv_points]")
{
    auto m = geo::industry_map::embedded();
    CHECK(m.tags() == std::vector<std::string>{"ai", "biomed", "ic", "other"});
    CHECK(m.lookup("集成电路") == m.code_of_tag("ic"));
    CHECK(m.lookup("Semiconductor ") == m.code_of_tag("ic"));
    CHECK(m.lookup("人工智能") == m.code_of_tag("ai"));
    CHECK(m.lookup("no such label") == -1);
    auto p = write_tmp("map.csv", "label,tag\n机器人,ai\n生命健康,biomed\n");
    m.add_file(p);
    CHECK(m.lookup("机器人") == m.code_of_tag("ai"));
    CHECK(m.lookup("生命健康") == m.code_of_tag("biomed"));
    fs::remove(p);
}
