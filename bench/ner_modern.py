#!/usr/bin/env python3
"""Scores the entity tagger on our modern check set `tests/ner/modern_ner.tsv` (see
tests/ner/README.md): 2016 US campaign news from PolNeAR's dev articles, annotated by hand with
CoNLL-2003's four types.

    python3 bench/ner_modern.py --gleaner target/release/gleaner [--eval ../shared/eval] [--errors]

The articles are read by path from ../shared/eval/polnear/dev_input.jsonl (never copied). Exact
spans with their type, mapped as ../shared/eval/score.py maps them (PERSON -> PER, GPE/LOC/FAC ->
LOC, NORP/EVENT/PRODUCT/LAW/WORK_OF_ART/LANGUAGE/MISC -> MISC). Documents 2, 5, 8, ... of the set
(in its order) are held out: tune on `dev`, report `heldout` once.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CONLL03 = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
           "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
           "MISC": "MISC"}
TYPES = ["PER", "ORG", "LOC", "MISC"]


def prf(tp, pred, gold):
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", default=os.path.join(ROOT, "target/release/gleaner"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--errors", action="store_true", help="list the dev set's misses and false alarms")
    args = ap.parse_args()
    source = os.path.join(args.eval, "polnear", "dev_input.jsonl")
    if not os.path.exists(source):
        print("ner_modern: no", source, "- nothing to score")
        return 0
    gold = collections.defaultdict(set)
    order = []
    with open(os.path.join(ROOT, "tests/ner/modern_ner.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["doc_id"] not in gold:
                order.append(r["doc_id"])
            gold[r["doc_id"]].add((int(r["start"]), int(r["end"]), r["label"]))
    split = {d: ("heldout" if i % 3 == 1 else "dev") for i, d in enumerate(order)}
    texts = {}
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "input.jsonl")
        with open(source, encoding="utf-8") as f, open(inp, "w", encoding="utf-8") as out:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in gold:
                    texts[rec["id"]] = rec["text"]
                    out.write(line)
        missing = set(gold) - set(texts)
        if missing:
            sys.exit(f"ner_modern: documents of the check set not in {source}: {sorted(missing)}")
        run = os.path.join(tmp, "run")
        subprocess.run([args.gleaner, "run", inp, "--out", run, "--format", "parquet"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        men = pq.read_table(os.path.join(run, "mentions.parquet"),
                            columns=["doc_id", "start", "end", "label"]).to_pylist()
    pred = collections.defaultdict(set)
    for m in men:
        t = CONLL03.get(m["label"])
        if t:
            pred[m["doc_id"]].add((m["start"], m["end"], t))
    for part in ("dev", "heldout"):
        docs = [d for d in order if split[d] == part]
        tp, npred, ngold = collections.Counter(), collections.Counter(), collections.Counter()
        for d in docs:
            for s in pred[d]:
                npred[s[2]] += 1
                tp[s[2]] += s in gold[d]
            for s in gold[d]:
                ngold[s[2]] += 1
        cells = []
        for t in TYPES:
            cells.append(f"{t} {prf(tp[t], npred[t], ngold[t])[2]:.3f}")
        p, r, f1 = prf(sum(tp.values()), sum(npred.values()), sum(ngold.values()))
        print(f"{part:8} {len(docs)} docs, {sum(ngold.values())} entities: P {p:.3f} R {r:.3f} F1 {f1:.3f}"
              f" | {' '.join(cells)}")
    if args.errors:
        for d in order:
            if split[d] != "dev":
                continue
            text = texts[d]
            for s, e, t in sorted(gold[d] - pred[d]):
                print(f"miss  {t:4} {text[s:e]!r} ({d[:40]} {s})")
            for s, e, t in sorted(pred[d] - gold[d]):
                print(f"false {t:4} {text[s:e]!r} ({d[:40]} {s})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
