import EvidentCore
import EvidentGit

/// `evident history` for people: one line per event, grouped by path, oldest first.
///
///     A  2026-02-01T09:30:00Z  1a2b3c4d5e  Alice Smith  policies/POL-ACCESS.md
///
/// Written straight into bytes: on a large history this is most of a warm run's time.
public struct HistoryTextRenderer: DocumentRenderer {
    public init() {}

    public func render(_ history: MainlineHistory) -> [UInt8] {
        Self.renderBytes(history)
    }

    public static func renderBytes(_ history: MainlineHistory) -> [UInt8] {
        var names: [ObjectID: (bytes: [UInt8], width: Int)] = [:]
        for file in history.files {
            for event in file.events where names[event.commit.id] == nil {
                let name = TerminalText.line(event.commit.author.name)
                names[event.commit.id] = (Array(name.utf8), name.unicodeScalars.count)
            }
        }
        let authorWidth = min(24, names.values.map(\.width).max() ?? 0)
        var out: [UInt8] = []
        out.reserveCapacity(history.files.reduce(0) { $0 + $1.events.count } * (60 + authorWidth))
        var eventCount = 0
        for file in history.files {
            let path = Array(TerminalText.path(file.path).utf8)
            for event in file.events {
                eventCount += 1
                out.append(contentsOf: event.status.rawValue.utf8)
                out.append(contentsOf: [0x20, 0x20])
                UTCTime.appendISO8601(event.commit.committer.time, to: &out)
                out.append(contentsOf: [0x20, 0x20])
                event.commit.id.appendHex(count: 10, to: &out)
                out.append(contentsOf: [0x20, 0x20])
                let name = names[event.commit.id]!
                if name.width > authorWidth {
                    let truncated = String(String(decoding: name.bytes, as: UTF8.self).unicodeScalars.prefix(authorWidth - 1).map(Character.init)) + "…"
                    out.append(contentsOf: truncated.utf8)
                } else {
                    out.append(contentsOf: name.bytes)
                    out.append(contentsOf: repeatElement(0x20, count: authorWidth - name.width))
                }
                if event.commit.isSigned {
                    out.append(contentsOf: "  signed  ".utf8)
                } else {
                    out.append(contentsOf: repeatElement(0x20, count: 10))
                }
                out.append(contentsOf: path)
                out.append(0x0a)
            }
        }
        let roots = history.roots.map { TerminalText.line($0.description) }.joined(separator: ", ")
        let summary = "\(history.files.count) \(history.files.count == 1 ? "path" : "paths"), \(eventCount) \(eventCount == 1 ? "change" : "changes") under \(roots) on \(TerminalText.line(history.reference)) at \(history.head.abbreviated())\n"
        out.append(contentsOf: summary.utf8)
        return out
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
