import ARMModels
import FoundationEssentials

/// The default world: the official sample plus a hub-and-spoke network that changes over time.
///
/// 32 spokes across two subscriptions around one hub, with Connected,
/// Initiated and Disconnected peerings, a sync level other than
/// FullyInSync, encryption, IPv6 and subnet-level peering, BGP communities,
/// and reciprocal peerings wherever the state says both sides exist.
public enum DemoWorld {
    public static let connectivitySubscription = "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01"
    public static let landingZoneSubscription = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c02"
    public static let tenant = "3f2a1b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"
    /// A partner's subscription the demo identity cannot read (the hub peers into it).
    public static let partnerSubscription = "c0ffee00-1234-4abc-9def-000000000003"
    public static let hubGroup = "rg-connectivity"
    public static let hubName = "vnet-hub-weu"
    public static let spokeCount = 32

    /// The hub VNet's resource id: where `peerscope --demo` opens.
    public static var hubID: ResourceID {
        .virtualNetwork(subscriptionId: connectivitySubscription, resourceGroup: hubGroup, name: hubName)
    }

    static func spokeName(_ i: Int) -> String { "vnet-spoke-" + (i < 10 ? "0\(i)" : "\(i)") }
    static func spokeSubscription(_ i: Int) -> String { i <= 16 ? connectivitySubscription : landingZoneSubscription }
    static func spokeGroup(_ i: Int) -> String { i <= 16 ? "rg-spokes-weu" : "rg-lz-apps" }
    static func hubPeeringName(_ i: Int) -> String { "hub-to-" + spokeName(i).replacing("vnet-", with: "") }
    static func spokePeeringName(_ i: Int) -> String { spokeName(i).replacing("vnet-", with: "") + "-to-hub" }

    /// Builds the whole default world.
    public static func world() throws -> WorldFile {
        var world = WorldFile(subscriptions: [try SampleWorld.subscription()] + skeleton())
        world.normalize()
        try peer(&world)
        return world
    }

    private static func spoke(_ i: Int) -> VirtualNetwork {
        var prefixes = ["10.\(i).0.0/16"]
        if i == 26 { prefixes.append("10.0.250.0/24") }  // overlaps the hub: a finding
        if i == 13 || i == 14 { prefixes.append("fd00:db8:\(i)::/48") }
        var space = AddressSpace(addressPrefixes: prefixes)
        if i == 3 {
            space.ipamPoolPrefixAllocations = [
                IpamPoolPrefixAllocation(
                    allocatedAddressPrefixes: ["10.3.0.0/16"], numberOfIpAddresses: "65536",
                    pool: SubResource(
                        id: "/subscriptions/\(connectivitySubscription)/resourceGroups/\(hubGroup)/providers/Microsoft.Network/networkManagers/nm-contoso/ipamPools/pool-weu"))
            ]
        }
        let encryption: VirtualNetworkEncryption? =
            i == 8 || i == 24 ? VirtualNetworkEncryption(enabled: true, enforcement: i == 8 ? .dropUnencrypted : .allowUnencrypted) : nil
        let subnets = [
            Subnet(name: "snet-app", properties: SubnetProperties(addressPrefix: "10.\(i).1.0/24")),
            Subnet(name: "snet-data", properties: SubnetProperties(addressPrefix: "10.\(i).2.0/24")),
        ]
        return VirtualNetwork(
            name: spokeName(i), location: i % 3 == 0 ? "northeurope" : "westeurope",
            tags: ["workload": "app-\(i)"],
            properties: VirtualNetworkProperties(
                addressSpace: space,
                bgpCommunities: VirtualNetworkBgpCommunities(regionalCommunity: "12076:50004", virtualNetworkCommunity: "12076:2\(1000 + i)"),
                encryption: encryption, subnets: subnets, virtualNetworkPeerings: []))
    }

    private static func skeleton() -> [WorldFile.SubscriptionEntry] {
        let hub = VirtualNetwork(
            name: hubName, location: "westeurope",
            properties: VirtualNetworkProperties(
                addressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16", "fd00:db8::/48"]),
                bgpCommunities: VirtualNetworkBgpCommunities(regionalCommunity: "12076:50004", virtualNetworkCommunity: "12076:20000"),
                subnets: [
                    Subnet(name: "GatewaySubnet", properties: SubnetProperties(addressPrefix: "10.0.0.0/27")),
                    Subnet(name: "AzureFirewallSubnet", properties: SubnetProperties(addressPrefix: "10.0.1.0/26")),
                    Subnet(name: "snet-shared", properties: SubnetProperties(addressPrefixes: ["10.0.2.0/24", "fd00:db8:0:2::/64"])),
                ],
                virtualNetworkPeerings: []))
        return [
            WorldFile.SubscriptionEntry(
                subscriptionId: connectivitySubscription, displayName: "Contoso Connectivity", tenantId: tenant, state: "Enabled",
                resourceGroups: [
                    WorldFile.GroupEntry(name: hubGroup, location: "westeurope", virtualNetworks: [hub]),
                    WorldFile.GroupEntry(name: "rg-spokes-weu", location: "westeurope", virtualNetworks: (1...16).map(spoke)),
                ]),
            WorldFile.SubscriptionEntry(
                subscriptionId: landingZoneSubscription, displayName: "Contoso Landing Zones", tenantId: tenant, state: "Enabled",
                resourceGroups: [
                    WorldFile.GroupEntry(name: "rg-lz-apps", location: "westeurope", virtualNetworks: (17...spokeCount).map(spoke))
                ]),
            WorldFile.SubscriptionEntry(
                subscriptionId: partnerSubscription, displayName: "Fabrikam Partner", tenantId: "9e8d7c6b-0000-4000-8000-00000000fab0",
                state: "Enabled", accessDenied: true,
                resourceGroups: [
                    WorldFile.GroupEntry(
                        name: "rg-partner", location: "westeurope",
                        virtualNetworks: [
                            VirtualNetwork(
                                name: "vnet-fabrikam", location: "westeurope",
                                properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: ["172.20.0.0/16"]), virtualNetworkPeerings: []))
                        ])
                ]),
        ]
    }

    static func hubToSpoke(_ i: Int) -> VirtualNetworkPeering {
        var properties = VirtualNetworkPeeringProperties(
            allowForwardedTraffic: true, allowGatewayTransit: i != 23, allowVirtualNetworkAccess: true,
            remoteVirtualNetwork: SubResource(id: ResourceID.virtualNetwork(subscriptionId: spokeSubscription(i), resourceGroup: spokeGroup(i), name: spokeName(i)).description))
        if i == 12 {
            properties.peerCompleteVnets = false
            properties.localSubnetNames = ["snet-shared"]
            properties.remoteSubnetNames = ["snet-app"]
        }
        if i == 14 {
            properties.peerCompleteVnets = false
            properties.enableOnlyIPv6Peering = true
            properties.localSubnetNames = ["snet-shared"]
            properties.remoteSubnetNames = ["snet-app", "snet-data"]
        }
        return VirtualNetworkPeering(properties: properties)
    }

    static func spokeToHub(_ i: Int) -> VirtualNetworkPeering {
        var properties = VirtualNetworkPeeringProperties(
            allowForwardedTraffic: i != 9, allowGatewayTransit: false, allowVirtualNetworkAccess: i != 10,
            remoteVirtualNetwork: SubResource(id: hubID.description), useRemoteGateways: i != 22)
        if i == 12 {
            properties.peerCompleteVnets = false
            properties.localSubnetNames = ["snet-app"]
            properties.remoteSubnetNames = ["snet-shared"]
        }
        if i == 14 {
            properties.peerCompleteVnets = false
            properties.enableOnlyIPv6Peering = true
            // The hub side also names snet-data: the lists don't match (a finding).
            properties.localSubnetNames = ["snet-app"]
            properties.remoteSubnetNames = ["snet-shared"]
        }
        return VirtualNetworkPeering(properties: properties)
    }

    static func createHubSide(_ world: inout WorldFile, _ i: Int) throws(ARMFailure) {
        _ = try world.putPeering(
            subscription: connectivitySubscription, group: hubGroup, vnet: hubName, peering: hubPeeringName(i), body: hubToSpoke(i),
            syncRemoteAddressSpace: false)
    }

    static func createSpokeSide(_ world: inout WorldFile, _ i: Int) throws(ARMFailure) {
        _ = try world.putPeering(
            subscription: spokeSubscription(i), group: spokeGroup(i), vnet: spokeName(i), peering: spokePeeringName(i), body: spokeToHub(i),
            syncRemoteAddressSpace: false)
    }

    static func deleteSpokeSide(_ world: inout WorldFile, _ i: Int) throws(ARMFailure) {
        _ = try world.deletePeering(subscription: spokeSubscription(i), group: spokeGroup(i), vnet: spokeName(i), peering: spokePeeringName(i))
    }

    static func spokeIndex(_ world: WorldFile, _ i: Int) throws(ARMFailure) -> VNetIndex {
        try world.vnetIndex(spokeSubscription(i), spokeGroup(i), spokeName(i))
    }

    private static func peer(_ world: inout WorldFile) throws {
        for i in 1...spokeCount where i != 32 { try createHubSide(&world, i) }
        for i in 1...spokeCount where i != 29 && i != 30 { try createSpokeSide(&world, i) }
        try deleteSpokeSide(&world, 31)
        let five = try spokeIndex(world, 5)
        world.changeAddressSpace(five, to: AddressSpace(addressPrefixes: ["10.5.0.0/16", "10.105.0.0/16"]))
        // The partner VNet (no access for the demo identity), peered both ways.
        let partner = ResourceID.virtualNetwork(subscriptionId: partnerSubscription, resourceGroup: "rg-partner", name: "vnet-fabrikam").description
        _ = try world.putPeering(
            subscription: connectivitySubscription, group: hubGroup, vnet: hubName, peering: "hub-to-fabrikam",
            body: VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(allowVirtualNetworkAccess: true, remoteVirtualNetwork: SubResource(id: partner))),
            syncRemoteAddressSpace: false)
        _ = try world.putPeering(
            subscription: partnerSubscription, group: "rg-partner", vnet: "vnet-fabrikam", peering: "fabrikam-to-contoso-hub",
            body: VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(allowVirtualNetworkAccess: true, remoteVirtualNetwork: SubResource(id: hubID.description))),
            syncRemoteAddressSpace: false)
        // A direct spoke-to-spoke pair.
        let one = ResourceID.virtualNetwork(subscriptionId: spokeSubscription(1), resourceGroup: spokeGroup(1), name: spokeName(1)).description
        let two = ResourceID.virtualNetwork(subscriptionId: spokeSubscription(2), resourceGroup: spokeGroup(2), name: spokeName(2)).description
        _ = try world.putPeering(
            subscription: spokeSubscription(1), group: spokeGroup(1), vnet: spokeName(1), peering: "spoke-01-to-spoke-02",
            body: VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(allowVirtualNetworkAccess: true, remoteVirtualNetwork: SubResource(id: two))),
            syncRemoteAddressSpace: false)
        _ = try world.putPeering(
            subscription: spokeSubscription(2), group: spokeGroup(2), vnet: spokeName(2), peering: "spoke-02-to-spoke-01",
            body: VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(allowVirtualNetworkAccess: true, remoteVirtualNetwork: SubResource(id: one))),
            syncRemoteAddressSpace: false)
    }
}
