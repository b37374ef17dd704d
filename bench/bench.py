#!/usr/bin/env python3
"""Throughput benchmark of the whole `gleaner run` pipeline (not a test: it asserts nothing).

    bench.py --gleaner target/release/gleaner --corpus ../shared/eval/corpus [--scale 10] [--runs 1]
             [--big-mb 100]

Inputs: bbc_news.jsonl, reuters21578.jsonl, and the Reuters file repeated --scale times with
fresh ids (written once to target/bench/). Each input runs with --jobs 1 and --jobs 2, output
to target/bench/out. Reports input MB/s, words/s (white-space words of the `text` fields) and
the peak resident set size of the gleaner process (from wait4), and writes
target/bench/results.json. Standard library only.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", "target", "bench")


def words_of(path):
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n += len(json.loads(line).get("text", "").split())
    return n


def scaled(src, times):
    dst = os.path.join(WORK, f"reuters_x{times}.jsonl")
    if os.path.exists(dst) and os.path.getsize(dst) > 0:
        return dst
    with open(src, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    tmp = dst + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for copy in range(times):
            for r in records:
                r = dict(r, id=f"{copy}-{r['id']}")
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, dst)
    return dst


def big_inputs(bbc, mb):
    """The BBC stories joined by blank lines into one document of `mb` MB (repeated as needed),
    and the same bytes as stories in JSONL: a long document against as many small ones."""
    one = os.path.join(WORK, f"one_document_{mb}mb.txt")
    many = os.path.join(WORK, f"stories_{mb}mb.jsonl")
    if os.path.exists(one) and os.path.exists(many):
        return one, many
    with open(bbc, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    n = mb * 1024 * 1024
    with open(one + ".tmp", "w", encoding="utf-8") as doc, open(many + ".tmp", "w", encoding="utf-8") as jl:
        size, i = 0, 0
        while size < n:
            t = texts[i % len(texts)]
            doc.write(("\n\n" if i else "") + t)
            jl.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
            size += len(t.encode("utf-8")) + 2
            i += 1
    os.replace(one + ".tmp", one)
    os.replace(many + ".tmp", many)
    return one, many


def words_in_text(path):
    with open(path, encoding="utf-8") as f:
        return sum(len(line.split()) for line in f)


def run_once(gleaner, path, jobs, extra):
    out = os.path.join(WORK, "out")
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([gleaner, "run", path, "--out", out, "--jobs", str(jobs), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: gleaner failed on {path}: {err}")
    return secs, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--runs", type=int, default=1, help="runs per case; the fastest is reported")
    ap.add_argument("--big-mb", type=int, default=100,
                    help="size of the one-long-document case and its small-stories twin (0: skip)")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"bench: {args.corpus} not found; nothing to measure")
        return 0
    os.makedirs(WORK, exist_ok=True)
    bbc = os.path.join(args.corpus, "bbc_news.jsonl")
    reuters = os.path.join(args.corpus, "reuters21578.jsonl")
    # (name, input file, file whose words it holds, times over, jobs, extra options)
    inputs = [("bbc", bbc, bbc, 1), ("reuters", reuters, reuters, 1),
              (f"reuters x{args.scale}", scaled(reuters, args.scale), reuters, args.scale)]
    cases = [(name, path, src, times, jobs, []) for name, path, src, times in inputs for jobs in (1, 2)]
    cases.append(("reuters parquet only", reuters, reuters, 1, 2, ["--format", "parquet"]))
    cases.append(("reuters csv only", reuters, reuters, 1, 2, ["--format", "csv"]))
    word_cache = {}
    if args.big_mb > 0:
        one, many = big_inputs(bbc, args.big_mb)
        word_cache[one] = words_in_text(one)
        word_cache[many] = word_cache[one]
        for jobs in (1, 2):
            cases.append((f"one {args.big_mb} MB document", one, one, 1, jobs, []))
            cases.append((f"{args.big_mb} MB of stories", many, many, 1, jobs, []))
    results = []
    print(f"{'input':<24}{'jobs':>5}{'MB':>9}{'seconds':>9}{'MB/s':>8}{'words/s':>12}{'peak RSS MB':>13}{'CPU s':>8}")
    for name, path, src, times, jobs, extra in cases:
        if src not in word_cache:
            word_cache[src] = words_of(src)
        words = word_cache[src] * times
        best = min((run_once(args.gleaner, path, jobs, extra) for _ in range(args.runs)), key=lambda r: r[0])
        secs, rss, cpu = best
        mb = os.path.getsize(path) / 1e6
        row = {"input": name, "jobs": jobs, "options": extra, "mb": round(mb, 2), "seconds": round(secs, 3),
               "mb_per_s": round(mb / secs, 1), "words_per_s": round(words / secs), "peak_rss_mb": round(rss, 1),
               "cpu_seconds": round(cpu, 2), "words": words}
        results.append(row)
        print(f"{name:<24}{jobs:>5}{mb:>9.1f}{secs:>9.2f}{mb / secs:>8.1f}{words / secs:>12,.0f}{rss:>13.1f}{cpu:>8.1f}")
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
