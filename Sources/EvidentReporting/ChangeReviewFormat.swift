import EvidentCore

/// The formats of a change review (`evident pr --format`): SARIF and annotations carry its lint.
public enum ChangeReviewFormat: String, CaseIterable, Sendable {
    case text, json, markdown, sarif, github

    public var renderer: any DocumentRenderer<ChangeReview> {
        switch self {
        case .text: ChangeReviewRenderer(layout: .text)
        case .markdown: ChangeReviewRenderer(layout: .markdown)
        case .json: EncodableJSONRenderer<ChangeReview>()
        case .sarif: LintOfReview(renderer: SARIFDiagnosticReporter())
        case .github: LintOfReview(renderer: GitHubActionsDiagnosticReporter())
        }
    }
}

/// A review's lint in a diagnostic format.
struct LintOfReview<Renderer: DocumentRenderer<DiagnosticReport>>: DocumentRenderer {
    var renderer: Renderer

    func render(_ review: ChangeReview) throws -> [UInt8] {
        try renderer.render(DiagnosticReport(review.lint))
    }
}
