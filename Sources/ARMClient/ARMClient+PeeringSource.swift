import Synchronization
import FoundationEssentials
import ARMModels
import PeeringBrowser

extension ARMClient: PeeringSource {
    public var signedInAs: String { pipeline.credential.identity }
    public var usage: (requestsLastMinute: Int, remainingReads: Int?)? { pipeline.meter.snapshot() }

    /// Lists every peering of a VNet, for the browser.
    public func peerings(of vnet: ResourceID) async throws -> [VirtualNetworkPeering] {
        guard let group = vnet.resourceGroup, let name = vnet.virtualNetworkName else {
            throw ARMError(kind: .invalidInput, message: "\(vnet) is not a virtual network id")
        }
        return try await peerings(subscriptionId: vnet.subscriptionId, resourceGroup: group, virtualNetwork: name).collect()
    }
}

extension ARMClient: NetworkSource {
    public func listSubscriptions() async throws -> [Subscription] { try await subscriptions().collect() }

    public func listVirtualNetworks(subscription: String) async throws -> [VirtualNetwork] {
        try await virtualNetworks(subscriptionId: subscription).collect()
    }
}

extension ARMClient {
    /// Reads the remote VNet (its peerings are embedded) and finds the peering back to `localVNet`.
    ///
    /// 403 becomes "no access" and 404 "not found": neither is an error of the browser's. The VNets are
    /// kept without the embedded peerings nobody looks at: none for the local one (a hub's would be the
    /// whole list again), and for the remote one only those back to `localVNet`.
    public func remoteSide(of peering: VirtualNetworkPeering, localVNet: ResourceID, fresh: Bool = true) async -> (RemoteSide, VirtualNetwork?) {
        let local: VirtualNetwork?
        if let group = localVNet.resourceGroup, let name = localVNet.virtualNetworkName {
            local = try? await cachedVirtualNetwork(localVNet, maxAge: 60) {
                try await self.virtualNetwork(subscriptionId: localVNet.subscriptionId, resourceGroup: group, name: name, peerings: .none)
            }
        } else {
            local = nil
        }
        guard let text = peering.properties?.remoteVirtualNetwork?.id, let remoteID = try? ResourceID(parsing: text),
            let group = remoteID.resourceGroup, let name = remoteID.virtualNetworkName
        else { return (.failed("the peering names no readable remote VNet id"), local) }
        let key = localVNet.comparisonKey
        let pointsBack = { (candidate: VirtualNetworkPeering) in
            (candidate.properties?.remoteVirtualNetwork?.id).flatMap { try? ResourceID(parsing: $0) }?.comparisonKey == key
        }
        do {
            let vnet = try await cachedVirtualNetwork(remoteID, maxAge: fresh ? 0 : 15) {
                try await self.virtualNetwork(subscriptionId: remoteID.subscriptionId, resourceGroup: group, name: name, peerings: .matching(pointsBack))
            }
            let back = vnet.properties?.virtualNetworkPeerings?.first(where: pointsBack)
            return (.loaded(vnet: vnet, reciprocal: back), local)
        } catch let error as ARMError where error.kind == .forbidden {
            return (.noAccess, local)
        } catch let error as ARMError where error.kind == .notFound {
            return (.notFound, local)
        } catch {
            return (.failed(DisplayText.sanitize("\(error)")), local)
        }
    }
}

extension ARMClient {
    /// A VNet read no more than `maxAge` seconds ago, or a new read (which refreshes the cache).
    func cachedVirtualNetwork(_ id: ResourceID, maxAge: TimeInterval, read: () async throws -> VirtualNetwork) async throws -> VirtualNetwork {
        let key = id.comparisonKey
        if maxAge > 0, let hit = vnetCache.withLock({ $0[key] }), Date().timeIntervalSince(hit.at) <= maxAge { return hit.vnet }
        let vnet = try await read()
        vnetCache.withLock { cache in
            cache[key] = (vnet, Date())
            if cache.count > 500 { cache.removeAll() }
        }
        return vnet
    }
}

extension ARMError: RefreshDescribable {
    public var refreshMessage: String { DisplayText.sanitize(description) }
    public var refreshRetryAfter: Duration? { retryAfter }
}
