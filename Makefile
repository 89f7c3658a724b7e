# The two set-up commands of the README, and the benchmark.
.PHONY: run test bench deps

deps:
	@scripts/install-deps

# The main job: the internal audit of this repository's own compliance program (controls/,
# policies/, evidence/). Lints it, audits the current cycle from the mainline history and
# writes audits/<cycle>/record.json, record.md and report.html. Findings are reported, not fatal.
run: deps
	swift build -c release --static-swift-stdlib
	.build/release/evident lint
	.build/release/evident audit --fail-on never

# Every test.
test: deps
	swift test --disable-xctest

bench: deps
	Benchmarks/run.sh
