import EvidentCore
import EvidentEngine
import EvidentGit
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// The use cases over repositories git itself would call odd: crafted commit dates, far time
/// zones, a mainline that is missing or unreadable, a shallow clone, a bare repository.
@Suite struct GitEdgeCaseTests {
    /// A year of the example program with `date` on a commit that adds evidence, and an
    /// ordinary commit after it. Returns the crafted commit's id.
    private func program(in folder: TemporaryDirectory, crafted date: String) throws -> (FixtureRepository, String) {
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let crafted = try fixture.commitRaw(["evidence/AC-01/2026-11-02-extra.md": "extra"], authorDate: date)
        try fixture.commitRaw(["README.md": "after"], authorDate: "1798761600 +0000")
        return (fixture, crafted)
    }

    @Test(arguments: ["-62198755200 +0000", "99999999999999999999 +0000", "1767225600 +9999"])
    func historyAndAuditStopAtAnUnusableDate(date: String) throws {
        let folder = try TemporaryDirectory()
        let (fixture, crafted) = try program(in: folder, crafted: date)
        let repository = try Fixtures.open(fixture)
        for attempt in [
            { _ = try repository.history(HistoryRequest()) },
            { _ = try repository.history(HistoryRequest(usesIndex: false)) },
            { _ = try repository.audit(AuditRequest()) },
        ] as [() throws -> Void] {
            let error = try #require(throws: EngineError.self) { try attempt() }
            #expect(error.status == .repository)
            #expect(error.message.contains("commit \(crafted) has an unusable author date"), "\(error.message)")
        }
    }

    /// Far time zones and years past 9999 are shown as the commit gives them: times in UTC
    /// (the expanded ISO 8601 year past 9999), offsets as written.
    @Test func farZonesAndFarYearsAreShownAsGiven() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commit(["controls/AC-01.md": "one"])
        let zones = ["+1400": "+14:00", "-1200": "-12:00", "+0545": "+05:45", "-0930": "-09:30"]
        var commits: [String: String] = [:]
        for (index, zone) in zones.keys.sorted().enumerated() {
            commits[zone] = try fixture.commitRaw(["controls/AC-0\(index + 2).md": zone], authorDate: "1767225600 \(zone)", committerDate: "1767229200 \(zone)")
        }
        let far = try fixture.commitRaw(["controls/AC-09.md": "far"], authorDate: "253402300800 +0100")
        let document = HistoryDocument(try Fixtures.open(fixture).history(HistoryRequest()).history)
        let events = Dictionary(uniqueKeysWithValues: document.files.flatMap(\.events).map { ($0.commit, $0) })
        for (zone, offset) in zones {
            let event = try #require(events[commits[zone]!])
            #expect(event.author.offset == offset && event.committer.offset == offset)
            #expect(event.author.time == "2026-01-01T00:00:00Z" && event.time == "2026-01-01T01:00:00Z")
        }
        let farEvent = try #require(events[far])
        #expect(farEvent.time == "+010000-01-01T00:00:00Z" && farEvent.author.offset == "+01:00")
        // The text rendering shows the same time.
        let text = String(decoding: HistoryTextRenderer.renderBytes(try Fixtures.open(fixture).history(HistoryRequest()).history), as: UTF8.self)
        #expect(text.contains("A  +010000-01-01T00:00:00Z  \(far.prefix(10))"), "\(text)")
    }

    /// A record's days are UTC days, whatever zone the committer was in.
    @Test func recordDaysAreUTCDaysInAnyZone() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        // 2026-11-02T23:30:00Z: already 2026-11-03 in +14:00, still 2026-11-02 in -12:00.
        try fixture.commitRaw(["evidence/AC-01/2026-11-02-east.md": "e"], authorDate: "1793662200 +1400")
        try fixture.commitRaw(["evidence/AC-01/2026-11-02-west.md": "w"], authorDate: "1793662200 -1200")
        let record = try Fixtures.open(fixture).audit(AuditRequest(clock: Day("2026-12-20"))).record
        let occurrences = record.controls.flatMap(\.periods).flatMap(\.occurrences)
        for name in ["east", "west"] {
            let occurrence = try #require(occurrences.first { $0.path.hasSuffix("-\(name).md") })
            #expect(occurrence.landed == "2026-11-02")
        }
    }

    /// A year of the example program whose evident.yaml names `main` as the mainline.
    private func programOnMain(in folder: TemporaryDirectory) throws -> FixtureRepository {
        var fixture = try Fixtures.yearOfEvidence(in: folder)
        let yaml = try String(contentsOf: fixture.url.appendingPathComponent("evident.yaml"), encoding: .utf8)
        try fixture.commit(["evident.yaml": yaml + "mainline: main\n"], on: "2026-12-20")
        return fixture
    }

    @Test func aMainlineThatNamesNoBranchListsTheBranches() throws {
        let folder = try TemporaryDirectory()
        let fixture = try programOnMain(in: folder)
        try Git.run(["branch", "-m", "main", "trunk"], in: fixture.url)
        try Git.run(["branch", "release"], in: fixture.url)
        let error = try #require(throws: EngineError.self) { _ = try Fixtures.open(fixture).audit(AuditRequest()) }
        #expect(error.status == .usage)
        #expect(error.message.contains("no branch 'main' or 'origin/main'; its branches are release, trunk;"), "\(error.message)")
    }

    @Test func aMissingMainlineTipIsARepositoryErrorNamingIt() throws {
        let folder = try TemporaryDirectory()
        let fixture = try programOnMain(in: folder)
        let missing = "1234567890123456789012345678901234567890"
        try Data("\(missing)\n".utf8).write(to: fixture.url.appendingPathComponent(".git/refs/heads/main"))
        for attempt in [{ _ = try Fixtures.open(fixture).audit(AuditRequest()) }, { _ = try Fixtures.open(fixture).history(HistoryRequest()) }] as [() throws -> Void] {
            let error = try #require(throws: EngineError.self) { try attempt() }
            #expect(error.status == .repository)
            #expect(error.message.contains(missing) && error.message.contains("missing"), "\(error.message)")
        }
    }

    @Test func aCorruptMainlineTipIsARepositoryErrorNamingIt() throws {
        let folder = try TemporaryDirectory()
        var fixture = try programOnMain(in: folder)
        let tip = try fixture.commit(["README.md": "last"], on: "2026-12-21")
        let object = fixture.url.appendingPathComponent(".git/objects/\(tip.prefix(2))/\(tip.dropFirst(2))")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
        try Data("not a zlib stream".utf8).write(to: object)
        let error = try #require(throws: EngineError.self) { _ = try Fixtures.open(fixture).audit(AuditRequest()) }
        #expect(error.status == .repository)
        #expect(error.message.contains(tip) && error.message.contains("corrupt"), "\(error.message)")
    }

    @Test func reviewingAChangeInAShallowCloneSaysHowToFixIt() throws {
        let folder = try TemporaryDirectory()
        var fixture = try FixtureRepository(in: folder.url)
        try fixture.commitApproved(ExampleProgram.base.mapValues { Optional($0) }, on: "2026-01-10", message: "Program")
        try fixture.commit(["evidence/AC-01/2026-04-01-review.md": "Q2"], on: "2026-04-02")
        let clone = folder.path("shallow")
        try Git.run(["clone", "-q", "--depth", "1", "file://\(fixture.url.path)", clone.path], in: folder.url)
        let error = try #require(throws: EngineError.self) {
            _ = try ComplianceRepository(discoveringFrom: clone.path).review(base: "origin/main", head: "HEAD", today: Day("2026-05-01")!)
        }
        #expect(error.status == .repository)
        #expect(error.message.contains("git fetch --unshallow") && error.message.contains("fetch-depth: 0"), "\(error.message)")
    }

    @Test func stagedLintInABareRepositoryIsAUsageError() throws {
        let folder = try TemporaryDirectory()
        let fixture = try Fixtures.yearOfEvidence(in: folder)
        let bare = folder.path("bare.git")
        try Git.run(["clone", "-q", "--bare", fixture.url.path, bare.path], in: folder.url)
        let repository = try ComplianceRepository(discoveringFrom: bare.path)
        let staged = try #require(throws: EngineError.self) { _ = try repository.lint(LintRequest(staged: true, today: Day("2026-06-01")!)) }
        #expect(staged.status == .usage)
        #expect(staged.message.contains("bare repository") && staged.message.contains("run it in a clone"), "\(staged.message)")
        let plain = try #require(throws: EngineError.self) { _ = try repository.lint(LintRequest(today: Day("2026-06-01")!)) }
        #expect(plain.status == .usage && !plain.message.contains("--staged"), "\(plain.message)")
    }
}
