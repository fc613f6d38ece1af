import ARMModels

/// Where the browser reads peerings from; ARMClient satisfies it, tests pass plain values.
public protocol PeeringSource: Sendable {
    /// Every peering of the virtual network `vnet` (all pages).
    func peerings(of vnet: ResourceID) async throws -> [VirtualNetworkPeering]
    /// Who the source is signed in as, for the header (never a token).
    var signedInAs: String { get }
    /// Requests made in the last minute and the remaining-reads figure ARM last sent, for the header.
    var usage: (requestsLastMinute: Int, remainingReads: Int?)? { get }
    /// The other side of `peering` (a peering of `localVNet`): the remote VNet and its peering back, and the local VNet itself.
    /// `fresh` false allows answers from a short-lived cache (moving the selection); true reads ARM (a refresh).
    func remoteSide(of peering: VirtualNetworkPeering, localVNet: ResourceID, fresh: Bool) async -> (RemoteSide, VirtualNetwork?)
}

/// Where the browser reads subscriptions and VNets from.
public protocol NetworkSource: PeeringSource {
    func listSubscriptions() async throws -> [Subscription]
    /// Every VNet of a subscription (List All), peerings embedded.
    func listVirtualNetworks(subscription: String) async throws -> [VirtualNetwork]
}

extension PeeringSource {
    public var signedInAs: String { "" }
    public var usage: (requestsLastMinute: Int, remainingReads: Int?)? { nil }
    public func remoteSide(of peering: VirtualNetworkPeering, localVNet: ResourceID, fresh: Bool) async -> (RemoteSide, VirtualNetwork?) { (.unknown, nil) }
}
