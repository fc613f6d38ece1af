import Foundation
import Testing

/// What the shipped binary is built from: FoundationEssentials only, never Foundation and its ICU data.
///
/// Linking Foundation costs about 8 MB of resident memory in every run (its code, ICU's and their
/// relocations), so one stray `import Foundation` in a library would undo the memory budget.
@Suite struct FootprintTests {
    @Test func binaryDoesNotLinkFullFoundationOrICU() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.path))
        #expect(bytes.range(of: Data("libFoundationEssentials.so".utf8)) != nil, "the check itself would find a needed library")
        #expect(bytes.range(of: Data("libFoundation.so".utf8)) == nil, "peerscope links libFoundation.so")
        #expect(bytes.range(of: Data("lib_FoundationICU.so".utf8)) == nil, "peerscope links lib_FoundationICU.so")
        #expect(bytes.range(of: Data("libFoundationInternationalization.so".utf8)) == nil, "peerscope links libFoundationInternationalization.so")
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
