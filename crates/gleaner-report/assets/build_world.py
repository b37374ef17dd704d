#!/usr/bin/env python3
"""Builds world-110m.path: the outlines of the world's countries as one SVG path, for the
report's map (equirectangular: x = 2 * (lon + 180), y = 2 * (90 - lat), a 720 x 360 box).

Source: Natural Earth 1:110m countries (public domain), as the npm package world-atlas 2.0.2
(ISC) ships them in TopoJSON (countries-110m.json). Rebuild:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 crates/gleaner-report/assets/build_world.py package/countries-110m.json \
        crates/gleaner-report/assets/world-110m.path
"""
import json
import sys


def arcs_of(topo):
    """The arcs in longitude and latitude (TopoJSON quantized, delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring(arcs, idx):
    pts = []
    for i in idx:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def main():
    topo = json.load(open(sys.argv[1], encoding="utf-8"))
    arcs = arcs_of(topo)
    parts = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = {"Polygon": [geom.get("arcs", [])], "MultiPolygon": geom.get("arcs", [])}.get(geom["type"], [])
        for poly in polys:
            for r in poly:
                pts = ring(arcs, r)
                # A ring that crosses the antimeridian (Russia, Fiji, Antarctica) is cut there
                # into runs, each its own closed subpath, so no line spans the whole map.
                runs = [[]]
                last = None
                for lon, lat in pts:
                    p = (round(2 * (lon + 180), 1), round(2 * (90 - lat), 1))
                    if last is not None and abs(p[0] - last[0]) > 360:
                        runs.append([])
                    if p != last:
                        runs[-1].append(f"{p[0]:g} {p[1]:g}")
                        last = p
                if len(runs) > 1 and runs[0] and runs[-1]:
                    runs[0] = runs.pop() + runs[0]
                for cmds in runs:
                    if len(cmds) >= 3:
                        parts.append("M" + "L".join(cmds) + "Z")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("".join(parts) + "\n")


if __name__ == "__main__":
    main()
