import Foundation

/// The parts of NIST OSCAL 1.1 (JSON) that Evident writes: assessment results and component
/// definitions. Keys are OSCAL's own (kebab-case); absent optionals are left out.
public enum OSCAL {
    public static let version = "1.1.3"
    /// The namespace of the properties Evident adds (OSCAL requires one for names it does not define).
    public static let namespace = "https://github.com/evident-compliance/evident/ns/oscal"

    public struct Property: Codable, Equatable, Sendable {
        public var name: String
        public var value: String
        public var ns: String? = OSCAL.namespace

        /// Nil when the value is empty: OSCAL property values must have text.
        static func evident(_ name: String, _ value: String?) -> Property? {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return Property(name: name, value: value)
        }
    }

    public struct Link: Codable, Equatable, Sendable {
        public var href: String
        public var rel: String?
        public var text: String?
    }

    public struct Party: Codable, Equatable, Sendable {
        public var uuid: String
        public var type: String
        public var name: String?
    }

    public struct Metadata: Codable, Equatable, Sendable {
        public var title: String
        public var lastModified: String
        public var version: String
        public var oscalVersion = OSCAL.version
        public var props: [Property]?
        /// References to the back-matter resources the document rests on.
        public var links: [Link]?
        public var parties: [Party]?
        public var remarks: String?

        enum CodingKeys: String, CodingKey {
            case title, version, props, links, parties, remarks
            case lastModified = "last-modified"
            case oscalVersion = "oscal-version"
        }
    }

    public struct ResourceLink: Codable, Equatable, Sendable {
        public var href: String
        public var mediaType: String?

        enum CodingKeys: String, CodingKey {
            case href
            case mediaType = "media-type"
        }
    }

    public struct Resource: Codable, Equatable, Sendable {
        public var uuid: String
        public var title: String
        public var description: String?
        public var rlinks: [ResourceLink]?
    }

    public struct BackMatter: Codable, Equatable, Sendable {
        public var resources: [Resource]
    }

    // MARK: Assessment results

    public struct AssessmentResultsDocument: Codable, Equatable, Sendable {
        public var assessmentResults: AssessmentResults

        enum CodingKeys: String, CodingKey { case assessmentResults = "assessment-results" }
    }

    public struct AssessmentResults: Codable, Equatable, Sendable {
        public var uuid: String
        public var metadata: Metadata
        public var importAP: ImportAP
        public var results: [Result]
        public var backMatter: BackMatter?

        enum CodingKeys: String, CodingKey {
            case uuid, metadata, results
            case importAP = "import-ap"
            case backMatter = "back-matter"
        }
    }

    public struct ImportAP: Codable, Equatable, Sendable {
        public var href: String
        public var remarks: String?
    }

    public struct Result: Codable, Equatable, Sendable {
        public var uuid: String
        public var title: String
        public var description: String
        public var start: String
        public var end: String?
        public var props: [Property]?
        public var reviewedControls: ReviewedControls
        public var observations: [Observation]?
        public var risks: [Risk]?
        public var findings: [Finding]?
        public var remarks: String?

        enum CodingKeys: String, CodingKey {
            case uuid, title, description, start, end, props, observations, risks, findings, remarks
            case reviewedControls = "reviewed-controls"
        }
    }

    public struct ReviewedControls: Codable, Equatable, Sendable {
        public var description: String?
        public var controlSelections: [ControlSelection]

        enum CodingKeys: String, CodingKey {
            case description
            case controlSelections = "control-selections"
        }
    }

    public struct ControlSelection: Codable, Equatable, Sendable {
        public var includeControls: [ControlID]

        enum CodingKeys: String, CodingKey { case includeControls = "include-controls" }
    }

    public struct ControlID: Codable, Equatable, Sendable {
        public var controlID: String

        enum CodingKeys: String, CodingKey { case controlID = "control-id" }
    }

    public struct Observation: Codable, Equatable, Sendable {
        public var uuid: String
        public var title: String?
        public var description: String
        public var props: [Property]?
        public var methods: [String]
        public var types: [String]?
        public var relevantEvidence: [RelevantEvidence]?
        public var collected: String

        enum CodingKeys: String, CodingKey {
            case uuid, title, description, props, methods, types, collected
            case relevantEvidence = "relevant-evidence"
        }
    }

    public struct RelevantEvidence: Codable, Equatable, Sendable {
        public var href: String?
        public var description: String
        public var props: [Property]?
    }

    public struct Risk: Codable, Equatable, Sendable {
        public var uuid: String
        public var title: String
        public var description: String
        public var statement: String
        public var props: [Property]?
        /// `open` or `closed`.
        public var status: String
        public var deadline: String?
        public var relatedObservations: [RelatedObservation]?

        enum CodingKeys: String, CodingKey {
            case uuid, title, description, statement, props, status, deadline
            case relatedObservations = "related-observations"
        }
    }

    public struct Finding: Codable, Equatable, Sendable {
        public var uuid: String
        public var title: String
        public var description: String
        public var props: [Property]?
        public var target: Target
        public var relatedObservations: [RelatedObservation]?
        public var relatedRisks: [RelatedRisk]?

        enum CodingKeys: String, CodingKey {
            case uuid, title, description, props, target
            case relatedObservations = "related-observations"
            case relatedRisks = "related-risks"
        }
    }

    public struct Target: Codable, Equatable, Sendable {
        /// `objective-id` or `statement-id`.
        public var type: String
        public var targetID: String
        public var status: ObjectiveStatus

        enum CodingKeys: String, CodingKey {
            case type, status
            case targetID = "target-id"
        }
    }

    public struct ObjectiveStatus: Codable, Equatable, Sendable {
        /// `satisfied` or `not-satisfied`.
        public var state: String
        public var reason: String?
    }

    public struct RelatedObservation: Codable, Equatable, Sendable {
        public var observationUUID: String

        enum CodingKeys: String, CodingKey { case observationUUID = "observation-uuid" }
    }

    public struct RelatedRisk: Codable, Equatable, Sendable {
        public var riskUUID: String

        enum CodingKeys: String, CodingKey { case riskUUID = "risk-uuid" }
    }

    // MARK: Component definition

    public struct ComponentDefinitionDocument: Codable, Equatable, Sendable {
        public var componentDefinition: ComponentDefinition

        enum CodingKeys: String, CodingKey { case componentDefinition = "component-definition" }
    }

    public struct ComponentDefinition: Codable, Equatable, Sendable {
        public var uuid: String
        public var metadata: Metadata
        public var components: [Component]
        public var backMatter: BackMatter?

        enum CodingKeys: String, CodingKey {
            case uuid, metadata, components
            case backMatter = "back-matter"
        }
    }

    public struct Component: Codable, Equatable, Sendable {
        public var uuid: String
        public var type: String
        public var title: String
        public var description: String
        public var purpose: String?
        public var props: [Property]?
        public var links: [Link]?
        public var controlImplementations: [ControlImplementation]?

        enum CodingKeys: String, CodingKey {
            case uuid, type, title, description, purpose, props, links
            case controlImplementations = "control-implementations"
        }
    }

    public struct ControlImplementation: Codable, Equatable, Sendable {
        public var uuid: String
        public var source: String
        public var description: String
        public var implementedRequirements: [ImplementedRequirement]

        enum CodingKeys: String, CodingKey {
            case uuid, source, description
            case implementedRequirements = "implemented-requirements"
        }
    }

    public struct ImplementedRequirement: Codable, Equatable, Sendable {
        public var uuid: String
        public var controlID: String
        public var description: String
        public var props: [Property]?

        enum CodingKeys: String, CodingKey {
            case uuid, description, props
            case controlID = "control-id"
        }
    }
}
