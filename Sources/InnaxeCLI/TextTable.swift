/// Renders rows of text as an aligned terminal table, clipping long cells with "…".
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    var maxWidth = 24
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []

    func render(indent: String = "  ") -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        func clip(_ s: String) -> String {
            let flat = s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
            return flat.count > maxWidth ? String(flat.prefix(maxWidth - 1)) + "…" : String(flat)
        }
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], clip(cell).count) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columns {
                let cell = i < row.count ? clip(row[i]) : ""
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(rightAligned.contains(i) ? padding + cell : cell + padding)
            }
            var s = indent + parts.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        var out = [line(header)]
        out.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
