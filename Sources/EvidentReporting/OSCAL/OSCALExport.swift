import EvidentCore
import Foundation

/// Evident's record and program as OSCAL documents. Every uuid is a version 5 UUID of a stable
/// name (the cycle, the audited commit and an Evident id), so exporting the same state again
/// gives the same bytes.
public enum OSCALExport {
    static let catalogTitle = "AICPA Trust Services Criteria (2017 criteria, revised points of focus 2022), as used in SOC 2"

    // MARK: Assessment results

    /// The cycle's record (at `recordPath` in the repository) as assessment results. `landedAt`
    /// gives a commit's committer time (ISO 8601, UTC), for each evidence occurrence's landing.
    public static func assessmentResults(_ record: AuditRecord, recordPath: String, landedAt: (String) -> String?) -> OSCAL.AssessmentResultsDocument {
        let scope = "evident:\(record.cycle.id):\(record.auditedCommit)"
        func uuid(_ name: String) -> String { NameBasedUUID.v5("\(scope):\(name)") }
        let planUUID = uuid("resource:assessment-plan")
        let catalogUUID = uuid("resource:catalog")
        let recordUUID = uuid("resource:record")
        let clock = "\(record.clock)T00:00:00Z"

        // Which criteria each control covers, from the record's coverage table.
        var criteriaOf: [String: [String]] = [:]
        for criterion in record.criteria {
            for control in criterion.controls { criteriaOf[control, default: []].append(criterion.id) }
        }

        var observed: Set<String> = []
        let observations = record.controls.filter { observed.insert($0.id).inserted }.map { control -> OSCAL.Observation in
            var seen: Set<String> = []
            let occurrences = (control.periods.flatMap(\.occurrences) + control.occurrences).filter { seen.insert($0.path).inserted }
            var counts: [PeriodResult.State: Int] = [:]
            for period in control.periods { counts[period.state, default: 0] += 1 }
            let count = { (state: PeriodResult.State) in counts[state] ?? 0 }
            var description = "\(control.id) (\(control.title ?? "untitled")): \(control.result.rawValue)."
            if !control.periods.isEmpty {
                let due = PeriodResult.State.allCases.filter(\.isDue).map(count).reduce(0, +)
                description += " \(count(.onTime)) of \(due) due periods on time, \(count(.late)) late, \(count(.missing)) missing, \(count(.pending)) pending."
            }
            description += " Sample: \(control.sample.size) of a population of \(control.sample.population)."
            return OSCAL.Observation(
                uuid: uuid("observation:\(control.id)"), title: "\(control.id): population and evidence",
                description: description,
                props: [.evident("control-id", control.id), .evident("result", control.result.rawValue), .evident("owner", control.owner),
                        .evident("frequency", control.frequency?.rawValue), .evident("risk", control.risk?.rawValue), .evident("window", control.window)].compactMap { $0 },
                methods: ["TEST"], types: ["control-objective"],
                relevantEvidence: occurrences.isEmpty ? nil : occurrences.map { occurrence in
                    var text = "\(occurrence.path): claimed \(occurrence.claimed)"
                    if let landed = occurrence.landed, let commit = occurrence.commit {
                        text += ", landed on the mainline on \(landed) in commit \(commit)"
                    } else {
                        text += ", not landed on the mainline"
                    }
                    return OSCAL.RelevantEvidence(
                        href: relativeURIReference(occurrence.path), description: text,
                        props: [.evident("claimed", occurrence.claimed), .evident("landing-commit", occurrence.commit),
                                .evident("landed-at", occurrence.commit.flatMap(landedAt))].compactMap { $0 })
                },
                collected: clock)
        }
        let controlIDs = Set(record.controls.map(\.id))

        var risks: [OSCAL.Risk] = []
        var findings: [OSCAL.Finding] = []
        for finding in record.findings {
            // As in the record, only findings of medium severity or above are exceptions that
            // leave a criterion unmet; low and info findings are notes on a met one.
            let exception = finding.severity.isException
            let riskUUID = uuid("risk:\(finding.id)")
            let related = controlIDs.contains(finding.subject) ? [OSCAL.RelatedObservation(observationUUID: uuid("observation:\(finding.subject)"))] : nil
            let props = [OSCAL.Property.evident("finding-id", finding.id), .evident("code", finding.code), .evident("severity", finding.severity.rawValue),
                         .evident("subject", finding.subject), .evident("owner", finding.owner), .evident("status", finding.status.rawValue),
                         .evident("count", finding.listedCount > 0 ? String(finding.listedCount) : nil)].compactMap { $0 }
                + finding.periodRuns.compactMap { OSCAL.Property.evident("period", $0) } + (finding.items ?? []).compactMap { OSCAL.Property.evident("item", $0) }
                + finding.evidence.compactMap { OSCAL.Property.evident("evidence", $0) }
            risks.append(OSCAL.Risk(
                uuid: riskUUID, title: "\(finding.code) on \(finding.subject)", description: finding.message,
                statement: "Raised by Evident's \(finding.code) check (severity \(finding.severity.rawValue)); to be fixed by \(finding.owner ?? "the program's owner") before \(finding.due).",
                props: props, status: "open", deadline: "\(finding.due)T23:59:59Z", relatedObservations: related))
            findings.append(OSCAL.Finding(
                uuid: uuid("finding:\(finding.id)"), title: "\(finding.code) on \(finding.subject)", description: finding.message, props: props,
                target: OSCAL.Target(type: "objective-id", targetID: target(of: finding.subject, criteriaOf: criteriaOf, inScope: record.criteria.map(\.id)),
                                     status: exception ? OSCAL.ObjectiveStatus(state: "not-satisfied", reason: "fail") : OSCAL.ObjectiveStatus(state: "satisfied", reason: "pass")),
                relatedObservations: related, relatedRisks: [OSCAL.RelatedRisk(riskUUID: riskUUID)]))
        }
        // Findings of an earlier run of this cycle that the history no longer raises.
        for item in record.followUp where item.status == .remediated {
            let riskUUID = uuid("risk:\(item.id)")
            let props = [OSCAL.Property.evident("finding-id", item.id), .evident("code", item.code), .evident("subject", item.subject), .evident("status", "remediated")]
                .compactMap { $0 }
            risks.append(OSCAL.Risk(uuid: riskUUID, title: "\(item.code) on \(item.subject)", description: "Raised by an earlier run of this cycle's audit; the history no longer raises it.",
                                    statement: "Remediated: the mainline history shows the fix.", props: props, status: "closed", deadline: nil, relatedObservations: nil))
            findings.append(OSCAL.Finding(
                uuid: uuid("finding:\(item.id)"), title: "\(item.code) on \(item.subject) (remediated)", description: "The history no longer raises this finding.", props: props,
                target: OSCAL.Target(type: "objective-id", targetID: target(of: item.subject, criteriaOf: criteriaOf, inScope: record.criteria.map(\.id)),
                                     status: OSCAL.ObjectiveStatus(state: "satisfied", reason: "pass")),
                relatedObservations: nil, relatedRisks: [OSCAL.RelatedRisk(riskUUID: riskUUID)]))
        }

        let result = OSCAL.Result(
            uuid: uuid("result"), title: "Internal audit of cycle \(record.cycle.id)",
            description: "Evident's internal audit of cycle \(record.cycle.id) (type \(record.cycle.type)), proven from the mainline history at commit \(record.auditedCommit).",
            start: "\(record.cycle.start)T00:00:00Z", end: "\(record.cycle.end)T23:59:59Z",
            props: [.evident("audited-commit", record.auditedCommit), .evident("clock", record.clock), .evident("tool", record.tool),
                    .evident("categories", record.categories.joined(separator: " ")), .evident("fieldwork", record.cycle.fieldwork),
                    .evident("tester", record.tester), .evident("previous-record-sha256", record.previous)].compactMap { $0 },
            reviewedControls: OSCAL.ReviewedControls(
                description: "The SOC 2 criteria in scope for the cycle's categories.",
                controlSelections: [OSCAL.ControlSelection(includeControls: record.criteria.map { OSCAL.ControlID(controlID: $0.id) })]),
            observations: observations.isEmpty ? nil : observations, risks: risks.isEmpty ? nil : risks, findings: findings.isEmpty ? nil : findings,
            remarks: AuditRecord.statement)

        let organization = record.organization.map { OSCAL.Party(uuid: uuid("party:organization"), type: "organization", name: $0) }
        let document = OSCAL.AssessmentResults(
            uuid: uuid("assessment-results"),
            metadata: OSCAL.Metadata(
                title: "Internal audit record\(record.organization.map { " of \($0)" } ?? ""), cycle \(record.cycle.id)",
                lastModified: clock, version: "\(record.cycle.id)+\(record.auditedCommit.prefix(12))",
                props: [.evident("system", record.system)].compactMap { $0 },
                links: [OSCAL.Link(href: "#\(planUUID)", rel: "reference", text: "the cycle's definition"),
                        OSCAL.Link(href: "#\(catalogUUID)", rel: "reference", text: "the criteria catalog"),
                        OSCAL.Link(href: "#\(recordUUID)", rel: "reference", text: "the Evident record")],
                parties: organization.map { [$0] }, remarks: AuditRecord.statement),
            importAP: OSCAL.ImportAP(href: "#\(planUUID)", remarks: "Evident has no separate assessment plan: the cycle in evident.yaml and Evident's sampling rules define the assessment."),
            results: [result],
            backMatter: OSCAL.BackMatter(resources: [
                OSCAL.Resource(uuid: planUUID, title: "Cycle \(record.cycle.id) as defined in evident.yaml", description: "The window, categories and fieldwork date the audit used.", rlinks: [OSCAL.ResourceLink(href: "evident.yaml", mediaType: "application/yaml")]),
                OSCAL.Resource(uuid: catalogUUID, title: catalogTitle, description: "The criteria ids in reviewed-controls and the findings' targets are this catalog's.", rlinks: nil),
                OSCAL.Resource(uuid: recordUUID, title: "Evident record of cycle \(record.cycle.id)", description: "The record this document was exported from.", rlinks: [OSCAL.ResourceLink(href: relativeURIReference(recordPath), mediaType: "application/json")]),
            ]))
        return OSCAL.AssessmentResultsDocument(assessmentResults: document)
    }

    /// The criterion a finding is about: the first criterion its control covers, the criterion
    /// itself, else CC4.1 (monitoring activities), under which an internal audit's findings about
    /// the program itself (policies, risk assessment, interviews) fall.
    static func target(of subject: String, criteriaOf: [String: [String]], inScope: [String]) -> String {
        if let first = criteriaOf[subject]?.first { return first }
        if inScope.contains(subject) { return subject }
        return "CC4.1"
    }

    // MARK: Component definition

    /// The active controls and policies as components whose implemented requirements are SOC 2
    /// criteria. `commit` and `committedAt` identify the repository state exported.
    public static func componentDefinition(_ program: Program, commit: String, committedAt: String) -> OSCAL.ComponentDefinitionDocument {
        let configuration = program.configuration
        func uuid(_ name: String) -> String { NameBasedUUID.v5("evident:\(commit):\(name)") }
        let catalogUUID = uuid("resource:catalog")
        // One component per id (a duplicate id is a lint error; the first file wins here).
        var seen: Set<String> = []
        let controls = program.controls.filter(\.isActive).sorted { ($0.id.value, $0.file) < ($1.id.value, $1.file) }.filter { seen.insert($0.id.value).inserted }
        seen = []
        let policies = program.policies.filter(\.isActive).sorted { ($0.id.value, $0.file) < ($1.id.value, $1.file) }.filter { seen.insert($0.id.value).inserted }
        let policyIDs = Set(policies.map(\.id.value))
        let controlByID = Dictionary(controls.map { ($0.id.value, $0) }) { first, _ in first }

        func requirement(_ owner: String, _ criterion: String, _ text: String) -> OSCAL.ImplementedRequirement {
            OSCAL.ImplementedRequirement(uuid: uuid("requirement:\(owner):\(criterion)"), controlID: criterion, description: text, props: nil)
        }
        func criterionTitle(_ id: String) -> String { TrustServicesCriteria.criterion(id)?.title ?? id }
        func reference(to component: String) -> String { "#" + uuid("component:" + component) }
        func unique(_ criteria: [String]) -> [String] {
            var seen: Set<String> = []
            return criteria.filter { TrustServicesCriteria.criterion($0) != nil && seen.insert($0).inserted }
        }

        var components = controls.map { control -> OSCAL.Component in
            let id = control.id.value
            let criteria = unique(control.criteria.map(\.value))
            return OSCAL.Component(
                uuid: uuid("component:control:\(id)"), type: "process-procedure", title: "\(id): \(control.title ?? id)",
                description: summary(control.body, fallback: control.title ?? id), purpose: control.title,
                props: [.evident("control-id", id), .evident("owner", control.owner?.value), .evident("operator", control.operator_?.value),
                        .evident("frequency", control.frequency?.value.rawValue), .evident("risk", control.risk?.value.rawValue),
                        .evident("evidence", control.evidence.value), .evident("source", control.file)].compactMap { $0 },
                links: control.policies.map(\.value).filter(policyIDs.contains).map { OSCAL.Link(href: reference(to: "policy:\($0)"), rel: "policy", text: $0) }.nilIfEmpty,
                controlImplementations: criteria.isEmpty ? nil : [OSCAL.ControlImplementation(
                    uuid: uuid("implementation:control:\(id)"), source: "#\(catalogUUID)",
                    description: "How \(id) meets the SOC 2 criteria it is mapped to.",
                    implementedRequirements: criteria.map { requirement("control:\(id)", $0, "\(id) (\(control.title ?? id)) addresses \($0): \(criterionTitle($0)).") })])
        }
        components += policies.map { policy -> OSCAL.Component in
            let id = policy.id.value
            let implementers = policy.controls.map(\.value).compactMap { controlByID[$0] }
            let criteria = unique(implementers.flatMap { $0.criteria.map(\.value) })
            return OSCAL.Component(
                uuid: uuid("component:policy:\(id)"), type: "policy", title: "\(id): \(policy.title ?? id)",
                description: summary(policy.body, fallback: policy.title ?? id), purpose: policy.title,
                props: [.evident("policy-id", id), .evident("owner", policy.owner?.value), .evident("version", policy.version?.value),
                        .evident("topic", policy.topic?.value), .evident("review-days", policy.reviewDays.map { String($0.value) }),
                        .evident("source", policy.file)].compactMap { $0 },
                links: implementers.map { OSCAL.Link(href: reference(to: "control:\($0.id.value)"), rel: "implemented-by", text: $0.id.value) }.nilIfEmpty,
                controlImplementations: criteria.isEmpty ? nil : [OSCAL.ControlImplementation(
                    uuid: uuid("implementation:policy:\(id)"), source: "#\(catalogUUID)",
                    description: "The criteria \(id) supports through the controls that implement it (\(implementers.map(\.id.value).joined(separator: ", "))).",
                    implementedRequirements: criteria.map { requirement("policy:\(id)", $0, "\(id) sets the policy for \($0): \(criterionTitle($0)).") })])
        }
        let definition = OSCAL.ComponentDefinition(
            uuid: uuid("component-definition"),
            metadata: OSCAL.Metadata(
                title: "SOC 2 controls and policies\(configuration.organization.map { " of \($0)" } ?? "")",
                lastModified: committedAt, version: String(commit.prefix(12)),
                props: [.evident("commit", commit), .evident("system", configuration.system),
                        .evident("categories", TrustCategory.allCases.filter { configuration.categories.contains($0) }.map(\.rawValue).joined(separator: " "))].compactMap { $0 },
                links: [OSCAL.Link(href: "#\(catalogUUID)", rel: "reference", text: "the criteria catalog")],
                parties: configuration.organization.map { [OSCAL.Party(uuid: uuid("party:organization"), type: "organization", name: $0)] }, remarks: nil),
            components: components,
            backMatter: OSCAL.BackMatter(resources: [
                OSCAL.Resource(uuid: catalogUUID, title: catalogTitle, description: "The control ids of every implemented requirement are this catalog's criteria ids.", rlinks: nil),
            ]))
        return OSCAL.ComponentDefinitionDocument(componentDefinition: definition)
    }

    /// The body's first paragraph (OSCAL descriptions are short prose), else the fallback.
    static func summary(_ body: String, fallback: String) -> String {
        let paragraph = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        return paragraph ?? fallback
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
