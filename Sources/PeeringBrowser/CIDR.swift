import ARMModels
import FoundationEssentials

/// An IPv4 or IPv6 prefix in CIDR notation, for overlap checks.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    public enum Family: Sendable { case v4, v6 }
    public let family: Family
    /// The network address, right-aligned in 128 bits (IPv4 uses the low 32).
    public let address: UInt128
    public let length: Int

    /// Parses "10.0.0.0/16" or "fd00:db8::/48"; nil when it is neither.
    public init?(_ text: String) {
        let parts = text.trimmed(newlines: false).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]) else { return nil }
        if let v4 = CIDR.parseIPv4(parts[0]) {
            guard (0...32).contains(length) else { return nil }
            family = .v4
            self.length = length
            address = UInt128(v4) & CIDR.mask(length, bits: 32)
        } else if let v6 = CIDR.parseIPv6(parts[0]) {
            guard (0...128).contains(length) else { return nil }
            family = .v6
            self.length = length
            address = v6 & CIDR.mask(length, bits: 128)
        } else {
            return nil
        }
    }

    public var description: String { "\(family == .v4 ? "IPv4" : "IPv6") /\(length)" }

    /// Whether the two prefixes share any address.
    public func overlaps(_ other: CIDR) -> Bool {
        guard family == other.family else { return false }
        let bits = family == .v4 ? 32 : 128
        let shorter = min(length, other.length)
        let mask = CIDR.mask(shorter, bits: bits)
        return address & mask == other.address & mask
    }

    static func mask(_ length: Int, bits: Int) -> UInt128 {
        guard length > 0 else { return 0 }
        let all: UInt128 = bits == 128 ? ~0 : (UInt128(1) << bits) - 1
        return all & ~((UInt128(1) << (bits - length)) - 1)
    }

    static func parseIPv4(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, let n = UInt32(octet), n <= 255 else { return nil }
            value = value << 8 | n
        }
        return value
    }

    static func parseIPv6(_ text: Substring) -> UInt128? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt16]? {
            if s.isEmpty { return [] }
            var result: [UInt16] = []
            for g in s.split(separator: ":", omittingEmptySubsequences: false) {
                guard !g.isEmpty, g.count <= 4, let n = UInt16(g, radix: 16) else { return nil }
                result.append(n)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + Array(repeating: 0, count: max(0, missing)) + tail
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }
}
