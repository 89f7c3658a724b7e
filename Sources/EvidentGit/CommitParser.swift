/// Parses raw commit objects. The hot path reads only the tree and first parent.
enum CommitParser {
    struct Links {
        var tree: ObjectID
        var firstParent: ObjectID?
    }

    /// `tree <40 hex>\n` and `parent <40 hex>\n`: all `links` needs of a commit.
    static let linksLength = 46 + 48

    private static let treePrefix = Array("tree ".utf8)
    private static let parentPrefix = Array("parent ".utf8)

    static func links(of commit: ObjectID, in buffer: UnsafeBufferPointer<UInt8>) throws(RepositoryError) -> Links {
        guard let base = buffer.baseAddress, buffer.count >= 46, startsWith(buffer, at: 0, treePrefix),
              let tree = ObjectID(hexBytes: base + 5), buffer[45] == UInt8(ascii: "\n")
        else {
            throw .corruptObject(commit, detail: "commit has no valid 'tree' header")
        }
        var firstParent: ObjectID?
        if buffer.count >= 46 + 48, startsWith(buffer, at: 46, parentPrefix) {
            guard let parent = ObjectID(hexBytes: base + 53), buffer[93] == UInt8(ascii: "\n") else {
                throw .corruptObject(commit, detail: "commit has a malformed 'parent' header")
            }
            firstParent = parent
        }
        return Links(tree: tree, firstParent: firstParent)
    }

    static func info(of commit: ObjectID, in buffer: UnsafeBufferPointer<UInt8>) throws(RepositoryError) -> CommitInfo {
        var author: Signature?
        var committer: Signature?
        var isSigned = false
        var index = 0
        let end = buffer.count
        var messageStart = end
        while index < end {
            var lineEnd = index
            while lineEnd < end && buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd == index {
                messageStart = lineEnd + 1
                break
            }
            let line = UnsafeBufferPointer(rebasing: buffer[index..<lineEnd])
            if line[0] != UInt8(ascii: " ") {
                if let value = headerValue(line, "author") {
                    author = try signature(value, role: "author", of: commit)
                } else if let value = headerValue(line, "committer") {
                    committer = try signature(value, role: "committer", of: commit)
                } else if headerValue(line, "gpgsig") != nil || headerValue(line, "gpgsig-sha256") != nil {
                    isSigned = true
                }
            }
            index = lineEnd + 1
        }
        guard let author, let committer else {
            throw .corruptObject(commit, detail: "commit lacks a valid author or committer header")
        }
        let message = messageStart < end ? Array(buffer[messageStart..<end]) : []
        return CommitInfo(
            id: commit, author: author, committer: committer,
            trailers: Trailers.parse(message: message), isSigned: isSigned
        )
    }

    private static func startsWith(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, _ prefix: [UInt8]) -> Bool {
        guard buffer.count >= offset + prefix.count else { return false }
        for (position, byte) in prefix.enumerated() where buffer[offset + position] != byte {
            return false
        }
        return true
    }

    /// The value of header `name` when `line` is that header.
    private static func headerValue(_ line: UnsafeBufferPointer<UInt8>, _ name: String) -> UnsafeBufferPointer<UInt8>? {
        let key = Array(name.utf8)
        guard line.count > key.count, line[key.count] == UInt8(ascii: " "), startsWith(line, at: 0, key) else {
            return nil
        }
        return UnsafeBufferPointer(rebasing: line[(key.count + 1)...])
    }

    /// Splits `Name <email> 1700000000 +0100` the way git's ident parser does; nil when there
    /// is no `<email>`, and an `unusableDate` error when the date cannot be trusted (see
    /// `SignatureDate`).
    static func signature(_ value: UnsafeBufferPointer<UInt8>, role: String, of commit: ObjectID) throws(RepositoryError) -> Signature? {
        guard let open = value.firstIndex(of: UInt8(ascii: "<")),
              let close = value[open...].firstIndex(of: UInt8(ascii: ">"))
        else { return nil }
        var nameEnd = open
        while nameEnd > 0 && value[nameEnd - 1] == UInt8(ascii: " ") { nameEnd -= 1 }
        let name = String(decoding: value[0..<nameEnd], as: UTF8.self)
        let email = String(decoding: value[(open + 1)..<close], as: UTF8.self)
        let lastClose = value.lastIndex(of: UInt8(ascii: ">")) ?? close
        let date = UnsafeBufferPointer(rebasing: value[(lastClose + 1)...])
        switch SignatureDate.parse(date) {
        case .success(let parsed):
            return Signature(name: name, email: email, time: parsed.time, offsetMinutes: parsed.offsetMinutes)
        case .failure(let problem):
            throw .unusableDate(commit, role: role, date: SignatureDate.quoted(date), reason: problem.explanation)
        }
    }
}
