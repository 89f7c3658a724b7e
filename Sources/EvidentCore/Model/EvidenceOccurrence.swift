/// One occurrence of a control's evidence: a dated file or folder under the control's
/// evidence folder (SPEC §6).
public struct EvidenceOccurrence: Hashable, Sendable {
    /// The file or folder, relative to the repository top.
    public var path: String
    /// The folder the occurrence sits in (`evidence/AC-05`).
    public var folder: String
    /// The name inside the folder (`2026-03-31-review.csv` or `2026-03-31-review`).
    public var name: String
    public var isFolder: Bool
    /// The files that make it up (the file itself, or every file of the folder).
    public var files: [String]
    /// The leading date of the name, nil when the name has none (a lint error).
    public var claimedDate: Day?
    /// `<name>.meta.yaml`, when present.
    public var sidecar: String?
    /// Git LFS pointer: the object's sha256 from the pointer file.
    public var lfsObject: String?

    /// The leading `YYYY-MM-DD` of an occurrence name, when followed by the end, `-`, `_` or `.`.
    public static func claimedDate(ofName name: String) -> Day? {
        guard name.count >= 10, let day = Day(name.prefix(10)) else { return nil }
        let rest = name.dropFirst(10)
        guard rest.isEmpty || ["-", "_", "."].contains(rest.first!) else { return nil }
        return day
    }
}
