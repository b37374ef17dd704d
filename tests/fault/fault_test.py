#!/usr/bin/env python3
"""Fault test of `gleaner run` (run by `make test`): over an existing dataset, a run is killed
with SIGINT, SIGTERM and SIGKILL at many moments (while reading, while writing, just before and
just after the swap that commits the new dataset), and the disk fills up; after each, the output
folder must hold exactly the old dataset or exactly the new one, with every offset valid, and
no staging folder left once the next run has started.

    fault_test.py --gleaner target/release/gleaner [--corpus ../shared/eval/corpus]

The moments around the commit are hit exactly with strace (its delay injection holds the
process just before or just after the renameat2 that swaps the folders); without strace those
cases are skipped with a message. The full disk needs root (a small tmpfs is mounted); without
it, that case is skipped with a message. Standard library only (and pandas, when installed, to
read the Parquet files back).
"""
import argparse
import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

csv.field_size_limit(1 << 30)
TABLES = ["documents", "sentences", "mentions", "entities", "numbers", "dates", "relations", "errors"]
checks = 0


def fail(msg):
    sys.exit(f"fault test FAILED: {msg}")


def stories(corpus, n, skip=0):
    """n news stories as JSONL lines (the BBC corpus when there, else generated text)."""
    path = os.path.join(corpus or "", "bbc_news.jsonl")
    if corpus and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
        return lines[skip:skip + n]
    out = []
    for i in range(skip, skip + n):
        text = " ".join(f"Jane Roe{i % 7} met John Doe in Lisbon on Friday, and at least {i} miners were killed."
                        for _ in range(20))
        out.append(json.dumps({"id": f"s{i}", "text": text, "published": "2021-08-27"}) + "\n")
    return out


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)


def fingerprint(folder):
    """Every file's SHA-256, and the manifest's row counts (its timings differ run to run)."""
    if not os.path.isdir(folder):
        return None
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name == "manifest.json":
            with open(path, encoding="utf-8") as f:
                m = json.load(f)
            out[name] = json.dumps({t: v["rows"] for t, v in m["tables"].items()}, sort_keys=True)
        else:
            with open(path, "rb") as f:
                out[name] = hashlib.sha256(f.read()).hexdigest()
    return out


def offsets_hold(folder):
    """The contract's offset rule on every span table (CSV): text[start:end] == row text."""
    global checks
    with open(os.path.join(folder, "documents.csv"), encoding="utf-8", newline="") as f:
        docs = {r["doc_id"]: r["text"] for r in csv.DictReader(f)}
    for table in ["sentences", "mentions", "numbers", "dates"]:
        with open(os.path.join(folder, f"{table}.csv"), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if docs[r["doc_id"]][int(r["start"]):int(r["end"])] != r["text"]:
                    fail(f"{folder}: {table} row {r} does not slice its document")
                checks += 1


def run(gleaner, inputs, out, extra=(), **kw):
    return subprocess.Popen([gleaner, "run", *inputs, "--out", out, "--jobs", "2", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def leftovers(out):
    parent, name = os.path.split(os.path.abspath(out))
    return [n for n in os.listdir(parent) if n.startswith(f".{name}.gleaner-")]


class Case:
    def __init__(self, gleaner, work, old_input, new_input):
        self.gleaner, self.work = gleaner, work
        self.old_input, self.new_input = old_input, new_input
        ref_old, ref_new = os.path.join(work, "ref-old"), os.path.join(work, "ref-new")
        for inp, ref in ((old_input, ref_old), (new_input, ref_new)):
            p = run(gleaner, [inp], ref)
            _, err = p.communicate()
            if p.returncode != 0:
                fail(f"the reference run failed: {err.decode(errors='replace')}")
            offsets_hold(ref)
        self.ref_old, self.ref_new = ref_old, ref_new
        self.old, self.new = fingerprint(ref_old), fingerprint(ref_new)
        if self.old == self.new:
            fail("the two reference datasets are the same")
        self.out = os.path.join(work, "data")

    def reset(self):
        shutil.rmtree(self.out, ignore_errors=True)
        shutil.copytree(self.ref_old, self.out)

    def verdict(self, what, allowed=("old", "new")):
        got = fingerprint(self.out)
        state = "old" if got == self.old else "new" if got == self.new else None
        if state is None:
            names = sorted(got) if got else got
            fail(f"{what}: the folder holds neither the old nor the new dataset: {names}")
        if state not in allowed:
            fail(f"{what}: expected the {' or '.join(allowed)} dataset, found the {state} one")
        offsets_hold(self.out)
        return state

    def next_run_cleans(self, what):
        """A following run removes what a killed one left, and commits."""
        p = run(self.gleaner, [self.new_input], self.out)
        _, err = p.communicate()
        if p.returncode != 0:
            fail(f"{what}: the next run failed: {err.decode(errors='replace')}")
        if leftovers(self.out):
            fail(f"{what}: the next run left {leftovers(self.out)}")
        self.verdict(f"{what}, next run", allowed=("new",))


def timed_kills(case, duration):
    seen = {}
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        for frac in (0.1, 0.5, 0.85, 0.95, 1.0, 1.1):
            case.reset()
            p = run(case.gleaner, [case.new_input], case.out)
            time.sleep(duration * frac)
            p.send_signal(sig)
            p.communicate()
            what = f"{sig.name} at {frac:.0%} of a run"
            state = case.verdict(what)
            seen[state] = seen.get(state, 0) + 1
            if sig != signal.SIGKILL:
                if state == "old" and p.returncode not in (128 + sig, -sig):
                    fail(f"{what}: exit code {p.returncode}, expected {128 + sig}")
                if leftovers(case.out):
                    fail(f"{what}: left {leftovers(case.out)} behind")
            case.next_run_cleans(what)
    print(f"fault test: timed kills, 18 runs: the folder held the old dataset {seen.get('old', 0)} times, "
          f"the new one {seen.get('new', 0)} times, never a mix")


def commit_kills(case):
    """Hold the process with strace just before / just after the swap, then signal it."""
    if not shutil.which("strace"):
        print("fault test: SKIPPED the kills at the commit (no strace; .ci/run installs it)")
        return
    for moment, expect in (("delay_enter", "old"), ("delay_exit", "new")):
        for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
            case.reset()
            log = os.path.join(case.work, "strace.log")
            if os.path.exists(log):
                os.remove(log)
            p = subprocess.Popen(["strace", "-f", "-qq", "-o", log, "-e", "trace=renameat2",
                                  "-e", f"inject=renameat2:{moment}=2000000",
                                  case.gleaner, "run", case.new_input, "--out", case.out, "--jobs", "2"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            started = time.time()
            while time.time() - started < 120:
                with open(log, encoding="utf-8", errors="replace") if os.path.exists(log) else open(os.devnull) as f:
                    seen = f.read()
                if "renameat2(" in seen and (moment == "delay_enter" or "= 0" in seen):
                    break
                time.sleep(0.02)
            else:
                fail(f"strace never saw the swap ({moment})")
            pid = int(seen.split()[0])
            os.kill(pid, sig)
            p.communicate()
            what = f"{sig.name} {'just before' if moment == 'delay_enter' else 'just after'} the swap"
            # SIGKILL before the swap: the old dataset. A SIGINT/SIGTERM that comes while the
            # swap is under way waits for it: the new one. After the swap: the new one.
            allowed = ("old",) if (sig == signal.SIGKILL and moment == "delay_enter") else ("new",)
            case.verdict(what, allowed)
            case.next_run_cleans(what)
    print("fault test: kills just before and just after the swap (strace), 6 runs: as expected")


def full_disk(case, corpus):
    if os.geteuid() != 0:
        print("fault test: SKIPPED the full disk (needs root to mount a small tmpfs)")
        return
    used = sum(os.path.getsize(os.path.join(case.ref_old, n)) for n in os.listdir(case.ref_old))
    new = sum(os.path.getsize(os.path.join(case.ref_new, n)) for n in os.listdir(case.ref_new))
    # Nothing fits; the old dataset fits but not the new one beside it (the disk fills mid-run).
    for size in (f"{used // 1024 + 64}k", f"{(used + new // 2) // 1024}k"):
        mnt = tempfile.mkdtemp(prefix="gleaner-fault-disk-")
        try:
            r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", mnt], capture_output=True)
            if r.returncode != 0:
                print(f"fault test: SKIPPED the full disk (mount failed: {r.stderr.decode(errors='replace').strip()})")
                return
            out = os.path.join(mnt, "data")
            shutil.copytree(case.ref_old, out)
            before = fingerprint(out)
            p = run(case.gleaner, [case.new_input], out)
            _, err = p.communicate()
            err = err.decode(errors="replace")
            if p.returncode != 1 or "No space left" not in err:
                fail(f"full disk ({size}): exit {p.returncode}, {err!r}")
            if err.count("os error 28") != 1:
                fail(f"full disk: the OS error is said once, not: {err!r}")
            if fingerprint(out) != before:
                fail(f"full disk ({size}): the dataset changed")
            if leftovers(out):
                fail(f"full disk ({size}): left {leftovers(out)}")
        finally:
            subprocess.run(["umount", mnt], capture_output=True)
            os.rmdir(mnt)
    print(f"fault test: full disk (tmpfs just over the old dataset, and with room for half the new one): "
          f"exit 1, one message, the old dataset untouched")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", required=True)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "eval", "corpus"))
    args = ap.parse_args()
    gleaner = os.path.abspath(args.gleaner)
    corpus = args.corpus if os.path.isdir(args.corpus) else None
    with tempfile.TemporaryDirectory(prefix="gleaner-fault-") as work:
        old_input, new_input = os.path.join(work, "old.jsonl"), os.path.join(work, "new.jsonl")
        write(old_input, stories(corpus, 60))
        write(new_input, stories(corpus, 500, skip=60))
        case = Case(gleaner, work, old_input, new_input)
        case.reset()
        started = time.time()
        p = run(gleaner, [new_input], case.out)
        p.communicate()
        duration = time.time() - started
        case.verdict("an undisturbed run", allowed=("new",))
        timed_kills(case, duration)
        commit_kills(case)
        full_disk(case, corpus)
    print(f"fault test: passed ({checks:,} offsets checked)")


if __name__ == "__main__":
    main()
