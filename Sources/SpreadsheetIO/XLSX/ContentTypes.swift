/// `[Content_Types].xml`: which content type each part has. Used to find the workbook when a
/// package has no usable `_rels/.rels`, and to tell worksheets from chart sheets.
final class ContentTypesHandler: XMLEventHandler {
    /// Lower-cased part name (no leading `/`) → content type.
    private(set) var overrides: [String: String] = [:]
    /// Lower-cased extension → content type.
    private(set) var defaults: [String: String] = [:]

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("Override"), let part = attributes.string("PartName"), let type = attributes.string("ContentType") {
            overrides[PartName.resolve(part, against: "").lowercased()] = type
        } else if name.is("Default"), let ext = attributes.string("Extension"), let type = attributes.string("ContentType") {
            defaults[ext.lowercased()] = type
        }
    }

    func contentType(of part: String) -> String? {
        if let t = overrides[part.lowercased()] { return t }
        guard let dot = part.lastIndex(of: ".") else { return nil }
        return defaults[part[part.index(after: dot)...].lowercased()]
    }

    /// Workbook parts: `…spreadsheetml.sheet.main+xml`, macro-enabled, template and strict forms.
    static func isWorkbook(_ type: String) -> Bool {
        type.hasSuffix(".main+xml") && (type.contains("spreadsheetml") || type.contains("ms-excel"))
    }

    var workbookPart: String? {
        overrides.first(where: { Self.isWorkbook($0.value) })?.key
    }
}
