import ArgumentParser
import EvidentCore
import EvidentGit
import Foundation

/// `evident init`: scaffold a starter program, never overwriting a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold a starter SOC 2 program: evident.yaml, controls, policies, risk assessment, workflow and hook config.",
        discussion: "Existing files are never overwritten; they are listed as kept.")

    @Option(name: .long, help: ArgumentHelp("The repository to scaffold into (default: the current folder).", valueName: "dir"))
    var repo: String = "."

    @Option(parsing: .upToNextOption, help: "Categories in scope besides security: availability, confidentiality, processing-integrity, privacy.")
    var categories: [String] = []

    @Option(help: "The organization's name, written into evident.yaml.")
    var organization: String = "Example Corp"

    @Option(help: "The year of the first audit cycle (default: this year).")
    var year: Int?

    func run() throws {
        var scope: Set<TrustCategory> = [.security]
        for name in categories.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) where !name.isEmpty {
            guard let category = TrustCategory(rawValue: name) else {
                let suggestion = Suggestion.closest(to: name, among: TrustCategory.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                throw CommandFailure(.usage, "unknown category '\(name)'\(suggestion) (choose from \(TrustCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            scope.insert(category)
        }
        let cycleYear = year ?? Day(epochSeconds: Int64(Date().timeIntervalSince1970)).year
        let top = URL(fileURLWithPath: repo, isDirectory: true)
        // The mainline is the branch the repository is on (main, master, trunk...), else main.
        let branch = (try? Repository(discoveringFrom: top.path))?.headReferenceName
        let mainline = branch.flatMap { $0.hasPrefix("refs/heads/") ? String($0.dropFirst("refs/heads/".count)) : nil } ?? "main"
        let files = StarterProgram.files(categories: scope, organization: organization, year: cycleYear, mainline: mainline)
        var written = 0
        var kept: [String] = []
        for path in files.keys.sorted() {
            let url = top.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                kept.append(path)
                continue
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: url, options: .withoutOverwriting)
                written += 1
            } catch {
                throw CommandFailure(.usage, "cannot write \(path): \(error.localizedDescription)")
            }
        }
        let categoriesText = TrustCategory.allCases.filter { scope.contains($0) }.map(\.rawValue).joined(separator: ", ")
        var report = "Wrote \(written) files for a starter program (\(categoriesText)) in \(top.standardizedFileURL.path).\n"
        if !kept.isEmpty {
            report += "Kept \(kept.count) existing \(kept.count == 1 ? "file" : "files"): \(kept.prefix(5).joined(separator: ", "))\(kept.count > 5 ? ", …" : "")\n"
        }
        report += """
            Next: replace the placeholder people in evident.yaml, adapt each control's owner and test procedure,
            then run 'evident lint' and 'evident hook install'.

            """
        FileHandle.standardOutput.write(Data(report.utf8))
    }
}
