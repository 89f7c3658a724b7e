/// The files `evident init` writes: a starter SOC 2 program for the chosen categories that
/// lints clean, for the team to adapt (owners, procedures, evidence).
public enum StarterProgram {
    /// Every file, keyed by path relative to the repository top, with the calendar year `year`
    /// as the first cycle.
    public static func files(categories: Set<TrustCategory>, organization: String, year: Int, mainline: String = "main") -> [String: String] {
        files(categories: categories, organization: organization, cycle: .calendarYear(year), mainline: mainline)
    }

    /// Every file, keyed by path relative to the repository top, with `cycle` as the first cycle.
    public static func files(categories: Set<TrustCategory>, organization: String, cycle: StarterCycle, mainline: String = "main") -> [String: String] {
        let scope = categories.union([.security])
        let controls = StarterCatalog.controls.filter { scope.contains($0.category) }
        let policies = StarterCatalog.policies.filter { scope.contains($0.category) }
        var files: [String: String] = [:]
        files[ProgramLayout.fileName] = configuration(categories: scope, organization: organization, cycle: cycle, mainline: mainline)
        for control in controls {
            files["controls/\(control.id).md"] = render(control)
            files["evidence/\(control.id)/.gitkeep"] = ""
        }
        for policy in policies {
            let implementers = controls.filter { $0.policies.contains(policy.id) }.map(\.id)
            files["policies/\(policy.id).md"] = render(policy, controls: implementers)
        }
        files["risk/risk-assessment.md"] = riskAssessment(year: cycle.start.year)
        files["evidence/README.md"] = evidenceReadme
        files.merge(StarterWorkflows.files(mainline: mainline)) { _, workflow in workflow }
        files[".pre-commit-config.yaml"] = preCommitConfiguration
        return files
    }

    /// What marks a value `init` made up for the team to replace: a person's or an auditor's name.
    public static let placeholderMarker = "(replace me)"

    /// The roles that own the starter controls and policies: each is a placeholder person of
    /// evident.yaml, keyed as the owners name it.
    public static var roles: [(key: String, title: String)] { StarterCatalog.roles }

    /// The address `init` gives the placeholder person of a starter role.
    public static func placeholderEmail(role key: String) -> String {
        "\(key)@example.com"
    }

    /// The addresses `init` gives its placeholder people, lower-cased.
    public static var placeholderEmails: Set<String> {
        Set(StarterCatalog.roles.map { placeholderEmail(role: $0.key) })
    }

    static func configuration(categories: Set<TrustCategory>, organization: String, cycle: StarterCycle, mainline: String) -> String {
        let ordered = TrustCategory.allCases.filter { categories.contains($0) }.map(\.rawValue).joined(separator: ", ")
        var text = """
            # Evident program settings. Replace the placeholders (people, auditors) with real ones.
            organization: \(yamlString(organization))
            system: \(yamlString(organization + " platform"))
            framework: soc2-2017
            categories: [\(ordered)]
            mainline: \(yamlString(mainline))
            root: .
            people:

            """
        for role in StarterCatalog.roles {
            text += "  \(role.key): {name: \(yamlString(role.title + " " + placeholderMarker)), email: \(placeholderEmail(role: role.key)), role: \(yamlString(role.title))}\n"
        }
        text += """
            auditors:
              external: {firm: "CPA firm \(placeholderMarker)"}
              internal: {name: "Internal auditor \(placeholderMarker)", firm: \(yamlString(organization))}
            # The first audit cycle: the window whose periods the internal audit tests (\(cycle.months) months),
            # then fieldwork, when the CPA firm examines it. Add the next cycle here when this one ends.
            cycles:
              - id: "\(cycle.id)"
                type: 2
                start: \(cycle.start)
                end: \(cycle.end)
                fieldwork: \(cycle.fieldwork)
            trust:
              require_signed: false
              allowed_signers: .evident/allowed_signers

            """
        return text
    }

    static func render(_ control: StarterControl) -> String {
        let steps = control.procedure.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        return """
            ---
            id: \(control.id)
            title: \(yamlString(control.title))
            criteria: [\(control.criteria.joined(separator: ", "))]
            owner: \(control.owner)
            frequency: \(control.frequency.rawValue)
            risk: \(control.risk.rawValue)
            policies: [\(control.policies.joined(separator: ", "))]
            evidence: evidence/\(control.id)
            grace_days: \(Control.defaultGraceDays)
            status: active
            ---
            # \(control.title)

            \(control.description)

            ## Evidence

            \(control.evidenceHint)

            ## Test procedure

            \(steps)

            """
    }

    static func render(_ policy: StarterPolicy, controls: [String]) -> String {
        let statements = policy.statements.map { "- \($0)" }.joined(separator: "\n")
        return """
            ---
            id: \(policy.id)
            title: \(yamlString(policy.title))
            owner: \(policy.owner)
            version: "1.0"
            topic: \(policy.topic)
            review_days: \(policy.reviewDays)
            controls: [\(controls.joined(separator: ", "))]
            # Append {by: <person>, version: "<version>", date: YYYY-MM-DD} when this version is approved.
            # The mainline commit that adds the entry is the proof; the approver must not be its author.
            approvals: []
            ---
            # \(policy.title)

            ## Purpose

            \(policy.purpose)

            ## Policy

            \(statements)

            """
    }

    static func riskAssessment(year: Int) -> String {
        """
        ---
        kind: risk-assessment
        owner: security-lead
        ---
        # Risk assessment \(year)

        Reassess at least once a year and whenever the system changes significantly (a new
        product, vendor, architecture or reorganisation). Commit each update: the mainline
        history is what shows the assessment was performed inside the audit window.

        ## Method

        Score each risk for likelihood and impact from 1 (low) to 5 (high); their product is the
        inherent risk. Record the treatment (mitigate, transfer, accept or avoid), the controls
        that address it, and who accepted any residual risk.

        ## Fraud

        Consider how someone inside or outside the company could commit or hide fraud
        (manipulated records, misused privileged access, altered evidence) and which controls
        would detect it.

        ## Register

        | id | risk | likelihood | impact | treatment | controls | owner |
        |---|---|---|---|---|---|---|
        | R-01 | Unauthorised access through stolen credentials | 3 | 4 | mitigate | AC-01, AC-05 | security-lead |

        """
    }

    static let evidenceReadme = """
        # Evidence

        Each control keeps its evidence in its own folder, `evidence/<CONTROL-ID>/`. One
        *occurrence* is one performance of the control:

        - a file `evidence/<CONTROL-ID>/<YYYY-MM-DD>[-slug].<ext>`, or
        - a folder `evidence/<CONTROL-ID>/<YYYY-MM-DD>[-slug]/` whose files together form one occurrence.

        The leading date is the date the occurrence *claims* (when the control was performed).
        Evident proves when it *landed*: the first mainline commit that contains it. An occurrence
        that lands long after the date it claims, or before it, is flagged by the audit.

        An optional sidecar `<name>.meta.yaml` may add `performed_by`, `performed_on`,
        `covers: {from, to}` (one export covering several periods) and `source` (the query or
        system that produced it, which auditors call IPE).

        Evidence is append-only: never edit or delete an occurrence after it is committed; add a
        new one. The audit counts every change and deletion, even one that is undone later.
        Commit evidence as files: a symbolic link or a submodule is not evidence. Large files can
        be stored with Git LFS; the pointer's hash identifies them.

        An occurrence counts for a period that had begun when it landed, never a later one (so
        `covers` cannot prove the future). One that lands after the end of the following period
        plus the grace days is a backfill: it is kept, but its period still counts as missing.

        """

    static let preCommitConfiguration = """
        # Lint the staged program before every commit. Needs `evident` on PATH
        # (or run `evident hook install` instead of the pre-commit framework).
        repos:
          - repo: local
            hooks:
              - id: evident-lint
                name: evident lint --staged
                entry: evident lint --staged
                language: system
                pass_filenames: false
                always_run: true

        """

    /// A YAML scalar, quoted when plain style would change its meaning.
    static func yamlString(_ text: String) -> String {
        let plainUnsafe = text.isEmpty || text.contains(where: { ":#{}[],&*!|>'\"%@`".contains($0) })
            || text.first.map { $0 == " " || $0 == "-" || $0 == "?" } == true || text.last == " "
            || ["true", "false", "yes", "no", "null", "~"].contains(text.lowercased())
        guard plainUnsafe else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
