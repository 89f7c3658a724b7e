import EvidentCore

extension UTCTime {
    /// `iso8601(seconds)` appended as UTF-8, digit by digit: a history writes two or three
    /// times per commit, and a `String` each was a visible share of rendering it.
    static func appendISO8601(_ seconds: Int64, to out: inout [UInt8]) {
        let (days, second) = dayAndSecond(of: seconds)
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

    /// `offset(minutes:)` appended as UTF-8.
    static func appendOffset(minutes: Int32, to out: inout [UInt8]) {
        let magnitude = Int64(minutes).magnitude
        // Two digits of hours; `offset(minutes:)` decides what a larger offset looks like.
        guard magnitude < 100 * 60 else {
            out.append(contentsOf: offset(minutes: minutes).utf8)
            return
        }
        let hours = magnitude / 60
        let rest = magnitude % 60
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { text in
            text[0] = minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            text[1] = 0x30 + UInt8(truncatingIfNeeded: hours / 10)
            text[2] = 0x30 + UInt8(truncatingIfNeeded: hours % 10)
            text[3] = UInt8(ascii: ":")
            text[4] = 0x30 + UInt8(truncatingIfNeeded: rest / 10)
            text[5] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
            out.append(contentsOf: text)
        }
    }
}
