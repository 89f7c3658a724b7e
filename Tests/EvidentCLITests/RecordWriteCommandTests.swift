import EvidentCore
import Foundation
import GitFixtures
import Testing

/// `evident audit` writing its record while another audit writes the same one, or while it is
/// killed: the three files stay one record (record.json's digests match the two renderings)
/// and no temporary file ever appears in the working tree.
@Suite struct RecordWriteCommandTests {
    /// The clean demo program, with `extraEvidence` more evidence files a month per control
    /// for a larger record.
    private func program(in folder: TemporaryDirectory, extraEvidence: Int = 0) throws -> URL {
        let top = folder.path("demo")
        let built = try EvidentBinary.run(["demo", "--clean", "--folder", top.path], in: folder.url)
        try #require(built.status == 0, "\(built.error)")
        guard extraEvidence > 0 else { return top }
        let evidence = top.appendingPathComponent("evidence")
        for control in try FileManager.default.contentsOfDirectory(atPath: evidence.path).sorted() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: evidence.appendingPathComponent(control).path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for month in 1...11 {
                for day in 1...extraEvidence {
                    let name = String(format: "2026-%02d-%02d-extra.md", month, day)
                    try Data("More evidence.\n".utf8).write(to: evidence.appendingPathComponent("\(control)/\(name)"))
                }
            }
        }
        try Git.run(["add", "-A", "evidence"], in: top)
        try Git.run(["commit", "-q", "-m", "More evidence"], in: top, environment: Git.environment(time: 1_798_372_800))
        return top
    }

    /// What is wrong with the record in the working tree, if anything: a file missing, or a
    /// rendering that is not the one record.json names.
    private func problem(in top: URL) -> String? {
        let folder = top.appendingPathComponent("audits/2026")
        guard let json = FileManager.default.contents(atPath: folder.appendingPathComponent("record.json").path),
              let markdown = FileManager.default.contents(atPath: folder.appendingPathComponent("record.md").path),
              let html = FileManager.default.contents(atPath: folder.appendingPathComponent("report.html").path)
        else { return "a file of the record is missing" }
        guard let record = try? AuditRecord.read(json, file: "record.json"), let renderings = record.renderings else { return "record.json does not read" }
        if renderings.markdown != SHA256.hex(markdown) { return "record.md is not the one record.json (clock \(record.clock)) names" }
        if renderings.html != SHA256.hex(html) { return "report.html is not the one record.json (clock \(record.clock)) names" }
        return nil
    }

    /// Paths in the working tree (outside .git) that git would add and that are not the record.
    private func strayFiles(in top: URL) throws -> [String] {
        let untracked = try Git.text(["ls-files", "--others", "--exclude-standard"], in: top)
        let record = Set(["record.json", "record.md", "report.html"].map { "audits/2026/\($0)" })
        return untracked.split(separator: "\n").map(String.init).filter { !record.contains($0) }
    }

    /// What the git dir's staging area holds, folders and files.
    private func staged(in top: URL) -> [String] {
        (try? FileManager.default.subpathsOfDirectory(atPath: top.appendingPathComponent(".git/evident/tmp").path)) ?? []
    }

    private func launch(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = try EvidentBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func twoAuditsAtOnceLeaveOneOfTheirRecords() throws {
        let folder = try TemporaryDirectory()
        let top = try program(in: folder)
        for attempt in 0..<40 {
            let first = try launch(["audit", "--now", "2026-12-30", "--fail-on", "never"], in: top)
            let second = try launch(["audit", "--now", "2026-12-31", "--fail-on", "never"], in: top)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "the second waits for the first (attempt \(attempt))")
            #expect(problem(in: top) == nil, "attempt \(attempt): \(problem(in: top) ?? "")")
            let stray = try strayFiles(in: top)
            #expect(stray.isEmpty, "attempt \(attempt): \(stray)")
        }
    }

    /// SIGTERM (held back while the files move) and SIGKILL (which nothing holds back), in turn.
    @Test func killsAtRandomMomentsLeaveTheOldOrTheNewRecordAndNoTemporaryFile() throws {
        let folder = try TemporaryDirectory()
        let top = try program(in: folder, extraEvidence: 2)
        let clock = ContinuousClock()
        let started = clock.now
        let first = try EvidentBinary.run(["audit", "--now", "2026-12-30", "--fail-on", "never"], in: top)
        let duration = clock.now - started
        try #require(first.status == 0, "\(first.error)")
        var generator = SeededGenerator(seed: 12)
        var killedBeforeTheEnd = 0
        for attempt in 0..<10 {
            let audit = try launch(["audit", "--now", attempt % 2 == 0 ? "2026-12-31" : "2026-12-30", "--fail-on", "never"], in: top)
            // Most of a run is reading the history; the kills aim at its last part, where it writes.
            let fraction = Double.random(in: 0.5...1.1, using: &generator)
            Thread.sleep(forTimeInterval: Double(duration.components.seconds) * fraction + Double(duration.components.attoseconds) * 1e-18 * fraction)
            let signal = attempt % 2 == 0 ? SIGKILL : SIGTERM
            kill(audit.processIdentifier, signal)
            audit.waitUntilExit()
            if audit.terminationReason == .uncaughtSignal { killedBeforeTheEnd += 1 }
            let stray = try strayFiles(in: top)
            #expect(stray.isEmpty, "attempt \(attempt): \(stray)")
            // A kill between two renames (only a SIGKILL can land there) is finished by the
            // next command that writes; until then the journal waits in the git dir.
            if let problem = problem(in: top) {
                #expect(signal == SIGKILL, "attempt \(attempt): \(problem) after a SIGTERM")
                #expect(staged(in: top).contains { $0.hasSuffix("record/target") }, "attempt \(attempt): \(problem), and no journal to finish it")
            }
            let next = try EvidentBinary.run(["audit", "--now", "2026-12-30", "--fail-on", "never"], in: top)
            #expect(next.status == 0, "\(next.error)")
            #expect(problem(in: top) == nil, "attempt \(attempt), after the next run: \(problem(in: top) ?? "")")
            #expect(staged(in: top).isEmpty, "the next run sweeps the staging area")
        }
        #expect(killedBeforeTheEnd > 0, "some kills landed while the audit ran")
    }
}
