# Ura's two commands: `make demo` (install what is missing, build, run the main job on the bundled
# corpus) and `make test` (install what is missing, build, run every test).
SWIFT ?= swift
# System packages the tests need beyond the build's own (the validators install their own).
TEST_PACKAGES ?= myspell-sq hunspell-en-us

.PHONY: all deps build release demo test eval clean

all: build

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product ura

## The main job on the bundled corpus.
demo: release
	.build/release/ura build --corpus corpus

test: deps
	@scripts/install-deps $(TEST_PACKAGES)
	$(SWIFT) build
	$(SWIFT) test

## Measurements on the development data (not tests): segmentation F1 and throughput.
eval: deps
	$(SWIFT) build -c release --product ura-eval
	.build/release/ura-eval segment ../shared/data/align-dev
	.build/release/ura-eval throughput ../shared/data/align-dev

clean:
	rm -rf .build
