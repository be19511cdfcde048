# Ura's two commands: `make demo` (install what is missing, build, run the main job on the bundled
# corpus) and `make test` (install what is missing, build, run every test).
SWIFT ?= swift
# System packages the tests need beyond the build's own (the validators install their own).
TEST_PACKAGES ?= fop myspell-sq hunspell-en-us

.PHONY: all deps build release demo test eval bench clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

# The release binary links the Swift runtime and Foundation statically: it starts in a third of
# the time (no shared Swift libraries to load and bind), which is a tenth of an incremental build.
release: deps
	$(SWIFT) build -c release --product ura --static-swift-stdlib

## The main job on the bundled corpus: `ura build` (segment, align, check, review material,
## publish) into .build/demo. The corpus has no approved release, so the demo first approves two
## (the bilingual one and an English-only one) in a copy, .build/demo/corpus, through the
## terminology gate: corpus/ itself is never changed. The third stays a draft and appears in no
## output. Approval time and build date are the last commit's time, so the output is the same on
## every machine. PDFs are rendered when Apache FOP is installed.
DEMO := .build/demo
DEMO_EPOCH = $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
demo: release
	rm -rf $(DEMO) && mkdir -p $(DEMO) && cp -R corpus $(DEMO)/corpus
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) .build/release/ura approve 2018-11-05-roundtable-with-albanian-government-institutions-on-the --by "Demo press officer" --corpus $(DEMO)/corpus
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) .build/release/ura approve 2019-10-29-new-registration-and-temporary-accommodation-centre-for --by "Demo press officer" --corpus $(DEMO)/corpus
	.build/release/ura status --corpus $(DEMO)/corpus
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) .build/release/ura build --corpus $(DEMO)/corpus --out $(DEMO)/public --review $(DEMO)/review \
	  --no-cache $$(command -v fop >/dev/null && echo --pdf)
	@echo "site: $(DEMO)/public/index.html  review: $(DEMO)/review/index.html"
	@echo "(serve the site: python3 -m http.server -d $(DEMO)/public 8000)"

test: deps
	@scripts/install-deps $(TEST_PACKAGES)
	@scripts/warm-validators
	$(SWIFT) build
	$(SWIFT) test

## Measurements on the development data (not tests): segmentation F1 and throughput, XSLT speed.
eval: deps
	$(SWIFT) build -c release --product ura-eval
	.build/release/ura-eval segment ../shared/data/align-dev
	.build/release/ura-eval throughput ../shared/data/align-dev
	.build/release/ura-eval publish corpus xslt
	.build/release/ura-eval langid ../shared/data/align-dev
	.build/release/ura-eval terms glossaries/testset/migration-check.tsv ../shared/data/align-dev
	.build/release/ura-eval align ../shared/data/align-dev ../shared/data/align-dev-more/seed-1 ../shared/data/align-dev-more/seed-2 ../shared/data/align-dev-more/seed-3 ../shared/data/align-dev-more/seed-4
	.build/release/ura-eval align ../shared/data/align-dev ../shared/data/align-dev-more/seed-1 ../shared/data/align-dev-more/seed-2 ../shared/data/align-dev-more/seed-3 ../shared/data/align-dev-more/seed-4 --presegmented

## Build-speed benchmark (not a test): N = 200, 2,000, 20,000 releases, and Hugo on the same bundles
## (Debian's hugo package, installed when missing).
bench: release
	@scripts/install-deps hugo
	.build/release/ura bench

clean:
	rm -rf .build
