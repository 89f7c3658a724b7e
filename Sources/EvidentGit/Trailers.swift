/// Commit-message trailers, found the way git finds them (`git interpret-trailers --parse`):
/// the last paragraph after the title, before any `---` divider, whose lines are all
/// `Token: value` trailers, or at least a quarter of them when one is git-generated.
public enum Trailers {
    private static let gitGeneratedPrefixes = [Array("Signed-off-by: ".utf8), Array("(cherry picked from commit ".utf8)]
    private static let comment = UInt8(ascii: "#")

    public static func parse(message: [UInt8]) -> [Trailer] {
        let lines = splitLines(message[..<patchStart(message)])
        guard let start = blockStart(lines) else { return [] }

        var raw: [[UInt8]] = []
        var lastIsTrailer = false
        for line in lines[start...] {
            if lastIsTrailer, let first = line.first, isSpace(first) {
                raw[raw.count - 1] += [UInt8(ascii: "\n")] + line
                continue
            }
            raw.append(Array(line))
            lastIsTrailer = separatorPosition(line) ?? 0 >= 1
        }
        return raw.compactMap { line in
            guard let separator = separatorPosition(line[...]), separator >= 1 else { return nil }
            let key = trimmed(line[..<separator])
            let value = unfolded(line[(separator + 1)...])
            return Trailer(key: String(decoding: key, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }
    }

    /// Lines without their newline; a final newline does not start an empty line.
    private static func splitLines(_ text: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if text.last == UInt8(ascii: "\n") { lines.removeLast() }
        return lines
    }

    /// Where a `---` divider line starts, or the end.
    private static func patchStart(_ message: [UInt8]) -> Int {
        var index = 0
        while index < message.count {
            if message.count - index >= 4, message[index] == UInt8(ascii: "-"), message[index + 1] == UInt8(ascii: "-"),
               message[index + 2] == UInt8(ascii: "-"), isSpace(message[index + 3]) {
                return index
            }
            guard let newline = message[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            index = newline + 1
        }
        return message.count
    }

    /// The index of the first line of the trailer block, or nil when there is none.
    private static func blockStart(_ lines: [ArraySlice<UInt8>]) -> Int? {
        // The first paragraph is the title and is never trailers.
        var endOfTitle = lines.count
        for (index, line) in lines.enumerated() where line.first != comment && isBlank(line) {
            endOfTitle = index
            break
        }
        var onlySpaces = true
        var recognizedPrefix = false
        var trailerLines = 0
        var nonTrailerLines = 0
        var possibleContinuations = 0
        var index = lines.count - 1
        while index >= endOfTitle {
            let line = lines[index]
            defer { index -= 1 }
            if line.first == comment {
                nonTrailerLines += possibleContinuations
                possibleContinuations = 0
                continue
            }
            if isBlank(line) {
                if onlySpaces { continue }
                nonTrailerLines += possibleContinuations
                if recognizedPrefix && trailerLines * 3 >= nonTrailerLines { return index + 1 }
                if trailerLines > 0 && nonTrailerLines == 0 { return index + 1 }
                return nil
            }
            onlySpaces = false
            if gitGeneratedPrefixes.contains(where: { line.starts(with: $0) }) {
                trailerLines += 1
                possibleContinuations = 0
                recognizedPrefix = true
                continue
            }
            if let first = line.first, !isSpace(first), separatorPosition(line) ?? 0 >= 1 {
                trailerLines += 1
                possibleContinuations = 0
            } else if let first = line.first, isSpace(first) {
                possibleContinuations += 1
            } else {
                nonTrailerLines += 1 + possibleContinuations
                possibleContinuations = 0
            }
        }
        return nil
    }

    /// The offset of the `:` after a token of letters, digits and dashes (and optional blanks).
    private static func separatorPosition(_ line: ArraySlice<UInt8>) -> Int? {
        var whitespaceFound = false
        for (offset, byte) in line.enumerated() {
            if byte == UInt8(ascii: ":") { return offset }
            if !whitespaceFound && (isAlphanumeric(byte) || byte == UInt8(ascii: "-")) { continue }
            if offset != 0 && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) {
                whitespaceFound = true
                continue
            }
            return nil
        }
        return nil
    }

    /// Joins continuation lines with single spaces and trims the ends, as `unfold` does.
    private static func unfolded(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                while index < value.endIndex && isSpace(value[index]) { index += 1 }
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
        }
        return trimmed(out[...])
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy(isSpace)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0d).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
    }
}
