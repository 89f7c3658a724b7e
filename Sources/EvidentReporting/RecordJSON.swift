import EvidentCore

/// `record.json`: the audit record written member by member, in sorted key order, with the same
/// bytes `JSONOutput.encode(record)` gives, at a fraction of its cost (a large program's record
/// is megabytes, and `Encodable` made it a third of a warm audit).
public struct RecordJSONRenderer: DocumentRenderer {
    public init() {}

    /// The record's JSON text with a final newline, as UTF-8.
    public func render(_ record: AuditRecord) -> [UInt8] {
        var writer = JSONWriter(capacity: 1 << 20)
        writer.object { json in
            json.member("audited_commit", record.auditedCommit)
            json.member("categories", record.categories)
            json.member("clock", record.clock)
            json.key("controls")
            json.array(record.controls, Self.control)
            json.key("criteria")
            json.array(record.criteria) { json, criterion in
                json.object { json in
                    json.member("controls", criterion.controls)
                    json.member("id", criterion.id)
                    json.member("title", criterion.title)
                }
            }
            json.key("cycle")
            json.object { json in
                json.member("end", record.cycle.end)
                json.member("fieldwork", record.cycle.fieldwork)
                json.member("id", record.cycle.id)
                json.member("start", record.cycle.start)
                json.member("type", record.cycle.type)
            }
            if let due = record.due {
                json.key("due")
                json.array(due, Self.due)
            }
            if let within = record.dueWithin { json.member("due_within", within) }
            json.key("findings")
            json.array(record.findings, Self.finding)
            json.key("follow_up")
            json.array(record.followUp) { json, followUp in
                json.object { json in
                    json.member("code", followUp.code)
                    json.member("id", followUp.id)
                    json.member("status", followUp.status.rawValue)
                    json.member("subject", followUp.subject)
                }
            }
            if let format = record.formatVersion { json.member("format_version", format) }
            if let interviews = record.interviews {
                json.key("interviews")
                json.array(interviews) { json, interview in
                    json.object { json in
                        json.member("commit", interview.commit)
                        json.member("landed", interview.landed)
                        json.member("name", interview.name)
                        json.member("note", interview.note)
                        json.member("owner", interview.owner)
                    }
                }
            }
            json.member("organization", record.organization)
            json.key("policies")
            json.array(record.policies, Self.policy)
            json.member("previous", record.previous)
            if let renderings = record.renderings {
                json.key("renderings")
                json.object { json in
                    json.member("record.md", renderings.markdown)
                    json.member("report.html", renderings.html)
                }
            }
            json.member("statement", record.statement)
            json.member("system", record.system)
            json.member("tester", record.tester)
            json.member("tool", record.tool)
            if let unsampled = record.unsampledConclusions {
                json.key("unsampled_conclusions")
                json.array(unsampled) { json, conclusion in
                    json.object { json in
                        json.member("conclusion", conclusion.conclusion)
                        json.member("control", conclusion.control)
                        json.member("item", conclusion.item)
                    }
                }
            }
        }
        return writer.finished()
    }

    private static func control(_ json: inout JSONWriter, _ control: AuditRecord.Control) {
        json.object { json in
            json.member("conclusion", control.conclusion)
            json.member("frequency", control.frequency?.rawValue)
            json.member("id", control.id)
            json.key("occurrences")
            json.array(control.occurrences, occurrence)
            json.member("owner", control.owner)
            json.key("periods")
            json.array(control.periods) { json, period in
                json.object { json in
                    json.member("backfilled", period.backfilled)
                    json.member("end", period.end)
                    json.key("occurrences")
                    json.array(period.occurrences, occurrence)
                    json.member("start", period.start)
                    json.member("state", period.state.rawValue)
                }
            }
            json.member("result", control.result.rawValue)
            json.member("risk", control.risk?.rawValue)
            json.key("sample")
            json.object { json in
                json.key("conclusions")
                json.object(control.sample.conclusions)
                json.member("items", control.sample.items)
                json.member("population", control.sample.population)
                json.member("population_sha256", control.sample.populationSHA256)
                json.member("seed", control.sample.seed)
                json.member("size", control.sample.size)
                json.member("size_rule", control.sample.sizeRule)
            }
            json.member("startedOn", control.startedOn)
            json.member("status", control.status.rawValue)
            json.member("title", control.title)
            json.member("window", control.window)
        }
    }

    private static func occurrence(_ json: inout JSONWriter, _ occurrence: AuditRecord.Occurrence) {
        json.object { json in
            json.member("claimed", occurrence.claimed)
            json.member("commit", occurrence.commit)
            json.member("landed", occurrence.landed)
            json.member("path", occurrence.path)
        }
    }

    private static func due(_ json: inout JSONWriter, _ due: AuditRecord.Due) {
        json.object { json in
            json.member("counts_until", due.countsUntil)
            json.member("deadline", due.deadline)
            json.member("kind", due.kind.rawValue)
            json.member("owner", due.owner)
            json.member("path", due.path)
            json.member("period", due.period)
            json.member("status", due.status.rawValue)
            json.member("subject", due.subject)
        }
    }

    private static func finding(_ json: inout JSONWriter, _ finding: AuditRecord.Finding) {
        json.object { json in
            json.member("code", finding.code)
            if let count = finding.count { json.member("count", count) }
            json.member("due", finding.due)
            json.member("evidence", finding.evidence)
            json.member("id", finding.id)
            if let items = finding.items { json.member("items", items) }
            json.member("message", finding.message)
            json.member("owner", finding.owner)
            json.member("period", finding.period)
            if let periods = finding.periods { json.member("periods", periods) }
            json.member("severity", finding.severity.rawValue)
            json.member("status", finding.status.rawValue)
            json.member("subject", finding.subject)
        }
    }

    private static func policy(_ json: inout JSONWriter, _ policy: AuditRecord.Policy) {
        json.object { json in
            json.key("approvals")
            json.array(policy.approvals) { json, approval in
                json.object { json in
                    json.member("binding", approval.binding?.rawValue)
                    json.member("binding_commit", approval.bindingCommit)
                    json.member("by", approval.by)
                    json.member("commit", approval.commit)
                    json.member("landed", approval.landed)
                    json.member("version", approval.version)
                }
            }
            json.member("id", policy.id)
            json.member("owner", policy.owner)
            json.member("version", policy.version)
        }
    }
}
