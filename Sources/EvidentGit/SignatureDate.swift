/// The date that ends an author or committer line: seconds since the Unix epoch, a space, and
/// the offset from UTC as a sign and four digits (`1767225600 +0545`).
///
/// Commit dates are the proof Evident offers, so a date is used only when it reads one way:
/// - the seconds are decimal digits and lie in `Signature.supportedTimes`: from the epoch (git
///   records no earlier time; `git fsck` reports a negative one as an overflow) to the last
///   second of year 999999, the last year ISO 8601's expanded six-digit form can write;
/// - the offset is `+hhmm` or `-hhmm` with minutes below 60 (git writes whatever a tool gave
///   it, and `+9999` is no time zone).
/// Anything else is a `RepositoryError.unusableDate` naming the commit: a crafted or damaged
/// commit stops the command instead of being shown, or audited, at some other time.
enum SignatureDate {
    struct Parsed: Equatable {
        var time: Int64
        var offsetMinutes: Int32
    }

    enum Problem: Error, Equatable {
        case missing
        case malformedTime
        case beforeEpoch
        case afterLatest
        case malformedOffset
        case offsetMinutesOver59

        var explanation: String {
            switch self {
            case .missing: "it has no date"
            case .malformedTime: "its seconds are not a whole number"
            case .beforeEpoch: "it is before 1970-01-01T00:00:00Z, which git cannot record"
            case .afterLatest: "it is after +999999-12-31T23:59:59Z, the last time Evident can show"
            case .malformedOffset: "its time zone is not a sign and four digits (+hhmm)"
            case .offsetMinutesOver59: "its time zone's minutes are more than 59"
            }
        }
    }

    /// Parses the bytes after an ident's closing `>`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Parsed, Problem> {
        var index = 0
        func skipBlanks() { while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 } }
        skipBlanks()
        guard index < bytes.count else { return .failure(.missing) }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsStart = index
        var seconds: Int64 = 0
        var overflowed = false
        while index < bytes.count, let digit = decimal(bytes[index]) {
            if !overflowed {
                let (shifted, over1) = seconds.multipliedReportingOverflow(by: 10)
                let (sum, over2) = shifted.addingReportingOverflow(Int64(digit))
                overflowed = over1 || over2
                seconds = sum
            }
            index += 1
        }
        guard index > digitsStart, index == bytes.count || bytes[index] == UInt8(ascii: " ") else { return .failure(.malformedTime) }
        if negative { return .failure(overflowed || seconds > 0 ? .beforeEpoch : .malformedTime) }
        if overflowed || seconds > Signature.supportedTimes.upperBound { return .failure(.afterLatest) }
        skipBlanks()
        guard bytes.count - index == 5, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
              let h1 = decimal(bytes[index + 1]), let h2 = decimal(bytes[index + 2]),
              let m1 = decimal(bytes[index + 3]), let m2 = decimal(bytes[index + 4])
        else { return .failure(.malformedOffset) }
        let minutes = m1 * 10 + m2
        guard minutes < 60 else { return .failure(.offsetMinutesOver59) }
        let magnitude = Int32((h1 * 10 + h2) * 60 + minutes)
        return .success(Parsed(time: seconds, offsetMinutes: bytes[index] == UInt8(ascii: "-") ? -magnitude : magnitude))
    }

    /// The date as written, for a message, when it is only digits, signs and spaces (anything
    /// else in a commit header is never echoed).
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let allowed: Set<UInt8> = Set(Array("0123456789+- ".utf8))
        let trimmed = bytes.drop { $0 == UInt8(ascii: " ") }
        guard !trimmed.isEmpty, trimmed.count <= 40, trimmed.allSatisfy(allowed.contains) else { return nil }
        return "'" + String(decoding: trimmed, as: UTF8.self) + "'"
    }

    private static func decimal(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

extension Signature {
    /// The commit times Evident reads: from the epoch to the last second of year 999999 (UTC).
    public static let supportedTimes: ClosedRange<Int64> = 0...31_494_784_780_799

    /// The offsets from UTC a date can carry: `-99:59` to `+99:59`.
    public static let supportedOffsets: ClosedRange<Int32> = -(99 * 60 + 59)...(99 * 60 + 59)
}
