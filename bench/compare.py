#!/usr/bin/env python3
"""Keep a run's outputs on a fixed set of inputs, and compare two such snapshots table by table.

    bench/compare.py snapshot --gleaner target/release/gleaner --out target/snap-before
    bench/compare.py diff target/snap-before target/snap-after [--show 5]

The inputs are the seed folder and, when ../shared/eval is there, the BBC and Reuters corpora and
the dev files the scorers read (TempEval-3, CoNLL-2003 dev, CoNLL04 dev, Recognizers-Text), each
prepared by score.py. A refactoring that should change nothing must give `diff` with no row
counted; a deliberate fix shows up as rows only in one side, which the commit message lists.
Not a test: the eval data is not in the repository.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

csv.field_size_limit(1 << 30)


def inputs(eval_dir):
    """(name, argv after `run`, prepare) for each input set."""
    yield "seed", [os.path.join(ROOT, "seeds")], None
    corpus = os.path.join(eval_dir, "corpus")
    if os.path.isfile(os.path.join(corpus, "bbc_news.jsonl")):
        yield "corpus", [os.path.join(corpus, "bbc_news.jsonl"), os.path.join(corpus, "reuters21578.jsonl"),
                         "--published-field", "date"], None
    dev = [
        ("timebank", "timex", "tempeval3/timebank.jsonl"),
        ("aquaint", "timex", "tempeval3/aquaint.jsonl"),
        ("conll2003-dev", "ner", "conll2003/eng.testa"),
        ("conll04-dev", "relations", "conll04/dev.jsonl"),
        ("rt-datetime", "datetime", "recognizers_text/DateTime_DateTimeModel.json"),
        ("rt-number", "numbers", "recognizers_text/Number_NumberModel.json"),
        ("rt-range", "numbers", "recognizers_text/Number_NumberRangeModel.json"),
        ("rt-percent", "numbers", "recognizers_text/Number_PercentModel.json"),
        ("rt-currency", "numbers", "recognizers_text/NumberWithUnit_CurrencyModel.json"),
        ("rt-dimension", "numbers", "recognizers_text/NumberWithUnit_DimensionModel.json"),
    ]
    for name, task, rel in dev:
        gold = os.path.join(eval_dir, rel)
        if os.path.isfile(gold):
            yield name, None, (task, gold)


def snapshot(args):
    os.makedirs(args.out, exist_ok=True)
    score = os.path.join(args.eval, "score.py")
    for name, argv, prep in inputs(args.eval):
        out = os.path.join(args.out, name)
        if prep:
            inp = os.path.join(args.out, name + ".input.jsonl")
            subprocess.run([sys.executable, score, "prepare", prep[0], prep[1], inp], check=True,
                           stdout=subprocess.DEVNULL)
            argv = [inp]
        cmd = [args.gleaner, "run", *argv, "--out", out, "--format", "csv", "--force"]
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        print(f"{name}: exit {done.returncode}", file=sys.stderr)
        if done.returncode not in (0, 3):
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
    return 0


PREPARED = re.compile(r"^.*/([^/]+\.input\.jsonl)")


def rows(path):
    """The header and the multiset of rows; a prepared input's path (which names the snapshot
    folder) is cut to its file name, so snapshots in different folders compare."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        src = header.index("source") if "source" in header else None
        out = Counter()
        for r in reader:
            if src is not None and src < len(r):
                r[src] = PREPARED.sub(r"\1", r[src])
            out[tuple(r)] += 1
        return header, out


def diff(args):
    changed = 0
    for name in sorted(os.listdir(args.a)):
        da, db = os.path.join(args.a, name), os.path.join(args.b, name)
        if not os.path.isdir(da):
            continue
        tables = sorted({f for d in (da, db) if os.path.isdir(d) for f in os.listdir(d) if f.endswith(".csv")})
        for t in tables:
            pa, pb = os.path.join(da, t), os.path.join(db, t)
            if not (os.path.exists(pa) and os.path.exists(pb)):
                print(f"{name}/{t}: only in {'A' if os.path.exists(pa) else 'B'}")
                changed += 1
                continue
            ha, ra = rows(pa)
            hb, rb = rows(pb)
            if ha != hb:
                # Compare on the shared columns; report the column change itself.
                added = [c for c in hb if c not in ha]
                dropped = [c for c in ha if c not in hb]
                print(f"{name}/{t}: columns +{added} -{dropped}")
                shared = [c for c in ha if c in hb]
                ia = [ha.index(c) for c in shared]
                ib = [hb.index(c) for c in shared]
                ra = Counter({tuple(r[i] for i in ia): n for r, n in ra.items()})
                rb2 = Counter()
                for r, n in rb.items():
                    rb2[tuple(r[i] for i in ib)] += n
                rb = rb2
                header = shared
            else:
                header = ha
            only_a, only_b = ra - rb, rb - ra
            na, nb = sum(only_a.values()), sum(only_b.values())
            if na or nb:
                changed += 1
                print(f"{name}/{t}: {na} rows only in A, {nb} only in B (of {sum(ra.values())} / {sum(rb.values())})")
                for label, side in (("A", only_a), ("B", only_b)):
                    for r in sorted(side)[: args.show]:
                        cells = {h: v for h, v in zip(header, r) if h != "text" or len(v) < 200}
                        print(f"  {label}: {cells}")
    print("identical" if not changed else f"{changed} tables differ")
    return 0 if not changed else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("--gleaner", default=os.path.join(ROOT, "target/release/gleaner"))
    s.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    s.add_argument("--out", required=True)
    d = sub.add_parser("diff")
    d.add_argument("a")
    d.add_argument("b")
    d.add_argument("--show", type=int, default=5)
    args = p.parse_args()
    return snapshot(args) if args.cmd == "snapshot" else diff(args)


if __name__ == "__main__":
    sys.exit(main())
