/// The workbook's styles, built from the cells written: every (style, kind of value) pair that a
/// cell used becomes one cell format (`<xf>`), fonts, fills and number formats are shared, and
/// nothing unused is written. Resolution is an array lookup on the hot path.
final class StyleTable {
    /// The number format a value gets when its style names none.
    enum ImpliedFormat: Int, CaseIterable {
        case none = 0, date, dateTime, time, duration

        var code: String? {
            switch self {
            case .none: return nil
            case .date: return "yyyy-mm-dd"
            case .dateTime: return "yyyy-mm-dd hh:mm:ss"
            case .time: return "hh:mm:ss"
            case .duration: return "[h]:mm:ss"
            }
        }
    }

    struct Font: Hashable { var bold: Bool }
    struct Format: Hashable {
        var numberFormatID: Int
        var fontID: Int
        var fillID: Int
        var wrap: Bool
    }

    private(set) var styles: [CellStyle] = [.plain]
    private var styleIndex: [CellStyle: Int32] = [.plain: 0]
    private(set) var fonts: [Font] = [Font(bold: false)]
    /// Fill colours beyond Excel's two mandatory fills (none, gray125).
    private(set) var fills: [String] = []
    /// Custom number formats, id 164 on.
    private(set) var customFormats: [(id: Int, code: String)] = []
    private(set) var formats: [Format] = [Format(numberFormatID: 0, fontID: 0, fillID: 0, wrap: false)]
    private var formatIndex: [Format: Int] = [Format(numberFormatID: 0, fontID: 0, fillID: 0, wrap: false): 0]
    /// styleID × ImpliedFormat → xf index + 1 (0 = not resolved yet).
    private var cache: [Int32] = Array(repeating: 0, count: ImpliedFormat.allCases.count)

    /// Excel's built-in ids for the codes people mean most (written by id, as Excel does).
    static let builtInIDs: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10,
        "0.00E+00": 11, "@": 49, "[h]:mm:ss": 46,
    ]

    func register(_ style: CellStyle) throws -> CellStyleID {
        if let i = styleIndex[style] { return CellStyleID(index: i) }
        if let fill = style.fillColor {
            guard fill.utf8.count == 6, fill.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }) else {
                throw SpreadsheetError(.invalidWrite, file: "", reason: "a fill colour is six hex digits RRGGBB, got \"\(fill)\"")
            }
        }
        if let code = style.numberFormat, code.isEmpty || code.utf8.count > 255 {
            throw SpreadsheetError(.invalidWrite, file: "", reason: "a number format code has 1 to 255 characters")
        }
        let i = Int32(styles.count)
        styles.append(style)
        styleIndex[style] = i
        cache.append(contentsOf: repeatElement(0, count: ImpliedFormat.allCases.count))
        return CellStyleID(index: i)
    }

    func style(_ id: CellStyleID) -> CellStyle { styles[Int(id.index)] }

    /// The `s` attribute for a cell (0 is omitted by the caller).
    @inline(__always)
    func formatIndex(for style: CellStyleID, implied: ImpliedFormat) -> Int {
        let slot = Int(style.index) &* ImpliedFormat.allCases.count &+ implied.rawValue
        let cached = cache[slot]
        if cached != 0 { return Int(cached) - 1 }
        return resolve(style: style, implied: implied, slot: slot)
    }

    private func resolve(style id: CellStyleID, implied: ImpliedFormat, slot: Int) -> Int {
        let style = styles[Int(id.index)]
        let code = style.numberFormat ?? implied.code
        let numberFormatID = code.map(numberFormatID(for:)) ?? 0
        let font = Font(bold: style.bold)
        let fontID: Int
        if let i = fonts.firstIndex(of: font) { fontID = i } else { fonts.append(font); fontID = fonts.count - 1 }
        var fillID = 0
        if let color = style.fillColor?.uppercased() {
            if let i = fills.firstIndex(of: color) { fillID = i + 2 } else { fills.append(color); fillID = fills.count + 1 }
        }
        let format = Format(numberFormatID: numberFormatID, fontID: fontID, fillID: fillID, wrap: style.wrapText)
        let index: Int
        if let i = formatIndex[format] { index = i } else {
            formats.append(format)
            index = formats.count - 1
            formatIndex[format] = index
        }
        cache[slot] = Int32(index + 1)
        return index
    }

    private func numberFormatID(for code: String) -> Int {
        if let id = Self.builtInIDs[code] { return id }
        if let existing = customFormats.first(where: { $0.code == code }) { return existing.id }
        let id = 164 + customFormats.count
        customFormats.append((id, code))
        return id
    }
}
