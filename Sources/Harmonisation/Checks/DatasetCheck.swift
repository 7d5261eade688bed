/// A check over the whole harmonised dataset (after every file is read). One concept per
/// type; adding a check means adding a file and listing it in `DatasetChecks.all`. Checks read
/// the compact `ObservationIndex` and keep only what they need, so a million observations
/// stay cheap.
public protocol DatasetCheck: Sendable {
    func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding]
}

public enum DatasetChecks {
    public static let all: [any DatasetCheck] = [
        RangeCheck(), PartsVsTotalCheck(), CrossIndicatorRuleCheck(), RequiredIndicatorsCheck(), EmploymentBasisCheck(),
    ]
}

extension ObservationIndex {
    /// The schema's indicator for each interned string id (nil for strings that are not
    /// indicators): an array, so the checks look up a million entries without hashing.
    func indicatorTable(_ schema: IndicatorSchema) -> [Indicator?] {
        var table = [Indicator?](repeating: nil, count: stringCount)
        for indicator in schema.indicators { if let id = id(of: indicator.id) { table[Int(id)] = indicator } }
        return table
    }
}
