#!/usr/bin/env python3
"""Scores gleaner's place columns on the hand-made check set `tests/geo/toponyms.tsv` (toponyms of
the BBC and Reuters corpora of ../shared/eval/corpus, each with its GeoNames id; see
tests/geo/README.md).

    python3 bench/geocode.py --gleaner target/release/gleaner [--eval ../shared/eval] [--errors]

For each toponym: the mention at its span (any overlap); its entity's geonames_id and lat/lon.
Reported per split and feature: found (a GPE/LOC/FAC mention there), exact id, within 161 km
(accuracy@161km, as Mordecai and CLIFF report it) over all toponyms, and the same over the found
ones (the geocoder alone). The gold point of a country or division is the gazetteer's point for
the gold id (the check set gives coordinates for towns only). `sport/134` (a fixture list, 74
rows, 72 of them countries) is reported apart as well.
"""
import argparse
import collections
import json
import math
import os
import subprocess
import sys
import tempfile

import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPORA = {"bbc": "bbc_news.jsonl", "reuters": "reuters21578.jsonl"}
FIXTURES = ("bbc", "sport/134")


def gazetteer_points():
    points = {}
    path = os.path.join(ROOT, "crates/gleaner-extract/src/places/gazetteer.tsv")
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if f[5] and f[6]:
            points[int(f[0])] = (float(f[5]), float(f[6]))
    return points


def km(a, b):
    (la1, lo1), (la2, lo2) = a, b
    p1, p2 = math.radians(la1), math.radians(la2)
    dp, dl = p2 - p1, math.radians(lo2 - lo1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", required=True)
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--set", default=os.path.join(ROOT, "tests/geo/toponyms.tsv"))
    ap.add_argument("--errors", action="store_true", help="print each wrong or missed toponym")
    args = ap.parse_args()

    rows = []
    with open(args.set, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    wanted = {(r["corpus"], r["doc_id"]) for r in rows}
    texts = {}
    for corpus, name in CORPORA.items():
        for line in open(os.path.join(args.eval, "corpus", name), encoding="utf-8"):
            rec = json.loads(line)
            if (corpus, str(rec["id"])) in wanted:
                texts[(corpus, str(rec["id"]))] = rec["text"]
    missing = wanted - set(texts)
    if missing:
        sys.exit(f"documents not found in {args.eval}/corpus: {sorted(missing)[:5]}")

    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "docs.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for (corpus, doc_id), text in sorted(texts.items()):
                f.write(json.dumps({"id": f"{corpus}:{doc_id}", "text": text}) + "\n")
        out = os.path.join(tmp, "out")
        subprocess.run([args.gleaner, "run", inp, "--out", out, "--format", "parquet"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        docs = {r["doc_id"]: r["text"] for r in pq.read_table(f"{out}/documents.parquet").to_pylist()}
        mentions = collections.defaultdict(list)
        for m in pq.read_table(f"{out}/mentions.parquet").to_pylist():
            mentions[m["doc_id"]].append(m)
        entities = {e["entity_id"]: e for e in pq.read_table(f"{out}/entities.parquet").to_pylist()}

    points = gazetteer_points()
    tally = collections.defaultdict(lambda: collections.Counter())
    for r in rows:
        doc_id = f"{r['corpus']}:{r['doc_id']}"
        text = texts[(r["corpus"], r["doc_id"])]
        start, end = int(r["start"]), int(r["end"])
        assert docs[doc_id] == text, f"{doc_id}: documents.text differs from the corpus text"
        gold = int(r["geonames_id"])
        gold_point = (float(r["lat"]), float(r["lon"])) if r["lat"] else points.get(gold)
        hit = [m for m in mentions[doc_id] if m["start"] < end and start < m["end"]
               and m["label"] in ("GPE", "LOC", "FAC")]
        e = entities.get(hit[0]["entity_id"]) if hit else None
        got = e["geonames_id"] if e else None
        got_point = (e["lat"], e["lon"]) if e and e["lat"] is not None else None
        near = bool(got_point and gold_point and km(got_point, gold_point) <= 161)
        keys = [("all", "all"), (r["split"], "all"), (r["split"], r["feature"])]
        if (r["corpus"], r["doc_id"]) != FIXTURES:
            keys.append((r["split"], "all but sport/134"))
        for k in keys:
            c = tally[k]
            c["n"] += 1
            c["found"] += bool(hit)
            c["placed"] += got is not None
            c["exact"] += got == gold
            c["near"] += near
        if args.errors and got != gold:
            where = f"{e['name']} {got} {e['country_code']} {e['admin1']}" if e else (
                f"mention {hit[0]['label']}" if hit else "no place mention")
            print(f"{r['split']:7} {doc_id:24} {text[start:end]!r:24} gold {gold} -> {where}")

    print(f"{'split':8} {'feature':18} {'n':>4} {'found':>6} {'exact':>6} {'@161km':>7} {'exact|found':>12} {'@161|found':>11}")
    for (split, feature), c in sorted(tally.items()):
        n, f = c["n"], max(c["found"], 1)
        print(f"{split:8} {feature:18} {n:4} {c['found'] / n:6.3f} {c['exact'] / n:6.3f} {c['near'] / n:7.3f} "
              f"{c['exact'] / f:12.3f} {c['near'] / f:11.3f}")


if __name__ == "__main__":
    main()
