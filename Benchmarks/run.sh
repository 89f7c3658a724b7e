#!/usr/bin/env bash
# Benchmarks Evident against git on the generated monorepo and writes BENCHMARKS.md.
#
#   Benchmarks/run.sh            # full size: 100,000 commits
#   BENCH_COMMITS=5000 BENCH_RUNS=3 Benchmarks/run.sh
#
# Every scenario times Evident and the `git log` baseline in the same run, on the same
# repository, with hyperfine; ratios are Evident's median over git's.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

commits=${BENCH_COMMITS:-100000}
runs=${BENCH_RUNS:-7}
work="$top/bench-work"
mkdir -p "$work"

scripts/install-deps hyperfine time
if [ -z "${EVIDENT_BIN:-}" ]; then
    swift build -c release --static-swift-stdlib >&2
    EVIDENT_BIN="$top/.build/release/evident"
fi
evident=$EVIDENT_BIN

# The repository is built once per generator version and size.
stamp="$(sha256sum Benchmarks/generate-monorepo.py | cut -c1-16)-$commits"
repo="$work/monorepo"
if [ "$(cat "$work/monorepo.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$repo" "$work/monorepo.stamp"
    echo "Generating the benchmark monorepo ($commits commits)..." >&2
    python3 Benchmarks/generate-monorepo.py "$repo" --commits "$commits" >&2
    # An index (staging area) for `lint --staged`, and evident.yaml pointing at compliance/.
    git -C "$repo" read-tree HEAD
    echo "$stamp" > "$work/monorepo.stamp"
fi

# Scenario copies start from the pristine repository each run.
plain="$work/plain"
graph="$work/graph"
rm -rf "$plain" "$graph"
cp -a "$repo" "$plain"
cp -a "$repo" "$graph"
for r in "$plain" "$graph"; do
    git -C "$r" config core.commitGraph false
    git -C "$r" config gc.writeCommitGraph false
    git -C "$r" config fetch.writeCommitGraph false
    rm -rf "$r/.git/objects/info/commit-graph" "$r/.git/objects/info/commit-graphs"
done
# A top-level evident.yaml for the audit: the program lives under compliance/.
for r in "$plain" "$graph"; do
    printf 'commit refs/heads/main\ncommitter Bench <bench@example.com> 1735000000 +0000\ndata 12\nAdd config\n\nfrom refs/heads/main^0\nM 100644 inline evident.yaml\ndata <<EOF\nroot: compliance\npeople: {alice: {name: Alice}, dave: {name: Dave}}\ncycles:\n  - {id: "2024", type: 2, start: 2024-01-01, end: 2024-12-31, fieldwork: 2025-01-25}\nEOF\n\n' \
        | git -C "$r" fast-import --quiet
    git -C "$r" read-tree HEAD
done
git -C "$graph" config core.commitGraph true
git -C "$graph" commit-graph write --reachable --changed-paths

git_log="log --first-parent --no-renames --name-status -- compliance/"
results="$work/results"
rm -rf "$results"
mkdir -p "$results"

# The bytes of the audit record and of the history document on the pristine copy, before any
# scenario lands a commit: a refactor that must not change them shows here that it did not.
audit="audit --repo $plain --cycle 2024 --dry-run --format json --fail-on never"
{
    echo "audit $("$evident" $audit | sha256sum | cut -d' ' -f1)"
    echo "history $("$evident" history --repo "$plain" --root compliance --format json | sha256sum | cut -d' ' -f1)"
} > "$results/checksums.txt"

# One new commit on main that adds an evidence file (not timed: hyperfine's --prepare).
land_commit="$work/land-commit.sh"
cat > "$land_commit" <<'SCRIPT'
#!/usr/bin/env bash
set -euo pipefail
repo=$1
n=$(date +%s%N)
printf 'commit refs/heads/main\ncommitter Bench <bench@example.com> %s +0000\ndata 4\nnew\nfrom refs/heads/main^0\nM 100644 inline compliance/evidence/AC-01/2030-01-01-%s.md\ndata 2\nx\n\n' \
    "$(date +%s)" "$n" | git -C "$repo" fast-import --quiet
SCRIPT
chmod +x "$land_commit"

bench() { # name, prepare-evident, prepare-git, evident-command, git-command
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$results/$1.json" \
        --command-name evident --prepare "$2" "$4" \
        --command-name git --prepare "$3" "$5" >&2
}

# Each history scenario runs for the text output and for `--format json`.
echo "Scenario: cold, no commit-graph" >&2
bench cold "rm -rf $plain/.git/evident" "true" \
    "$evident history --repo $plain --root compliance" "git -C $plain $git_log"
bench cold-json "rm -rf $plain/.git/evident" "true" \
    "$evident history --repo $plain --root compliance --format json" "git -C $plain $git_log"

echo "Scenario: warm (persisted index), after one new commit lands" >&2
"$evident" history --repo "$plain" --root compliance > /dev/null
bench warm "$land_commit $plain" "$land_commit $plain" \
    "$evident history --repo $plain --root compliance" "git -C $plain $git_log"
bench warm-json "$land_commit $plain" "$land_commit $plain" \
    "$evident history --repo $plain --root compliance --format json" "git -C $plain $git_log"

echo "Scenario: commit-graph with changed-path Bloom filters, cold" >&2
bench graph "rm -rf $graph/.git/evident" "true" \
    "$evident history --repo $graph --root compliance" "git -C $graph $git_log"
bench graph-json "rm -rf $graph/.git/evident" "true" \
    "$evident history --repo $graph --root compliance --format json" "git -C $graph $git_log"

echo "Scenario: lint --staged, warm index" >&2
"$evident" lint --staged --repo "$plain" --fail-on never > /dev/null
bench lint "true" "true" \
    "$evident lint --staged --repo $plain --fail-on never" "git -C $plain $git_log"

echo "Scenario: audit of the 2024 cycle, cold and warm" >&2
bench audit-cold "rm -rf $plain/.git/evident" "true" "$evident $audit" "git -C $plain $git_log"
"$evident" $audit > /dev/null
bench audit-warm "$land_commit $plain" "$land_commit $plain" "$evident $audit" "git -C $plain $git_log"

echo "Scenario: peak memory, cold" >&2
rm -rf "$plain/.git/evident"
/usr/bin/time -f "%M" -o "$results/memory.txt" "$evident" history --repo "$plain" --root compliance > /dev/null

python3 - "$results" "$repo" "$evident" "$commits" > BENCHMARKS.md <<'PY'
import json, os, platform, subprocess, sys
results, repo, evident, commits = sys.argv[1:]

def medians(name):
    data = json.load(open(os.path.join(results, name + ".json")))["results"]
    return {r["command"] if r["command"] in ("evident", "git") else ("evident" if i == 0 else "git"): r["median"] for i, r in enumerate(data)}

def run(*args):
    return subprocess.run(args, capture_output=True, text=True).stdout.strip()

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
memory = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), platform.platform())
all_commits = run("git", "-C", repo, "rev-list", "--count", "main")
mainline = run("git", "-C", repo, "rev-list", "--count", "--first-parent", "main")
merges = run("git", "-C", repo, "rev-list", "--count", "--merges", "main")
files = len(run("git", "-C", repo, "ls-tree", "-r", "--name-only", "main").splitlines())
peak = int(open(os.path.join(results, "memory.txt")).read().split()[-1]) / 1024

rows = []
def row(label, name, target, command):
    m = medians(name)
    ratio = m["evident"] / m["git"]
    met = "yes" if ratio <= target else "**no**"
    rows.append(f"| {label} | {m['evident'] * 1000:.0f} ms | {m['git'] * 1000:.0f} ms | {ratio:.3f} | ≤ {target} | {met} |")
    return m

row("cold, no commit-graph", "cold", 0.75, "")
row("cold, no commit-graph, `--format json`", "cold-json", 0.6, "")
row("warm: persisted index, one new commit", "warm", 0.05, "")
row("warm: persisted index, one new commit, `--format json`", "warm-json", 0.05, "")
row("commit-graph with Bloom filters, cold", "graph", 0.5, "")
row("commit-graph with Bloom filters, cold, `--format json`", "graph-json", 0.5, "")
row("`audit`, cold (12-month cycle)", "audit-cold", 1.0, "")
row("`audit`, warm: one new commit", "audit-warm", 0.25, "")
lint = medians("lint")["evident"]
checksums = dict(line.split() for line in open(os.path.join(results, "checksums.txt")))

print("# Benchmarks\n")
print("Generated by `Benchmarks/run.sh` (hyperfine medians; each scenario times Evident and the git")
print("baseline in the same run, on the same repository). Do not edit by hand.\n")
print("## Machine\n")
print(f"- CPU: {cpu}, {os.cpu_count()} cores; memory {int(memory) // 1024 // 1024} GiB")
print(f"- OS: {os_name}; {run('git', '--version')}; {run('swift', '--version').splitlines()[0] if run('swift', '--version') else 'swift'}")
print(f"\n## Repository (`Benchmarks/generate-monorepo.py --commits {commits}`)\n")
print(f"- {all_commits} commits, {mainline} on the first-parent mainline, {merges} merges")
print(f"- {files} files at the tip, of which {len([1 for _ in run('git', '-C', repo, 'ls-tree', '-r', '--name-only', 'main', 'compliance').splitlines()])} under `compliance/`")
print("\n## Commands\n")
print("- Evident: `evident history --repo R --root compliance` (cold: `.git/evident` removed before each run);")
print("  the `--format json` rows run the same with `--format json`")
print("- git: `git -C R log --first-parent --no-renames --name-status -- compliance/`")
print("- warm: before each run of either, one new commit adding an evidence file lands on main")
print("- commit-graph: `git commit-graph write --reachable --changed-paths`, `core.commitGraph=true`, for both")
print("- lint: `evident lint --staged --repo R` with `root: compliance`, history index warm")
print("- audit: `evident audit --repo R --cycle 2024 --dry-run --format json` (cold: index removed; warm: after one new commit)\n")
print("## Results\n")
print("| scenario | Evident | git log | ratio | target | met |")
print("|---|---|---|---|---|---|")
print("\n".join(rows))
print(f"| `lint --staged`, warm | {lint * 1000:.0f} ms | — | — | ≤ 200 ms | {'yes' if lint <= 0.2 else '**no**'} |")
print(f"| peak memory, cold history | {peak:.0f} MB | — | — | ≤ 150 MB | {'yes' if peak <= 150 else '**no**'} |")
print("\n## Record checksums\n")
print("sha-256 of the output on the pristine copy, right after `evident.yaml` is committed:\n")
print(f"- `evident audit --repo R --cycle 2024 --dry-run --format json --fail-on never`: `{checksums['audit']}`")
print(f"- `evident history --repo R --root compliance --format json`: `{checksums['history']}`")
PY
cat BENCHMARKS.md
