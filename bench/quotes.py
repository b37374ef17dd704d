#!/usr/bin/env python3
"""Scores the `quotes` table with ../shared/eval/score_quotes.py on PolNeAR dev (US campaign news,
2016) and on our modern check set `tests/quotes/modern_quotes.jsonl` (16 BBC articles of 2004-2005,
annotated blind in PolNeAR's shape; the texts are read from ../shared/eval by id), its dev and
held-out parts apart, with the share of quotations whose speaker has no entity.

    python3 bench/quotes.py --gleaner target/release/gleaner [--eval ../shared/eval] [--skip-polnear]

Never look at the held-out part's errors.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(gleaner, inp, out):
    subprocess.run([gleaner, "run", inp, "--out", out, "--format", "parquet", "--force"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def score(eval_dir, gold, out, label):
    res = subprocess.run([sys.executable, os.path.join(eval_dir, "score_quotes.py"), gold, out],
                         check=True, capture_output=True, text=True).stdout
    print(f"-- {label}")
    print(res.rstrip())


def unknown(out, ids=None):
    """Share of direct and mixed quotations with no speaker entity (a pronoun with no person
    before it, a description): the unknown-speaker rate."""
    import pyarrow.parquet as pq
    rows = [r for r in pq.read_table(os.path.join(out, "quotes.parquet")).to_pylist()
            if r["kind"] != "indirect" and (ids is None or r["doc_id"] in ids)]
    n = sum(1 for r in rows if r["speaker_entity_id"] is None)
    print(f"  unknown speaker (no entity) in direct and mixed rows: {n}/{len(rows)}"
          f" = {n / len(rows) if rows else 0:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", default=os.path.join(ROOT, "target/release/gleaner"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--skip-polnear", action="store_true")
    a = ap.parse_args()
    check = os.path.join(ROOT, "tests/quotes/check_modern_quotes.py")
    corpus = os.path.join(a.eval, "corpus/bbc_news.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        if not a.skip_polnear:
            out = os.path.join(tmp, "polnear")
            run(a.gleaner, os.path.join(a.eval, "polnear/dev_input.jsonl"), out)
            score(a.eval, os.path.join(a.eval, "polnear/dev.jsonl"), out, "PolNeAR dev")
            unknown(out)
        inp = os.path.join(tmp, "bbc.jsonl")
        subprocess.run([sys.executable, check, "--corpus", corpus, "--write-input", inp, "--split", "all"],
                       check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(tmp, "bbc")
        run(a.gleaner, inp, out)
        for split in ("dev", "heldout"):
            gold = os.path.join(tmp, f"gold_{split}.jsonl")
            subprocess.run([sys.executable, check, "--corpus", corpus, "--write-gold", gold, "--split", split],
                           check=True, stdout=subprocess.DEVNULL)
            ids = {__import__("json").loads(l)["id"] for l in open(gold, encoding="utf-8")}
            score(a.eval, gold, out, f"modern check set (BBC), {split}")
            unknown(out, ids)


if __name__ == "__main__":
    main()
