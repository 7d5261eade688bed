/// `[Content_Types].xml`: the media type of every part, by extension or by name.
enum ContentTypesPart {
    static let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    static let styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
    static let sharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    static let comments = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    static let core = "application/vnd.openxmlformats-package.core-properties+xml"
    static let app = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

    static func write(overrides: [(part: String, type: String)], hasVML: Bool, to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("Types", [("xmlns", OOXML.contentTypesNamespace)])
        try x.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        try x.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        if hasVML { try x.empty("Default", [("Extension", "vml"), ("ContentType", "application/vnd.openxmlformats-officedocument.vmlDrawing")]) }
        for o in overrides { try x.empty("Override", [("PartName", "/" + o.part), ("ContentType", o.type)]) }
        try x.close("Types")
    }
}
