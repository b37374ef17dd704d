#!/usr/bin/env python3
"""Lists the gold numbers that the reference scorer does not match, on a Recognizers-Text spec,
from a run kept with `score.py run numbers GOLD --gleaner BIN --keep DIR`. Uses score.py's own
functions (imported from ../shared/eval by path), so a miss here is a miss there.

    python3 eval/number_errors.py GOLD DIR [--extra]   (--extra: also predictions matching nothing)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the reference scorer, not copied)


def main(gold_path, run_dir, show_extra=False):
    docs = score.gold_docs("numbers", gold_path)
    nums = score.by_doc(score.table(os.path.join(run_dir, "out"), "numbers"))
    for d in docs:
        got = nums.get(d["id"], [])
        used, missed = set(), []
        for res in d["results"]:
            w = score.rt_value(res)
            if w is None:
                continue
            hit = False
            for i, r in enumerate(got):
                s, e = int(r["start"]), int(r["end"])
                if i in used or not (s <= res["End"] and res["Start"] < e):
                    continue
                if w[0] == "range":
                    ok = score.num(r.get("low")) == w[1] and score.num(r.get("high")) == w[2]
                else:
                    v = score.num(r.get("value"))
                    ok = v is not None and abs(v - w[1]) <= 1e-9 * max(1.0, abs(w[1]))
                if ok:
                    used.add(i)
                    hit = True
                    break
            if not hit:
                missed.append((res["Text"], res["Resolution"].get("value")))
        extra = [(r["text"], r["value"] or f"[{r['low']},{r['high']}]") for i, r in enumerate(got) if i not in used]
        if missed or (show_extra and extra):
            print(f"{d['text'][:110]!r}\n   missed {missed}\n   got    {[(r['text'], r['value'] or (r['low'], r['high'])) for r in got]}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--extra" in sys.argv)
