import ARMModels
import Foundation
import Testing

/// Loads a fixture shipped with the tests (the official samples, unchanged).
func fixture(_ name: String) throws -> Data {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    return try Data(contentsOf: url)
}

/// Compares two JSON documents as values (key order and whitespace ignored).
func jsonEqual(_ a: Data, _ b: Data) throws -> Bool {
    let x = try JSONSerialization.jsonObject(with: a) as? NSObject
    let y = try JSONSerialization.jsonObject(with: b) as? NSObject
    return x != nil && x == y
}

@Suite struct SampleDecodingTests {
    @Test func firstSampleDecodesEveryField() throws {
        let page = try JSONDecoder().decode(VirtualNetworkPeeringListResult.self, from: fixture("list-peerings"))
        #expect(page.nextLink == nil)
        #expect(page.value.count == 2)
        let first = page.value[0]
        #expect(first.name == "peer")
        #expect(first.id == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/peer")
        #expect(first.etag == nil)
        #expect(first.type == nil)
        let p = try #require(first.properties)
        #expect(p.allowForwardedTraffic == true)
        #expect(p.allowGatewayTransit == false)
        #expect(p.allowVirtualNetworkAccess == true)
        #expect(p.peeringState == .initiated)
        #expect(p.peeringSyncLevel == .fullyInSync)
        #expect(p.provisioningState == .succeeded)
        #expect(p.remoteAddressSpace?.addressPrefixes == ["12.0.0.0/8"])
        #expect(p.remoteVirtualNetworkAddressSpace?.addressPrefixes == ["12.0.0.0/8"])
        #expect(p.remoteBgpCommunities?.regionalCommunity == "12076:50004")
        #expect(p.remoteBgpCommunities?.virtualNetworkCommunity == "12076:20002")
        #expect(p.remoteVirtualNetwork?.id == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet2")
        #expect(p.useRemoteGateways == false)
        #expect(p.doNotVerifyRemoteGateways == nil)
        #expect(p.remoteVirtualNetworkEncryption == nil)
        let second = page.value[1]
        #expect(second.name == "peer")
        #expect(second.id?.hasSuffix("/virtualNetworkPeerings/peer2") == true)
        #expect(second.properties?.allowForwardedTraffic == false)
        #expect(second.properties?.remoteBgpCommunities?.virtualNetworkCommunity == "12076:20003")
        #expect(second.properties?.remoteAddressSpace?.addressPrefixes == ["13.0.0.0/8"])
    }

    @Test func encryptionSampleDecodes() throws {
        let page = try JSONDecoder().decode(VirtualNetworkPeeringListResult.self, from: fixture("list-peerings-with-remote-encryption"))
        #expect(page.value.count == 2)
        for peering in page.value {
            #expect(peering.properties?.remoteVirtualNetworkEncryption == VirtualNetworkEncryption(enabled: true, enforcement: .allowUnencrypted))
            #expect(peering.properties?.peeringSyncLevel == nil)
            #expect(peering.properties?.remoteVirtualNetworkAddressSpace == nil)
        }
    }

    @Test(arguments: ["list-peerings", "list-peerings-with-remote-encryption"])
    func encodingGivesTheSameJSONBack(name: String) throws {
        let original = try fixture(name)
        let page = try JSONDecoder().decode(VirtualNetworkPeeringListResult.self, from: original)
        let encoded = try JSONEncoder().encode(page)
        #expect(try jsonEqual(encoded, original))
        let again = try JSONDecoder().decode(VirtualNetworkPeeringListResult.self, from: encoded)
        #expect(again == page)
    }

    @Test func everyPropertyRoundTripsWithARMNames() throws {
        let json = """
            {"etag":"W/\\"1\\"","id":"/x","name":"n","type":"Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
             "properties":{"allowForwardedTraffic":true,"allowGatewayTransit":true,"allowVirtualNetworkAccess":false,
              "doNotVerifyRemoteGateways":true,"enableOnlyIPv6Peering":true,
              "localAddressSpace":{"addressPrefixes":["10.0.0.0/16"]},"localSubnetNames":["a","b"],
              "localVirtualNetworkAddressSpace":{"addressPrefixes":["10.0.0.0/16","10.1.0.0/16"]},
              "peerCompleteVnets":false,"peeringState":"Connected","peeringSyncLevel":"LocalNotInSync","provisioningState":"Updating",
              "remoteAddressSpace":{"addressPrefixes":["12.0.0.0/8"],"ipamPoolPrefixAllocations":[{"allocatedAddressPrefixes":["12.0.0.0/8"],"numberOfIpAddresses":"256","pool":{"id":"/pool"}}]},
              "remoteBgpCommunities":{"regionalCommunity":"1:2","virtualNetworkCommunity":"3:4"},"remoteSubnetNames":["c"],
              "remoteVirtualNetwork":{"id":"/vnet2"},"remoteVirtualNetworkAddressSpace":{"addressPrefixes":["12.0.0.0/8"]},
              "remoteVirtualNetworkEncryption":{"enabled":false,"enforcement":"DropUnencrypted"},"resourceGuid":"g","useRemoteGateways":true}}
            """
        let peering = try JSONDecoder().decode(VirtualNetworkPeering.self, from: Data(json.utf8))
        let p = try #require(peering.properties)
        #expect(p.localSubnetNames == ["a", "b"])
        #expect(p.remoteAddressSpace?.ipamPoolPrefixAllocations?.first?.pool?.id == "/pool")
        #expect(p.remoteAddressSpace?.ipamPoolPrefixAllocations?.first?.numberOfIpAddresses == "256")
        #expect(p.remoteVirtualNetworkEncryption?.enforcement == .dropUnencrypted)
        #expect(p.enableOnlyIPv6Peering == true)
        #expect(p.peerCompleteVnets == false)
        #expect(try jsonEqual(try JSONEncoder().encode(peering), Data(json.utf8)))
    }
}

@Suite struct TolerantDecodingTests {
    @Test func unknownEnumValuesAreKeptAndEncodedBack() throws {
        let json = #"{"properties":{"peeringState":"Reconnecting","peeringSyncLevel":"Syncing","provisioningState":"Migrating","remoteVirtualNetworkEncryption":{"enforcement":"Quarantine"}}}"#
        let peering = try JSONDecoder().decode(VirtualNetworkPeering.self, from: Data(json.utf8))
        #expect(peering.properties?.peeringState?.rawValue == "Reconnecting")
        #expect(peering.properties?.peeringState?.isKnown == false)
        #expect(peering.properties?.peeringSyncLevel?.rawValue == "Syncing")
        #expect(peering.properties?.provisioningState?.rawValue == "Migrating")
        #expect(peering.properties?.remoteVirtualNetworkEncryption?.enforcement?.rawValue == "Quarantine")
        #expect(try jsonEqual(try JSONEncoder().encode(peering), Data(json.utf8)))
    }

    @Test func knownValuesCompareIgnoringCase() {
        #expect(PeeringState(rawValue: "connected").matches(.connected))
        #expect(PeeringState(rawValue: "connected").isKnown)
        #expect(!PeeringState(rawValue: "connected").matches(.initiated))
    }

    @Test func nullsAndMissingFieldsDecode() throws {
        let json = #"{"name":null,"properties":{"peeringState":null,"remoteAddressSpace":null,"remoteBgpCommunities":{"regionalCommunity":null}}}"#
        let peering = try JSONDecoder().decode(VirtualNetworkPeering.self, from: Data(json.utf8))
        #expect(peering.name == nil)
        #expect(peering.properties?.peeringState == nil)
        #expect(peering.properties?.remoteBgpCommunities?.regionalCommunity == nil)
        let empty = try JSONDecoder().decode(VirtualNetworkPeering.self, from: Data("{}".utf8))
        #expect(empty.properties == nil)
        #expect(String(decoding: try JSONEncoder().encode(empty), as: UTF8.self) == "{}")
        let page = try JSONDecoder().decode(VirtualNetworkPeeringListResult.self, from: Data("{}".utf8))
        #expect(page.value.isEmpty)
    }

    @Test(arguments: ["", "{", "[1,2]", #"{"value": 5}"#, #"{"value":[{"properties":{"allowForwardedTraffic":"yes"}}]}"#])
    func malformedJSONIsATypedError(text: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(VirtualNetworkPeeringListResult.self, from: Data(text.utf8))
        }
    }

    @Test func cloudErrorWithNestedDetails() throws {
        let json = #"{"error":{"code":"Outer","message":"m","target":"t","details":[{"code":"Inner","message":"i","details":[{"code":"Deep"}]}]}}"#
        let error = try JSONDecoder().decode(CloudError.self, from: Data(json.utf8))
        #expect(error.error?.code == "Outer")
        #expect(error.error?.target == "t")
        #expect(error.error?.details?.first?.details?.first?.code == "Deep")
    }

    @Test func virtualNetworkWithEmbeddedPeerings() throws {
        let json = #"{"id":"/v","name":"hub","location":"westeurope","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"encryption":{"enabled":true,"enforcement":"AllowUnencrypted"},"virtualNetworkPeerings":[{"name":"p","properties":{"peeringState":"Connected"}}]}}"#
        let vnet = try JSONDecoder().decode(VirtualNetwork.self, from: Data(json.utf8))
        #expect(vnet.properties?.encryption?.enabled == true)
        #expect(vnet.properties?.virtualNetworkPeerings?.first?.properties?.peeringState == .connected)
        #expect(try jsonEqual(try JSONEncoder().encode(vnet), Data(json.utf8)))
    }
}
