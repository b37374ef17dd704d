#!/usr/bin/env python3
"""Scores the `events` / `event_roles` tables with ../shared/eval/score_events.py on two sets:
MUC-4 TST1+TST2 (`../shared/eval/muc4/dev.jsonl`, upper case, 1989-1991; and the same truecased by
bench/truecase.py, a proxy for mixed-case wire copy) and our modern mixed-case
check set `tests/events/modern_events.jsonl` (BBC 2004-2005 and PolNeAR 2016 articles, by
reference: the texts are read from ../shared/eval), its dev and held-out parts apart, with the
casualty counts the scorer does not read (killed / wounded of each paired template).

    python3 bench/events.py --gleaner target/release/gleaner [--eval ../shared/eval] [--errors]

--errors lists, for the modern dev part only, each gold template with the event it was paired
with, and the events paired with none. Never look at the held-out part's errors.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCES = {"bbc_news": "corpus/bbc_news.jsonl", "polnear_dev": "polnear/dev_input.jsonl"}


def run(gleaner, inp, out):
    subprocess.run([gleaner, "run", inp, "--out", out, "--format", "parquet", "--force"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def score(eval_dir, gold, out, label):
    sys.path.insert(0, eval_dir)
    import score_events as se
    docs = [json.loads(l) for l in open(gold, encoding="utf-8")]
    res = subprocess.run([sys.executable, os.path.join(eval_dir, "score_events.py"), gold, out],
                         check=True, capture_output=True, text=True).stdout
    print(f"-- {label}")
    print(res.rstrip())
    return docs, se


def casualties(docs, out):
    """Of gold templates with a killed (wounded) figure, how many have an event of their document
    whose killed_low (wounded_low) equals the gold low: a lenient check of the counts."""
    import pyarrow.parquet as pq
    path = os.path.join(out, "events.parquet")
    rows = pq.read_table(path).to_pylist() if os.path.exists(path) else []
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    for key in ("killed", "wounded"):
        n = ok = 0
        for d in docs:
            for e in d["events"]:
                if e.get(key) and e[key][0] is not None:
                    n += 1
                    ok += any(r[key + "_low"] == e[key][0] for r in by_doc.get(d["id"], []))
        print(f"  {key}: {ok}/{n} gold figures found as an event's {key}_low")


def errors(docs, out):
    import pyarrow.parquet as pq
    ev = pq.read_table(os.path.join(out, "events.parquet")).to_pylist()
    roles = pq.read_table(os.path.join(out, "event_roles.parquet")).to_pylist()
    for d in docs:
        print(f"=== {d['id']}")
        for e in d["events"]:
            print("  GOLD", e["type"], e["location_parts"], "perp", e["perp_individuals"], e["perp_orgs"],
                  "tgt", e["targets"], "vic", e["victims"], "wpn", e["weapons"], "killed", e.get("killed"))
        for r in ev:
            if r["doc_id"] == d["id"]:
                rs = [(x["role"], x["text"]) for x in roles if x["doc_id"] == d["id"] and x["event_idx"] == r["event_idx"]]
                print("  PRED", r["type"], repr(r["trigger_text"]), r["location_text"], r["date_value"],
                      "killed", r["killed_low"], "wounded", r["wounded_low"], rs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", default=os.path.join(ROOT, "target/release/gleaner"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--skip-muc", action="store_true")
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(os.path.join(ROOT, "tests/events/modern_events.jsonl"), encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        if not a.skip_muc:
            out = os.path.join(tmp, "muc")
            run(a.gleaner, os.path.join(a.eval, "muc4/dev_input.jsonl"), out)
            score(a.eval, os.path.join(a.eval, "muc4/dev.jsonl"), out, "MUC-4 TST1+TST2 (dev, upper case)")
            # The same in mixed case (bench/truecase.py), a proxy for mixed-case wire copy.
            cased = os.path.join(tmp, "muc_cased.jsonl")
            subprocess.run([sys.executable, os.path.join(HERE, "truecase.py"), os.path.join(a.eval, "muc4/dev_input.jsonl"),
                            cased, "--eval", a.eval], check=True)
            out = os.path.join(tmp, "muc_cased")
            run(a.gleaner, cased, out)
            score(a.eval, os.path.join(a.eval, "muc4/dev.jsonl"), out, "MUC-4 TST1+TST2 truecased (mixed-case proxy)")
        wanted = {(d["source"], d["id"]): d for d in gold}
        inp = os.path.join(tmp, "modern.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for source, path in SOURCES.items():
                for line in open(os.path.join(a.eval, path), encoding="utf-8"):
                    r = json.loads(line)
                    if (source, r["id"]) in wanted:
                        rec = {"id": r["id"], "text": r["text"]}
                        if wanted[(source, r["id"])].get("published"):
                            rec["published"] = wanted[(source, r["id"])]["published"]
                        f.write(json.dumps(rec) + "\n")
        out = os.path.join(tmp, "modern")
        run(a.gleaner, inp, out)
        for split in ("dev", "heldout"):
            part = os.path.join(tmp, f"gold_{split}.jsonl")
            docs = [d for d in gold if d["split"] == split]
            with open(part, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(d) + "\n" for d in docs)
            score(a.eval, part, out, f"modern check set, {split} ({len(docs)} documents)")
            casualties(docs, out)
            if a.errors and split == "dev":
                errors(docs, out)


if __name__ == "__main__":
    main()
