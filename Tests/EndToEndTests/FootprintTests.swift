import Foundation
import Testing

/// What the shipped binary is built from: FoundationEssentials only, never Foundation and its ICU data.
///
/// Linking Foundation costs about 8 MB of resident memory in every run (its code, ICU's and their
/// relocations), so one stray `import Foundation` in a library would undo the memory budget.
@Suite struct FootprintTests {
    @Test func binaryDoesNotLinkFullFoundationOrICU() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.path))
        if !Self.hasInterpreter(bytes) {
            // The static release executable (PEERSCOPE_TEST_BINARY): the modules are linked in, named in its symbols.
            // A symbol of module Foundation starts "10Foundation" and a length; FoundationEssentials' are "20…" or "10FoundationE…".
            let essentials = Self.bytesAfter("20FoundationEssentials", in: bytes)
            #expect(!essentials.isEmpty, "the check itself would find a linked module")
            let internationalization = Self.bytesAfter("30FoundationInternationalization", in: bytes).count
            #expect(internationalization == 0, "peerscope links FoundationInternationalization")
            let foundation = Self.bytesAfter("10Foundation", in: bytes).count { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            #expect(foundation == 0, "peerscope links Foundation")
            return
        }
        #expect(bytes.range(of: Data("libFoundationEssentials.so".utf8)) != nil, "the check itself would find a needed library")
        #expect(bytes.range(of: Data("libFoundation.so".utf8)) == nil, "peerscope links libFoundation.so")
        #expect(bytes.range(of: Data("lib_FoundationICU.so".utf8)) == nil, "peerscope links lib_FoundationICU.so")
        #expect(bytes.range(of: Data("libFoundationInternationalization.so".utf8)) == nil, "peerscope links libFoundationInternationalization.so")
    }

    /// The byte that follows each occurrence of `pattern` in `data`.
    static func bytesAfter(_ pattern: String, in data: Data) -> [UInt8] {
        let needle = Array(pattern.utf8)
        return data.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> [UInt8] in
            var found: [UInt8] = []
            var i = 0
            while i + needle.count < haystack.count {
                if haystack[i] == needle[0], (1..<needle.count).allSatisfy({ haystack[i + $0] == needle[$0] }) {
                    found.append(haystack[i + needle.count])
                    i += needle.count
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    /// Whether an ELF64 file asks for a dynamic loader (a PT_INTERP program header): false for a static executable.
    static func hasInterpreter(_ elf: Data) -> Bool {
        func integer(_ offset: Int, _ size: Int) -> Int {
            guard offset >= 0, offset + size <= elf.count else { return 0 }
            return (0..<size).reduce(0) { $0 | Int(elf[elf.startIndex + offset + $1]) << (8 * $1) }
        }
        let table = integer(32, 8), entrySize = integer(54, 2), entries = integer(56, 2)
        return (0..<entries).contains { integer(table + $0 * entrySize, 4) == 3 }
    }
}

/// The header's clock is local time as the C library reads TZ, without Foundation's time-zone database.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct LocalClockTests {
    @Test(arguments: [("IST-5:30", 19_800), ("XYZ+7", -25_200)])
    func headerTimeFollowsTZ(zone: String, offset: Int) async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let before = Date()
        try tmux.start("TZ='\(zone)' \(BinaryRunner.path) --demo --refresh 60; sleep 30")
        let screen = try await tmux.wait("the first refresh") { $0.contains("updated ") }
        let after = Date()
        let shown = try #require(screen.firstMatch(of: /updated (\d\d):(\d\d):(\d\d)/))
        let seconds = Int(shown.1)! * 3600 + Int(shown.2)! * 60 + Int(shown.3)!
        // The time shown must be a wall-clock time of the zone between starting and seeing the frame.
        func wall(_ date: Date) -> Int { ((Int(date.timeIntervalSince1970) + offset) % 86_400 + 86_400) % 86_400 }
        let low = wall(before) - 1, high = wall(after) + 1
        let fits = low <= high ? (low...high).contains(seconds) : (seconds >= low || seconds <= high)
        #expect(fits, "header shows \(shown.0) for TZ=\(zone); expected between \(low) and \(high) s after midnight")
        try tmux.keys("q")
    }
}
