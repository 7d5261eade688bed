/// `xl/styles.xml`: custom number formats and the cell formats (`cellXfs`) cells point at
/// with `s="N"`. Only what reading needs: each cell format's number format.
final class StylesHandler: XMLEventHandler {
    private var customCodes: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var depth: [String] = []
    private var inCellXfs = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap(Int.init), let code = attributes.string("formatCode") {
            customCodes[id] = code
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs, name.is("xf") {
            cellFormatIDs.append(attributes.string("numFmtId").flatMap(Int.init) ?? 0)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("cellXfs") { inCellXfs = false }
    }

    /// One number format per cell format index; custom codes override built-in ones with the same id.
    func numberFormats() -> [NumberFormat] {
        cellFormatIDs.map { id in
            NumberFormat(id: id, code: customCodes[id] ?? NumberFormat.builtInCodes[id] ?? "General")
        }
    }
}
