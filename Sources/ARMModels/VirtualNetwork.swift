/// A virtual network as ARM returns it, with its peerings embedded.
public struct VirtualNetwork: Codable, Hashable, Sendable, Identifiable {
    public var etag: String?
    public var id: String?
    public var name: String?
    public var type: String?
    public var location: String?
    public var tags: [String: String]?
    public var properties: VirtualNetworkProperties?

    public init(
        etag: String? = nil, id: String? = nil, name: String? = nil, type: String? = nil,
        location: String? = nil, tags: [String: String]? = nil, properties: VirtualNetworkProperties? = nil
    ) {
        self.etag = etag
        self.id = id
        self.name = name
        self.type = type
        self.location = location
        self.tags = tags
        self.properties = properties
    }
}

/// The `properties` object of a virtual network (the parts a peering browser reads).
public struct VirtualNetworkProperties: Codable, Hashable, Sendable {
    public var addressSpace: AddressSpace?
    public var bgpCommunities: VirtualNetworkBgpCommunities?
    public var encryption: VirtualNetworkEncryption?
    public var provisioningState: ProvisioningState?
    public var resourceGuid: String?
    public var subnets: [Subnet]?
    public var virtualNetworkPeerings: [VirtualNetworkPeering]?

    public init(
        addressSpace: AddressSpace? = nil, bgpCommunities: VirtualNetworkBgpCommunities? = nil, encryption: VirtualNetworkEncryption? = nil,
        provisioningState: ProvisioningState? = nil, resourceGuid: String? = nil,
        subnets: [Subnet]? = nil, virtualNetworkPeerings: [VirtualNetworkPeering]? = nil
    ) {
        self.addressSpace = addressSpace
        self.bgpCommunities = bgpCommunities
        self.encryption = encryption
        self.provisioningState = provisioningState
        self.resourceGuid = resourceGuid
        self.subnets = subnets
        self.virtualNetworkPeerings = virtualNetworkPeerings
    }
}

/// A subnet of a virtual network (name and prefixes: what subnet peering refers to).
public struct Subnet: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String?
    public var properties: SubnetProperties?
    public init(id: String? = nil, name: String? = nil, properties: SubnetProperties? = nil) {
        self.id = id
        self.name = name
        self.properties = properties
    }
}

/// The `properties` object of a subnet.
public struct SubnetProperties: Codable, Hashable, Sendable {
    public var addressPrefix: String?
    public var addressPrefixes: [String]?
    public init(addressPrefix: String? = nil, addressPrefixes: [String]? = nil) {
        self.addressPrefix = addressPrefix
        self.addressPrefixes = addressPrefixes
    }
}
