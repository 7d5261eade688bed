import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Workflow

/// `innaxe watch`: passes over the inbox until SIGINT or SIGTERM.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run passes over the inbox continuously, until Ctrl-C (SIGINT) or SIGTERM.",
        discussion: "A signal ends the loop after the file being filed, so nothing is left half-done."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Seconds between passes.", valueName: "seconds"))
    var interval: Double = 5

    @Option(help: ArgumentHelp("Seconds a file must stay unchanged before it is taken.", valueName: "seconds"))
    var settle: Double = 5

    func run() throws {
        let ws = try workspace.open()
        let stop = StopRequest()
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stop.request() }
            source.resume()
            sources.append(source)
        }
        print("watching \(ws.inbox.path) every \(NumberTextCLI.seconds(interval)); Ctrl-C to stop")
        // Loaded once: a mapping edited while watching takes effect at the next start.
        let setup = try workspace.processingSetup(ws)
        let loop = WatchLoop(interval: interval) {
            InboxPass(workspace: ws, identifier: setup.identifier, processor: setup.processor,
                      options: .init(settle: settle), outputs: setup.outputs)
        }
        loop.run(stop: stop) { result in
            switch result {
            case .success(let report) where !report.outcomes.isEmpty || !report.recovered.isEmpty:
                print(PassReportPrinter.render(report))
            case .success: break
            case .failure(let error as WorkspaceLock.Busy):
                CLIErrors.printError("skipped a pass: \(error)")
            case .failure(let error):
                CLIErrors.printError("error: \(error)")
            }
        }
        withExtendedLifetime(sources) {}
        print("stopped")
    }
}

enum NumberTextCLI {
    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
