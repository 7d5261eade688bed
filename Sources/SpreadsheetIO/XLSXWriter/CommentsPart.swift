/// `xl/commentsN.xml`: a sheet's notes, with their authors listed once.
enum CommentsPart {
    static func write(_ comments: [CellComment], to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        var authors: [String] = []
        for c in comments where !authors.contains(c.author) { authors.append(c.author) }
        try x.declaration()
        try x.open("comments", [("xmlns", OOXML.mainNamespace)])
        try x.raw("<authors>")
        for a in authors { try x.element("author", text: a) }
        try x.raw("</authors><commentList>")
        for c in comments.sorted(by: { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }) {
            try x.open("comment", [("ref", c.cell.description), ("authorId", "\(authors.firstIndex(of: c.author)!)")])
            try x.raw("<text><r><rPr><sz val=\"9\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr>")
            try x.cellText(c.text)
            try x.raw("</r></text>")
            try x.close("comment")
        }
        try x.raw("</commentList>")
        try x.close("comments")
    }
}
