import Foundation

/// Renders one kind of document — an audit record, a renewal diff, a change review, a history,
/// lint diagnostics, the rule and check lists — in one format, as the bytes to print or write.
/// Each command family has a format enum whose `renderer` picks the conforming type.
public protocol DocumentRenderer<Document> {
    associatedtype Document
    func render(_ document: Document) throws -> [UInt8]
    /// The same bytes in consecutive parts. A renderer that writes a large document in pieces
    /// on several threads hands them over as they are; the others give one part.
    func renderParts(_ document: Document) throws -> [[UInt8]]
}

extension DocumentRenderer {
    public func renderParts(_ document: Document) throws -> [[UInt8]] {
        [try render(document)]
    }

    /// The rendered document as text.
    public func string(_ document: Document) throws -> String {
        String(decoding: try render(document), as: UTF8.self)
    }
}

/// Any `Encodable` document as deterministic JSON: pretty-printed, sorted keys, unescaped
/// slashes, a final newline.
public struct EncodableJSONRenderer<Document: Encodable>: DocumentRenderer {
    public init() {}

    public func render(_ document: Document) throws -> [UInt8] {
        Array(try JSONOutput.encode(document).utf8)
    }
}

/// A renderer that builds the document's text as a `String`.
public protocol TextDocumentRenderer: DocumentRenderer {
    func text(_ document: Document) throws -> String
}

extension TextDocumentRenderer {
    public func render(_ document: Document) throws -> [UInt8] {
        Array(try text(document).utf8)
    }
}
