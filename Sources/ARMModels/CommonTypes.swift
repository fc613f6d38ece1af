/// A reference to another ARM resource by id (ARM's `SubResource`).
public struct SubResource: Codable, Hashable, Sendable {
    public var id: String?
    public init(id: String?) { self.id = id }
}

/// The IP address ranges of a virtual network (ARM's `AddressSpace`).
public struct AddressSpace: Codable, Hashable, Sendable {
    public var addressPrefixes: [String]?
    public var ipamPoolPrefixAllocations: [IpamPoolPrefixAllocation]?
    public init(addressPrefixes: [String]? = nil, ipamPoolPrefixAllocations: [IpamPoolPrefixAllocation]? = nil) {
        self.addressPrefixes = addressPrefixes
        self.ipamPoolPrefixAllocations = ipamPoolPrefixAllocations
    }
}

/// An IPAM pool's allocation of prefixes to a virtual network.
///
/// ARM nests the pool reference as `pool.id`.
public struct IpamPoolPrefixAllocation: Codable, Hashable, Sendable {
    public var allocatedAddressPrefixes: [String]?
    public var numberOfIpAddresses: String?
    public var pool: SubResource?
    public init(allocatedAddressPrefixes: [String]? = nil, numberOfIpAddresses: String? = nil, pool: SubResource? = nil) {
        self.allocatedAddressPrefixes = allocatedAddressPrefixes
        self.numberOfIpAddresses = numberOfIpAddresses
        self.pool = pool
    }
}

/// BGP communities sent over ExpressRoute for a virtual network's prefixes.
public struct VirtualNetworkBgpCommunities: Codable, Hashable, Sendable {
    public var regionalCommunity: String?
    public var virtualNetworkCommunity: String?
    public init(regionalCommunity: String? = nil, virtualNetworkCommunity: String? = nil) {
        self.regionalCommunity = regionalCommunity
        self.virtualNetworkCommunity = virtualNetworkCommunity
    }
}

/// Whether encryption is enabled on a virtual network, and how it is enforced.
public struct VirtualNetworkEncryption: Codable, Hashable, Sendable {
    public var enabled: Bool?
    public var enforcement: EncryptionEnforcement?
    public init(enabled: Bool? = nil, enforcement: EncryptionEnforcement? = nil) {
        self.enabled = enabled
        self.enforcement = enforcement
    }
}

/// One page of an ARM list operation: `value` plus an optional `nextLink`.
public struct Page<Element: Codable & Sendable>: Codable, Sendable {
    public var value: [Element]
    public var nextLink: String?

    public init(value: [Element], nextLink: String? = nil) {
        self.value = value
        self.nextLink = nextLink
    }

    enum CodingKeys: String, CodingKey { case value, nextLink }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decodeIfPresent([Element].self, forKey: .value) ?? []
        nextLink = try container.decodeIfPresent(String.self, forKey: .nextLink)
    }
}

extension Page: Equatable where Element: Equatable {}

/// The list result of Virtual Network Peerings - List.
public typealias VirtualNetworkPeeringListResult = Page<VirtualNetworkPeering>
/// The list result of Virtual Networks - List and List All.
public typealias VirtualNetworkListResult = Page<VirtualNetwork>
/// The list result of Subscriptions - List.
public typealias SubscriptionListResult = Page<Subscription>
/// The list result of Resource Groups - List.
public typealias ResourceGroupListResult = Page<ResourceGroup>
