#!/usr/bin/python3
"""Validate the embedded data layers in layers/ (run after scripts/build_layers.py).

Checks: GeoJSON shape (RFC 7946: no crs, CCW exterior rings, <= 7 decimals, flat properties),
geometry validity (shapely), everything inside Shanghai and inside its districts, unique ids,
no overlap between parks, areas within 10 % of the published figure (parks) and of the
target (blocks), featured parks and facilities inside their parent park, layouts consistent
with the plan text (every quote found verbatim; the parks named in each quote or plan section
equal the role's parks; derived members recomputed), park wording and industry tags,
targets_2025.csv and industries.csv, the districts copy, and the docs table.

Exits 1 if any check fails. Last line: "N passed, N failed".
Run:  /usr/bin/python3 scripts/check_layers.py [-v]
"""
import csv
import hashlib
import json
import os
import re
import sys

from pyproj import Geod
from shapely.geometry import shape
from shapely.ops import unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = os.path.join(ROOT, "layers")
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import build_layers as B  # noqa: E402  (shares constants: plan text location, groups, docs table)

GEOD = Geod(ellps="WGS84")
AREA_TOL = 0.10
EXPECTED_PARKS = ["zjsc", "lingang", "caohejing", "ftz_bonded", "expo", "jinqiao", "lujiazui", "huangpu",
                  "jingan", "xuhui", "changning", "putuo", "hongkou", "yangpu", "minhang", "baoshan",
                  "jiading", "jinshan", "songjiang", "qingpu", "fengxian", "chongming"]
EXPECTED_FACILITIES = {"ssrf", "sxfel", "shine", "nfps", "sulf", "live_cell", "ssc"}

VERBOSE = "-v" in sys.argv
passed = 0
failed = []


def check(cond, what):
    global passed
    if cond:
        passed += 1
        if VERBOSE:
            print("ok   " + what)
    else:
        failed.append(what)
        print("FAIL " + what)
    return cond


def load_fc(name):
    with open(os.path.join(LAYERS, name), encoding="utf-8") as f:
        return json.load(f)


def read_csv(name):
    with open(os.path.join(LAYERS, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def area_km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


def rings(geom_json):
    t, c = geom_json["type"], geom_json["coordinates"]
    if t == "Polygon":
        return [c]
    if t == "MultiPolygon":
        return c
    return []


def signed_area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2


def coords_of(c):
    if c and isinstance(c[0], (int, float)):
        yield c
    else:
        for v in c:
            yield from coords_of(v)


def check_fc(name, fc, id_key):
    check(fc.get("type") == "FeatureCollection", f"{name}: is a FeatureCollection")
    check("crs" not in fc, f"{name}: no crs member (RFC 7946)")
    ids = [ft["properties"].get(id_key) for ft in fc["features"]]
    check(len(ids) == len(set(ids)) and all(isinstance(i, str) and i for i in ids), f"{name}: unique non-empty {id_key}")
    for ft in fc["features"]:
        fid = ft["properties"].get(id_key)
        flat = all(not isinstance(v, (list, dict)) for v in ft["properties"].values())
        check(flat, f"{name} {fid}: properties are flat")
        g = shape(ft["geometry"])
        check(g.is_valid and not g.is_empty, f"{name} {fid}: geometry valid")
        ok_dec = all(abs(round(v, 7) - v) < 1e-12 for xy in coords_of(ft["geometry"]["coordinates"]) for v in xy)
        check(ok_dec, f"{name} {fid}: coordinates have at most 7 decimals")
        ok_orient = True
        for poly in rings(ft["geometry"]):
            if signed_area(poly[0]) <= 0:
                ok_orient = False
            for hole in poly[1:]:
                if signed_area(hole) >= 0:
                    ok_orient = False
        check(ok_orient, f"{name} {fid}: exterior rings CCW, holes CW")
    return {ft["properties"][id_key]: ft for ft in fc["features"]}


def main():
    text, text_path = B.plan_text()
    print(f"plan text: {text_path}")

    # the in-repo copy of the plan must equal the shared seed when that is available
    seed = B.find_shared("seeds", B.PLAN_SEED_NAME)
    if seed:
        with open(seed, "rb") as a, open(B.PLAN_COPY, "rb") as b:
            check(a.read() == b.read(), "layers/sources plan copy is identical to the shared seed")

    # districts -----------------------------------------------------------------
    dfc = load_fc("districts.geojson")
    shared_d = B.find_shared("data", "shanghai-districts.geojson")
    if shared_d:
        h = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()  # noqa: E731
        check(h(shared_d) == h(os.path.join(LAYERS, "districts.geojson")),
              "districts.geojson is a byte copy of the shared districts file")
    dist = {}
    for ft in dfc["features"]:
        p = ft["properties"]
        check(all(k in p for k in ("name_zh", "name_en", "adcode", "source", "license")),
              f"districts {p.get('adcode')}: has name_zh, name_en, adcode, source, license")
        g = shape(ft["geometry"])
        check(g.is_valid, f"districts {p['adcode']}: valid")
        dist[p["adcode"]] = g
    check(len(dist) == 16, "districts: 16 districts")
    shanghai = unary_union(list(dist.values()))

    # parks ------------------------------------------------------------------
    parks = check_fc("parks.geojson", load_fc("parks.geojson"), "id")
    check(list(parks) == EXPECTED_PARKS, "parks: the 22 expected ids in plan order")
    blocks_fc = check_fc("park_blocks.geojson", load_fc("park_blocks.geojson"), "block_id")
    featured = check_fc("featured_parks.geojson", load_fc("featured_parks.geojson"), "id")
    facilities = check_fc("facilities.geojson", load_fc("facilities.geojson"), "id")
    vocab = read_csv("industry_tags.csv")
    vocab_tags = {v["tag"] for v in vocab}
    term_tags = {}
    for v in vocab:
        for t in v["terms_zh"].split(";"):
            term_tags.setdefault(t, []).append(v["tag"])
    check(len(vocab_tags) == len(vocab), "industry_tags.csv: unique tags")

    required = ["id", "name_zh", "name_en", "districts_zh", "district_codes", "group", "group_zh",
                "industries_zh", "industry_tags", "plan_ref", "planned_area_km2", "area_year", "area_scope",
                "area_source", "area_confidence", "geometry_quality", "geometry_source", "n_blocks", "data_note"]
    pgeom = {}
    for pid, ft in parks.items():
        p = ft["properties"]
        g = shape(ft["geometry"])
        pgeom[pid] = g
        check(all(k in p for k in required), f"park {pid}: has all required properties")
        check(ft["geometry"]["type"] == "MultiPolygon", f"park {pid}: MultiPolygon")
        check(p["group"] in B.GROUPS and p["group_zh"] == B.GROUPS[p["group"]][0], f"park {pid}: group/group_zh")
        codes = p["district_codes"].split(";")
        check(all(c in dist for c in codes), f"park {pid}: district codes exist")
        check(p["districts_zh"].split(";") == [next(f["properties"]["name_zh"] for f in dfc["features"]
                                                     if f["properties"]["adcode"] == c) for c in codes],
              f"park {pid}: districts_zh matches district_codes")
        check(shanghai.buffer(1e-9).contains(g), f"park {pid}: inside Shanghai")
        check(unary_union([dist[c] for c in codes]).buffer(1e-9).contains(g), f"park {pid}: inside its districts")
        check(p["name_zh"] in text, f"park {pid}: name_zh appears in the plan")
        check(p["plan_quote"] in text, f"park {pid}: plan_quote found verbatim in the plan")
        items = p["industries_zh"].split("、")
        check(all(i in p["plan_quote"] for i in items), f"park {pid}: every industry is literally in plan_quote")
        want = []
        for i in items:
            for t in term_tags.get(i, ["<missing:" + i + ">"]):
                if t not in want:
                    want.append(t)
        check(p["industry_tags"].split(";") == want, f"park {pid}: industry_tags = vocabulary mapping of industries_zh")
        check(p["geometry_quality"] in ("approximate", "schematic"), f"park {pid}: geometry_quality value")
        check(p["area_confidence"] in (None, "H", "M", "L"), f"park {pid}: area_confidence is H/M/L or null")
        nb = [b for b in blocks_fc.values() if b["properties"]["park_id"] == pid]
        check(p["n_blocks"] == len(nb) and len(g.geoms) == len(nb), f"park {pid}: n_blocks matches")
        a = area_km2(g)
        check(abs(a - p["modelled_area_km2"]) < 0.01, f"park {pid}: modelled_area_km2 is the geodesic area")
        if p["planned_area_km2"] is not None:
            check(abs(a / p["planned_area_km2"] - 1) <= AREA_TOL,
                  f"park {pid}: modelled {a:.2f} km² within 10 % of planned {p['planned_area_km2']}")
            check(bool(p["area_source"]) and bool(p["area_scope"]) and p["area_confidence"] in ("H", "M", "L"),
                  f"park {pid}: published area has scope, source and confidence")
        else:
            check(p["area_confidence"] is None, f"park {pid}: no confidence without a published area")

    # blocks ---------------------------------------------------------------
    rows = {r["block_id"]: r for r in read_csv("park_blocks.csv")}
    check(set(rows) == set(blocks_fc), "park_blocks.csv and park_blocks.geojson have the same blocks")
    for bid, ft in blocks_fc.items():
        p = ft["properties"]
        g = shape(ft["geometry"])
        check(p["park_id"] in parks, f"block {bid}: park exists")
        check(p["district_code"] in parks[p["park_id"]]["properties"]["district_codes"].split(";"),
              f"block {bid}: district is one of its park's districts")
        check(dist[p["district_code"]].contains(g), f"block {bid}: inside district {p['district_code']}")
        check(p["method"] in ("road_box", "circle_at"), f"block {bid}: method value")
        check(p["quality"] == ("approximate" if p["method"] == "road_box" else "schematic"),
              f"block {bid}: quality matches method")
        a = area_km2(g)
        check(abs(a / p["target_area_km2"] - 1) <= AREA_TOL,
              f"block {bid}: area {a:.3f} within 10 % of its target {p['target_area_km2']}")
        check(p["area_basis"].strip() != "" and p["location_source"].strip() != "", f"block {bid}: basis and source given")
        if "no published figure" in p["area_basis"]:
            check(parks[p["park_id"]]["properties"]["planned_area_km2"] is None,
                  f"block {bid}: schematic size only where no figure is published")
    ids = list(pgeom)
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            inter = pgeom[ids[i]].intersection(pgeom[ids[j]])
            if not check(inter.area == 0, f"parks {ids[i]} and {ids[j]} do not overlap"):
                pass
    blist = list(blocks_fc)
    overl = [(a, b) for k, a in enumerate(blist) for b in blist[k + 1:]
             if shape(blocks_fc[a]["geometry"]).intersection(shape(blocks_fc[b]["geometry"])).area > 0]
    check(not overl, f"no two blocks overlap {overl}")

    # featured parks and facilities ------------------------------------------------
    for fid, ft in featured.items():
        p = ft["properties"]
        pt = shape(ft["geometry"])
        check(ft["geometry"]["type"] == "Point", f"featured {fid}: point")
        check(p["parent_park"] in pgeom and pgeom[p["parent_park"]].contains(pt), f"featured {fid}: inside parent park")
        check(all(t in vocab_tags for t in p["industry_tags"].split(";")), f"featured {fid}: tags in vocabulary")
        check(p["name_zh"] in text and p["plan_quote"] in text and p["name_zh"] in p["plan_quote"],
              f"featured {fid}: named in the plan (quote verbatim)")
        check(p["location_quality"] in ("approximate", "schematic"), f"featured {fid}: location_quality value")
    sec1 = section(text, "1、打造国际一流张江科学城", "2、打造临港园战略增长极")
    sec2 = section(text, "2、打造临港园战略增长极", "3、建设中心辐射区")
    for name in ["上海集成电路设计产业园", "张江在线新经济生态园", "张江药谷", "张江机器人谷", "张江人工智能岛"]:
        check(any(f["properties"]["name_zh"] == name and f["properties"]["parent_park"] == "zjsc"
                  for f in featured.values()) and name in sec1, f"featured park {name} (四(四)1) present under zjsc")
    for name in ["生命蓝湾", "东方芯港", "海洋创新园", "信息飞鱼", "临港新片区大飞机园"]:
        check(any(f["properties"]["name_zh"] == name and f["properties"]["parent_park"] == "lingang"
                  for f in featured.values()) and name in sec2, f"featured park {name} (四(四)2) present under lingang")
    check(set(facilities) == EXPECTED_FACILITIES, "facilities: the 7 expected ids")
    for fid, ft in facilities.items():
        p = ft["properties"]
        check(pgeom["zjsc"].contains(shape(ft["geometry"])), f"facility {fid}: inside zjsc")
        check(p["status"] in ("in_use", "under_construction", "completion_unconfirmed"), f"facility {fid}: status value")
        check(all(k in p for k in ("name_zh", "name_en", "abbr", "status_note", "address", "location_quality",
                                   "location_source", "source")), f"facility {fid}: required properties")

    # layouts ------------------------------------------------------------------
    with open(os.path.join(LAYERS, "layouts.json"), encoding="utf-8") as f:
        lay = json.load(f)
    names = {pid: parks[pid]["properties"]["name_zh"] for pid in parks}
    check([l["id"] for l in lay["layouts"]] == ["ic", "biomed", "ai", "overall"], "layouts: ic, biomed, ai, overall")
    for l in lay["layouts"]:
        check(l["plan_quote"] in text, f"layout {l['id']}: plan_quote verbatim in the plan")
        check(l["pattern_zh"] in l["plan_quote"], f"layout {l['id']}: pattern in plan_quote")
        named = [p for r in l["roles"] for p in r["parks"]]
        check(len(named) == len(set(named)), f"layout {l['id']}: no park named twice")
        for r in l["roles"]:
            tag = f"layout {l['id']} role {r['id']}"
            check(all(p in parks for p in r["parks"] + r["derived"]), f"{tag}: every park exists")
            check(r["quote"] in text, f"{tag}: quote verbatim in the plan")
            check(not set(r["parks"]) & set(r["derived"]), f"{tag}: derived members are not in parks")
            if "section_heading" in r:
                sect = section_after(text, r["section_heading"])
                found = [p for p in parks if names[p] in sect]
                check(found == r["parks"], f"{tag}: parks = parks named in plan section '{r['section_heading']}'")
                check(all(parks[p]["properties"]["group"] == r["id"] for p in r["parks"]), f"{tag}: park groups agree")
            elif l["id"] != "overall":
                found = [p for p in parks if names[p] in r["quote"]]
                check(sorted(found) == sorted(r["parks"]), f"{tag}: parks = parks named in the quote")
                check(r["quote"] in l["plan_quote"], f"{tag}: quote is part of the layout sentence")
            if "derived_tag" in r:
                want = [p for p in parks if p not in named
                        and r["derived_tag"] in parks[p]["properties"]["industry_tags"].split(";")]
                check(r["derived"] == want and bool(r.get("derivation_rule")), f"{tag}: derived = rule applied ({want})")
            else:
                check(r["derived"] == [], f"{tag}: nothing derived where the plan names the members")
    overall = [l for l in lay["layouts"] if l["id"] == "overall"][0]
    allmembers = sorted(p for r in overall["roles"] for p in r["parks"])
    check(allmembers == sorted(EXPECTED_PARKS), "layout overall: every park in exactly one role")

    # targets ---------------------------------------------------------------------
    for r in read_csv("targets_2025.csv"):
        q = r["plan_quote"]
        check(q in text, f"targets: quote verbatim '{q}'")
        num = r["target"]
        check(re.search(r"(?<![0-9.])" + re.escape(num) + r"(?![0-9.])", q) is not None,
              f"targets: {r['indicator_zh']} target {num} is in its quote")
        check(r["unit"] and r["comparator"] in ("eq", "ge", "approx"), f"targets: {r['indicator_zh']} unit/comparator")
        if r["comparator"] == "ge":
            check("以上" in q, f"targets: {r['indicator_zh']} ge only where the plan says 以上")
        if r["comparator"] == "approx":
            check("左右" in q or "约" in q, f"targets: {r['indicator_zh']} approx only where the plan says 左右/约")

    # industries mapping -------------------------------------------------------------
    ind = read_csv("industries.csv")
    check(all(r["tag"] in ("ic", "biomed", "ai", "other") for r in ind), "industries.csv: tags are ic|biomed|ai|other")
    seen = {}
    ok = True
    for r in ind:
        k = r["label"].strip().casefold()
        if k in seen and seen[k] != r["tag"]:
            ok = False
        seen[k] = r["tag"]
    check(ok, "industries.csv: no label maps to two tags (case-insensitive)")
    for lbl, tag in (("集成电路", "ic"), ("生物医药", "biomed"), ("人工智能", "ai"), ("ic", "ic"), ("ai", "ai"),
                     ("biomed", "biomed")):
        check(seen.get(lbl) == tag, f"industries.csv: {lbl} -> {tag}")

    # docs table in sync ------------------------------------------------------------------
    docs = os.path.join(ROOT, "docs", "data.md")
    if os.path.isfile(docs):
        with open(docs, encoding="utf-8") as f:
            d = f.read()
        table = []
        for pid, ft in parks.items():
            p = ft["properties"]
            table.append((pid, p["name_zh"], p["group"], p["industries_zh"], p["n_blocks"],
                          area_km2(pgeom[pid]), p["planned_area_km2"], p["geometry_quality"]))
        check(B.DOC_BEGIN + "\n" + B.docs_table(table) + "\n" + B.DOC_END in d, "docs/data.md park table is in sync")

    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


def section(text, start, end):
    i = text.index(start)
    return text[i:text.index(end, i)]


def section_after(text, heading):
    """Text of a numbered subsection of 四(四): from its heading to the next heading."""
    i = text.index(heading)
    m = re.search(r"\n(?:[0-9]+、|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)", text[i + len(heading):])
    return text[i:i + len(heading) + (m.start() if m else len(text))]


if __name__ == "__main__":
    sys.exit(main())
