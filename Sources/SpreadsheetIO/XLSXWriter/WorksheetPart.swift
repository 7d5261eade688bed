/// `xl/worksheets/sheetN.xml` around the streamed rows, in the element order CT_Worksheet
/// requires: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, (sheetProtection…)
/// autoFilter, mergeCells, (conditionalFormatting) dataValidations, (hyperlinks) printOptions,
/// pageMargins, pageSetup, headerFooter, (breaks…) drawing, legacyDrawing, tableParts.
enum WorksheetPart {
    static func writeHeader(to out: OutputBuffer, dimension: CellRange?, options: SheetOptions, selected: Bool,
                            columnWidths: [Int: Double]) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("worksheet", [("xmlns", OOXML.mainNamespace), ("xmlns:r", OOXML.relationshipsNamespace)])
        if let dimension { try x.empty("dimension", [("ref", dimension.description)]) }
        try writeSheetViews(x, options: options, selected: selected)
        try x.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
        if !columnWidths.isEmpty {
            try x.raw("<cols>")
            for column in columnWidths.keys.sorted() {
                try x.empty("col", [("min", "\(column)"), ("max", "\(column)"), ("width", NumberText.shortest(columnWidths[column]!)),
                                    ("customWidth", "1")])
            }
            try x.raw("</cols>")
        }
        try x.raw("<sheetData>")
    }

    private static func writeSheetViews(_ x: XMLPartWriter, options: SheetOptions, selected: Bool) throws {
        var view = [("workbookViewId", "0")]
        if selected { view.insert(("tabSelected", "1"), at: 0) }
        let rows = max(0, min(options.frozenRows, CellReference.maxRow - 1))
        let columns = max(0, min(options.frozenColumns, CellReference.maxColumn - 1))
        guard rows > 0 || columns > 0 else {
            try x.raw("<sheetViews>")
            try x.empty("sheetView", view)
            try x.raw("</sheetViews>")
            return
        }
        let topLeft = CellReference(column: columns + 1, row: rows + 1)!.description
        try x.raw("<sheetViews>")
        try x.open("sheetView", view)
        var pane: [(String, String)] = []
        if columns > 0 { pane.append(("xSplit", "\(columns)")) }
        if rows > 0 { pane.append(("ySplit", "\(rows)")) }
        let active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        pane += [("topLeftCell", topLeft), ("activePane", active), ("state", "frozen")]
        try x.empty("pane", pane)
        if rows > 0 && columns > 0 {
            try x.empty("selection", [("pane", "topRight"), ("activeCell", CellReference(column: columns + 1, row: 1)!.description),
                                      ("sqref", CellReference(column: columns + 1, row: 1)!.description)])
            try x.empty("selection", [("pane", "bottomLeft"), ("activeCell", CellReference(column: 1, row: rows + 1)!.description),
                                      ("sqref", CellReference(column: 1, row: rows + 1)!.description)])
        }
        try x.empty("selection", [("pane", active), ("activeCell", topLeft), ("sqref", topLeft)])
        try x.close("sheetView")
        try x.raw("</sheetViews>")
    }

    static func writeFooter(to out: OutputBuffer, autoFilter: CellRange?, merges: [CellRange], validations: [DataValidation],
                            legacyDrawingID: String?) throws {
        let x = XMLPartWriter(out)
        try x.raw("</sheetData>")
        if let autoFilter { try x.empty("autoFilter", [("ref", autoFilter.description)]) }
        if !merges.isEmpty {
            try x.open("mergeCells", [("count", "\(merges.count)")])
            for m in merges { try x.empty("mergeCell", [("ref", m.description)]) }
            try x.close("mergeCells")
        }
        if !validations.isEmpty {
            try x.open("dataValidations", [("count", "\(validations.count)")])
            for v in validations { try writeValidation(x, v) }
            try x.close("dataValidations")
        }
        try x.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        if let legacyDrawingID { try x.empty("legacyDrawing", [("r:id", legacyDrawingID)]) }
        try x.raw("</worksheet>")
    }

    private static func writeValidation(_ x: XMLPartWriter, _ v: DataValidation) throws {
        var attributes: [(String, String)] = []
        let formulas: [String]
        switch v.rule {
        case .list:
            attributes.append(("type", "list"))
            formulas = [v.listFormula!]
        case .wholeNumber(let lo, let hi):
            attributes.append(("type", "whole"))
            formulas = [String(lo), String(hi)]
        case .decimal(let lo, let hi):
            attributes.append(("type", "decimal"))
            formulas = [NumberText.shortest(lo), NumberText.shortest(hi)]
        }
        if v.allowBlank { attributes.append(("allowBlank", "1")) }
        attributes.append(("showInputMessage", "1"))
        attributes.append(("showErrorMessage", "1"))
        if let t = v.errorTitle { attributes.append(("errorTitle", t)) }
        if let t = v.errorMessage { attributes.append(("error", t)) }
        if let t = v.promptTitle { attributes.append(("promptTitle", t)) }
        if let t = v.prompt { attributes.append(("prompt", t)) }
        attributes.append(("sqref", v.range.description))
        try x.open("dataValidation", attributes)
        try x.element("formula1", text: formulas[0])
        if formulas.count > 1 { try x.element("formula2", text: formulas[1]) }
        try x.close("dataValidation")
    }
}
