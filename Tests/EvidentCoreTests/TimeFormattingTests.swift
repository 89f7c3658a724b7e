import EvidentCore
import Foundation
import Testing

/// Times and days print as ISO 8601 for every value, however far from today: four-digit years,
/// and any other year in the expanded form with a sign and at least six digits.
@Suite struct TimeFormattingTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (1_769_938_200, "2026-02-01T09:30:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (253_402_300_800, "+010000-01-01T00:00:00Z"),
        (31_494_784_780_799, "+999999-12-31T23:59:59Z"),
        (31_494_784_780_800, "+1000000-01-01T00:00:00Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"),
        (-62_167_219_201, "-000001-12-31T23:59:59Z"),
        (Int64.max, "+292277026596-12-04T15:30:07Z"),
        (Int64.min, "-292277022657-01-27T08:29:52Z"),
    ])
    func instantsAreISO8601(seconds: Int64, expected: String) {
        #expect(UTCTime.iso8601(seconds) == expected)
    }

    @Test func offsetsNeverOverflow() {
        #expect(UTCTime.offset(minutes: 345) == "+05:45")
        #expect(UTCTime.offset(minutes: -720) == "-12:00")
        #expect(UTCTime.offset(minutes: 840) == "+14:00")
        #expect(UTCTime.offset(minutes: Int32.min) == "-35791394:08")
        #expect(UTCTime.offset(minutes: Int32.max) == "+35791394:07")
    }

    @Test func daysOutsideFourDigitYearsUseTheExpandedForm() {
        #expect(Day(epochSeconds: 253_402_300_800).description == "+010000-01-01")
        #expect(Day(epochSeconds: -62_167_219_201).description == "-000001-12-31")
        #expect(Day(epochSeconds: Int64.min).description == "-292277022657-01-27")
        #expect(Day(epochSeconds: Int64.max).description == "+292277026596-12-04")
        #expect(Day("9999-12-31")!.adding(days: 1).description == "+010000-01-01")
        #expect(Day(epochSeconds: 31_494_784_780_799).adding(days: -1).description == "+999999-12-30")
    }
}
