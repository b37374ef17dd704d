#!/usr/bin/env python3
"""Lists entity errors on CoNLL-2003 dev from a run kept with
`score.py run ner GOLD --gleaner BIN --keep DIR`, matched as score.py matches them (imported by
path). Only the tuning part of the dev file is read: every fifth document (the held-out fifth that
`gleaner-train --held-out` scores) is skipped, so reading errors never spends it.

    python3 eval/ner_errors.py GOLD DIR [type|boundary|missed|spurious] [N]
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the reference scorer, not copied)


def main(gold_path, run_dir, what="type", n=40):
    docs = score.gold_docs("ner", gold_path)
    ments = score.by_doc(score.table(os.path.join(run_dir, "out"), "mentions"))
    kinds = collections.Counter()
    shown = collections.Counter()
    for i, d in enumerate(docs):
        if i % 5 == 4:
            continue
        text = d["text"]
        gold = {(s, e): t for s, e, t in d["spans"]}
        got = {}
        for r in ments.get(d["id"], []):
            t = score.CONLL03.get(r["label"])
            if t:
                got[(int(r["start"]), int(r["end"]))] = (t, r["label"])
        for (s, e), t in gold.items():
            if (s, e) in got:
                if got[(s, e)][0] != t:
                    kinds["type"] += 1
                    if what == "type":
                        shown[f"{text[s:e]!r} gold {t} got {got[(s, e)][1]}"] += 1
                continue
            overlap = [(a, b) for (a, b) in got if a < e and s < b]
            if overlap:
                kinds["boundary"] += 1
                if what == "boundary":
                    a, b = overlap[0]
                    shown[f"gold {text[s:e]!r} {t} got {text[a:b]!r}"] += 1
            else:
                kinds["missed"] += 1
                if what == "missed":
                    line = text[text.rfind(chr(10), 0, s) + 1:text.find(chr(10), e)]
                    shown[f"{text[s:e]!r} {t}  | {line[:100]}"] += 1
        for (a, b), (t, label) in got.items():
            if (a, b) not in gold and not any(s < b and a < e for s, e in gold):
                kinds["spurious"] += 1
                if what == "spurious":
                    line = text[text.rfind(chr(10), 0, a) + 1:text.find(chr(10), b)]
                    shown[f"{text[a:b]!r} {label}  | {line[:100]}"] += 1
    print(dict(kinds))
    for k, c in shown.most_common(int(n)):
        print(f"{c:4d}  {k}")


if __name__ == "__main__":
    main(*sys.argv[1:])
