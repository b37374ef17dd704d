#!/usr/bin/env python3
"""Lists timex errors on a TempEval-3 file from a run kept with
`score.py run timex GOLD --gleaner BIN --keep DIR`, matched as score.py matches them (imported by
path): missed gold, spurious predictions, span and value mismatches, most frequent first.

    python3 eval/timex_errors.py GOLD DIR [missed|spurious|span|value] [N]
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the reference scorer, not copied)


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
                elif what == "value" and r["value"] != g["value"]:
                    key = ("value", f"{g['text']!r} gold {g['value']} got {r['value']} (dct {d['published']})")
                else:
                    continue
            out[key] += 1
        for i, r in enumerate(got):
            if i not in used:
                out[("spurious", r["text"].lower(), r["type"], r["value"])] += 1
    for key, count in out.most_common():
        if key[0] == what:
            print(count, *key[1:])
            n -= 1
            if n == 0:
                break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(sys.argv[3:4] or ["value"]), *(int(a) for a in sys.argv[4:5]))
