# The two set-up commands of the README, and the benchmark.
.PHONY: run test bench deps

deps:
	@scripts/install-deps

# The main job: Evident over this repository's own compliance program (controls/, policies/,
# evidence/): lint it, then show the mainline history that proves when each file changed.
run: deps
	swift build -c release --static-swift-stdlib
	.build/release/evident lint
	.build/release/evident history

# Every test.
test: deps
	swift test --disable-xctest

bench: deps
	Benchmarks/run.sh
