import ArgumentParser
import EvidentEngine
import EvidentReporting
import Foundation

/// `evident export`: the program and its records in exchange formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records and the program in exchange formats.",
        subcommands: [OSCALExportCommand.self])
}

/// `evident export oscal`: NIST OSCAL 1.1 JSON.
struct OSCALExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oscal",
        abstract: "Write a cycle's record as OSCAL assessment results, or the controls and policies as an OSCAL component definition.",
        discussion: """
            --cycle ID exports audits/<ID>/record.json (as `evident audit` wrote it in the working tree, \
            else as committed at HEAD, or at --ref) as an OSCAL 1.1 assessment-results document. \
            --components exports the active controls and policies of the program at HEAD (or --ref) \
            as an OSCAL 1.1 component-definition whose implemented requirements are SOC 2 criteria ids. \
            Every uuid is derived from stable ids, so the same repository state exports the same bytes.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Export this cycle's record as assessment results.")
    var cycle: String?

    @Flag(help: "Export the controls and policies as a component definition.")
    var components = false

    @Option(help: ArgumentHelp("Read from this revision instead of the working tree (record) or HEAD (components).", valueName: "rev"))
    var ref: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var output: String?

    func validate() throws {
        if (cycle == nil) == !components {
            throw ValidationError("give either --cycle ID (assessment results) or --components (component definition)")
        }
    }

    func run() throws {
        let repository = try repository.open()
        let json = if let cycle {
            try EncodableJSONRenderer().render(try repository.assessmentResults(cycle: cycle, ref: ref))
        } else {
            try EncodableJSONRenderer().render(try repository.componentDefinition(ref: ref))
        }
        guard let output else { return Output.write(json) }
        try repository.writeFile(json, to: output)
    }
}
