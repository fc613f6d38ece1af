import ARMModels
import FoundationEssentials

/// Writes `list -o json` one peering at a time, byte for byte what JSONEncoder writes for the whole array.
///
/// JSONEncoder builds a tree of every value before it writes a byte, which for
/// a long list costs more memory than the list itself. Each peering is encoded
/// on its own instead and indented one level (a newline in the encoder's output
/// is always layout: inside strings it is escaped; blank lines stay blank), so a page's peerings can be
/// dropped as soon as they are written. Tests compare the two outputs.
///
/// The output is kept in chunks of about 64 KB rather than one growing array, so a long
/// list is never copied into a buffer twice its size on the way.
struct JSONListWriter {
    private var chunks: [[UInt8]] = []
    private var bytes: [UInt8] = []
    private var count = 0
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Adds one element of the array.
    mutating func append(_ peering: VirtualNetworkPeering) throws {
        let element = try encoder.encode(peering)
        bytes.append(contentsOf: count == 0 ? Self.open : Self.separator)
        var lineStart = false
        for byte in element {
            // Blank lines (inside an empty array) stay blank, as JSONEncoder leaves them.
            if lineStart, byte != UInt8(ascii: "\n") { bytes.append(contentsOf: Self.indent) }
            bytes.append(byte)
            lineStart = byte == UInt8(ascii: "\n")
        }
        count += 1
        if bytes.count >= Self.chunkSize {
            chunks.append(bytes)
            bytes = []
            bytes.reserveCapacity(Self.chunkSize + Self.chunkSize / 8)
        }
    }

    /// The whole array, closed, with a final newline, in the order to write the chunks.
    mutating func finish() -> [[UInt8]] {
        // An empty array is "[", a blank line and "]", as JSONEncoder writes it.
        bytes.append(contentsOf: count == 0 ? Array("[\n\n]\n".utf8) : Array("\n]\n".utf8))
        chunks.append(bytes)
        defer { chunks = []; bytes = []; count = 0 }
        return chunks
    }

    private static let chunkSize = 64 * 1024
    private static let open = Array("[\n  ".utf8)
    private static let separator = Array(",\n  ".utf8)
    private static let indent = Array("  ".utf8)
}
