# Ura's two commands: `make demo` (install what is missing, build, run the main job on the bundled
# corpus) and `make test` (install what is missing, build, run every test).
SWIFT ?= swift
# System packages the tests need beyond the build's own (the validators install their own).
TEST_PACKAGES ?= fop myspell-sq hunspell-en-us

.PHONY: all deps build release demo test eval clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product ura

## The main job on the bundled corpus, ending with a published site in .build/demo/public.
## The corpus has no approved release, so the demo approves two (the bilingual one and an
## English-only one) in a copy, .build/demo/corpus: corpus/ itself is never changed. The third
## stays a draft and must not appear anywhere in the site. The approval time and the build date
## are the last commit's time, so the demo's output is the same on every machine.
DEMO := .build/demo
DEMO_EPOCH = $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
demo: release
	.build/release/ura build --corpus corpus
	rm -rf $(DEMO)/corpus && mkdir -p $(DEMO) && cp -R corpus $(DEMO)/corpus
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) .build/release/ura approve 2018-11-05-roundtable-with-albanian-government-institutions-on-the --by "Demo press officer" --corpus $(DEMO)/corpus
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) .build/release/ura approve 2019-10-29-new-registration-and-temporary-accommodation-centre-for --by "Demo press officer" --corpus $(DEMO)/corpus
	.build/release/ura status --corpus $(DEMO)/corpus
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) .build/release/ura publish --corpus $(DEMO)/corpus --out $(DEMO)/public \
	  --base-url http://localhost:8000/ --site-title "IOM Albania" $$(command -v fop >/dev/null && echo --pdf)
	@echo "site: $(DEMO)/public/index.html (serve it: python3 -m http.server -d $(DEMO)/public 8000)"

test: deps
	@scripts/install-deps $(TEST_PACKAGES)
	$(SWIFT) build
	$(SWIFT) test

## Measurements on the development data (not tests): segmentation F1 and throughput, XSLT speed.
eval: deps
	$(SWIFT) build -c release --product ura-eval
	.build/release/ura-eval segment ../shared/data/align-dev
	.build/release/ura-eval throughput ../shared/data/align-dev
	.build/release/ura-eval publish corpus xslt

clean:
	rm -rf .build
