import ARMModels
import Foundation
import Testing

/// VirtualNetworkReader against JSONDecoder: the same VNets from the same bytes, or both refusing them.
@Suite struct VirtualNetworkReaderTests {
    private func compare(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = Data(text.utf8)
        let theirs = try? JSONDecoder().decode(VirtualNetwork.self, from: data)
        let mine = Result { () throws(JSONReadError) in try VirtualNetworkReader.virtualNetwork(data) }
        switch (mine, theirs) {
        case (.success(let vnet), let expected?): #expect(vnet == expected, sourceLocation: sourceLocation)
        case (.failure, nil): break
        case (let mine, let theirs): Issue.record("reader: \(mine); JSONDecoder: \(String(describing: theirs))", sourceLocation: sourceLocation)
        }
    }

    @Test func aHubWithItsEmbeddedPeeringsReadsAsJSONDecoderReadsIt() throws {
        let page = try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: try fixture("list-peerings-with-remote-encryption"))
        let vnet = VirtualNetwork(
            etag: "W/\"1\"", id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub", name: "hub",
            type: "Microsoft.Network/virtualNetworks", location: "westeurope", tags: ["env": "prod", "owner": "net-team", "é": "ü"],
            properties: VirtualNetworkProperties(
                addressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16", "fd00::/48"]),
                bgpCommunities: VirtualNetworkBgpCommunities(regionalCommunity: "12076:50004", virtualNetworkCommunity: "12076:20001"),
                encryption: VirtualNetworkEncryption(enabled: true, enforcement: .allowUnencrypted), provisioningState: .succeeded,
                resourceGuid: "guid", subnets: [Subnet(id: "/s1", name: "s1", properties: SubnetProperties(addressPrefix: "10.0.0.0/24")),
                                                Subnet(name: "s2", properties: SubnetProperties(addressPrefixes: ["10.0.1.0/24", "10.0.2.0/24"])), Subnet()],
                virtualNetworkPeerings: page.value + page.value))
        for encoder in [JSONEncoder(), { let e = JSONEncoder(); e.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]; return e }()] {
            let data = try encoder.encode(vnet)
            #expect(try VirtualNetworkReader.virtualNetwork(data) == vnet)
            compare(String(decoding: data, as: UTF8.self))
        }
        let list = try JSONEncoder().encode(Page(value: [vnet, VirtualNetwork(name: "bare")], nextLink: "https://next"))
        #expect(try VirtualNetworkReader.page(list) == Page(value: [vnet, VirtualNetwork(name: "bare")], nextLink: "https://next"))
    }

    @Test(arguments: [
        #"{"name": "v", "tags": null, "properties": null}"#,
        #"{"name": "v", "tags": {}, "properties": {"subnets": null, "virtualNetworkPeerings": [], "future": [1, {"x": null}]}}"#,
        #"{"name": "v", "properties": {"subnets": [{"name": "a", "properties": null}, {"properties": {"addressPrefix": null}}]}}"#,
        #"{"name": "v", "tags": {"a": null}}"#,
        #"{"name": "v", "tags": {"a": 1}}"#,
        #"{"name": "v", "tags": []}"#,
        #"{"name": "v", "properties": {"subnets": [null]}}"#,
        #"{"name": "v", "properties": {"virtualNetworkPeerings": [null]}}"#,
        #"{"name": "v", "properties": {"provisioningState": "Migrating", "encryption": {"enforcement": "Something"}}}"#,
        #"{"name": 5}"#,
        #"null"#,
        #"{"name": "v""#,
        #"{"name": "caf\u00e9", "tags": {"k\u00e9y": "v\"q"}}"#,
    ])
    func edgeCasesReadAsJSONDecoderReadsThem(_ text: String) {
        compare(text)
    }

    @Test func embeddedPeeringsCanBeSkippedOrNarrowed() throws {
        let page = try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: try fixture("list-peerings"))
        let vnet = VirtualNetwork(name: "hub", properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]), virtualNetworkPeerings: page.value))
        let data = try JSONEncoder().encode(vnet)
        let none = try VirtualNetworkReader.virtualNetwork(data, peerings: .none)
        #expect(none.properties?.virtualNetworkPeerings == nil)
        #expect(none.properties?.addressSpace == vnet.properties?.addressSpace)
        let second = try #require(page.value.last?.id)
        let narrowed = try VirtualNetworkReader.virtualNetwork(data, peerings: .matching { $0.id == second })
        #expect(narrowed.properties?.virtualNetworkPeerings == [page.value[page.value.count - 1]])
        // Skipped peerings are still checked to be JSON.
        #expect(throws: JSONReadError.self) { try VirtualNetworkReader.virtualNetwork(Data(#"{"properties": {"virtualNetworkPeerings": [{"name": }]}}"#.utf8), peerings: .none) }
    }
}
