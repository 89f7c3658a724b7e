import EvidentCore
import EvidentGit

/// The formats of `evident history --format`: one line per event for people, or the JSON contract.
public enum HistoryFormat: String, CaseIterable, Sendable {
    case text, json

    public var renderer: any DocumentRenderer<MainlineHistory> {
        switch self {
        case .text: HistoryTextRenderer()
        case .json: HistoryJSONRenderer()
        }
    }
}

/// `evident history --format json`: the bytes `HistoryDocument` encodes to, written directly.
struct HistoryJSONRenderer: DocumentRenderer {
    func render(_ history: MainlineHistory) -> [UInt8] {
        HistoryJSON.bytes(history)
    }

    func renderParts(_ history: MainlineHistory) -> [[UInt8]] {
        HistoryJSON.parts(history)
    }
}
