#!/usr/bin/env python3
"""Check tests/events/modern_events.jsonl against its source texts (which are not stored in the repo).

  python3 tests/events/check_modern_events.py [GOLD] [--shared ../shared/eval]

Checks: record and event fields and their types; source/split/cased/published; template numbering;
that every filler alias and every location part occurs verbatim (case-sensitive) in the source text;
that the evidence is a verbatim quote of at most 15 words; date_values are YYYY-MM-DD; killed/wounded are
[low, high] with low <= high (high may be null: "more than"/"at least"); optional_fillers indices exist;
victim_names aliases are also victim aliases; and, if pyarrow is importable, that score_events.py's
evaluate() runs on the file (no predictions) without error.  Exit status 1 on any problem.
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROLES = ["perp_individuals", "perp_orgs", "targets", "victims", "victim_names", "weapons"]
TYPES = {"attack", "bombing", "kidnapping", "arson", "robbery", "arrest", "protest", "disaster"}
EVENT_KEYS = ["template", "optional", "type", "subtype", "date", "date_values", "location", "location_parts",
              *ROLES, "optional_fillers", "killed", "wounded", "evidence"]
SOURCES = {"bbc_news": "corpus/bbc_news.jsonl", "polnear_dev": "polnear/dev_input.jsonl"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=os.path.join(HERE, "modern_events.jsonl"))
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(HERE, "../../../shared/eval")))
    a = ap.parse_args()
    texts = {}
    for src, rel in SOURCES.items():
        for line in open(os.path.join(a.shared, rel), encoding="utf-8"):
            r = json.loads(line)
            texts[(src, r["id"])] = r
    docs = [json.loads(l) for l in open(a.gold, encoding="utf-8")]
    problems = []

    def bad(doc, msg):
        problems.append(f"{doc}: {msg}")

    seen = set()
    n_alias = 0
    for d in docs:
        did = d.get("id")
        if set(d) != {"id", "source", "split", "cased", "published", "events"}:
            bad(did, f"record keys {sorted(d)}")
        if did in seen:
            bad(did, "duplicate id")
        seen.add(did)
        rec = texts.get((d.get("source"), did))
        if rec is None:
            bad(did, "not found in source " + str(d.get("source")))
            continue
        text = rec["text"]
        if d["split"] not in ("dev", "heldout"):
            bad(did, "split " + str(d["split"]))
        if d["cased"] is not True:
            bad(did, "cased must be true")
        if d["published"] != rec.get("published"):
            bad(did, f"published {d['published']} != source {rec.get('published')}")
        for i, ev in enumerate(d["events"], 1):
            tag = f"{did} #{i}"
            if list(ev) != EVENT_KEYS:
                bad(tag, f"event keys {list(ev)}")
                continue
            if ev["template"] != i:
                bad(tag, "template number")
            if not isinstance(ev["optional"], bool):
                bad(tag, "optional not bool")
            if any(t not in TYPES for t in ev["type"].split(" / ")):
                bad(tag, "type " + ev["type"])
            for dv in ev["date_values"]:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dv):
                    bad(tag, "date value " + dv)
            if ev["date_values"] and not ev["date"]:
                bad(tag, "date_values without date")
            if bool(ev["location"]) != bool(ev["location_parts"]):
                bad(tag, "location vs location_parts")
            for p in ev["location_parts"]:
                n_alias += 1
                if p not in text:
                    bad(tag, f"location part not in text: {p!r}")
            for role in ROLES:
                for f in ev[role]:
                    if not f or not all(isinstance(x, str) and x for x in f):
                        bad(tag, f"{role}: empty filler or alias {f!r}")
                    if len(set(f)) != len(f):
                        bad(tag, f"{role}: repeated alias {f!r}")
                    for alias in f:
                        n_alias += 1
                        if alias not in text:
                            bad(tag, f"{role}: alias not in text: {alias!r}")
            victim_aliases = {x for f in ev["victims"] for x in f}
            for f in ev["victim_names"]:
                for alias in f:
                    if alias not in victim_aliases:
                        bad(tag, f"victim name alias not among victims: {alias!r}")
            for role, idx in ev["optional_fillers"].items():
                if role not in ROLES or any(not 0 <= j < len(ev[role]) for j in idx):
                    bad(tag, f"optional_fillers {role} {idx}")
            for k in ("killed", "wounded"):
                v = ev[k]
                if v is not None and not (isinstance(v, list) and len(v) == 2 and isinstance(v[0], int)
                                          and (v[1] is None or (isinstance(v[1], int) and v[0] <= v[1]))):
                    bad(tag, f"{k} {v}")
            evid = ev["evidence"]
            if not evid or evid not in text:
                bad(tag, f"evidence not a verbatim quote: {evid!r}")
            elif len(evid.split()) > 15:
                bad(tag, f"evidence longer than 15 words ({len(evid.split())})")

    # The scorer must be able to read the file unchanged.
    scorer = os.path.join(a.shared, "score_events.py")
    if importlib.util.find_spec("pyarrow"):
        spec = importlib.util.spec_from_file_location("score_events", scorer)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        res = mod.evaluate(docs, {}, False)
        scorer_note = f"score_events.evaluate() ran: {res['type_acc']['n']} scored templates, " \
                      f"{res['micro (6 roles)']['fn']} gold fillers (no predictions)"
    else:
        scorer_note = "pyarrow not importable: score_events.evaluate() not run"

    events = [e for d in docs for e in d["events"]]
    req = [e for e in events if not e["optional"]]
    print(f"{len(docs)} documents ({sum(1 for d in docs if d['events'])} with incidents, "
          f"{sum(1 for d in docs if not d['events'])} without), {len(events)} templates "
          f"({len(req)} required, {len(events) - len(req)} optional), {n_alias} aliases/location parts checked")
    for split in ("dev", "heldout"):
        ds = [d for d in docs if d["split"] == split]
        es = [e for d in ds for e in d["events"]]
        print(f"  {split}: {len(ds)} documents, {len(es)} templates "
              f"({sum(1 for e in es if not e['optional'])} required)")
    print("  types (required / optional):", dict(sorted(collections.Counter(
        e["type"] + (" (opt)" if e["optional"] else "") for e in events).items())))
    print("  subtypes:", dict(sorted(collections.Counter(e["subtype"] for e in events).items())))
    fill = {r: sum(len(e[r]) for e in req) for r in ROLES}
    fill["location"] = sum(1 for e in req if e["location_parts"])
    fill["date_values"] = sum(1 for e in req if e["date_values"])
    fill["optional fillers"] = sum(len(v) for e in req for v in e["optional_fillers"].values())
    print("  fillers in required templates:", fill)
    print("  " + scorer_note)
    if problems:
        print(f"{len(problems)} PROBLEMS:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK: no problems")


if __name__ == "__main__":
    main()
