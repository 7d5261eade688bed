/// Values of a headcount indicator (unit `persons`) that the mapping marked as full-time
/// equivalents: they are kept (the schema allows it with the comment) and listed, because they
/// do not compare one-to-one with headcounts of other partners.
public struct EmploymentBasisCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        // Headcount indicators by interned id, decided once: a big file comments many values.
        let persons = index.indicatorTable(schema).map { $0?.unit == "persons" ? $0 : nil }
        return index.commented.compactMap { item in
            guard let indicator = persons[Int(index.indicatorID(at: item.position))], item.comment.uppercased().contains("FTE") else { return nil }
            return Finding(.employmentInFTE, at: index.location(at: item.position),
                           message: "\(indicator.id) \(index.text(index.regionID(at: item.position))) \(index.year(at: item.position)) is in full-time equivalents, not headcount",
                           hint: "compare with other partners' headcounts with care", indicator: indicator.id)
        }
    }
}
