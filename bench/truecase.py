#!/usr/bin/env python3
"""Writes a mixed-case version of a JSONL file written all in capitals (MUC-4), as a proxy for
mixed-case wire copy of the same kind (MUC-4's held-out TST4 is mixed case; our dev copy is not).

    python3 bench/truecase.py IN.jsonl OUT.jsonl [--eval ../shared/eval]

Each word takes the case the news corpus of ../shared/eval/corpus (Reuters-21578 and BBC) writes
it in most often away from a sentence's start (lower case for "the", "attacked"; "Salvador" as a
name); a word the corpus never writes is a name (first letter capital); a sentence's first word
and a dateline's words are capitalized. Offsets do not move: only the case of letters changes.
The gold of score_events.py matches without regard to case, so it scores the output unchanged.
"""
import argparse
import collections
import json
import os
import re

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def case_table(corpus_files):
    forms = collections.defaultdict(collections.Counter)
    for path in corpus_files:
        for line in open(path, encoding="utf-8"):
            text = json.loads(line)["text"]
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                for k, m in enumerate(WORD.finditer(sentence)):
                    w = m.group()
                    if k == 0 or w.isupper() and len(w) > 1:
                        continue
                    forms[w.lower()][w] += 1
    return {w: c.most_common(1)[0][0] for w, c in forms.items()}


def truecase(text, table):
    out = []
    start = True
    last = 0
    for m in WORD.finditer(text):
        gap = text[last:m.start()]
        out.append(gap)
        if re.search(r"[.!?]\s*$|\n", gap) or (gap.strip() and gap.strip()[-1] in "[(\"") and not out[:-1]:
            start = True
        w = m.group()
        low = w.lower()
        form = table.get(low)
        if form is None:
            form = w if len(w) <= 4 and not re.search(r"[AEIOUY]", w) else w[0] + w[1:].lower()
            if len(w) <= 5 and w.isalpha() and low not in table and not re.search(r"[aeiouy]", low[1:]):
                form = w  # an acronym: FMLN, ELN
        if start:
            form = form[0].upper() + form[1:]
        out.append(form)
        start = False
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inp")
    ap.add_argument("out")
    ap.add_argument("--eval", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "eval"))
    a = ap.parse_args()
    corpus = os.path.join(a.eval, "corpus")
    table = case_table([os.path.join(corpus, f) for f in ("reuters21578.jsonl", "bbc_news.jsonl")])
    with open(a.out, "w", encoding="utf-8") as f:
        for line in open(a.inp, encoding="utf-8"):
            r = json.loads(line)
            r["text"] = truecase(r["text"], table)
            assert len(r["text"]) == len(json.loads(line)["text"])
            f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
