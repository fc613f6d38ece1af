@testable import ARMClient
import Foundation
import Testing

/// Retry-After dates and the Azure CLI's local-time expiry, read without a locale or time-zone database.
@Suite struct TimestampTests {
    @Test func httpDatesMatchFoundationsReading() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        for text in ["Tue, 14 Nov 2023 22:13:40 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Tue, 29 Feb 2028 23:59:59 GMT",
                     "Sun, 31 Dec 2045 12:00:01 GMT", "Mon, 01 Mar 2100 06:30:00 GMT"] {
            #expect(CivilDate.httpDate(text) == formatter.date(from: text), "\(text)")
        }
        for bad in ["Tue, 14 Nov 2023 22:13:40", "14 Nov 2023 22:13:40 GMT", "Tue, 14 Foo 2023 22:13:40 GMT", "Tue, 14 Nov 2023 25:13:40 GMT", ""] {
            #expect(CivilDate.httpDate(bad) == nil, "\(bad)")
        }
    }

    @Test func cliLocalExpiryUsesTheOffsetAtThatInstant() throws {
        let json = Data(#"{"accessToken":"tok","expiresOn":"2026-12-01 14:05:32.500000"}"#.utf8)
        let utc = try AzureCLICredential.parse(json)
        #expect(utc.expiresOn.timeIntervalSince1970 == 1_796_133_932.5)
        // In a zone 5h30 east of UTC the same wall-clock time is 5h30 earlier.
        let east = try AzureCLICredential.parse(json, localOffset: { _ in 19_800 })
        #expect(east.expiresOn.timeIntervalSince1970 == 1_796_133_932.5 - 19_800)
        // Without fractional seconds too; garbage is refused with a message.
        let plain = try AzureCLICredential.parse(Data(#"{"accessToken":"t","expiresOn":"2026-12-01 14:05:32"}"#.utf8))
        #expect(plain.expiresOn.timeIntervalSince1970 == 1_796_133_932)
        #expect(throws: ARMError.self) { try AzureCLICredential.parse(Data(#"{"accessToken":"t","expiresOn":"tomorrow"}"#.utf8)) }
        #expect(throws: ARMError.self) { try AzureCLICredential.parse(Data("[1]".utf8)) }
    }

    @Test func cliEpochExpiryAsNumberOrString() throws {
        let number = try AzureCLICredential.parse(Data(#"{"accessToken":"t","expires_on":1796133932}"#.utf8))
        let text = try AzureCLICredential.parse(Data(#"{"accessToken":"t","expires_on":"1796133932"}"#.utf8))
        #expect(number.expiresOn == text.expiresOn)
        #expect(text.expiresOn.timeIntervalSince1970 == 1_796_133_932)
    }
}
