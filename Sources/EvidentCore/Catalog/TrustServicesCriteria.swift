/// A trust services category: security is always in scope, the others are chosen.
public enum TrustCategory: String, CaseIterable, Sendable, Hashable, Comparable {
    case security
    case availability
    case confidentiality
    case processingIntegrity = "processing-integrity"
    case privacy

    public static func < (lhs: TrustCategory, rhs: TrustCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One criterion of the 2017 Trust Services Criteria (points of focus revised 2022).
public struct Criterion: Hashable, Sendable {
    public var id: String
    public var category: TrustCategory
    /// A short title in Evident's own words (not AICPA text).
    public var title: String
}

/// The SOC 2 criteria catalog (`framework: soc2-2017`): exactly 61 ids. Anything else, such as
/// `CC9.9` or `PP1.1` found in other tools' lists, is not a criterion.
public enum TrustServicesCriteria {
    public static let framework = "soc2-2017"

    public static let all: [Criterion] = security + availability + confidentiality + processingIntegrity + privacy

    private static let byID: [String: Criterion] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func criterion(_ id: String) -> Criterion? { byID[id] }

    /// Every criterion of the given categories (security is always included).
    public static func inScope(_ categories: Set<TrustCategory>) -> [Criterion] {
        all.filter { $0.category == .security || categories.contains($0.category) }
    }

    private static func make(_ category: TrustCategory, _ rows: [(String, String)]) -> [Criterion] {
        rows.map { Criterion(id: $0.0, category: category, title: $0.1) }
    }

    static let security = make(.security, [
        ("CC1.1", "Integrity and ethical values are demonstrated"),
        ("CC1.2", "The board is independent and oversees internal control"),
        ("CC1.3", "Structures, reporting lines and authority are set up"),
        ("CC1.4", "Competent people are hired, developed and retained"),
        ("CC1.5", "People are held accountable for their control duties"),
        ("CC2.1", "Relevant, good-quality information supports controls"),
        ("CC2.2", "Control objectives and duties are communicated internally"),
        ("CC2.3", "Control matters are communicated to outside parties"),
        ("CC3.1", "Objectives are clear enough for risks to be assessed"),
        ("CC3.2", "Risks are identified and analysed; responses chosen"),
        ("CC3.3", "The potential for fraud is considered"),
        ("CC3.4", "Significant changes that affect controls are assessed"),
        ("CC4.1", "Evaluations confirm controls are present and working"),
        ("CC4.2", "Deficiencies are reported promptly to those who fix them"),
        ("CC5.1", "Control activities reduce risks to acceptable levels"),
        ("CC5.2", "General technology controls support the objectives"),
        ("CC5.3", "Policies and procedures put controls into practice"),
        ("CC6.1", "Logical access to information assets is secured"),
        ("CC6.2", "Users are registered and authorised before access"),
        ("CC6.3", "Access is granted, changed and removed by role"),
        ("CC6.4", "Physical access to facilities and assets is restricted"),
        ("CC6.5", "Assets are retired only once data cannot be recovered"),
        ("CC6.6", "Threats from outside the system boundary are blocked"),
        ("CC6.7", "Data in transit and on removable media is protected"),
        ("CC6.8", "Unauthorised or malicious software is prevented or found"),
        ("CC7.1", "Risky configuration changes and new flaws are detected"),
        ("CC7.2", "Components are monitored for anomalies"),
        ("CC7.3", "Security events are evaluated as possible incidents"),
        ("CC7.4", "Incidents are handled under a response programme"),
        ("CC7.5", "The system recovers from security incidents"),
        ("CC8.1", "Changes are authorised, tested, approved and tracked"),
        ("CC9.1", "Risks of business disruption are mitigated"),
        ("CC9.2", "Vendor and business-partner risk is managed"),
    ])

    static let availability = make(.availability, [
        ("A1.1", "Capacity and usage are monitored and planned"),
        ("A1.2", "Environmental protection, backups and recovery exist"),
        ("A1.3", "Recovery plans are tested"),
    ])

    static let confidentiality = make(.confidentiality, [
        ("C1.1", "Confidential information is identified and protected"),
        ("C1.2", "Confidential information is disposed of as agreed"),
    ])

    static let processingIntegrity = make(.processingIntegrity, [
        ("PI1.1", "Processing objectives and data definitions are set"),
        ("PI1.2", "Inputs are complete and accurate"),
        ("PI1.3", "Processing meets its objectives"),
        ("PI1.4", "Outputs are complete, accurate and on time"),
        ("PI1.5", "Stored inputs and outputs stay complete and accurate"),
    ])

    static let privacy = make(.privacy, [
        ("P1.1", "A privacy notice is given and kept current"),
        ("P2.1", "Choices are explained and consent obtained"),
        ("P3.1", "Personal information is collected only as intended"),
        ("P3.2", "Explicit consent is obtained where required"),
        ("P4.1", "Personal information is used only for its purposes"),
        ("P4.2", "Personal information is retained only as needed"),
        ("P4.3", "Personal information is disposed of securely"),
        ("P5.1", "Data subjects can access their information"),
        ("P5.2", "Data subjects can correct their information"),
        ("P6.1", "Disclosure to third parties only with consent"),
        ("P6.2", "Authorised disclosures are recorded"),
        ("P6.3", "Unauthorised disclosures and breaches are recorded"),
        ("P6.4", "Vendors commit to privacy and are assessed"),
        ("P6.5", "Vendors report unauthorised disclosures"),
        ("P6.6", "Data subjects and regulators are notified of breaches"),
        ("P6.7", "An account of information held and disclosed is given"),
        ("P7.1", "Personal information is accurate and current"),
        ("P8.1", "Inquiries and complaints are handled; compliance monitored"),
    ])
}
