/// Formats instants as ISO 8601 in UTC, without the host's time zone or locale.
///
/// Years 0 through 9999 take four digits. Any other year takes ISO 8601's expanded form: a sign
/// and at least six digits (`+010000-01-01T00:00:00Z`), the form JavaScript's `Date` also reads
/// and writes. Every `Int64` is formatted without overflow; commit dates are checked when read,
/// so a history only ever holds years 1970 through 999999.
public enum UTCTime {
    /// `2026-02-01T09:30:00Z` for seconds since the Unix epoch.
    public static func iso8601(_ seconds: Int64) -> String {
        let (days, secondOfDay) = dayAndSecond(of: seconds)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return "\(self.year(year))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    /// `+01:00` for an offset of 60 minutes.
    public static func offset(minutes: Int32) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = Int64(minutes.magnitude)
        return "\(sign)\(pad(magnitude / 60, 2)):\(pad(magnitude % 60, 2))"
    }

    /// A year as ISO 8601 writes it: `2026`, `0042`, `+010000`, `-000001`.
    public static func year(_ year: Int64) -> String {
        if (0...9999).contains(year) { return pad(year, 4) }
        return (year < 0 ? "-" : "+") + pad(Int64(year.magnitude), 6)
    }

    /// The day since the epoch that holds `seconds`, and the second within it (0 to 86 399).
    public static func dayAndSecond(of seconds: Int64) -> (day: Int64, second: Int64) {
        let (quotient, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
        return remainder < 0 ? (quotient - 1, remainder + 86_400) : (quotient, remainder)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar). Exact for every
    /// day an `Int64` count of seconds can reach.
    public static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
