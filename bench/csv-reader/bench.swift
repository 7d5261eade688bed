// Reads a CSV file with SpreadsheetIO's CSVReader and prints rows, cells and rows/s.
// Built by run.sh against the release build of the SpreadsheetIO module.
import SpreadsheetIO

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: csv-bench FILE [numbers]")
    exit(2)
}
var options = CSVReader.Options()
if arguments.count >= 3 && arguments[2] == "numbers" { options.numbers = .decimalPoint }
let start = now()
let reader = try CSVReader(path: arguments[1], options: options)
var rows = 0, cells = 0, textBytes = 0, numbers = 0
while let row = try reader.next() {
    rows += 1
    cells += row.cells.count
    for cell in row.cells {
        switch cell.value {
        case .string(let s): textBytes &+= s.utf8.count
        case .number: numbers += 1
        default: break
        }
    }
}
let seconds = now() - start
print("innaxe CSVReader (\(arguments.count >= 3 ? "numbers" : "text")): \(rows) rows, \(cells) cells, \(numbers) numbers, \(textBytes) text bytes")
print("  encoding \(reader.detectedEncoding), \(reader.dialect)")
print("  \((seconds * 1000).rounded() / 1000) s, \(Int(Double(rows) / seconds)) rows/s")
