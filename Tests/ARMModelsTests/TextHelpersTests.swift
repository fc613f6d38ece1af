import ARMModels
import Foundation
import Testing

/// The small text codecs that replace Foundation-only API (CharacterSet trimming, percent-decoding, base64url).
@Suite struct TextHelpersTests {
    @Test func trimmingMatchesFoundation() {
        for text in ["  a b  ", "\t x\n", "\n\n", "", "é ", "\u{3000}wide\u{3000}", " \r\n tok \r\n", "no-space"] {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmed(newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func percentDecodingMatchesFoundation() {
        for text in ["a%20b", "%2Fsubscriptions%2F", "caf%C3%A9", "plain", "100%25", "a+b"] {
            #expect(PercentEncoding.decode(text) == text.removingPercentEncoding, "\(text)")
        }
        #expect(PercentEncoding.decode("a+b%2Bc", plusIsSpace: true) == "a b+c")
        // Broken escapes and bytes that are not UTF-8 are refused, as Foundation refuses them.
        for bad in ["%", "%2", "%zz", "%FF", "%C3"] {
            #expect(PercentEncoding.decode(bad) == nil, "\(bad)")
            #expect(bad.removingPercentEncoding == nil, "\(bad)")
        }
    }

    @Test func base64URLRoundTripsWithoutPadding() throws {
        for length in 0..<40 {
            let bytes = Data((0..<length).map { UInt8(($0 * 97 + 13) % 256) })
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
        #expect(Base64URL.encode(Data([0xfb, 0xff])) == "-_8")
        #expect(Base64URL.decode("not base64!") == nil)
    }
}
