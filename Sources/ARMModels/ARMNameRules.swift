/// The naming rules ARM enforces, checked before a request is sent.
public enum ARMNameRules {
    /// Whether `text` is a UUID in the 8-4-4-4-12 hexadecimal form ARM uses for subscription ids.
    public static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// Why `name` is not a valid resource group name, or nil when it is.
    ///
    /// ARM allows 1–90 characters: letters, digits, underscores, hyphens,
    /// periods and parentheses, and no period at the end.
    public static func resourceGroupProblem(_ name: String) -> String? {
        if name.isEmpty { return "must be 1–90 characters; it is empty" }
        if name.count > 90 { return "must be 1–90 characters; it has \(name.count)" }
        if let bad = name.first(where: { !($0.isLetter || $0.isNumber || "_-.()".contains($0)) }) {
            return "may hold only letters, digits, '_', '-', '.', '(' and ')'; '\(bad.unicodeScalars.first.map { $0.properties.isWhitespace ? "space" : String($0) } ?? "?")' is not allowed"
        }
        if name.hasSuffix(".") { return "must not end with a period" }
        return nil
    }

    /// Why `name` is not a valid virtual network or peering name, or nil when it is.
    ///
    /// ARM allows 1–80 characters: letters, digits, underscores, periods and
    /// hyphens, starting with a letter or digit and ending with a letter, digit or underscore.
    public static func networkResourceProblem(_ name: String) -> String? {
        if name.isEmpty { return "must be 1–80 characters; it is empty" }
        if name.count > 80 { return "must be 1–80 characters; it has \(name.count)" }
        if let bad = name.first(where: { !($0.isLetter || $0.isNumber || "_-.".contains($0)) }) {
            return "may hold only letters, digits, '_', '-' and '.'; '\(bad)' is not allowed"
        }
        if let first = name.first, !(first.isLetter || first.isNumber) { return "must start with a letter or digit" }
        if let last = name.last, !(last.isLetter || last.isNumber || last == "_") { return "must end with a letter, digit or '_'" }
        return nil
    }
}
