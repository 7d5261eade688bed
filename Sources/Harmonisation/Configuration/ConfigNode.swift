import Yams

/// A YAML node that remembers the file it came from, so every accessor can throw a
/// `ConfigurationError` pointing at the exact line and column of the offending value.
///
/// Configuration loaders read through this type only: typed getters (`string`, `int`, `double`,
/// `bool`), children by key, and `checkKeys` which rejects a misspelt key instead of ignoring it.
public struct ConfigNode {
    public let node: Node
    public let source: ConfigSource
    /// Dotted path from the root, for messages (`tables[1].values[0].header`).
    public let path: String

    init(node: Node, source: ConfigSource, path: String) {
        self.node = node
        self.source = source
        self.path = path
    }

    /// Parses `text` (named `file` in messages) into its root node.
    public static func parse(_ text: String, file: String) throws -> ConfigNode {
        let source = ConfigSource(file: file, text: text)
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ConfigurationError(file: file, line: 1, column: 1, message: "the file is empty")
            }
            return ConfigNode(node: root, source: source, path: "")
        } catch let error as YamlError {
            throw source.error(from: error)
        }
    }

    public var line: Int? { node.mark?.line }
    public var column: Int? { node.mark?.column }

    /// An error located at this node.
    public func error(_ message: String) -> ConfigurationError {
        source.error(message, line: line, column: column)
    }

    public var isMapping: Bool { node.mapping != nil }
    public var isSequence: Bool { node.sequence != nil }
    public var isScalar: Bool { node.scalar != nil }
    public var isNull: Bool { node.scalar.map { $0.string == "~" || $0.string == "null" || ($0.string.isEmpty && $0.style == .plain) } ?? false }

    /// The scalar's text as written (numbers too: `2023`, `1.95583`).
    public func string() throws -> String {
        guard let scalar = node.scalar else { throw error("\(describedPath) must be a single value, not a \(kindName)") }
        return scalar.string
    }

    public func int() throws -> Int {
        let text = try string()
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else { throw error("\(describedPath) must be a whole number, got \"\(text)\"") }
        return value
    }

    public func double() throws -> Double {
        let text = try string()
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")) else { throw error("\(describedPath) must be a number, got \"\(text)\"") }
        return value
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(describedPath) must be true or false")
        }
    }

    /// The entries of a mapping, in file order.
    public func entries() throws -> [(key: String, keyNode: ConfigNode, value: ConfigNode)] {
        guard let mapping = node.mapping else { throw error("\(describedPath) must be a mapping (key: value lines), not a \(kindName)") }
        return try mapping.map { pair in
            let keyNode = ConfigNode(node: pair.key, source: source, path: path)
            let key = try keyNode.string()
            return (key, keyNode, ConfigNode(node: pair.value, source: source, path: path.isEmpty ? key : "\(path).\(key)"))
        }
    }

    public func items() throws -> [ConfigNode] {
        guard let sequence = node.sequence else { throw error("\(describedPath) must be a list (lines starting with \"- \"), not a \(kindName)") }
        return sequence.enumerated().map { ConfigNode(node: $0.element, source: source, path: "\(path)[\($0.offset)]") }
    }

    /// A list, or a single value taken as a list of one.
    public func itemsOrSingle() throws -> [ConfigNode] {
        isSequence ? try items() : [self]
    }

    public subscript(key: String) -> ConfigNode? {
        guard let mapping = node.mapping else { return nil }
        for pair in mapping where pair.key.scalar?.string == key {
            return ConfigNode(node: pair.value, source: source, path: path.isEmpty ? key : "\(path).\(key)")
        }
        return nil
    }

    public func required(_ key: String) throws -> ConfigNode {
        guard isMapping else { throw error("\(describedPath) must be a mapping") }
        guard let child = self[key] else { throw error("\(describedPath) needs a \"\(key)\" entry") }
        return child
    }

    /// Rejects keys outside `allowed`, naming the closest allowed key.
    public func checkKeys(_ allowed: Set<String>) throws {
        for (key, keyNode, _) in try entries() where !allowed.contains(key) {
            let suggestion = allowed.min { EditDistance.between($0, key) < EditDistance.between($1, key) }
            var message = "unknown key \"\(key)\" in \(describedPath)"
            if let suggestion, EditDistance.between(suggestion, key) <= 3 { message += "; did you mean \"\(suggestion)\"?" }
            else { message += "; expected one of: " + allowed.sorted().joined(separator: ", ") }
            throw keyNode.error(message)
        }
    }

    private var describedPath: String { path.isEmpty ? "the document" : "\"\(path)\"" }

    private var kindName: String {
        if isMapping { return "mapping" }
        if isSequence { return "list" }
        return "single value"
    }
}

/// The text of one configuration file, kept so errors can quote the offending line.
public struct ConfigSource {
    public let file: String
    let lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func error(_ message: String, line: Int?, column: Int?) -> ConfigurationError {
        var sourceLine: String?
        if let line, line >= 1, line <= lines.count {
            sourceLine = String(lines[line - 1].hasSuffix("\r") ? lines[line - 1].dropLast() : lines[line - 1])
        }
        return ConfigurationError(file: file, line: line, column: column, message: message, sourceLine: sourceLine)
    }

    func error(from yamlError: YamlError) -> ConfigurationError {
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return error("YAML syntax: \(text)", line: mark.line, column: mark.column)
        case let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return error("YAML: \(text)", line: mark.line, column: mark.column)
        default:
            return ConfigurationError(file: file, message: "YAML: \(yamlError)")
        }
    }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
