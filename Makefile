# sfo-check: `make serve` builds and serves the page; `make test` runs every check.
# Both install what they need on first run (scripts/setup.sh): serving needs no
# root and no browser; only the test targets install Chromium.

PORT ?= 8080
CARGO ?= cargo

.PHONY: serve build bundle test test-native test-wasm test-e2e test-bench test-serve-setup lint setup setup-native setup-browser schema bench mutants fuzz clean

serve: build
	python3 scripts/serve.py $(PORT)

build: setup
	bash scripts/build-web.sh

bundle: build
	node scripts/bundle.mjs

setup:
	bash scripts/setup.sh build

setup-browser:
	bash scripts/setup.sh browser

setup-native:
	bash scripts/setup.sh native

lint: setup-native
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

test-native: setup-native
	$(CARGO) test

test-wasm: build setup-browser
	$(CARGO) clippy --lib --test wasm --target wasm32-unknown-unknown --no-default-features -- -D warnings
	$(CARGO) clippy --lib --target wasm32-unknown-unknown --no-default-features --features caseload -- -D warnings
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=$(CURDIR)/.tools/bin/wasm-bindgen-test-runner \
	  $(CARGO) test --target wasm32-unknown-unknown --no-default-features --test wasm

test-e2e: bundle setup-browser
	npx playwright test

# make serve's set-up and build with Chromium, chromedriver, apt-get and sudo
# replaced by stubs that fail: proves serving needs none of them.
test-serve-setup:
	bash scripts/check-serve-setup.sh

test: lint test-native test-serve-setup test-wasm test-e2e test-bench

# Native and browser figures side by side; writes bench/results.json.
bench: build setup-browser
	$(CARGO) bench --bench engine -- --json target/bench-native.json
	node bench/browser.mjs --native target/bench-native.json

# make test proves the benchmark runs (one example, briefly); it judges no figure
# but a 1 s ceiling on each case at the limits, which only an unbounded cost breaks.
test-bench: bundle setup-browser
	$(CARGO) test --bench engine -- --quick --json target/bench-native-quick.json
	node bench/browser.mjs --quick --native target/bench-native-quick.json --out test-results/bench-quick.json

# Mutation testing of the date arithmetic, timetable, qualification and policy
# selection (.cargo/mutants.toml); slow, so not part of `make test`.
mutants: setup-native
	[ -x .tools/bin/cargo-mutants ] || $(CARGO) install cargo-mutants --locked --root .tools
	PATH="$(CURDIR)/.tools/bin:$$PATH" $(CARGO) mutants --timeout 120

# A long run of the readers', the caseload reader's and the text report's fuzz properties
# (tests/properties.rs, fuzz_*); `make test` runs a short one.
fuzz: setup-native
	SFO_FUZZ_CASES=$${SFO_FUZZ_CASES:-200000} $(CARGO) test --release --test properties --test caseload fuzz_

schema:
	$(CARGO) run --quiet --bin gen-schema

clean:
	rm -rf target www/pkg www/vendor dist test-results
