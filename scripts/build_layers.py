#!/usr/bin/python3
"""Build the embedded data layers of zjgeo from the hand-editable tables in layers/.

Inputs (all in layers/ unless noted):
  park_blocks.csv        one row per block: how its geometry is made (road_box / circle_at)
  parks_attributes.csv   one row per park: names, districts, group, plan wording, area facts
  industry_tags.csv      the park industry-tag vocabulary (plan term -> tag)
  featured_parks.csv     featured industrial parks (points)
  facilities.csv         major science facilities (points)
  shanghai-districts.geojson (shared data; falls back to layers/districts.geojson)
  the plan text (shared seed; falls back to layers/sources/), used to verify quotes

Outputs (layers/):
  parks.geojson, park_blocks.geojson, featured_parks.geojson, facilities.geojson,
  districts.geojson (byte copy of the shared file), layouts.json
and the park table between the markers in docs/data.md.

Deterministic: no randomness; same inputs give byte-identical outputs.
Run:  /usr/bin/python3 scripts/build_layers.py
"""
import argparse
import csv
import json
import math
import os
import shutil
import sys

from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import transform, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = os.path.join(ROOT, "layers")
DOCS = os.path.join(ROOT, "docs", "data.md")
GEOD = Geod(ellps="WGS84")
NDIGITS = 7
CIRCLE_VERTICES = 32          # schematic blocks are regular 32-gons (before clipping)
DISTRICT_MARGIN_M = 60.0      # schematic blocks keep this distance inside their district
AREA_TOL_BUILD = 0.002        # schematic blocks are tuned to within 0.2 % of their target

PLAN_SEED_NAME = "004_ed8b39f4006ab536.txt"
PLAN_COPY = os.path.join(LAYERS, "sources", "zjgx_14th_fyp_hukechuangban_2021_72.txt")
PLAN_SOURCE = ("《上海张江高新技术产业开发区“十四五”规划》, 上海推进科技创新中心建设办公室, "
               "沪科创办[2021]72号, 2021-07-27")

GROUPS = {  # group id -> (group_zh, English)
    "city": ("一城", "one city (the core park)"),
    "pole": ("一极", "one strategic growth pole"),
    "radiant": ("一区", "one central radiating zone"),
    "clusters": ("多组团", "multiple new-town industrial clusters"),
}

# ---------------------------------------------------------------------------
# The four layouts of plan section 四, as data. "parks" holds only the parks the
# plan names for a role; where the plan leaves a role open (the X) the members
# are derived by the written rule and put in "derived".
# ---------------------------------------------------------------------------
X_RULE = ("Members of X are derived, not named by the plan: every park that is not named in another "
          "role of this layout and whose plan industries (industry_tags in parks.geojson, normalised "
          "from the park's own sentence in plan section 四(四)) include the tag '{tag}' ({term}). Order follows parks.geojson. Only the exact tag counts (for biomed, "
          "life_health terms such as 生命健康/健康医疗/美丽健康 do not).")

LAYOUTS = [
    {
        "id": "ic", "name_zh": "集成电路“一核两翼多点”",
        "name_en": "Integrated circuits: 'one core, two wings, multiple points'",
        "industry_tag": "ic", "pattern_zh": "一核两翼多点", "plan_ref": "四(一)1",
        "plan_quote": "打造以张江科学城为核心,以临港园、嘉定园为重要载体,以金桥园、漕河泾园、松江园、青浦园为重要支撑的“一核两翼多点”空间布局",
        "roles": [
            {"id": "core", "name_zh": "一核", "name_en": "core", "parks": ["zjsc"],
             "quote": "以张江科学城为核心"},
            {"id": "wings", "name_zh": "两翼", "name_en": "two wings", "parks": ["lingang", "jiading"],
             "quote": "以临港园、嘉定园为重要载体"},
            {"id": "points", "name_zh": "多点", "name_en": "multiple points",
             "parks": ["jinqiao", "caohejing", "songjiang", "qingpu"],
             "quote": "以金桥园、漕河泾园、松江园、青浦园为重要支撑"},
        ],
    },
    {
        "id": "biomed", "name_zh": "生物医药“1+5+X”",
        "name_en": "Biomedicine: '1+5+X'",
        "industry_tag": "biomed", "pattern_zh": "1+5+X", "plan_ref": "四(一)2",
        "plan_quote": "打造以张江科学城为引领,以临港园、奉贤园、闵行园、金山园、宝山园为支撑的 “1+5+X”空间布局",
        "roles": [
            {"id": "one", "name_zh": "1", "name_en": "one (lead)", "parks": ["zjsc"],
             "quote": "以张江科学城为引领"},
            {"id": "five", "name_zh": "5", "name_en": "five (support)",
             "parks": ["lingang", "fengxian", "minhang", "jinshan", "baoshan"],
             "quote": "以临港园、奉贤园、闵行园、金山园、宝山园为支撑"},
            {"id": "x", "name_zh": "X", "name_en": "X (open)", "parks": [],
             "quote": "“1+5+X”空间布局",
             "derive": {"tag": "biomed", "term": "生物医药"}},
        ],
    },
    {
        "id": "ai", "name_zh": "人工智能“4+X”",
        "name_en": "Artificial intelligence: '4+X'",
        "industry_tag": "ai", "pattern_zh": "4+X", "plan_ref": "四(一)3",
        "plan_quote": "打造张江科学城、临港园、徐汇园、闵行园等集聚区,形成东西集聚、多点联动的“4+X”空间布局",
        "roles": [
            {"id": "four", "name_zh": "4", "name_en": "four clusters",
             "parks": ["zjsc", "lingang", "xuhui", "minhang"],
             "quote": "打造张江科学城、临港园、徐汇园、闵行园等集聚区"},
            {"id": "x", "name_zh": "X", "name_en": "X (open)", "parks": [],
             "quote": "形成东西集聚、多点联动的“4+X”空间布局",
             "derive": {"tag": "ai", "term": "人工智能"}},
        ],
    },
    {
        "id": "overall", "name_zh": "“一城、一极、一区、多组团”产业布局",
        "name_en": "Overall industrial layout: 'one city, one pole, one zone, multiple clusters'",
        "industry_tag": None, "pattern_zh": "一城、一极、一区、多组团", "plan_ref": "四 (intro); 四(四)1-4",
        "plan_quote": "打造“一城、一极、一区、多组团”产业布局",
        "roles": [
            {"id": "city", "name_zh": "一城", "name_en": GROUPS["city"][1], "parks": ["zjsc"],
             "quote": "强化张江科学城作为核心园的引领作用",
             "section_heading": "1、打造国际一流张江科学城", "plan_ref": "四(四)1"},
            {"id": "pole", "name_zh": "一极", "name_en": GROUPS["pole"][1], "parks": ["lingang"],
             "quote": "将临港园打造为战略增长极",
             "section_heading": "2、打造临港园战略增长极", "plan_ref": "四(四)2"},
            {"id": "radiant", "name_zh": "一区", "name_en": GROUPS["radiant"][1],
             "parks": ["caohejing", "ftz_bonded", "expo", "jinqiao", "lujiazui", "huangpu", "jingan",
                       "xuhui", "changning", "putuo", "hongkou", "yangpu", "minhang"],
             "quote": "发挥中心城区各园区创新要素集聚的优势",
             "section_heading": "3、建设中心辐射区", "plan_ref": "四(四)3"},
            {"id": "clusters", "name_zh": "多组团", "name_en": GROUPS["clusters"][1],
             "parks": ["baoshan", "jiading", "jinshan", "songjiang", "qingpu", "fengxian", "chongming"],
             "quote": "推进园区组团式发展",
             "section_heading": "4、建设新城产业多组团", "plan_ref": "四(四)4"},
        ],
    },
]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def die(msg):
    sys.stderr.write("build_layers: ERROR: " + msg + "\n")
    sys.exit(1)


def read_csv(name):
    with open(os.path.join(LAYERS, name), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if None in r:
            die(f"{name}: row with too many fields: {r}")
    return rows


def find_shared(*parts):
    """Locate a file of the shared folder (env ZJGEO_SHARED, ../shared, /work/shared)."""
    cands = []
    if os.environ.get("ZJGEO_SHARED"):
        cands.append(os.environ["ZJGEO_SHARED"])
    cands += [os.path.join(os.path.dirname(ROOT), "shared"), "/work/shared"]
    for c in cands:
        p = os.path.join(c, *parts)
        if os.path.isfile(p):
            return p
    return None


def plan_text():
    p = find_shared("seeds", PLAN_SEED_NAME)
    if p is None:
        p = PLAN_COPY
    with open(p, encoding="utf-8") as f:
        return f.read(), p


def num_or_none(s):
    s = (s or "").strip()
    return float(s) if s else None


def str_or_none(s):
    s = (s or "").strip()
    return s if s else None


def geodesic_area_km2(geom):
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def round_geom(geom):
    """Round to NDIGITS decimals and orient (RFC 7946: exterior CCW, holes CW)."""
    def rnd(coords):
        out = []
        for x, y in coords:
            pt = (round(x, NDIGITS), round(y, NDIGITS))
            if not out or out[-1] != pt:
                out.append(pt)
        return out

    def poly(p):
        return orient(Polygon(rnd(p.exterior.coords), [rnd(i.coords) for i in p.interiors]), 1.0)

    if geom.geom_type == "Polygon":
        return poly(geom)
    if geom.geom_type == "MultiPolygon":
        return MultiPolygon([poly(p) for p in geom.geoms])
    if geom.geom_type == "Point":
        return Point(round(geom.x, NDIGITS), round(geom.y, NDIGITS))
    die("unexpected geometry " + geom.geom_type)


def geom_json(geom):
    m = mapping(geom)

    def fix(c):
        if isinstance(c, (list, tuple)):
            if c and isinstance(c[0], (int, float)):
                return [round(float(v), NDIGITS) for v in c]
            return [fix(v) for v in c]
        return c
    return {"type": m["type"], "coordinates": fix(m["coordinates"])}


def write_fc(name, layer_name, features):
    path = os.path.join(LAYERS, name)
    lines = ['{"type":"FeatureCollection","name":%s,"features":[' % json.dumps(layer_name)]
    for i, ft in enumerate(features):
        s = json.dumps(ft, ensure_ascii=False, separators=(",", ":"))
        lines.append(s + ("," if i < len(features) - 1 else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def feature(props, geom):
    for k, v in props.items():
        if isinstance(v, (list, dict)):
            die(f"property {k} is not flat")
    return {"type": "Feature", "properties": props, "geometry": geom_json(geom)}


# ---------------------------------------------------------------------------
# geometry of blocks
# ---------------------------------------------------------------------------
def aeqd(lon, lat):
    crs = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs"
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return fwd, inv


def circle_block(lon, lat, target_km2, district):
    """Regular 32-gon around (lon, lat), clipped to the district (minus a margin), whose
    geodesic area is tuned to target_km2. Deterministic fixed-point iteration on the radius."""
    fwd, inv = aeqd(lon, lat)
    dist_m = transform(fwd.transform, district).buffer(-DISTRICT_MARGIN_M)
    centre = Point(0, 0)
    if not dist_m.contains(centre):
        die(f"centre {lon},{lat} is not inside its district (with margin)")
    r = math.sqrt(target_km2 * 1e6 / math.pi)
    geom = None
    for _ in range(60):
        ring = [(r * math.sin(2 * math.pi * k / CIRCLE_VERTICES), r * math.cos(2 * math.pi * k / CIRCLE_VERTICES))
                for k in range(CIRCLE_VERTICES)]
        g = Polygon(ring).intersection(dist_m)
        if g.geom_type == "MultiPolygon" or g.geom_type == "GeometryCollection":
            parts = [p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon"]
            parts = [p for p in parts if p.contains(centre)] or sorted(parts, key=lambda p: -p.area)
            g = parts[0]
        geom = round_geom(transform(inv.transform, g))
        a = geodesic_area_km2(geom)
        if abs(a / target_km2 - 1) < AREA_TOL_BUILD:
            return geom
        r *= math.sqrt(target_km2 / a)
        if r > 20000:
            break
    die(f"could not reach {target_km2} km² at {lon},{lat} (got {geodesic_area_km2(geom):.3f})")


def road_box_block(vertices):
    pts = []
    for pair in vertices.split(";"):
        x, y = pair.split()
        pts.append((float(x), float(y)))
    g = round_geom(Polygon(pts))
    if not g.is_valid:
        die("road_box polygon is not valid: " + vertices[:60])
    return g


# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--districts", help="path of shanghai-districts.geojson")
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite the table in docs/data.md")
    args = ap.parse_args()

    # districts -------------------------------------------------------------
    src = args.districts or find_shared("data", "shanghai-districts.geojson") \
        or os.path.join(LAYERS, "districts.geojson")
    with open(src, encoding="utf-8") as f:
        dfc = json.load(f)
    dst = os.path.join(LAYERS, "districts.geojson")
    if os.path.abspath(src) != os.path.abspath(dst):
        shutil.copyfile(src, dst)
    districts = {}
    for ft in dfc["features"]:
        p = ft["properties"]
        districts[p["adcode"]] = (p["name_zh"], shape(ft["geometry"]))

    text, text_path = plan_text()

    # tables ----------------------------------------------------------------
    attrs = read_csv("parks_attributes.csv")
    blocks = read_csv("park_blocks.csv")
    vocab = read_csv("industry_tags.csv")
    featured = read_csv("featured_parks.csv")
    facilities = read_csv("facilities.csv")

    term_tags = {}
    vocab_tags = []
    for v in vocab:
        vocab_tags.append(v["tag"])
        for term in v["terms_zh"].split(";"):
            term_tags.setdefault(term.strip(), []).append(v["tag"])

    park_ids = [a["park_id"] for a in attrs]
    if len(set(park_ids)) != len(park_ids):
        die("duplicate park_id in parks_attributes.csv")
    attr_by_id = {a["park_id"]: a for a in attrs}

    # block geometry ------------------------------------------------------------
    block_geoms = {}
    blocks_by_park = {pid: [] for pid in park_ids}
    for b in blocks:
        if b["park_id"] not in attr_by_id:
            die(f"block {b['block_id']}: unknown park {b['park_id']}")
        if b["block_id"] in block_geoms:
            die("duplicate block_id " + b["block_id"])
        dcode = b["district_code"]
        if dcode not in districts:
            die(f"block {b['block_id']}: unknown district {dcode}")
        if dcode not in attr_by_id[b["park_id"]]["district_codes"].split(";"):
            die(f"block {b['block_id']}: district {dcode} not among its park's district_codes")
        target = float(b["area_km2"])
        if b["method"] == "road_box":
            g = road_box_block(b["vertices"])
        elif b["method"] == "circle_at":
            g = circle_block(float(b["lon"]), float(b["lat"]), target, districts[dcode][1])
        else:
            die(f"block {b['block_id']}: unknown method {b['method']}")
        if not districts[dcode][1].contains(g):
            die(f"block {b['block_id']} is not inside district {dcode}")
        block_geoms[b["block_id"]] = g
        blocks_by_park[b["park_id"]].append(b)

    ids = list(block_geoms)
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            gi, gj = block_geoms[ids[i]], block_geoms[ids[j]]
            if gi.intersects(gj) and gi.intersection(gj).area > 0:
                die(f"blocks {ids[i]} and {ids[j]} overlap")

    # parks --------------------------------------------------------------------
    park_features, block_features, table = [], [], []
    park_tags = {}
    for a in attrs:
        pid = a["park_id"]
        bl = blocks_by_park[pid]
        if not bl:
            die(f"park {pid} has no block")
        geom = round_geom(MultiPolygon([block_geoms[b["block_id"]] for b in bl]))
        if not geom.is_valid:
            die(f"park {pid}: geometry invalid")
        items = [s.strip() for s in a["industries_zh"].split("、")]
        tags = []
        for it in items:
            if it not in a["plan_quote"]:
                die(f"park {pid}: industry '{it}' is not literally in its plan_quote")
            if it not in term_tags:
                die(f"park {pid}: industry term '{it}' missing from industry_tags.csv")
            for t in term_tags[it]:
                if t not in tags:
                    tags.append(t)
        park_tags[pid] = tags
        if a["plan_quote"] not in text:
            die(f"park {pid}: plan_quote not found in the plan text")
        codes = a["district_codes"].split(";")
        quality = "approximate" if all(b["quality"] == "approximate" for b in bl) else "schematic"
        area = geodesic_area_km2(geom)
        planned = num_or_none(a["planned_area_km2"])
        props = {
            "id": pid,
            "name_zh": a["name_zh"],
            "name_en": a["name_en"],
            "districts_zh": ";".join(districts[c][0] for c in codes),
            "district_codes": ";".join(codes),
            "group": a["group"],
            "group_zh": GROUPS[a["group"]][0],
            "industries_zh": a["industries_zh"],
            "industry_tags": ";".join(tags),
            "plan_ref": a["plan_ref"],
            "plan_quote": a["plan_quote"],
            "planned_area_km2": planned,
            "area_year": str_or_none(a["area_year"]),
            "area_scope": str_or_none(a["area_scope"]),
            "area_source": str_or_none(a["area_source"]),
            "area_confidence": str_or_none(a["area_confidence"]),
            "modelled_area_km2": round(area, 2),
            "geometry_quality": quality,
            "geometry_source": a["geometry_source"],
            "n_blocks": len(bl),
            "block_names_zh": ";".join(b["block_name_zh"] for b in bl),
            "data_note": str_or_none(a["data_note"]),
        }
        park_features.append(feature(props, geom))
        table.append((pid, a["name_zh"], a["group"], a["industries_zh"], len(bl), area, planned, quality))
        for b in bl:
            g = block_geoms[b["block_id"]]
            block_features.append(feature({
                "block_id": b["block_id"],
                "park_id": pid,
                "block_name_zh": b["block_name_zh"],
                "method": b["method"],
                "district_code": b["district_code"],
                "target_area_km2": float(b["area_km2"]),
                "modelled_area_km2": round(geodesic_area_km2(g), 3),
                "area_basis": b["area_basis"],
                "location_source": b["location_source"],
                "quality": b["quality"],
            }, g))
    park_geom = {f["properties"]["id"]: shape(f["geometry"]) for f in park_features}

    # featured parks -----------------------------------------------------------
    feat_features = []
    for r in featured:
        pt = round_geom(Point(float(r["lon"]), float(r["lat"])))
        if r["parent_park"] not in park_geom:
            die(f"featured park {r['id']}: unknown parent {r['parent_park']}")
        if not park_geom[r["parent_park"]].contains(pt):
            die(f"featured park {r['id']} is not inside {r['parent_park']}")
        for t in r["industry_tags"].split(";"):
            if t not in vocab_tags:
                die(f"featured park {r['id']}: tag {t} not in vocabulary")
        if r["name_zh"] not in text:
            die(f"featured park {r['id']}: name not in the plan text")
        feat_features.append(feature({
            "id": r["id"], "name_zh": r["name_zh"], "name_en": r["name_en"],
            "parent_park": r["parent_park"], "industry_tags": r["industry_tags"],
            "area_km2": num_or_none(r["area_km2"]), "area_note": str_or_none(r["area_note"]),
            "status": r["status"], "plan_ref": r["plan_ref"], "plan_quote": r["plan_quote"],
            "location_quality": r["location_quality"], "location_source": r["location_source"],
            "source": r["source"],
        }, pt))

    # facilities ------------------------------------------------------------
    fac_features = []
    for r in facilities:
        pt = round_geom(Point(float(r["lon"]), float(r["lat"])))
        if not park_geom["zjsc"].contains(pt):
            die(f"facility {r['id']} is not inside zjsc")
        fac_features.append(feature({
            "id": r["id"], "name_zh": r["name_zh"], "name_en": r["name_en"],
            "abbr": str_or_none(r["abbr"]), "status": r["status"], "status_note": r["status_note"],
            "address": str_or_none(r["address"]), "parent_park": "zjsc",
            "location_quality": r["location_quality"], "location_source": r["location_source"],
            "source": r["source"],
        }, pt))

    # layouts --------------------------------------------------------------
    layouts_out = []
    for lay in LAYOUTS:
        if lay["plan_quote"] not in text:
            die(f"layout {lay['id']}: plan_quote not in the plan text")
        named = [p for role in lay["roles"] for p in role["parks"]]
        roles = []
        for role in lay["roles"]:
            for p in role["parks"]:
                if p not in attr_by_id:
                    die(f"layout {lay['id']}: unknown park {p}")
            if role["quote"] not in text:
                die(f"layout {lay['id']} role {role['id']}: quote not in the plan text")
            out = {"id": role["id"], "name_zh": role["name_zh"], "name_en": role["name_en"],
                   "parks": list(role["parks"]), "derived": [], "quote": role["quote"]}
            for k in ("section_heading", "plan_ref"):
                if k in role:
                    out[k] = role[k]
            if "derive" in role:
                tag = role["derive"]["tag"]
                out["derived"] = [p for p in park_ids if p not in named and tag in park_tags[p]]
                out["derivation_rule"] = X_RULE.format(tag=tag, term=role["derive"]["term"])
                out["derived_tag"] = tag
            roles.append(out)
        layouts_out.append({
            "id": lay["id"], "name_zh": lay["name_zh"], "name_en": lay["name_en"],
            "pattern_zh": lay["pattern_zh"], "industry_tag": lay["industry_tag"],
            "plan_ref": lay["plan_ref"], "plan_quote": lay["plan_quote"], "roles": roles,
        })
    overall = [l for l in layouts_out if l["id"] == "overall"][0]
    for role in overall["roles"]:
        for p in role["parks"]:
            if attr_by_id[p]["group"] != role["id"]:
                die(f"park {p}: group {attr_by_id[p]['group']} but overall role {role['id']}")
    layouts_doc = {
        "source": PLAN_SOURCE,
        "note": ("'parks' lists only the parks the plan names for a role; 'derived' lists parks "
                 "computed by the role's derivation_rule where the plan leaves the role open (X). "
                 "Park ids refer to layers/parks.geojson."),
        "layouts": layouts_out,
    }
    with open(os.path.join(LAYERS, "layouts.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(layouts_doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

    write_fc("parks.geojson", "parks", park_features)
    write_fc("park_blocks.geojson", "park_blocks", block_features)
    write_fc("featured_parks.geojson", "featured_parks", feat_features)
    write_fc("facilities.geojson", "facilities", fac_features)

    # report -----------------------------------------------------------------
    print(f"plan text: {text_path}")
    print(f"districts: {src}")
    print(f"{'park':<11} {'name':<6} {'blocks':>6} {'modelled km2':>13} {'planned km2':>12} {'diff':>7}  quality")
    for pid, name, group, ind, nb, area, planned, q in table:
        diff = f"{(area / planned - 1) * 100:+.1f}%" if planned else "-"
        pl = f"{planned:.3f}" if planned is not None else "null"
        print(f"{pid:<11} {name:<6} {nb:>6} {area:>13.2f} {pl:>12} {diff:>7}  {q}")
    for lay in layouts_out:
        for role in lay["roles"]:
            if role["derived"]:
                print(f"layout {lay['id']} role {role['id']}: derived {', '.join(role['derived'])}")

    if not args.no_docs:
        update_docs(table)
    return 0


DOC_BEGIN = "<!-- parks-table:begin (generated by scripts/build_layers.py; do not edit) -->"
DOC_END = "<!-- parks-table:end -->"


def docs_table(table):
    lines = ["| id | name | group | industries (plan wording) | planned km² | modelled km² | blocks | geometry |",
             "|---|---|---|---|---:|---:|---:|---|"]
    for pid, name, group, ind, nb, area, planned, q in table:
        pl = f"{planned:g}" if planned is not None else "—"
        lines.append(f"| {pid} | {name} | {group} ({GROUPS[group][0]}) | {ind} | {pl} | {area:.2f} | {nb} | {q} |")
    return "\n".join(lines)


def update_docs(table):
    if not os.path.isfile(DOCS):
        return
    with open(DOCS, encoding="utf-8") as f:
        doc = f.read()
    if DOC_BEGIN not in doc or DOC_END not in doc:
        return
    head, rest = doc.split(DOC_BEGIN, 1)
    _, tail = rest.split(DOC_END, 1)
    new = head + DOC_BEGIN + "\n" + docs_table(table) + "\n" + DOC_END + tail
    if new != doc:
        with open(DOCS, "w", encoding="utf-8", newline="\n") as f:
            f.write(new)


if __name__ == "__main__":
    sys.exit(main())
