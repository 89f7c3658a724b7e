/// What a pull request does to the program (`evident pr`): the controls and policies it adds,
/// changes and removes, the evidence it touches, what lint says about the changed files, and
/// whose approval it needs.
public struct ChangeReview: Codable, Equatable, Sendable {
    /// Whether an item is a control or a policy.
    public enum ItemKind: String, Codable, Sendable, CaseIterable { case control, policy }

    /// What the change does to an item.
    public enum ItemChange: String, Codable, Sendable, CaseIterable { case added, changed, removed }

    public struct Item: Codable, Equatable, Sendable {
        public var kind: ItemKind
        public var id: String
        public var file: String
        public var change: ItemChange
        public var title: String?
        public var owner: String?
        /// Front-matter fields that differ (for `changed`).
        public var fields: [FieldChange]
        /// Whether the body text changed (for `changed`).
        public var textChanged: Bool

        enum CodingKeys: String, CodingKey {
            case kind, id, file, change, title, owner, fields
            case textChanged = "text_changed"
        }
    }

    /// An owner whose review the change needs, and for what.
    public struct Approver: Codable, Equatable, Sendable {
        public var owner: String
        /// `@handle` from `people.<owner>.github`, when known.
        public var handle: String?
        public var items: [String]
    }

    public struct Finding: Codable, Equatable, Sendable {
        public var rule: String
        public var severity: Severity
        public var message: String
        public var file: String
        public var line: Int
        public var column: Int
    }

    public var base: String
    public var head: String
    public var mergeBase: String
    public var items: [Item]
    public var evidenceAdded: [String]
    /// Evidence the change modifies or deletes: each is an EVIDENCE-APPEND-ONLY error.
    public var evidenceChanged: [String]
    public var approvers: [Approver]
    public var diagnostics: [Finding]
    /// The same diagnostics as the linter gave them, for the formats that need rule metadata (SARIF, annotations).
    public var lint: [Diagnostic] = []

    enum CodingKeys: String, CodingKey {
        case base, head, items, approvers, diagnostics
        case mergeBase = "merge_base"
        case evidenceAdded = "evidence_added"
        case evidenceChanged = "evidence_changed"
    }

    /// Compares the program at the merge base with the program at head.
    /// `changes` are the changed paths; `diagnostics` the lint of head, already limited to the change.
    public static func make(base: Program, head: Program, changes: [StagedChange], diagnostics: [Diagnostic],
                            baseRevision: String, headRevision: String, mergeBase: String) -> ChangeReview {
        let items = Self.items(kind: .control, base.controls, head.controls, changes: changes, fields: ComparableFields.changes) {
            (file: $0.file, id: $0.id.value, title: $0.title, owner: $0.owner?.value, body: $0.body)
        } + Self.items(kind: .policy, base.policies, head.policies, changes: changes, fields: ComparableFields.changes) {
            (file: $0.file, id: $0.id.value, title: $0.title, owner: $0.owner?.value, body: $0.body)
        }
        // Evidence under the folder of either side: a change that moves the program still shows what it deletes.
        let evidenceRoots = Set([base.configuration.layout.evidence, head.configuration.layout.evidence].map { $0 + "/" })
        let evidence = changes.filter { change in evidenceRoots.contains { change.path.hasPrefix($0) } }

        // Every owner of what changes must review it: the new owner, and the old one when it moves.
        var owed: [String: [String]] = [:]
        for item in items {
            var owners = [item.owner].compactMap { $0 }
            if let previous = item.fields.first(where: { $0.field == "owner" })?.before { owners.append(previous) }
            for owner in owners where !(owed[owner]?.contains(item.id) ?? false) { owed[owner, default: []].append(item.id) }
        }
        let people = head.configuration.people.merging(base.configuration.people) { current, _ in current }
        let approvers = owed.keys.sorted().map { owner in
            Approver(owner: owner, handle: people[owner]?.github.map { $0.hasPrefix("@") ? $0 : "@" + $0 }, items: owed[owner]!)
        }
        return ChangeReview(
            base: baseRevision, head: headRevision, mergeBase: mergeBase, items: items,
            evidenceAdded: evidence.filter { $0.kind == .added }.map(\.path), evidenceChanged: evidence.filter { $0.kind != .added }.map(\.path),
            approvers: approvers,
            diagnostics: diagnostics.map {
                Finding(rule: $0.ruleID, severity: $0.severity, message: $0.message, file: $0.location.file, line: $0.location.line, column: $0.location.column)
            },
            lint: diagnostics)
    }

    /// The controls or policies the change touches, matched by id (so a folder move is not a
    /// removal and an addition): added, removed, or changed when its file changed or moved.
    /// A document whose file is still there but no longer parses is reported as changed.
    private static func items<Document>(
        kind: ItemKind, _ before: [Document], _ after: [Document], changes: [StagedChange], fields: (Document, Document) -> [FieldChange],
        describe: (Document) -> (file: String, id: String, title: String?, owner: String?, body: String)
    ) -> [Item] {
        let kinds = Dictionary(changes.map { ($0.path, $0.kind) }) { first, _ in first }
        let old = Dictionary(before.map { (describe($0).id, $0) }) { first, _ in first }
        let new = Dictionary(after.map { (describe($0).id, $0) }) { first, _ in first }
        return Set(old.keys).union(new.keys).sorted().compactMap { id in
            switch (old[id].map(describe), new[id].map(describe)) {
            case (nil, let added?):
                guard kinds[added.file] != nil else { return nil }
                return Item(kind: kind, id: id, file: added.file, change: .added, title: added.title, owner: added.owner, fields: [], textChanged: false)
            case (let removed?, nil):
                guard let change = kinds[removed.file] else { return nil }
                if change == .deleted {
                    return Item(kind: kind, id: id, file: removed.file, change: .removed, title: removed.title, owner: removed.owner, fields: [], textChanged: false)
                }
                return Item(kind: kind, id: id, file: removed.file, change: .changed, title: removed.title, owner: removed.owner,
                            fields: [FieldChange(field: "front matter", before: nil, after: "does not parse (see the lint below)")], textChanged: false)
            case (let was?, let now?):
                guard kinds[now.file] != nil || was.file != now.file else { return nil }
                var changed = fields(old[id]!, new[id]!)
                if was.file != now.file { changed.insert(FieldChange(field: "file", before: was.file, after: now.file), at: 0) }
                return Item(kind: kind, id: id, file: now.file, change: .changed, title: now.title, owner: now.owner,
                            fields: changed, textChanged: was.body != now.body)
            case (nil, nil):
                return nil
            }
        }
    }
}
