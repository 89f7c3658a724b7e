/// A calendar date (no time, no zone), as written in front matter: `2026-02-01`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        // Byte by byte: evidence names are parsed by the thousand on every audit.
        var digits: [Int] = []
        var count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard count <= 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                digits.append(Int(byte - UInt8(ascii: "0")))
            }
        }
        guard count == 10 else { return nil }
        self.init(year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    /// Why `text` is not a day, in words for a message, or nil when it is one: written as
    /// `YYYY-MM-DD` but impossible (`2026-02-30`, `2026-13-01`) is said so, apart from text that
    /// is not written as a date at all.
    public static func problem(with text: some StringProtocol) -> String? {
        guard Day(text) == nil else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } })
        else { return "is not a date written YYYY-MM-DD" }
        guard (1...12).contains(month) else { return "is an impossible date: there is no month \(month)" }
        guard day > 0 else { return "is an impossible date: there is no day 0" }
        return "is an impossible date: \(monthNames[month - 1]) \(year) has \(daysIn(month: month, year: year)) days, not \(day)"
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// The UTC day that contains `seconds` since the epoch.
    public init(epochSeconds seconds: Int64) {
        self.init(daysSinceEpoch: UTCTime.dayAndSecond(of: seconds).day)
    }

    private init(daysSinceEpoch days: Int64) {
        let (year, month, day) = UTCTime.civilDate(daysSinceEpoch: days)
        self.year = Int(year)
        self.month = Int(month)
        self.day = Int(day)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public func adding(days: Int) -> Day {
        Day(daysSinceEpoch: Int64(daysSinceEpoch + days))
    }

    public func days(until other: Day) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// `YYYY-MM-DD`; written digit by digit, as records print hundreds of thousands of days. A
    /// year outside 0...9999 (a commit's, never front matter's) is written the way `UTCTime`
    /// writes it: `+010000-01-01`.
    public var description: String {
        guard (0...9999).contains(year) else {
            return "\(UTCTime.year(Int64(year)))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(ascii: "0") + UInt8(value % 10) }
            buffer[0] = digit(year / 1000)
            buffer[1] = digit(year / 100)
            buffer[2] = digit(year / 10)
            buffer[3] = digit(year)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(month / 10)
            buffer[6] = digit(month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(day / 10)
            buffer[9] = digit(day)
            return 10
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
