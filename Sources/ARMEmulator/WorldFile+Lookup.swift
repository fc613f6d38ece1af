import ARMModels

/// Where a VNet sits in the world: subscription, group and VNet indices.
struct VNetIndex: Equatable {
    var subscription: Int
    var group: Int
    var vnet: Int
}

extension WorldFile {
    func subscriptionIndex(_ id: String) throws(ARMFailure) -> Int {
        guard let index = subscriptions.firstIndex(where: { $0.subscriptionId.lowercased() == id.lowercased() }) else {
            throw .subscriptionNotFound(id)
        }
        return index
    }

    func groupIndex(_ sub: String, _ group: String) throws(ARMFailure) -> (Int, Int) {
        let s = try subscriptionIndex(sub)
        guard let g = subscriptions[s].resourceGroups.firstIndex(where: { $0.name.lowercased() == group.lowercased() }) else {
            throw .groupNotFound(group)
        }
        return (s, g)
    }

    func vnetIndex(_ sub: String, _ group: String, _ name: String) throws(ARMFailure) -> VNetIndex {
        let (s, g) = try groupIndex(sub, group)
        guard let v = subscriptions[s].resourceGroups[g].virtualNetworks.firstIndex(where: { ($0.name ?? "").lowercased() == name.lowercased() })
        else { throw .vnetNotFound(name, group: group) }
        return VNetIndex(subscription: s, group: g, vnet: v)
    }

    /// Finds a VNet by its resource id, ignoring case as ARM does.
    func vnetIndex(id: String) -> VNetIndex? {
        guard let parsed = try? ResourceID(parsing: id), let group = parsed.resourceGroup, let name = parsed.virtualNetworkName else { return nil }
        return try? vnetIndex(parsed.subscriptionId, group, name)
    }

    subscript(index: VNetIndex) -> VirtualNetwork {
        get { subscriptions[index.subscription].resourceGroups[index.group].virtualNetworks[index.vnet] }
        set { subscriptions[index.subscription].resourceGroups[index.group].virtualNetworks[index.vnet] = newValue }
    }

    /// Every VNet of a subscription, in file order.
    func vnets(subscription s: Int) -> [VirtualNetwork] {
        subscriptions[s].resourceGroups.flatMap(\.virtualNetworks)
    }

    /// Fills in what a world file may leave out of a VNet: id, type, etag, resourceGuid, provisioningState.
    mutating func normalize() {
        for s in subscriptions.indices {
            for g in subscriptions[s].resourceGroups.indices {
                let group = subscriptions[s].resourceGroups[g]
                for v in group.virtualNetworks.indices {
                    var vnet = group.virtualNetworks[v]
                    let name = vnet.name ?? "vnet\(v)"
                    vnet.name = name
                    if vnet.id == nil {
                        vnet.id = ResourceID.virtualNetwork(subscriptionId: subscriptions[s].subscriptionId, resourceGroup: group.name, name: name).description
                    }
                    vnet.type = vnet.type ?? "Microsoft.Network/virtualNetworks"
                    vnet.location = vnet.location ?? group.location
                    vnet.etag = vnet.etag ?? EmulatorIDs.etag()
                    var properties = vnet.properties ?? VirtualNetworkProperties()
                    properties.provisioningState = properties.provisioningState ?? .succeeded
                    properties.resourceGuid = properties.resourceGuid ?? EmulatorIDs.guid()
                    vnet.properties = properties
                    subscriptions[s].resourceGroups[g].virtualNetworks[v] = vnet
                }
            }
        }
    }
}
