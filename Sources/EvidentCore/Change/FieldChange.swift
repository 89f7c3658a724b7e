/// One front-matter field that differs between two versions of a control or policy.
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// The comparable fields of controls and policies, as the names their files use.
enum ComparableFields {
    static func of(_ control: Control) -> [(String, String?)] {
        [("title", control.title), ("criteria", control.criteria.map(\.value).joined(separator: ", ")), ("owner", control.owner?.value),
         ("operator", control.operator_?.value), ("frequency", control.frequency?.value.rawValue), ("risk", control.risk?.value.rawValue),
         ("policies", control.policies.map(\.value).joined(separator: ", ")), ("evidence", control.evidence.value),
         ("grace_days", String(control.graceDays)), ("status", control.status.rawValue), ("retired_on", control.retiredOn?.description)]
    }

    static func of(_ policy: Policy) -> [(String, String?)] {
        [("title", policy.title), ("owner", policy.owner?.value), ("version", policy.version?.value), ("topic", policy.topic?.value),
         ("review_days", policy.reviewDays.map { String($0.value) }), ("controls", policy.controls.map(\.value).joined(separator: ", ")),
         ("approvals", policy.approvals.map { "\($0.by.value) \($0.version ?? "-")" }.joined(separator: ", ")), ("status", policy.status.rawValue)]
    }

    static func changes(_ before: [(String, String?)], _ after: [(String, String?)]) -> [FieldChange] {
        zip(before, after).compactMap { old, new in
            let (field, a) = old
            let b = new.1
            let normalizedA = a?.isEmpty == true ? nil : a
            let normalizedB = b?.isEmpty == true ? nil : b
            return normalizedA == normalizedB ? nil : FieldChange(field: field, before: normalizedA, after: normalizedB)
        }
    }

    static func changes(_ before: Control, _ after: Control) -> [FieldChange] { changes(of(before), of(after)) }
    static func changes(_ before: Policy, _ after: Policy) -> [FieldChange] { changes(of(before), of(after)) }
}
