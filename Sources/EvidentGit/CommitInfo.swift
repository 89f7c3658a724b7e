import Foundation

/// Who made or landed a commit, and when (seconds since the epoch, with the recorded UTC offset).
public struct Signature: Hashable, Sendable {
    public var name: String
    public var email: String
    public var time: Int64
    /// The offset from UTC the person's clock showed, in minutes.
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// One `Key: value` line of a commit message's trailer block.
public struct Trailer: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// What Evident knows of a mainline commit that changed something under the roots.
public struct CommitInfo: Hashable, Sendable {
    public var id: ObjectID
    public var author: Signature
    public var committer: Signature
    /// Trailers in message order; a key may repeat.
    public var trailers: [Trailer]
    /// Whether the commit carries a signature header (`gpgsig` or `gpgsig-sha256`).
    public var isSigned: Bool

    public init(id: ObjectID, author: Signature, committer: Signature, trailers: [Trailer], isSigned: Bool) {
        self.id = id
        self.author = author
        self.committer = committer
        self.trailers = trailers
        self.isSigned = isSigned
    }

    /// When the commit landed on the mainline: its committer time.
    public var landedAt: Int64 { committer.time }
}
