/// A virtual network peering, exactly as ARM returns it (api-version 2025-05-01).
///
/// The large `properties` object lives in a shared, immutable box: a peering
/// is then a few words wide, so the lists, dictionaries and pages that hold
/// the same thousand peerings each hold pointers rather than a copy of every
/// field. Setting `properties` replaces the box; values behave as before.
public struct VirtualNetworkPeering: Codable, Hashable, Sendable, Identifiable {
    public var etag: String?
    public var id: String?
    public var name: String?
    public var type: String?
    @usableFromInline var storage: PropertiesBox?

    /// The peering's `properties` object, or nil when ARM sent none.
    @inlinable public var properties: VirtualNetworkPeeringProperties? {
        get { storage?.value }
        set { storage = newValue.map(PropertiesBox.init) }
    }

    /// A peering with every field absent.
    public init() {}

    public init(
        etag: String? = nil, id: String? = nil, name: String? = nil, type: String? = nil,
        properties: VirtualNetworkPeeringProperties? = nil
    ) {
        self.etag = etag
        self.id = id
        self.name = name
        self.type = type
        self.storage = properties.map(PropertiesBox.init)
    }

    enum CodingKeys: String, CodingKey { case etag, id, name, type, properties }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        etag = try container.decodeIfPresent(String.self, forKey: .etag)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        storage = try container.decodeIfPresent(VirtualNetworkPeeringProperties.self, forKey: .properties).map(PropertiesBox.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(etag, forKey: .etag)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(storage?.value, forKey: .properties)
    }

    public static func == (lhs: VirtualNetworkPeering, rhs: VirtualNetworkPeering) -> Bool {
        guard lhs.etag == rhs.etag, lhs.id == rhs.id, lhs.name == rhs.name, lhs.type == rhs.type else { return false }
        switch (lhs.storage, rhs.storage) {
        case (nil, nil): return true
        case (let a?, let b?): return a === b || a.value == b.value
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(etag)
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(storage?.value)
    }
}

extension VirtualNetworkPeering: CustomReflectable {
    /// Shows `properties` (not the box it is kept in), as the type looked before the box.
    public var customMirror: Mirror {
        Mirror(self, children: ["etag": etag as Any, "id": id as Any, "name": name as Any, "type": type as Any, "properties": properties as Any])
    }
}

/// The immutable home of one peering's properties, shared by every copy of the peering.
///
/// `value` is set only while the box is made (its setter is private to this file and used only by the
/// initializers), so the box can be shared across tasks like a `let`.
@usableFromInline final class PropertiesBox: @unchecked Sendable {
    @usableFromInline private(set) var value: VirtualNetworkPeeringProperties
    @usableFromInline init(_ value: VirtualNetworkPeeringProperties) { self.value = value }

    /// A box of the properties read from the object `r` has just opened, filled where they will stay (a value
    /// read first and then moved into a box was copied and destroyed on the way, ~900 instructions a peering).
    init(reading r: inout JSONReader) throws(JSONReadError) {
        value = VirtualNetworkPeeringProperties()
        try value.fill(&r)
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

    /// Properties with every field absent.
    public init() {}

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
