#!/usr/bin/env python3
"""Scores the cross-document joins of lone surnames on the hand-made check set
`tests/joins/lone_surnames.tsv` (see tests/joins/README.md).

    python3 bench/joins.py --gleaner target/release/gleaner [--eval ../shared/eval] [--data DIR] [--errors]

Each row is a document of ../shared/eval/corpus where a surname stands alone as a PERSON and the
corpus names one or more people in full with that surname; `gold` is the one it means, or NONE.
The run's answer is the name of the entity its lone mentions carry: the lone surname itself (not
joined) or a full name (joined). Per split: joined right, joined wrong (to another candidate or
when the gold is NONE), missed (left apart while the gold is a candidate), rightly left apart;
precision = right / joined, recall = right / (rows whose gold is a candidate). UNSURE rows are
not scored.
"""
import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile

import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(gleaner, eval_dir, out):
    corpus = os.path.join(eval_dir, "corpus")
    inputs = [os.path.join(corpus, f) for f in ("bbc_news.jsonl", "reuters21578.jsonl")]
    subprocess.run([gleaner, "run", *inputs, "--out", out, "--format", "parquet", "--force"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", default=os.path.join(ROOT, "target/release/gleaner"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--data", help="a dataset of BBC + Reuters already written")
    ap.add_argument("--errors", action="store_true", help="list the dev rows scored wrong")
    args = ap.parse_args()
    rows = list(csv.DictReader(open(os.path.join(ROOT, "tests/joins/lone_surnames.tsv"), encoding="utf-8"),
                               delimiter="\t"))
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if not data:
            if not os.path.isdir(os.path.join(args.eval, "corpus")):
                print("joins: no corpus at", args.eval, "- nothing to score")
                return 0
            data = os.path.join(tmp, "run")
            run(args.gleaner, args.eval, data)
        men = pq.read_table(os.path.join(data, "mentions.parquet"),
                            columns=["doc_id", "text", "label", "entity_id"]).to_pandas()
        names = dict(zip(*pq.read_table(os.path.join(data, "entities.parquet"),
                                        columns=["entity_id", "name"]).to_pandas().values.T))
    men = men[men.label == "PERSON"]
    men["text"] = men.text.str.split().str.join(" ")
    by_doc = {d: g for d, g in men.groupby("doc_id")}
    counts = collections.defaultdict(collections.Counter)
    wrong = []
    for r in rows:
        if r["gold"] == "UNSURE":
            continue
        g = by_doc.get(r["doc_id"])
        hits = g[g.text == r["surname"]] if g is not None else None
        answers = sorted({names.get(e, e) for e in hits.entity_id}) if hits is not None and len(hits) else []
        answer = answers[0] if len(answers) == 1 else (None if not answers else "|".join(answers))
        joined = answer is not None and answer != r["surname"]
        gold_person = r["gold"] != "NONE"
        if answer is None:
            kind = "no mention"
        elif joined and answer == r["gold"]:
            kind = "joined right"
        elif joined:
            kind = "joined wrong"
        elif gold_person:
            kind = "missed"
        else:
            kind = "left apart right"
        counts[r["split"]][kind] += 1
        counts[r["split"]]["gold person"] += gold_person
        if r["split"] == "dev" and kind in ("joined wrong", "missed", "no mention"):
            wrong.append((kind, r["doc_id"], r["surname"], r["gold"], answer))
    for split in ("dev", "heldout"):
        c = counts[split]
        joined = c["joined right"] + c["joined wrong"]
        p = c["joined right"] / joined if joined else float("nan")
        rec = c["joined right"] / c["gold person"] if c["gold person"] else float("nan")
        n = sum(v for k, v in c.items() if k != "gold person")
        print(f"{split:8s} rows {n:3d}  joined right {c['joined right']:3d}  joined wrong "
              f"{c['joined wrong']:3d}  missed {c['missed']:3d}  left apart right {c['left apart right']:3d}  "
              f"no mention {c['no mention']:2d}  precision {p:.3f}  recall {rec:.3f}")
    if args.errors:
        for w in wrong:
            print("  ", *w, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
