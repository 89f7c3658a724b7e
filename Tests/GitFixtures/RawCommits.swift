import Foundation

extension FixtureRepository {
    /// Commits `files` (nil deletes) on top of HEAD with author and committer lines written
    /// exactly as given after the email (`1767225600 +0000`, or anything else git itself would
    /// never write), the way a crafted or damaged commit reaches a repository. Returns its id.
    @discardableResult
    public func commitRaw(_ files: [String: String?], authorDate: String, committerDate: String? = nil, message: String = "Crafted") throws -> String {
        for (path, content) in files {
            let file = url.appendingPathComponent(path)
            if let content {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: file)
            } else {
                try FileManager.default.removeItem(at: file)
            }
        }
        try Git.run(["add", "-A"], in: url)
        let tree = try Git.text(["write-tree"], in: url)
        let parent = try? Git.text(["rev-parse", "-q", "--verify", "HEAD"], in: url)
        var object = "tree \(tree)\n"
        if let parent { object += "parent \(parent)\n" }
        object += "author Crafted <crafted@example.com> \(authorDate)\ncommitter Crafted <crafted@example.com> \(committerDate ?? authorDate)\n\n\(message)\n"
        let id = try Git.text(["hash-object", "-t", "commit", "--literally", "-w", "--stdin"], in: url, input: object)
        try Git.run(["update-ref", "HEAD", id], in: url)
        return id
    }
}
