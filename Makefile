# The two commands of the README: `make run` and `make check`.
# Both install what is missing, configure, build, and then run.

BUILDDIR  ?= build
ASANDIR   ?= build-asan
FUZZDIR   ?= build-fuzz
PREFIX    ?= $(CURDIR)/$(BUILDDIR)/install
MESON_OPTS ?= -Dwerror=true
XVFB      := xvfb-run -a -s '-screen 0 1280x800x24'
PYTHON    := /usr/bin/python3

.PHONY: all deps deps-check setup build install run check check-asan check-leaks bench fuzz clean

all: build

deps:
	@./build-aux/install-deps.sh build

deps-check:
	@./build-aux/install-deps.sh check

$(BUILDDIR)/build.ninja:
	meson setup $(BUILDDIR) --prefix=$(PREFIX) $(MESON_OPTS)

setup: $(BUILDDIR)/build.ninja

build: deps setup
	meson compile -C $(BUILDDIR)

# Installed into the build tree so that translations, icons and the
# settings schema are found exactly as they will be after a real install.
install: build
	meson install -C $(BUILDDIR) --quiet

run: install
	XDG_DATA_DIRS="$(PREFIX)/share:$${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
	GSETTINGS_SCHEMA_DIR="$(PREFIX)/share/glib-2.0/schemas" \
	$(PREFIX)/bin/tillit

# The whole suite under Xvfb, then the tests without a display again under
# AddressSanitizer and UndefinedBehaviorSanitizer, then every UI test once
# under LeakSanitizer; one summary for all three.
# TESTS=... narrows the first run and skips the sanitizer runs.
check: deps-check setup
	meson compile -C $(BUILDDIR)
	@status=0; logs=$(BUILDDIR)/meson-logs/testlog.json; \
	$(XVFB) meson test -C $(BUILDDIR) --print-errorlogs $(TESTS) || status=$$?; \
	if [ -z "$(TESTS)" ]; then \
	  $(MAKE) --no-print-directory check-asan || status=1; \
	  logs="$$logs $(ASANDIR)/meson-logs/testlog.json"; \
	  $(MAKE) --no-print-directory check-leaks || status=1; \
	  logs="$$logs $(ASANDIR)/meson-logs/testlog-leaks.json"; \
	fi; \
	$(PYTHON) build-aux/test-summary.py $$logs || status=1; \
	exit $$status

$(ASANDIR)/build.ninja:
	meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args=-fno-omit-frame-pointer $(MESON_OPTS)

# LeakSanitizer is on (and said so), with no suppression at all.
SANITIZE_ENV := G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

check-asan: deps-check $(ASANDIR)/build.ninja
	$(SANITIZE_ENV) LSAN_OPTIONS= \
	  meson test -C $(ASANDIR) --suite unit --suite cli --print-errorlogs

# Every UI test once (suite leaks: English, light) in the ASan build, a
# leak fails it; tests/lsan.supp hides only the toolkit's own one-time
# allocations. Its own log, so that check-asan's stays for the summary.
check-leaks: deps-check $(ASANDIR)/build.ninja
	$(SANITIZE_ENV) GDK_DEBUG=gl-disable \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  $(XVFB) meson test -C $(ASANDIR) --suite leaks --logbase testlog-leaks --print-errorlogs

# Benchmarks print figures; they are not tests and never fail on speed,
# only on an error. Each runs under Xvfb in the tests' environment; its
# output is kept in $(BUILDDIR)/bench/, and the BENCH lines of all of
# them end as one table (also saved as $(BUILDDIR)/bench/table.md).
BENCH_ENV := GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILDDIR)/data \
	GTK_A11Y=none NO_AT_BRIDGE=1

bench: deps-check build
	@out=$(BUILDDIR)/bench; mkdir -p $$out; rm -f $$out/*; status=0; \
	for b in $(BUILDDIR)/tests/bench/bench-*; do \
	  [ -f "$$b" ] && [ -x "$$b" ] || continue; name=$${b##*/}; echo "== $$name"; \
	  { $(BENCH_ENV) $(XVFB) "$$b" 2>&1; echo $$? > $$out/$$name.status; } | tee $$out/$$name.txt; \
	  [ "$$(cat $$out/$$name.status)" = 0 ] || { echo "$$name failed" >&2; status=1; }; \
	  rm -f $$out/$$name.status; \
	done; \
	echo; $(PYTHON) build-aux/bench-table.py $$out/*.txt > $$out/table.md || status=1; \
	cat $$out/table.md; exit $$status

# libFuzzer on the import, under ASan and UBSan, from the seed corpus in
# tests/fuzz/corpus; what it finds and what it adds to the corpus stays in
# $(FUZZDIR)/corpus, crashes as $(FUZZDIR)/crash-*. Ten minutes by
# default; FUZZ_ARGS=-runs=10000000 for a fixed number of runs. Inputs
# stay under 8 KiB (the whole example is truncated) to keep runs cheap.
FUZZ_ARGS ?= -max_total_time=600

$(FUZZDIR)/build.ninja:
	CC=clang meson setup $(FUZZDIR) -Dfuzzing=true -Db_sanitize=address,undefined \
	  -Db_lundef=false -Dc_args=-fno-omit-frame-pointer $(MESON_OPTS)

fuzz:
	@./build-aux/install-deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZDIR)/build.ninja
	meson compile -C $(FUZZDIR) tests/fuzz/fuzz-import
	mkdir -p $(FUZZDIR)/corpus
	cp -n tests/fuzz/corpus/* data/examples/example-programme.xml \
	  tests/fixtures/exchange/*.xml tests/fixtures/fuzz/* $(FUZZDIR)/corpus/
	cd $(FUZZDIR) && TMPDIR=$$( [ -w /dev/shm ] && echo /dev/shm || echo $${TMPDIR:-/tmp} ) \
	  G_SLICE=always-malloc ASAN_OPTIONS=quarantine_size_mb=16 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ./tests/fuzz/fuzz-import \
	  -dict=$(CURDIR)/tests/fuzz/tillit.dict -print_final_stats=1 -max_len=8192 \
	  $(FUZZ_ARGS) corpus

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(FUZZDIR)
