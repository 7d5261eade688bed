import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test hook for the crash test: `INNAXE_TEST_KILL_AT=step:n` makes the process SIGKILL itself
/// the n-th time it reaches `step` (1-based), so every step of filing a submission can be hit
/// deterministically. Unset (always, outside tests) it costs one dictionary lookup per run.
enum KillPoint {
    private static let target: (step: String, count: Int)? = {
        guard let spec = ProcessInfo.processInfo.environment["INNAXE_TEST_KILL_AT"] else { return nil }
        let parts = spec.split(separator: ":")
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
    }()
    private nonisolated(unsafe) static var hits = 0

    static func hit(_ step: String) {
        guard let target, target.step == step else { return }
        hits += 1
        if hits == target.count { kill(getpid(), SIGKILL) }
    }
}
