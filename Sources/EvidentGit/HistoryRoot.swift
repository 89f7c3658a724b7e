/// A path prefix whose history is read: a folder (everything under it) or a single file,
/// matched the way a git pathspec without wildcards is matched.
public struct HistoryRoot: Hashable, Sendable, CustomStringConvertible {
    /// Normalised path components; empty means the whole repository.
    public let components: [String]
    /// Written with a trailing `/`: matches a folder only, never a file of that name.
    public let isDirectoryOnly: Bool

    /// Normalises `path` (relative to the repository's top folder): `./`, `//` and inner `..`
    /// are resolved; a path that climbs out of the repository is rejected.
    public init(_ path: String) throws(HistoryRootError) {
        var components: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { throw .outsideRepository(path) }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        if path.hasPrefix("/") { throw .outsideRepository(path) }
        self.components = components
        isDirectoryOnly = path.hasSuffix("/") && !components.isEmpty
    }

    /// The normalised path as text (`.` for the whole repository).
    public var path: String {
        components.isEmpty ? "." : components.joined(separator: "/")
    }

    public var description: String { isDirectoryOnly ? path + "/" : path }
}

/// The roots as a trie of path components, so a tree walk descends only where a root lies.
struct PathFilter: Sendable {
    struct Node: Sendable {
        var children: [(name: [UInt8], node: Int)] = []
        /// Everything below this node is inside a root.
        var includesAll = false
        /// Only a folder at this node is inside a root (a `dir/` root).
        var directoryOnly = false
    }

    private(set) var nodes: [Node] = [Node()]

    init(_ roots: [HistoryRoot]) {
        for root in roots {
            var current = 0
            for component in root.components {
                let name = Array(component.utf8)
                if let existing = nodes[current].children.first(where: { $0.name == name }) {
                    current = existing.node
                } else {
                    nodes.append(Node())
                    nodes[current].children.append((name, nodes.count - 1))
                    current = nodes.count - 1
                }
            }
            if nodes[current].includesAll {
                nodes[current].directoryOnly = nodes[current].directoryOnly && root.isDirectoryOnly
            } else {
                nodes[current].includesAll = true
                nodes[current].directoryOnly = root.isDirectoryOnly
            }
        }
    }

    var root: Node { nodes[0] }
    subscript(index: Int) -> Node { nodes[index] }
}
