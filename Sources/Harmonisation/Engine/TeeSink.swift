/// Sends every observation to several sinks (the JSON file and the workbook at once).
public final class TeeSink: ObservationSink {
    private let sinks: [ObservationSink]
    public init(_ sinks: [ObservationSink]) { self.sinks = sinks }
    public func accept(_ observation: Observation) throws { for s in sinks { try s.accept(observation) } }
}
