/// Yes and no in the consortium's languages (en, fr, de, es/ca, bg, da) plus the usual marks.
public enum BooleanWords {
    static let truths: Set<String> = ["yes", "y", "true", "1", "x", "✓", "✔", "sí", "si", "oui", "ja", "j", "да", "wahr", "verdadero", "vrai", "sand"]
    static let falsities: Set<String> = ["no", "n", "false", "0", "non", "nein", "не", "nej", "falso", "faux", "falsch", "falsk", "-"]

    public static func value(of text: String) -> Bool? {
        let key = LabelKey(text).text
        let plain = text.trimmedSpaces.lowercased()
        if truths.contains(plain) || truths.contains(key) { return true }
        if falsities.contains(plain) || falsities.contains(key) { return false }
        return nil
    }
}

import Foundation
