#!/usr/bin/env python3
"""End-to-end browser test of `gleaner report`: the static, offline HTML site, opened from file://
in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright for Python).

    browser_test.py --gleaner target/release/gleaner --data DATA_DIR --report REPORT_DIR \
                    [--shots target/report-shots] [--expect-injection] [--skip-generate]

Runs `gleaner report DATA_DIR --out REPORT_DIR --force`, then opens index.html, documents/index.html,
entities/index.html, every documents/d{N}.html (N < 50), at least 3 entity pages linked from the
overview, and network.html / timeline.html / map.html where present. On every page it opens, it fails
on a console error, an uncaught exception (pageerror), a dialog (alert/confirm/prompt), a request to
anything but a local file (file:, or data:/blob:/about: which never leave the machine), a local
request that fails (a missing stylesheet or script), and a relative link to a file that does not exist.

On each document page it checks the highlights against the dataset read with pyarrow:
  - <body data-doc-id> is documents.parquet row N's doc_id, and #text's textContent is its text exactly;
  - every mentions/dates/numbers/quotes row of the document has elements [data-row="{kind}-{idx}"]
    (pieces, when highlights cross), whose textContents concatenated in document order are the row's
    text, the first piece's data-start is the row's start, and each piece sits at that place of #text
    (its offset in #text's textContent, in code points, is start + the lengths of the earlier pieces;
    a later piece's data-start, where it has one, is that offset too);
  - no data-row on the page names anything but a row of this document;
  - mention pieces are <a href="../entities/e{K}.html"> to a file that exists; one entity, one page;
  - window.__pwned stays undefined (the injection corpus's <script> and <img onerror> must come out
    as text), and the document whose text holds "<script>" shows the literal "<script>".

Prints 'report browser test: N pages, M highlighted rows checked' and exits 0, or lists every
failure and exits 1. Screenshots (full page) go to --shots: overview.png, document.png, entity.png,
and network.png / map.png / timeline.png when those pages exist.

Needs Debian's chromium (apt-get install chromium) and tests/report/requirements.txt; Playwright's
own browser download (`playwright install`) is never used. $CHROMIUM overrides /usr/bin/chromium.
"""
import argparse
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pyarrow.parquet as pq

MAX_DOC_PAGES = 50
MIN_ENTITY_PAGES = 3
MAX_ENTITY_PAGES = 5
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# (table, kind used in data-row, index column)
SPAN_TABLES = [("mentions", "mention", "mention_idx"), ("dates", "date", "date_idx"),
               ("numbers", "number", "number_idx"), ("quotes", "quote", "quote_idx")]
# Schemes that never leave the machine. Everything else (http:, https:, ws:, ...) is a failure.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
ENTITY_HREF = re.compile(r"^\.\./entities/e[^/?#]+\.html$")
OPTIONAL_PAGES = ["network", "timeline", "map"]

# One pass over the page: every [data-row] element, with its offset in #text's textContent counted
# in code points (null when it is not inside #text), and whether an ancestor carries the same
# data-row (then its text is already counted in that ancestor's). Also every <a href> (raw).
COLLECT_JS = r"""
() => {
  const cps = s => { let n = 0; for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i);
                     if (c < 0xDC00 || c > 0xDFFF) n++; } return n; };
  const root = document.getElementById('text');
  const offset = new Map();
  if (root) {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let pos = 0, n = w.currentNode;
    while (n) {
      if (n.nodeType === Node.TEXT_NODE) pos += cps(n.data);
      else if (n.hasAttribute('data-row')) offset.set(n, pos);
      n = w.nextNode();
    }
  }
  const pieces = [];
  for (const el of document.querySelectorAll('[data-row]')) {
    const row = el.getAttribute('data-row');
    let nested = false;
    for (let a = el.parentElement; a; a = a.parentElement)
      if (a.getAttribute('data-row') === row) { nested = true; break; }
    pieces.push({row, tag: el.tagName.toLowerCase(), href: el.getAttribute('href'),
                 start: el.getAttribute('data-start'), text: el.textContent,
                 offset: offset.has(el) ? offset.get(el) : null, nested});
  }
  return {
    docId: document.body ? document.body.getAttribute('data-doc-id') : null,
    text: root ? root.textContent : null,
    pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
    pieces,
  };
}
"""
LINKS_JS = "() => Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'))"


class Failures(list):
    def add(self, where, what):
        self.append(f"{where}: {what}")


def read_dataset(data):
    docs = pq.read_table(os.path.join(data, "documents.parquet"), columns=["doc_id", "text"]).to_pylist()
    spans = {}  # doc_id -> {data-row value: (start, text, entity_id or None)}
    for table, kind, idx in SPAN_TABLES:
        cols = ["doc_id", idx, "start", "text"] + (["entity_id"] if table == "mentions" else [])
        for r in pq.read_table(os.path.join(data, f"{table}.parquet"), columns=cols).to_pylist():
            spans.setdefault(r["doc_id"], {})[f"{kind}-{r[idx]}"] = (r["start"], r["text"], r.get("entity_id"))
    n_entities = pq.read_metadata(os.path.join(data, "entities.parquet")).num_rows
    return docs, spans, n_entities


def file_url(path):
    return Path(path).resolve().as_uri()


def local_target(page_path, href):
    """The file a relative href points to, or None for an absolute URL, a fragment or a query only."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return os.path.normpath(os.path.join(os.path.dirname(page_path), urllib.parse.unquote(parts.path)))


class Browser:
    """Opens one page per file in a fresh Playwright page, recording what must not happen on it."""

    def __init__(self, p, report, failures):
        exe = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        if not os.path.exists(exe):
            sys.exit(f"report browser test: {exe} not found; install Debian's chromium "
                     "(apt-get install -y chromium) or set $CHROMIUM")
        # Playwright gives every launch a new empty --user-data-dir of its own (and refuses one in args).
        self.browser = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_FLAGS)
        self.context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(30_000)
        self.report = report
        self.failures = failures
        self.pages = 0

    def open(self, rel, settle_ms=0):
        """Loads REPORT/rel from file://; returns the page (caller closes it) or None if it didn't load."""
        where = rel
        path = os.path.join(self.report, rel)
        page = self.context.new_page()
        f = self.failures
        page.on("console", lambda m: m.type == "error" and f.add(where, f"console error: {m.text}"))
        page.on("pageerror", lambda e: f.add(where, f"uncaught exception: {e}"))

        def on_dialog(d):
            f.add(where, f"dialog opened ({d.type}): {d.message!r}")
            d.dismiss()
        page.on("dialog", on_dialog)
        page.on("request", lambda r: r.url.startswith(LOCAL_SCHEMES)
                or f.add(where, f"request to a non-local URL: {r.url}"))
        page.on("requestfailed", lambda r: r.url.startswith(LOCAL_SCHEMES)
                and f.add(where, f"local request failed ({r.failure}): {r.url}"))
        self.pages += 1
        if not os.path.isfile(path):
            f.add(where, "page does not exist")
            page.close()
            return None
        try:
            page.goto(file_url(path), wait_until="load")
            if settle_ms:
                page.wait_for_timeout(settle_ms)
        except Exception as e:  # noqa: BLE001 - a page that won't load is one failure among others
            f.add(where, f"did not load: {e}")
            page.close()
            return None
        for href in dict.fromkeys(page.evaluate(LINKS_JS)):
            target = local_target(path, href)
            if target is not None and not os.path.exists(target):
                f.add(where, f"link to a missing file: {href}")
        return page

    def close(self):
        self.context.close()
        self.browser.close()


def check_document(page, where, report, n, doc, spans, entity_pages, failures):
    """Checks one document page against the dataset; returns the number of rows checked."""
    got = page.evaluate(COLLECT_JS)
    if got["docId"] != doc["doc_id"]:
        failures.add(where, f"body data-doc-id is {got['docId']!r}, documents row {n} is {doc['doc_id']!r}")
    if got["text"] is None:
        failures.add(where, "no #text element")
    elif got["text"] != doc["text"]:
        i = next((i for i, (a, b) in enumerate(zip(got["text"], doc["text"])) if a != b),
                 min(len(got["text"]), len(doc["text"])))
        failures.add(where, f"#text differs from documents.text at code point {i}: "
                            f"page {got['text'][i:i + 40]!r}, dataset {doc['text'][i:i + 40]!r} "
                            f"(lengths {len(got['text'])} and {len(doc['text'])})")
    if got["pwned"] is not None:
        failures.add(where, f"window.__pwned is {got['pwned']} (document text ran as HTML/script)")
    if "<script>" in doc["text"] and (got["text"] is None or "<script>" not in got["text"]):
        failures.add(where, "the document's text holds '<script>' but #text does not show it literally")

    pieces = {}
    for piece in got["pieces"]:
        pieces.setdefault(piece["row"], []).append(piece)
    for row in sorted(set(pieces) - set(spans)):
        failures.add(where, f"data-row={row!r} is not a row of {doc['doc_id']!r}")

    for row, (start, text, entity_id) in spans.items():
        mine = [p for p in pieces.get(row, []) if not p["nested"]]
        if not mine:
            failures.add(where, f"{row} ({text!r} at {start}): no element with data-row={row!r}")
            continue
        joined = "".join(p["text"] for p in mine)
        if joined != text:
            failures.add(where, f"{row}: pieces read {joined!r}, the row's text is {text!r}")
        if mine[0]["start"] != str(start):
            failures.add(where, f"{row} ({text!r}): first piece has data-start={mine[0]['start']!r}, row start is {start}")
        at = start
        for i, p in enumerate(mine):
            if p["offset"] is None:
                failures.add(where, f"{row} ({text!r}): piece {i} is not inside #text")
            elif p["offset"] != at:
                failures.add(where, f"{row} ({text!r}): piece {i} sits at code point {p['offset']} of #text, "
                                    f"expected {at}")
            if i > 0 and p["start"] is not None and p["start"] != str(at):
                failures.add(where, f"{row} ({text!r}): piece {i} has data-start={p['start']!r}, "
                                    f"it starts at {at} (a later piece's data-start is its own start)")
            at += len(p["text"])
        if row.startswith("mention-"):
            for i, p in enumerate(mine):
                href = p["href"] or ""
                if p["tag"] != "a" or not ENTITY_HREF.match(href):
                    failures.add(where, f"{row} ({text!r}): piece {i} is <{p['tag']} href={p['href']!r}>, "
                                        "expected <a href=\"../entities/e{K}.html\">")
                    continue
                target = os.path.normpath(os.path.join(report, "documents", href))
                if not os.path.isfile(target):
                    failures.add(where, f"{row} ({text!r}): links {href}, which does not exist")
                rel = os.path.relpath(target, report)
                entity_pages.setdefault(entity_id, set()).add(rel)
    return len(spans)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gleaner", help="the gleaner binary (runs `gleaner report DATA --out REPORT --force`)")
    ap.add_argument("--data", required=True, help="dataset folder written by `gleaner run`")
    ap.add_argument("--report", required=True, help="where the report is written")
    ap.add_argument("--shots", default="target/report-shots", help="folder for the PNG screenshots")
    ap.add_argument("--expect-injection", action="store_true",
                    help="fail unless some document's text holds '<script>' (the injection corpus)")
    ap.add_argument("--skip-generate", action="store_true",
                    help="test the report already in --report instead of running gleaner report")
    args = ap.parse_args()
    if not args.skip_generate and not args.gleaner:
        ap.error("--gleaner is required (or --skip-generate to test an existing report)")

    from playwright.sync_api import sync_playwright

    t0 = time.time()
    if not args.skip_generate:
        cmd = [args.gleaner, "report", args.data, "--out", args.report, "--force"]
        try:
            subprocess.run(cmd, check=True)
        except (subprocess.CalledProcessError, OSError) as e:
            print(f"FAIL {' '.join(cmd)}: {e}")
            print("report browser test: 1 failures; the report was not written")
            return 1
    report = os.path.abspath(args.report)
    os.makedirs(args.shots, exist_ok=True)
    docs, spans, n_entities = read_dataset(args.data)
    failures = Failures()
    notes = []
    rows_checked = 0
    entity_pages = {}  # entity_id -> set of pages its mentions link (relative to report)

    with sync_playwright() as p:
        b = Browser(p, report, failures)
        try:
            page = b.open("index.html")
            overview_links = []
            if page:
                page.screenshot(path=os.path.join(args.shots, "overview.png"), full_page=True)
                overview_links = page.evaluate(LINKS_JS)
                page.close()
            entity_links = []
            for rel in ("documents/index.html", "entities/index.html"):
                page = b.open(rel)
                if page:
                    if rel.startswith("entities/") and not entity_links:
                        entity_links = [local_target(os.path.join(report, rel), h) for h in page.evaluate(LINKS_JS)]
                    page.close()

            n_pages = min(len(docs), MAX_DOC_PAGES)
            if len(docs) > n_pages:
                notes.append(f"{len(docs)} documents: only the first {n_pages} document pages are checked")
            injection_seen = False
            for n in range(n_pages):
                rel = f"documents/d{n}.html"
                page = b.open(rel)
                if not page:
                    continue
                doc = docs[n]
                injection_seen |= "<script>" in doc["text"]
                rows_checked += check_document(page, rel, report, n, doc, spans.get(doc["doc_id"], {}),
                                               entity_pages, failures)
                if n == 0:
                    page.screenshot(path=os.path.join(args.shots, "document.png"), full_page=True)
                page.close()
            if not injection_seen:
                (failures.add if args.expect_injection else lambda w, m: notes.append(m))(
                    "injection", "no checked document holds '<script>': only window.__pwned was checked")
            for entity_id, pages in entity_pages.items():
                if len(pages) > 1:
                    failures.add("entities", f"mentions of {entity_id} link {len(pages)} pages: {sorted(pages)}")
            by_page = {}
            for entity_id, pages in entity_pages.items():
                for rel in pages:
                    by_page.setdefault(rel, set()).add(entity_id)
            for rel, ids in by_page.items():
                if len(ids) > 1:
                    failures.add("entities", f"{rel} is linked by mentions of {len(ids)} entities: {sorted(ids)[:5]}")

            # Entity pages linked from the overview (else from entities/index.html).
            def entity_targets(paths):
                out = []
                for t in paths:
                    if t and os.path.dirname(t) == os.path.join(report, "entities") \
                            and re.match(r"e[^/]+\.html$", os.path.basename(t)) and t not in out:
                        out.append(t)
                return out
            targets = entity_targets(local_target(os.path.join(report, "index.html"), h) for h in overview_links)
            if len(targets) < MIN_ENTITY_PAGES:
                notes.append(f"index.html links {len(targets)} entity pages; taking more from entities/index.html")
                targets += [t for t in entity_targets(entity_links) if t not in targets]
            need = min(MIN_ENTITY_PAGES, n_entities)
            if len(targets) < need:
                failures.add("entities", f"{len(targets)} entity pages linked from the overview, expected at least {need}")
            for i, t in enumerate(targets[:MAX_ENTITY_PAGES]):
                rel = os.path.relpath(t, report)
                page = b.open(rel)
                if not page:
                    continue
                h1 = page.locator("h1")
                if h1.count() == 0 or not h1.first.text_content().strip():
                    failures.add(rel, "no <h1> or an empty one")
                if i == 0:
                    page.screenshot(path=os.path.join(args.shots, "entity.png"), full_page=True)
                page.close()

            for name in OPTIONAL_PAGES:
                rel = f"{name}.html"
                if not os.path.isfile(os.path.join(report, rel)):
                    notes.append(f"{rel} not in the report: skipped")
                    continue
                page = b.open(rel, settle_ms=1000)  # let scripted drawing (layout, tiles) run
                if page:
                    page.screenshot(path=os.path.join(args.shots, f"{name}.png"), full_page=True)
                    page.close()
        finally:
            b.close()

    for note in notes:
        print(f"note: {note}")
    print(f"note: {time.time() - t0:.1f} s")
    summary = f"{b.pages} pages, {rows_checked} highlighted rows checked"
    if failures:
        for f in failures:
            print(f"FAIL {f}")
        print(f"report browser test: {len(failures)} failures; {summary}")
        return 1
    print(f"report browser test: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
