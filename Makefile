# The two commands of the README: `make run` and `make check`.
# Both install what is missing, configure, build, and then run.

BUILDDIR  ?= build
PREFIX    ?= $(CURDIR)/$(BUILDDIR)/install
MESON_OPTS ?= -Dwerror=true
XVFB      := xvfb-run -a -s '-screen 0 1280x800x24'
PYTHON    := /usr/bin/python3

.PHONY: all deps deps-check setup build install run check clean

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

check: deps-check setup
	meson compile -C $(BUILDDIR)
	@status=0; \
	$(XVFB) meson test -C $(BUILDDIR) --print-errorlogs $(TESTS) || status=$$?; \
	$(PYTHON) build-aux/test-summary.py $(BUILDDIR)/meson-logs/testlog.json || status=1; \
	exit $$status

clean:
	rm -rf $(BUILDDIR)
