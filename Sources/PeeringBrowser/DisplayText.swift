/// Makes text from the network safe for a terminal and measures it in columns.
///
/// Control characters (C0, DEL, C1), escape sequences and bidirectional
/// overrides are shown escaped (`\e`, `\u{202E}`) instead of being sent
/// raw; zero-width joiners and variation selectors are dropped because
/// terminals disagree about their width.
public enum DisplayText {
    /// The text with every unsafe character replaced by a visible escape.
    public static func sanitize(_ text: String) -> String {
        // Printable ASCII needs no escape: hand the same string back without rebuilding it.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                out += "\\x" + hex(scalar.value, width: 2)
            case 0x200D, 0xFE0E, 0xFE0F:
                continue
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029:
                out += "\\u{" + hex(scalar.value, width: 4) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Columns a character takes in a terminal: the sum of its scalars' widths, as curses advances the cursor.
    ///
    /// Summing per scalar keeps widths additive when strings are joined (a
    /// "prepend" character can merge with whatever follows it into one
    /// grapheme), which is what clipping and padding rely on.
    public static func width(of character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns a scalar takes: 0 for combining and zero-width marks, 2 for East Asian wide and emoji, else 1.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII, nearly every scalar ARM sends, is one column without a Unicode property lookup.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x1F680...0x1F6FF).contains(v) || (0x20000...0x3FFFD).contains(v)
            || (0x1FA70...0x1FAFF).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Columns a string takes.
    public static func width(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The string cut to at most `columns` columns, ending in "…" when cut.
    public static func clip(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Whether `text` contains `needle`, as `String.contains` decides; ASCII on both sides is compared byte by byte.
    ///
    /// For ASCII, characters are bytes, so the byte search gives the same answer without the grapheme
    /// machinery (the filter runs it over every row at each keystroke).
    public static func contains(_ text: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        let fast = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                guard haystack.allSatisfy({ $0 < 0x80 }), pattern.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard pattern.count <= haystack.count, let first = pattern.first else { return pattern.isEmpty }
                var i = 0
                let last = haystack.count - pattern.count
                while i <= last {
                    if haystack[i] == first, haystack[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
                    i += 1
                }
                return false
            } ?? nil
        } ?? nil
        return fast ?? text.contains(needle)
    }

    /// The string clipped and padded with spaces to exactly `columns` columns.
    public static func pad(_ text: String, to columns: Int) -> String {
        let clipped = clip(text, to: columns)
        return clipped + String(repeating: " ", count: max(0, columns - width(clipped)))
    }
}
