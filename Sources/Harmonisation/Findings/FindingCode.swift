/// Every finding innaxe reports, with its default severity and a one-line title. The list is the
/// contract documented in docs/findings.md; codes never change meaning once released.
public enum FindingCode: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
    // Values
    case typeError = "type-error"
    case notInteger = "not-integer"
    case hardRange = "value-out-of-range"
    case implausibleValue = "value-out-of-plausible-range"
    case unknownCode = "unknown-code"
    case yearOutOfRange = "year-out-of-range"
    case unparseableNumber = "unparseable-number"
    case unknownMarker = "unknown-marker"
    case ambiguousNumber = "ambiguous-number"
    case localeMismatch = "locale-mismatch"
    case numberStoredAsText = "number-stored-as-text"
    case approximateValue = "approximate-value"
    case valueIsRange = "value-is-range"
    case statusConflict = "status-conflict"
    case unknownCurrency = "unknown-currency"
    case currencyConflict = "currency-conflict"
    case missingRate = "missing-rate"
    case unitMismatch = "unit-mismatch"
    case textTooLong = "text-too-long"
    // Dimensions
    case missingYear = "missing-year"
    case unknownRegion = "unknown-region"
    case regionCodeNormalised = "region-code-normalised"
    case nutsVersionMismatch = "nuts-version-mismatch"
    case multipleRegionCodes = "multiple-region-codes"
    case homoglyphInLabel = "homoglyph-in-label"
    case unknownStatus = "unknown-status"
    case unknownClusterId = "unknown-cluster-id"
    // Structure
    case sheetNotFound = "sheet-not-found"
    case headerNotFound = "header-not-found"
    case missingColumn = "missing-column"
    case unmappedColumn = "unmapped-column"
    case unmappedRow = "unmapped-row"
    case unreadableFile = "unreadable-file"
    // Dataset
    case conflictingValues = "conflicting-values"
    case duplicateKey = "duplicate-key"
    case duplicateResponse = "duplicate-response"
    case totalAndParts = "total-and-parts"
    case partsExceedTotal = "parts-exceed-total"
    case totalExcludesMissingParts = "total-excludes-missing-parts"
    case requiredIndicatorMissing = "required-indicator-missing"
    case crossIndicatorRule = "cross-indicator-rule"
    case employmentInFTE = "employment-in-fte"
    /// A formula cell saved without its computed value.
    case formulaWithoutValue = "formula-without-value"

    public var defaultSeverity: Severity {
        switch self {
        case .typeError, .notInteger, .hardRange, .unknownCode, .yearOutOfRange, .unparseableNumber, .unknownCurrency,
             .missingRate, .unitMismatch, .missingYear, .unknownRegion, .multipleRegionCodes, .headerNotFound,
             .missingColumn, .sheetNotFound, .conflictingValues, .unreadableFile:
            return .error
        case .implausibleValue, .localeMismatch, .currencyConflict, .textTooLong, .homoglyphInLabel, .unknownMarker,
             .unknownStatus, .unknownClusterId, .partsExceedTotal, .totalExcludesMissingParts, .crossIndicatorRule,
             .requiredIndicatorMissing, .valueIsRange, .duplicateResponse, .ambiguousNumber, .formulaWithoutValue:
            return .warning
        case .unmappedColumn, .unmappedRow, .duplicateKey, .numberStoredAsText, .approximateValue, .statusConflict,
             .regionCodeNormalised, .nutsVersionMismatch, .totalAndParts, .employmentInFTE:
            return .info
        }
    }

    public var title: String {
        switch self {
        case .typeError: return "value of the wrong type"
        case .notInteger: return "count with a fractional part"
        case .hardRange: return "value outside the indicator's allowed range"
        case .implausibleValue: return "value outside the plausible range"
        case .unknownCode: return "value not in the code list"
        case .yearOutOfRange: return "year outside the schema's range"
        case .unparseableNumber: return "text that is not a number"
        case .unknownMarker: return "text that is neither a value nor a known missing-value marker"
        case .ambiguousNumber: return "number that two locales read differently"
        case .localeMismatch: return "number written in another convention than the declared locale"
        case .numberStoredAsText: return "number stored as text in a workbook"
        case .approximateValue: return "approximate value (approx., ~, ca., +)"
        case .valueIsRange: return "range given instead of a value"
        case .statusConflict: return "several status markers on one value"
        case .unknownCurrency: return "currency or unit not recognised"
        case .currencyConflict: return "value and unit name different currencies"
        case .missingRate: return "no exchange rate for the currency and year"
        case .unitMismatch: return "unit does not fit the indicator"
        case .textTooLong: return "text longer than allowed"
        case .missingYear: return "no year for a value"
        case .unknownRegion: return "region not in the code list"
        case .regionCodeNormalised: return "region code written with other case or spaces"
        case .nutsVersionMismatch: return "region code from another NUTS version"
        case .multipleRegionCodes: return "several region codes in one cell"
        case .homoglyphInLabel: return "label mixes Latin and Cyrillic look-alike letters"
        case .unknownStatus: return "status text not recognised"
        case .unknownClusterId: return "cluster name not in the lookup table"
        case .sheetNotFound: return "sheet named by the mapping not in the file"
        case .headerNotFound: return "header row not found"
        case .missingColumn: return "column named by the mapping not in the header"
        case .unmappedColumn: return "column not used by the mapping"
        case .unmappedRow: return "row not used by the mapping"
        case .unreadableFile: return "file could not be read"
        case .conflictingValues: return "same observation twice with different values"
        case .duplicateKey: return "same observation twice with the same value"
        case .duplicateResponse: return "older answer replaced by a later one"
        case .totalAndParts: return "total and its parts both present; one is used"
        case .partsExceedTotal: return "parts add up to more than their total"
        case .totalExcludesMissingParts: return "total equals the known parts although some parts are missing"
        case .requiredIndicatorMissing: return "required indicator not reported for a year"
        case .crossIndicatorRule: return "indicators contradict a schema rule"
        case .employmentInFTE: return "employment reported in full-time equivalents"
        case .formulaWithoutValue: return "formula saved without its computed value"
        }
    }

    public static func < (a: FindingCode, b: FindingCode) -> Bool { a.rawValue < b.rawValue }
}
