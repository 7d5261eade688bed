/// `xl/styles.xml` from the style table, children in the order CT_Stylesheet requires:
/// numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, tableStyles.
enum StylesPart {
    static func write(_ table: StyleTable, to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("styleSheet", [("xmlns", OOXML.mainNamespace)])
        if !table.customFormats.isEmpty {
            try x.open("numFmts", [("count", "\(table.customFormats.count)")])
            for f in table.customFormats { try x.empty("numFmt", [("numFmtId", "\(f.id)"), ("formatCode", f.code)]) }
            try x.close("numFmts")
        }
        try x.open("fonts", [("count", "\(table.fonts.count)")])
        for font in table.fonts {
            try x.raw("<font>")
            if font.bold { try x.raw("<b/>") }
            try x.raw("<sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        }
        try x.close("fonts")
        try x.open("fills", [("count", "\(table.fills.count + 2)")])
        try x.raw("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        for color in table.fills {
            try x.raw("<fill><patternFill patternType=\"solid\">")
            try x.empty("fgColor", [("rgb", "FF" + color)])
            try x.raw("<bgColor indexed=\"64\"/></patternFill></fill>")
        }
        try x.close("fills")
        try x.raw("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
        try x.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        try x.open("cellXfs", [("count", "\(table.formats.count)")])
        for f in table.formats {
            var attributes = [("numFmtId", "\(f.numberFormatID)"), ("fontId", "\(f.fontID)"), ("fillId", "\(f.fillID)"),
                              ("borderId", "0"), ("xfId", "0")]
            if f.numberFormatID != 0 { attributes.append(("applyNumberFormat", "1")) }
            if f.fontID != 0 { attributes.append(("applyFont", "1")) }
            if f.fillID != 0 { attributes.append(("applyFill", "1")) }
            if f.wrap {
                attributes.append(("applyAlignment", "1"))
                try x.open("xf", attributes)
                try x.raw("<alignment wrapText=\"1\"/></xf>")
            } else {
                try x.empty("xf", attributes)
            }
        }
        try x.close("cellXfs")
        try x.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        try x.raw("<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>")
        try x.close("styleSheet")
    }
}
