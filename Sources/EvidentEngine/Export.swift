import EvidentCore
import EvidentGit
import EvidentReporting
import Foundation

extension ComplianceRepository {
    /// A cycle's record as OSCAL assessment results: the record from `ref`, else as the working
    /// tree has it (`evident audit` wrote it there), else as committed at HEAD.
    public func assessmentResults(cycle: String, ref: String?) throws(EngineError) -> OSCAL.AssessmentResultsDocument {
        let (record, path) = try record(of: cycle, ref: ref)
        return OSCALExport.assessmentResults(record, recordPath: path) { commit in
            guard let id = ObjectID(hex: commit), let info = try? git.commitInfo(id) else { return nil }
            return UTCTime.iso8601(info.committer.time)
        }
    }

    /// The active controls and policies of the program at `ref` (default HEAD) as an OSCAL
    /// component definition.
    public func componentDefinition(ref: String?) throws(EngineError) -> OSCAL.ComponentDefinitionDocument {
        try mapped {
            let (commit, _) = try git.resolveCommit(ref ?? "HEAD")
            try requireProgram(at: commit, revision: ref ?? "HEAD")
            let program = try self.program(at: commit)
            try requireLintClean(program, before: "before exporting")
            let committedAt = UTCTime.iso8601(try git.commitInfo(commit).committer.time)
            return OSCALExport.componentDefinition(program, commit: commit.description, committedAt: committedAt)
        }
    }

    /// The cycle's record and its path: from `ref`, else the working tree, else HEAD.
    private func record(of cycle: String, ref: String?) throws(EngineError) -> (AuditRecord, String) {
        if let problem = Identifier.problem(with: cycle) {
            throw EngineError(.usage, "--cycle \(problem); a cycle id is \(Identifier.grammar)")
        }
        let workingLayout = try layout()
        let (path, data, committedAt): (String, Data?, String?) = try mapped {
            let layout = try ref.map { try self.layout(at: try git.resolveCommit($0).commit) } ?? workingLayout
            let path = "\(layout.audits)/\(cycle)/record.json"
            if ref == nil, let top = git.workingDirectory, let data = try WorkingTree(top: top).contents(of: path) {
                return (path, data, nil)
            }
            guard let revision = ref ?? (git.headCommit() == nil ? nil : "HEAD") else { return (path, nil, nil) }
            return (path, try git.contents(of: path, at: try git.resolveCommit(revision).commit), revision)
        }
        guard let data else {
            // A cycle the program does not define has no record to make: say that, not "audit it".
            let program: Program? = try? mapped {
                if let ref { return try self.program(at: try git.resolveCommit(ref).commit) }
                return try workingTreeProgram(toDo: "to read evident.yaml")
            }
            if let cycles = program?.configuration.cycles, !cycles.contains(where: { $0.id == cycle }) {
                throw EngineError(.usage, "evident.yaml has no cycle '\(cycle)'" + (cycles.isEmpty ? "; add one under 'cycles:'" : "; its cycles are \(cycles.map(\.id).joined(separator: ", "))"))
            }
            throw EngineError(.usage, "there is no record of cycle '\(cycle)' at \(path); run `evident audit --cycle \(cycle)` first")
        }
        do {
            return (try AuditRecord.read(data, file: path), path)
        } catch {
            throw EngineError(.usage, error.description + (committedAt.map { " (as committed at \($0))" } ?? ""))
        }
    }
}
