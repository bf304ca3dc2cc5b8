# The two commands of the README: `make run` and `make check`.
# Both install what is missing, configure, build, and then run.

BUILDDIR  ?= build
ASANDIR   ?= build-asan
PREFIX    ?= $(CURDIR)/$(BUILDDIR)/install
MESON_OPTS ?= -Dwerror=true
XVFB      := xvfb-run -a -s '-screen 0 1280x800x24'
PYTHON    := /usr/bin/python3

.PHONY: all deps deps-check setup build install run check check-asan bench clean

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

clean:
	rm -rf $(BUILDDIR) $(ASANDIR)
