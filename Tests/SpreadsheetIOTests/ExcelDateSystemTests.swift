import Testing
@testable import SpreadsheetIO

@Suite struct ExcelDateSystemTests {
    let system1900 = ExcelDateSystem.from1900
    let system1904 = ExcelDateSystem.from1904

    @Test func theLotusLeapYearQuirk() {
        #expect(system1900.dateTime(fromSerial: 1)?.description == "1900-01-01")
        #expect(system1900.dateTime(fromSerial: 59)?.description == "1900-02-28")
        // Serial 60 is the 29 February 1900 that never was.
        #expect(system1900.dateTime(fromSerial: 60)?.description == "1900-02-28")
        #expect(system1900.dateTime(fromSerial: 61)?.description == "1900-03-01")
        #expect(system1900.dateTime(fromSerial: 45_351)?.description == "2024-02-29")
        #expect(system1900.dateTime(fromSerial: 2_958_465)?.description == "9999-12-31")
        #expect(system1900.dateTime(fromSerial: 2_958_466) == nil)
        #expect(system1900.dateTime(fromSerial: -1) == nil)
    }

    @Test func the1904SystemStartsFourYearsLaterWithoutTheQuirk() {
        #expect(system1904.dateTime(fromSerial: 0)?.description == "1904-01-01")
        #expect(system1904.dateTime(fromSerial: 43_889)?.description == "2024-02-29")
    }

    @Test func timesRoundToTheMillisecond() {
        #expect(system1900.dateTime(fromSerial: 45_351.572916666664)?.description == "2024-02-29T13:45:00")
        #expect(system1900.timeOfDay(fromSerial: 0.5)?.isoTime == "12:00:00")
        #expect(system1900.timeOfDay(fromSerial: 0.99999999)?.isoTime == "23:59:59.999000")
        #expect(system1900.timeOfDay(fromSerial: 1.2) == nil)
    }

    @Test func serialsRoundTrip() {
        for serial in [1.0, 59, 61, 367, 45_351.25, 2_958_465] {
            let date = system1900.dateTime(fromSerial: serial)!
            #expect(system1900.serial(from: date) == serial, "\(serial) → \(date)")
        }
        let date = system1904.dateTime(fromSerial: 1000.5)!
        #expect(system1904.serial(from: date) == 1000.5)
    }

    @Test func civilDayArithmeticIsExactAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilDateTime.civilFromDays(days)
            #expect(CivilDateTime.daysFromCivil(year: y, month: m, day: d) == days)
        }
        #expect(CivilDateTime.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDateTime.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
    }
}
