import EvidentCore
import Foundation
import GitFixtures
import Testing

/// The GitHub Action (`action.yml`), this repository's workflows and the workflows `evident init`
/// scaffolds: valid against GitHub's schemas, wired to the action, and never shallow.
///
/// check-jsonschema validates them with its copies of SchemaStore's GitHub workflow and action
/// schemas; `WorkflowSecurityTests` runs zizmor and actionlint over the same files.
@Suite struct GitHubIntegrationTests {
    static let top = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// This repository's workflows, and the scaffolded ones written to `folder`.
    private func workflows(in folder: TemporaryDirectory) throws -> [URL] {
        let own = Self.top.appendingPathComponent(".github/workflows")
        var files = try FileManager.default.contentsOfDirectory(at: own, includingPropertiesForKeys: nil).filter { $0.pathExtension == "yml" }
        let scaffolded = StarterProgram.files(categories: Set(TrustCategory.allCases), organization: "Example", year: 2026, mainline: "trunk")
        for (path, text) in scaffolded where path.hasPrefix(".github/workflows/") {
            let file = folder.url.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
            try Data(text.utf8).write(to: file)
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }

    private func validate(_ files: [URL], schema: String) throws -> (status: Int32, output: String) {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-m", "check_jsonschema", "--builtin-schema", schema] + files.map(\.path),
                                         in: Self.top)
        return (result.status, String(decoding: result.standardOutput + result.standardError, as: UTF8.self))
    }

    @Test func workflowsAndTheActionValidateAgainstGitHubsSchemas() throws {
        let folder = try TemporaryDirectory()
        let files = try workflows(in: folder)
        #expect(files.count >= 4, "ci.yml, compliance.yml and the two scaffolded workflows: \(files.map(\.lastPathComponent))")
        let workflows = try validate(files, schema: "vendor.github-workflows")
        #expect(workflows.status == 0, "\(workflows.output)")
        let action = try validate([Self.top.appendingPathComponent("action.yml")], schema: "vendor.github-actions")
        #expect(action.status == 0, "\(action.output)")
    }

    @Test func theValidatorRejectsABrokenWorkflowAndAction() throws {
        let folder = try TemporaryDirectory()
        let workflow = folder.url.appendingPathComponent("broken.yml")
        try Data("name: x\non: push\njobs:\n  build:\n    steps:\n      - run: echo\n        uses: a/b@v1\n".utf8).write(to: workflow)
        let result = try validate([workflow], schema: "vendor.github-workflows")
        #expect(result.status != 0 && result.output.contains("'runs-on' is a required property"), "\(result.output)")
        let action = folder.url.appendingPathComponent("action.yml")
        try Data("name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n".utf8).write(to: action)
        #expect(try validate([action], schema: "vendor.github-actions").status != 0, "a composite step's run needs a shell")
    }

    @Test func scaffoldedWorkflowsUseTheAction() throws {
        let files = StarterProgram.files(categories: [.security], organization: "Example", year: 2026, mainline: "trunk")
        let check = try #require(files[".github/workflows/evident.yml"])
        #expect(check.contains("branches: [trunk]"))
        #expect(check.contains("uses: \(StarterWorkflows.actionReference)\n        with:\n          command: lint"))
        #expect(check.contains("uses: \(StarterWorkflows.actionReference)\n        with:\n          command: pr"))
        #expect(check.contains("security-events: write"), "SARIF upload needs it")
        let audit = try #require(files[".github/workflows/evident-audit.yml"])
        #expect(audit.contains("command: audit") && audit.contains("schedule:") && audit.contains("pull-requests: write"))
        let own = try String(contentsOf: Self.top.appendingPathComponent(".github/workflows/compliance.yml"), encoding: .utf8)
        #expect(own.contains("uses: ./"), "this repository runs its own action on its own program")
    }

    /// Evident proves dates from the whole history, so every checkout that a workflow, the
    /// action or the README shows must fetch it all; and none keeps its credentials in the
    /// repository's git configuration, where later steps could read them.
    @Test func everyDocumentedCheckoutFetchesTheWholeHistoryAndKeepsNoCredentials() throws {
        let folder = try TemporaryDirectory()
        var texts = try workflows(in: folder).map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
        for name in ["action.yml", "README.md"] {
            texts.append((name, try String(contentsOf: Self.top.appendingPathComponent(name), encoding: .utf8)))
        }
        var checkouts = 0
        for (name, text) in texts {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains("actions/checkout@") {
                checkouts += 1
                let following = lines[(index + 1)..<min(lines.count, index + 5)]
                #expect(following.contains { $0.contains("fetch-depth: 0") }, "\(name):\(index + 1): a checkout without fetch-depth: 0")
                #expect(following.contains { $0.contains("persist-credentials: false") }, "\(name):\(index + 1): a checkout that keeps its credentials")
            }
        }
        #expect(checkouts >= 8)
    }

    /// The action's "Run Evident" step, as GitHub runs it (`bash -eo pipefail`), against a
    /// repository with a warning: the summary, SARIF and outputs are written whatever the exit
    /// code, and `args` sets the exit code.
    @Test func theActionsRunStepWritesSummarySARIFAndOutputs() throws {
        let folder = try TemporaryDirectory()
        var repository = try FixtureRepository(in: folder.url)
        try repository.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, on: "2026-01-10", message: "Program")
        try Git.run(["checkout", "-q", "-b", "change"], in: repository.url)
        let policy = ExampleProgram.policy("access-control", body: "Rewritten without a new version.")
        try repository.commit(["policies/POL-ACCESS-CONTROL.md": policy], on: "2026-02-01", message: "Policy change")
        let script = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", """
            import sys, yaml
            steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
            print(next(step["run"] for step in steps if step.get("id") == "evident"))
            """, Self.top.appendingPathComponent("action.yml").path], in: folder.url)
        #expect(script.status == 0, "\(String(decoding: script.standardError, as: UTF8.self))")
        let step = folder.url.appendingPathComponent("step.sh")
        try script.standardOutput.write(to: step)
        // Where the action's build step installs Evident (and its cache restores it).
        let installed = folder.url.appendingPathComponent(".cache/evident-action/bin")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: installed.appendingPathComponent("evident"), withDestinationURL: try EvidentBinary.url)

        func run(_ command: String, args: String) throws -> (status: Int32, summary: String, outputs: String, sarif: Bool) {
            let summary = folder.url.appendingPathComponent("summary-\(command).md")
            let outputs = folder.url.appendingPathComponent("outputs-\(command).txt")
            for file in [summary, outputs] { try Data().write(to: file) }
            try? FileManager.default.removeItem(at: repository.url.appendingPathComponent("evident.sarif"))
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = folder.url.path
            environment["GIT_CONFIG_GLOBAL"] = folder.url.appendingPathComponent("gitconfig").path
            environment["GITHUB_WORKSPACE"] = repository.url.path
            environment["GITHUB_STEP_SUMMARY"] = summary.path
            environment["GITHUB_OUTPUT"] = outputs.path
            environment["EVIDENT_COMMAND"] = command
            environment["EVIDENT_BASE"] = ""
            environment["EVIDENT_CYCLE"] = ""
            environment["EVIDENT_ARGS"] = args
            environment["EVIDENT_SARIF"] = "true"
            environment["BASE_REF"] = "main"
            let result = try Process.capture(executable: "/bin/bash", arguments: ["--noprofile", "--norc", "-eo", "pipefail", step.path],
                                             in: repository.url, environment: environment)
            return (result.status, String(decoding: try Data(contentsOf: summary), as: UTF8.self), String(decoding: try Data(contentsOf: outputs), as: UTF8.self),
                    FileManager.default.fileExists(atPath: repository.url.appendingPathComponent("evident.sarif").path))
        }
        // The pull-request base is origin/<base_ref>, as a checkout on GitHub has it.
        try Git.run(["update-ref", "refs/remotes/origin/main", "main"], in: repository.url)

        let strict = try run("pr", args: "--fail-on warning")
        #expect(strict.status == 1, "args set the exit code")
        #expect(strict.summary.contains("POLICY-CHANGE-UNVERSIONED"), "\(strict.summary)")
        #expect(strict.sarif && strict.outputs.contains("sarif-file=evident.sarif") && strict.outputs.contains("exit-code=1"), "\(strict.outputs)")
        let lenient = try run("pr", args: "")
        #expect(lenient.status == 0 && lenient.outputs.contains("exit-code=0"))
        let control = ExampleProgram.base["controls/AC-01.md"]!.replacingOccurrences(of: "risk: moderate", with: "risk: moderate\nfrequncy: daily")
        try Data(control.utf8).write(to: repository.url.appendingPathComponent("controls/AC-01.md"))
        let lint = try run("lint", args: "--today 2026-02-02 --fail-on warning")
        #expect(lint.status == 1 && lint.sarif && lint.summary.contains("SCHEMA-UNKNOWN-KEY"), "\(lint.summary)")
        #expect(lint.outputs.contains("exit-code=1"))
        let unknown = try run("deploy", args: "")
        #expect(unknown.status == 2)
    }
}
