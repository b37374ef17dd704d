#!/usr/bin/env python3
"""Check tests/quotes/modern_quotes.jsonl (quotation + speaker gold on BBC News, PolNeAR shape) against the texts.

  python3 tests/quotes/check_modern_quotes.py [--gold FILE] [--corpus ../shared/eval/corpus/bbc_news.jsonl]
          [--write-gold OUT.jsonl] [--write-input OUT.jsonl] [--split dev|heldout|all]

The gold stores no article text (`"text": null`, BBC copyright).  The text of each document is the `text` field of
the record with the same `id` in bbc_news.jsonl (not the title).  Checks, for every quote:
  * spans sorted, non-empty, non-overlapping, no leading/trailing whitespace, start == first span start, end == last
    span end; `text` == the fragments text[s:e] joined with one space (PolNeAR's convention), so for a single-span
    quote `text` == text[start:end];
  * speaker == text[speaker_start:speaker_end] (and the speaker span lies outside the content), or all speaker fields
    null with attribution_type "Attribution-no-source"; cue == text[cue_start:cue_end];
  * kind in direct / mixed / indirect (differences from PolNeAR's quotation-mark heuristic are listed, not errors);
  * no two quotes of a document share content characters (score_quotes.py gives each prediction to one gold quote);
  * record fields: source "bbc_news", split dev/heldout (every third document held out), published null, text null.
Prints counts per kind and split.  Exit status 1 on any error.

--write-gold OUT: writes a copy of the gold with `text` filled in from the corpus (what score_quotes.py compares with
the run's documents table).  --write-input OUT: writes the gleaner input ({"id","text","published","title"} per line,
the same shape as polnear/dev_input.jsonl).  Both default to every split; pass --split dev to leave the held-out
documents out.  Write them outside the repository: they contain the articles.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "../../../shared/eval/corpus/bbc_news.jsonl"))
if not os.path.exists(DEFAULT_CORPUS):
    DEFAULT_CORPUS = "/work/shared/eval/corpus/bbc_news.jsonl"
KINDS = ("direct", "mixed", "indirect")
FIELDS = ["start", "end", "spans", "text", "kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start",
          "cue_end", "attribution_type"]


def polnear_kind(content):
    """The heuristic of polnear/README.md: direct if the content begins with a double quotation mark and ends with
    one (ignoring trailing , . ; :), mixed if it has one anywhere else, otherwise indirect."""
    s = content.rstrip(",.;:")
    if len(s) > 1 and s[0] in "\"“«„" and s[-1] in "\"”»":
        return "direct"
    return "mixed" if any(c in content for c in "\"“”«»„") else "indirect"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(HERE, "modern_quotes.jsonl"))
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--write-gold")
    ap.add_argument("--write-input")
    ap.add_argument("--split", default="all", choices=["all", "dev", "heldout"])
    a = ap.parse_args()

    corpus = {}
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            corpus[r["id"]] = r
    errors, notes = [], []

    def err(doc, i, msg):
        errors.append(f"{doc} quote {i}: {msg}")

    recs = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    seen = set()
    n_kind = collections.Counter()
    n_docs = collections.Counter()
    extra = collections.Counter()
    for pos, d in enumerate(recs):
        did = d.get("id")
        if did in seen:
            errors.append(f"{did}: duplicate document")
        seen.add(did)
        if did not in corpus:
            errors.append(f"{did}: not in {a.corpus}")
            continue
        t = corpus[did]["text"]
        if d.get("source") != "bbc_news" or d.get("published") is not None or d.get("text") is not None:
            errors.append(f"{did}: source must be bbc_news, published and text null")
        want_split = "heldout" if pos % 3 == 2 else "dev"
        if d.get("split") != want_split:
            errors.append(f"{did}: split {d.get('split')!r}, expected {want_split!r} (every third document held out)")
        n_docs[d.get("split")] += 1
        covered = {}
        qs = d.get("quotes") or []
        if [(q["start"], q["end"]) for q in qs] != sorted((q["start"], q["end"]) for q in qs):
            errors.append(f"{did}: quotes not sorted by (start, end)")
        for i, q in enumerate(qs):
            missing = [k for k in FIELDS if k not in q]
            if missing:
                err(did, i, f"missing fields {missing}")
                continue
            spans = q["spans"]
            ok = bool(spans) and all(isinstance(s, list) and len(s) == 2 and 0 <= s[0] < s[1] <= len(t) for s in spans)
            if not ok:
                err(did, i, f"bad spans {spans}")
                continue
            if spans != sorted(spans) or any(spans[k][1] > spans[k + 1][0] for k in range(len(spans) - 1)):
                err(did, i, f"spans unsorted or overlapping {spans}")
            if q["start"] != spans[0][0] or q["end"] != spans[-1][1]:
                err(did, i, f"start/end {q['start']},{q['end']} do not cover spans {spans} exactly")
            if any(not (q["start"] <= s <= e <= q["end"]) for s, e in spans):
                err(did, i, "a span lies outside [start, end]")
            frags = [t[s:e] for s, e in spans]
            if any(f != f.strip() for f in frags):
                err(did, i, "a content fragment starts or ends with whitespace")
            if q["text"] != " ".join(frags):
                err(did, i, f"text != fragments: {q['text'][:60]!r}")
            if len(spans) == 1 and q["text"] != t[q["start"]:q["end"]]:
                err(did, i, "text != text[start:end]")
            for s, e in spans:
                for c in range(s, e):
                    if c in covered:
                        err(did, i, f"content overlaps quote {covered[c]}")
                        break
                    covered[c] = i
            if q["kind"] not in KINDS:
                err(did, i, f"bad kind {q['kind']!r}")
            elif polnear_kind(q["text"]) != q["kind"]:
                notes.append(f"{did} quote {i}: kind {q['kind']} (PolNeAR heuristic: {polnear_kind(q['text'])}) "
                             f"{q['text'][:50]!r}")
            if q["attribution_type"] == "Attribution":
                ss, se = q["speaker_start"], q["speaker_end"]
                if not (isinstance(ss, int) and isinstance(se, int) and 0 <= ss < se <= len(t)):
                    err(did, i, "Attribution needs a speaker span")
                elif t[ss:se] != q["speaker"]:
                    err(did, i, f"speaker {q['speaker']!r} != text {t[ss:se]!r}")
                elif any(ss < e and s < se for s, e in spans):
                    err(did, i, "speaker span overlaps the content")
            elif q["attribution_type"] == "Attribution-no-source":
                if any(q[k] is not None for k in ("speaker", "speaker_start", "speaker_end")):
                    err(did, i, "Attribution-no-source must have null speaker fields")
                extra["no-source"] += 1
            else:
                err(did, i, f"bad attribution_type {q['attribution_type']!r}")
            if q["cue"] is None:
                if q["cue_start"] is not None or q["cue_end"] is not None:
                    err(did, i, "cue null but cue offsets set")
                extra["no cue"] += 1
            else:
                cs, ce = q["cue_start"], q["cue_end"]
                if not (isinstance(cs, int) and isinstance(ce, int) and 0 <= cs < ce <= len(t)) or t[cs:ce] != q["cue"]:
                    err(did, i, f"cue {q['cue']!r} does not match the text")
            n_kind[(d.get("split"), q["kind"])] += 1
            if len(spans) > 1:
                extra["multi-span"] += 1

    print(f"{a.gold}: {len(recs)} documents ({n_docs['dev']} dev, {n_docs['heldout']} heldout)")
    print(f"{'split':8} {'direct':>7} {'mixed':>6} {'indirect':>8} {'total':>6}")
    for sp in ("dev", "heldout"):
        row = [n_kind[(sp, k)] for k in KINDS]
        print(f"{sp:8} {row[0]:7d} {row[1]:6d} {row[2]:8d} {sum(row):6d}")
    row = [sum(n_kind[(sp, k)] for sp in ("dev", "heldout")) for k in KINDS]
    print(f"{'all':8} {row[0]:7d} {row[1]:6d} {row[2]:8d} {sum(row):6d}   (quoted = direct+mixed: {row[0] + row[1]})")
    print(f"multi-span: {extra['multi-span']}, no-source: {extra['no-source']}, no cue: {extra['no cue']}")
    for n in notes:
        print("note:", n)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")

    keep = [d for d in recs if a.split == "all" or d.get("split") == a.split]
    if a.write_gold and not errors:
        with open(a.write_gold, "w", encoding="utf-8") as f:
            for d in keep:
                f.write(json.dumps(dict(d, text=corpus[d["id"]]["text"]), ensure_ascii=False) + "\n")
    if a.write_input and not errors:
        with open(a.write_input, "w", encoding="utf-8") as f:
            for d in keep:
                r = corpus[d["id"]]
                f.write(json.dumps({"id": r["id"], "text": r["text"], "published": None, "title": r["title"]},
                                   ensure_ascii=False) + "\n")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
