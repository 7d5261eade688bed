/// `xl/workbook.xml`: the sheets in order and the hidden `_xlnm._FilterDatabase` names Excel
/// keeps for autofilters. Children in CT_Workbook order: workbookPr, bookViews, sheets, definedNames.
enum WorkbookPart {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var hidden: Bool
        var autoFilter: CellRange?
    }

    static func write(_ sheets: [SheetEntry], to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("workbook", [("xmlns", OOXML.mainNamespace), ("xmlns:r", OOXML.relationshipsNamespace)])
        try x.raw("<workbookPr/>")
        let firstVisible = sheets.firstIndex(where: { !$0.hidden }) ?? 0
        try x.raw("<bookViews>")
        try x.empty("workbookView", [("xWindow", "0"), ("yWindow", "0"), ("windowWidth", "28800"), ("windowHeight", "15000")]
                    + (firstVisible > 0 ? [("activeTab", "\(firstVisible)")] : []))
        try x.raw("</bookViews><sheets>")
        for (i, s) in sheets.enumerated() {
            try x.empty("sheet", [("name", s.name), ("sheetId", "\(i + 1)")] + (s.hidden ? [("state", "hidden")] : [])
                        + [("r:id", s.relationshipID)])
        }
        try x.raw("</sheets>")
        let filters = sheets.enumerated().compactMap { i, s in s.autoFilter.map { (i, s.name, $0) } }
        if !filters.isEmpty {
            try x.raw("<definedNames>")
            for (i, name, range) in filters {
                try x.element("definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", "\(i)"), ("hidden", "1")],
                              text: SheetName.quotedForReference(name) + "!" + range.absoluteText)
            }
            try x.raw("</definedNames>")
        }
        try x.close("workbook")
    }
}
