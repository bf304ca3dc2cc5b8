# The two commands of the README: `make run` and `make check`.
# Both install what is missing, configure, build, and then run.

BUILDDIR  ?= build
ASANDIR   ?= build-asan
FUZZDIR   ?= build-fuzz
PREFIX    ?= $(CURDIR)/$(BUILDDIR)/install
MESON_OPTS ?= -Dwerror=true
XVFB      := xvfb-run -a -s '-screen 0 1280x800x24'
PYTHON    := /usr/bin/python3

.PHONY: all deps deps-check setup build install run check check-asan bench fuzz clean

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
# AddressSanitizer and UndefinedBehaviorSanitizer; one summary for both.
# TESTS=... narrows the first run and skips the sanitizer run.
check: deps-check setup
	meson compile -C $(BUILDDIR)
	@status=0; logs=$(BUILDDIR)/meson-logs/testlog.json; \
	$(XVFB) meson test -C $(BUILDDIR) --print-errorlogs $(TESTS) || status=$$?; \
	if [ -z "$(TESTS)" ]; then \
	  $(MAKE) --no-print-directory check-asan || status=1; \
	  logs="$$logs $(ASANDIR)/meson-logs/testlog.json"; \
	fi; \
	$(PYTHON) build-aux/test-summary.py $$logs || status=1; \
	exit $$status

$(ASANDIR)/build.ninja:
	meson setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args=-fno-omit-frame-pointer $(MESON_OPTS)

check-asan: deps-check $(ASANDIR)/build.ninja
	G_SLICE=always-malloc UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASANDIR) --suite unit --suite cli --print-errorlogs

# Benchmarks print figures; they are not tests and never fail on speed.
bench: build
	@for b in $(BUILDDIR)/tests/bench/bench-*; do \
	  [ -f "$$b" ] && [ -x "$$b" ] || continue; echo "== $${b##*/}"; "$$b" || exit 1; \
	done

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
