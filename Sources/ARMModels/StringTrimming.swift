/// Whitespace trimming without Foundation's CharacterSet, which FoundationEssentials does not have.
extension StringProtocol {
    /// The text without leading and trailing white space; line breaks count as white space unless `newlines` is false.
    public func trimmed(newlines: Bool = true) -> String {
        let isBlank: (Character) -> Bool = { character in
            character.unicodeScalars.allSatisfy(\.properties.isWhitespace) && (newlines || !character.isNewline)
        }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
