#!/usr/bin/env python3
"""Lists timex errors on a TempEval-3 file from a run kept with
`score.py run timex GOLD --gleaner BIN --keep DIR`, matched as score.py matches them (imported by
path): missed gold, spurious predictions, span and value mismatches, most frequent first.

    python3 eval/timex_errors.py GOLD DIR [missed|spurious|span|value|conventions] [N]

`conventions` lists the value mismatches that differ only by an annotation convention where the
two TempEval-3 files disagree (AQUAINT writes years as 1949-XX, weeks as 2000-W7, decades as
198X, and drops the part of day of "Friday night" in some documents; TimeBank and TIMEX3 write
1949, 2000-W07, 198, 2000-01-07TNI), and counts them.
"""
import re
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the reference scorer, not copied)


def convention(v):
    """A TIMEX3 value with the conventions the two files disagree on taken out."""
    v = re.sub(r"(-XX)+$", "", v)
    v = re.sub(r"-W0(\d)", r"-W\1", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    return re.sub(r"T(NI|MO|EV|AF)$", "", v)


def main(gold_path, run_dir, what="value", n=40):
    docs = score.gold_docs("timex", gold_path)
    dates = score.by_doc(score.table(os.path.join(run_dir, "out"), "dates"))
    out = collections.Counter()
    examples = {}
    for d in docs:
        got = dates.get(d["id"], [])
        used = set()
        for g in d["timexes"]:
            best = None
            for i, r in enumerate(got):
                if i in used:
                    continue
                s, e = int(r["start"]), int(r["end"])
                if s < g["end"] and g["start"] < e and (best is None or (s, e) == (g["start"], g["end"])):
                    best = i
            if best is None:
                key = ("missed", g["text"].lower(), g["type"], g["value"])
            else:
                used.add(best)
                r = got[best]
                if what == "span" and (int(r["start"]), int(r["end"])) != (g["start"], g["end"]):
                    key = ("span", f"gold {g['text']!r} got {r['text']!r}")
                elif what == "conventions" and r["value"] != g["value"] and convention(r["value"]) == convention(g["value"]):
                    key = ("conventions", f"{g['text']!r} gold {g['value']} got {r['value']}")
                elif what == "value" and r["value"] != g["value"]:
                    key = ("value", f"{g['text']!r} gold {g['value']} got {r['value']} (dct {d['published']})")
                else:
                    continue
            out[key] += 1
        for i, r in enumerate(got):
            if i not in used:
                out[("spurious", r["text"].lower(), r["type"], r["value"])] += 1
    if what == "conventions":
        print(sum(c for k, c in out.items() if k[0] == "conventions"), "value mismatches are conventions only")
    for key, count in out.most_common():
        if key[0] == what:
            print(count, *key[1:])
            n -= 1
            if n == 0:
                break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(sys.argv[3:4] or ["value"]), *(int(a) for a in sys.argv[4:5]))
