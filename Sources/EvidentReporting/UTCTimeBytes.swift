import EvidentCore

extension UTCTime {
    /// `iso8601(seconds)` appended as UTF-8, digit by digit: a history writes two or three
    /// times per commit, and a `String` each was a visible share of rendering it.
    static func appendISO8601(_ seconds: Int64, to out: inout [UInt8]) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        // Four digits hold years 0 through 9999; `iso8601` lays out any other year its own way.
        guard (0...9999).contains(year) else {
            out.append(contentsOf: iso8601(seconds).utf8)
            return
        }
        // Laid out in place and appended at once: twenty appends of a byte each cost more.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
            func digits(_ value: Int64, at offset: Int) {
                text[offset] = 0x30 + UInt8(truncatingIfNeeded: value / 10)
                text[offset + 1] = 0x30 + UInt8(truncatingIfNeeded: value % 10)
            }
            digits(year / 100, at: 0)
            digits(year % 100, at: 2)
            text[4] = UInt8(ascii: "-")
            digits(month, at: 5)
            text[7] = UInt8(ascii: "-")
            digits(day, at: 8)
            text[10] = UInt8(ascii: "T")
            digits(second / 3600, at: 11)
            text[13] = UInt8(ascii: ":")
            digits(second % 3600 / 60, at: 14)
            text[16] = UInt8(ascii: ":")
            digits(second % 60, at: 17)
            text[19] = UInt8(ascii: "Z")
            out.append(contentsOf: text)
        }
    }
}
