/// `docProps/core.xml` (title, creator, created/modified in W3CDTF) and `docProps/app.xml`
/// (the application and the sheet titles, as Excel lists them).
enum CorePropertiesPart {
    static func write(_ p: WorkbookProperties, created: Int, to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        if let title = p.title { try x.element("dc:title", text: title) }
        if let subject = p.subject { try x.element("dc:subject", text: subject) }
        try x.element("dc:creator", text: p.creator)
        try x.element("cp:lastModifiedBy", text: p.creator)
        let stamp = WorkbookProperties.w3cdtf(created)
        try x.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
        try x.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
        try x.close("cp:coreProperties")
    }
}

enum AppPropertiesPart {
    static func write(sheetNames: [String], to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
                                  ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")])
        try x.element("Application", text: "innaxe")
        try x.raw("<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        try x.raw("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant>")
        try x.element("vt:i4", text: "\(sheetNames.count)")
        try x.raw("</vt:variant></vt:vector></HeadingPairs><TitlesOfParts>")
        try x.open("vt:vector", [("size", "\(sheetNames.count)"), ("baseType", "lpstr")])
        for n in sheetNames { try x.element("vt:lpstr", text: n) }
        try x.raw("</vt:vector></TitlesOfParts>")
        try x.raw("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>")
        try x.close("Properties")
    }
}
