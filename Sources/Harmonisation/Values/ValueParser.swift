import SpreadsheetIO

/// Turns one cell into a harmonised value for one indicator: markers to statuses, text numbers
/// by locale, qualifiers and ranges, percent conventions, unit scales and currencies to EUR by
/// year, booleans and codes — reporting every guess it refuses to make.
public struct ValueParser: Sendable {
    /// A class: the engine keeps one per column, indicator, unit and locale and sets the year
    /// and format of each value on it; handing a struct of this size to every parse copied a
    /// dozen references per value.
    public final class Context {
        public let indicator: Indicator
        public let settings: ValueSettings
        /// Markers of the schema and the mapping, exact and lower-cased.
        public let markers: [String: ObservationStatus]
        /// True when the locale is a constant of the mapping; false when it comes from a row
        /// (then ambiguous-looking numbers are reported as info).
        public let localeDeclared: Bool
        public var year: Int
        public var formatKind: NumberFormat.Kind
        public let fromWorkbook: Bool
        /// The unit's text as the file wrote it (`k€`), for provenance; nil when there is none.
        public let originalUnit: String?

        public init(indicator: Indicator, settings: ValueSettings, markers: [String: ObservationStatus], localeDeclared: Bool,
                    year: Int, formatKind: NumberFormat.Kind, fromWorkbook: Bool) {
            self.indicator = indicator
            self.settings = settings
            self.markers = markers
            self.localeDeclared = localeDeclared
            self.year = year
            self.formatKind = formatKind
            self.fromWorkbook = fromWorkbook
            originalUnit = settings.unit.map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    public struct Result {
        /// No observation at all (an empty cell under `empty: skip`).
        public var skip = false
        /// The value was refused: an error finding explains why, no observation is written.
        public var rejected = false
        public var value: ObservationValue?
        public var flags = StatusFlags()
        public var notes: [String] = []
        public var originalUnit: String?
        public var conversion: Provenance.Conversion?
        public var issues: [ValueIssue] = []
    }

    public let schema: IndicatorSchema
    public let rates: CurrencyRates

    public init(schema: IndicatorSchema, rates: CurrencyRates) {
        self.schema = schema
        self.rates = rates
    }

    static let defaultSuffixes: [String: ObservationStatus] = ["*": .provisional, "(p)": .provisional, "(e)": .estimated, "(b)": .breakInSeries]

    public func parse(_ cell: CellValue, _ context: Context) -> Result {
        var result = Result()
        result.originalUnit = context.originalUnit
        switch cell {
        case .empty:
            return emptyResult(context)
        case .error(let e):
            result.rejected = true
            result.issues.append(ValueIssue(.typeError, "the cell holds the formula error \(e.code)", expected: expectedText(context.indicator)))
            return result
        case .string(let raw):
            let trimmed = raw.trimmedSpaces
            if trimmed.isEmpty { return emptyResult(context) }
            // Markers have no digits or are words ("n.d.", "..", "k.A."): a plain number is never one.
            let plain = Self.isPlainNumber(Substring(trimmed))
            // A number with a percent sign (`1,20 %`) is no marker either: no lookup for it.
            let percent = plain ? nil : Self.plainPercent(trimmed)
            if !plain, percent == nil, let status = context.markers[trimmed] ?? context.markers[trimmed.lowercased()] {
                result.flags.add(status)
                result.notes.append(trimmed)
                return result
            }
            parseText(raw, trimmed: trimmed, plain: plain, percentNumber: percent, context, into: &result)
        case .number(let d):
            parseNumber(d, context, into: &result)
        case .boolean(let b):
            if context.indicator.type == .boolean { result.value = .boolean(b) }
            else { reject(&result, ValueIssue(.typeError, "a TRUE/FALSE cell for \(context.indicator.id)", expected: expectedText(context.indicator))) }
        case .dateTime(let dt), .timeOfDay(let dt):
            if context.indicator.type == .text { result.value = .text(dt.description) }
            else if context.indicator.type == .integer, context.indicator.unit == "year" { result.value = .number(Double(dt.year)) }
            else { reject(&result, ValueIssue(.typeError, "a date cell (\(dt.description)) for \(context.indicator.id)", expected: expectedText(context.indicator),
                                              hint: "the cell is formatted as a date; Excel shows the number as a date")) }
        case .duration(let s):
            reject(&result, ValueIssue(.typeError, "a duration cell (\(s) s) for \(context.indicator.id)", expected: expectedText(context.indicator)))
        }
        return result
    }

    private func emptyResult(_ context: Context) -> Result {
        var result = Result()
        switch context.settings.empty ?? .skip {
        case .skip: result.skip = true
        case .status(let s): result.flags.add(s); result.notes.append("empty cell")
        }
        return result
    }

    private func reject(_ result: inout Result, _ issue: ValueIssue) {
        result.rejected = true
        result.value = nil
        result.issues.append(issue)
    }

    private func expectedText(_ indicator: Indicator) -> String {
        switch indicator.type {
        case .integer: return "a whole number (\(indicator.unit))"
        case .number: return "a number (\(indicator.unit))"
        case .percentage: return "a percentage (0–100)"
        case .boolean: return "yes or no"
        case .code: return "a code of \(indicator.codeList ?? "the code list")"
        case .text: return "text"
        }
    }

    // MARK: text cells

    /// `percentNumber`: the number of a plain text percentage (`plainPercent`), found by the caller.
    private func parseText(_ raw: String, trimmed: String, plain: Bool, percentNumber: Substring?, _ context: Context, into result: inout Result) {
        switch context.indicator.type {
        case .text:
            result.value = .text(raw)
            if let max = context.indicator.maxLength, raw.count > max {
                result.issues.append(ValueIssue(.textTooLong, "\(raw.count) characters, more than the \(max) allowed", expected: "at most \(max) characters"))
            }
            return
        case .boolean:
            if let b = BooleanWords.value(of: trimmed) { result.value = .boolean(b) }
            else { reject(&result, ValueIssue(.typeError, "\"\(trimmed)\" is not yes or no", expected: "yes/no in en, fr, de, es, bg or da (ja, nej, oui, sí, да…)")) }
            return
        case .code:
            if let code = context.settings.codes[LabelKey(trimmed)] ?? schema.code(in: context.indicator.codeList ?? "", matching: trimmed) {
                result.value = .code(code)
            } else {
                let known = schema.codeLists[context.indicator.codeList ?? ""]?.map(\.code).joined(separator: ", ") ?? ""
                reject(&result, ValueIssue(.unknownCode, "\"\(trimmed)\" is not a code of \(context.indicator.codeList ?? "?")", expected: known,
                                           hint: "add it under codes: in the mapping (e.g. \(trimmed): \(schema.codeLists[context.indicator.codeList ?? ""]?.first?.code ?? "CODE"))"))
            }
            return
        case .integer, .number, .percentage:
            break
        }
        // Fast path: a plain number (digits, separators, a sign) needs no free-text cleaning.
        if plain {
            let locale = context.settings.locale ?? .automatic
            var probe = Result()
            if let number = readNumber(Substring(trimmed), locale: locale, trimmed: trimmed, context, into: &probe), !probe.rejected {
                if !probe.issues.isEmpty { result.issues += probe.issues }
                if context.fromWorkbook {
                    result.issues.append(ValueIssue(.numberStoredAsText, "number typed as text \"\(trimmed)\", read as \(NumberFormatting.plain(number)) under locale \(locale.name)",
                                                    hint: "store it as a number in the workbook"))
                }
                finish(number, isPercentText: false, numericFormatIsPercent: false, unit: context.settings.unit, context, into: &result)
                return
            }
        }
        // Fast path: a plain number with a percent sign (`1,20 %`), the common text percentage;
        // read as ValueText would, without taking the text apart.
        if let number = percentNumber {
            let locale = context.settings.locale ?? .automatic
            var probe = Result()
            if let value = readNumber(number, locale: locale, trimmed: trimmed, context, into: &probe), !probe.rejected {
                if !probe.issues.isEmpty { result.issues += probe.issues }
                finish(value, isPercentText: true, numericFormatIsPercent: false, unit: context.settings.unit, context, into: &result)
                return
            }
        }
        let suffixes = context.settings.suffixFlags ?? Self.defaultSuffixes
        guard let text = ValueText.parse(trimmed, suffixFlags: suffixes) else {
            if !trimmed.contains(where: { $0.isNumber }) {
                reject(&result, ValueIssue(.unknownMarker, "\"\(trimmed)\" is neither a number nor a known missing-value marker",
                                           expected: expectedText(context.indicator),
                                           hint: "if it means missing or confidential, add it under markers: in the mapping (\"\(trimmed)\": M)"))
            } else {
                reject(&result, ValueIssue(.unparseableNumber, "\"\(trimmed)\" cannot be read as a number", expected: expectedText(context.indicator),
                                           hint: "write the number with its unit in the header or unit column"))
            }
            return
        }
        let locale = context.settings.locale ?? .automatic
        guard var number = readNumber(text.numberText, locale: locale, trimmed: trimmed, context, into: &result) else { return }
        if let upperText = text.rangeUpperText {
            guard let upper = readNumber(upperText, locale: locale, trimmed: trimmed, context, into: &result) else { return }
            switch context.settings.ranges ?? .midpoint {
            case .midpoint:
                let mid = (number + upper) / 2
                result.flags.add(.estimated)
                result.notes.append("range \(text.numberText)-\(upperText), midpoint")
                result.issues.append(ValueIssue(.valueIsRange, "range \"\(trimmed)\" read as its midpoint \(NumberFormatting.plain(mid)), status E",
                                                expected: "one number", hint: "set ranges: reject in the mapping to refuse ranges"))
                number = mid
            case .reject:
                reject(&result, ValueIssue(.valueIsRange, "range \"\(trimmed)\" given where one number is expected", expected: "one number",
                                           hint: "ranges: midpoint takes the midpoint with status E"))
                return
            }
        }
        result.flags.add(text.flags)
        if text.flags.flags.contains(.estimated), text.rangeUpperText == nil {
            result.notes.append(text.qualifiers.joined(separator: " "))
            result.issues.append(ValueIssue(.approximateValue, "\"\(trimmed)\" is approximate: read as \(NumberFormatting.plain(number)) with status E"))
        } else if !text.qualifiers.isEmpty {
            result.notes.append(contentsOf: text.qualifiers)
        }
        // Free text ("EUR 612 million", "ca. 60.000") is text by nature: only a plain number
        // typed as text is `number-stored-as-text` (the fast path above).
        var unit = context.settings.unit
        if let valueUnit = text.unit {
            if let columnCurrency = unit?.currency, let valueCurrency = valueUnit.currency, columnCurrency != valueCurrency {
                result.issues.append(ValueIssue(.currencyConflict, "the value says \(valueCurrency), the unit says \(columnCurrency); the value wins"))
            }
            var combined = unit ?? UnitExpression()
            combined.scale *= valueUnit.scale
            if valueUnit.currency != nil { combined.currency = valueUnit.currency }
            combined.text = [unit?.text, valueUnit.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            unit = combined
            result.originalUnit = valueUnit.text
        }
        finish(number, isPercentText: text.isPercent, numericFormatIsPercent: false, unit: unit, context, into: &result)
    }

    /// One number under a locale, with the ambiguity and locale-mismatch rules.
    private func readNumber(_ numberText: Substring, locale: NumberLocale, trimmed: String, _ context: Context, into result: inout Result) -> Double? {
        switch LocaleNumberParser.read(numberText, locale: locale) {
        case .value(let v):
            if !context.localeDeclared, locale.decimal != nil, Self.hasAmbiguousShape(numberText) {
                let other = LocaleNumberParser.read(numberText, locale: locale.decimal == UInt8(ascii: ",") ? .decimalPoint : .decimalCommaDotGrouping)
                if case .value(let alternative) = other, alternative != v {
                    result.issues.append(ValueIssue(.ambiguousNumber, severity: .info,
                                                    "\"\(trimmed)\" reads \(NumberFormatting.plain(v)) under this row's locale \(locale.name), \(NumberFormatting.plain(alternative)) under the other convention; \(NumberFormatting.plain(v)) taken"))
                }
            }
            return v
        case .otherConvention(let v):
            // Against a declared locale this is a warning; against a row's guessed locale (a
            // respondent's country) only a note: "2.1 M EUR" from Belgium reads one way only.
            result.issues.append(ValueIssue(.localeMismatch, severity: context.localeDeclared ? nil : .info,
                                            "\"\(trimmed)\" is not valid under locale \(locale.name); read as \(NumberFormatting.plain(v)) with the other decimal separator",
                                            hint: "check the locale declared for this file or column"))
            return v
        case .ambiguous(let grouped, let decimal):
            if context.indicator.type == .integer, decimal != decimal.rounded() {
                result.issues.append(ValueIssue(.ambiguousNumber, "\"\(trimmed)\" reads \(NumberFormatting.plain(grouped)) or \(NumberFormatting.plain(decimal)); \(NumberFormatting.plain(grouped)) taken because \(context.indicator.id) is a whole number",
                                                hint: "declare the locale of the file or row (locale: es, en …) to remove the doubt"))
                return grouped
            }
            reject(&result, ValueIssue(.ambiguousNumber, severity: .error, "\"\(trimmed)\" reads \(NumberFormatting.plain(grouped)) with a thousands separator or \(NumberFormatting.plain(decimal)) with a decimal separator",
                                       expected: "a number in a declared locale", hint: "declare the locale of the file, column or row (locale: es, en, or {column: Country, map: …})"))
            return nil
        case .invalid:
            reject(&result, ValueIssue(.unparseableNumber, "\"\(trimmed)\" is not a number under locale \(locale.name)", expected: expectedText(context.indicator)))
            return nil
        }
    }

    /// Digits, `.`, `,`, `'`, a leading sign and (no-break) spaces only.
    static func isPlainNumber(_ s: Substring) -> Bool {
        var s = s
        // The string's own bytes (native strings are contiguous UTF-8): every text value asks.
        return s.withUTF8 { bytes in
            var sawDigit = false
            for i in 0..<bytes.count {
                switch bytes[i] {
                case 0x30...0x39: sawDigit = true
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "'"), 0x20, 0xC2, 0xA0, 0xE2, 0x80, 0xAF, 0x89: continue
                case UInt8(ascii: "-"), UInt8(ascii: "+"): if i != 0 { return false }
                default: return false
                }
            }
            return sawDigit
        }
    }

    /// The number of `12,5 %`, `0.84%` (a plain number, then spaces and a final `%`), else nil.
    static func plainPercent(_ s: String) -> Substring? {
        let u = s.utf8
        guard u.last == UInt8(ascii: "%") else { return nil }
        var end = u.index(before: u.endIndex)
        // Spaces before the sign: ASCII, NBSP (C2 A0) or narrow NBSP (E2 80 AF).
        while end > u.startIndex {
            let before = u.index(before: end)
            if u[before] == 0x20 { end = before; continue }
            if u[before] == 0xA0, before > u.startIndex, u[u.index(before: before)] == 0xC2 { end = u.index(before: before); continue }
            if u[before] == 0xAF, u.distance(from: u.startIndex, to: before) >= 2,
               u[u.index(before, offsetBy: -1)] == 0x80, u[u.index(before, offsetBy: -2)] == 0xE2 { end = u.index(before, offsetBy: -2); continue }
            break
        }
        let number = Substring(s)[..<end]
        guard !number.isEmpty, let last = number.utf8.last, last >= 0x30 && last <= 0x39, isPlainNumber(number) else { return nil }
        return number
    }

    /// `1.350`, `1,350`: one `.` or `,` with 1–3 digits before and exactly 3 after.
    static func hasAmbiguousShape(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        guard let sep = u.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else { return false }
        let before = u[..<sep], after = u[(sep + 1)...]
        let digitsOnly = { (x: ArraySlice<UInt8>) in x.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        return (1...3).contains(before.count) && after.count == 3 && digitsOnly(before) && digitsOnly(after)
            && !(before.count == 1 && before.first == UInt8(ascii: "0"))
    }

    // MARK: numeric cells

    private func parseNumber(_ d: Double, _ context: Context, into result: inout Result) {
        switch context.indicator.type {
        case .boolean:
            if d == 1 || d == 0 { result.value = .boolean(d == 1) }
            else { reject(&result, ValueIssue(.typeError, "the number \(NumberFormatting.plain(d)) for a yes/no indicator", expected: "yes or no")) }
            return
        case .text:
            result.value = .text(NumberFormatting.plain(d))
            return
        case .code:
            let text = NumberFormatting.plain(d)
            if let code = context.settings.codes[LabelKey(text)] ?? schema.code(in: context.indicator.codeList ?? "", matching: text) { result.value = .code(code) }
            else { reject(&result, ValueIssue(.unknownCode, "\(text) is not a code of \(context.indicator.codeList ?? "?")")) }
            return
        case .integer, .number, .percentage:
            finish(d, isPercentText: false, numericFormatIsPercent: context.formatKind == .percent, unit: context.settings.unit, context, into: &result)
        }
    }

    // MARK: common tail: percent, scale, currency, rounding, integer-ness

    private func finish(_ number: Double, isPercentText: Bool, numericFormatIsPercent: Bool, unit: UnitExpression?, _ context: Context, into result: inout Result) {
        var value = number
        let convention = context.settings.percent ?? .auto
        if context.indicator.type == .percentage {
            if numericFormatIsPercent { value *= 100 }
            else if !isPercentText, convention == .fraction { value *= 100 }
            if let currency = unit?.currency {
                return reject(&result, ValueIssue(.unitMismatch, "a money amount (\(currency)) for the percentage \(context.indicator.id)", expected: "a percentage"))
            }
        } else if isPercentText || numericFormatIsPercent {
            if context.indicator.unit != "percent" {
                return reject(&result, ValueIssue(.unitMismatch, "a percentage for \(context.indicator.id), which is in \(context.indicator.unit)", expected: expectedText(context.indicator)))
            }
        }
        let scale = unit?.scale ?? 1
        value *= scale
        if context.indicator.isMoney {
            var currency = unit?.currency ?? context.settings.currency ?? "EUR"
            if currency == "kr" { currency = context.settings.krone ?? "DKK" }
            if currency != "EUR" {
                guard let rate = rates.rate(currency, year: context.year) else {
                    return reject(&result, ValueIssue(.missingRate, "no \(currency) rate for \(context.year) in the rate table",
                                                      expected: "a rate under annual_average.\(currency).\(context.year)",
                                                      hint: "add the annual average to mappings/rates.yaml"))
                }
                result.conversion = .init(currency: currency, nativeValue: value, ratePerEUR: rate.perEUR, rateKind: rate.kind)
                value /= rate.perEUR
            }
        } else if let currency = unit?.currency {
            return reject(&result, ValueIssue(.unitMismatch, "a money amount (\(currency)) for \(context.indicator.id), which is in \(context.indicator.unit)", expected: expectedText(context.indicator)))
        }
        if let decimals = context.indicator.decimals ?? (context.indicator.type == .integer ? 0 : nil) {
            let rounded = Self.rounded(value, decimals: decimals)
            if context.indicator.type == .integer, abs(rounded - value) > 1e-6 * max(1, abs(value)) {
                return reject(&result, ValueIssue(.notInteger, "\(NumberFormatting.plain(value)) is not a whole number, and \(context.indicator.id) counts \(context.indicator.unit)",
                                                  expected: "a whole number", hint: "check the decimal separator and the unit scale"))
            }
            value = rounded
        }
        result.value = .number(value)
    }

    /// `value` rounded half away from zero to `decimals` places, as the decimal it stands for:
    /// 0.2035 × 100 is 20.349999999999998 in binary and must round like the text "20,35 %" (and
    /// Excel's ROUND) to 20.4, not to 20.3. A product within a few ulps of a half is a half.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        let factor = powerOfTen(decimals)
        var scaled = value * factor
        let floor = scaled.rounded(.down)
        if scaled.isFinite, abs((scaled - floor) - 0.5) <= abs(scaled) * 8 * Double.ulpOfOne { scaled = floor + 0.5 }
        return scaled.rounded() / factor
    }

    static func powerOfTen(_ n: Int) -> Double {
        var f = 1.0
        for _ in 0..<max(0, n) { f *= 10 }
        return f
    }
}
