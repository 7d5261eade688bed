/// `xl/workbook.xml`: the sheet list (names, order, visibility, relationship ids) and the date system.
final class WorkbookPartHandler: XMLEventHandler {
    struct SheetEntry {
        let name: String
        let state: String
        let relationshipID: String?
    }

    private(set) var sheets: [SheetEntry] = []
    private(set) var uses1904 = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet") {
            let sheetName = attributes.string("name").map(TextNormalization.normalize) ?? "Sheet\(sheets.count + 1)"
            sheets.append(SheetEntry(name: sheetName, state: attributes.string("state") ?? "visible",
                                     relationshipID: attributes.string("id", prefixed: true)))
        } else if name.is("workbookPr") {
            if let v = attributes.string("date1904") { uses1904 = (v == "1" || v.lowercased() == "true") }
        }
    }
}
