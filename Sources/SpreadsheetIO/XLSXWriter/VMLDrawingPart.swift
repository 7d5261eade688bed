/// `xl/drawings/vmlDrawingN.vml`: the legacy VML shapes Excel needs to show notes. Without it
/// the comments part alone is ignored (or "repaired"). One hidden note shape per comment,
/// anchored beside its cell as Excel places new notes.
enum VMLDrawingPart {
    static func write(_ comments: [CellComment], drawingNumber: Int, to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.raw("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
        try x.raw("<o:shapelayout v:ext=\"edit\">")
        try x.empty("o:idmap", [("v:ext", "edit"), ("data", "\(drawingNumber)")])
        try x.raw("</o:shapelayout>")
        try x.raw("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>")
        for (i, c) in comments.sorted(by: { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }).enumerated() {
            let row = c.cell.row - 1, column = c.cell.column - 1
            try x.open("v:shape", [("id", "_x0000_s\(drawingNumber * 1024 + i + 1)"), ("type", "#_x0000_t202"),
                                   ("style", "position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:\(i + 1);visibility:hidden"),
                                   ("fillcolor", "#ffffe1"), ("o:insetmode", "auto")])
            try x.raw("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
            try x.open("x:ClientData", [("ObjectType", "Note")])
            try x.raw("<x:MoveWithCells/><x:SizeWithCells/>")
            let top = max(row - 1, 0)
            try x.element("x:Anchor", text: "\(column + 1), 15, \(top), 10, \(column + 3), 15, \(top + 4), 4")
            try x.raw("<x:AutoFill>False</x:AutoFill>")
            try x.element("x:Row", text: "\(row)")
            try x.element("x:Column", text: "\(column)")
            try x.close("x:ClientData")
            try x.close("v:shape")
        }
        try x.raw("</xml>")
    }
}
