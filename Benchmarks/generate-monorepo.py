#!/usr/bin/env python3
"""Deterministic benchmark monorepo for Evident.

Writes a `git fast-import` stream into a new repository: about 100,000 commits (about 14 % of
them on side branches merged with --no-ff), about 20,000 source files, and a `compliance/`
folder with 120 controls, 24 policies and evidence landing in about 5 % of commits.

    generate-monorepo.py DIR [--commits N]
"""
import argparse
import os
import random
import subprocess
import sys

START = 1704067200  # 2024-01-01T00:00:00Z
PEOPLE = [("Alice Smith", "alice@example.com"), ("Bob Jones", "bob@example.com"), ("Carol White", "carol@example.com"),
          ("Dave Approver", "dave@example.com"), ("Erin Black", "erin@example.com")]
TOPICS = ["information-security", "access-control", "change-management", "incident-response", "risk-management",
          "vendor-management", "acceptable-use", "data-classification", "business-continuity", "backup", "data-retention",
          "code-of-conduct", "human-resources", "secure-development", "vulnerability-management", "logging-monitoring",
          "encryption", "asset-management", "physical-security", "network-security", "policy-management", "privacy",
          "processing-integrity", "capacity"]
CRITERIA = ["CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5", "CC2.1", "CC2.2", "CC2.3", "CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC4.1",
            "CC4.2", "CC5.1", "CC5.2", "CC5.3", "CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6", "CC6.7", "CC6.8", "CC7.1",
            "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1", "CC9.1", "CC9.2"]
FREQUENCIES = ["annual", "semiannual", "quarterly", "monthly", "weekly", "daily", "continuous", "event"]


class Stream:
    def __init__(self, out):
        self.out = out
        self.mark = 0
        self.clock = START

    def write(self, text):
        self.out.write(text.encode())

    def commit(self, rng, branch, parent, merge, message, changes):
        self.mark += 1
        self.clock += rng.randint(60, 900)
        name, email = PEOPLE[rng.randrange(len(PEOPLE))]
        parts = [f"commit {branch}\nmark :{self.mark}\n",
                 f"author {name} <{email}> {self.clock - rng.randint(0, 3600)} +0000\n",
                 f"committer {name} <{email}> {self.clock} +0000\n",
                 f"data {len(message.encode())}\n{message}\n"]
        if parent is not None:
            parts.append(f"from :{parent}\n")
        if merge is not None:
            parts.append(f"merge :{merge}\n")
        for path, content in changes:
            if content is None:
                parts.append(f"D {path}\n")
            else:
                parts.append(f"M 100644 inline {path}\ndata {len(content.encode())}\n{content}\n")
        parts.append("\n")
        self.write("".join(parts))
        return self.mark


def control_ids():
    families = ["GV", "HR", "RA", "VM", "AC", "CM", "OP", "IR", "BC", "DP", "AM", "PS"]
    return [f"{family}-{number:02d}" for family in families for number in range(1, 11)]


def control_text(rng, control, policies, revision):
    criteria = sorted(set(rng.sample(CRITERIA, 3)))
    linked = sorted(set(rng.sample(policies, 2)))
    return (f"---\nid: {control}\ntitle: Control {control}\ncriteria: [{', '.join(criteria)}]\nowner: alice\n"
            f"frequency: {FREQUENCIES[sum(map(ord, control)) % len(FREQUENCIES)]}\nrisk: moderate\npolicies: [{', '.join(linked)}]\n---\n"
            f"What {control} does (revision {revision}).\n\n## Test procedure\nInspect the evidence.\n")


def policy_text(policy, topic, version, approvals):
    entries = "".join(f"  - {{by: dave, version: \"{v}\", date: {d}}}\n" for v, d in approvals)
    return (f"---\nid: {policy}\ntitle: Policy {policy}\nowner: alice\nversion: \"{version}\"\ntopic: {topic}\n"
            f"review_days: 365\ncontrols: []\napprovals:\n{entries}---\nPolicy text, version {version}.\n")


def day(clock):
    import time
    return time.strftime("%Y-%m-%d", time.gmtime(clock))


def generate(out, commits):
    rng = random.Random(2026)
    stream = Stream(out)
    # Source tree: 14 top-level areas, ~20,000 files in folders of 20-200 files.
    areas = ["services", "libs", "web", "mobile", "infra", "tools", "docs", "data", "ml", "platform", "api", "sdk", "tests", "scripts"]
    source = []
    while len(source) < 20000:
        area = areas[len(source) % len(areas)]
        folder = f"{area}/m{rng.randrange(40):02d}/pkg{rng.randrange(12):02d}"
        source.append(f"{folder}/f{len(source):05d}.go")
    controls = control_ids()
    policies = [f"POL-{topic.upper()}" for topic in TOPICS]

    initial = [(path, f"package x // {path}\n") for path in source]
    initial.append(("compliance/evident.yaml", "organization: Bench Corp\ncategories: [security]\npeople:\n  alice: {name: Alice}\n  dave: {name: Dave}\n"))
    initial += [(f"compliance/controls/{c}.md", control_text(rng, c, policies, 0)) for c in controls]
    initial += [(f"compliance/policies/{p}.md", policy_text(p, t, "1.0", [("1.0", day(START))])) for p, t in zip(policies, TOPICS)]
    main = stream.commit(rng, "refs/heads/main", None, None, "Initial import", initial)
    total = 1
    merges = 0
    side_commits = 0
    evidence_count = 0
    policy_versions = {p: 1 for p in policies}

    def ordinary_changes(count_evidence=True):
        nonlocal evidence_count
        changes = []
        for _ in range(rng.randint(1, 3)):
            path = source[rng.randrange(len(source))]
            changes.append((path, f"package x // {path} at {stream.mark}\n"))
        roll = rng.random()
        if roll < 0.05 and count_evidence:
            control = controls[rng.randrange(len(controls))]
            evidence_count += 1
            changes.append((f"compliance/evidence/{control}/{day(stream.clock)}-e{evidence_count}.md", f"evidence {evidence_count}\n"))
        elif roll < 0.053:
            control = controls[rng.randrange(len(controls))]
            changes.append((f"compliance/controls/{control}.md", control_text(rng, control, policies, stream.mark)))
        elif roll < 0.0545:
            index = rng.randrange(len(policies))
            policy = policies[index]
            policy_versions[policy] += 1
            version = f"1.{policy_versions[policy]}"
            changes.append((f"compliance/policies/{policy}.md", policy_text(policy, TOPICS[index], version, [(version, day(stream.clock))])))
        return changes

    while total < commits:
        if rng.random() < 0.062 and commits - total > 8:
            # A side branch of 1-4 commits from main's tip, merged back with --no-ff.
            tip = main
            for _ in range(rng.randint(1, 4)):
                tip = stream.commit(rng, "refs/heads/side", tip, None, "Work on a feature", ordinary_changes())
                side_commits += 1
                total += 1
            main = stream.commit(rng, "refs/heads/main", main, tip, "Merge pull request", [])
            merges += 1
            total += 1
        else:
            main = stream.commit(rng, "refs/heads/main", main, None, "Change", ordinary_changes())
            total += 1
    stream.write(f"reset refs/heads/side\nfrom 0000000000000000000000000000000000000000\n\n")
    print(f"generated {total} commits: {side_commits} on side branches ({100 * side_commits / total:.1f} %), {merges} merges, "
          f"{len(source)} source files, {len(controls)} controls, {len(policies)} policies, {evidence_count} evidence files",
          file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--commits", type=int, default=100000)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.directory], check=True)
    importer = subprocess.Popen(["git", "-C", args.directory, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    generate(importer.stdin, args.commits)
    importer.stdin.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", args.directory, "repack", "-adq"], check=True)


if __name__ == "__main__":
    main()
