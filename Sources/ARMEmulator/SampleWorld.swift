import ARMModels
import FoundationEssentials

/// The official sample, unchanged: subscription 0000…, resource group peerTest, vnet1 with its two peerings.
///
/// vnet2 (12.0.0.0/8) and vnet3 (13.0.0.0/8) are there too, not yet peered
/// back, which is why the sample's peerings are Initiated.
public enum SampleWorld {
    public static let subscriptionId = "00000000-0000-0000-0000-000000000000"
    public static let resourceGroup = "peerTest"
    public static let vnet = "vnet1"

    /// The sample's peerings, from the copy of the official list-peerings.json compiled into the emulator.
    public static func samplePeerings() throws -> [VirtualNetworkPeering] {
        try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: Data(listPeeringsJSON.utf8)).value
    }

    /// The sample subscription as a world entry.
    public static func subscription() throws -> WorldFile.SubscriptionEntry {
        func vnet(_ name: String, _ prefix: String, peerings: [VirtualNetworkPeering]) -> VirtualNetwork {
            VirtualNetwork(
                name: name, location: "westus",
                properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: [prefix]), virtualNetworkPeerings: peerings))
        }
        return WorldFile.SubscriptionEntry(
            subscriptionId: subscriptionId, displayName: "Sample subscription (official examples)",
            tenantId: "00000000-0000-0000-0000-000000000001", state: "Enabled",
            resourceGroups: [
                WorldFile.GroupEntry(
                    name: resourceGroup, location: "westus",
                    virtualNetworks: [
                        vnet("vnet1", "10.0.0.0/16", peerings: try samplePeerings()),
                        vnet("vnet2", "12.0.0.0/8", peerings: []),
                        vnet("vnet3", "13.0.0.0/8", peerings: []),
                    ])
            ])
    }

    /// A world holding only the sample.
    public static func world() throws -> WorldFile {
        var world = WorldFile(subscriptions: [try subscription()])
        world.normalize()
        return world
    }
}
