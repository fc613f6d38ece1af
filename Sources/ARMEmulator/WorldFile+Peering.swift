import ARMModels

/// Azure's peering rules, applied to the world.
///
/// A new peering is Initiated until the remote VNet peers back, then both
/// are Connected; deleting one side leaves the other Disconnected; changing a
/// peered VNet's address space puts both sides out of sync until a peering
/// is synced (`PUT …?syncRemoteAddressSpace=true`).
extension WorldFile {
    static let peeringType = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings"

    private func peeringIndex(in vnet: VirtualNetwork, named name: String) -> Int? {
        vnet.properties?.virtualNetworkPeerings?.firstIndex { $0.routeName.lowercased() == name.lowercased() }
    }

    private func reciprocalIndex(in vnet: VirtualNetwork, pointingTo id: String) -> Int? {
        vnet.properties?.virtualNetworkPeerings?.firstIndex {
            ($0.properties?.remoteVirtualNetwork?.id ?? "").lowercased() == id.lowercased()
        }
    }

    /// Creates or updates a peering (Virtual Network Peerings - Create Or Update).
    public mutating func putPeering(
        subscription: String, group: String, vnet name: String, peering peeringName: String,
        body: VirtualNetworkPeering, syncRemoteAddressSpace: Bool
    ) throws(ARMFailure) -> (peering: VirtualNetworkPeering, created: Bool) {
        let localIndex = try vnetIndex(subscription, group, name)
        let local = self[localIndex]
        let localID = local.id ?? ""
        if let existing = peeringIndex(in: local, named: peeringName) {
            var peering = local.properties?.virtualNetworkPeerings?[existing] ?? VirtualNetworkPeering()
            if syncRemoteAddressSpace {
                syncPair(localIndex: localIndex, peeringIndex: existing)
            } else {
                var properties = peering.properties ?? VirtualNetworkPeeringProperties()
                let incoming = body.properties ?? VirtualNetworkPeeringProperties()
                properties.allowVirtualNetworkAccess = incoming.allowVirtualNetworkAccess ?? properties.allowVirtualNetworkAccess
                properties.allowForwardedTraffic = incoming.allowForwardedTraffic ?? properties.allowForwardedTraffic
                properties.allowGatewayTransit = incoming.allowGatewayTransit ?? properties.allowGatewayTransit
                properties.useRemoteGateways = incoming.useRemoteGateways ?? properties.useRemoteGateways
                properties.doNotVerifyRemoteGateways = incoming.doNotVerifyRemoteGateways ?? properties.doNotVerifyRemoteGateways
                peering.properties = properties
                peering.etag = EmulatorIDs.etag()
                self[localIndex].properties?.virtualNetworkPeerings?[existing] = peering
            }
            return (self[localIndex].properties?.virtualNetworkPeerings?[existing] ?? peering, false)
        }
        guard let remoteID = body.properties?.remoteVirtualNetwork?.id, !remoteID.isEmpty else {
            throw .badRequest("InvalidRequestFormat", "Cannot parse the request: properties.remoteVirtualNetwork.id is required.")
        }
        guard let remoteIndex = vnetIndex(id: remoteID) else {
            throw .badRequest("ReferencedResourceNotFound", "Remote virtual network \(remoteID) referenced by peering \(peeringName) was not found.")
        }
        let remote = self[remoteIndex]
        let incoming = body.properties ?? VirtualNetworkPeeringProperties()
        var properties = VirtualNetworkPeeringProperties(
            allowForwardedTraffic: incoming.allowForwardedTraffic ?? false,
            allowGatewayTransit: incoming.allowGatewayTransit ?? false,
            allowVirtualNetworkAccess: incoming.allowVirtualNetworkAccess ?? true,
            doNotVerifyRemoteGateways: incoming.doNotVerifyRemoteGateways ?? false,
            enableOnlyIPv6Peering: incoming.enableOnlyIPv6Peering ?? false,
            localAddressSpace: local.properties?.addressSpace,
            localSubnetNames: incoming.localSubnetNames,
            localVirtualNetworkAddressSpace: local.properties?.addressSpace,
            peerCompleteVnets: incoming.peerCompleteVnets ?? true,
            peeringState: .initiated,
            peeringSyncLevel: .fullyInSync,
            provisioningState: .succeeded,
            remoteAddressSpace: remote.properties?.addressSpace,
            remoteBgpCommunities: remote.properties?.bgpCommunities,
            remoteSubnetNames: incoming.remoteSubnetNames,
            remoteVirtualNetwork: SubResource(id: remote.id),
            remoteVirtualNetworkAddressSpace: remote.properties?.addressSpace,
            remoteVirtualNetworkEncryption: remote.properties?.encryption,
            resourceGuid: EmulatorIDs.guid(),
            useRemoteGateways: incoming.useRemoteGateways ?? false)
        if let back = reciprocalIndex(in: remote, pointingTo: localID),
            remote.properties?.virtualNetworkPeerings?[back].properties?.peeringState?.matches(.initiated) == true
        {
            properties.peeringState = .connected
            self[remoteIndex].properties?.virtualNetworkPeerings?[back].properties?.peeringState = .connected
            self[remoteIndex].properties?.virtualNetworkPeerings?[back].etag = EmulatorIDs.etag()
        }
        let id = "\(localID)/virtualNetworkPeerings/\(peeringName)"
        let peering = VirtualNetworkPeering(etag: EmulatorIDs.etag(), id: id, name: peeringName, type: WorldFile.peeringType, properties: properties)
        var localProperties = self[localIndex].properties ?? VirtualNetworkProperties()
        localProperties.virtualNetworkPeerings = (localProperties.virtualNetworkPeerings ?? []) + [peering]
        self[localIndex].properties = localProperties
        return (peering, true)
    }

    /// Deletes a peering; the remote side's peering back becomes Disconnected.
    public mutating func deletePeering(subscription: String, group: String, vnet name: String, peering peeringName: String) throws(ARMFailure) -> Bool {
        let localIndex = try vnetIndex(subscription, group, name)
        let local = self[localIndex]
        guard let index = peeringIndex(in: local, named: peeringName) else { return false }
        let removed = local.properties?.virtualNetworkPeerings?[index]
        self[localIndex].properties?.virtualNetworkPeerings?.remove(at: index)
        if let remoteID = removed?.properties?.remoteVirtualNetwork?.id, let remoteIndex = vnetIndex(id: remoteID),
            let back = reciprocalIndex(in: self[remoteIndex], pointingTo: local.id ?? "")
        {
            self[remoteIndex].properties?.virtualNetworkPeerings?[back].properties?.peeringState = .disconnected
            self[remoteIndex].properties?.virtualNetworkPeerings?[back].etag = EmulatorIDs.etag()
        }
        return true
    }

    /// Creates a VNet or changes its address space; a change puts its peerings out of sync.
    mutating func putVirtualNetwork(subscription: String, group: String, name: String, body: VirtualNetwork) throws(ARMFailure) -> (VirtualNetwork, Bool) {
        let (s, g) = try groupIndex(subscription, group)
        guard let index = try? vnetIndex(subscription, group, name) else {
            var vnet = body
            vnet.name = name
            vnet.id = ResourceID.virtualNetwork(subscriptionId: subscriptions[s].subscriptionId, resourceGroup: subscriptions[s].resourceGroups[g].name, name: name).description
            vnet.properties?.virtualNetworkPeerings = []
            subscriptions[s].resourceGroups[g].virtualNetworks.append(vnet)
            normalize()
            return (self[try vnetIndex(subscription, group, name)], true)
        }
        return (changeAddressSpace(index, to: body.properties?.addressSpace, encryption: body.properties?.encryption), false)
    }

    /// Sets a VNet's address space; Connected peerings on both sides go out of sync.
    @discardableResult
    mutating func changeAddressSpace(_ index: VNetIndex, to space: AddressSpace?, encryption: VirtualNetworkEncryption? = nil) -> VirtualNetwork {
        var vnet = self[index]
        let old = vnet.properties?.addressSpace
        if let encryption { vnet.properties?.encryption = encryption }
        guard let space, space != old else {
            self[index] = vnet
            return vnet
        }
        vnet.properties?.addressSpace = space
        vnet.etag = EmulatorIDs.etag()
        self[index] = vnet
        for (p, peering) in (vnet.properties?.virtualNetworkPeerings ?? []).enumerated() {
            guard peering.properties?.peeringState?.matches(.connected) == true else { continue }
            self[index].properties?.virtualNetworkPeerings?[p].properties?.localVirtualNetworkAddressSpace = space
            self[index].properties?.virtualNetworkPeerings?[p].properties?.peeringSyncLevel = .localNotInSync
            if let remoteID = peering.properties?.remoteVirtualNetwork?.id, let remoteIndex = vnetIndex(id: remoteID),
                let back = reciprocalIndex(in: self[remoteIndex], pointingTo: vnet.id ?? "")
            {
                self[remoteIndex].properties?.virtualNetworkPeerings?[back].properties?.remoteVirtualNetworkAddressSpace = space
                self[remoteIndex].properties?.virtualNetworkPeerings?[back].properties?.peeringSyncLevel = .remoteNotInSync
            }
        }
        return self[index]
    }

    /// Brings both sides of a peering back in sync with the VNets' current address spaces.
    private mutating func syncPair(localIndex: VNetIndex, peeringIndex p: Int) {
        let local = self[localIndex]
        guard let peering = local.properties?.virtualNetworkPeerings?[p] else { return }
        let localSpace = local.properties?.addressSpace
        var remoteSpace = peering.properties?.remoteVirtualNetworkAddressSpace
        if let remoteID = peering.properties?.remoteVirtualNetwork?.id, let remoteIndex = vnetIndex(id: remoteID) {
            remoteSpace = self[remoteIndex].properties?.addressSpace
            if let back = reciprocalIndex(in: self[remoteIndex], pointingTo: local.id ?? "") {
                updatePeering(remoteIndex, back) { $0.markSynced(local: remoteSpace, remote: localSpace) }
            }
        }
        updatePeering(localIndex, p) { $0.markSynced(local: localSpace, remote: remoteSpace) }
    }

    /// Changes one peering of a VNet in place.
    mutating func updatePeering(_ index: VNetIndex, _ p: Int, _ change: (inout VirtualNetworkPeering) -> Void) {
        guard var peering = self[index].properties?.virtualNetworkPeerings?[p] else { return }
        change(&peering)
        self[index].properties?.virtualNetworkPeerings?[p] = peering
    }
}

extension VirtualNetworkPeering {
    /// Records the VNets' current address spaces as the peered ones.
    mutating func markSynced(local: AddressSpace?, remote: AddressSpace?) {
        var properties = self.properties ?? VirtualNetworkPeeringProperties()
        properties.localAddressSpace = local
        properties.localVirtualNetworkAddressSpace = local
        properties.remoteAddressSpace = remote
        properties.remoteVirtualNetworkAddressSpace = remote
        properties.peeringSyncLevel = .fullyInSync
        self.properties = properties
        etag = EmulatorIDs.etag()
    }
}

extension VirtualNetworkPeering {
    /// The name ARM routes by: the last segment of the id (the sample's second peering is named "peer" but lives at …/peer2).
    var routeName: String {
        if let id, let last = id.split(separator: "/").last { return String(last) }
        return name ?? ""
    }
}
