import EvidentGit
import Testing

/// `GitPath` orders and hashes its raw bytes with `memcmp` and one block hash; these pin both to
/// the definitions they replace: bytewise order (unsigned, a prefix first) and byte equality.
@Suite struct GitPathTests {
    /// Paths that differ at every kind of place: a shared prefix, a byte above 0x7F (unsigned
    /// order), a NUL, the empty path, and a path that is a prefix of another.
    static let samples: [[UInt8]] = [
        [], Array("a".utf8), Array("a/".utf8), Array("a/b".utf8), Array("a-b".utf8), Array("ab".utf8),
        [0x61, 0x00], [0x61, 0xFF], [0x61, 0x7F], [0x61, 0x80], [0xC3, 0xA9], Array("e".utf8),
        Array("compliance/evidence/AC-01/2024-01-01.md".utf8), Array("compliance/evidence/AC-01/2024-01-01.mdx".utf8),
        Array("compliance/evidence/AC-01".utf8),
    ]

    @Test func orderIsBytewiseAndUnsigned() {
        for left in Self.samples {
            for right in Self.samples {
                #expect((GitPath(bytes: left) < GitPath(bytes: right)) == left.lexicographicallyPrecedes(right), "\(left) < \(right)")
            }
        }
        // Sorting by it gives the bytewise order, whatever order the paths arrive in.
        let sorted = Self.samples.map(GitPath.init(bytes:)).reversed().sorted()
        #expect(sorted.map(\.bytes) == Self.samples.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func equalPathsHashEquallyAndDifferentOnesAreDistinct() {
        let set = Set(Self.samples.map(GitPath.init(bytes:)))
        #expect(set.count == Self.samples.count)
        for sample in Self.samples {
            #expect(set.contains(GitPath(bytes: Array(sample))))
            #expect(GitPath(bytes: sample).hashValue == GitPath(bytes: Array(sample)).hashValue)
        }
    }
}
