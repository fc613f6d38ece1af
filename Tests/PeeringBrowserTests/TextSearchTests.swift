import PeeringBrowser
import Testing

/// The filter's substring search: the same answers as String.contains, byte by byte only for ASCII.
@Suite struct TextSearchTests {
    @Test func agreesWithStringContains() {
        let texts = ["hub-to-spoke-07 connected fullyinsync vnet-spoke-07 10.7.0.0/16", "", "a", "aaab", "café connected", "cafe\u{301} x", "東京 vnet", "😀 emoji", "ab"]
        let needles = ["", "7", "spoke-07", "10.7.", "aab", "ab", "abc", "café", "cafe", "e", "東京", "😀", "x", "hub-to-spoke-07 connected fullyinsync vnet-spoke-07 10.7.0.0/16!"]
        for text in texts {
            for needle in needles {
                #expect(DisplayText.contains(text, needle) == text.contains(needle), "\(text.debugDescription) ∋ \(needle.debugDescription)")
            }
        }
    }
}
