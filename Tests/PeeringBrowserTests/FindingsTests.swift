import ARMModels
import PeeringBrowser
import Testing

let hubID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub"
let spokeID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke"

func vnet(_ id: String, _ prefixes: [String], encrypted: Bool = false) -> VirtualNetwork {
    VirtualNetwork(
        id: id, name: String(id.split(separator: "/").last ?? ""),
        properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: prefixes), encryption: encrypted ? VirtualNetworkEncryption(enabled: true) : nil))
}

func side(_ remote: String, state: PeeringState = .connected, _ change: (inout VirtualNetworkPeeringProperties) -> Void = { _ in }) -> VirtualNetworkPeering {
    var p = VirtualNetworkPeeringProperties(
        allowForwardedTraffic: true, allowGatewayTransit: false, allowVirtualNetworkAccess: true, peeringState: state, peeringSyncLevel: .fullyInSync,
        remoteVirtualNetwork: SubResource(id: remote), useRemoteGateways: false)
    change(&p)
    return VirtualNetworkPeering(name: "p", properties: p)
}

func kinds(_ local: VirtualNetworkPeering, _ remote: RemoteSide, localVNet: VirtualNetwork = vnet(hubID, ["10.0.0.0/16"])) -> [Finding.Kind] {
    PeeringFindings.check(local: local, localVNet: localVNet, remote: remote).map(\.kind)
}

@Suite struct FindingsTests {
    let spoke = vnet(spokeID, ["10.1.0.0/16"])

    @Test func agreeingSidesHaveNoFindings() {
        #expect(kinds(side(spokeID), .loaded(vnet: spoke, reciprocal: side(hubID))).isEmpty)
    }

    @Test func reciprocalMissingExplainsInitiated() throws {
        let findings = PeeringFindings.check(local: side(spokeID, state: .initiated), localVNet: vnet(hubID, ["10.0.0.0/16"]), remote: .loaded(vnet: spoke, reciprocal: nil))
        #expect(findings.map(\.kind) == [.reciprocalMissing])
        #expect(findings[0].explanation.contains("Initiated") && findings[0].explanation.contains("Create the peering on spoke"))
    }

    @Test func remoteDeletedMeansRecreate() {
        let findings = PeeringFindings.check(local: side(spokeID, state: .disconnected), localVNet: nil, remote: .unknown)
        #expect(findings.map(\.kind) == [.remoteDeleted])
        #expect(findings[0].explanation.contains("create both sides again"))
    }

    @Test func notInSyncNamesTheDifferingPrefixes() {
        let local = side(spokeID) {
            $0.peeringSyncLevel = .remoteNotInSync
            $0.remoteAddressSpace = AddressSpace(addressPrefixes: ["10.1.0.0/16"])
            $0.remoteVirtualNetworkAddressSpace = AddressSpace(addressPrefixes: ["10.1.0.0/16", "10.101.0.0/16"])
        }
        let findings = PeeringFindings.check(local: local, localVNet: nil, remote: .unknown)
        #expect(findings.map(\.kind) == [.notInSync])
        #expect(findings[0].explanation.contains("spoke added 10.101.0.0/16"))
    }

    @Test func gatewayTransitMustBeAllowedWhereRemoteGatewaysAreUsed() {
        #expect(kinds(side(spokeID) { $0.useRemoteGateways = true }, .loaded(vnet: spoke, reciprocal: side(hubID))) == [.gatewayTransit])
        #expect(kinds(side(spokeID) { $0.useRemoteGateways = true }, .loaded(vnet: spoke, reciprocal: side(hubID) { $0.allowGatewayTransit = true })).isEmpty)
        #expect(kinds(side(spokeID), .loaded(vnet: spoke, reciprocal: side(hubID) { $0.useRemoteGateways = true })) == [.gatewayTransit])
    }

    @Test func trafficFlagsThatDiffer() {
        #expect(kinds(side(spokeID), .loaded(vnet: spoke, reciprocal: side(hubID) { $0.allowForwardedTraffic = false })) == [.forwardedTrafficDiffers])
        #expect(kinds(side(spokeID), .loaded(vnet: spoke, reciprocal: side(hubID) { $0.allowVirtualNetworkAccess = false })) == [.accessDiffers])
    }

    @Test(arguments: [
        (["10.0.0.0/16"], ["10.0.128.0/20"], true),
        (["10.0.0.0/16"], ["10.1.0.0/16"], false),
        (["fd00:db8::/48"], ["fd00:db8:0:5::/64"], true),
        (["fd00:db8::/48"], ["fd00:db9::/48"], false),
        (["10.0.0.0/8"], ["fd00::/8"], false),
    ])
    func overlappingPrefixesIPv4AndIPv6(local: [String], remote: [String], overlaps: Bool) {
        let found = kinds(side(spokeID), .loaded(vnet: vnet(spokeID, remote), reciprocal: side(hubID)), localVNet: vnet(hubID, local))
        #expect(found.contains(.overlappingPrefixes) == overlaps)
    }

    @Test func subnetListsMustMirror() {
        let local = side(spokeID) { $0.peerCompleteVnets = false; $0.localSubnetNames = ["a"]; $0.remoteSubnetNames = ["b", "c"] }
        let good = side(hubID) { $0.peerCompleteVnets = false; $0.localSubnetNames = ["c", "b"]; $0.remoteSubnetNames = ["a"] }
        let bad = side(hubID) { $0.peerCompleteVnets = false; $0.localSubnetNames = ["b"]; $0.remoteSubnetNames = ["a"] }
        #expect(kinds(local, .loaded(vnet: spoke, reciprocal: good)).isEmpty)
        #expect(kinds(local, .loaded(vnet: spoke, reciprocal: bad)) == [.subnetListsDiffer])
    }

    @Test func encryptionOnOneSideOnly() {
        #expect(kinds(side(spokeID), .loaded(vnet: vnet(spokeID, ["10.1.0.0/16"], encrypted: true), reciprocal: side(hubID))) == [.encryptionOneSided])
    }

    @Test func noAccessIsInformationNotAnError() {
        let findings = PeeringFindings.check(local: side(spokeID), localVNet: nil, remote: .noAccess)
        #expect(findings.map(\.kind) == [.noAccess])
        #expect(findings[0].severity == .info)
    }

    @Test func cidrParsing() {
        #expect(CIDR("10.0.0.0/33") == nil)
        #expect(CIDR("10.0.0/8") == nil)
        #expect(CIDR("::/0") != nil)
        #expect(CIDR("fd00::1::/64") == nil)
        #expect(CIDR("1:2:3:4:5:6:7:8/128") != nil)
        #expect(CIDR("10.0.0.0/8")?.overlaps(CIDR("10.255.0.0/16")!) == true)
    }
}
