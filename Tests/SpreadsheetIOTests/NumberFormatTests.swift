import Testing
@testable import SpreadsheetIO

@Suite struct NumberFormatTests {
    @Test(arguments: [
        ("dd/mm/yyyy", NumberFormat.Kind.dateTime),
        ("[$-40C]d mmmm yyyy", .dateTime),
        ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", .dateTime),
        ("yyyy-mm-dd hh:mm", .dateTime),
        ("d.m.yy;@", .dateTime),
        ("hh:mm:ss", .time),
        ("h:mm AM/PM", .time),
        ("[h]:mm:ss", .duration),
        ("[mm]:ss", .duration),
        ("[Red][<=100]0.00", .number),
        ("#,##0.00 \"€\"", .number),
        ("#,##0 \"days\"", .number),
        ("0.0%", .percent),
        ("@", .text),
        ("General", .general),
        ("0.00E+00", .number),
        ("_-* #,##0\\ _€_-;\\-* #,##0\\ _€_-", .number),
    ])
    func classifiesCustomCodes(code: String, kind: NumberFormat.Kind) {
        #expect(NumberFormat.classify(code) == kind, "\(code)")
    }

    @Test func builtInIdsDecideWhateverTheCode() {
        #expect(NumberFormat(id: 14, code: "General").kind == .dateTime)
        #expect(NumberFormat(id: 22, code: "m/d/yy h:mm").kind == .dateTime)
        #expect(NumberFormat(id: 21, code: "h:mm:ss").kind == .time)
        #expect(NumberFormat(id: 46, code: "[h]:mm:ss").kind == .duration)
        #expect(NumberFormat(id: 10, code: "0.00%").kind == .percent)
        #expect(NumberFormat(id: 3, code: "#,##0").kind == .number)
    }
}
