import Foundation

/// An instant written as RFC 3339 says (section 5.6): `2026-01-31T12:00:00Z`, with any fraction
/// of a second and any offset from `-23:59` to `+23:59`, `T` and `Z` in either case.
///
/// Foundation's ISO-8601 parsing refuses offsets beyond ±18:00 (`+18:31` is valid RFC 3339 and
/// what a generated client may send), so the sandbox reads the grammar itself. A bare date
/// (`2026-01-31`) is the start of that day in UTC, as the sandbox has always taken it.
///
/// ```swift
/// RFC3339Date.parse("2026-01-01T12:00:00+18:31")   // 2025-12-31T17:29:00Z
/// ```
enum RFC3339Date {
    /// The instant `text` names, or nil when it is not an RFC 3339 date-time or full-date.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var reader = Reader(bytes: bytes)
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
              let day = reader.digits(2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if reader.atEnd { return instant(year, month, day, 0, 0, 0, fraction: 0, offsetMinutes: 0) }
        guard reader.skip("T") || reader.skip("t"), let hour = reader.digits(2), reader.skip(":"),
              let minute = reader.digits(2), reader.skip(":"), let second = reader.digits(2),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var fraction = 0.0
        if reader.skip(".") {
            guard let digits = reader.fractionDigits() else { return nil }
            fraction = digits
        }
        var offset = 0
        if !(reader.skip("Z") || reader.skip("z")) {
            let sign: Int
            if reader.skip("+") { sign = 1 } else if reader.skip("-") { sign = -1 } else { return nil }
            guard let hours = reader.digits(2), reader.skip(":"), let minutes = reader.digits(2),
                  hours <= 23, minutes <= 59 else { return nil }
            offset = sign * (hours * 60 + minutes)
        }
        guard reader.atEnd else { return nil }
        return instant(year, month, day, hour, minute, second, fraction: fraction, offsetMinutes: offset)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from the civil date to 1970-01-01 (Howard Hinnant's `days_from_civil`), so that no
    /// calendar object is needed and every year from 0000 to 9999 works.
    private static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                                fraction: Double, offsetMinutes: Int) -> Date {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        /// Exactly `count` ASCII digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }

        /// One or more digits after the decimal point, as the fraction they make.
        mutating func fractionDigits() -> Double? {
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > start else { return nil }
            return Double("0." + String(decoding: bytes[start..<position], as: UTF8.self))
        }
    }
}
