import EvidentCore
import Foundation
import GitFixtures
import Testing

/// What GitHub runs for Evident: the Action (`action.yml`), this repository's workflows and
/// pre-commit hooks, everything `evident init` writes, and the workflow examples in the README.
struct WorkflowSubjects {
    static let top = GitHubIntegrationTests.top

    /// This repository's workflows, relative to its top.
    static func projectWorkflows() throws -> [String] {
        let folder = top.appendingPathComponent(".github/workflows")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { ".github/workflows/" + $0 }
    }

    /// Every file of this repository that zizmor audits, relative to its top.
    static func projectFiles() throws -> [String] {
        ["action.yml"] + (try projectWorkflows()) + [".pre-commit-hooks.yaml", ".pre-commit-config.yaml"]
    }

    /// A repository scaffolded by the built `evident init`, plus the README's workflow examples
    /// written beside its workflows (`readme-N.yml`).
    struct Scaffold {
        let folder: TemporaryDirectory
        let top: URL
        /// The workflows, relative to `top`: init's and the README's.
        let workflows: [String]
        /// The workflows and the pre-commit configuration.
        var files: [String] { workflows + [".pre-commit-config.yaml"] }
    }

    struct InitFailed: Error, CustomStringConvertible {
        var status: Int32
        var error: String
        var description: String { "evident init exited \(status): \(error)" }
    }

    static func scaffold() throws -> Scaffold {
        let folder = try TemporaryDirectory()
        let repository = try FixtureRepository(in: folder.url)
        let result = try EvidentBinary.run(["init", "--year", "2026"], in: repository.url)
        guard result.status == 0 else { throw InitFailed(status: result.status, error: result.error) }
        let workflows = repository.url.appendingPathComponent(".github/workflows")
        for (index, example) in try readmeWorkflowExamples().enumerated() {
            try Data(example.utf8).write(to: workflows.appendingPathComponent("readme-\(index + 1).yml"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: workflows.path).sorted()
        return Scaffold(folder: folder, top: repository.url, workflows: names.map { ".github/workflows/" + $0 })
    }

    /// The README's YAML blocks that are whole workflows (they have `jobs:`).
    static func readmeWorkflowExamples() throws -> [String] {
        let readme = try String(contentsOf: top.appendingPathComponent("README.md"), encoding: .utf8)
        var examples: [String] = []
        var block: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if block == nil, line == "```yaml" {
                block = []
            } else if let lines = block, line == "```" {
                if lines.contains(where: { $0.hasPrefix("jobs:") }) { examples.append(lines.joined(separator: "\n") + "\n") }
                block = nil
            } else {
                block?.append(line)
            }
        }
        return examples
    }

    /// Every `uses:` in `text`: the reference and the comment after it.
    static func uses(in text: String) -> [(reference: String, comment: String)] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " || $0 == "-" || $0 == "#" }
            guard trimmed.hasPrefix("uses: ") else { return nil }
            let value = trimmed.dropFirst("uses: ".count)
            let parts = value.split(separator: "#", maxSplits: 1)
            return (String(parts[0]).trimmingCharacters(in: .whitespaces), parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
        }
    }
}

/// The Action and every workflow Evident ships, writes or documents pass the two checkers a
/// security team runs on GitHub Actions: zizmor (no finding at medium or above) and actionlint (no
/// message, with shellcheck on the scripts). Actions are pinned to full release commits that run
/// on Node 24, checkouts keep no credentials, and each job has only the permissions it needs.
@Suite struct WorkflowSecurityTests {
    private let top = WorkflowSubjects.top

    @Test func zizmorFindsNothingInTheActionOrThisRepositorysWorkflows() throws {
        let files = try WorkflowSubjects.projectFiles()
        #expect(files.contains(".github/workflows/ci.yml") && files.contains(".github/workflows/compliance.yml"))
        let result = try Zizmor().findings(in: files, at: top)
        #expect(result.findings.isEmpty, "\(result.findings)\n\(result.output)")
    }

    @Test func zizmorFindsNothingInWhatInitWritesOrTheREADMEShows() throws {
        let scaffold = try WorkflowSubjects.scaffold()
        #expect(scaffold.workflows.contains(".github/workflows/evident.yml") && scaffold.workflows.contains(".github/workflows/evident-audit.yml"))
        #expect(scaffold.workflows.contains(".github/workflows/readme-1.yml"), "the README shows a workflow")
        let result = try Zizmor().findings(in: scaffold.files, at: scaffold.top)
        #expect(result.findings.isEmpty, "\(result.findings)\n\(result.output)")
    }

    /// `compliance.yml` runs the action as `uses: ./`, so actionlint reads `action.yml` too.
    @Test func actionlintReportsNothingOnThisRepositorysWorkflows() throws {
        let result = try Actionlint().messages(for: try WorkflowSubjects.projectWorkflows(), at: top)
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
    }

    @Test func actionlintReportsNothingOnWhatInitWritesOrTheREADMEShows() throws {
        let scaffold = try WorkflowSubjects.scaffold()
        let result = try Actionlint().messages(for: scaffold.workflows, at: scaffold.top)
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
    }

    /// actionlint checks the scripts of workflows, not of a composite action: shellcheck checks
    /// each of the action's `run:` scripts as bash, the shell every step names.
    @Test func theActionsScriptsPassShellcheck() throws {
        let shellcheck = try ExternalTool.locate("shellcheck")
        let folder = try TemporaryDirectory()
        let extract = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", """
            import os, sys, yaml
            steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
            for index, step in enumerate(steps):
                if "run" in step:
                    assert step.get("shell") == "bash", step.get("name")
                    open(os.path.join(sys.argv[2], "step-%d.sh" % index), "w").write(step["run"])
            """, top.appendingPathComponent("action.yml").path, folder.url.path], in: folder.url)
        #expect(extract.status == 0, "\(String(decoding: extract.standardError, as: UTF8.self))")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".sh") }.sorted()
        #expect(scripts.count >= 4, "\(scripts)")
        let result = try shellcheck.run(["--norc", "--shell=bash", "--severity=style"] + scripts, in: folder.url)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The checks are live: the Action and workflows as the issue found them fail both.
    @Test func theCheckersRejectTheWorkflowsAsTheIssueFoundThem() throws {
        let folder = try TemporaryDirectory()
        let workflows = folder.url.appendingPathComponent(".github/workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try Data("""
            name: Evident
            on: pull_request
            permissions:
              contents: write
              security-events: write
            jobs:
              review:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-depth: 0
                  - run: echo "${{ github.event.pull_request.title }}"
                  - uses: evident-compliance/evident@main
                    with:
                      command: pr

            """.utf8).write(to: workflows.appendingPathComponent("evident.yml"))
        try Data("""
            name: Evident
            description: d
            runs:
              using: composite
              steps:
                - uses: swift-actions/setup-swift@v2
                - shell: bash
                  run: echo "$GITHUB_ACTION_PATH/.build/release" >> "$GITHUB_PATH"

            """.utf8).write(to: folder.url.appendingPathComponent("action.yml"))
        let zizmor = try Zizmor().findings(in: ["action.yml", ".github/workflows/evident.yml"], at: folder.url)
        let audits = Set(zizmor.findings.map(\.audit))
        for audit in ["unpinned-uses", "artipacked", "template-injection", "github-env"] {
            #expect(audits.contains(audit), "\(audit): \(zizmor.output)")
        }
        let actionlint = try Actionlint().messages(for: [".github/workflows/evident.yml"], at: folder.url)
        #expect(actionlint.status != 0 && actionlint.output.contains("runtime \"node20\" is deprecated"), "\(actionlint.output)")
        #expect(actionlint.output.contains("is potentially untrusted"), "\(actionlint.output)")
    }

    /// The first major release of each action used that runs on Node 24 (each checked against the
    /// action's `action.yml` at its tag). An action not listed here fails the test until it is.
    private static let firstNode24Major = ["actions/checkout": 5, "actions/cache": 5, "github/codeql-action": 4,
                                           "peter-evans/create-pull-request": 8, "evident-compliance/evident": 0]

    @Test func everyActionIsPinnedToOneReleaseCommitThatRunsOnNode24() throws {
        let scaffold = try WorkflowSubjects.scaffold()
        var texts = try WorkflowSubjects.projectFiles().map { ($0, try String(contentsOf: top.appendingPathComponent($0), encoding: .utf8)) }
        texts += try scaffold.workflows.map { ($0, try String(contentsOf: scaffold.top.appendingPathComponent($0), encoding: .utf8)) }
        texts.append(("README.md", try String(contentsOf: top.appendingPathComponent("README.md"), encoding: .utf8)))
        var commits: [String: Set<String>] = [:]
        var pinned = 0
        for (file, text) in texts {
            for use in WorkflowSubjects.uses(in: text) where !use.reference.hasPrefix("./") {
                let parts = use.reference.split(separator: "@", maxSplits: 1).map(String.init)
                let commit = parts.count == 2 ? parts[1] : ""
                #expect(commit.count == 40 && commit.allSatisfy(\.isHexDigit) && commit == commit.lowercased(),
                        "\(file): \(use.reference) is not pinned to a full commit")
                let repository = parts[0].split(separator: "/").prefix(2).joined(separator: "/")
                let major = use.comment.drop { $0 == "v" }.split(separator: ".").first.flatMap { Int($0) }
                #expect(major != nil, "\(file): \(use.reference) has no version in a comment")
                let minimum = try #require(Self.firstNode24Major[repository], "\(file): \(repository) is not in the Node 24 table")
                #expect((major ?? -1) >= minimum, "\(file): \(repository) \(use.comment) runs on a Node version GitHub removed")
                commits[repository, default: []].insert(commit + " " + use.comment)
                pinned += 1
            }
        }
        for (repository, pins) in commits {
            #expect(pins.count == 1, "\(repository) is pinned to different commits: \(pins.sorted())")
        }
        #expect(pinned >= 12 && Set(commits.keys) == Set(Self.firstNode24Major.keys), "\(commits.keys.sorted())")
    }

    /// Every checkout of every workflow keeps no credentials (zizmor's artipacked audit), and
    /// every job that runs Evident runs in the Swift image; permissions are none by default, and
    /// a job asks only for what its command needs.
    @Test func everyJobHasTheLeastPermissionsAndTheSwiftImage() throws {
        let scaffold = try WorkflowSubjects.scaffold()
        let files = try WorkflowSubjects.projectWorkflows().map { top.appendingPathComponent($0) }
            + scaffold.workflows.map { scaffold.top.appendingPathComponent($0) }
        let summary = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", """
            import json, sys, yaml
            out = {}
            for path in sys.argv[1:]:
                workflow = yaml.safe_load(open(path))
                jobs = {}
                for name, job in workflow["jobs"].items():
                    steps = job.get("steps", [])
                    jobs[name] = {
                        "permissions": job.get("permissions"),
                        "container": job.get("container"),
                        "commands": [s.get("with", {}).get("command") for s in steps
                                     if s.get("uses", "").startswith(("./", "evident-compliance/evident@"))],
                        "checkouts": [s.get("with", {}) for s in steps if s.get("uses", "").startswith("actions/checkout@")],
                    }
                out[path.split("/")[-1]] = {"permissions": workflow.get("permissions", "unset"), "jobs": jobs}
            print(json.dumps(out))
            """] + files.map(\.path), in: scaffold.folder.url)
        #expect(summary.status == 0, "\(String(decoding: summary.standardError, as: UTF8.self))")
        let workflows = try #require(try JSONSerialization.jsonObject(with: summary.standardOutput) as? [String: [String: Any]])
        var evidentJobs = 0
        for (file, workflow) in workflows {
            #expect((workflow["permissions"] as? [String: Any])?.isEmpty == true, "\(file): the workflow must grant nothing by default")
            for (name, job) in try #require(workflow["jobs"] as? [String: [String: Any]]) {
                let permissions = try #require(job["permissions"] as? [String: String], "\(file) \(name): permissions must be a map")
                let commands = job["commands"] as? [String] ?? []
                var allowedWrites: Set<String> = []
                if commands.contains(where: { $0 == "lint" || $0 == "pr" }) { allowedWrites.insert("security-events") }
                if commands.contains("audit") { allowedWrites.formUnion(["contents", "pull-requests"]) }
                for (scope, level) in permissions {
                    #expect(level == "read" || (level == "write" && allowedWrites.contains(scope)), "\(file) \(name): \(scope): \(level)")
                }
                if !commands.isEmpty {
                    evidentJobs += 1
                    #expect((job["container"] as? String) == StarterWorkflows.swiftImage, "\(file) \(name): the action needs the Swift image")
                }
                for checkout in job["checkouts"] as? [[String: Any]] ?? [] {
                    #expect(checkout["persist-credentials"] as? Bool == false, "\(file) \(name): a checkout that keeps its credentials")
                }
            }
        }
        #expect(workflows.count >= 4 && evidentJobs >= 6, "\(workflows.keys.sorted())")
    }

    /// The scaffolded workflows run Evident's Action at a commit of this repository whose
    /// `action.yml` is the hardened one, and name that commit's Evident version.
    @Test func theScaffoldPinsACommitOfThisRepositoryWithTheHardenedAction() throws {
        let commit = StarterWorkflows.actionCommit
        let trusted = ["-c", "safe.directory=\(top.path)"]
        #expect(throws: Never.self, "\(commit) is not a commit of this repository") {
            try Git.run(trusted + ["cat-file", "-e", "\(commit)^{commit}"], in: top)
        }
        let folder = try TemporaryDirectory()
        try Git.run(trusted + ["show", "\(commit):action.yml"], in: top).write(to: folder.url.appendingPathComponent("action.yml"))
        let findings = try Zizmor().findings(in: ["action.yml"], at: folder.url)
        #expect(findings.findings.isEmpty, "the pinned action: \(findings.findings)")
        let version = try Git.text(trusted + ["show", "\(commit):Sources/EvidentCore/EvidentVersion.swift"], in: top)
        #expect(version.contains("current = \"\(StarterWorkflows.actionVersion)\""), "\(version)")
    }
}
