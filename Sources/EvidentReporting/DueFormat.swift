import EvidentCore

/// The formats of `evident due --format`: text for the terminal, Markdown for a job summary or
/// an issue comment, and the JSON contract (`DueJSON`).
public enum DueFormat: String, CaseIterable, Sendable {
    case text, json, markdown

    public var renderer: any DocumentRenderer<DueSchedule> {
        switch self {
        case .text: DueTextRenderer()
        case .json: DueJSONRenderer()
        case .markdown: DueMarkdownRenderer()
        }
    }
}

/// `evident due --format json`: `DueJSON` as deterministic JSON.
public struct DueJSONRenderer: DocumentRenderer {
    public init() {}

    public func render(_ schedule: DueSchedule) throws -> [UInt8] {
        try EncodableJSONRenderer<DueJSON>().render(DueJSON(schedule))
    }
}
