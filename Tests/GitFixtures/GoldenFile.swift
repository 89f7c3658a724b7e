import Foundation

/// A checked-in file that a test's output must match byte for byte.
///
/// On a mismatch the test fails with a unified diff (expected first) and says how to accept the
/// new output: run the test again with `EVIDENT_UPDATE_GOLDEN=1`, which rewrites the file in the
/// source tree and still fails that run, so an update is always a deliberate, reviewed change
/// and never a silent pass.
public struct GoldenFile {
    /// The environment variable that rewrites golden files instead of comparing with them.
    public static let updateVariable = "EVIDENT_UPDATE_GOLDEN"

    /// The file in the source tree (not a copy in the build folder), so that an update lands
    /// where git sees it.
    public let url: URL

    /// `name` in the `Resources/Golden` folder beside the test file `testFile` (pass `#filePath`).
    public init(_ name: String, besides testFile: String) {
        url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Resources/Golden", isDirectory: true).appendingPathComponent(name)
    }

    /// nil when `actual` is the file's content; else why not, with the diff and the way to
    /// regenerate. With `EVIDENT_UPDATE_GOLDEN=1` set, writes `actual` to the file first and
    /// says so (the result is still a failure).
    public func mismatch(_ actual: String) throws -> String? {
        let expected = try? Data(contentsOf: url)
        if expected == Data(actual.utf8) { return nil }
        if ProcessInfo.processInfo.environment[Self.updateVariable] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return "rewrote \(url.path); review it with git diff and run the test again"
        }
        let folder = try TemporaryDirectory("evident-golden")
        let written = folder.path("actual")
        try Data(actual.utf8).write(to: written)
        let diff = try Process.capture(executable: "/usr/bin/env", arguments: ["diff", "-u", "--label", "golden", "--label", "actual",
                                                                              expected == nil ? "/dev/null" : url.path, written.path],
                                       in: folder.url)
        return """
            output differs from \(url.lastPathComponent)\(expected == nil ? " (no such file yet)" : ""):
            \(String(decoding: diff.standardOutput, as: UTF8.self))
            If the new output is right, regenerate it with \(Self.updateVariable)=1 swift test --disable-xctest --filter <this test>, and review the diff.
            """
    }
}
