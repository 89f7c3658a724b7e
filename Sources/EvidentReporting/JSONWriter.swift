/// Writes JSON straight into bytes, laid out exactly as `JSONOutput` (Foundation's encoder with
/// pretty printing, sorted keys and unescaped slashes) lays it out, for documents too large to go
/// through `Encodable` quickly. The caller writes the members of each object in sorted order;
/// `RecordJSON`'s tests compare every byte with `JSONOutput`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// How many containers are open, which is how deep the next member or element sits.
    private var depth = 0
    /// Members written so far in the innermost open container; `container` keeps the outer
    /// containers' counts on the call stack.
    private var written = 0

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer for a run of elements of an array that sits at `depth` inside another writer's
    /// document, after `precedingElements` elements written there: its bytes are laid out as
    /// they would be in place, so `append(fragment:)` splices them in unchanged. Fragments let
    /// parts of one array be written on different threads.
    public init(fragmentAtDepth depth: Int, precedingElements: Int, capacity: Int = 1 << 16) {
        self.init(capacity: capacity)
        self.depth = depth
        written = precedingElements
    }

    /// The depth of the container being written, as `init(fragmentAtDepth:)` takes it.
    public var currentDepth: Int { depth }

    /// Appends the elements of `fragment`, which was made for this position of this array.
    public mutating func append(fragment: JSONWriter) {
        precondition(fragment.depth == depth && fragment.written >= written, "a fragment of another position")
        bytes.append(contentsOf: fragment.bytes)
        written = fragment.written
    }

    /// Hands over the bytes written so far and then `fragment`'s, and goes on after the fragment
    /// as if it had been appended: the document is the parts handed over, then what is written
    /// next. A fragment written on another thread joins the document this way without a copy.
    public mutating func takeParts(endingWith fragment: JSONWriter) -> [[UInt8]] {
        precondition(fragment.depth == depth && fragment.written >= written, "a fragment of another position")
        written = fragment.written
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        bytes.reserveCapacity(1 << 12)
        return [taken, fragment.bytes]
    }

    /// The document with its final newline.
    public mutating func finished() -> [UInt8] {
        bytes.append(UInt8(ascii: "\n"))
        // Taken, not copied: a `consuming` method still left the caller's copy holding the
        // buffer, and that newline then copied the whole document.
        var document: [UInt8] = []
        swap(&document, &bytes)
        return document
    }

    // MARK: Containers

    public mutating func object(_ members: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    public mutating func array(_ elements: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), elements)
    }

    /// An array of values, each written by `element`.
    public mutating func array<S: Sequence>(_ values: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        array { writer in
            for value in values {
                writer.nextElement()
                element(&writer, value)
            }
        }
    }

    public mutating func array(_ strings: [String]) {
        array(strings) { $0.string($1) }
    }

    /// An object of strings, keys in byte order as `JSONEncoder`'s `.sortedKeys` orders them.
    public mutating func object(_ dictionary: [String: String]) {
        object(dictionary) { $0.string($1) }
    }

    /// An object of string arrays, keys sorted as `JSONEncoder`'s `.sortedKeys` sorts them.
    public mutating func object(_ dictionary: [String: [String]]) {
        object(dictionary) { $0.array($1) }
    }

    /// Foundation on Linux sorts by the keys' UTF-8 bytes: neither by case nor by locale, so
    /// `Approved-by` < `approved-by` < `Ärger`.
    private mutating func object<Value>(_ dictionary: [String: Value], _ value: (inout JSONWriter, Value) -> Void) {
        object { writer in
            for member in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                writer.key(member.key)
                value(&writer, member.value)
            }
        }
    }

    // MARK: Members

    /// Starts the next member of the enclosing object; write its value next.
    public mutating func key(_ name: String) {
        nextElement()
        string(name)
        append(" : ")
    }

    /// Starts the next element of the enclosing array; write its value next.
    public mutating func nextElement() {
        if written > 0 { bytes.append(UInt8(ascii: ",")) }
        written += 1
        newline()
    }

    /// A member whose value is a string, left out when nil (as synthesized `Encodable` does).
    public mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func member(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func member(_ name: String, _ value: Bool) {
        key(name)
        append(value ? "true" : "false")
    }

    public mutating func member(_ name: String, _ strings: [String]) {
        key(name)
        array(strings)
    }

    // MARK: Scalars

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // A native string lends its bytes as they are; only another kind needs the copy.
        if value.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var value = value
            value.withUTF8 { escaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string given as its UTF-8 bytes, which must be valid UTF-8: the same bytes `string(_:)`
    /// writes for the `String` they spell, without making one.
    public mutating func string(utf8: [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        utf8.withUnsafeBufferPointer { escaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var plain = 0
        for index in utf8.indices where utf8[index] < 0x20 || utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            escape(utf8[index])
            plain = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
    }

    /// A string whose characters `append` writes straight into the document: only what JSON
    /// never escapes (digits, hex, ASCII letters and punctuation other than `"` and `\`), so
    /// a commit id or a timestamp needs no `String` of its own.
    public mutating func plainString(_ append: (inout [UInt8]) -> Void) {
        bytes.append(UInt8(ascii: "\""))
        append(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        let short: UInt8? = switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        if let short {
            bytes.append(contentsOf: [UInt8(ascii: "\\"), short])
        } else {
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    // MARK: Layout

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        bytes.append(open)
        let outer = written
        written = 0
        depth += 1
        body(&self)
        depth -= 1
        // Foundation leaves an empty line inside an empty container.
        if written == 0 { bytes.append(UInt8(ascii: "\n")) }
        written = outer
        newline()
        bytes.append(close)
    }

    /// A newline and the indentation of the current depth, two spaces a level.
    private mutating func newline() {
        let width = 2 * depth
        guard width < Self.newlineAndSpaces.count else {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
            return
        }
        Self.newlineAndSpaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[...width])) }
    }

    private static let newlineAndSpaces: [UInt8] = [UInt8(ascii: "\n")] + repeatElement(UInt8(ascii: " "), count: 64)

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
