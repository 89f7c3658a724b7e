#!/usr/bin/env python3
"""Deterministic benchmark monorepo generator for Evident (stdlib only).

Produces a `git fast-import` stream describing a large monorepo: ~20,000 source files in a
realistic tree, ordinary commits touching 1-5 files, side branches (1-6 commits) merged into
main so that ~14 % of the commits arrive through merges, and a `compliance/` program
(evident.yaml, 120 controls, 24 policies, evidence landing in ~5 % of commits).

    generate_monorepo.py [--commits N] > stream      # write the stream to stdout
    generate_monorepo.py DIR [--commits N]           # create the repository in DIR

With DIR: `git init -q -b main DIR`, `git fast-import --quiet`, `git reset --hard`, then
`git repack -adq` so the result is one pack, like a fresh clone. Same N => same commit ids.
A one-line summary goes to stderr.
"""
import argparse
import datetime
import os
import random
import subprocess
import sys
import time

SEED = 2026
START = int(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).timestamp())

PEOPLE = [
    ("alice", "Alice Andersen"), ("bob", "Bob Brennan"), ("carol", "Carol Chen"),
    ("dave", "Dave Dubois"), ("erin", "Erin Eriksen"), ("frank", "Frank Fischer"),
    ("grace", "Grace Gupta"), ("heidi", "Heidi Horvath"),
]

SIDE_SHARE = 0.14        # share of all commits that sit on merged side branches
EVIDENCE_SHARE = 0.05    # share of non-merge commits that add evidence
ADD_FILE_P = 0.03        # per ordinary commit: also add a new source file
DELETE_FILE_P = 0.006    # per ordinary commit: also delete a source file
CONTROL_EDIT_P = 0.003   # per ordinary commit: edit a control instead of code
POLICY_EDIT_P = 0.0008   # per ordinary commit: revise a policy (new version + approval)
LATE_CONTROLS = 24       # controls added over the first half of history (96 at the start)

# Side branches average 3.5 commits plus one merge. For side commits to be SIDE_SHARE of all
# commits, merges are SIDE_SHARE / 3.5 of them and ordinary mainline commits the rest.
_MERGE_SHARE = SIDE_SHARE / 3.5
BRANCH_P = _MERGE_SHARE / (1.0 - SIDE_SHARE)

# ---------------------------------------------------------------------------------------------
# The source tree: (top folder, list of (directory, extension, file count)).


def build_source_layout(rng):
    """Return a list of (directory, extension) slots with their initial file counts."""
    dirs = []

    def size():
        # Most directories are small, some large: 10..200, mean ~90.
        return min(200, 10 + int(rng.expovariate(1 / 100)))

    services = ["auth", "billing", "catalog", "checkout", "gateway", "identity", "inventory",
                "ledger", "mailer", "notifications", "orders", "payments", "pricing", "reports",
                "search", "shipping", "users", "webhooks"]
    go_pkgs = ["api", "handlers", "model", "store", "client", "config", "jobs", "metrics"]
    for svc in services:
        for pkg in rng.sample(go_pkgs, rng.randint(3, 6)):
            dirs.append((f"services/{svc}/src/{pkg}", "go", size()))
        dirs.append((f"services/{svc}/test", "go", size()))
        dirs.append((f"services/{svc}/deploy", "yaml", rng.randint(10, 20)))
    for lib in ["cache", "crypto", "db", "events", "featureflags", "httpx", "log", "queue",
                "ratelimit", "retry", "tracing", "validate"]:
        dirs.append((f"libs/{lib}", "go", size()))
        dirs.append((f"libs/{lib}/internal", "go", size()))
    for app in ["admin", "storefront", "support"]:
        for sub in ["components", "pages", "hooks", "styles", "utils"]:
            dirs.append((f"web/{app}/src/{sub}", "ts" if sub != "styles" else "css", size()))
    for plat, ext in [("ios", "swift"), ("android", "kt")]:
        for sub in ["app", "core", "network", "ui", "tests"]:
            dirs.append((f"mobile/{plat}/{sub}", ext, size()))
    for area in ["architecture", "runbooks", "adr", "onboarding", "api"]:
        dirs.append((f"docs/{area}", "md", size()))
    for mod in ["network", "database", "kubernetes", "iam", "monitoring", "storage"]:
        dirs.append((f"infra/terraform/{mod}", "tf", size()))
    for svc in services[:12]:
        dirs.append((f"proto/{svc}/v1", "proto", rng.randint(10, 30)))
    for area in ["ci", "release", "dev", "data"]:
        dirs.append((f"tools/{area}", "py", size()))
    for env in ["dev", "staging", "prod"]:
        dirs.append((f"config/{env}", "yaml", size()))
    for area in ["integration", "e2e", "load"]:
        dirs.append((f"tests/{area}", "py", size()))
    for dep in ["protobuf", "zstd", "sqlite", "yaml"]:
        dirs.append((f"third_party/{dep}", "c", size()))
    for area in ["fixtures", "migrations", "seeds"]:
        dirs.append((f"data/{area}", "sql", size()))
    dirs.append(("scripts", "sh", 40))
    dirs.append((".github/workflows", "yml", 25))
    return dirs


WORDS = ["account", "audit", "batch", "buffer", "cache", "client", "config", "cursor", "delta",
         "event", "filter", "handler", "index", "job", "ledger", "limit", "loader", "mapper",
         "model", "order", "parser", "policy", "queue", "record", "report", "retry", "router",
         "schema", "session", "signer", "store", "stream", "token", "tracker", "user", "worker"]

# ---------------------------------------------------------------------------------------------
# The compliance program.

FAMILIES = [  # prefix, theme, criteria pool, policy topic
    ("AC", "access", ["CC6.1", "CC6.2", "CC6.3"], "access-control"),
    ("AM", "asset", ["CC6.1", "CC6.5"], "asset-management"),
    ("BC", "continuity", ["A1.2", "A1.3", "CC7.5"], "business-continuity"),
    ("CM", "change", ["CC8.1", "CC5.2"], "change-management"),
    ("CR", "cryptography", ["CC6.1", "CC6.7"], "encryption"),
    ("DP", "data protection", ["CC6.5", "C1.1", "C1.2"], "data-classification"),
    ("GV", "governance", ["CC1.1", "CC1.2", "CC1.3", "CC2.1"], "information-security"),
    ("HR", "personnel", ["CC1.4", "CC1.5"], "human-resources"),
    ("IR", "incident", ["CC7.3", "CC7.4", "CC7.5"], "incident-response"),
    ("LM", "logging", ["CC7.2", "CC4.1"], "logging-monitoring"),
    ("NS", "network", ["CC6.6", "CC6.8"], "network-security"),
    ("VM", "vulnerability", ["CC7.1", "CC3.4"], "vulnerability-management"),
]
ACTIVITIES = ["review", "inventory", "monitoring", "approval", "testing", "training",
              "configuration baseline", "exception tracking", "reconciliation", "attestation"]
FREQUENCIES = ["annual", "semiannual", "quarterly", "monthly", "weekly", "daily", "continuous",
               "event"]
RISKS = ["low", "moderate", "high"]
POLICY_IDS = {
    "access-control": "POL-ACCESS", "asset-management": "POL-ASSETS",
    "business-continuity": "POL-CONTINUITY", "change-management": "POL-CHANGE",
    "encryption": "POL-CRYPTO", "data-classification": "POL-DATA",
    "information-security": "POL-INFOSEC", "human-resources": "POL-HR",
    "incident-response": "POL-INCIDENT", "logging-monitoring": "POL-LOGGING",
    "network-security": "POL-NETWORK", "vulnerability-management": "POL-VULN",
    "acceptable-use": "POL-ACCEPTABLE-USE", "backup": "POL-BACKUP",
    "code-of-conduct": "POL-CONDUCT", "data-retention": "POL-RETENTION", "privacy": "POL-PRIVACY",
    "risk-management": "POL-RISK", "secure-development": "POL-SDLC", "vendor-management": "POL-VENDOR",
    "physical-security": "POL-PHYSICAL", "policy-management": "POL-POLICY",
    "capacity": "POL-CAPACITY", "processing-integrity": "POL-INTEGRITY",
}
EXTRA_TOPICS = ["acceptable-use", "backup", "code-of-conduct", "data-retention", "privacy",
                "risk-management", "secure-development", "vendor-management",
                "physical-security", "policy-management", "capacity", "processing-integrity"]
SLUGS = ["export", "review", "screenshot", "report", "signoff", "scan", "ticket", "minutes",
         "attestation", "inventory", "config", "log-sample"]


def yaml_list(items):
    return "[" + ", ".join(items) + "]"


class Program:
    """Controls, policies and their cross references; renders the markdown files."""

    def __init__(self, rng):
        self.rng = rng
        self.controls = {}   # id -> dict
        self.policies = {}   # id -> dict
        for topic in [f[3] for f in FAMILIES] + EXTRA_TOPICS:
            pid = POLICY_IDS[topic]
            self.policies[pid] = {
                "id": pid, "topic": topic,
                "title": topic.replace("-", " ").title() + " Policy",
                "owner": rng.choice(PEOPLE)[0], "version": (1, 0), "review_days": 365,
                "controls": [],
                "approvals": [("dave", "1.0", "2024-01-01")], "rev": 0,
            }
        by_topic = {p["topic"]: p["id"] for p in self.policies.values()}
        extra_ids = [by_topic[t] for t in EXTRA_TOPICS]
        for prefix, theme, criteria, topic in FAMILIES:
            for n in range(1, 11):
                cid = f"{prefix}-{n:02d}"
                pols = [by_topic[topic]]
                if rng.random() < 0.4:
                    pols.append(rng.choice(extra_ids))
                self.controls[cid] = {
                    "id": cid,
                    "title": f"{theme.capitalize()} {rng.choice(ACTIVITIES)} {n}",
                    "criteria": sorted(rng.sample(criteria, rng.randint(1, min(2, len(criteria))))),
                    "owner": rng.choice(PEOPLE)[0],
                    "frequency": rng.choice(FREQUENCIES),
                    "risk": rng.choice(RISKS),
                    "policies": pols, "rev": 0,
                }
                for pid in pols:
                    self.policies[pid]["controls"].append(cid)

    def control_text(self, cid):
        c = self.controls[cid]
        lines = [
            "---", f"id: {cid}", f"title: {c['title']}",
            f"criteria: {yaml_list(c['criteria'])}", f"owner: {c['owner']}",
            f"frequency: {c['frequency']}", f"risk: {c['risk']}",
            f"policies: {yaml_list(c['policies'])}", "---",
            f"{c['title']}, run by the owner (frequency: {c['frequency']}) and recorded as evidence.",
            "", "## Test procedure", "Inspect the latest evidence and confirm it is complete.",
        ]
        if c["rev"]:
            lines.append(f"Revision {c['rev']}: sample size adjusted after the last audit.")
        return "\n".join(lines) + "\n"

    def policy_text(self, pid):
        p = self.policies[pid]
        version = f"{p['version'][0]}.{p['version'][1]}"
        approvals = ", ".join(f'{{by: {by}, version: "{v}", date: {d}}}' for by, v, d in p["approvals"])
        lines = [
            "---", f"id: {pid}", f"title: {p['title']}", f"owner: {p['owner']}",
            f'version: "{version}"', f"topic: {p['topic']}", f"review_days: {p['review_days']}",
            f"controls: {yaml_list(p['controls'])}", f"approvals: [{approvals}]", "---",
            f"# {p['title']}", "", "## Purpose", f"Sets the rules for {p['topic'].replace('-', ' ')}.",
            "", "## Policy", "- Follow the controls listed above.",
        ]
        return "\n".join(lines) + "\n"

    @staticmethod
    def config_text():
        people = "\n".join(f"  {key}: {{name: {name}, email: {key}@example.com}}" for key, name in PEOPLE)
        return ("# Benchmark compliance program (generated).\n"
                "organization: Example Corp\nsystem: Example platform monorepo\n"
                "framework: soc2-2017\ncategories: [security, availability, confidentiality]\n"
                f"mainline: main\npeople:\n{people}\n")


# ---------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, commits, out):
        self.target = commits
        self.out = out
        self.buf = []
        self.buf_bytes = 0
        self.rng = random.Random(SEED)
        self.clock = START
        self.mark = 0
        self.n_commits = 0
        self.n_merges = 0
        self.n_side = 0
        self.n_evidence_files = 0
        self.n_evidence_commits = 0
        self.serial = 0           # numbers new file names
        self.files = []           # live source paths (random pick)
        self.file_pos = {}        # path -> index in self.files
        self.dir_files = {}       # dir -> list of live paths
        self.dir_ext = {}
        self.evidence = set()
        self.program = Program(self.rng)
        self.pending_controls = []

    # --- stream output ---------------------------------------------------------------------

    def emit(self, text):
        data = text.encode() if isinstance(text, str) else text
        self.buf.append(data)
        self.buf_bytes += len(data)
        if self.buf_bytes > 1 << 20:
            self.flush()

    def flush(self):
        if self.buf:
            self.out.write(b"".join(self.buf))
            self.buf.clear()
            self.buf_bytes = 0

    def commit(self, ref, message, changes, parent=None, merge=None):
        """changes: list of (path, bytes) to write or (path, None) to delete."""
        self.mark += 1
        self.n_commits += 1
        self.clock += self.rng.randint(2, 8) * 60
        login, name = self.rng.choice(PEOPLE)
        ident = f"{name} <{login}@example.com> {self.clock} +0000"
        msg = message.encode()
        parts = [f"commit {ref}\nmark :{self.mark}\nauthor {ident}\ncommitter {ident}\n"
                 f"data {len(msg)}\n".encode(), msg, b"\n"]
        if parent is not None:
            parts.append(f"from :{parent}\n".encode())
        if merge is not None:
            parts.append(f"merge :{merge}\n".encode())
        for path, content in changes:
            if content is None:
                parts.append(f"D {path}\n".encode())
            else:
                parts.append(f"M 100644 inline {path}\ndata {len(content)}\n".encode())
                parts.append(content)
                parts.append(b"\n")
        parts.append(b"\n")
        self.emit(b"".join(parts))
        return self.mark

    # --- source files ----------------------------------------------------------------------

    def new_path(self, directory):
        self.serial += 1
        word = self.rng.choice(WORDS)
        return f"{directory}/{word}_{self.serial:05d}.{self.dir_ext[directory]}"

    def track(self, path):
        self.file_pos[path] = len(self.files)
        self.files.append(path)
        self.dir_files[path.rsplit("/", 1)[0]].append(path)

    def untrack(self, path):
        i = self.file_pos.pop(path)
        last = self.files.pop()
        if i < len(self.files):
            self.files[i] = last
            self.file_pos[last] = i
        self.dir_files[path.rsplit("/", 1)[0]].remove(path)

    def source(self, path, rev):
        return f"// {path}\n// revision {rev}\nconst rev = {rev}\n".encode()

    def code_changes(self, rev, touched):
        """Modify 1-5 source files, mostly in one directory; sometimes add or delete one."""
        anchor = self.rng.choice(self.files)
        directory = anchor.rsplit("/", 1)[0]
        count = self.rng.choice((1, 1, 1, 2, 2, 3, 4, 5))
        picks = {anchor}
        siblings = self.dir_files[directory]
        for _ in range(count - 1):
            pool = siblings if self.rng.random() < 0.8 else self.files
            picks.add(self.rng.choice(pool))
        changes = [(p, self.source(p, rev)) for p in sorted(picks)]
        # `touched` spans a side branch: a file it already changed is never deleted, so the
        # replay at the merge never deletes a path the first parent does not have.
        touched |= picks
        r = self.rng.random()
        if r < ADD_FILE_P:
            path = self.new_path(directory)
            self.track(path)
            touched.add(path)
            changes.append((path, self.source(path, rev)))
        elif r < ADD_FILE_P + DELETE_FILE_P and len(siblings) > 5:
            victim = self.rng.choice(siblings)
            if victim not in touched:
                self.untrack(victim)
                touched.add(victim)
                changes.append((victim, None))
        return changes

    # --- compliance ------------------------------------------------------------------------

    def evidence_changes(self):
        cid = self.rng.choice([c for c in self.program.controls if c not in self.pending_controls])
        day = datetime.datetime.fromtimestamp(self.clock, datetime.timezone.utc).strftime("%Y-%m-%d")
        changes = []
        for _ in range(2 if self.rng.random() < 0.15 else 1):
            slug = self.rng.choice(SLUGS)
            path = f"compliance/evidence/{cid}/{day}-{slug}.md"
            k = 2
            while path in self.evidence:
                path = f"compliance/evidence/{cid}/{day}-{slug}-{k}.md"
                k += 1
            self.evidence.add(path)
            body = f"# {cid} {slug}\n\nCollected {day} by {self.rng.choice(PEOPLE)[0]}.\n"
            changes.append((path, body.encode()))
        self.n_evidence_files += len(changes)
        return cid, changes

    def control_edit(self):
        prog = self.program
        cid = self.rng.choice([c for c in prog.controls if c not in self.pending_controls])
        c = prog.controls[cid]
        c["rev"] += 1
        r = self.rng.random()
        if r < 0.3:
            c["owner"] = self.rng.choice(PEOPLE)[0]
        elif r < 0.5:
            c["frequency"] = self.rng.choice(FREQUENCIES)
        elif r < 0.6:
            c["risk"] = self.rng.choice(RISKS)
        return f"compliance: update {cid}", [(f"compliance/controls/{cid}.md", prog.control_text(cid).encode())]

    def policy_edit(self):
        prog = self.program
        pid = self.rng.choice(sorted(prog.policies))
        p = prog.policies[pid]
        major, minor = p["version"]
        p["version"] = (major + 1, 0) if self.rng.random() < 0.2 else (major, minor + 1)
        version = f"{p['version'][0]}.{p['version'][1]}"
        day = datetime.datetime.fromtimestamp(self.clock, datetime.timezone.utc).strftime("%Y-%m-%d")
        approver = self.rng.choice([k for k, _ in PEOPLE if k != p["owner"]])
        p["approvals"].append((approver, version, day))
        return f"compliance: {pid} v{version}", [(f"compliance/policies/{pid}.md", prog.policy_text(pid).encode())]

    def add_late_control(self):
        prog = self.program
        cid = self.pending_controls.pop(0)
        changes = [(f"compliance/controls/{cid}.md", prog.control_text(cid).encode()),
                   (f"compliance/evidence/{cid}/.gitkeep", b"")]
        for pid in prog.controls[cid]["policies"]:
            changes.append((f"compliance/policies/{pid}.md", prog.policy_text(pid).encode()))
        return f"compliance: add control {cid}", changes

    # --- history ---------------------------------------------------------------------------

    def ordinary(self, rev, touched):
        """Message and changes for one non-merge commit."""
        r = self.rng.random()
        if r < EVIDENCE_SHARE:
            self.n_evidence_commits += 1
            cid, changes = self.evidence_changes()
            return f"evidence: {cid}", changes
        r -= EVIDENCE_SHARE
        if r < CONTROL_EDIT_P:
            return self.control_edit()
        r -= CONTROL_EDIT_P
        if r < POLICY_EDIT_P:
            return self.policy_edit()
        changes = self.code_changes(rev, touched)
        top = changes[0][0].split("/")[0] if changes else "repo"
        return f"{top}: {self.rng.choice(WORDS)} change {rev}", changes

    def initial(self):
        layout = build_source_layout(self.rng)
        changes = []
        for directory, ext, n in layout:
            self.dir_ext[directory] = ext
            self.dir_files[directory] = []
            for _ in range(n):
                path = self.new_path(directory)
                self.track(path)
                changes.append((path, self.source(path, 0)))
        changes.append(("README.md", b"# Example monorepo\n"))
        return self.commit("refs/heads/main", "Initial import", changes)

    def compliance_bootstrap(self, parent):
        prog = self.program
        ids = sorted(prog.controls)
        late = set(self.rng.sample(ids, LATE_CONTROLS))
        self.pending_controls = [c for c in ids if c in late]
        # Hide the late controls from their policies until they are added.
        for p in prog.policies.values():
            p["controls_all"] = p["controls"]
            p["controls"] = [c for c in p["controls"] if c not in late]
        changes = [("compliance/evident.yaml", prog.config_text().encode())]
        changes += [(f"compliance/controls/{c}.md", prog.control_text(c).encode())
                    for c in ids if c not in late]
        changes += [(f"compliance/policies/{p}.md", prog.policy_text(p).encode())
                    for p in sorted(prog.policies)]
        changes += [(f"compliance/evidence/{c}/.gitkeep", b"") for c in ids if c not in late]
        return self.commit("refs/heads/main", "compliance: add the SOC 2 program", changes, parent=parent)

    def reveal_control(self, cid):
        for pid in self.program.controls[cid]["policies"]:
            p = self.program.policies[pid]
            p["controls"] = [c for c in p["controls_all"] if c in p["controls"] or c == cid]

    def run(self):
        rng = self.rng
        main = self.initial()
        main = self.compliance_bootstrap(main)
        late_every = max(1, (self.target // 2) // (LATE_CONTROLS + 1))
        next_late = late_every
        while self.n_commits < self.target:
            remaining = self.target - self.n_commits
            if self.pending_controls and self.n_commits >= next_late:
                next_late += late_every
                self.reveal_control(self.pending_controls[0])
                message, changes = self.add_late_control()
                main = self.commit("refs/heads/main", message, changes, parent=main)
                continue
            if rng.random() < BRANCH_P and remaining >= 2:
                length = min(rng.randint(1, 6), remaining - 1)
                tip = main
                landed = {}
                touched = set()
                for _ in range(length):
                    message, changes = self.ordinary(self.n_commits + 1, touched)
                    tip = self.commit("refs/heads/topic", message, changes, parent=tip)
                    self.n_side += 1
                    landed.update(changes)
                # fast-import builds the merge tree from the first parent plus the listed
                # changes, so replay the side branch's net changes (main has not moved).
                merged = sorted(landed.items())
                main = self.commit("refs/heads/main", f"Merge branch 'topic-{self.mark}'",
                                   merged, parent=main, merge=tip)
                self.n_merges += 1
            else:
                message, changes = self.ordinary(self.n_commits + 1, set())
                main = self.commit("refs/heads/main", message, changes, parent=main)
        self.flush()


def git(*args, cwd=None):
    subprocess.run(["git", *args], cwd=cwd, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", help="create the repository here (else: stream to stdout)")
    parser.add_argument("--commits", type=int, default=100000)
    args = parser.parse_args()
    if args.commits < 3:
        parser.error("--commits must be at least 3")
    began = time.monotonic()

    if args.dir is None:
        gen = Generator(args.commits, sys.stdout.buffer)
        gen.run()
        sys.stdout.buffer.flush()
    else:
        if os.path.exists(args.dir) and os.listdir(args.dir):
            sys.exit(f"generate_monorepo.py: {args.dir} exists and is not empty")
        git("init", "-q", "-b", "main", args.dir)
        proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=args.dir,
                                stdin=subprocess.PIPE, bufsize=0)
        gen = Generator(args.commits, proc.stdin)
        try:
            gen.run()
        finally:
            proc.stdin.close()
        if proc.wait() != 0:
            sys.exit("generate_monorepo.py: git fast-import failed")
        git("update-ref", "-d", "refs/heads/topic", cwd=args.dir)
        git("reset", "-q", "--hard", "main", cwd=args.dir)
        git("repack", "-adq", cwd=args.dir)

    added_controls = len(gen.program.controls) - len(gen.pending_controls)
    # README, evident.yaml, policies, and per added control its file and evidence/.gitkeep.
    files = len(gen.files) + 2 + len(gen.program.policies) + 2 * added_controls + gen.n_evidence_files
    size = ""
    if args.dir is not None:
        pack_dir = os.path.join(args.dir, ".git", "objects", "pack")
        total = sum(os.path.getsize(os.path.join(pack_dir, f)) for f in os.listdir(pack_dir))
        size = f", pack {total / 2**20:.1f} MiB"
    print(f"generate_monorepo: {gen.n_commits} commits ({gen.n_merges} merges, {gen.n_side} on side "
          f"branches), {files} files at HEAD ({len(gen.files)} source), "
          f"{gen.n_evidence_commits} evidence commits / {gen.n_evidence_files} evidence files{size}, "
          f"{time.monotonic() - began:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
