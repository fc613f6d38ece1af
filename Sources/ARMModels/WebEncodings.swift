import FoundationEssentials

/// Base64url without padding, as JWTs use.
public enum Base64URL {
    /// The bytes in base64url, without "=" padding.
    public static func encode(_ data: Data) -> String {
        String(data.base64EncodedString().compactMap { c -> Character? in c == "+" ? "-" : c == "/" ? "_" : c == "=" ? nil : c })
    }

    /// The bytes of base64url text, padded or not; nil when it is not base64url.
    public static func decode<S: StringProtocol>(_ text: S) -> Data? {
        var s = String(text.map { c -> Character in c == "-" ? "+" : c == "_" ? "/" : c })
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s)
    }
}

/// Percent-decoding of URL paths, queries and form bodies.
public enum PercentEncoding {
    /// The text with each %XX replaced by its byte (and, when `plusIsSpace`, each "+" by a space, as in forms);
    /// nil when a % is not followed by two hex digits or the bytes are not UTF-8.
    public static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool = false) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        func hex(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case let b? where (0x30...0x39).contains(b): return b - 0x30
            case let b? where (0x41...0x46).contains(b): return b - 0x41 + 10
            case let b? where (0x61...0x66).contains(b): return b - 0x61 + 10
            default: return nil
            }
        }
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = hex(iterator.next()), let low = hex(iterator.next()) else { return nil }
                bytes.append(high << 4 | low)
            } else if plusIsSpace, byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
