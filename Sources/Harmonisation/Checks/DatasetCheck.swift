/// A check over the whole harmonised dataset (after every file is read). One concept per
/// type; adding a check means adding a file and listing it in `DatasetChecks.all`.
public protocol DatasetCheck: Sendable {
    func run(_ entries: [ObservationIndex.Entry], schema: IndicatorSchema) -> [Finding]
}

public enum DatasetChecks {
    public static let all: [any DatasetCheck] = [
        RangeCheck(), PartsVsTotalCheck(), CrossIndicatorRuleCheck(), RequiredIndicatorsCheck(), EmploymentBasisCheck(),
    ]
}
