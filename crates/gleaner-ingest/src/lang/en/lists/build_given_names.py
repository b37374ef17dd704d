"""Writes given_names.txt: words that begin person names in the CoNLL-2003 training split.

    python3 build_given_names.py ../../../../../../../shared/eval/conll2003/eng.train > given_names.txt

A word is kept when it begins at least two PER names of two words or more, begins more of them than
it ends, is written with a capital and letters only, and never appears in lower case in the
training text (so no function word that starts a misread name). Only the training split is read.
"""
import collections
import sys


def main(path):
    first, last, lower = collections.Counter(), collections.Counter(), set()
    span = []

    def flush():
        if len(span) >= 2:
            first[span[0]] += 1
            last[span[-1]] += 1
        span.clear()

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                flush()
                continue
            word, tag = parts[0], parts[-1]
            if word.islower():
                lower.add(word)
            if tag.endswith("PER"):
                if tag.startswith("B-"):
                    flush()
                span.append(word)
            else:
                flush()
    flush()
    words = sorted(w for w, n in first.items()
                   if n >= 2 and n > last[w] and w[0].isupper() and w.isalpha() and len(w) >= 2
                   and w.lower() not in lower)
    print("# Given names: words that begin two or more person names of the CoNLL-2003 training split")
    print("# (and begin more than they end). Derived data, rebuilt by build_given_names.py.")
    for w in words:
        print(w)


if __name__ == "__main__":
    main(sys.argv[1])
