import ArgumentParser
import SpreadsheetIO

/// The one place where errors become messages and exit codes.
/// Exit status: 0 success, 2 the file could not be read (a clear message on stderr).
enum CLIErrors {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SpreadsheetError {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }

    /// An error as one readable line: a SpreadsheetError names its file, sheet and cell; a
    /// Foundation error says what the system said.
    static func text(_ error: Error) -> String {
        if let e = error as? SpreadsheetError { return e.description }
        return error.localizedDescription
    }

    static func printError(_ message: String) {
        var stderr = StandardError()
        print(message, to: &stderr)
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleWriter.write(string, toFileDescriptor: 2)
    }
}
