// The parse phase of the zjgeo front end, driven with argument vectors.
#include <catch2/catch.hpp>

#include "command.hpp"
#include "options.hpp"

#include <libgeo/core/error.hpp>

#include <sstream>

namespace {

struct captured {
    int rc = 0;
    std::string out, err;
};

captured cli(std::vector<std::string> args, const std::string& stdin_text = "")
{
    std::istringstream in(stdin_text);
    std::ostringstream out, err;
    zjgeo::io_env env{in, out, err, false};
    captured c;
    c.rc = zjgeo::run_cli(args, env);
    c.out = out.str();
    c.err = err.str();
    return c;
}

} // namespace

TEST_CASE("nearest-match suggestions", "[cli]")
{
    const std::vector<std::string> opts{"--format", "--overwrite", "--layer", "--src-crs", "--dst-crs"};
    CHECK(zjgeo::nearest("--fomat", opts) == "--format");
    CHECK(zjgeo::nearest("--overwrit", opts) == "--overwrite");
    CHECK(zjgeo::nearest("--src-cr", opts) == "--src-crs");
    CHECK(zjgeo::nearest("--zzzzzz", opts).empty());
    CHECK(zjgeo::nearest("conv", {"convert", "coords", "info"}) == "convert");
    CHECK(zjgeo::nearest("ifno", {"convert", "coords", "info"}) == "info");
}

TEST_CASE("bbox parser", "[cli][bbox]")
{
    auto b = zjgeo::parse_bbox("121.5,31.1,121.7,31.3");
    CHECK(b[0] == 121.5);
    CHECK(b[3] == 31.3);
    CHECK(zjgeo::parse_bbox("-1, -2, 3, 4")[1] == -2);
    const std::string msg = " is not xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax. Example: --bbox 121.5,31.1,121.7,31.3";
    REQUIRE_THROWS_WITH(zjgeo::parse_bbox("1,2,3"), "--bbox '1,2,3'" + msg);
    REQUIRE_THROWS_WITH(zjgeo::parse_bbox("1,2,3,4,5"), "--bbox '1,2,3,4,5'" + msg);
    REQUIRE_THROWS_WITH(zjgeo::parse_bbox("3,2,1,4"), "--bbox '3,2,1,4'" + msg);
    REQUIRE_THROWS_WITH(zjgeo::parse_bbox("a,b,c,d"), "--bbox 'a,b,c,d'" + msg);
    REQUIRE_THROWS_AS(zjgeo::parse_bbox("1,2,3,4x"), geo::usage_error);
}

TEST_CASE("the front end maps errors to exit codes and hints", "[cli]")
{
    auto typo = cli({"convert", "--fomat", "gpkg", "a.geojson", "b.gpkg"});
    CHECK(typo.rc == 2);
    CHECK(typo.err == "zjgeo convert: unknown option '--fomat'. Did you mean '--format'?\n");
    auto cmd = cli({"convret"});
    CHECK(cmd.rc == 2);
    CHECK(cmd.err == "zjgeo: unknown command 'convret'. Did you mean 'convert'? Run 'zjgeo --help' for the list.\n");
    auto crs = cli({"coords", "--from", "wgs48", "--to", "gcj02"});
    CHECK(crs.rc == 2);
    CHECK(crs.err.rfind("zjgeo coords: crs: unknown CRS 'wgs48'.", 0) == 0);
    auto ok = cli({"coords", "--from", "wgs84", "--to", "gcj02"}, "116.404,39.915\n");
    CHECK(ok.rc == 0);
    CHECK(ok.out == "116.4102445,39.9164043\n");
    auto bad = cli({"coords", "--from", "wgs84", "--to", "gcj02"}, "116.404,39.915\nx\n");
    CHECK(bad.rc == 1);
    auto geojson_utm = cli({"convert", "--dst-crs", "utm51n", "a.geojson", "b.geojson"});
    CHECK(geojson_utm.rc == 2);
    CHECK(geojson_utm.err.find("RFC 7946") != std::string::npos);
    auto help = cli({"help", "convert"});
    CHECK(help.rc == 0);
    CHECK(help.out.find("Usage: zjgeo convert [options] INPUT OUTPUT") != std::string::npos);
}
