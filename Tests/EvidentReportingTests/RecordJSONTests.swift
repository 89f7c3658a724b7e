import EvidentCore
import EvidentReporting
import Foundation
import Testing

/// `RecordJSON` must give exactly the bytes of Foundation's encoder (`JSONOutput`), which is the
/// format committed records were written in: `evident verify` compares bytes.
@Suite struct RecordJSONTests {
    /// A record with every optional member present, in every container shape.
    private func fullRecord() throws -> AuditRecord {
        let occurrence = #"{"path": "evidence/AC-02/2026-Q1 review.md", "claimed": "2026-03-30", "landed": "2026-03-31", "commit": "0123456789abcdef0123456789abcdef01234567"}"#
        let json = """
        {
          "statement": "s", "tool": "evident 0.1", "organization": "Acme \\"Ops\\" / Cloud", "system": "Platform",
          "cycle": {"id": "2026", "type": 2, "start": "2026-01-01", "end": "2026-12-31", "fieldwork": "2027-01-20"},
          "audited_commit": "0123456789abcdef0123456789abcdef01234567", "clock": "2026-12-31",
          "categories": ["security", "availability"],
          "criteria": [{"id": "CC6.1", "title": "Logical access", "controls": ["AC-01", "AC-02"]}, {"id": "CC9.9", "title": "t", "controls": []}],
          "controls": [
            {"id": "AC-02", "title": "Quarterly access review", "owner": "it-lead", "frequency": "quarterly", "risk": "high",
             "status": "active", "result": "exceptions", "conclusion": "2 isolated deviations", "window": "2026-01-01/2026-12-31", "startedOn": "2026-01-01",
             "periods": [{"start": "2026-01-01", "end": "2026-03-31", "state": "late", "occurrences": [\(occurrence)]},
                         {"start": "2026-04-01", "end": "2026-06-30", "state": "missing", "occurrences": []},
                         {"start": "2026-07-01", "end": "2026-09-30", "state": "missing", "occurrences": [\(occurrence)], "backfilled": "2026-12-28"}],
             "occurrences": [\(occurrence)],
             "sample": {"population": 3, "population_sha256": "p", "seed": "s", "size": 2, "size_rule": "quarterly, high risk: 3", "items": ["b", "a"], "conclusions": {"b": "pass", "B": "exception: \\u0001\\ttab", "é": "pass", "a10": "pass", "a9": "pass"}}},
            {"id": "AC-03", "status": "retired", "result": "not-tested", "conclusion": "nothing", "periods": [], "occurrences": [],
             "sample": {"population": 0, "population_sha256": "e3", "seed": "s0", "size": 0, "size_rule": "r", "items": [], "conclusions": {}}}
          ],
          "policies": [{"id": "POL-01", "version": "1.2", "owner": "ciso", "approvals": [{"by": "ciso", "version": "1.2", "commit": "c", "landed": "2026-02-01", "binding": "author", "binding_commit": "c"}, {"by": "cto", "commit": "d", "landed": "2026-02-02", "binding": "committer", "binding_commit": "e"}]},
                       {"id": "POL-02", "approvals": []}],
          "findings": [{"id": "F-1", "code": "EVID-MISSING", "severity": "high", "subject": "AC-02", "owner": "it-lead", "due": "2027-01-13",
                        "status": "open", "message": "no evidence\\nfor Q2 — 😀 \\\\ \\u001f", "evidence": ["a/b", "c"], "period": "2026-04-01/2026-06-30"},
                       {"id": "F-2", "code": "POL-UNAPPROVED", "severity": "medium", "subject": "POL-02", "due": "2027-01-13", "status": "overdue", "message": "m", "evidence": []},
                       {"id": "F-3", "code": "EVID-LATE", "severity": "medium", "subject": "AC-02", "due": "2027-01-13", "status": "open", "message": "late",
                        "evidence": ["e"], "periods": ["2026-01-01…2026-03-31", "2026-04-05"], "items": ["evidence/AC-02/2026-Q1 review.md", "é"], "count": 2},
                       {"id": "F-4", "code": "TIMING-EARLY", "severity": "low", "subject": "2026", "due": "2027-01-13", "status": "open", "message": "early",
                        "evidence": ["evident.yaml"], "periods": [], "items": [], "count": 0}],
          "follow_up": [{"id": "F-0", "code": "EVID-LATE", "subject": "AC-01", "status": "remediated"}],
          "tester": "auditor", "previous": "ab",
          "unsampled_conclusions": [{"control": "AC-02", "item": "evidence/AC-02/2026-Q1 review.md", "conclusion": "exception: \\"late\\""},
                                    {"control": "AC-09", "item": "é", "conclusion": "pass"}], "format_version": 3, "renderings": {"record.md": "m", "report.html": "h"}
        }
        """
        return try JSONDecoder().decode(AuditRecord.self, from: Data(json.utf8))
    }

    @Test func fullRecordMatchesFoundationByteForByte() throws {
        let record = try fullRecord()
        #expect(try RecordJSONRenderer().string(record) == (try JSONOutput.encode(record)))
    }

    @Test func absentOptionalsAndEmptyContainersMatchFoundation() throws {
        var record = try fullRecord()
        record.organization = nil
        record.system = nil
        record.tester = nil
        record.previous = nil
        record.unsampledConclusions = nil
        record.cycle.fieldwork = nil
        record.followUp = []
        record.findings = []
        record.criteria = []
        record.categories = []
        #expect(try RecordJSONRenderer().string(record) == (try JSONOutput.encode(record)))
    }

    @Test func outputDecodesToTheSameRecord() throws {
        let record = try fullRecord()
        let decoded = try JSONDecoder().decode(AuditRecord.self, from: Data(try RecordJSONRenderer().string(record).utf8))
        #expect(decoded == record)
    }
}
