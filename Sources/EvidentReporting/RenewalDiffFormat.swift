import EvidentCore

/// The formats of the renewal diff (`evident diff --format`).
public enum RenewalDiffFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html

    public var renderer: any DocumentRenderer<RenewalDiff> {
        switch self {
        case .text: RenewalDiffRenderer(layout: .text)
        case .json: EncodableJSONRenderer<RenewalDiff>()
        case .markdown: RenewalDiffRenderer(layout: .markdown)
        case .html: RenewalDiffRenderer(layout: .html)
        }
    }
}
