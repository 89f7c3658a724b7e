/// Reads `controls/<ID>.md`.
enum ControlParser {
    static func parse(_ text: String, file: String, layout: ProgramLayout, diagnostics: inout [Diagnostic]) -> Control? {
        guard let document = FrontMatterDocument.parse(text, file: file, diagnostics: &diagnostics), let yaml = document.yaml,
              let reader = MappingReader(yaml, file: file, lineOffset: document.lineOffset, subject: "control", diagnostics: &diagnostics)
        else { return nil }
        reader.checkKeys(allowed: Control.allowedKeys, &diagnostics)
        let fileStem = String(file.split(separator: "/").last!.dropLast(3))
        let id = reader.string("id", required: true, &diagnostics) ?? Located(fileStem, at: reader.location)
        MappingReader.checkIdentifier(id, naming: "the control id", &diagnostics)
        let status: Located<ControlStatus>? = reader.choice("status", &diagnostics)
        let retiredOn = reader.day("retired_on", &diagnostics)
        if status?.value == .retired && retiredOn == nil {
            diagnostics.append(Diagnostic(ruleID: MappingReader.requiredRule, severity: .error,
                                          message: "a retired control needs 'retired_on: YYYY-MM-DD'", location: status!.location))
        }
        let defaultEvidence = layout.evidence + "/" + id.value
        // A folder outside the repository is reported and replaced by the default.
        let evidence = reader.string("evidence", &diagnostics).flatMap {
            MappingReader.checkPath($0, key: "evidence", &diagnostics) ? Located(normalize($0.value, layout: layout), at: $0.location) : nil
        }
        return Control(
            file: file, id: id,
            title: reader.string("title", required: true, &diagnostics)?.value,
            criteria: reader.strings("criteria", required: true, &diagnostics) ?? [],
            owner: reader.string("owner", required: true, &diagnostics),
            operator_: reader.string("operator", &diagnostics),
            frequency: reader.choice("frequency", required: true, &diagnostics),
            risk: reader.choice("risk", &diagnostics),
            policies: reader.strings("policies", &diagnostics) ?? [],
            evidence: evidence ?? Located(defaultEvidence, at: reader.location),
            graceDays: reader.integer("grace_days", in: 0...366, &diagnostics)?.value ?? Control.defaultGraceDays,
            status: status?.value ?? .active, statusLocation: status?.location,
            retiredOn: retiredOn?.value, body: document.body)
    }

    /// Evidence paths in front matter are relative to the program root, like the defaults.
    private static func normalize(_ path: String, layout: ProgramLayout) -> String {
        var trimmed = path
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        return layout.root == "." || trimmed.hasPrefix(layout.root + "/") ? trimmed : layout.root + "/" + trimmed
    }
}

/// Reads `policies/<ID>.md`.
enum PolicyParser {
    static func parse(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> Policy? {
        guard let document = FrontMatterDocument.parse(text, file: file, diagnostics: &diagnostics), let yaml = document.yaml,
              let reader = MappingReader(yaml, file: file, lineOffset: document.lineOffset, subject: "policy", diagnostics: &diagnostics)
        else { return nil }
        reader.checkKeys(allowed: Policy.allowedKeys, &diagnostics)
        let fileStem = String(file.split(separator: "/").last!.dropLast(3))
        var approvals: [PolicyApproval] = []
        for item in reader.sequence("approvals", &diagnostics) ?? [] {
            guard let entry = MappingReader(item, file: file, lineOffset: document.lineOffset, subject: "approval", diagnostics: &diagnostics) else { continue }
            entry.checkKeys(allowed: ["by", "version", "date"], &diagnostics)
            guard let by = entry.string("by", required: true, &diagnostics) else { continue }
            approvals.append(PolicyApproval(by: by, version: entry.string("version", &diagnostics)?.value,
                                            date: entry.day("date", &diagnostics)?.value, location: entry.location))
        }
        let status: Located<ControlStatus>? = reader.choice("status", &diagnostics)
        let id = reader.string("id", required: true, &diagnostics) ?? Located(fileStem, at: reader.location)
        MappingReader.checkIdentifier(id, naming: "the policy id", &diagnostics)
        return Policy(
            file: file,
            id: id,
            title: reader.string("title", required: true, &diagnostics)?.value,
            owner: reader.string("owner", required: true, &diagnostics),
            version: reader.string("version", required: true, &diagnostics),
            topic: reader.string("topic", required: true, &diagnostics),
            reviewDays: reader.integer("review_days", in: 1...3660, &diagnostics),
            controls: reader.strings("controls", &diagnostics) ?? [],
            approvals: approvals, status: status?.value ?? .active, body: document.body)
    }
}

extension Policy {
    /// Reads one policy file's text (diagnostics are dropped: lint reports them).
    public static func parse(_ text: String, file: String) -> Policy? {
        var ignored: [Diagnostic] = []
        return PolicyParser.parse(text, file: file, diagnostics: &ignored)
    }
}
