#!/usr/bin/env python3
"""Writes dev and held-out splits of the Recognizers-Text specs under target/eval/ (never committed).

    python3 eval/split.py ../shared/eval/recognizers_text target/eval

Every 5th case (index % 5 == 4) of each file goes to <name>.heldout.json, the rest to <name>.dev.json.
Tune on dev only; report held-out once, at the end. score.py takes either file as GOLD.

For the Number* files it also writes <name>.{dev,heldout}.contract.json, where gold results that
the dataset contract puts outside the `numbers` table are removed, by these rules only (each
removal is printed):
  1. parts of an IP address ("192.168.1.2"): an address, not four quantities;
  2. parts of a numeric date ("5/17/2018"): the contract puts days and years in `dates`;
  3. European decimal commas ("1.111,11", "1,3"): the contract's text is English, where a comma
     groups thousands;
  4. digit strings read out digit by digit ("three-nought-four"): a code, not a quantity;
  5. the count of a duration ("3 years"): the contract puts durations in `dates` (P3Y);
  6. a number joined by a hyphen to a word in capitals ("SCP-173", "F-16"): part of a name, an
     id in the contract's words;
  7. parts of a phone number ("+1-222-2222/2222"): issue #3 lists phone numbers as not numbers.
The cases stay (their inputs are still run); only those gold results are dropped.
"""
import json
import os
import re
import sys

IP = re.compile(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
EURO = re.compile(r"^\d{1,3}(\.\d{3})*,\d+$")
DURATION = re.compile(r"^\s*(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b", re.I)
NAME_ID = re.compile(r"\b[A-Z]{2,}-\d+\b")
PHONE = re.compile(r"\+\d{1,3}(?:[-/ ]\d{2,4}){2,}")
DIGITS = re.compile(r"\b(zero|nought|one|two|three|four|five|six|seven|eight|nine)(-(zero|nought|one|two|three|four|five|six|seven|eight|nine)){2,}\b", re.I)


def out_of_contract(case, result):
    text, s, e = case["Input"], result.get("Start", 0), result.get("End", 0)
    for rule, pattern in (("ip address", IP), ("numeric date", DATE), ("digit string", DIGITS), ("name", NAME_ID), ("phone number", PHONE)):
        for m in pattern.finditer(text):
            if m.start() <= s and e < m.end():
                return rule
    if re.match(r"^\d+$", result.get("Text", "")) and DURATION.match(text[e + 1:]):
        return "duration"
    if EURO.match(result.get("Text", "")) and "," in result["Text"] and not re.match(r"^\d{1,3}(,\d{3})+$", result["Text"]):
        return "european decimal comma"
    return None


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(src, name), encoding="utf-8-sig") as f:
            cases = json.load(f)
        stem = name[:-5]
        for split, keep in (("dev", lambda i: i % 5 != 4), ("heldout", lambda i: i % 5 == 4)):
            part = [c for i, c in enumerate(cases) if keep(i)]
            with open(os.path.join(dst, f"{stem}.{split}.json"), "w", encoding="utf-8") as f:
                json.dump(part, f, ensure_ascii=False)
            if not stem.startswith("Number"):
                continue
            contract = []
            for c in part:
                kept = []
                for r in c.get("Results", []):
                    why = out_of_contract(c, r)
                    if why:
                        print(f"{stem}.{split}: dropped {r['Text']!r} of {c['Input'][:60]!r} ({why})")
                    else:
                        kept.append(r)
                contract.append(dict(c, Results=kept))
            with open(os.path.join(dst, f"{stem}.{split}.contract.json"), "w", encoding="utf-8") as f:
                json.dump(contract, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
