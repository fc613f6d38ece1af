/// A virtual network peering, exactly as ARM returns it (api-version 2025-05-01).
public struct VirtualNetworkPeering: Codable, Hashable, Sendable, Identifiable {
    public var etag: String?
    public var id: String?
    public var name: String?
    public var type: String?
    public var properties: VirtualNetworkPeeringProperties?

    public init(
        etag: String? = nil, id: String? = nil, name: String? = nil, type: String? = nil,
        properties: VirtualNetworkPeeringProperties? = nil
    ) {
        self.etag = etag
        self.id = id
        self.name = name
        self.type = type
        self.properties = properties
    }
}

/// The `properties` object of a virtual network peering.
///
/// Every field is optional: ARM omits what is unset, and PeerScope must show a
/// missing field as absent rather than as `false`.
public struct VirtualNetworkPeeringProperties: Codable, Hashable, Sendable {
    public var allowForwardedTraffic: Bool?
    public var allowGatewayTransit: Bool?
    public var allowVirtualNetworkAccess: Bool?
    public var doNotVerifyRemoteGateways: Bool?
    public var enableOnlyIPv6Peering: Bool?
    public var localAddressSpace: AddressSpace?
    public var localSubnetNames: [String]?
    public var localVirtualNetworkAddressSpace: AddressSpace?
    public var peerCompleteVnets: Bool?
    public var peeringState: PeeringState?
    public var peeringSyncLevel: PeeringSyncLevel?
    public var provisioningState: ProvisioningState?
    public var remoteAddressSpace: AddressSpace?
    public var remoteBgpCommunities: VirtualNetworkBgpCommunities?
    public var remoteSubnetNames: [String]?
    public var remoteVirtualNetwork: SubResource?
    public var remoteVirtualNetworkAddressSpace: AddressSpace?
    public var remoteVirtualNetworkEncryption: VirtualNetworkEncryption?
    public var resourceGuid: String?
    public var useRemoteGateways: Bool?

    public init(
        allowForwardedTraffic: Bool? = nil,
        allowGatewayTransit: Bool? = nil,
        allowVirtualNetworkAccess: Bool? = nil,
        doNotVerifyRemoteGateways: Bool? = nil,
        enableOnlyIPv6Peering: Bool? = nil,
        localAddressSpace: AddressSpace? = nil,
        localSubnetNames: [String]? = nil,
        localVirtualNetworkAddressSpace: AddressSpace? = nil,
        peerCompleteVnets: Bool? = nil,
        peeringState: PeeringState? = nil,
        peeringSyncLevel: PeeringSyncLevel? = nil,
        provisioningState: ProvisioningState? = nil,
        remoteAddressSpace: AddressSpace? = nil,
        remoteBgpCommunities: VirtualNetworkBgpCommunities? = nil,
        remoteSubnetNames: [String]? = nil,
        remoteVirtualNetwork: SubResource? = nil,
        remoteVirtualNetworkAddressSpace: AddressSpace? = nil,
        remoteVirtualNetworkEncryption: VirtualNetworkEncryption? = nil,
        resourceGuid: String? = nil,
        useRemoteGateways: Bool? = nil
    ) {
        self.allowForwardedTraffic = allowForwardedTraffic
        self.allowGatewayTransit = allowGatewayTransit
        self.allowVirtualNetworkAccess = allowVirtualNetworkAccess
        self.doNotVerifyRemoteGateways = doNotVerifyRemoteGateways
        self.enableOnlyIPv6Peering = enableOnlyIPv6Peering
        self.localAddressSpace = localAddressSpace
        self.localSubnetNames = localSubnetNames
        self.localVirtualNetworkAddressSpace = localVirtualNetworkAddressSpace
        self.peerCompleteVnets = peerCompleteVnets
        self.peeringState = peeringState
        self.peeringSyncLevel = peeringSyncLevel
        self.provisioningState = provisioningState
        self.remoteAddressSpace = remoteAddressSpace
        self.remoteBgpCommunities = remoteBgpCommunities
        self.remoteSubnetNames = remoteSubnetNames
        self.remoteVirtualNetwork = remoteVirtualNetwork
        self.remoteVirtualNetworkAddressSpace = remoteVirtualNetworkAddressSpace
        self.remoteVirtualNetworkEncryption = remoteVirtualNetworkEncryption
        self.resourceGuid = resourceGuid
        self.useRemoteGateways = useRemoteGateways
    }
}
