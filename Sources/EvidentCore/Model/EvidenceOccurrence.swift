/// One occurrence of a control's evidence: a dated file or folder under the control's
/// evidence folder.
public struct EvidenceOccurrence: Hashable, Sendable {
    /// The file or folder, relative to the repository top, byte for byte: what identifies it.
    public var exactPath: ExactPath
    /// The folder the occurrence sits in (`evidence/AC-05`), byte for byte.
    public var exactFolder: ExactPath
    /// The name inside the folder (`2026-03-31-review.csv` or `2026-03-31-review`), as text.
    public var name: String
    public var isFolder: Bool
    /// The files that make it up (the file itself, or every file of the folder).
    public var files: [ExactPath]
    /// The leading date of the name, nil when the name has none (a lint error).
    public var claimedDate: Day?
    /// `<name>.meta.yaml`, when present.
    public var sidecar: ExactPath?
    /// What the sidecar says, once read.
    public var details: EvidenceDetails?

    public init(exactPath: ExactPath, exactFolder: ExactPath, name: String, isFolder: Bool, files: [ExactPath], claimedDate: Day?,
                sidecar: ExactPath?, details: EvidenceDetails?) {
        self.exactPath = exactPath
        self.exactFolder = exactFolder
        self.name = name
        self.isFolder = isFolder
        self.files = files
        self.claimedDate = claimedDate
        self.sidecar = sidecar
        self.details = details
    }

    /// The file or folder as text, to show (bytes that are not UTF-8 show as U+FFFD).
    public var path: String { exactPath.description }
    /// The folder as text, to show.
    public var folder: String { exactFolder.description }

    /// The leading `YYYY-MM-DD` of an occurrence name, when followed by the end, `-`, `_` or `.`.
    /// Read by bytes: a combining mark on the separator makes one Character of the two, which
    /// must not hide the date.
    public static func claimedDate(ofName name: String) -> Day? {
        let bytes = name.utf8
        guard bytes.count >= 10, bytes.prefix(10).allSatisfy({ $0 < 0x80 }), let day = Day(Substring(bytes.prefix(10))) else { return nil }
        let next = bytes.dropFirst(10).first
        guard next == nil || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(next!) else { return nil }
        return day
    }
}

/// An occurrence's `.meta.yaml` sidecar.
public struct EvidenceDetails: Hashable, Sendable {
    public var performedBy: Located<String>?
    public var performedOn: Day?
    /// One export that covers several periods: the first and last day it covers.
    public var covers: ClosedRange<Day>?
    /// The query or system that produced it (what auditors call IPE).
    public var source: String?

    static let allowedKeys = ["performed_by", "performed_on", "covers", "source"]

    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> EvidenceDetails? {
        guard let node = FrontMatterDocument.compose(text, file: file, lineOffset: 0, diagnostics: &diagnostics),
              let reader = MappingReader(node, file: file, lineOffset: 0, subject: "evidence sidecar", diagnostics: &diagnostics)
        else { return nil }
        reader.checkKeys(allowed: allowedKeys, &diagnostics)
        var details = EvidenceDetails(
            performedBy: reader.string("performed_by", &diagnostics),
            performedOn: reader.day("performed_on", &diagnostics)?.value,
            covers: nil,
            source: reader.string("source", &diagnostics)?.value)
        if let covers = reader.mappingReader("covers", subject: "covers", &diagnostics) {
            covers.checkKeys(allowed: ["from", "to"], &diagnostics)
            let from = covers.day("from", required: true, &diagnostics)
            let to = covers.day("to", required: true, &diagnostics)
            if let from, let to {
                if to.value < from.value {
                    diagnostics.append(Diagnostic(ruleID: MappingReader.typeRule, severity: .error,
                                                  message: "'covers' ends (\(to.value)) before it starts (\(from.value))", location: to.location))
                } else {
                    details.covers = from.value...to.value
                }
            }
        }
        return details
    }
}
