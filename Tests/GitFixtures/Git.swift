import Foundation

/// Runs the `git` CLI: the tests' fixture builder and the reference Evident is compared with.
public enum Git {
    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var standardError: String
        public var description: String { "git \(arguments.joined(separator: " ")) exited \(status): \(standardError)" }
    }

    /// A fixed identity and clock, so fixture commits are reproducible.
    public static func environment(time: Int64 = 1_767_225_600, name: String = "Fixture Author", email: String = "author@example.com",
                                   committer: (name: String, email: String)? = nil) -> [String: String] {
        [
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": "\(time) +0000",
            "GIT_COMMITTER_NAME": committer?.name ?? name, "GIT_COMMITTER_EMAIL": committer?.email ?? email, "GIT_COMMITTER_DATE": "\(time) +0000",
        ]
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: Data? = nil) throws -> Data {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["git"] + arguments, in: directory, environment: isolated(environment), input: input)
        guard result.status == 0 else {
            throw Failure(arguments: arguments, status: result.status, standardError: String(decoding: result.standardError, as: UTF8.self))
        }
        return result.standardOutput
    }

    /// Output as text with the final newline removed.
    public static func text(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: String? = nil) throws -> String {
        var text = String(decoding: try run(arguments, in: directory, environment: environment, input: input.map { Data($0.utf8) }), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Keeps the user's and machine's git configuration out of the fixtures.
    static func isolated(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        for key in environment.keys where key.hasPrefix("GIT_") && !["GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL", "GIT_TERMINAL_PROMPT"].contains(key) {
            environment[key] = nil
        }
        environment.merge(extra) { $1 }
        return environment
    }
}

extension Process {
    public struct Captured: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: Data
    }

    /// Runs a program to completion, collecting both output streams without deadlocking.
    public static func capture(executable: String, arguments: [String], in directory: URL, environment: [String: String]? = nil, input: Data? = nil) throws -> Captured {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            outputData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        group.wait()
        process.waitUntilExit()
        return Captured(status: process.terminationStatus, standardOutput: outputData, standardError: errorData)
    }
}

/// A folder removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(_ label: String = "evident-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func path(_ component: String) -> URL {
        url.appendingPathComponent(component)
    }
}
