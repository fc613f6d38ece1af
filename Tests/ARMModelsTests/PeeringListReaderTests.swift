import ARMModels
import Foundation
import Testing

/// What JSONDecoder makes of `text`, or nil when it refuses it.
private func viaFoundation(_ text: String) -> Page<VirtualNetworkPeering>? {
    try? JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: Data(text.utf8))
}

/// What PeeringListReader makes of `text`, or the error it gives.
private func viaReader(_ text: String) -> Result<Page<VirtualNetworkPeering>, JSONReadError> {
    Result { () throws(JSONReadError) in try PeeringListReader.page(Data(text.utf8)) }
}

@Suite struct PeeringListReaderTests {
    @Test(arguments: ["list-peerings", "list-peerings-with-remote-encryption"])
    func officialSamplesReadAsJSONDecoderReadsThem(_ name: String) throws {
        let data = try fixture(name)
        let expected = try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: data)
        let page = try PeeringListReader.page(data)
        #expect(page == expected)
        #expect(page.value.count == 2)
    }

    @Test func everyFieldSurvivesAnEncodeAndARead() throws {
        let peering = VirtualNetworkPeering(
            etag: "W/\"7\"", id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/virtualNetworkPeerings/p", name: "p",
            type: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
            properties: VirtualNetworkPeeringProperties(
                allowForwardedTraffic: true, allowGatewayTransit: false, allowVirtualNetworkAccess: true, doNotVerifyRemoteGateways: true,
                enableOnlyIPv6Peering: false,
                localAddressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"], ipamPoolPrefixAllocations: [
                    IpamPoolPrefixAllocation(allocatedAddressPrefixes: ["10.0.0.0/24"], numberOfIpAddresses: "256", pool: SubResource(id: "/pool")),
                ]),
                localSubnetNames: ["a", "b"], localVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16", "fd00::/48"]),
                peerCompleteVnets: false, peeringState: "Reconnecting", peeringSyncLevel: .localNotInSync, provisioningState: .updating,
                remoteAddressSpace: AddressSpace(addressPrefixes: []), remoteBgpCommunities: VirtualNetworkBgpCommunities(regionalCommunity: "12076:50004", virtualNetworkCommunity: "12076:20002"),
                remoteSubnetNames: ["c"], remoteVirtualNetwork: SubResource(id: "/remote"),
                remoteVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: ["12.0.0.0/8"]),
                remoteVirtualNetworkEncryption: VirtualNetworkEncryption(enabled: true, enforcement: "SomethingNew"),
                resourceGuid: "guid", useRemoteGateways: true))
        let page = Page(value: [peering, VirtualNetworkPeering(name: "bare")], nextLink: "https://management.azure.com/next?page=2")
        let read = try PeeringListReader.page(try JSONEncoder().encode(page))
        #expect(read == page)
        #expect(read.value[0].properties?.peeringState?.isKnown == false)
    }

    /// Every member name with any one byte changed is an unknown member, skipped (names are compared a word at
    /// a time with an overlapping last word, so every place in every length is worth a look).
    @Test func aMemberNameWithAnyByteChangedIsUnknown() throws {
        let top = ["id", "name", "etag", "type", "properties"]
        let inner = [
            "peeringState", "resourceGuid", "peeringSyncLevel", "localSubnetNames", "provisioningState", "peerCompleteVnets",
            "useRemoteGateways", "localAddressSpace", "remoteSubnetNames", "remoteAddressSpace", "allowGatewayTransit",
            "remoteVirtualNetwork", "remoteBgpCommunities", "allowForwardedTraffic", "enableOnlyIPv6Peering",
            "allowVirtualNetworkAccess", "doNotVerifyRemoteGateways", "remoteVirtualNetworkEncryption",
            "localVirtualNetworkAddressSpace", "remoteVirtualNetworkAddressSpace",
        ]
        func changed(_ name: String, at i: Int) -> String {
            var bytes = Array(name.utf8)
            bytes[i] = bytes[i] == UInt8(ascii: "q") ? UInt8(ascii: "Q") : UInt8(ascii: "q")
            return String(decoding: bytes, as: UTF8.self)
        }
        var texts: [String] = []
        for name in top {
            for i in 0..<name.utf8.count {
                texts.append(#"{"value": [{"\#(changed(name, at: i))": true, "name": "n"}]}"#)
            }
        }
        for name in inner {
            for i in 0..<name.utf8.count {
                texts.append(#"{"value": [{"properties": {"\#(changed(name, at: i))": true, "resourceGuid": "g"}}]}"#)
            }
        }
        #expect(texts.count > 300)
        for text in texts {
            let expected = try #require(viaFoundation(text))
            #expect(try viaReader(text).get() == expected, "\(text)")
        }
    }

    @Test func escapesNullsAndUnknownMembersReadAsJSONDecoderReadsThem() throws {
        let text = #"""
        {"value": [ {"name": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n\t\b\f\r", "id": null,
                     "future": {"nested": [1, -2.5e+3, 0, true, false, null, "x", {"deep": [[[]]]}]},
                     "properties": {"peeringState": "Connected", "remoteAddressSpace": null, "localSubnetNames": null,
                                    "remoteBgpCommunities": {"regionalCommunity": "1:2", "extra": 12}}},
                    {"properties": null}, {} ],
         "nextLink": null, "odata.count": 3}
        """#
        let expected = try #require(viaFoundation(text))
        let page = try viaReader(text).get()
        #expect(page == expected)
        #expect(page.value[0].name == "café 😀 \"q\" \\ / \n\t\u{08}\u{0C}\r")
    }

    /// Strings of every length up to past two 16-byte blocks, with the special byte at every place: the block scan,
    /// the 8-byte tail, the unescaped copy growing past its first size, and names read as member keys too.
    @Test func everyPlaceOfAnEscapeOrSpecialByteReadsAsJSONDecoderReadsIt() throws {
        let specials = [#"\""#, #"\\"#, #"\n"#, #"\u00e9"#, #"\ud83d\ude00"#, "é", "😀", "/"]
        for length in 0...40 {
            for special in specials {
                for place in stride(from: 0, through: length, by: length > 20 ? 3 : 1) {
                    let plain = String(repeating: "a", count: length)
                    let name = String(plain.prefix(place)) + special + String(plain.dropFirst(place))
                    // A long run after the escape makes the copy grow; a second escape lands in the grown part.
                    let long = name + String(repeating: "b", count: 90 + length) + special
                    let text = #"{"value": [{"name": "\#(name)", "id": "\#(long)", "\#(name)": 1}], "nextLink": "\#(name)"}"#
                    let expected = try #require(viaFoundation(text), "\(text)")
                    let page = try viaReader(text).get()
                    #expect(page == expected, "\(text)")
                }
            }
        }
    }

    @Test func theFirstOfRepeatedMembersCountsAsInJSONDecoder() throws {
        let text = #"{"value": [{"name": "a", "name": 5, "properties": {"peeringState": "Connected"}, "properties": null}], "value": 7}"#
        let page = try viaReader(text).get()
        #expect(page.value.first?.name == "a")
        #expect(page.value.first?.properties?.peeringState == .connected)
        #expect(page == viaFoundation(text))
    }

    @Test func aMissingOrNullValueIsAnEmptyPage() throws {
        #expect(try viaReader(#"{"nextLink": "x"}"#).get() == Page(value: [], nextLink: "x"))
        #expect(try viaReader(#"{"value": null}"#).get() == Page(value: []))
        #expect(try viaReader("\u{FEFF}{\"value\": []}").get() == Page(value: []))
    }

    @Test(arguments: [
        (#"{"value": [{"properties": {"peeringState": 5}}]}"#, "expected a string at value[0].properties.peeringState"),
        (#"{"value": [{}, {"properties": {"useRemoteGateways": "yes"}}]}"#, "expected true or false at value[1].properties.useRemoteGateways"),
        (#"{"value": [{"properties": {"remoteAddressSpace": {"addressPrefixes": ["10.0.0.0/8", null]}}}]}"#,
         "expected a string, found null at value[0].properties.remoteAddressSpace.addressPrefixes[1]"),
        (#"{"value": [{"prop\u0065rties": {"peeringSt\u0061te": "x\"y", "allowGatewayTr\u0061nsit": "\u0079"}}]}"#,
         "expected true or false at value[0].properties.allowGatewayTransit"),
        (#"{"value": [null]}"#, "expected a peering, found null at value[0]"),
        (#"{"value": {"name": "x"}}"#, "expected an array at value"),
        (#"[]"#, "expected an object at the top level"),
        (#"{"value": [{"name": "x"}]"#, "the JSON ends early"),
        (#"{"value": [{"name": "x}]}"#, "a string is not closed"),
        (#"{"value": []} trailing"#, "unexpected text after the JSON value"),
        // JSONDecoder lets these two through (a trailing comma, a leading zero); ARM never sends them.
        (#"{"value": [], }"#, "expected a member name in quotes"),
        (#"{"value": [1,]}"#, "expected an object at value[0]"),
        (#"{"value": [], "n": 01}"#, "expected ',' or '}' in an object"),
        (#"{"value": [], "n": tru}"#, "not a JSON value"),
        (#"{"value": [{"name": "\ud83d"}]}"#, "half of a surrogate pair"),
        (#"{"value": [{"name": "\x"}]}"#, "an unknown escape"),
        ("{\"value\": [{\"name\": \"a\u{01}b\"}]}", "a control character inside a string"),
        ("", "the body is empty"),
        ("<html>bad gateway</html>", "not a JSON value"),
    ])
    func badInputIsRefusedWithWhereAndWhat(_ text: String, _ message: String) throws {
        guard case .failure(let error) = viaReader(text) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(error.description.contains(message), "\(error.description)")
        let lenientInFoundation = text.contains(", }") || text.contains(": 01")
        #expect((viaFoundation(text) == nil) != lenientInFoundation, "JSONDecoder and the reader disagree: \(text)")
    }

    @Test func invalidUTF8InAStringIsRefused() {
        let bytes = Array(#"{"value": [{"name": ""#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)
        #expect(throws: JSONReadError.self) { try PeeringListReader.page(bytes) }
        #expect((try? JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: Data(bytes))) == nil)
    }

    @Test func invalidUTF8InAMemberNobodyReadsIsRefusedToo() {
        let bytes = Array(#"{"value": [], "unknown": ""#.utf8) + [0xF9, 0x41] + Array(#""}"#.utf8)
        // JSONDecoder checks only the strings it decodes; the reader checks every string, as JSON requires.
        #expect(throws: JSONReadError.self) { try PeeringListReader.page(bytes) }
        // An encoded surrogate is not UTF-8 either.
        let surrogate = Array(#"{"value": [], "unknown": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)
        #expect(throws: JSONReadError.self) { try PeeringListReader.page(surrogate) }
        let fine = Array(#"{"value": [], "unknown": "é 😀 名"}"#.utf8)
        #expect(throws: Never.self) { try PeeringListReader.page(fine) }
    }

    /// Inputs the decode fuzzer found (Fuzz/): the reader accepts one only if JSONDecoder does, and reads the same.
    @Test func fuzzFindingsAgreeWithJSONDecoder() throws {
        let folder = try #require(Bundle.module.url(forResource: "fuzz", withExtension: nil, subdirectory: "Fixtures"))
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: file)
            let read = try? PeeringListReader.page(data)
            let decoded = try? JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: data)
            if let read { #expect(read == decoded, "\(file.lastPathComponent)") }
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let error) = viaReader(#"{"value": [], "x": "# + deep + "}") else {
            Issue.record("100,000 levels of nesting were accepted")
            return
        }
        #expect(error.problem == "JSON nested too deeply")
        let fine = String(repeating: "[", count: 400) + String(repeating: "]", count: 400)
        #expect(throws: Never.self) { try viaReader(#"{"value": [], "x": "# + fine + "}").get() }
        // Exactly at the limit (the page object is one level, the nested values the rest), and one past it.
        func nested(_ n: Int, _ open: String, _ close: String, around inner: String) -> String {
            #"{"value": [], "x": "# + String(repeating: open, count: n) + inner + String(repeating: close, count: n) + "}"
        }
        let levels = JSONReader.maximumDepth - 1
        for (open, inner, close) in [("[", "", "]"), (#"{"a":"#, "1", "}")] {
            #expect(throws: Never.self) { try viaReader(nested(levels, open, close, around: inner)).get() }
            #expect(throws: JSONReadError.self) { try viaReader(nested(levels + 1, open, close, around: inner)).get() }
        }
    }

    @Test func aLongListWithEveryShapeOfPeeringMatchesJSONDecoder() throws {
        let peerings = (0..<300).map { i in
            VirtualNetworkPeering(
                etag: i % 3 == 0 ? nil : "W/\"\(i)\"", id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub/virtualNetworkPeerings/p\(i)",
                name: i % 7 == 0 ? "名前-\(i)-🛰" : "p\(i)",
                properties: i % 11 == 0 ? nil : VirtualNetworkPeeringProperties(
                    allowForwardedTraffic: i % 2 == 0, peeringState: i % 5 == 0 ? .disconnected : .connected,
                    remoteAddressSpace: AddressSpace(addressPrefixes: (0..<(i % 4)).map { "10.\(i % 256).\($0).0/24" }),
                    remoteVirtualNetwork: SubResource(id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/spoke\(i)")))
        }
        let data = try JSONEncoder().encode(Page(value: peerings, nextLink: "https://example.invalid/next"))
        #expect(try PeeringListReader.page(data) == JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: data))
    }
}

/// The reader hands out one value for repeated address spaces and types, and only for byte-identical text.
@Suite struct RepeatedValueTests {
    private func addressBase(_ prefixes: [String]?) -> UnsafeRawPointer? {
        prefixes?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func identicalAddressSpacesAndTypesShareStorage() throws {
        let item = #"{"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "properties": {"localAddressSpace": {"addressPrefixes": ["10.0.0.0/16", "10.1.0.0/16"]}, "remoteAddressSpace": {"addressPrefixes": ["10.9.0.0/24"]}, "remoteVirtualNetworkAddressSpace": {"addressPrefixes": ["10.9.0.0/24"]}}}"#
        let text = #"{"value": [\#(item), \#(item), \#(item)]}"#
        let page = try viaReader(text).get()
        #expect(page == viaFoundation(text))
        let locals = page.value.map { addressBase($0.properties?.localAddressSpace?.addressPrefixes) }
        #expect(locals[0] != nil && locals.allSatisfy { $0 == locals[0] })
        let first = try #require(page.value[0].properties)
        #expect(addressBase(first.remoteAddressSpace?.addressPrefixes) == addressBase(first.remoteVirtualNetworkAddressSpace?.addressPrefixes))
        #expect(page.value.allSatisfy { $0.type == "Microsoft.Network/virtualNetworks/virtualNetworkPeerings" })
    }

    /// A value every peering repeats stays shared while a new value in each peering passes through the memo
    /// (replacing the oldest value instead of the least used one dropped the shared space every few peerings).
    @Test func aRepeatedAddressSpaceStaysSharedAmongManyDifferentOnes() throws {
        let items = (0..<12).map { i in
            #"{"properties": {"localAddressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "remoteAddressSpace": {"addressPrefixes": ["10.9.\#(i).0/24"]}, "remoteVirtualNetworkAddressSpace": {"addressPrefixes": ["10.9.\#(i).0/24"]}}}"#
        }
        let text = #"{"value": [\#(items.joined(separator: ", "))]}"#
        let page = try viaReader(text).get()
        #expect(page == viaFoundation(text))
        let locals = page.value.map { addressBase($0.properties?.localAddressSpace?.addressPrefixes) }
        #expect(locals[0] != nil && locals.allSatisfy { $0 == locals[0] })
        let remotes = page.value.map { addressBase($0.properties?.remoteAddressSpace?.addressPrefixes) }
        #expect(Set(remotes).count == 12)
    }

    /// Text that begins like a remembered value, differs after it, or sits elsewhere must be read anew.
    @Test(arguments: [
        #"{"value": [{"properties": {"localAddressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "remoteAddressSpace": {"addressPrefixes": ["10.0.0.0/16", "10.1.0.0/16"]}}}]}"#,
        #"{"value": [{"properties": {"localAddressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "remoteAddressSpace": {"addressPrefixes": ["10.0.0.0/1"]}}}]}"#,
        #"{"value": [{"properties": {"localAddressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}, {"properties": {"localAddressSpace": {"addressPrefixes": ["10.0.0.0/16"] }}}]}"#,
        #"{"value": [{"properties": {"localAddressSpace": null, "remoteAddressSpace": {"addressPrefixes": null}}}, {"properties": {"localAddressSpace": {}, "remoteAddressSpace": null}}]}"#,
        #"{"value": [{"type": "A"}, {"type": "AB"}, {"type": "A"}, {"type": null}, {"type": "A\u0042"}]}"#,
        #"{"value": [{"properties": {"localAddressSpace": {"addressPrefixes": ["x"]}}}, {"properties": {"localAddressSpace": {"addressPrefixes": ["x"]}x}}]}"#,
        #"{"value": [{"properties": {"localAddressSpace": {"addressPrefixes": ["x"]}}}, {"properties": {"localAddressSpace": {"addressPrefixes": ["x"]}"#,
    ])
    func lookalikesReadAsJSONDecoderReadsThem(_ text: String) {
        switch (viaReader(text), viaFoundation(text)) {
        case (.success(let page), let expected?): #expect(page == expected)
        case (.failure, nil): break
        case (let mine, let theirs): Issue.record("reader: \(mine); JSONDecoder: \(String(describing: theirs))")
        }
    }
}

/// Compact JSON, as ARM sends it, takes the reader's guess of each next member name from the element before;
/// whatever follows a learned order must still read exactly as JSONDecoder reads it.
@Suite struct MemberGuessTests {
    /// One peering in the members' usual order, compact, with `properties` text of the caller's.
    private func element(_ name: String, properties: String = #"{"peeringState":"Connected","allowForwardedTraffic":true,"resourceGuid":"g"}"#) -> String {
        #"{"name":"\#(name)","etag":"W/\"1\"","properties":\#(properties),"id":"/x/\#(name)"}"#
    }

    @Test(arguments: [
        // The guessed name followed by more letters, cut short, escaped, or with whitespace around it.
        #"{"peeringStateX":"Disconnected","allowForwardedTraffic":false,"resourceGuid":"h"}"#,
        #"{"peeringStat":"Disconnected","allowForwardedTraffic":false,"resourceGuid":"h"}"#,
        #"{"peering\u0053tate":"Disconnected","allowForwardedTraffic":false,"resourceGuid":"h"}"#,
        #"{ "peeringState" : "Disconnected" , "allowForwardedTraffic":false,"resourceGuid":"h"}"#,
        // Another order, a repeat where a new name was guessed, an unknown member, and an early end.
        #"{"resourceGuid":"h","peeringState":"Disconnected","allowForwardedTraffic":false}"#,
        #"{"peeringState":"Disconnected","peeringState":"Connected","resourceGuid":"h"}"#,
        #"{"allowForwardedTraffic":false,"allowForwardedTraffic":true,"resourceGuid":"h"}"#,
        #"{"peeringState":"Disconnected","future":{"allowForwardedTraffic":true},"resourceGuid":"h"}"#,
        #"{"peeringState":"Disconnected"}"#,
        #"{}"#,
        "null",
    ])
    func whatFollowsALearnedOrderReadsAsJSONDecoderReadsIt(_ properties: String) throws {
        // Two elements teach the order; the third and fourth differ from it.
        let text = #"{"value":[\#(element("a")),\#(element("b")),\#(element("c", properties: properties)),\#(element("d"))]}"#
        let expected = try #require(viaFoundation(text), "\(text)")
        let page = try viaReader(text).get()
        #expect(page == expected, "\(text)")
        #expect(page.value.map(\.name) == ["a", "b", "c", "d"])
        #expect(page.value[3].properties?.peeringState == .connected)
    }

    @Test func aWrongTypeAtAGuessedMemberNamesItsPath() {
        let text = #"{"value":[\#(element("a")),\#(element("b", properties: #"{"peeringState":7}"#))]}"#
        #expect(throws: JSONReadError.self) { try viaReader(text).get() }
        if case .failure(let error) = viaReader(text) {
            #expect(error.description.hasPrefix("expected a string at value[1].properties.peeringState"), "\(error)")
        }
    }

    /// Elements whose members come in a new random order each time (a seeded generator): every mix of
    /// guesses that hit and miss, at every position.
    @Test func randomMemberOrdersReadAsJSONDecoderReadsThem() throws {
        var generator = SplitMix(seed: 7)
        let members = [
            #""peeringState":"Connected""#, #""allowForwardedTraffic":true"#, #""resourceGuid":"g""#,
            #""remoteAddressSpace":{"addressPrefixes":["10.0.0.0/24"]}"#, #""remoteVirtualNetwork":{"id":"/r"}"#,
            #""remoteBgpCommunities":{"virtualNetworkCommunity":"1:2","regionalCommunity":"3:4"}"#, #""useRemoteGateways":false"#,
        ]
        var elements: [String] = []
        for i in 0..<200 {
            // Mostly the same order, as ARM sends; now and then another, or a member left out.
            var chosen = members
            if i % 3 == 0 { chosen.shuffle(using: &generator) }
            if i % 5 == 0 { chosen.remove(at: Int(generator.next() % UInt64(chosen.count))) }
            elements.append(#"{"name":"p\#(i)","properties":{\#(chosen.joined(separator: ","))}}"#)
        }
        let text = #"{"value":[\#(elements.joined(separator: ","))]}"#
        let expected = try #require(viaFoundation(text))
        #expect(try viaReader(text).get() == expected)
    }
}

/// A small seeded generator, so a failing order can be replayed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
