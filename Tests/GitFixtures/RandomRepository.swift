import Foundation

/// A small deterministic pseudo-random generator (SplitMix64), so a seed always gives the same repository.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed &+ 0x9e37_79b9_7f4a_7c15
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Builds a random repository from a seed through `git fast-import`: side branches merged
/// into main, deletes and re-adds, mode changes, file↔symlink, file↔folder, submodule
/// entries, empty commits, unicode and non-UTF-8 names, skewed clocks and trailers.
public struct RandomRepository {
    public struct Built: Sendable {
        public var url: URL
        /// Roots to query, chosen for this seed: nested, overlapping, deep, absent.
        public var roots: [String]
        /// The first-parent chain of main, oldest first.
        public var mainline: [String]
    }

    private enum Entry: Equatable {
        case file(mode: String, content: String)
        case link(target: String)
        case gitlink(commit: String)
    }

    /// Path component pools: the first level is where roots point.
    private static let topLevel: [[UInt8]] = [
        Array("controls".utf8), Array("policies".utf8), Array("evidence".utf8), Array("src".utf8),
        Array("ü-ñ".utf8), Array("sp ace".utf8), [0x62, 0x61, 0x64, 0xff, 0xfe], Array("controls-x".utf8), Array("z".utf8),
    ]
    private static let lowerLevels: [[UInt8]] = [
        Array("AC-01".utf8), Array("sub".utf8), Array("a".utf8), Array("b.md".utf8), Array("2026-01-05-review.md".utf8),
        Array("日本".utf8), [0x78, 0xc3, 0x28], Array("x".utf8), Array("a-b".utf8), Array("a.b".utf8), Array("é.md".utf8),
    ]
    private static let rootChoices = [
        "controls", "policies/", "evidence/AC-01", "src/sub/a", "ü-ñ", "controls/sub", "never-existed",
        "controls-x", "z/x", "sp ace/日本", ".",
    ]
    private static let messages = [
        "Update controls",
        "Add evidence\n\nQuarterly review export.",
        "Revise policy\n\nApproved-by: Dave Approver <dave@example.com>",
        "Change\n\nSome text here.\n\nApproved-by: Dave <dave@example.com>\nReviewed-by: Erin <erin@example.com>\nApproved-by: Frank <frank@example.com>",
        "Folded\n\nApproved-by: Dave\n  Approver <dave@example.com>\nRef: ABC-1",
        "Not a trailer block\n\nThis line is prose.\nKey: value",
        "Mixed\n\nprose line one\nprose two\nSigned-off-by: Carol <carol@example.com>\nKey: v",
        "Title only: with colon",
        "Spaces\n\nKey : spaced value  \nOther:compact",
    ]
    private static let people = [("Alice Smith", "alice@example.com"), ("Bob Jones", "bob@example.com"), ("Zoë Ünïcode", "zoe@example.com")]

    public static func build(seed: UInt64, in parent: URL) throws -> Built {
        var random = SeededGenerator(seed: seed)
        let url = parent.appendingPathComponent("repo-\(seed)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Git.run(["init", "-q", "-b", "main", "."], in: url)

        var stream = Data()
        var mark = 0
        var clock: Int64 = 1_735_689_600 + Int64(seed % 1000) * 86_400
        var mainState: [[UInt8]: Entry] = [:]
        var mainTip: Int?
        var mainline: [Int] = []
        let commitCount = Int.random(in: 12...45, using: &random)

        func quoted(_ path: [UInt8]) -> Data {
            var out = Data([UInt8(ascii: "\"")])
            for byte in path {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case 0..<0x20, 0x7f...:
                    let octal = String(byte, radix: 8)
                    out.append(contentsOf: Array(("\\" + String(repeating: "0", count: 3 - octal.count) + octal).utf8))
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
            return out
        }

        /// Applies a change to `state`, keeping it a valid tree (no file where a folder must be).
        func apply(_ path: [UInt8], _ entry: Entry?, to state: inout [[UInt8]: Entry], ops: inout Data) {
            if let entry {
                // A file on the way down becomes a folder.
                var prefixEnd = path.firstIndex(of: UInt8(ascii: "/"))
                while let end = prefixEnd {
                    let prefix = Array(path[..<end])
                    if state[prefix] != nil {
                        state[prefix] = nil
                        ops.append(Data("D ".utf8) + quoted(prefix) + Data("\n".utf8))
                    }
                    prefixEnd = path[(end + 1)...].firstIndex(of: UInt8(ascii: "/"))
                }
                // A folder in the way becomes a file.
                let folder = path + [UInt8(ascii: "/")]
                if state.keys.contains(where: { $0.starts(with: folder) }) {
                    for key in state.keys where key.starts(with: folder) { state[key] = nil }
                    ops.append(Data("D ".utf8) + quoted(path) + Data("\n".utf8))
                }
                state[path] = entry
                switch entry {
                case .file(let mode, let content):
                    ops.append(Data("M \(mode) inline ".utf8) + quoted(path) + Data("\ndata \(content.utf8.count)\n\(content)\n".utf8))
                case .link(let target):
                    ops.append(Data("M 120000 inline ".utf8) + quoted(path) + Data("\ndata \(target.utf8.count)\n\(target)\n".utf8))
                case .gitlink(let commit):
                    ops.append(Data("M 160000 \(commit) ".utf8) + quoted(path) + Data("\n".utf8))
                }
            } else {
                let folder = path + [UInt8(ascii: "/")]
                let removed = state.keys.filter { $0 == path || $0.starts(with: folder) }
                guard !removed.isEmpty else { return }
                for key in removed { state[key] = nil }
                ops.append(Data("D ".utf8) + quoted(path) + Data("\n".utf8))
            }
        }

        func randomPath() -> [UInt8] {
            var path = topLevel.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                path += [UInt8(ascii: "/")] + lowerLevels.randomElement(using: &random)!
            }
            return path
        }

        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 40 - digits.count) + digits
        }

        /// One random change (or none, for an empty commit).
        func randomChange(_ state: inout [[UInt8]: Entry], _ ops: inout Data) {
            let existing = state.keys.sorted { $0.lexicographicallyPrecedes($1) }
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30:
                apply(randomPath(), .file(mode: "100644", content: "v\(random.next() % 1000)"), to: &state, ops: &ops)
            case 30..<50 where !existing.isEmpty:
                let path = existing.randomElement(using: &random)!
                if case .file(let mode, _) = state[path] {
                    apply(path, .file(mode: mode, content: "m\(random.next() % 1000)"), to: &state, ops: &ops)
                }
            case 50..<58 where !existing.isEmpty:
                let path = existing.randomElement(using: &random)!
                if case .file(let mode, let content) = state[path] {
                    apply(path, .file(mode: mode == "100644" ? "100755" : "100644", content: content), to: &state, ops: &ops)
                }
            case 58..<64 where !existing.isEmpty:
                let path = existing.randomElement(using: &random)!
                switch state[path] {
                case .file: apply(path, .link(target: "../target\(random.next() % 5)"), to: &state, ops: &ops)
                case .link, .gitlink: apply(path, .file(mode: "100644", content: "was special"), to: &state, ops: &ops)
                case nil: break
                }
            case 64..<70:
                let path = existing.isEmpty || Bool.random(using: &random) ? randomPath() : existing.randomElement(using: &random)!
                apply(path, .gitlink(commit: hex(random.next())), to: &state, ops: &ops)
            case 70..<82 where !existing.isEmpty:
                apply(existing.randomElement(using: &random)!, nil, to: &state, ops: &ops)
            case 82..<88 where !existing.isEmpty:
                // Delete a whole folder.
                let path = existing.randomElement(using: &random)!
                if let slash = path.lastIndex(of: UInt8(ascii: "/")) {
                    apply(Array(path[..<slash]), nil, to: &state, ops: &ops)
                }
            case 88..<94 where !existing.isEmpty:
                // A file becomes a folder of the same name.
                let path = existing.randomElement(using: &random)!
                apply(path + Array("/inner".utf8), .file(mode: "100644", content: "inner"), to: &state, ops: &ops)
            default:
                break
            }
        }

        func commit(from parent: Int?, merge: Int? = nil, ops: Data) -> Int {
            mark += 1
            let (name, email) = people.randomElement(using: &random)!
            // Clocks mostly move forward; now and then a commit is dated before its parent.
            clock += Bool.random(using: &random) && Int.random(in: 0..<8, using: &random) == 0 ? -7200 : Int64.random(in: 60...86_400, using: &random)
            let message = messages.randomElement(using: &random)!
            let authorTime = clock - Int64.random(in: 0...3600, using: &random)
            var header = "commit refs/heads/scratch\nmark :\(mark)\n"
            header += "author \(name) <\(email)> \(authorTime) +0130\n"
            header += "committer Main Line <main@example.com> \(clock) -0500\n"
            header += "data \(message.utf8.count)\n\(message)\n"
            if let parent { header += "from :\(parent)\n" }
            if let merge { header += "merge :\(merge)\n" }
            stream.append(Data(header.utf8))
            stream.append(ops)
            stream.append(Data("\n".utf8))
            return mark
        }

        while mainline.count < commitCount {
            if mainTip != nil, Int.random(in: 0..<4, using: &random) == 0 {
                // A side branch, perhaps with main moving on meanwhile, merged back with --no-ff.
                var sideState = mainState
                var sideTip = mainTip
                var sideOps: [Data] = []
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    var ops = Data()
                    for _ in 0..<Int.random(in: 0...3, using: &random) { randomChange(&sideState, &ops) }
                    sideOps.append(ops)
                    sideTip = commit(from: sideTip, ops: ops)
                }
                if Bool.random(using: &random) {
                    var ops = Data()
                    randomChange(&mainState, &ops)
                    mainTip = commit(from: mainTip, ops: ops)
                    mainline.append(mainTip!)
                }
                // The merge's tree: main's, with every path the side branch touched taken from the side.
                var ops = Data()
                let touched = Set(sideState.keys).union(mainState.keys)
                for path in touched.sorted(by: { $0.lexicographicallyPrecedes($1) }) where sideState[path] != mainState[path] {
                    if sideState[path] == nil, mainState[path] != nil, Bool.random(using: &random) { continue }
                    apply(path, sideState[path], to: &mainState, ops: &ops)
                }
                if Int.random(in: 0..<5, using: &random) == 0 { randomChange(&mainState, &ops) }
                mainTip = commit(from: mainTip, merge: sideTip, ops: ops)
                mainline.append(mainTip!)
            } else {
                var ops = Data()
                for _ in 0..<Int.random(in: 0...4, using: &random) { randomChange(&mainState, &ops) }
                mainTip = commit(from: mainTip, ops: ops)
                mainline.append(mainTip!)
            }
        }
        stream.append(Data("reset refs/heads/main\nfrom :\(mainTip!)\n\n".utf8))
        stream.append(Data("get-mark :\(mainTip!)\n".utf8))
        for commitMark in mainline {
            stream.append(Data("get-mark :\(commitMark)\n".utf8))
        }
        let output = try Git.run(["fast-import", "--quiet", "--done"], in: url, input: stream + Data("done\n".utf8))
        var ids = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        ids.removeFirst()
        try Git.run(["update-ref", "-d", "refs/heads/scratch"], in: url)

        var roots: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            roots.append(rootChoices.randomElement(using: &random)!)
        }
        return Built(url: url, roots: roots, mainline: ids)
    }
}
